import { listComments } from "@/app/_server/comments";
import { mayDo } from "@/app/_server/access";
import type { Actor } from "@/db/users";
import type { CommentTargetType } from "@/lib/review/comments";
import { CommentThread } from "./CommentThread";

/** Loads and shows the comment thread of one target, for server-rendered pages. */
export async function Comments(props: { actor: Actor; projectId: string; targetType: CommentTargetType; targetId: string }) {
  const [comments, canComment] = await Promise.all([
    listComments(props.actor, props.projectId, { targetType: props.targetType, targetId: props.targetId }),
    mayDo(props.actor, props.projectId, "comment"),
  ]);
  return <CommentThread projectId={props.projectId} targetType={props.targetType} targetId={props.targetId} comments={comments} canComment={canComment} />;
}
