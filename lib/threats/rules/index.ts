import type { ThreatRule } from "../rule";
import { interactionRules } from "./interaction";
import { strideBaselineRules } from "./stride-baseline";
import { therapyRules } from "./therapy";
import { updateRules } from "./updates";

/** Version of the built-in threat library; bump it whenever a rule is added, changed or removed. */
export const LIBRARY_VERSION = "2026.11.0";

export const RULE_FAMILIES: { id: string; title: string; rules: readonly ThreatRule[] }[] = [
  { id: "stride-baseline", title: "STRIDE per element", rules: strideBaselineRules },
  { id: "interaction", title: "STRIDE per interaction across trust boundaries", rules: interactionRules },
  { id: "therapy", title: "Therapy commands and settings", rules: therapyRules },
  { id: "updates", title: "Software updates and patchability", rules: updateRules },
];

export const BUILT_IN_RULES: readonly ThreatRule[] = RULE_FAMILIES.flatMap((f) => f.rules);

export const ruleById = (id: string) => BUILT_IN_RULES.find((r) => r.id === id);
