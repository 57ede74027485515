"use client";

import { Fragment, useState } from "react";
import { whyNotRaisedAction } from "@/app/actions/threats";
import type { CoverageCategory, CoverageEntry } from "@/lib/threats/engine";
import { STRIDE_NAMES, STRIDE_ORDER } from "./stride";

interface Selected {
  entry: CoverageEntry;
  category: CoverageCategory;
  reasons?: Record<string, string[]>;
}

/** For every element and flow, each STRIDE category: the threats found, or that it was considered and why nothing fired. */
export function CoverageTable({ projectId, coverage }: { projectId: string; coverage: CoverageEntry[] }) {
  const [selected, setSelected] = useState<Selected>();
  const gaps = coverage.flatMap((e) => e.categories.filter((c) => c.expected && c.rulesConsidered.length === 0).map((c) => `${e.targetName}: ${STRIDE_NAMES[c.stride]}`));

  const open = async (entry: CoverageEntry, category: CoverageCategory) => {
    setSelected({ entry, category });
    const fired = new Set(category.threatIds.map((t) => t.split("@")[0]));
    const reasons: Record<string, string[]> = {};
    for (const ruleId of category.rulesConsidered)
      if (!fired.has(ruleId)) reasons[ruleId] = await whyNotRaisedAction(projectId, ruleId, entry.targetKind, entry.targetId);
    setSelected({ entry, category, reasons });
  };

  return (
    <div className="space-y-3">
      <p className="text-sm text-slate-600">
        Each cell shows how many threats were found for a STRIDE category, or <em>considered</em> when rules were checked and none applied. Grey cells are
        outside STRIDE per element for that kind of element. Click a cell to see the rules and why each did or did not apply.
      </p>
      {gaps.length > 0 ? (
        <p role="alert" className="rounded border border-red-300 bg-red-50 p-2 text-sm">
          Categories no rule considered: {gaps.join("; ")}
        </p>
      ) : (
        <p className="text-sm text-green-800" data-testid="coverage-complete">
          Every element and flow was considered for every STRIDE category that applies to it.
        </p>
      )}
      <div className="overflow-auto">
        <table className="w-full text-left text-sm" aria-label="Coverage">
          <thead className="text-xs text-slate-500">
            <tr>
              <th className="py-1">Element or flow</th>
              {STRIDE_ORDER.map((s) => (
                <th key={s}>{STRIDE_NAMES[s]}</th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {coverage.map((entry) => (
              <tr key={entry.targetId} id={`coverage-${entry.targetId}`} className="scroll-mt-4 target:bg-amber-50">
                <td className="py-1">
                  {entry.targetName} <span className="text-xs text-slate-500">{entry.targetKind}</span>
                </td>
                {STRIDE_ORDER.map((s) => {
                  const c = entry.categories.find((x) => x.stride === s);
                  if (!c) return <td key={s} className="bg-slate-50" />;
                  return (
                    <td key={s}>
                      <button className={`text-xs ${c.threatIds.length ? "font-semibold text-amber-800" : "text-green-800"}`} onClick={() => open(entry, c)}>
                        {c.threatIds.length ? `${c.threatIds.length} threat${c.threatIds.length > 1 ? "s" : ""}` : "considered"}
                      </button>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {selected && (
        <div className="card text-sm" role="region" aria-label="Coverage detail">
          <h3 className="font-semibold">
            {selected.entry.targetName}: {STRIDE_NAMES[selected.category.stride]}
          </h3>
          <dl className="mt-2 space-y-1">
            {selected.category.rulesConsidered.map((ruleId) => {
              const threat = selected.category.threatIds.find((t) => t.startsWith(`${ruleId}@`));
              return (
                <Fragment key={ruleId}>
                  <dt className="font-mono text-xs">{ruleId}</dt>
                  <dd className="pl-4 text-xs text-slate-700">
                    {threat ? `found: ${threat}` : selected.reasons ? `not raised: ${(selected.reasons[ruleId] ?? []).join("; ") || "—"}` : "…"}
                  </dd>
                </Fragment>
              );
            })}
          </dl>
        </div>
      )}
    </div>
  );
}
