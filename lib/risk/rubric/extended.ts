import { IMPACT_LABELS, isAsked, questionByCode, RUBRIC_QUESTIONS, type RubricAnswers, YES_NO_LABELS } from "./questions";

/** The answers as an extended vector ("XAVN:Y/XAVT:N/…"): question order, answered questions that are asked only. */
export function formatExtended(answers: RubricAnswers): string {
  return RUBRIC_QUESTIONS.filter((q) => answers[q.code] !== undefined && isAsked(q, answers))
    .map((q) => `${q.code}:${answers[q.code]}`)
    .join("/");
}

export type ParsedExtended = { ok: true; answers: RubricAnswers } | { ok: false; reason: string };

/** Restores rubric answers from an extended vector; the empty string means no answers. */
export function parseExtended(extended: string): ParsedExtended {
  const text = extended.trim();
  const answers: Record<string, string> = {};
  if (text === "") return { ok: true, answers };
  for (const [index, part] of text.split("/").entries()) {
    const pair = /^([A-Z]+):([A-Z])$/.exec(part);
    if (!pair) return { ok: false, reason: `malformed extended vector: "${part}" at position ${index + 1} is not CODE:ANSWER` };
    const [, code, answer] = pair;
    const question = questionByCode(code);
    if (!question) return { ok: false, reason: `unknown rubric question "${code}"` };
    if (code in answers) return { ok: false, reason: `duplicate rubric question ${code}` };
    if (!(question.answers as readonly string[]).includes(answer)) {
      const labels: Record<string, string> = question.kind === "impact" ? IMPACT_LABELS : YES_NO_LABELS;
      return { ok: false, reason: `invalid answer "${answer}" for ${code}: allowed answers are ${question.answers.map((a) => `${a} (${labels[a]})`).join(", ")}` };
    }
    answers[code] = answer;
  }
  return { ok: true, answers: answers as RubricAnswers };
}
