import { requireActor } from "@/app/_server/access";
import { applyModelOperation } from "@/app/_server/projects";
import { etag, handle, outcomeProblem, readJson, requireRevision } from "../../../_http";

export const dynamic = "force-dynamic";

/** Applies one edit operation (the editor's unit of change) to the revision named by If-Match. */
export const POST = handle(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const { id } = await params;
  const actor = await requireActor(request);
  const revision = requireRevision(request);
  const outcome = await applyModelOperation(actor, id, revision, await readJson(request));
  if (!outcome.ok) return outcomeProblem(outcome);
  return Response.json({ revision: outcome.value.revision, summary: outcome.value.summary }, { headers: { etag: etag(outcome.value.revision) } });
});
