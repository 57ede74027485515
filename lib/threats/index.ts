import type { Model } from "../model/schema";
import { analyze, evaluationsOf, type Analysis } from "./engine";
import { ANALYSIS_LIMITS, type AnalysisLimits } from "./limits";
import type { ThreatRule } from "./rule";
import { BUILT_IN_RULES, LIBRARY_VERSION } from "./rules";

export type { Analysis, Threat, CoverageEntry, CoverageCategory } from "./engine";
export type { ThreatRule } from "./rule";
export { BUILT_IN_RULES, LIBRARY_VERSION, RULE_FAMILIES, ruleById } from "./rules";
export { whyNotRaised } from "./engine";

export { AnalysisLimitError, ANALYSIS_LIMITS, type AnalysisLimits } from "./limits";

/** The threats of a model under the built-in library plus any user rules, within the analysis limits. */
export function analyzeModel(model: Model, customRules: readonly ThreatRule[] = [], limits: AnalysisLimits = ANALYSIS_LIMITS): Analysis {
  return analyze(model, [...BUILT_IN_RULES, ...customRules], LIBRARY_VERSION, limits);
}

/** The rule evaluations analyzeModel would make: what decides whether it is worth running off the request thread. */
export const analysisEvaluations = (model: Model, customRules: readonly ThreatRule[] = []) => evaluationsOf(model, [...BUILT_IN_RULES, ...customRules]);
