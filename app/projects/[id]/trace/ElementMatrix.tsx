import Link from "next/link";
import { label } from "@/lib/model/vocabulary";
import type { ElementTrace } from "@/lib/trace/matrix";
import { controlHref, projectPath, RiskCell, ThreatLink } from "./labels";

/** Element or flow → threats → risk before and after controls → controls, one table per element. */
export function ElementMatrix({ projectId, rows }: { projectId: string; rows: ElementTrace[] }) {
  if (rows.length === 0) return <p className="text-sm text-slate-500">No element or flow matches the filters.</p>;
  return (
    <div className="space-y-4">
      {rows.map((row) => (
        <section key={row.targetId} className="card space-y-2" aria-label={`${row.targetName} (${row.targetId})`} data-target={row.targetId}>
          <h3 className="font-semibold">
            {row.targetName} <span className="text-sm font-normal text-slate-500">{label(row.targetKind)} · </span>
            <Link href={projectPath(projectId)} className="font-mono text-sm font-normal">
              {row.targetId}
            </Link>
          </h3>
          {row.threats.length === 0 ? (
            <p className="text-sm text-slate-500">No threats.</p>
          ) : (
            <div className="overflow-auto">
              <table className="w-full text-left text-sm" aria-label={`Threats of ${row.targetName}`}>
                <thead className="text-xs text-slate-500">
                  <tr>
                    <th className="py-1 pr-2">Threat</th>
                    <th className="pr-2">Risk before controls</th>
                    <th className="pr-2">Risk after controls</th>
                    <th>Controls</th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {row.threats.map((t) => (
                    <tr key={t.id}>
                      <td className="py-2 pr-2 align-top">
                        <ThreatLink projectId={projectId} threat={t} />
                        <span className="block text-xs text-slate-500">
                          {t.stride.replace(/-/g, " ")} · {t.riskKind} risk
                          {t.severity ? ` · ${t.severity} harm` : ""}
                          {t.hazardId ? ` · hazard ${t.hazardId}` : ""}
                        </span>
                      </td>
                      <td className="py-2 pr-2 align-top">
                        <RiskCell risk={t.before} />
                      </td>
                      <td className="py-2 pr-2 align-top">
                        <RiskCell risk={t.after} />
                      </td>
                      <td className="py-2 align-top">
                        {t.controls.length === 0 ? (
                          <span className="text-slate-500">none</span>
                        ) : (
                          <ul className="space-y-1">
                            {t.controls.map((c) => (
                              <li key={c.id}>
                                <Link href={controlHref(projectId, c.id)}>{c.title || c.id}</Link>
                                <span className="block text-xs text-slate-500">
                                  link {c.linkStatus} · control {c.controlStatus ?? "missing"} ·{" "}
                                  <span className={c.evidenceCount ? "" : "text-amber-800"}>
                                    {c.evidenceCount} passing evidence
                                  </span>
                                </span>
                              </li>
                            ))}
                          </ul>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      ))}
    </div>
  );
}
