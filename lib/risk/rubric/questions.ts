/**
 * The questions of MITRE's "Rubric for Applying CVSS to Medical Devices" (reference.md §4.1),
 * paraphrased, with the codes of its extended vector. Answers are one letter each:
 * Y/N/U (Yes, No, Unknown) or H/L/N/U (High, Low, None, Unknown).
 */

export const RUBRIC_SOURCE = "MITRE rubric (reference.md §4.1)";

export type RubricMetric = "AV" | "AC" | "PR" | "UI" | "S" | "C" | "I" | "A";
export type YesNoAnswer = "Y" | "N" | "U";
export type ImpactAnswer = "H" | "L" | "N" | "U";
export type RubricAnswer = YesNoAnswer | ImpactAnswer;

export const YES_NO_ANSWERS: readonly YesNoAnswer[] = ["Y", "N", "U"];
export const IMPACT_ANSWERS: readonly ImpactAnswer[] = ["H", "L", "N", "U"];
export const YES_NO_LABELS: Readonly<Record<YesNoAnswer, string>> = { Y: "Yes", N: "No", U: "Unknown" };
export const IMPACT_LABELS: Readonly<Record<ImpactAnswer, string>> = { H: "High", L: "Low", N: "None", U: "Unknown" };

export type DataCategory = "phi" | "diagnosis" | "therapy" | "workflow" | "system" | "other";

export const DATA_CATEGORIES: readonly { id: DataCategory; step: string; name: string }[] = [
  { id: "phi", step: "Q1", name: "Protected health information or other personal data (PHI/PII)" },
  { id: "diagnosis", step: "Q2", name: "Diagnosis or monitoring data and functionality" },
  { id: "therapy", step: "Q3", name: "Delivery of therapy" },
  { id: "workflow", step: "Q4", name: "Clinical workflow" },
  { id: "system", step: "Q5", name: "Private system or system-user data (passwords, private keys)" },
  { id: "other", step: "Q6", name: "Any other critical or sensitive data or functionality" },
];

export const YES_NO_CODES = ["XAVN", "XAVT", "XAVW", "XAVR", "XAVP", "XAVPA", "XACL", "XPRL", "XPRZ", "XPRS", "XUI", "XS", "XCPM"] as const;
export const IMPACT_CODES = ["XCP", "XIP", "XAP", "XCD", "XID", "XAD", "XCT", "XIT", "XAT", "XCW", "XIW", "XAW", "XCS", "XIS", "XAS", "XCO", "XIO", "XAO"] as const;
export type YesNoCode = (typeof YES_NO_CODES)[number];
export type ImpactCode = (typeof IMPACT_CODES)[number];
export type QuestionCode = YesNoCode | ImpactCode;

/** Answers by question code; a question left out is unanswered and counts as Unknown. */
export type RubricAnswers = { [K in YesNoCode]?: YesNoAnswer } & { [K in ImpactCode]?: ImpactAnswer };

/** The question is asked only when every listed earlier question has one of the listed answers. */
export type AskedWhen = readonly { code: QuestionCode; answers: readonly RubricAnswer[] }[];

interface QuestionCommon {
  code: QuestionCode;
  metric: RubricMetric;
  /** For the C/I/A questions (and XCPM): the data category asked about. */
  category?: DataCategory;
  /** The rubric's own numbering within the metric, e.g. "Q5.1". */
  step: string;
  text: string;
  askedWhen?: AskedWhen;
  note?: string;
  source: typeof RUBRIC_SOURCE;
}

export interface YesNoQuestion extends QuestionCommon {
  kind: "yes-no";
  code: YesNoCode;
  answers: readonly YesNoAnswer[];
}

export interface ImpactQuestion extends QuestionCommon {
  kind: "impact";
  code: ImpactCode;
  category: DataCategory;
  answers: readonly ImpactAnswer[];
}

export type RubricQuestion = YesNoQuestion | ImpactQuestion;

const yesNo = (code: YesNoCode, metric: RubricMetric, step: string, text: string, askedWhen?: AskedWhen, note?: string): YesNoQuestion => ({
  code, metric, step, text, kind: "yes-no", answers: YES_NO_ANSWERS, source: RUBRIC_SOURCE, ...(askedWhen && { askedWhen }), ...(note && { note }),
});

const impact = (code: ImpactCode, metric: "C" | "I" | "A", category: DataCategory, text: string): ImpactQuestion => ({
  code, metric, category, text, kind: "impact", answers: IMPACT_ANSWERS, source: RUBRIC_SOURCE,
  step: DATA_CATEGORIES.find((c) => c.id === category)!.step,
});

