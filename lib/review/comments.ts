import { z } from "zod";

/**
 * Review comments: on a threat, a control, an Annex I requirement, a hazard, an element or flow,
 * an assumption, or the project as a whole. Resolving keeps the comment; it can be reopened.
 */

export const COMMENT_TARGET_TYPES = ["threat", "control", "requirement", "hazard", "element", "flow", "assumption", "project"] as const;
export type CommentTargetType = (typeof COMMENT_TARGET_TYPES)[number];

export const COMMENT_MAX_LENGTH = 5000;

export const CommentTarget = z.strictObject({
  targetType: z.enum(COMMENT_TARGET_TYPES, { error: `the target type must be one of ${COMMENT_TARGET_TYPES.join(", ")}` }),
  targetId: z.string().trim().min(1, "name what the comment is about").max(300),
});
export type CommentTarget = z.infer<typeof CommentTarget>;

export const CommentInput = CommentTarget.extend({
  body: z.string().trim().min(1, "write a comment").max(COMMENT_MAX_LENGTH, `a comment is at most ${COMMENT_MAX_LENGTH} characters`),
});
export type CommentInput = z.infer<typeof CommentInput>;

export const CommentResolution = z.strictObject({ resolved: z.boolean({ error: "resolved must be true or false" }) });

/**
 * Whoever may comment may resolve or reopen their own comments; someone else's need the review
 * permission (reviewers and owners), so a comment is not closed behind its author's back by a peer.
 */
export function mayResolve(comment: { authorId: string }, actorId: string, mayReview: boolean): boolean {
  return mayReview || comment.authorId === actorId;
}

export const unresolvedCount = (comments: readonly { resolvedAt: unknown }[]) => comments.filter((c) => !c.resolvedAt).length;
