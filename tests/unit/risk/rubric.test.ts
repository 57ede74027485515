import { describe, expect, it } from "vitest";
import { parseVector, scoreVector } from "../../../lib/risk/cvss";
import {
  deriveVector,
  formatExtended,
  IMPACT_CODES,
  isAsked,
  parseExtended,
  questionByCode,
  RUBRIC_QUESTIONS,
  RUBRIC_SOURCE,
  type ImpactAnswer,
  type ImpactCode,
  type RubricAnswers,
  YES_NO_CODES,
} from "../../../lib/risk/rubric";

/** Every impact question answered None, so that a test can raise just the ones it is about. */
function noImpact(): RubricAnswers {
  return Object.fromEntries(IMPACT_CODES.map((code) => [code, "N"])) as RubricAnswers;
}

/** A fully answered, least-severe questionnaire: AV:L/AC:H/PR:H/UI:R/S:U/C:N/I:N/A:N. */
function mildest(): RubricAnswers {
  return { XAVN: "N", XAVP: "N", XACL: "N", XPRL: "Y", XPRZ: "Y", XPRS: "Y", XUI: "Y", XS: "N", ...noImpact() };
}

const metric = (answers: RubricAnswers, name: keyof ReturnType<typeof deriveVector>["metrics"]) => deriveVector(answers).metrics[name];

describe("the questions", () => {
  it("are the rubric's, in extended-vector order, each with its source", () => {
    expect(RUBRIC_QUESTIONS.map((q) => q.code)).toEqual([
      "XAVN", "XAVT", "XAVW", "XAVR", "XAVP", "XAVPA", "XACL", "XPRL", "XPRZ", "XPRS", "XUI", "XS",
      "XCP", "XCPM", "XIP", "XAP", "XCD", "XID", "XAD", "XCT", "XIT", "XAT", "XCW", "XIW", "XAW", "XCS", "XIS", "XAS", "XCO", "XIO", "XAO",
    ]);
    for (const q of RUBRIC_QUESTIONS) expect(q.source).toBe(RUBRIC_SOURCE);
    expect(RUBRIC_SOURCE).toBe("MITRE rubric (reference.md §4.1)");
  });

  it("yes-no questions answer Y/N/U, impact questions H/L/N/U; XCPM is yes-no", () => {
    for (const code of YES_NO_CODES) expect(questionByCode(code)).toMatchObject({ kind: "yes-no", answers: ["Y", "N", "U"] });
    for (const code of IMPACT_CODES) expect(questionByCode(code)).toMatchObject({ kind: "impact", answers: ["H", "L", "N", "U"] });
    expect(questionByCode("XCPM")).toMatchObject({ kind: "yes-no", metric: "C", category: "phi" });
  });

  it("AV follow-ups are asked only after the answers that lead to them", () => {
    const asked = (answers: RubricAnswers) => RUBRIC_QUESTIONS.filter((q) => q.metric === "AV" && isAsked(q, answers)).map((q) => q.code);
    expect(asked({})).toEqual(["XAVN"]);
    expect(asked({ XAVN: "U" })).toEqual(["XAVN"]);
    expect(asked({ XAVN: "Y" })).toEqual(["XAVN", "XAVT"]);
    expect(asked({ XAVN: "Y", XAVT: "Y" })).toEqual(["XAVN", "XAVT"]);
    expect(asked({ XAVN: "Y", XAVT: "N" })).toEqual(["XAVN", "XAVT", "XAVW"]);
    expect(asked({ XAVN: "Y", XAVT: "N", XAVW: "Y" })).toEqual(["XAVN", "XAVT", "XAVW", "XAVR"]);
    expect(asked({ XAVN: "N" })).toEqual(["XAVN", "XAVP"]);
    expect(asked({ XAVN: "N", XAVP: "Y" })).toEqual(["XAVN", "XAVP", "XAVPA"]);
  });

  it("PR follow-ups and XCPM are asked only when relevant", () => {
    const asked = (answers: RubricAnswers) => RUBRIC_QUESTIONS.filter((q) => ["XPRZ", "XPRS", "XCPM"].includes(q.code) && isAsked(q, answers)).map((q) => q.code);
    expect(asked({ XPRL: "N", XCP: "N" })).toEqual([]);
    expect(asked({ XPRL: "Y", XPRZ: "N", XCP: "L" })).toEqual(["XPRZ", "XCPM"]);
    expect(asked({ XPRL: "Y", XPRZ: "Y", XCP: "U" })).toEqual(["XPRZ", "XPRS", "XCPM"]);
  });
});

