import { requireActor } from "@/app/_server/access";
import { decide, historyOf, projectThreats } from "@/app/_server/threats";
import { toRecordView } from "@/app/_server/threat-views";
import { handle, notFound, problem, readJson, requireRevision } from "../../../../_http";

export const dynamic = "force-dynamic";
type Params = { params: Promise<{ id: string; threatId: string }> };

/** One threat with its decision and history; the ETag is the decision's version. */
export const GET = handle(async (request: Request, { params }: Params) => {
  const { id, threatId } = await params;
  const actor = await requireActor(request);
  const data = await projectThreats(actor, id);
  const record = data?.records.get(threatId);
  if (!data || !record) return notFound(`project "${id}" has no threat "${threatId}"`);
  const threat = data.analysis.threats.find((t) => t.id === threatId);
  const history = (await historyOf(actor, id, threatId)).map((e) => ({ ...e, at: e.at.toISOString() }));
  return Response.json({ threat: threat ?? null, decision: toRecordView(record), history }, { headers: { etag: `"${record.version}"` } });
});

/** Records a decision `{ status, justification }`; If-Match names the decision version it is based on. */
export const PUT = handle(async (request: Request, { params }: Params) => {
  const { id, threatId } = await params;
  const actor = await requireActor(request);
  const version = requireRevision(request);
  const outcome = await decide(actor, id, threatId, version, await readJson(request));
  if (outcome.ok) return Response.json(toRecordView(outcome.record), { headers: { etag: `"${outcome.record.version}"` } });
  if (outcome.kind === "invalid") return problem(422, "invalid-decision", "Invalid decision", outcome.message, { errors: outcome.errors });
  if (outcome.kind === "not-found") return notFound(outcome.message);
  return problem(409, "conflict", "Edit conflict", outcome.message, { current: toRecordView(outcome.current) });
});
