import { describe, expect, it } from "vitest";
import { DEFAULT_RISK_SETTINGS, emptyAssessment, type Assessment, type ThreatAssessment } from "../../../lib/risk/assessment";
import { evaluateThreat, riskOverview } from "../../../lib/risk/evaluate";
import { exploitabilityLevel, exploitabilityScore } from "../../../lib/risk/exploitability";
import { parseVector } from "../../../lib/risk/cvss";
import type { Threat } from "../../../lib/threats/engine";

const threat = (over: Partial<Threat> = {}): Threat =>
  ({ id: "rule@target", affectsSafety: true, reachesManyPatients: false, assetKinds: [], ...over }) as Threat;

const assessed = (over: Partial<ThreatAssessment> = {}): ThreatAssessment => ({
  id: "rule@target",
  status: "open",
  justification: "",
  decidedBy: "",
  decidedAt: "",
  before: { cvss31: "", cvss40: "", rubric: "" },
  after: { cvss31: "", cvss40: "" },
  controls: [],
  ...over,
});

const hazards: Assessment["hazards"] = [
  { id: "overdose", title: "Overdose", harm: "", severity: "critical" },
  { id: "annoyance", title: "Annoyance", harm: "", severity: "minor" },
];
const context = { hazards, settings: DEFAULT_RISK_SETTINGS };
const metrics = (v: string) => {
  const p = parseVector(v);
  if (!p.ok) throw new Error(p.reason);
  return p;
};

describe("exploitability", () => {
  it.each([
    ["CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", 3.89, "high"],
    ["CVSS:3.1/AV:A/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", 2.84, "high"],
    ["CVSS:3.1/AV:L/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", 2.51, "medium"],
    ["CVSS:3.1/AV:P/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", 0.91, "low"],
    ["CVSS:3.1/AV:A/AC:H/PR:H/UI:R/S:U/C:N/I:L/A:L", 0.38, "very-low"],
    ["CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:C/C:H/I:H/A:H", 3.11, "high"],
  ])("%s has sub-score %f (%s)", (vector, expected, level) => {
    const p = metrics(vector);
    const score = exploitabilityScore(p.version, p.metrics)!;
    expect(score).toBeCloseTo(expected, 1);
    expect(exploitabilityLevel(score, DEFAULT_RISK_SETTINGS.exploitabilityThresholds)).toBe(level);
  });

  it("maps CVSS 4.0 onto the same formula, attack requirements counting like high complexity", () => {
    const plain = metrics("CVSS:4.0/AV:A/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N");
    const withRequirements = metrics("CVSS:4.0/AV:A/AC:L/AT:P/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N");
    expect(exploitabilityScore("4.0", plain.metrics)).toBeCloseTo(2.84, 1);
    expect(exploitabilityScore("4.0", withRequirements.metrics)).toBeCloseTo(2.84 * (0.44 / 0.77), 1);
  });

  it("uses the modified (environmental) metrics of a 3.1 vector when given", () => {
    const p = metrics("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/MAV:P");
    expect(exploitabilityScore(p.version, p.metrics)).toBeCloseTo(0.91, 1);
  });
});

