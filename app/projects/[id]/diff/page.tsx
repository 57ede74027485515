import { withAnalysisNotice } from "@/app/projects/[id]/_components/AnalysisNotice";
import { projectForPage } from "@/app/_server/pages";
import { diffChoices, projectDiff } from "@/app/_server/diff";
import { AREA_HEADINGS, DIFF_AREAS, describeDetail, type Change, type ChangeKind } from "@/lib/trace/diff";

export const dynamic = "force-dynamic";

type Search = Promise<Record<string, string | string[] | undefined>>;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.trim() || undefined;

const KIND: Record<ChangeKind, { sign: string; label: string; className: string }> = {
  added: { sign: "+", label: "added", className: "bg-green-100 text-green-900" },
  removed: { sign: "−", label: "removed", className: "bg-red-100 text-red-900" },
  changed: { sign: "~", label: "changed", className: "bg-amber-100 text-amber-900" },
};

function ChangeItem({ change }: { change: Change }) {
  const kind = KIND[change.kind];
  const title = change.title && change.title !== change.id ? change.title : "";
  return (
    <li className="py-1.5">
      <span className={`mr-2 inline-block rounded px-1.5 text-xs font-medium ${kind.className}`} title={kind.label}>
        {kind.sign} {kind.label}
      </span>
      <code className="font-mono text-xs">{change.id}</code> {title}
      {change.details.length > 0 && (
        <ul className="ml-6 list-disc text-xs text-slate-700">
          {change.details.map((d, i) => (
            <li key={i} className="break-words">
              {describeDetail(d)}
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

async function DiffPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Search }) {
  const { id, stored, actor } = await projectForPage(params);
  const search = await searchParams;
  const choices = await diffChoices(actor, id);
  const latestBaseline = choices.find((c) => c.ref.startsWith("baseline:"));
  const from = first(search.from) ?? latestBaseline?.ref ?? (stored.revision > 1 ? `revision:${stored.revision - 1}` : "current");
  const to = first(search.to) ?? "current";
  const outcome = await projectDiff(actor, id, from, to);
  const picker = (name: string, value: string, label: string) => (
    <div className="min-w-64 flex-1">
      <label className="field-label" htmlFor={`diff-${name}`}>
        {label}
      </label>
      <select id={`diff-${name}`} name={name} className="input" defaultValue={value}>
        {!choices.some((c) => c.ref === value) && <option value={value}>{value}</option>}
        {choices.map((c) => (
          <option key={c.ref} value={c.ref}>
            {c.label}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <div className="space-y-4">
      <form method="get" className="card flex flex-wrap items-end gap-2" aria-label="Versions to compare">
        {picker("from", from, "From (before)")}
        {picker("to", to, "To (after)")}
        <button className="btn btn-primary">Compare</button>
      </form>
      {!outcome.ok ? (
        <p role="alert" className="card text-sm text-red-700">
          {outcome.message}
        </p>
      ) : (
        <section className="card space-y-3" aria-label="Differences">
          <h2>
            {outcome.from.label} → {outcome.to.label}
          </h2>
          {[...new Set([outcome.from.note, outcome.to.note].filter(Boolean))].map((note) => (
            <p key={note} className="rounded border border-slate-200 bg-slate-50 p-2 text-xs text-slate-600">
              {note}
            </p>
          ))}
          <p data-testid="diff-summary" className="text-sm">
            {outcome.diff.changes.length === 0
              ? "No differences."
              : `${outcome.diff.changes.length} difference${outcome.diff.changes.length === 1 ? "" : "s"}: ${outcome.diff.summary.added} added, ${outcome.diff.summary.removed} removed, ${outcome.diff.summary.changed} changed.`}{" "}
            <a href={`/api/projects/${id}/diff?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}&format=md`}>Markdown</a> ·{" "}
            <a href={`/api/projects/${id}/diff?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`}>JSON</a>
          </p>
          {DIFF_AREAS.filter((area) => outcome.diff.changes.some((c) => c.area === area)).map((area) => {
            const counts = outcome.diff.summary.byArea[area];
            return (
              <section key={area} aria-label={AREA_HEADINGS[area]}>
                <h3 className="text-sm font-semibold">
                  {AREA_HEADINGS[area]} <span className="font-normal text-slate-500">({counts.added} added, {counts.removed} removed, {counts.changed} changed)</span>
                </h3>
                <ul className="divide-y divide-slate-100 text-sm">
                  {outcome.diff.changes
                    .filter((c) => c.area === area)
                    .map((c) => (
                      <ChangeItem key={`${c.kind}:${c.id}`} change={c} />
                    ))}
                </ul>
              </section>
            );
          })}
        </section>
      )}
    </div>
  );
}

export default withAnalysisNotice(DiffPage);
