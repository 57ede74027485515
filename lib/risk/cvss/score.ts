import aeCvss from "ae-cvss-calculator";
import { type CvssVersion, groupOf, type MetricGroupId } from "./metrics";
import { parseVector, type VectorErrorKind } from "./parse";

// ae-cvss-calculator is a UMD bundle: Node's ESM loader only sees its default export.
const { Cvss3P0, Cvss3P1, Cvss4P0 } = aeCvss;

export type Severity = "None" | "Low" | "Medium" | "High" | "Critical";
export type Cvss4Nomenclature = "CVSS-B" | "CVSS-BT" | "CVSS-BE" | "CVSS-BTE";

export type ScoredVector =
  | {
      ok: true;
      version: CvssVersion;
      /** The normalised vector (see parseVector). */
      vector: string;
      /** The defined metrics of the normalised vector, in vector order. */
      metrics: Record<string, string>;
      /** 3.x: environmental if given, else temporal if given, else base. 4.0: the score of the whole vector. */
      score: number;
      /** 3.x: the base score. 4.0: the CVSS-B score of the base metrics alone. */
      baseScore: number;
      /** Severity of `score`. */
      severity: Severity;
      /** 4.0 only: which metric groups the score uses. */
      nomenclature?: Cvss4Nomenclature;
      /** 3.x only: the exploitability sub-score. */
      exploitability?: number;
      /** 3.x only, when temporal metrics are given. */
      temporalScore?: number;
      /** 3.x only, when environmental metrics are given. */
      environmentalScore?: number;
    }
  | { ok: false; reason: string; kind: VectorErrorKind | "calculator" };

/** Qualitative severity rating scale (CVSS 3.1 and 4.0 use the same bands). */
export function severityOf(score: number): Severity {
  if (score === 0) return "None";
  if (score < 4) return "Low";
  if (score < 7) return "Medium";
  if (score < 9) return "High";
  return "Critical";
}

export function scoreVector(text: string): ScoredVector {
  const parsed = parseVector(text);
  if (!parsed.ok) return parsed;
  const { version, vector, metrics } = parsed;
  const groups = new Set<MetricGroupId | undefined>(Object.keys(metrics).map((m) => groupOf(version, m)));

  if (version === "4.0") {
    const scores = new Cvss4P0(vector).calculateScores();
    const baseScore = scores.baseMetricsOnly;
    if (baseScore === undefined) return { ok: false, kind: "calculator", reason: `ae-cvss-calculator returned no base score for ${vector}` };
    const nomenclature = `CVSS-B${groups.has("threat") ? "T" : ""}${groups.has("environmental") ? "E" : ""}` as Cvss4Nomenclature;
    return { ok: true, version, vector, metrics, score: scores.overall, baseScore, severity: severityOf(scores.overall), nomenclature };
  }

  const scores = (version === "3.0" ? new Cvss3P0(vector) : new Cvss3P1(vector)).calculateScores();
  const { base, temporal, environmental, exploitability } = scores;
  if (base === undefined) return { ok: false, kind: "calculator", reason: `ae-cvss-calculator returned no base score for ${vector}` };
  const temporalScore = groups.has("temporal") ? temporal : undefined;
  const environmentalScore = groups.has("environmental") ? environmental : undefined;
  const score = environmentalScore ?? temporalScore ?? base;
  return {
    ok: true,
    version,
    vector,
    metrics,
    score,
    baseScore: base,
    severity: severityOf(score),
    ...(exploitability !== undefined && { exploitability }),
    ...(temporalScore !== undefined && { temporalScore }),
    ...(environmentalScore !== undefined && { environmentalScore }),
  };
}
