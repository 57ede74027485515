"use client";

import { useId, useMemo, useState } from "react";
import { buildVector, CVSS_METRIC_GROUPS, NOT_DEFINED, parseVector, scoreVector, type CvssVersion } from "@/lib/risk/cvss";

/**
 * One select per CVSS metric, the vector string and the score, all kept in step: edit a metric
 * and the vector and score follow; paste a vector and the metrics follow, or the reason it is
 * refused is shown. The vector is reported as it is typed so nothing the user enters is lost.
 */
export function CvssCalculator({ version, label, value, onChange }: { version: CvssVersion; label: string; value: string; onChange(vector: string): void }) {
  const id = useId();
  const [text, setText] = useState(value);
  const parsed = useMemo(() => (text.trim() ? parseVector(text) : undefined), [text]);
  const [metrics, setMetrics] = useState<Record<string, string | undefined>>(() => (parsed?.ok && parsed.version === version ? parsed.metrics : {}));
  const scored = useMemo(() => (text.trim() ? scoreVector(text) : undefined), [text]);
  const versionMismatch = parsed?.ok && parsed.version !== version;

  const typed = (next: string) => {
    setText(next);
    onChange(next);
    const p = next.trim() ? parseVector(next) : undefined;
    if (p?.ok && p.version === version) setMetrics(p.metrics);
  };
  const setMetric = (abbr: string, v: string) => {
    const next = { ...metrics, [abbr]: v === NOT_DEFINED || v === "" ? undefined : v };
    setMetrics(next);
    const vector = buildVector(version, next);
    setText(vector);
    onChange(vector);
  };

  return (
    <fieldset className="space-y-2 rounded border border-slate-200 p-2" aria-label={label}>
      <legend className="px-1 text-sm font-semibold">{label}</legend>
      <div className="flex flex-wrap items-end gap-2">
        <div className="grow">
          <label htmlFor={`${id}-vector`} className="field-label">
            Vector
          </label>
          <input id={`${id}-vector`} className="input font-mono text-xs" value={text} placeholder={`CVSS:${version}/…`} onChange={(e) => typed(e.target.value)} />
        </div>
        <p className="min-w-32 text-sm" data-testid="cvss-score" aria-live="polite">
          {scored?.ok ? (
            <>
              <strong>{scored.score.toFixed(1)}</strong> {scored.severity}
              {scored.nomenclature ? <span className="text-xs text-slate-500"> {scored.nomenclature}</span> : null}
            </>
          ) : (
            <span className="text-slate-500">not scored</span>
          )}
        </p>
      </div>
      {scored && !scored.ok && (
        <p role="alert" className="text-xs text-red-700">
          {scored.reason}
        </p>
      )}
      {versionMismatch && (
        <p role="alert" className="text-xs text-red-700">
          This is a CVSS {parsed.ok ? parsed.version : ""} vector; this field takes CVSS {version}.
        </p>
      )}
      {CVSS_METRIC_GROUPS[version].map((group, i) => (
        <details key={group.id} open={i === 0} className="text-xs">
          <summary className="cursor-pointer text-slate-600">{group.name}</summary>
          <div className="mt-1 grid grid-cols-2 gap-x-3 gap-y-1 sm:grid-cols-4">
            {group.metrics.map((m) => (
              <div key={m.abbr}>
                <label htmlFor={`${id}-${m.abbr}`} className="field-label" title={m.name}>
                  {m.name} ({m.abbr})
                </label>
                <select id={`${id}-${m.abbr}`} className="input text-xs" value={metrics[m.abbr] ?? (m.mandatory ? "" : NOT_DEFINED)} onChange={(e) => setMetric(m.abbr, e.target.value)}>
                  {m.mandatory && <option value="">—</option>}
                  {m.values.map((v) => (
                    <option key={v.abbr} value={v.abbr}>
                      {v.name} ({v.abbr})
                    </option>
                  ))}
                </select>
              </div>
            ))}
          </div>
        </details>
      ))}
    </fieldset>
  );
}
