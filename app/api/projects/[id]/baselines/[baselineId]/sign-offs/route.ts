import { requireActor } from "@/app/_server/access";
import { getBaseline, signOffBaseline } from "@/app/_server/baselines";
import { handle, notFound, readJson } from "../../../../../_http";
import { reviewProblem } from "../../../../../_review";

export const dynamic = "force-dynamic";
type Params = { params: Promise<{ id: string; baselineId: string }> };

export const GET = handle(async (request: Request, { params }: Params) => {
  const { id, baselineId } = await params;
  const baseline = await getBaseline(await requireActor(request), id, baselineId);
  if (!baseline) return notFound(`there is no baseline "${baselineId}" in this project`);
  return Response.json({ contentHash: baseline.contentHash, signOffs: baseline.signOffs });
});

/** Signs off a baseline: `{ "statement": "…" }`. Needs the review permission; refused (409) when the content no longer matches its hash. */
export const POST = handle(async (request: Request, { params }: Params) => {
  const { id, baselineId } = await params;
  const actor = await requireActor(request);
  const outcome = await signOffBaseline(actor, id, baselineId, await readJson(request));
  if (!outcome.ok) return reviewProblem(outcome);
  return Response.json(outcome.value, { status: 201 });
});
