import { STRIDE_PER_ELEMENT } from "../catalog";
import {
  passingEvidence,
  requirementTrace,
  threatStatus,
  traceIndex,
  type TraceIndex,
  type TraceInput,
} from "./matrix";

/**
 * The coverage review a reviewer works from: every individual check of the assessment, the ones that
 * fail as gaps (what is missing, and the page where it is fixed), and a readiness figure over all
 * checks. Checks, by category:
 *
 * - coverage: each element and flow was analysed, and for each STRIDE category expected for its kind
 *   (STRIDE-per-element) at least one rule was considered;
 * - decision: each threat has a decision other than "open", with a justification;
 * - risk: each applicable threat's residual risk is acceptable (a threat decided "mitigated" whose
 *   residual risk is not gets its own message), and each safety threat is linked to a hazard;
 * - verification: each control that a threat needs (linked from a current threat not decided
 *   "not-applicable") is verified, and each verified control has passing evidence;
 * - requirement: each Annex I requirement of the project's regulation (MDCG 2019-16 Table 1) is
 *   either marked not applicable with a justification, or supported by a control with passing evidence;
 * - transfer: each control a threat needs that transfers risk to the operator has IFU text;
 * - assumption: each assumption is referenced. An assumption counts as referenced when its id
 *   appears as a whole word, ignoring case, in a current threat's justification or control-link
 *   rationale, a control's description or IFU text, a hazard's harm, or a requirement's justification;
 * - comment: each commented target has no unresolved comment (when comments are given).
 *
 * Obsolete threats (input.obsoleteThreatIds) take part in no check. Order is deterministic: by
 * category as above, then in model, analysis, assessment, catalogue or project order.
 */

export const REVIEW_CATEGORIES = ["coverage", "decision", "risk", "verification", "requirement", "transfer", "assumption", "comment"] as const;
export type ReviewCategory = (typeof REVIEW_CATEGORIES)[number];

export const REVIEW_CATEGORY_LABELS: Record<ReviewCategory, string> = {
  coverage: "Threat analysis coverage",
  decision: "Threat decisions",
  risk: "Residual risk",
  verification: "Control verification",
  requirement: "Annex I requirements (MDCG 2019-16 Table 1)",
  transfer: "Risk transferred to the operator (IFU)",
  assumption: "Assumptions",
  comment: "Comments",
};

/** What exactly is missing; the first part of a gap id. */
export type GapProblem =
  | "no-threat-analysis"
  | "stride-not-considered"
  | "undecided-threat"
  | "unacceptable-risk"
  | "mitigated-but-unacceptable"
  | "missing-hazard"
  | "unverified-control"
  | "verified-without-evidence"
  | "requirement-without-control"
  | "requirement-without-evidence"
  | "transfer-without-ifu"
  | "unreferenced-assumption"
  | "unresolved-comments";

export type GapTargetKind = "element" | "flow" | "threat" | "control" | "requirement" | "assumption" | "hazard" | "project";
export type FixPage = "model" | "threats" | "threat" | "controls" | "risks" | "requirements" | "details";

export interface Gap {
  /** `<problem>:<target id>`, stable while the target exists, e.g. "undecided-threat:therapy-command-replay@app-therapy-commands". */
  id: string;
  category: ReviewCategory;
  problem: GapProblem;
  /** What is missing, in one sentence. */
  message: string;
  target: { kind: GapTargetKind; id: string };
  /** Where the gap is fixed. */
  fix: { page: FixPage; targetId?: string };
}

export interface Score {
  passed: number;
  total: number;
  /** Rounded down, so that 100 means every check passed; 100 when there is nothing to check. */
  percent: number;
}

export interface Readiness extends Score {
  categories: (Score & { category: ReviewCategory; label: string })[];
}

export interface Review {
  gaps: Gap[];
  readiness: Readiness;
}

/** A gap without its category; its id is `<problem>:<idKey or target id>`. */
type GapFields = Omit<Gap, "id" | "category"> & { idKey?: string };

/** Collects checks: a passed check counts, a failed one also becomes a gap. */
class Checks {
  readonly gaps: Gap[] = [];
  private readonly counts = new Map<ReviewCategory, { passed: number; total: number }>(REVIEW_CATEGORIES.map((c) => [c, { passed: 0, total: 0 }]));

  check(category: ReviewCategory, passed: boolean, gap: () => GapFields) {
    const count = this.counts.get(category)!;
    count.total++;
    if (passed) count.passed++;
    else {
      const { idKey, ...fields } = gap();
      this.gaps.push({ id: `${fields.problem}:${idKey ?? fields.target.id}`, category, ...fields });
    }
  }

