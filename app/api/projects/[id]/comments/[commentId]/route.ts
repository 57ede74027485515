import { requireActor } from "@/app/_server/access";
import { listComments, setCommentResolved } from "@/app/_server/comments";
import { etag, handle, notFound, readJson, requireRevision } from "../../../../_http";
import { reviewProblem } from "../../../../_review";

export const dynamic = "force-dynamic";
type Params = { params: Promise<{ id: string; commentId: string }> };

/** One comment; the ETag is its version. */
export const GET = handle(async (request: Request, { params }: Params) => {
  const { id, commentId } = await params;
  const comment = (await listComments(await requireActor(request), id)).find((c) => c.id === commentId);
  if (!comment) return notFound(`there is no comment "${commentId}" in this project`);
  return Response.json(comment, { headers: { etag: etag(comment.version) } });
});

/** Resolves or reopens a comment: `{ "resolved": true | false }` with If-Match set to the comment's version. */
export const PATCH = handle(async (request: Request, { params }: Params) => {
  const { id, commentId } = await params;
  const actor = await requireActor(request);
  const version = requireRevision(request);
  const outcome = await setCommentResolved(actor, id, commentId, await readJson(request), version);
  if (!outcome.ok) return reviewProblem(outcome);
  return Response.json(outcome.value, { headers: { etag: etag(outcome.version) } });
});