describe("risk of one threat", () => {
  it("judges a safety threat on the matrix: critical harm at high exploitability is unacceptable, at very low acceptable", () => {
    const r = evaluateThreat(
      threat(),
      assessed({ hazard: "overdose", before: { cvss31: "CVSS:3.1/AV:A/AC:L/PR:N/UI:N/S:U/C:N/I:H/A:H", cvss40: "", rubric: "" }, after: { cvss31: "CVSS:3.1/AV:A/AC:H/PR:H/UI:R/S:U/C:N/I:L/A:L", cvss40: "" } }),
      context,
    );
    expect(r).toMatchObject({ kind: "safety", severity: "critical", hazardMissing: false });
    expect(r.before).toMatchObject({ exploitability: "high", acceptable: false, band: "high", score: 8.1 });
    expect(r.after).toMatchObject({ exploitability: "very-low", acceptable: true });
  });

  it("takes the worst case for what is missing: no vector → high exploitability, no hazard → catastrophic", () => {
    const r = evaluateThreat(threat(), undefined, context);
    expect(r).toMatchObject({ kind: "safety", severity: "catastrophic", hazardMissing: true });
    expect(r.before).toMatchObject({ assumed: true, exploitability: "high", acceptable: false });
    expect(r.after.sameAsBefore).toBe(true);
  });

  it("raises the severity for multi-patient harm, from the model or overridden", () => {
    const minor = assessed({ hazard: "annoyance", before: { cvss31: "CVSS:3.1/AV:L/AC:L/PR:N/UI:N/S:U/C:N/I:L/A:N", cvss40: "", rubric: "" } });
    expect(evaluateThreat(threat(), minor, context).severity).toBe("minor");
    expect(evaluateThreat(threat({ reachesManyPatients: true }), minor, context).severity).toBe("serious");
    expect(evaluateThreat(threat({ reachesManyPatients: true }), { ...minor, multiPatient: false }, context).severity).toBe("minor");
    expect(evaluateThreat(threat(), { ...minor, multiPatient: true }, context)).toMatchObject({ severity: "serious", multiPatient: true });
    const none = { ...context, settings: { ...DEFAULT_RISK_SETTINGS, multiPatientEscalation: 0 } };
    expect(evaluateThreat(threat({ reachesManyPatients: true }), minor, none).severity).toBe("minor");
  });

  it("judges a security-only threat by its CVSS band, stricter for patient data of many patients", () => {
    const medium = assessed({ before: { cvss31: "CVSS:3.1/AV:N/AC:H/PR:L/UI:N/S:U/C:H/I:N/A:N", cvss40: "", rubric: "" } });
    const security = threat({ affectsSafety: false });
    expect(evaluateThreat(security, medium, context).before).toMatchObject({ band: "medium", acceptable: true });
    const bulkPhi = threat({ affectsSafety: false, reachesManyPatients: true, assetKinds: ["patient-data"] });
    expect(evaluateThreat(bulkPhi, medium, context).before).toMatchObject({ band: "medium", acceptable: false });
    expect(evaluateThreat(security, undefined, context).before.acceptable).toBe(false);
  });

  it("prefers the CVSS 4.0 score for the band and the 3.1 vector for exploitability", () => {
    const both = assessed({
      hazard: "overdose",
      before: { cvss31: "CVSS:3.1/AV:P/AC:L/PR:N/UI:N/S:U/C:N/I:H/A:H", cvss40: "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N", rubric: "" },
    });
    const r = evaluateThreat(threat(), both, context);
    expect(r.before.band).toBe("critical");
    expect(r.before.exploitability).toBe("low");
  });

  it("reports invalid vectors instead of scoring them", () => {
    const r = evaluateThreat(threat(), assessed({ before: { cvss31: "CVSS:3.1/AV:X", cvss40: "", rubric: "" } }), context);
    expect(r.before.invalid).toEqual([{ field: "before.cvss31", reason: expect.any(String) }]);
    expect(r.before.assumed).toBe(true);
  });

  it("leaves not-applicable threats out of the overview", () => {
    const a: Assessment = { ...emptyAssessment(), hazards, threats: [assessed({ id: "x@1", status: "not-applicable" })] };
    const overview = riskOverview([threat({ id: "x@1" }), threat({ id: "y@1" })], a);
    expect(overview.risks.map((r) => r.threatId)).toEqual(["y@1"]);
  });
});

describe("risk overview", () => {
  it("lists unacceptable residual risks first, counts the heat map and bands before and after", () => {
    const a: Assessment = {
      ...emptyAssessment(),
      hazards,
      threats: [
        assessed({ id: "ok@1", hazard: "overdose", before: { cvss31: "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:H/A:H", cvss40: "", rubric: "" }, after: { cvss31: "CVSS:3.1/AV:P/AC:H/PR:H/UI:R/S:U/C:N/I:L/A:N", cvss40: "" } }),
        assessed({ id: "bad@1", hazard: "overdose", before: { cvss31: "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:H/A:H", cvss40: "", rubric: "" } }),
      ],
    };
    const overview = riskOverview([threat({ id: "ok@1" }), threat({ id: "bad@1" })], a);
    expect(overview.risks.map((r) => r.threatId)).toEqual(["bad@1", "ok@1"]);
    expect(overview.unacceptableAfter).toBe(1);
    expect(overview.heatmap.before.critical.high).toBe(2);
    expect(overview.heatmap.after.critical.high).toBe(1);
    expect(overview.heatmap.after.critical["very-low"]).toBe(1);
    expect(overview.bands.before.critical).toBe(2);
    expect(overview.bands.after.critical).toBe(1);
    expect(overview.bands.after.low).toBe(1);
  });
});
