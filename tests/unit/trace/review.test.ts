import { describe, expect, it } from "vitest";
import { analyzeModel, BUILT_IN_RULES, LIBRARY_VERSION } from "../../../lib/threats";
import { analyze } from "../../../lib/threats/engine";
import type { Assessment, ThreatAssessment } from "../../../lib/risk/assessment";
import { riskOverview } from "../../../lib/risk/evaluate";
import { REVIEW_CATEGORIES, reviewProject, type Review } from "../../../lib/trace/review";
import { control, example, input } from "./fixtures";

const ids = (review: Review) => review.gaps.map((g) => g.id);
const threat = (a: Assessment, id: string) => a.threats.find((t) => t.id === id)!;
const entry = (id: string, over: Partial<ThreatAssessment> = {}): ThreatAssessment => ({
  id,
  status: "open",
  justification: "",
  decidedBy: "",
  decidedAt: "",
  before: { cvss31: "", cvss40: "", rubric: "" },
  after: { cvss31: "", cvss40: "" },
  controls: [],
  ...over,
});

const REPLAY = "therapy-command-replay@app-therapy-commands";
const base = input();
const baseReview = reviewProject(base);

describe("reviewProject on the example", () => {
  it("gives every gap a unique id, a category, one sentence and a place to fix it", () => {
    expect(new Set(ids(baseReview)).size).toBe(baseReview.gaps.length);
    for (const gap of baseReview.gaps) {
      expect(gap.id.startsWith(`${gap.problem}:`)).toBe(true);
      expect(REVIEW_CATEGORIES).toContain(gap.category);
      expect(gap.message).toMatch(/^[A-Z0-9].*\.$/s);
      expect(gap.fix.page).toBeTruthy();
    }
    expect(baseReview.gaps.find((g) => g.id === `undecided-threat:${REPLAY}`)).toEqual({
      id: `undecided-threat:${REPLAY}`,
      category: "decision",
      problem: "undecided-threat",
      message: expect.stringContaining("has no decision"),
      target: { kind: "threat", id: REPLAY },
      fix: { page: "threat", targetId: REPLAY },
    });
  });

  it("is deterministic and ordered by category", () => {
    expect(reviewProject(input())).toEqual(baseReview);
    const order = baseReview.gaps.map((g) => REVIEW_CATEGORIES.indexOf(g.category));
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it("counts readiness over all checks, one failed check per gap", () => {
    const { readiness } = baseReview;
    expect(readiness.categories.map((c) => c.category)).toEqual([...REVIEW_CATEGORIES]);
    expect(readiness.total).toBe(readiness.categories.reduce((n, c) => n + c.total, 0));
    expect(readiness.passed).toBe(readiness.categories.reduce((n, c) => n + c.passed, 0));
    expect(readiness.total - readiness.passed).toBe(baseReview.gaps.length);
    expect(readiness.percent).toBe(Math.floor((readiness.passed * 100) / readiness.total));
    for (const c of readiness.categories) expect(c.total - c.passed).toBe(baseReview.gaps.filter((g) => g.category === c.category).length);

    const count = (category: string) => readiness.categories.find((c) => c.category === category)!;
    expect(count("coverage").total).toBe(example.model.elements.length + example.model.flows.length);
    expect(count("decision").total).toBe(base.analysis.threats.length);
    expect(count("requirement").total).toBe(17);
    expect(count("assumption").total).toBe(example.model.project.assumptions.length);
    expect(count("comment")).toMatchObject({ total: 0, percent: 100 });
  });

  it("reports the unacceptable residual risks of riskOverview", () => {
    const unacceptable = baseReview.gaps.filter((g) => g.problem === "unacceptable-risk" || g.problem === "mitigated-but-unacceptable");
    expect(unacceptable).toHaveLength(riskOverview(base.analysis.threats, base.assessment).unacceptableAfter);
    // Decided mitigated, but serious harm at medium exploitability is unacceptable in the default matrix.
    expect(ids(baseReview)).toContain("mitigated-but-unacceptable:embedded-battery-exhaustion@pump");
  });

  it("reports safety threats without a hazard", () => {
    const safetyWithoutHazard = base.analysis.threats.filter((t) => t.affectsSafety && !base.assessment.threats.find((a) => a.id === t.id)?.hazard);
    expect(baseReview.gaps.filter((g) => g.problem === "missing-hazard").map((g) => g.target.id)).toEqual(safetyWithoutHazard.map((t) => t.id));
    expect(ids(baseReview)).not.toContain(`missing-hazard:${REPLAY}`);
  });

  it("has full STRIDE coverage and reports every assumption as unreferenced", () => {
    expect(baseReview.gaps.filter((g) => g.category === "coverage")).toEqual([]);
    expect(baseReview.gaps.filter((g) => g.category === "assumption").map((g) => g.target.id)).toEqual(example.model.project.assumptions.map((a) => a.id));
  });
});

describe("fixing a gap removes it and raises readiness", () => {
  it("a threat decided with a justification is no longer undecided", () => {
    const decided = reviewProject(
      input((_, a) => Object.assign(threat(a, REPLAY), { status: "mitigated", justification: "Replayed commands carry an old counter and are refused." })),
    );
    expect(ids(decided)).not.toContain(`undecided-threat:${REPLAY}`);
    expect(decided.readiness.passed).toBe(baseReview.readiness.passed + 1);
    expect(decided.readiness.percent).toBeGreaterThanOrEqual(baseReview.readiness.percent);

    const unjustified = reviewProject(input((_, a) => Object.assign(threat(a, REPLAY), { status: "accepted", justification: "" })));
    expect(unjustified.gaps.find((g) => g.id === `undecided-threat:${REPLAY}`)!.message).toContain("without a justification");
  });

  it("marking a requirement not applicable with a justification removes its gap", () => {
    expect(ids(baseReview)).toContain("requirement-without-control:MDR-22.1");
    const justified = reviewProject(input((_, a) => a.requirements.push({ id: "MDR-22.1", applicable: false, justification: "Not intended for lay persons: clinic use only." })));
    expect(ids(justified)).not.toContain("requirement-without-control:MDR-22.1");
    expect(justified.readiness.passed).toBe(baseReview.readiness.passed + 1);

    const unjustified = reviewProject(input((_, a) => a.requirements.push({ id: "MDR-22.1", applicable: false, justification: "" })));
    expect(unjustified.gaps.find((g) => g.id === "requirement-without-control:MDR-22.1")!.message).toContain("without a justification");
  });

  it("verifying a control with evidence removes its gaps", () => {
    const id = "ctl-message-authentication-counter";
    expect(ids(baseReview)).toContain(`unverified-control:${id}`);
    const verifiedOnly = reviewProject(input((_, a) => (control(a, id).status = "verified")));
    expect(ids(verifiedOnly)).not.toContain(`unverified-control:${id}`);
    expect(ids(verifiedOnly)).toContain(`verified-without-evidence:${id}`);

    const withFailedEvidence = reviewProject(
      input((_, a) => {
        control(a, id).status = "verified";
        control(a, id).evidence.push({ method: "penetration-test", reference: "PT-9", result: "failed", date: "2026-10-01", notes: "" });
      }),
    );
    expect(ids(withFailedEvidence)).toContain(`verified-without-evidence:${id}`);

    const withEvidence = reviewProject(
      input((_, a) => {
        control(a, id).status = "verified";
        control(a, id).evidence.push({ method: "security-feature-test", reference: "TR-0420 replay test", result: "passed", date: "2026-10-01", notes: "" });
      }),
    );
    expect(withEvidence.gaps.filter((g) => g.target.id === id)).toEqual([]);
    expect(withEvidence.readiness.passed).toBeGreaterThan(baseReview.readiness.passed);
  });

  it("evidence on a supporting control makes a requirement evidenced", () => {
    expect(ids(baseReview)).toContain("requirement-without-evidence:MDR-17.2");
    const evidenced = reviewProject(
      input((_, a) => control(a, "ctl-sbom-vulnerability-monitoring").evidence.push({ method: "sca-scan", reference: "SCA-2026-10", result: "passed", date: "2026-10-02", notes: "" })),
    );
    expect(ids(evidenced)).not.toContain("requirement-without-evidence:MDR-17.2");
    expect(ids(evidenced)).not.toContain("requirement-without-evidence:MDR-3");
  });

  it("an assumption referenced in a justification is not reported; a longer id does not count", () => {
    const justify = (justification: string) =>
      reviewProject(input((_, a) => Object.assign(threat(a, REPLAY), { status: "mitigated", justification })));
    const referenced = justify("Attackers within BLE range (ASM-BLE-RANGE) can capture and replay commands.");
    expect(ids(referenced)).not.toContain("unreferenced-assumption:asm-ble-range");
    expect(ids(referenced)).toContain("unreferenced-assumption:asm-phone-os");
    expect(ids(justify("See asm-ble-range-extended for the range."))).toContain("unreferenced-assumption:asm-ble-range");

    const inHazard = reviewProject(input((_, a) => (a.hazards[0].harm += " (asm-phone-os)")));
    expect(ids(inHazard)).not.toContain("unreferenced-assumption:asm-phone-os");
  });

  it("a transfer to the operator needs IFU text", () => {
    const id = "ctl-ifu-physical-security";
    expect(ids(baseReview)).not.toContain(`transfer-without-ifu:${id}`);
    const noIfu = reviewProject(input((_, a) => (control(a, id).ifuText = "")));
    expect(noIfu.gaps.find((g) => g.id === `transfer-without-ifu:${id}`)).toMatchObject({ category: "transfer", fix: { page: "controls", targetId: id } });
  });

  it("a threat decided not applicable takes part in no risk or control check", () => {
    const id = "embedded-serial-console-unauthenticated@service-console";
    const notApplicable = reviewProject(input((_, a) => Object.assign(threat(a, id), { status: "not-applicable", justification: "The service console is removed from production units." })));
    expect(notApplicable.gaps.filter((g) => g.target.id === id)).toEqual([]);
    // Its only link made ctl-service-interface-authentication a control some threat needs.
    expect(ids(baseReview)).toContain("unverified-control:ctl-service-interface-authentication");
    expect(ids(notApplicable)).not.toContain("unverified-control:ctl-service-interface-authentication");
  });

  it("obsolete threats take part in no check", () => {
    const obsolete = reviewProject({ ...base, obsoleteThreatIds: [REPLAY] });
    expect(obsolete.gaps.filter((g) => g.target.id === REPLAY)).toEqual([]);
    expect(ids(obsolete)).not.toContain("unverified-control:ctl-message-authentication-counter");
  });
});

describe("coverage, hazards and comments", () => {
  it("reports STRIDE categories no rule considered, and elements never analysed", () => {
    const model = structuredClone(example.model);
    const withoutSpoofing = analyze(model, BUILT_IN_RULES.filter((r) => r.stride !== "spoofing"), LIBRARY_VERSION);
    const review = reviewProject({ model, analysis: withoutSpoofing, assessment: example.assessment });
    const gap = review.gaps.find((g) => g.id === "stride-not-considered:patient")!;
    expect(gap).toMatchObject({ category: "coverage", target: { kind: "element", id: "patient" }, fix: { page: "threats", targetId: "patient" } });
    expect(gap.message).toContain("spoofing");
    expect(review.gaps.find((g) => g.id === "stride-not-considered:app-therapy-commands")).toBeUndefined(); // flows: T, I, D

    const stale = { model: structuredClone(example.model), analysis: analyzeModel(example.model), assessment: example.assessment };
    stale.model.elements.push({ id: "new-gateway", type: "process", name: "New gateway", technology: "other", clinicalFunctions: [], patientReach: "none", parsesUntrustedInput: false, runsPrivileged: false, auditLog: false, batteryPowered: false, holdsSecrets: false, encryptedAtRest: false, update: { method: "none", codeSigned: false, rollbackProtection: false }, thirdPartySoftware: [], description: "", tags: [] });
    expect(reviewProject(stale).gaps.find((g) => g.id === "no-threat-analysis:new-gateway")!.message).toContain("not been analysed");
  });

  it("linking a hazard to a safety threat removes its missing-hazard gap", () => {
    const id = "process-tampering@pump";
    expect(ids(baseReview)).toContain(`missing-hazard:${id}`);
    const linked = reviewProject(input((_, a) => a.threats.push(entry(id, { hazard: "insulin-overdose" }))));
    expect(ids(linked)).not.toContain(`missing-hazard:${id}`);
    expect(linked.readiness.passed).toBe(baseReview.readiness.passed + 1);
  });

  it("reports unresolved comments per target", () => {
    const review = reviewProject({
      ...base,
      comments: [
        { targetType: "threat", targetId: REPLAY, resolved: false },
        { targetType: "threat", targetId: REPLAY, resolved: false },
        { targetType: "process", targetId: "pump", resolved: true },
        { targetType: "project", targetId: "glucoflow", resolved: false },
      ],
    });
    const comments = review.gaps.filter((g) => g.category === "comment");
    expect(comments.map((g) => [g.id, g.target.kind, g.fix.page])).toEqual([
      ["unresolved-comments:project:glucoflow", "project", "details"],
      [`unresolved-comments:threat:${REPLAY}`, "threat", "threat"],
    ]);
    expect(comments[1].message).toBe(`2 unresolved comments on threat ${REPLAY}.`);
    expect(review.readiness.categories.find((c) => c.category === "comment")).toMatchObject({ passed: 1, total: 3, percent: 33 });
  });
});
