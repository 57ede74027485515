import { z } from "zod";
import { getDb } from "@/db/client";
import * as store from "@/db/comments";
import { controlsOf, hazardsOf } from "@/db/assessment";
import type { Actor } from "@/db/users";
import { annexIById } from "@/lib/catalog";
import type { ModelIssue } from "@/lib/model/issues";
import { CommentInput, CommentResolution, CommentTarget, mayResolve, type CommentTargetType } from "@/lib/review/comments";
import { authorize } from "./access";
import type { Saved } from "./assessment";
import { readProject } from "./projects";
import { syncProjectThreats } from "./threats";
import { mayDo } from "./access";

/**
 * Review comments. Reading needs "read", adding needs "comment". Resolving or reopening your own
 * comment needs "comment"; someone else's needs "review" as well (reviewers, owners, administrators).
 */

/** A comment as pages and the API show it; `canResolve` says whether the viewer may resolve or reopen it. */
export interface CommentView {
  id: string;
  targetType: string;
  targetId: string;
  authorId: string;
  authorName: string;
  body: string;
  createdAt: string;
  resolvedAt: string | null;
  resolvedBy: string | null;
  version: number;
  canResolve: boolean;
}

export function toCommentView(c: store.CommentRow, viewer: { id: string; mayReview: boolean; mayComment: boolean }): CommentView {
  return {
    id: c.id,
    targetType: c.targetType,
    targetId: c.targetId,
    authorId: c.authorId,
    authorName: c.authorName,
    body: c.body,
    createdAt: c.createdAt.toISOString(),
    resolvedAt: c.resolvedAt?.toISOString() ?? null,
    resolvedBy: c.resolvedBy,
    version: c.version,
    canResolve: viewer.mayComment && mayResolve(c, viewer.id, viewer.mayReview),
  };
}

const invalid = (message: string, errors: ModelIssue[]) => ({ ok: false, kind: "invalid", message, errors }) as const;
const zodErrors = (error: z.ZodError): ModelIssue[] => error.issues.map((i) => ({ severity: "error", path: i.path.join(".") || "(comment)", message: i.message }));

async function viewerOf(actor: Actor, projectId: string) {
  const [mayComment, mayReview] = await Promise.all([mayDo(actor, projectId, "comment"), mayDo(actor, projectId, "review")]);
  return { id: actor.id, mayComment, mayReview };
}

/** The comments of a project, optionally of one target type and id, oldest first. */
export async function listComments(actor: Actor, projectId: string, target: { targetType?: string; targetId?: string } = {}): Promise<CommentView[]> {
  await authorize(actor, projectId, "read");
  const [rows, viewer] = await Promise.all([store.commentsOn(await getDb(), projectId, target), viewerOf(actor, projectId)]);
  return rows.map((c) => toCommentView(c, viewer));
}

/** The comment threads of one target type keyed by target id, and whether the viewer may comment: what a page embeds. */
export async function commentThreads(actor: Actor, projectId: string, targetType: CommentTargetType): Promise<{ threads: Record<string, CommentView[]>; canComment: boolean }> {
  const comments = await listComments(actor, projectId, { targetType });
  const threads: Record<string, CommentView[]> = {};
  for (const c of comments) (threads[c.targetId] ??= []).push(c);
  return { threads, canComment: await mayDo(actor, projectId, "comment") };
}

/** Whether the thing a comment is about exists in the project (obsolete threats count: their records are kept). */
async function targetExists(projectId: string, target: CommentTarget): Promise<boolean> {
  const db = await getDb();
  const stored = await readProject(projectId);
  if (!stored) return false;
  const { model } = stored;
  switch (target.targetType) {
    case "project":
      return target.targetId === projectId;
    case "threat":
      return !!(await syncProjectThreats(projectId))?.records.has(target.targetId);
    case "control":
      return (await controlsOf(db, projectId)).some((c) => c.control.id === target.targetId);
    case "hazard":
      return (await hazardsOf(db, projectId)).some((h) => h.id === target.targetId);
    case "requirement":
      return !!annexIById(target.targetId);
    case "element":
      return model.elements.some((e) => e.id === target.targetId);
    case "flow":
      return model.flows.some((f) => f.id === target.targetId);
    case "assumption":
      return model.project.assumptions.some((a) => a.id === target.targetId);
  }
}

export async function addComment(actor: Actor, projectId: string, input: unknown): Promise<Saved<CommentView>> {
  await authorize(actor, projectId, "comment");
  const parsed = CommentInput.safeParse(input);
  if (!parsed.success) return invalid("the comment is not valid", zodErrors(parsed.error));
  if (!(await targetExists(projectId, parsed.data)))
    return invalid("there is nothing to comment on", [{ severity: "error", path: "targetId", message: `the project has no ${parsed.data.targetType} "${parsed.data.targetId}"` }]);
  const row = await store.addComment(await getDb(), projectId, parsed.data, actor);
  return { ok: true, value: toCommentView(row, await viewerOf(actor, projectId)), version: row.version };
}

/** Resolves (`{ resolved: true }`) or reopens a comment at `baseVersion`. */
export async function setCommentResolved(actor: Actor, projectId: string, commentId: string, input: unknown, baseVersion: number): Promise<Saved<CommentView>> {
  await authorize(actor, projectId, "comment");
  const parsed = CommentResolution.safeParse(input);
  if (!parsed.success) return invalid("send { resolved: true } or { resolved: false }", zodErrors(parsed.error));
  const db = await getDb();
  const current = await store.commentById(db, projectId, commentId);
  if (!current) return { ok: false, kind: "not-found", message: `there is no comment "${commentId}" in this project` };
  if (current.authorId !== actor.id) await authorize(actor, projectId, "review");
  if (!!current.resolvedAt === parsed.data.resolved) return { ok: true, value: toCommentView(current, await viewerOf(actor, projectId)), version: current.version };
  const result = await store.setResolved(db, projectId, commentId, parsed.data.resolved, baseVersion, actor);
  if (result.ok) return { ok: true, value: toCommentView(result.value, await viewerOf(actor, projectId)), version: result.version };
  if (result.reason === "not-found") return { ok: false, kind: "not-found", message: `there is no comment "${commentId}" in this project` };
  return {
    ok: false,
    kind: "conflict",
    message: `the comment changed since you loaded it (it is at version ${result.version}); nothing was saved. Reload to see the change.`,
    version: result.version,
  };
}
