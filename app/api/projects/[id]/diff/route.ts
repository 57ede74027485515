import { requireActor } from "@/app/_server/access";
import { projectDiff } from "@/app/_server/diff";
import { DIFF_FORMATS, formatDiff, type DiffFormat } from "@/lib/trace/diff";
import { handle, problem, textResponse } from "../../../_http";
import { reviewProblem } from "../../../_review";

export const dynamic = "force-dynamic";

const TYPES: Record<DiffFormat, string> = { json: "application/json; charset=utf-8", md: "text/markdown; charset=utf-8", text: "text/plain; charset=utf-8" };

/** The semantic diff `?from=…&to=…`, each `current`, `revision:<n>` or `baseline:<id>`; `?format=json` (default), `md` or `text`. */
export const GET = handle(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const { id } = await params;
  const actor = await requireActor(request);
  const url = new URL(request.url);
  const format = (url.searchParams.get("format") ?? "json") as DiffFormat;
  if (!DIFF_FORMATS.includes(format)) return problem(400, "bad-format", "Unknown format", `format must be one of ${DIFF_FORMATS.join(", ")}`);
  const outcome = await projectDiff(actor, id, url.searchParams.get("from"), url.searchParams.get("to") ?? "current");
  if (!outcome.ok) return outcome.kind === "invalid" ? problem(400, "bad-version", "Unknown version", outcome.message) : reviewProblem(outcome);
  if (format === "json") return Response.json({ from: outcome.from, to: outcome.to, ...outcome.diff });
  return textResponse(formatDiff(outcome.diff, format), { headers: { "content-type": TYPES[format] } });
});
