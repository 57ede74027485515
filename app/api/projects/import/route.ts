import { requireActor } from "@/app/_server/access";
import { importProject } from "@/app/_server/projects";
import { handle, outcomeProblem, readBody } from "../../_http";
import { projectJson } from "../../_json";

export const dynamic = "force-dynamic";

/** Creates a project from a model file (YAML or JSON) sent as the request body. */
export const POST = handle(async (request: Request) => {
  const actor = await requireActor(request);
  const filename = new URL(request.url).searchParams.get("filename") ?? undefined;
  const outcome = await importProject(actor, await readBody(request), filename);
  if (!outcome.ok) return outcomeProblem(outcome);
  return Response.json({ ...projectJson(outcome.value), counts: outcome.value.counts }, { status: 201, headers: { location: `/api/projects/${outcome.value.id}` } });
});
