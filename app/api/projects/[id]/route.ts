import { requireActor } from "@/app/_server/access";
import { deleteProject, loadProject, renameProject } from "@/app/_server/projects";
import { etag, handle, notFound, outcomeProblem, problem, readJson, requireRevision } from "../../_http";
import { projectJson } from "../../_json";

export const dynamic = "force-dynamic";
type Params = { params: Promise<{ id: string }> };

export const GET = handle(async (request: Request, { params }: Params) => {
  const { id } = await params;
  const stored = await loadProject(await requireActor(request), id);
  if (!stored) return notFound(`there is no project "${id}"`);
  return Response.json(
    { ...projectJson(stored.project), device: stored.model.project.device, regulation: stored.model.project.regulation },
    { headers: { etag: etag(stored.revision) } },
  );
});

/** Renames a project: `{ "name": "..." }` with If-Match set to the revision it is based on. */
export const PATCH = handle(async (request: Request, { params }: Params) => {
  const { id } = await params;
  const actor = await requireActor(request);
  const revision = requireRevision(request);
  const body = (await readJson(request)) as { name?: unknown } | null;
  if (typeof body?.name !== "string") return problem(422, "invalid-request", "Invalid request", 'send { "name": "<new name>" }');
  const outcome = await renameProject(actor, id, revision, body.name);
  if (!outcome.ok) return outcomeProblem(outcome);
  return Response.json({ revision: outcome.value.revision, name: outcome.value.model.project.name }, { headers: { etag: etag(outcome.value.revision) } });
});

/** Moves a project to the trash; POST .../restore brings it back. */
export const DELETE = handle(async (request: Request, { params }: Params) => {
  const { id } = await params;
  if (!(await deleteProject(await requireActor(request), id))) return notFound(`there is no project "${id}" (or it is already deleted)`);
  return new Response(null, { status: 204 });
});
