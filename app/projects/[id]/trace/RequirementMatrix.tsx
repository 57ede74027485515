import Link from "next/link";
import type { Evidence } from "@/lib/risk/assessment";
import type { RequirementTrace } from "@/lib/trace/matrix";
import { controlHref, RequirementStateBadge, requirementHref, ThreatLink } from "./labels";

const evidenceText = (e: Evidence) => `${e.reference || "(no reference)"}: ${e.method.replace(/-/g, " ")}, ${e.result.replace(/-/g, " ")}${e.date ? `, ${e.date}` : ""}`;

/** Annex I requirement → controls → threats → verification evidence, one row per supporting control. */
export function RequirementMatrix({ projectId, rows }: { projectId: string; rows: RequirementTrace[] }) {
  if (rows.length === 0) return <p className="text-sm text-slate-500">No requirement matches the filters.</p>;
  return (
    <div className="overflow-auto">
      <table className="w-full text-left text-sm" aria-label="Requirement traceability">
        <thead className="text-xs text-slate-500">
          <tr>
            <th className="py-1 pr-2">Annex I requirement</th>
            <th className="pr-2">State</th>
            <th className="pr-2">Control</th>
            <th className="pr-2">Threats linked to the control</th>
            <th>Verification evidence</th>
          </tr>
        </thead>
        {rows.map((row) => {
          const span = Math.max(row.controls.length, 1);
          const unlinked = row.citingThreats.filter((t) => t.viaControls.length === 0);
          const head = (
            <>
              <td rowSpan={span} className="py-2 pr-2 align-top">
                <Link href={requirementHref(projectId, row.id)} className="font-medium">
                  {row.id}
                </Link>
                <span className="block">{row.topic}</span>
                {!row.applicable && <span className="block text-xs text-slate-600">Not applicable: {row.justification || "no justification given"}</span>}
                {unlinked.length > 0 && (
                  <details className="mt-1 text-xs">
                    <summary className="cursor-pointer text-slate-600">
                      {unlinked.length} threat{unlinked.length === 1 ? "" : "s"} citing it with no supporting control
                    </summary>
                    <ul className="mt-1 space-y-1 pl-3">
                      {unlinked.map((t) => (
                        <li key={t.id}>
                          <ThreatLink projectId={projectId} threat={t} />
                        </li>
                      ))}
                    </ul>
                  </details>
                )}
              </td>
              <td rowSpan={span} className="pr-2 align-top">
                <RequirementStateBadge state={row.state} />
              </td>
            </>
          );
          return (
            <tbody key={row.id} className="border-t border-slate-200" data-requirement={row.id}>
              {row.controls.length === 0 ? (
                <tr>
                  {head}
                  <td colSpan={3} className="align-top text-slate-500">
                    No project control supports this requirement.
                  </td>
                </tr>
              ) : (
                row.controls.map((control, i) => (
                  <tr key={control.id} className={i > 0 ? "border-t border-slate-100" : ""}>
                    {i === 0 && head}
                    <td className="py-2 pr-2 align-top">
                      <Link href={controlHref(projectId, control.id)}>{control.title}</Link>
                      <span className="block text-xs text-slate-500">
                        {control.type.replace(/-/g, " ")} · {control.status}
                      </span>
                    </td>
                    <td className="py-2 pr-2 align-top">
                      {control.threats.length === 0 ? (
                        <span className="text-slate-500">none</span>
                      ) : (
                        <ul className="space-y-1">
                          {control.threats.map((t) => (
                            <li key={t.id}>
                              <ThreatLink projectId={projectId} threat={t} />
                              <span className="text-xs text-slate-500"> · link {t.linkStatus}</span>
                            </li>
                          ))}
                        </ul>
                      )}
                    </td>
                    <td className="py-2 align-top">
                      {control.evidence.length === 0 ? (
                        <span className="text-amber-800">none</span>
                      ) : (
                        <ul className="space-y-1 text-xs">
                          {control.evidence.map((e, j) => (
                            <li key={j} className={e.result === "failed" ? "text-red-700" : ""}>
                              {evidenceText(e)}
                            </li>
                          ))}
                        </ul>
                      )}
                    </td>
                  </tr>
                ))
              )}
            </tbody>
          );
        })}
      </table>
    </div>
  );
}
