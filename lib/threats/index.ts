import type { Model } from "../model/schema";
import { analyze, type Analysis } from "./engine";
import type { ThreatRule } from "./rule";
import { BUILT_IN_RULES, LIBRARY_VERSION } from "./rules";

export type { Analysis, Threat, CoverageEntry, CoverageCategory } from "./engine";
export type { ThreatRule } from "./rule";
export { BUILT_IN_RULES, LIBRARY_VERSION, RULE_FAMILIES, ruleById } from "./rules";
export { whyNotRaised } from "./engine";

/** The threats of a model under the built-in library plus any user rules. */
export function analyzeModel(model: Model, customRules: readonly ThreatRule[] = []): Analysis {
  return analyze(model, [...BUILT_IN_RULES, ...customRules], LIBRARY_VERSION);
}
