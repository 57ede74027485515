import type { Threat } from "../threats/engine";
import {
  CVSS_BANDS,
  ISO_SEVERITIES,
  type Assessment,
  type CvssBand,
  type Exploitability,
  type Hazard,
  type IsoSeverity,
  type RiskSettings,
  type ThreatAssessment,
} from "./assessment";
import { exploitabilityLevel, exploitabilityScore } from "./exploitability";
import { scoreVector } from "./cvss";

/**
 * Risk of each threat before and after its controls (MDCG 2019-16 §3.2–3.5, FDA: exploitability
 * instead of probability). A threat that can affect safety is judged on the acceptability matrix
 * (exploitability × ISO 14971 severity of its hazard); one that cannot, on the security acceptance
 * criteria (CVSS band). Whatever is missing is taken at its worst: no vector → high exploitability,
 * no hazard → catastrophic, so that an unassessed risk is never shown as acceptable.
 */

export interface ScoredVector {
  version: string;
  vector: string;
  score: number;
  band: CvssBand;
}

export interface PhaseRisk {
  cvss31?: ScoredVector;
  cvss40?: ScoredVector;
  /** The score the band comes from: CVSS 4.0 when given, else 3.x. */
  score?: number;
  band?: CvssBand;
  exploitabilityScore?: number;
  exploitability: Exploitability;
  /** No usable vector: exploitability is taken as high (worst case). */
  assumed: boolean;
  /** The after phase has no scores of its own and repeats the before phase. */
  sameAsBefore?: boolean;
  acceptable: boolean;
  because: string;
  invalid: { field: string; reason: string }[];
}

export interface ThreatRisk {
  threatId: string;
  kind: "safety" | "security";
  applicable: boolean;
  multiPatient: boolean;
  hazard?: Hazard;
  hazardMissing: boolean;
  /** Safety risks: the hazard's severity, raised for multi-patient harm. */
  severity?: IsoSeverity;
  before: PhaseRisk;
  after: PhaseRisk;
}

const bandOf = (score: number): CvssBand => (score === 0 ? "none" : score < 4 ? "low" : score < 7 ? "medium" : score < 9 ? "high" : "critical");
const rank = (band: CvssBand) => CVSS_BANDS.indexOf(band);

function score(field: string, text: string, invalid: PhaseRisk["invalid"]): (ScoredVector & { metrics: Record<string, string> }) | undefined {
  if (!text) return undefined;
  const result = scoreVector(text);
  if (!result.ok) {
    invalid.push({ field, reason: result.reason });
    return undefined;
  }
  return { version: result.version, vector: result.vector, score: result.score, band: bandOf(result.score), metrics: result.metrics };
}

interface Context {
  kind: ThreatRisk["kind"];
  severity?: IsoSeverity;
  manyPatientsData: boolean;
  settings: RiskSettings;
}

function phase(vectors: { cvss31: string; cvss40: string }, prefix: string, ctx: Context): PhaseRisk {
  const invalid: PhaseRisk["invalid"] = [];
  const v31 = score(`${prefix}.cvss31`, vectors.cvss31, invalid);
  const v40 = score(`${prefix}.cvss40`, vectors.cvss40, invalid);
  const main = v40 ?? v31;
  const forExploitability = v31 ?? v40;
  const exploitScore = forExploitability ? exploitabilityScore(forExploitability.version, forExploitability.metrics) : undefined;
  const assumed = exploitScore === undefined;
  const exploitability = assumed ? "high" : exploitabilityLevel(exploitScore, ctx.settings.exploitabilityThresholds);
  let acceptable: boolean;
  let because: string;
  if (ctx.kind === "safety") {
    const severity = ctx.severity ?? "catastrophic";
    acceptable = ctx.settings.matrix[exploitability][severity] === "acceptable";
    because = `${severity} harm at ${exploitability} exploitability${assumed ? " (no CVSS vector: worst case assumed)" : ""} is ${acceptable ? "acceptable" : "unacceptable"} in the risk matrix`;
  } else {
    const limit = ctx.manyPatientsData ? ctx.settings.securityAcceptance.maxBandManyPatientsData : ctx.settings.securityAcceptance.maxBand;
    acceptable = main !== undefined && rank(main.band) <= rank(limit);
    because = main
      ? `security risk with CVSS ${main.score} (${main.band}); acceptable up to ${limit}${ctx.manyPatientsData ? " for patient data of many patients" : ""}`
      : "security risk without a CVSS score: not acceptable until scored";
  }
  const strip = (v?: ScoredVector & { metrics: unknown }) => (v ? { version: v.version, vector: v.vector, score: v.score, band: v.band } : undefined);
  return {
    cvss31: strip(v31),
    cvss40: strip(v40),
    score: main?.score,
    band: main?.band,
    exploitabilityScore: exploitScore,
    exploitability,
    assumed,
    acceptable,
    because,
    invalid,
  };
}