describe("deriveVector: AV", () => {
  it.each([
    ["N for an IP network", { XAVN: "Y", XAVT: "Y" }, "N"],
    ["A for a wired non-IP network", { XAVN: "Y", XAVT: "N", XAVW: "N" }, "A"],
    ["A for non-IP wireless beyond 10 ft", { XAVN: "Y", XAVT: "N", XAVW: "Y", XAVR: "N" }, "A"],
    ["L for non-IP wireless within 10 ft", { XAVN: "Y", XAVT: "N", XAVW: "Y", XAVR: "Y" }, "L"],
    ["P for physical contact", { XAVN: "N", XAVP: "Y" }, "P"],
    ["P for physical contact, whatever XAVPA says", { XAVN: "N", XAVP: "Y", XAVPA: "Y" }, "P"],
    ["L without a network or physical contact", { XAVN: "N", XAVP: "N" }, "L"],
    ["N when the network is unknown", { XAVN: "U" }, "N"],
    ["N when the protocol layer is unknown", { XAVN: "Y", XAVT: "U" }, "N"],
    ["A when wireless is unknown", { XAVN: "Y", XAVT: "N", XAVW: "U" }, "A"],
    ["A when the range is unknown", { XAVN: "Y", XAVT: "N", XAVW: "Y", XAVR: "U" }, "A"],
    ["L when physical contact is unknown", { XAVN: "N", XAVP: "U" }, "L"],
    ["N when unanswered", {}, "N"],
    ["N, ignoring follow-ups that are not asked", { XAVN: "Y", XAVT: "Y", XAVW: "Y", XAVR: "Y", XAVP: "Y" }, "N"],
  ] as [string, RubricAnswers, string][])("%s", (_, answers, expected) => {
    expect(metric(answers, "AV")).toBe(expected);
  });

  it("names the deciding answers", () => {
    expect(deriveVector({ XAVN: "Y", XAVT: "N", XAVW: "Y", XAVR: "Y" }).reasons.AV).toBe(
      "AV:L because the attack goes over a non-IP wireless link with a range of about 10 ft or less (XAVN=Y, XAVT=N, XAVW=Y, XAVR=Y).",
    );
    expect(deriveVector({ XAVN: "U" }).reasons.AV).toBe("AV:N because whether a network is used is unknown (XAVN=U → worst case).");
  });
});

describe("deriveVector: AC, PR, UI, S", () => {
  it.each([
    ["AC", { XACL: "Y" }, "L"], ["AC", { XACL: "N" }, "H"], ["AC", { XACL: "U" }, "L"], ["AC", {}, "L"],
    ["PR", { XPRL: "N" }, "N"], ["PR", { XPRL: "U" }, "N"],
    ["PR", { XPRL: "Y", XPRZ: "N" }, "N"], ["PR", { XPRL: "Y", XPRZ: "U" }, "N"],
    ["PR", { XPRL: "Y", XPRZ: "Y", XPRS: "Y" }, "H"], ["PR", { XPRL: "Y", XPRZ: "Y", XPRS: "N" }, "L"],
    ["PR", { XPRL: "Y", XPRZ: "Y", XPRS: "U" }, "N"], ["PR", { XPRL: "N", XPRZ: "Y", XPRS: "Y" }, "N"],
    ["UI", { XUI: "Y" }, "R"], ["UI", { XUI: "N" }, "N"], ["UI", { XUI: "U" }, "N"],
    ["S", { XS: "Y" }, "C"], ["S", { XS: "N" }, "U"], ["S", { XS: "U" }, "C"],
  ] as ["AC" | "PR" | "UI" | "S", RubricAnswers, string][])("%s from %j is %s", (name, answers, expected) => {
    expect(metric(answers, name)).toBe(expected);
  });
});

