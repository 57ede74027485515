import type { MdrAnnexIId } from "../catalog/annex-i";
import type { CapabilityCode } from "../catalog/capabilities";
import type { FdaControlCategory } from "../catalog/fda-controls";
import type { RiskControlOption } from "../catalog/mdcg-expectations";

/** Pattern of control ids: "ctl-" followed by lower-case words joined by hyphens. */
export const CONTROL_ID_PATTERN = /^ctl-[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * How a control can be verified: the testing methods of MDCG 2019-16 §3.7 (security feature testing,
 * fuzz testing, vulnerability scanning, penetration testing, secure code analysis, open-source
 * component scanning) and FDA premarket guidance (2025) §V.C, plus code review and inspection
 * (of the design, a document or the physical device).
 */
export const VERIFICATION_METHODS = [
  "security-feature-test",
  "fuzz-test",
  "vulnerability-scan",
  "penetration-test",
  "code-review",
  "static-analysis",
  "sca-scan",
  "inspection",
] as const;
export type VerificationMethod = (typeof VERIFICATION_METHODS)[number];

/** The MDCG 2019-16 §3.3 priority of a control: secure design, then protective measures, then information for security. */
export type ControlType = RiskControlOption;

/**
 * A security control a manufacturer can put in place. Controls are data; threat rules point at them
 * through their `controls` field (lib/threats/rule.ts).
 *
 * Rule for risk transfer (tested in tests/unit/controls/library.test.ts): a control transfers to the
 * operator when it only works if the user, operator or hospital does something (MDCG 2019-16 §2.3,
 * §3.6; FDA premarket guidance (2025) §V.A.1 risk transfer). Every information-for-security control
 * transfers; a secure-design or protective-measure control may also transfer (e.g. a device that
 * works with the operator's anti-malware). Whenever a control transfers, `operatorAction` states
 * what the operator must do, and that text belongs in the IFU (MDR Annex I 23.4(ab), 17.4).
 */
export interface SecurityControl {
  /** Stable, "ctl-" + kebab-case; never reused for another meaning. */
  readonly id: string;
  readonly title: string;
  /** What the control is and how it works, 1–3 sentences. */
  readonly description: string;
  /** MDCG 2019-16 §3.3 priority. */
  readonly type: ControlType;
  /**
   * FDA premarket guidance (2025) Appendix 1 category. For information for security, which the
   * guidance treats under labeling (§VI.A) rather than Appendix 1, the category whose objective the
   * information serves.
   */
  readonly fdaCategory: FdaControlCategory;
  /** IEC TR 80001-2-2 capabilities the control provides; empty when none of the 19 fits. */
  readonly capabilities: readonly CapabilityCode[];
  /** MDR Annex I requirements of MDCG 2019-16 Table 1 the control supports (IVDR projects use the equivalents). */
  readonly annexI: readonly MdrAnnexIId[];
  /** True when the control relies on the user or operator doing something (see the rule above). */
  readonly transfersToOperator: boolean;
  /** What the user or operator must do, to be disclosed in the IFU; present exactly when `transfersToOperator`. */
  readonly operatorAction?: string;
  /** Applies to the whole product and its life cycle rather than to a particular threat; need not be named by a rule. */
  readonly general?: boolean;
  /** Suggested verification methods. */
  readonly verification: readonly VerificationMethod[];
  /** What motivates the control, e.g. "MDCG 2019-16 Annex II (message authentication programmer↔IPG)". */
  readonly source: string;
}
