import { z } from "zod";
import { Condition } from "./condition";
import { TARGET_KINDS, type TargetKind } from "./facts";
import type { CapabilityCode } from "../catalog/capabilities";
import { STRIDE_CATEGORIES, type StrideCategory } from "../catalog/stride";

export { STRIDE_CATEGORIES as STRIDE } from "../catalog/stride";

/**
 * A threat rule: when `when` holds for a target (an element of one of `targets`, or a flow), the
 * threat `<rule id>@<target id>` exists. Rules are data, in the style of one family per file.
 */
export interface ThreatRule {
  id: string;
  title: string;
  stride: StrideCategory;
  targets: readonly TargetKind[];
  when: Condition;
  /** Plain text with {{fact}} placeholders, e.g. "{{from.name}} sends {{assets}} to {{to.name}}". */
  description: string;
  capec: readonly string[];
  cwe: readonly string[];
  /** IEC TR 80001-2-2 capabilities that counter it. */
  capabilities: readonly CapabilityCode[];
  /** Whether exploiting it can harm a patient; `when` decides per target, `why` says how. */
  safety: { when: Condition | "always" | "never"; why: string };
  /** MDR Annex I requirement ids (MDCG 2019-16 Table 1); IVDR projects get the equivalents. */
  annexI: readonly string[];
  /** Where the threat comes from, e.g. "MDCG 2019-16 Annex II (ventilator, USB malware)". */
  source: string;
  family: string;
  /** More general rules this one replaces on the same target when both fire (less noise, same coverage). */
  supersedes?: readonly string[];
  /**
   * Ids of security controls of lib/controls that counter the threat, most relevant first and in
   * MDCG 2019-16 §3.3 order (secure design, protective measures, information for security).
   * Optional for custom rules; every built-in rule names at least one (tests/unit/controls).
   */
  controls?: readonly string[];
}

export const RULE_ID_PATTERN = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

/** The shape user-written rules must have; lib/threats/custom-rules.ts adds the checks against facts and catalogues. */
export const RuleSchema = z.strictObject({
  id: z.string().max(80).regex(RULE_ID_PATTERN, { error: "rule ids are lower-case words joined by hyphens" }),
  title: z.string().trim().min(1).max(200),
  stride: z.enum(STRIDE_CATEGORIES),
  targets: z.array(z.enum(TARGET_KINDS as [TargetKind, ...TargetKind[]])).min(1),
  when: Condition,
  description: z.string().trim().min(1).max(2000),
  capec: z.array(z.string().regex(/^CAPEC-\d+$/)).default([]),
  cwe: z.array(z.string().regex(/^CWE-\d+$/)).default([]),
  capabilities: z.array(z.string()).default([]),
  safety: z.strictObject({ when: z.union([z.literal("always"), z.literal("never"), Condition]), why: z.string().trim().min(1).max(500) }),
  annexI: z.array(z.string()).default([]),
  source: z.string().trim().max(300).default("custom rule"),
  supersedes: z.array(z.string()).default([]),
  controls: z.array(z.string()).default([]),
});
export type RuleInput = z.input<typeof RuleSchema>;