const when = (...conditions: [QuestionCode, ...RubricAnswer[]][]): AskedWhen => conditions.map(([code, ...answers]) => ({ code, answers }));

const NETWORK = ["XAVN", "Y"] as [QuestionCode, RubricAnswer];
const NOT_IP = ["XAVT", "N"] as [QuestionCode, RubricAnswer];
const NO_NETWORK = ["XAVN", "N"] as [QuestionCode, RubricAnswer];
const MULTI_USER = ["XPRL", "Y"] as [QuestionCode, RubricAnswer];

const ACTION = { C: "read", I: "modify or delete", A: "make inaccessible" } as const;

function categoryQuestions(category: DataCategory, codes: { C: ImpactCode; I: ImpactCode; A: ImpactCode }, what: string): ImpactQuestion[] {
  return (["C", "I", "A"] as const).map((metric) => impact(codes[metric], metric, category, `To what extent can the attacker ${ACTION[metric]} ${what}?`));
}

const [PHI_C, PHI_I, PHI_A] = categoryQuestions("phi", { C: "XCP", I: "XIP", A: "XAP" }, "the PHI/PII");

/** In extended-vector order. */
export const RUBRIC_QUESTIONS: readonly RubricQuestion[] = [
  yesNo("XAVN", "AV", "Q1", "Can the attacker exploit the vulnerability through some network or communication protocol?"),
  yesNo("XAVT", "AV", "Q2", "Does that network use OSI layer 3 or 4 protocols (IP, TCP/IP, UDP)?", when(NETWORK)),
  yesNo("XAVW", "AV", "Q3", "Does the communication go over a wireless channel?", when(NETWORK, NOT_IP)),
  yesNo("XAVR", "AV", "Q4", "Is the wireless range about 10 feet (3 m) or less?", when(NETWORK, NOT_IP, ["XAVW", "Y"])),
  yesNo("XAVP", "AV", "Q5", "Does the attacker need physical contact with the device?", when(NO_NETWORK)),
  yesNo(
    "XAVPA", "AV", "Q5.1", "Is the device reached through a human-user interface (one meant for manual operation, e.g. keypad or touchscreen)?",
    when(NO_NETWORK, ["XAVP", "Y"]),
    "Recorded but not used to derive AV, as in the MITRE calculator; whether it should turn AV:P into AV:L is unverified (reference.md §4.2).",
  ),
  yesNo("XACL", "AC", "Q1", "Can the attacker try the exploit at will, without special circumstances, configurations or other prior vulnerabilities or attacks?"),
  yesNo("XPRL", "PR", "Q1", "Does the device or component have an authorisation model with several users or roles of different privilege?"),
  yesNo("XPRZ", "PR", "Q2", "Must the attacker already be authorised on the affected component before trying the exploit?", when(MULTI_USER)),
  yesNo("XPRS", "PR", "Q3", "Does the attacker need administrator, maintainer or system-level privileges?", when(MULTI_USER, ["XPRZ", "Y"])),
  yesNo("XUI", "UI", "Q1", "Does success depend on another user or victim doing something or interacting?"),
  yesNo("XS", "S", "Q1", "Can the attacker affect a component under a different authority (authorisation scope) than the vulnerable one?"),
  PHI_C,
  {
    ...yesNo(
      "XCPM", "C", "Q1", "Can the exposure cover a large number of patients (e.g. 500 or more, enough to require breach notification under HIPAA or GDPR)?",
      when(["XCP", "H", "L", "U"]),
    ),
    category: "phi",
  },
  PHI_I,
  PHI_A,
  ...categoryQuestions("diagnosis", { C: "XCD", I: "XID", A: "XAD" }, "the diagnosis or monitoring data and functionality"),
  ...categoryQuestions("therapy", { C: "XCT", I: "XIT", A: "XAT" }, "the therapy-delivery data and functionality"),
  ...categoryQuestions("workflow", { C: "XCW", I: "XIW", A: "XAW" }, "the clinical-workflow data and functionality"),
  ...categoryQuestions("system", { C: "XCS", I: "XIS", A: "XAS" }, "the private system or system-user data (passwords, private keys)"),
  ...categoryQuestions("other", { C: "XCO", I: "XIO", A: "XAO" }, "any other critical or sensitive data or functionality"),
];

export function questionByCode(code: string): RubricQuestion | undefined {
  return RUBRIC_QUESTIONS.find((q) => q.code === code);
}

export function isAsked(question: RubricQuestion, answers: RubricAnswers): boolean {
  return (question.askedWhen ?? []).every((c) => {
    const answer = answers[c.code];
    return answer !== undefined && c.answers.includes(answer);
  });
}