  readiness(): Readiness {
    const categories = REVIEW_CATEGORIES.map((category) => ({ category, label: REVIEW_CATEGORY_LABELS[category], ...score(this.counts.get(category)!) }));
    const sum = (key: "passed" | "total") => categories.reduce((n, c) => n + c[key], 0);
    return { ...score({ passed: sum("passed"), total: sum("total") }), categories };
  }
}

const score = ({ passed, total }: { passed: number; total: number }): Score => ({ passed, total, percent: total ? Math.floor((passed * 100) / total) : 100 });

const quoted = (name: string, id: string) => (name && name !== id ? `"${name}" (${id})` : id);
const strideNames = (list: readonly string[]) => list.map((s) => s.replaceAll("-", " ")).join(", ");
const plural = (n: number, noun: string) => `${n} ${noun}${n === 1 ? "" : "s"}`;

export function reviewProject(input: TraceInput): Review {
  const index = traceIndex(input);
  const checks = new Checks();
  checkCoverage(input, checks);
  checkThreats(index, checks);
  checkControls(input, index, checks);
  checkRequirements(input, checks);
  checkAssumptions(input, index, checks);
  checkComments(input, checks);
  return { gaps: checks.gaps, readiness: checks.readiness() };
}

function checkCoverage(input: TraceInput, checks: Checks) {
  const coverage = new Map(input.analysis.coverage.map((c) => [c.targetId, c]));
  const targets = [
    ...input.model.elements.map((e) => ({ kind: "element" as const, type: e.type, id: e.id, name: e.name })),
    ...input.model.flows.map((f) => ({ kind: "flow" as const, type: "flow" as const, id: f.id, name: f.name || f.id })),
  ];
  for (const target of targets) {
    const entry = coverage.get(target.id);
    const analysed = !!entry && entry.categories.some((c) => c.rulesConsidered.length > 0);
    const expected = STRIDE_PER_ELEMENT[target.type];
    const missing = analysed ? expected.filter((s) => !entry.categories.some((c) => c.stride === s && c.rulesConsidered.length > 0)) : [];
    const what = `${target.kind === "flow" ? "Flow" : "Element"} ${quoted(target.name, target.id)}`;
    const fix = { page: "threats" as const, targetId: target.id };
    checks.check("coverage", analysed && missing.length === 0, () =>
      analysed
        ? { problem: "stride-not-considered", message: `${what} has no threat rule for ${strideNames(missing)}.`, target: { kind: target.kind, id: target.id }, fix }
        : {
            problem: "no-threat-analysis",
            message: entry ? `${what} has no threat rule that applies to it.` : `${what} has not been analysed for threats.`,
            target: { kind: target.kind, id: target.id },
            fix,
          },
    );
  }
}

function checkThreats(index: TraceIndex, checks: Checks) {
  for (const threat of index.threats) {
    const status = threatStatus(index, threat.id);
    const justified = !!index.assessed.get(threat.id)?.justification.trim();
    checks.check("decision", status !== "open" && justified, () => ({
      problem: "undecided-threat",
      message:
        status === "open"
          ? `Threat ${quoted(threat.title, threat.id)} has no decision.`
          : `Threat ${quoted(threat.title, threat.id)} is decided "${status}" without a justification.`,
      target: { kind: "threat", id: threat.id },
      fix: { page: "threat", targetId: threat.id },
    }));
  }
  // The risks of riskOverview (evaluateThreat, without threats decided "not-applicable"), in analysis order.
  for (const threat of index.threats) {
    const risk = index.risks.get(threat.id)!;
    if (!risk.applicable) continue;
    const mitigated = threatStatus(index, threat.id) === "mitigated";
    const name = quoted(threat.title, threat.id);
    checks.check("risk", risk.after.acceptable, () => ({
      problem: mitigated ? "mitigated-but-unacceptable" : "unacceptable-risk",
      message: mitigated
        ? `Threat ${name} is decided "mitigated" but its residual risk is unacceptable: ${risk.after.because}.`
        : `Threat ${name} has an unacceptable residual risk: ${risk.after.because}.`,
      target: { kind: "threat", id: threat.id },
      fix: { page: "threat", targetId: threat.id },
    }));
    if (risk.kind === "safety")
      checks.check("risk", !risk.hazardMissing, () => ({
        problem: "missing-hazard",
        message: `Threat ${name} can affect patient safety but is linked to no hazard.`,
        target: { kind: "threat", id: threat.id },
        fix: { page: "threat", targetId: threat.id },
      }));
  }
}

