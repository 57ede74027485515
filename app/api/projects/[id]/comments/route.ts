import { requireActor } from "@/app/_server/access";
import { addComment, listComments } from "@/app/_server/comments";
import { COMMENT_TARGET_TYPES } from "@/lib/review/comments";
import { etag, handle, problem, readJson } from "../../../_http";
import { reviewProblem } from "../../../_review";

export const dynamic = "force-dynamic";
type Params = { params: Promise<{ id: string }> };

/** The project's comments, oldest first; `?targetType=threat&targetId=…` narrows them to one target. */
export const GET = handle(async (request: Request, { params }: Params) => {
  const { id } = await params;
  const actor = await requireActor(request);
  const url = new URL(request.url);
  const targetType = url.searchParams.get("targetType") ?? undefined;
  const targetId = url.searchParams.get("targetId") ?? undefined;
  if (targetType && !(COMMENT_TARGET_TYPES as readonly string[]).includes(targetType))
    return problem(400, "bad-target-type", "Unknown target type", `targetType must be one of ${COMMENT_TARGET_TYPES.join(", ")}`);
  return Response.json({ comments: await listComments(actor, id, { targetType, targetId }) });
});

/** Adds a comment `{ targetType, targetId, body }`. */
export const POST = handle(async (request: Request, { params }: Params) => {
  const { id } = await params;
  const actor = await requireActor(request);
  const outcome = await addComment(actor, id, await readJson(request));
  if (!outcome.ok) return reviewProblem(outcome);
  return Response.json(outcome.value, { status: 201, headers: { etag: etag(outcome.version), location: `/api/projects/${id}/comments/${outcome.value.id}` } });
});
