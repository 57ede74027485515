import { requireActor } from "@/app/_server/access";
import { auditLogExport } from "@/app/_server/audit";
import { auditCsv } from "@/lib/review/audit";
import { handle, problem, textResponse } from "../../../_http";

export const dynamic = "force-dynamic";

/**
 * The project's audit log, oldest first, as `?format=json` (default) or `csv`, filtered by `?action=`
 * and `?entityType=`. Read-only: the log is append-only and no route changes or deletes it.
 */
export const GET = handle(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const { id } = await params;
  const actor = await requireActor(request);
  const url = new URL(request.url);
  const format = url.searchParams.get("format") ?? "json";
  if (format !== "json" && format !== "csv") return problem(400, "bad-format", "Unknown format", "format must be json or csv");
  const filter = { action: url.searchParams.get("action") ?? undefined, entityType: url.searchParams.get("entityType") ?? undefined };
  const entries = await auditLogExport(actor, id, filter);
  const attachment = `attachment; filename="audit-log-${id}.${format}"`;
  if (format === "csv") return textResponse(auditCsv(entries), { headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": attachment } });
  const headers: Record<string, string> = url.searchParams.get("download") ? { "content-disposition": attachment } : {};
  return Response.json({ projectId: id, exportedAt: new Date().toISOString(), filter, entries }, { headers });
});
