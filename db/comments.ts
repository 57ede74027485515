import { randomUUID } from "node:crypto";
import { and, asc, eq } from "drizzle-orm";
import type { CommentInput } from "../lib/review/comments";
import { auditInsert } from "./audit";
import type { Db } from "./client";
import { comments } from "./schema";
import type { Actor } from "./users";
import { versionedWrite, type Versioned } from "./versioned";

export type CommentRow = typeof comments.$inferSelect;

/** Every comment of a project, oldest first (the coverage review counts the unresolved ones). */
export async function commentsOf(db: Db, projectId: string): Promise<CommentRow[]> {
  return db.select().from(comments).where(eq(comments.projectId, projectId)).orderBy(asc(comments.createdAt), asc(comments.id));
}

export async function commentsOn(db: Db, projectId: string, target: { targetType?: string; targetId?: string }): Promise<CommentRow[]> {
  const conditions = [eq(comments.projectId, projectId)];
  if (target.targetType) conditions.push(eq(comments.targetType, target.targetType));
  if (target.targetId) conditions.push(eq(comments.targetId, target.targetId));
  return db.select().from(comments).where(and(...conditions)).orderBy(asc(comments.createdAt), asc(comments.id));
}

export async function commentById(db: Db, projectId: string, id: string): Promise<CommentRow | undefined> {
  const [row] = await db.select().from(comments).where(and(eq(comments.projectId, projectId), eq(comments.id, id)));
  return row;
}

const brief = (c: Pick<CommentRow, "body" | "resolvedAt" | "resolvedBy">) => ({ body: c.body, resolvedAt: c.resolvedAt?.toISOString() ?? null, resolvedBy: c.resolvedBy });

/** Adds a comment with its audit entry in one batch. */
export async function addComment(db: Db, projectId: string, input: CommentInput, actor: Actor): Promise<CommentRow> {
  const row: CommentRow = {
    id: randomUUID(),
    projectId,
    targetType: input.targetType,
    targetId: input.targetId,
    authorId: actor.id,
    authorName: actor.name,
    body: input.body,
    createdAt: new Date(),
    resolvedAt: null,
    resolvedBy: null,
    version: 1,
    changeToken: null,
  };
  await db.batch([
    db.insert(comments).values(row),
    auditInsert(db, {
      projectId,
      actor,
      action: "comment.add",
      entityType: "comment",
      entityId: row.id,
      summary: `commented on ${input.targetType} ${input.targetId}`,
      after: { targetType: row.targetType, targetId: row.targetId, ...brief(row) },
    }),
  ]);
  return row;
}

/** Resolves or reopens a comment if it is still at `baseVersion`; the audit entry is written only if the change won. */
export async function setResolved(db: Db, projectId: string, id: string, resolved: boolean, baseVersion: number, actor: Actor): Promise<Versioned<CommentRow>> {
  const current = await commentById(db, projectId, id);
  if (!current) return { ok: false, reason: "not-found" };
  const values = resolved ? { resolvedAt: new Date(), resolvedBy: actor.name } : { resolvedAt: null, resolvedBy: null };
  const result = await versionedWrite(
    db,
    comments,
    and(eq(comments.projectId, projectId), eq(comments.id, id))!,
    baseVersion,
    values,
    {
      projectId,
      actor,
      action: resolved ? "comment.resolve" : "comment.reopen",
      entityType: "comment",
      entityId: id,
      summary: `${resolved ? "resolved" : "reopened"} a comment on ${current.targetType} ${current.targetId}`,
      before: brief(current),
      after: brief({ ...current, ...values }),
    },
    undefined,
  );
  if (!result.ok) return result;
  const row = (await commentById(db, projectId, id))!;
  return { ok: true, value: row, version: row.version };
}
