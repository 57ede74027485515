import { requireActor } from "@/app/_server/access";
import { listRevisions, loadProject } from "@/app/_server/projects";
import { handle, notFound } from "../../../_http";

export const dynamic = "force-dynamic";

export const GET = handle(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const { id } = await params;
  const actor = await requireActor(request);
  if (!(await loadProject(actor, id))) return notFound(`there is no project "${id}"`);
  const revisions = await listRevisions(actor, id);
  return Response.json({
    revisions: revisions.map((r) => ({ ...r, createdAt: r.createdAt.toISOString(), model: `/api/projects/${id}/model?revision=${r.revision}` })),
  });
});
