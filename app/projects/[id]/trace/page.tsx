import { withAnalysisNotice } from "@/app/projects/[id]/_components/AnalysisNotice";
import Link from "next/link";
import { forPage, pageActor } from "@/app/_server/pages";
import { elementFilterOf, projectTrace, requirementFilterOf, traceQueryOf, traceSearch, unknownFilterValues, type TraceQuery } from "@/app/_server/trace";
import { annexIRequirements } from "@/lib/catalog";
import { STATUS_LABELS, THREAT_STATUSES } from "@/lib/threats/decision";
import { elementTrace, requirementTrace } from "@/lib/trace/matrix";
import { ElementMatrix } from "./ElementMatrix";
import { RequirementMatrix } from "./RequirementMatrix";

export const dynamic = "force-dynamic";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const DIRECTIONS: { direction: TraceQuery["direction"]; label: string }[] = [
  { direction: "requirements", label: "Requirement → controls → threats → evidence" },
  { direction: "elements", label: "Element → threats → risks → controls" },
];

async function TracePage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: SearchParams }) {
  const { id } = await params;
  const trace = await forPage(async () => projectTrace(await pageActor(), id));
  const parsed = traceQueryOf(await searchParams);
  const checked = unknownFilterValues(trace.input, parsed.query);
  const query = checked.query;
  const errors = [...parsed.errors, ...checked.errors];
  const { model } = trace.input;
  const requirementRows = query.direction === "requirements" ? requirementTrace(trace.input, requirementFilterOf(query)) : undefined;
  const elementRows = query.direction === "elements" ? elementTrace(trace.input, elementFilterOf(query)) : undefined;
  const base = `/projects/${encodeURIComponent(id)}/trace`;
  const api = `/api/projects/${encodeURIComponent(id)}/trace`;

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm text-slate-700">
          Traceability of revision {trace.revision} against the {model.project.regulation} Annex I requirements listed in MDCG 2019-16 Table 1.
        </p>
        <div className="flex gap-2 text-sm">
          <a className="btn" href={`${api}${traceSearch(query, { format: "csv" })}`} download>
            Export CSV
          </a>
          <a className="btn" href={`${api}${traceSearch(query)}`}>
            JSON
          </a>
        </div>
      </div>

      <nav className="flex flex-wrap gap-1" aria-label="Direction">
        {DIRECTIONS.map((d) => (
          <Link
            key={d.direction}
            href={`${base}${traceSearch({ ...query, direction: d.direction })}`}
            aria-current={query.direction === d.direction ? "page" : undefined}
            className={`btn ${query.direction === d.direction ? "btn-primary" : ""}`}
          >
            {d.label}
          </Link>
        ))}
      </nav>

      {errors.map((e) => (
        <p key={e} role="alert" className="rounded border border-amber-400 bg-amber-50 p-2 text-sm">
          Filter ignored: {e}.
        </p>
      ))}

      <form method="get" action={base} className="card flex flex-wrap items-end gap-3 text-sm" aria-label="Filters">
        <input type="hidden" name="direction" value={query.direction} />
        {query.direction === "requirements" ? (
          <>
            <div>
              <label htmlFor="trace-requirement" className="field-label">
                Requirement
              </label>
              <select id="trace-requirement" name="requirement" className="input" defaultValue={query.requirement ?? ""}>
                <option value="">All</option>
                {annexIRequirements(model.project.regulation).map((r) => (
                  <option key={r.id} value={r.id}>
                    {r.id} {r.topic}
                  </option>
                ))}
              </select>
            </div>
            <Kept name="element" value={query.element} />
            <Kept name="status" value={query.status} />
          </>
        ) : (
          <>
            <div>
              <label htmlFor="trace-element" className="field-label">
                Element or flow
              </label>
              <select id="trace-element" name="element" className="input" defaultValue={query.element ?? ""}>
                <option value="">All</option>
                <optgroup label="Elements">
                  {model.elements.map((e) => (
                    <option key={e.id} value={e.id}>
                      {e.name} ({e.id})
                    </option>
                  ))}
                </optgroup>
                <optgroup label="Flows">
                  {model.flows.map((f) => (
                    <option key={f.id} value={f.id}>
                      {f.name || f.id} ({f.id})
                    </option>
                  ))}
                </optgroup>
              </select>
            </div>
            <div>
              <label htmlFor="trace-status" className="field-label">
                Threat status
              </label>
              <select id="trace-status" name="status" className="input" defaultValue={query.status ?? ""}>
                <option value="">All</option>
                {THREAT_STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {STATUS_LABELS[s]}
                  </option>
                ))}
              </select>
            </div>
            <Kept name="requirement" value={query.requirement} />
          </>
        )}
        <label className="flex items-center gap-2 pb-2">
          <input type="checkbox" name="gaps" value="true" defaultChecked={query.gaps} />
          Only gaps
        </label>
        <button className="btn btn-primary">Apply filters</button>
        <Link href={`${base}${traceSearch({ direction: query.direction, gaps: false })}`} className="pb-2">
          Clear filters
        </Link>
      </form>

      <p className="text-xs text-slate-500" data-testid="trace-count">
        {requirementRows && `${requirementRows.length} of ${annexIRequirements(model.project.regulation).length} requirements shown.`}
        {elementRows && `${elementRows.length} elements and flows with ${elementRows.reduce((n, r) => n + r.threats.length, 0)} threats shown.`}
        {query.gaps && (requirementRows ? " Only requirements with no control or no evidence." : " Only threats that are undecided, have an unacceptable residual risk, or a linked control not verified with evidence.")}
      </p>

      {requirementRows && <RequirementMatrix projectId={id} rows={requirementRows} />}
      {elementRows && <ElementMatrix projectId={id} rows={elementRows} />}
    </div>
  );
}

/** A filter of the other direction, kept so that switching back restores it. */
function Kept({ name, value }: { name: string; value?: string }) {
  return value ? <input type="hidden" name={name} value={value} /> : null;
}

export default withAnalysisNotice(TracePage);