describe("deriveVector: C, I, A", () => {
  const withAnswers = (answers: Partial<Record<ImpactCode, ImpactAnswer>>) => ({ ...noImpact(), ...answers }) as RubricAnswers;

  it("each is the maximum over the data categories", () => {
    expect(deriveVector(withAnswers({})).metrics).toMatchObject({ C: "N", I: "N", A: "N" });
    expect(deriveVector(withAnswers({ XCD: "L", XCS: "L" })).metrics.C).toBe("L");
    expect(deriveVector(withAnswers({ XCD: "L", XCO: "H" })).metrics.C).toBe("H");
    expect(deriveVector(withAnswers({ XIT: "H", XIW: "L" })).metrics).toMatchObject({ C: "N", I: "H", A: "N" });
    expect(deriveVector(withAnswers({ XAW: "L", XAS: "L" })).metrics).toMatchObject({ C: "N", I: "N", A: "L" });
    expect(deriveVector(withAnswers({ XAP: "L", XAD: "H" })).reasons.A).toBe("A:H because High is the highest availability impact over the data categories (XAD=H).");
  });

  it("an Unknown or missing category answer counts as High", () => {
    expect(deriveVector(withAnswers({ XID: "U" })).metrics.I).toBe("H");
    const { XAO: _, ...withoutOther } = noImpact();
    expect(deriveVector(withoutOther).metrics.A).toBe("H");
  });

  it("PHI: a large number of patients forces High; otherwise the XCP answer stands", () => {
    expect(deriveVector(withAnswers({ XCP: "L" })).metrics.C).toBe("H");
    expect(deriveVector({ ...withAnswers({ XCP: "L" }), XCPM: "Y" }).metrics.C).toBe("H");
    expect(deriveVector({ ...withAnswers({ XCP: "L" }), XCPM: "U" }).metrics.C).toBe("H");
    expect(deriveVector({ ...withAnswers({ XCP: "L" }), XCPM: "N" }).metrics.C).toBe("L");
    expect(deriveVector({ ...withAnswers({ XCP: "H" }), XCPM: "N" }).metrics.C).toBe("H");
    expect(deriveVector({ ...withAnswers({ XCP: "N" }), XCPM: "Y" }).metrics.C).toBe("N");
    expect(deriveVector({ ...withAnswers({ XCP: "L" }), XCPM: "Y" }).reasons.C).toContain("XCP=L with a large number of patients (XCPM=Y)");
  });
});