function escalate(severity: IsoSeverity, steps: number): IsoSeverity {
  return ISO_SEVERITIES[Math.min(ISO_SEVERITIES.length - 1, ISO_SEVERITIES.indexOf(severity) + steps)];
}

export function evaluateThreat(threat: Threat, assessed: ThreatAssessment | undefined, assessment: Pick<Assessment, "hazards" | "settings">): ThreatRisk {
  const settings = assessment.settings;
  const multiPatient = assessed?.multiPatient ?? threat.reachesManyPatients;
  const hazard = assessed?.hazard ? assessment.hazards.find((h) => h.id === assessed.hazard) : undefined;
  const kind = threat.affectsSafety || hazard ? "safety" : "security";
  const severity = kind === "safety" ? escalate(hazard?.severity ?? "catastrophic", multiPatient ? settings.multiPatientEscalation : 0) : undefined;
  const ctx: Context = { kind, severity, settings, manyPatientsData: multiPatient && threat.assetKinds.includes("patient-data") };
  const before = phase(assessed?.before ?? { cvss31: "", cvss40: "" }, "before", ctx);
  const ownAfter = assessed && (assessed.after.cvss31 || assessed.after.cvss40);
  const after = ownAfter ? phase(assessed.after, "after", ctx) : { ...before, sameAsBefore: true };
  return {
    threatId: threat.id,
    kind,
    applicable: assessed?.status !== "not-applicable",
    multiPatient,
    hazard,
    hazardMissing: kind === "safety" && !hazard,
    severity,
    before,
    after,
  };
}

export interface RiskOverview {
  risks: ThreatRisk[];
  /** Safety risks counted by severity and exploitability, before and after controls. */
  heatmap: { before: Record<IsoSeverity, Record<Exploitability, number>>; after: Record<IsoSeverity, Record<Exploitability, number>> };
  bands: { before: Record<CvssBand | "unscored", number>; after: Record<CvssBand | "unscored", number> };
  unacceptableAfter: number;
}

const emptyHeat = () =>
  Object.fromEntries(ISO_SEVERITIES.map((s) => [s, { "very-low": 0, low: 0, medium: 0, high: 0 }])) as Record<IsoSeverity, Record<Exploitability, number>>;
const emptyBands = () => Object.fromEntries([...CVSS_BANDS, "unscored"].map((b) => [b, 0])) as Record<CvssBand | "unscored", number>;

/** Every applicable threat's risk, unacceptable residual risks first, then by severity and score. */
export function riskOverview(threats: readonly Threat[], assessment: Assessment): RiskOverview {
  const byId = new Map(assessment.threats.map((t) => [t.id, t]));
  const risks = threats.map((t) => evaluateThreat(t, byId.get(t.id), assessment)).filter((r) => r.applicable);
  const heatmap = { before: emptyHeat(), after: emptyHeat() };
  const bands = { before: emptyBands(), after: emptyBands() };
  for (const r of risks) {
    if (r.severity) {
      heatmap.before[r.severity][r.before.exploitability]++;
      heatmap.after[r.severity][r.after.exploitability]++;
    }
    bands.before[r.before.band ?? "unscored"]++;
    bands.after[r.after.band ?? "unscored"]++;
  }
  const weight = (r: ThreatRisk) => (r.severity ? ISO_SEVERITIES.indexOf(r.severity) : -1);
  risks.sort(
    (a, b) =>
      Number(a.after.acceptable) - Number(b.after.acceptable) ||
      weight(b) - weight(a) ||
      (b.after.score ?? 11) - (a.after.score ?? 11) ||
      a.threatId.localeCompare(b.threatId),
  );
  return { risks, heatmap, bands, unacceptableAfter: risks.filter((r) => !r.after.acceptable).length };
}
