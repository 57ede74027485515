import { randomBytes } from "node:crypto";
import { and, asc, desc, eq, inArray } from "drizzle-orm";
import { auditInsert } from "./audit";
import type { Db } from "./client";
import { auditLog, baselines, signOffs } from "./schema";
import type { Actor } from "./users";

/** Baselines and their sign-offs. Neither is ever updated (database triggers refuse it); sign-offs are added. */

export type BaselineRow = typeof baselines.$inferSelect;
export type BaselineInfo = Omit<BaselineRow, "content">;
export type SignOffRow = typeof signOffs.$inferSelect;

const INFO = {
  id: baselines.id,
  projectId: baselines.projectId,
  name: baselines.name,
  revision: baselines.revision,
  contentHash: baselines.contentHash,
  createdBy: baselines.createdBy,
  createdAt: baselines.createdAt,
};

/** A project's baselines without their content, newest first. */
export async function baselinesOf(db: Db, projectId: string): Promise<BaselineInfo[]> {
  return db.select(INFO).from(baselines).where(eq(baselines.projectId, projectId)).orderBy(desc(baselines.createdAt), desc(baselines.id));
}

export async function baselineById(db: Db, projectId: string, id: string): Promise<BaselineRow | undefined> {
  const [row] = await db.select().from(baselines).where(and(eq(baselines.projectId, projectId), eq(baselines.id, id)));
  return row;
}

export async function createBaseline(db: Db, b: { projectId: string; name: string; revision: number; content: string; contentHash: string }, actor: Actor): Promise<BaselineRow> {
  const row: BaselineRow = { id: randomBytes(9).toString("base64url"), ...b, createdBy: actor.name, createdAt: new Date() };
  await db.batch([
    db.insert(baselines).values(row),
    auditInsert(db, {
      projectId: b.projectId,
      actor,
      action: "baseline.create",
      entityType: "baseline",
      entityId: row.id,
      summary: `baseline "${b.name}" of revision ${b.revision}`,
      after: { name: b.name, revision: b.revision, contentHash: b.contentHash },
    }),
  ]);
  return row;
}

export async function signOffsOf(db: Db, baselineIds: readonly string[]): Promise<SignOffRow[]> {
  if (!baselineIds.length) return [];
  return db.select().from(signOffs).where(inArray(signOffs.baselineId, [...baselineIds])).orderBy(asc(signOffs.at), asc(signOffs.id));
}

export async function addSignOff(db: Db, baseline: BaselineInfo, statement: string, actor: Actor): Promise<SignOffRow> {
  const at = new Date();
  const [[row]] = await db.batch([
    db.insert(signOffs).values({ baselineId: baseline.id, userId: actor.id, userName: actor.name, contentHash: baseline.contentHash, statement, at }).returning(),
    auditInsert(db, {
      projectId: baseline.projectId,
      actor,
      action: "baseline.sign-off",
      entityType: "baseline",
      entityId: baseline.id,
      summary: `signed off baseline "${baseline.name}"`,
      after: { contentHash: baseline.contentHash, statement },
    }),
  ]);
  return row;
}

/** The content hash the audit log recorded when the baseline was created, if it recorded one. */
export async function recordedContentHash(db: Db, projectId: string, baselineId: string): Promise<string | undefined> {
  const [row] = await db
    .select({ after: auditLog.after })
    .from(auditLog)
    .where(and(eq(auditLog.projectId, projectId), eq(auditLog.action, "baseline.create"), eq(auditLog.entityId, baselineId)))
    .orderBy(asc(auditLog.id))
    .limit(1);
  if (!row?.after) return undefined;
  const after = JSON.parse(row.after) as { contentHash?: string };
  return after.contentHash;
}
