import { formatExtended } from "./extended";
import {
  DATA_CATEGORIES,
  type ImpactAnswer,
  type ImpactCode,
  isAsked,
  type QuestionCode,
  RUBRIC_QUESTIONS,
  type RubricAnswers,
  type RubricMetric,
  type YesNoAnswer,
  type YesNoCode,
} from "./questions";

type Impact = "H" | "L" | "N";

export interface DerivedVector {
  /**
   * The CVSS base vector. The rubric was written for CVSS 3.0; the base metrics and their values
   * are the same in 3.1, which changed only the rounding of the score, so medthreat emits 3.1.
   */
  vector: string;
  /** The answers that were asked, in question order (see formatExtended). */
  extended: string;
  metrics: Record<RubricMetric, string>;
  /** One sentence per base metric saying which answers decided it. */
  reasons: Record<RubricMetric, string>;
  /** Questions that are asked but have no answer; each counts as Unknown (worst case). */
  unanswered: QuestionCode[];
}

type Decision = [value: string, reason: string];


/**
 * Derives the CVSS base vector from rubric answers with the decision logic of the MITRE
 * calculator (reference.md §4.2). An Unknown or missing answer takes the worst case.
 */
export function deriveVector(answers: RubricAnswers): DerivedVector {
  const yn = (code: YesNoCode): YesNoAnswer => answers[code] ?? "U";
  const cite = (code: QuestionCode) => {
    const answer = answers[code];
    return answer === undefined ? `${code} unanswered → worst case` : answer === "U" ? `${code}=U → worst case` : `${code}=${answer}`;
  };

  const decisions: Record<RubricMetric, Decision> = {
    AV: attackVector(yn, cite),
    AC: yn("XACL") === "N" ? ["H", `attacks need special circumstances or prior steps (${cite("XACL")})`] : ["L", `the attacker can try at will (${cite("XACL")})`],
    PR: privilegesRequired(yn, cite),
    UI: yn("XUI") === "Y" ? ["R", `success needs another user's action (${cite("XUI")})`] : ["N", `no other user needs to act (${cite("XUI")})`],
    S: yn("XS") === "N" ? ["U", `only the vulnerable component's authority is affected (${cite("XS")})`] : ["C", `a component under another authority can be affected (${cite("XS")})`],
    C: impactOf("C", answers, cite),
    I: impactOf("I", answers, cite),
    A: impactOf("A", answers, cite),
  };

  const metrics = {} as Record<RubricMetric, string>;
  const reasons = {} as Record<RubricMetric, string>;
  for (const [metric, [value, reason]] of Object.entries(decisions) as [RubricMetric, Decision][]) {
    metrics[metric] = value;
    reasons[metric] = `${metric}:${value} because ${reason}.`;
  }
  return {
    vector: `CVSS:3.1/${Object.entries(metrics).map(([m, v]) => `${m}:${v}`).join("/")}`,
    extended: formatExtended(answers),
    metrics,
    reasons,
    unanswered: RUBRIC_QUESTIONS.filter((q) => answers[q.code] === undefined && isAsked(q, answers)).map((q) => q.code),
  };
}

type YesNo = (code: YesNoCode) => YesNoAnswer;
type Cite = (code: QuestionCode) => string;

function attackVector(yn: YesNo, cite: Cite): Decision {
  const network = yn("XAVN");
  if (network === "N") {
    if (yn("XAVP") === "Y") return ["P", `the attack needs no network but physical contact (${cite("XAVN")}, ${cite("XAVP")}; XAVPA does not change AV)`];
    return ["L", `the attack needs neither a network nor physical contact (${cite("XAVN")}, ${cite("XAVP")})`];
  }
  if (network === "U") return ["N", `whether a network is used is unknown (${cite("XAVN")})`];
  const ip = yn("XAVT");
  if (ip !== "N") return ["N", `the attack goes over a layer 3/4 (IP) network (${cite("XAVN")}, ${cite("XAVT")})`];
  const wireless = yn("XAVW");
  const shown = `${cite("XAVN")}, ${cite("XAVT")}, ${cite("XAVW")}`;
  if (wireless === "N") return ["A", `the attack goes over a wired network that is not IP-based (${shown})`];
  if (wireless === "U") return ["A", `the attack goes over a network that is not IP-based and may be wireless (${shown})`];
  const range = yn("XAVR");
  if (range === "Y") return ["L", `the attack goes over a non-IP wireless link with a range of about 10 ft or less (${shown}, ${cite("XAVR")})`];
  return ["A", `the attack goes over a non-IP wireless link ${range === "N" ? "reaching beyond about 10 ft" : "of unknown range"} (${shown}, ${cite("XAVR")})`];
}

function privilegesRequired(yn: YesNo, cite: Cite): Decision {
  const roles = yn("XPRL");
  if (roles !== "Y") return ["N", `there is no multi-user authorisation model (${cite("XPRL")})`];
  const authorised = yn("XPRZ");
  const shown = `${cite("XPRL")}, ${cite("XPRZ")}`;
  if (authorised !== "Y") return ["N", `the attacker need not be authorised first (${shown})`];
  const admin = yn("XPRS");
  if (admin === "Y") return ["H", `the attacker needs administrator or system-level privileges (${shown}, ${cite("XPRS")})`];
  if (admin === "N") return ["L", `the attacker needs ordinary, non-administrative privileges (${shown}, ${cite("XPRS")})`];
  // The MITRE calculator maps an unknown privilege level to None rather than Low.
  return ["N", `the privilege level needed is unknown (${shown}, ${cite("XPRS")}, as in the MITRE calculator)`];
}

const RANK: Record<Impact, number> = { N: 0, L: 1, H: 2 };
const NAME: Record<Impact, string> = { H: "High", L: "Low", N: "None" };
const PROPERTY = { C: "confidentiality", I: "integrity", A: "availability" } as const;

/** C, I or A: the highest answer over the six data categories; Unknown counts as High. */
function impactOf(metric: "C" | "I" | "A", answers: RubricAnswers, cite: Cite): Decision {
  const contributions = RUBRIC_QUESTIONS.filter((q) => q.kind === "impact" && q.metric === metric).map((q) => {
    const code = q.code as ImpactCode;
    const answer: ImpactAnswer = answers[code] ?? "U";
    let value: Impact = answer === "U" ? "H" : answer;
    let why = cite(code);
    // PHI quirk of the MITRE spreadsheet: "large number of patients" forces High; otherwise the
    // XCP answer is used as given (readable-but-not-large is not mapped to Low; the rubric's intent
    // is unverified, reference.md §4.2).
    if (code === "XCP" && answer !== "N") {
      const many: YesNoAnswer = answers.XCPM ?? "U";
      if (many !== "N" && value !== "H") why += ` with a large number of patients (${cite("XCPM")})`;
      if (many !== "N") value = "H";
    }
    return { value, why };
  });
  const highest = contributions.reduce<Impact>((max, c) => (RANK[c.value] > RANK[max] ? c.value : max), "N");
  if (highest === "N") return ["N", `no data category has a ${PROPERTY[metric]} impact (all ${DATA_CATEGORIES.length} answer None)`];
  const deciding = contributions.filter((c) => c.value === highest).map((c) => c.why);
  return [highest, `${NAME[highest]} is the highest ${PROPERTY[metric]} impact over the data categories (${deciding.join("; ")})`];
}
