import { and, asc, desc, eq, lt, sql } from "drizzle-orm";
import type { Db } from "./client";
import { auditLog } from "./schema";
import type { AuditRow } from "./audit";

/** Reading the audit log of a project: filtered, latest first in pages, or all of it for export. Nothing here writes. */

export interface AuditFilter {
  action?: string;
  entityType?: string;
}

const where = (projectId: string, f: AuditFilter, beforeId?: number) =>
  and(
    eq(auditLog.projectId, projectId),
    f.action ? eq(auditLog.action, f.action) : undefined,
    f.entityType ? eq(auditLog.entityType, f.entityType) : undefined,
    beforeId ? lt(auditLog.id, beforeId) : undefined,
  );

/** One page, latest first: the `limit` entries older than `beforeId` (or the latest), and whether older ones exist. */
export async function auditPage(db: Db, projectId: string, f: AuditFilter, options: { beforeId?: number; limit: number }): Promise<{ entries: AuditRow[]; more: boolean }> {
  const rows = await db.select().from(auditLog).where(where(projectId, f, options.beforeId)).orderBy(desc(auditLog.id)).limit(options.limit + 1);
  return { entries: rows.slice(0, options.limit), more: rows.length > options.limit };
}

/** Every matching entry, oldest first. */
export async function auditAll(db: Db, projectId: string, f: AuditFilter): Promise<AuditRow[]> {
  return db.select().from(auditLog).where(where(projectId, f)).orderBy(asc(auditLog.id));
}

/** The actions and entity types that occur in a project's log, for filters. */
export async function auditFacets(db: Db, projectId: string): Promise<{ actions: string[]; entityTypes: string[] }> {
  const rows = await db
    .select({ action: auditLog.action, entityType: auditLog.entityType, n: sql<number>`count(*)` })
    .from(auditLog)
    .where(eq(auditLog.projectId, projectId))
    .groupBy(auditLog.action, auditLog.entityType);
  return { actions: [...new Set(rows.map((r) => r.action))].sort(), entityTypes: [...new Set(rows.map((r) => r.entityType))].sort() };
}
