/**
 * Bounds on one analysis, so that no model and rule set can make it run out of time or memory:
 * rule evaluations (targets × the rules that apply to each), threats raised, and wall-clock time.
 * Past a bound the analysis stops and says which bound and how to stay inside it.
 */
export interface AnalysisLimits {
  /** Rule evaluations: each element and flow times the rules that target its kind. */
  evaluations: number;
  threats: number;
  milliseconds: number;
}

export const ANALYSIS_LIMITS: AnalysisLimits = { evaluations: 20_000_000, threats: 200_000, milliseconds: 60_000 };

export type AnalysisLimitKind = keyof AnalysisLimits;

export class AnalysisLimitError extends Error {
  constructor(
    public readonly limit: AnalysisLimitKind,
    message: string,
  ) {
    super(message);
    this.name = "AnalysisLimitError";
  }
}

const n = (value: number) => value.toLocaleString("en-US");

export const tooManyEvaluations = (evaluations: number, targets: number, rules: number, limit: number) =>
  new AnalysisLimitError(
    "evaluations",
    `the analysis was not run: ${n(targets)} elements and flows under ${n(rules)} rules need ${n(evaluations)} rule evaluations, more than the limit of ${n(limit)}; split the model into several projects or use fewer custom rules`,
  );

export const tooManyThreats = (limit: number, targetsDone: number, targets: number) =>
  new AnalysisLimitError(
    "threats",
    `the analysis stopped: the rules raised more than ${n(limit)} threats after ${n(targetsDone)} of ${n(targets)} elements and flows; custom rules that fire on almost everything, or a model this large, cannot be assessed one threat at a time; narrow the rules' conditions or split the model`,
  );

export const tooSlow = (limit: number, targetsDone: number, targets: number) =>
  new AnalysisLimitError(
    "milliseconds",
    `the analysis stopped after ${n(limit / 1000)} s with ${n(targetsDone)} of ${n(targets)} elements and flows done; split the model or simplify the custom rules`,
  );