function checkControls(input: TraceInput, index: TraceIndex, checks: Checks) {
  for (const control of input.assessment.controls) {
    const threats = index.linksByControl.get(control.id) ?? [];
    const name = quoted(control.title, control.id);
    const target = { kind: "control" as const, id: control.id };
    const fix = { page: "controls" as const, targetId: control.id };
    if (threats.length)
      checks.check("verification", control.status === "verified", () => ({
        problem: "unverified-control",
        message: `Control ${name} is linked to ${plural(threats.length, "threat")} but is ${control.status}, not verified.`,
        target,
        fix,
      }));
    if (control.status === "verified")
      checks.check("verification", passingEvidence(control).length > 0, () => ({
        problem: "verified-without-evidence",
        message: `Control ${name} is marked verified but has no passing verification evidence.`,
        target,
        fix,
      }));
    if (threats.length && control.transfersToOperator)
      checks.check("transfer", !!control.ifuText.trim(), () => ({
        problem: "transfer-without-ifu",
        message: `Control ${name} transfers risk to the operator but has no IFU text telling them what to do.`,
        target,
        fix,
      }));
  }
}

function checkRequirements(input: TraceInput, checks: Checks) {
  for (const row of requirementTrace(input)) {
    const markedNotApplicable = !row.applicable && row.state !== "not-applicable";
    const subject = `Annex I requirement ${row.id} (${row.topic})${markedNotApplicable ? ", marked not applicable without a justification," : ""}`;
    checks.check("requirement", row.state === "not-applicable" || row.state === "evidenced", () => ({
      problem: row.state === "no-control" ? "requirement-without-control" : "requirement-without-evidence",
      message:
        row.state === "no-control"
          ? `${subject} has no supporting control.`
          : `${subject} has supporting controls but none with passing verification evidence.`,
      target: { kind: "requirement", id: row.id },
      fix: { page: "requirements", targetId: row.id },
    }));
  }
}

function checkAssumptions(input: TraceInput, index: TraceIndex, checks: Checks) {
  const texts: string[] = [];
  for (const entry of index.assessed.values()) {
    if (!index.threatById.has(entry.id)) continue;
    texts.push(entry.justification, ...entry.controls.map((l) => l.rationale));
  }
  for (const c of input.assessment.controls) texts.push(c.description, c.ifuText);
  for (const h of input.assessment.hazards) texts.push(h.harm);
  for (const r of input.assessment.requirements) texts.push(r.justification);
  const corpus = texts.filter(Boolean).join("\n");
  for (const assumption of input.model.project.assumptions) {
    const word = new RegExp(`(?<![A-Za-z0-9-])${assumption.id.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?![A-Za-z0-9-])`, "i");
    checks.check("assumption", word.test(corpus), () => ({
      problem: "unreferenced-assumption",
      message: `Assumption ${assumption.id} is referenced by no justification, rationale, control, hazard or requirement.`,
      target: { kind: "assumption", id: assumption.id },
      fix: { page: "details", targetId: assumption.id },
    }));
  }
}

const ELEMENT_TYPES = new Set(["element", "external-entity", "process", "data-store"]);
const COMMENT_TARGETS: Partial<Record<string, { kind: GapTargetKind; page: FixPage }>> = {
  element: { kind: "element", page: "model" },
  flow: { kind: "flow", page: "model" },
  threat: { kind: "threat", page: "threat" },
  control: { kind: "control", page: "controls" },
  requirement: { kind: "requirement", page: "requirements" },
  assumption: { kind: "assumption", page: "details" },
  hazard: { kind: "hazard", page: "risks" },
};

function checkComments(input: TraceInput, checks: Checks) {
  const byTarget = new Map<string, { targetType: string; targetId: string; unresolved: number }>();
  for (const c of input.comments ?? []) {
    const type = ELEMENT_TYPES.has(c.targetType) ? "element" : c.targetType;
    const key = `${type}\u0000${c.targetId}`;
    const entry = byTarget.get(key) ?? byTarget.set(key, { targetType: type, targetId: c.targetId, unresolved: 0 }).get(key)!;
    if (!c.resolved) entry.unresolved++;
  }
  const ordered = [...byTarget.values()].sort((a, b) => cmp(a.targetType, b.targetType) || cmp(a.targetId, b.targetId));
  for (const entry of ordered) {
    const known = COMMENT_TARGETS[entry.targetType] ?? { kind: "project" as const, page: "details" as const };
    checks.check("comment", entry.unresolved === 0, () => ({
      problem: "unresolved-comments",
      idKey: `${entry.targetType}:${entry.targetId}`,
      message: `${plural(entry.unresolved, "unresolved comment")} on ${entry.targetType} ${entry.targetId}.`,
      target: { kind: known.kind, id: entry.targetId },
      fix: { page: known.page, targetId: entry.targetId },
    }));
  }
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