describe("deriveVector: whole questionnaires", () => {
  it("an all-Unknown questionnaire gives the worst-case vector", () => {
    const unknown = Object.fromEntries(RUBRIC_QUESTIONS.map((q) => [q.code, "U"])) as RubricAnswers;
    const derived = deriveVector(unknown);
    expect(derived.vector).toBe("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H");
    expect(deriveVector({}).vector).toBe(derived.vector);
    expect(derived.unanswered).toEqual([]);
    expect(scoreVector(derived.vector)).toMatchObject({ ok: true, score: 10, severity: "Critical" });
  });

  it("a fully answered mild questionnaire gives the least severe vector", () => {
    const derived = deriveVector(mildest());
    expect(derived.vector).toBe("CVSS:3.1/AV:L/AC:H/PR:H/UI:R/S:U/C:N/I:N/A:N");
    expect(derived.unanswered).toEqual([]);
  });

  it("lists the asked questions that are still unanswered", () => {
    expect(deriveVector({ XAVN: "Y", XAVT: "N", ...noImpact(), XCP: "L" }).unanswered).toEqual(["XAVW", "XACL", "XPRL", "XUI", "XS", "XCPM"]);
  });

  it("insulin pump: therapy commands over BLE from a phone, no user accounts", () => {
    const pump: RubricAnswers = {
      XAVN: "Y", XAVT: "N", XAVW: "Y", XAVR: "N", // BLE: not IP, wireless, reaches well beyond 10 ft
      XACL: "Y", XPRL: "N", XUI: "N", XS: "N",
      XCP: "L", XCPM: "N", XIP: "N", XAP: "N", // one patient's data is readable
      XCD: "L", XID: "L", XAD: "L", // pump history and alarms
      XCT: "N", XIT: "H", XAT: "H", // bolus and basal delivery can be changed or stopped
      XCW: "N", XIW: "N", XAW: "N", XCS: "L", XIS: "N", XAS: "N", XCO: "N", XIO: "N", XAO: "N",
    };
    const derived = deriveVector(pump);
    // AV:A (non-IP wireless beyond 10 ft), AC:L, PR:N (no authorisation model), UI:N, S:U,
    // C:L (PHI Low, not many patients; diagnosis and system data Low), I:H and A:H (therapy).
    expect(derived.vector).toBe("CVSS:3.1/AV:A/AC:L/PR:N/UI:N/S:U/C:L/I:H/A:H");
    // 8.22·0.62·0.77·0.85·0.85 = 2.835; 6.42·(1 − 0.78·0.44·0.44) = 5.450; roundup(8.286) = 8.3
    expect(scoreVector(derived.vector)).toMatchObject({ score: 8.3, severity: "High" });
    expect(Object.values(derived.reasons)).toHaveLength(8);
    expect(derived.reasons.I).toBe("I:H because High is the highest integrity impact over the data categories (XIT=H).");
    expect(derived.extended).toBe(
      "XAVN:Y/XAVT:N/XAVW:Y/XAVR:N/XACL:Y/XPRL:N/XUI:N/XS:N/XCP:L/XCPM:N/XIP:N/XAP:N/XCD:L/XID:L/XAD:L/XCT:N/XIT:H/XAT:H/XCW:N/XIW:N/XAW:N/XCS:L/XIS:N/XAS:N/XCO:N/XIO:N/XAO:N",
    );
  });

  it("always gives a valid CVSS 3.1 base vector", () => {
    for (const answers of [{}, mildest(), { XAVN: "N", XAVP: "Y" } as RubricAnswers]) {
      const parsed = parseVector(deriveVector(answers).vector);
      expect(parsed).toMatchObject({ ok: true, version: "3.1" });
    }
  });
});

describe("extended vector", () => {
  it("round-trips through parseExtended", () => {
    for (const answers of [mildest(), { XAVN: "Y", XAVT: "N", XAVW: "Y", XAVR: "Y", XCP: "H", XCPM: "U" } as RubricAnswers, {}]) {
      const { extended } = deriveVector(answers);
      const restored = parseExtended(extended);
      expect(restored).toEqual({ ok: true, answers });
      if (restored.ok) expect(deriveVector(restored.answers).vector).toBe(deriveVector(answers).vector);
    }
  });

  it("keeps only answered questions that are asked, in question order", () => {
    expect(formatExtended({ XS: "Y", XAVP: "Y", XAVN: "Y", XAVT: "Y" })).toBe("XAVN:Y/XAVT:Y/XS:Y");
  });

  it.each([
    ["XAVN:Q", 'invalid answer "Q" for XAVN: allowed answers are Y (Yes), N (No), U (Unknown)'],
    ["XCP:Y", 'invalid answer "Y" for XCP: allowed answers are H (High), L (Low), N (None), U (Unknown)'],
    ["XAVN:Y/XZZ:N", 'unknown rubric question "XZZ"'],
    ["XAVN:Y/XAVN:N", "duplicate rubric question XAVN"],
    ["XAVN:Y//XS:N", 'malformed extended vector: "" at position 2 is not CODE:ANSWER'],
    ["XAVN=Y", 'malformed extended vector: "XAVN=Y" at position 1 is not CODE:ANSWER'],
  ])("refuses %s", (extended, reason) => {
    expect(parseExtended(extended)).toEqual({ ok: false, reason });
  });
});
