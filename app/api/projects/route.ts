import { requireActor } from "@/app/_server/access";
import { createProjectFromDetails, listProjects } from "@/app/_server/projects";
import { handle, outcomeProblem, readJson } from "../_http";
import { projectJson } from "../_json";

export const dynamic = "force-dynamic";

export const GET = handle(async (request: Request) => {
  const actor = await requireActor(request);
  const deleted = new URL(request.url).searchParams.get("deleted") === "true";
  return Response.json({ projects: (await listProjects(actor, deleted)).map(projectJson) });
});

export const POST = handle(async (request: Request) => {
  const actor = await requireActor(request);
  const body = (await readJson(request)) as { project?: unknown } | null;
  const outcome = await createProjectFromDetails(actor, body && typeof body === "object" && "project" in body ? body.project : body);
  if (!outcome.ok) return outcomeProblem(outcome);
  return Response.json(projectJson(outcome.value), { status: 201, headers: { location: `/api/projects/${outcome.value.id}` } });
});
