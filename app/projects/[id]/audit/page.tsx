import Link from "next/link";
import { projectForPage } from "@/app/_server/pages";
import { auditLogPage } from "@/app/_server/audit";
import type { AuditEntryView } from "@/lib/review/audit";

export const dynamic = "force-dynamic";

type Search = Promise<Record<string, string | string[] | undefined>>;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.trim() || undefined;
const json = (v: unknown) => (typeof v === "string" ? v : JSON.stringify(v, null, 2));

function query(params: Record<string, string | number | undefined>) {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== "") search.set(k, String(v));
  const text = search.toString();
  return text ? `?${text}` : "";
}

function Changes({ entry }: { entry: AuditEntryView }) {
  if (entry.before === null && entry.after === null) return null;
  return (
    <details>
      <summary className="cursor-pointer text-xs text-blue-700">Before / after</summary>
      <div className="mt-1 grid gap-2 md:grid-cols-2">
        {(["before", "after"] as const).map((side) => (
          <div key={side}>
            <p className="field-label">{side === "before" ? "Before" : "After"}</p>
            <pre className="max-h-64 overflow-auto whitespace-pre-wrap break-words rounded bg-slate-50 p-1 text-xs">{entry[side] === null ? "(none)" : json(entry[side])}</pre>
          </div>
        ))}
      </div>
    </details>
  );
}

export default async function AuditPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Search }) {
  const { id, actor } = await projectForPage(params);
  const search = await searchParams;
  const action = first(search.action);
  const entityType = first(search.entityType);
  const beforeText = first(search.before);
  const before = beforeText && /^\d+$/.test(beforeText) ? Number(beforeText) : undefined;
  const { entries, more, facets } = await auditLogPage(actor, id, { action, entityType }, before);
  const filter = { action, entityType };
  const api = `/api/projects/${id}/audit`;
  return (
    <div className="space-y-4">
      <section className="card space-y-2">
        <h2>Audit log</h2>
        <p className="text-sm text-slate-600">
          Every change to this project: who made it, when, and the state before and after. The log is append-only: the database refuses to change or delete an entry.
        </p>
        <form method="get" className="flex flex-wrap items-end gap-2" aria-label="Filter the audit log">
          <div>
            <label className="field-label" htmlFor="audit-action">
              Action
            </label>
            <select id="audit-action" name="action" className="input" defaultValue={action ?? ""}>
              <option value="">All actions</option>
              {facets.actions.map((a) => (
                <option key={a}>{a}</option>
              ))}
            </select>
          </div>
          <div>
            <label className="field-label" htmlFor="audit-entity">
              Entity type
            </label>
            <select id="audit-entity" name="entityType" className="input" defaultValue={entityType ?? ""}>
              <option value="">All entity types</option>
              {facets.entityTypes.map((t) => (
                <option key={t}>{t}</option>
              ))}
            </select>
          </div>
          <button className="btn">Filter</button>
          <span className="ml-auto space-x-3 text-sm">
            <a href={`${api}${query({ ...filter, format: "csv" })}`}>Export CSV</a>
            <a href={`${api}${query({ ...filter, format: "json", download: 1 })}`}>Export JSON</a>
          </span>
        </form>
      </section>
      <section className="card">
        {entries.length === 0 ? (
          <p className="text-sm text-slate-500">No entries{action || entityType ? " match this filter" : ""}.</p>
        ) : (
          <table className="w-full table-fixed text-left text-sm" aria-label="Audit entries">
            <thead className="border-b border-slate-200 text-xs text-slate-500">
              <tr>
                <th className="w-40 py-1">When (UTC)</th>
                <th className="w-32">Who</th>
                <th className="w-36">Action</th>
                <th className="w-48">Entity</th>
                <th>Summary</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100 align-top">
              {entries.map((e) => (
                <tr key={e.id}>
                  <td className="whitespace-nowrap py-1.5 font-mono text-xs">{e.at.slice(0, 19).replace("T", " ")}</td>
                  <td className="break-words">{e.actorName}</td>
                  <td className="font-mono text-xs">{e.action}</td>
                  <td className="break-words text-xs">
                    {e.entityType} <code>{e.entityId}</code>
                  </td>
                  <td className="break-words">
                    {e.summary}
                    <Changes entry={e} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <nav className="mt-3 flex gap-3 text-sm" aria-label="Audit log pages">
          {before !== undefined && <Link href={`/projects/${id}/audit${query(filter)}`}>Newest entries</Link>}
          {more && <Link href={`/projects/${id}/audit${query({ ...filter, before: entries[entries.length - 1].id })}`}>Older entries →</Link>}
        </nav>
      </section>
    </div>
  );
}
