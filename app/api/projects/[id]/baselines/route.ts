import { requireActor } from "@/app/_server/access";
import { baselineStatuses, createBaseline, listBaselines, type BaselineView } from "@/app/_server/baselines";
import { handle, readJson } from "../../../_http";
import { reviewProblem } from "../../../_review";

export const dynamic = "force-dynamic";
type Params = { params: Promise<{ id: string }> };

const links = (projectId: string, b: BaselineView) => {
  const self = `/api/projects/${projectId}/baselines/${b.id}`;
  return { self, content: `${self}?format=baseline`, signOffs: `${self}/sign-offs`, diff: `/api/projects/${projectId}/diff?from=baseline:${b.id}&to=current` };
};

/** The project's baselines, newest first, each with its sign-offs and whether the working copy has moved on from it. */
export const GET = handle(async (request: Request, { params }: Params) => {
  const { id } = await params;
  const actor = await requireActor(request);
  const baselines = await listBaselines(actor, id);
  const statuses = await baselineStatuses(actor, id, baselines.map((b) => b.id));
  return Response.json({ baselines: baselines.map((b) => ({ ...b, workingCopy: statuses.get(b.id) ?? null, links: links(id, b) })) });
});

/** Takes a baseline of the project as it is now: `{ "name": "…" }`. */
export const POST = handle(async (request: Request, { params }: Params) => {
  const { id } = await params;
  const actor = await requireActor(request);
  const outcome = await createBaseline(actor, id, await readJson(request));
  if (!outcome.ok) return reviewProblem(outcome);
  return Response.json({ ...outcome.value, links: links(id, outcome.value) }, { status: 201, headers: { location: links(id, outcome.value).self } });
});
