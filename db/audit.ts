import { asc, eq, sql, type SQL } from "drizzle-orm";
import type { Db } from "./client";
import { auditLog } from "./schema";

/** One entry of the append-only audit log. */
export interface AuditEntry {
  projectId: string | null;
  actor: { id: string; name: string };
  action: string;
  entityType: string;
  entityId: string;
  summary?: string;
  before?: unknown;
  after?: unknown;
}

const json = (v: unknown) => (v === undefined ? null : JSON.stringify(v));

/** An insert for a batch; with `onlyIf`, the entry is written only when that condition holds (i.e. the change it records happened). */
export function auditInsert(db: Db, e: AuditEntry, onlyIf?: SQL) {
  const at = Date.now();
  if (!onlyIf)
    return db.insert(auditLog).values({
      projectId: e.projectId,
      at: new Date(at),
      actorId: e.actor.id,
      actorName: e.actor.name,
      action: e.action,
      entityType: e.entityType,
      entityId: e.entityId,
      summary: e.summary ?? "",
      before: json(e.before),
      after: json(e.after),
    });
  return db.run(sql`INSERT INTO audit_log (project_id, at, actor_id, actor_name, action, entity_type, entity_id, summary, before, after)
    SELECT ${e.projectId}, ${at}, ${e.actor.id}, ${e.actor.name}, ${e.action}, ${e.entityType}, ${e.entityId}, ${e.summary ?? ""}, ${json(e.before)}, ${json(e.after)}
    WHERE ${onlyIf}`);
}

export type AuditRow = typeof auditLog.$inferSelect;

export async function auditOf(db: Db, projectId: string, options: { limit?: number; afterId?: number } = {}): Promise<AuditRow[]> {
  const rows = await db
    .select()
    .from(auditLog)
    .where(options.afterId ? sql`${auditLog.projectId} = ${projectId} AND ${auditLog.id} > ${options.afterId}` : eq(auditLog.projectId, projectId))
    .orderBy(asc(auditLog.id))
    .limit(options.limit ?? 100000);
  return rows;
}
