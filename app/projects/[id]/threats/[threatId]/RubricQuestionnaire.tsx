"use client";

import { useMemo, useState } from "react";
import {
  deriveVector,
  formatExtended,
  IMPACT_LABELS,
  isAsked,
  parseExtended,
  RUBRIC_QUESTIONS,
  YES_NO_LABELS,
  type RubricAnswers,
} from "@/lib/risk/rubric";

/**
 * The MITRE rubric for applying CVSS to medical devices as a guided questionnaire: only the
 * questions that apply are asked, Unknown is allowed and taken as the worst case, and the answers
 * are kept (as the rubric's extended vector) so a reviewer sees why each metric was chosen.
 */
export function RubricQuestionnaire({ extended, onApply }: { extended: string; onApply(result: { vector: string; extended: string }): void }) {
  const [answers, setAnswers] = useState<RubricAnswers>(() => {
    const parsed = extended ? parseExtended(extended) : undefined;
    return parsed?.ok ? parsed.answers : {};
  });
  const derived = useMemo(() => deriveVector(answers), [answers]);
  const metrics = [...new Set(RUBRIC_QUESTIONS.map((q) => q.metric))];

  return (
    <div className="space-y-3 text-sm" data-testid="rubric">
      {metrics.map((metric) => (
        <fieldset key={metric} className="rounded border border-slate-200 p-2">
          <legend className="px-1 font-semibold">
            {metric}: {derived.metrics[metric as keyof typeof derived.metrics]} <span className="font-normal text-slate-600">— {derived.reasons[metric as keyof typeof derived.reasons]}</span>
          </legend>
          <div className="space-y-1">
            {RUBRIC_QUESTIONS.filter((q) => q.metric === metric && isAsked(q, answers)).map((q) => (
              <div key={q.code} className="flex flex-wrap items-center justify-between gap-2">
                <span>
                  <span className="font-mono text-xs text-slate-500">{q.code}</span> {q.text}
                </span>
                <select
                  aria-label={q.code}
                  className="input w-32"
                  value={(answers as Record<string, string>)[q.code] ?? ""}
                  onChange={(e) => setAnswers((a) => ({ ...a, [q.code]: e.target.value || undefined }))}
                >
                  <option value="">(not answered)</option>
                  {q.answers.map((a) => (
                    <option key={a} value={a}>
                      {q.kind === "yes-no" ? YES_NO_LABELS[a as keyof typeof YES_NO_LABELS] : IMPACT_LABELS[a as keyof typeof IMPACT_LABELS]}
                    </option>
                  ))}
                </select>
              </div>
            ))}
          </div>
        </fieldset>
      ))}
      <p className="font-mono text-xs" data-testid="rubric-vector">
        {derived.vector}
      </p>
      {derived.unanswered.length > 0 && <p className="text-xs text-slate-600">{derived.unanswered.length} question(s) not answered count as Unknown (worst case).</p>}
      <button type="button" className="btn" onClick={() => onApply({ vector: derived.vector, extended: formatExtended(answers) })}>
        Use this vector as the CVSS 3.1 score before controls
      </button>
    </div>
  );
}
