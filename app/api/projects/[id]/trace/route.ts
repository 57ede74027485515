import { requireActor } from "@/app/_server/access";
import { appliedFilter, projectTrace, traceCsv, traceQueryOf, traceRows, traceSearch, unknownFilterValues } from "@/app/_server/trace";
import { handle, notFound, problem, textResponse } from "../../../_http";

export const dynamic = "force-dynamic";

const FORMATS = ["json", "csv"];

/**
 * The traceability matrix: `?direction=requirements|elements&format=json|csv`, filtered by
 * `requirement`, `element`, `status` and `gaps=true` (the same parameters as the app's page).
 */
export const GET = handle(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const { id } = await params;
  const actor = await requireActor(request);
  const search = new URL(request.url).searchParams;
  const format = search.get("format") ?? "json";
  if (!FORMATS.includes(format)) return problem(400, "bad-format", "Unknown format", `format must be one of ${FORMATS.join(", ")}, not "${format}"`);
  const parsed = traceQueryOf(search);
  if (parsed.errors.length) return problem(400, "bad-filter", "Invalid filter", parsed.errors.join("; "));
  const trace = await projectTrace(actor, id);
  if (!trace) return notFound(`there is no project "${id}"`);
  const checked = unknownFilterValues(trace.input, parsed.query);
  if (checked.errors.length) return problem(400, "bad-filter", "Invalid filter", checked.errors.join("; "));
  const query = checked.query;
  if (format === "csv")
    return textResponse(traceCsv(trace.input, query), {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="trace-${query.direction}-r${trace.revision}.csv"`,
      },
    });
  const { project } = trace.input.model;
  return Response.json({
    project: { id, name: project.name, regulation: project.regulation, revision: trace.revision },
    direction: query.direction,
    filter: appliedFilter(query),
    rows: traceRows(trace.input, query),
    links: {
      csv: `/api/projects/${id}/trace${traceSearch(query, { format: "csv" })}`,
      app: `/projects/${id}/trace${traceSearch(query)}`,
    },
  });
});
