import { getDb } from "@/db/client";
import type { AuditRow } from "@/db/audit";
import { auditAll, auditFacets, auditPage, type AuditFilter } from "@/db/audit-query";
import type { Actor } from "@/db/users";
import { storedJson, type AuditEntryView } from "@/lib/review/audit";
import { authorize } from "./access";

/** The project's audit log, for anyone who may read the project. It is only ever read here: nothing edits or deletes it. */

export const AUDIT_PAGE_SIZE = 50;

export function toAuditView(r: AuditRow): AuditEntryView {
  return {
    id: r.id,
    at: r.at.toISOString(),
    actorId: r.actorId,
    actorName: r.actorName,
    action: r.action,
    entityType: r.entityType,
    entityId: r.entityId,
    summary: r.summary,
    before: storedJson(r.before),
    after: storedJson(r.after),
  };
}

const clean = (f: AuditFilter): AuditFilter => ({ action: f.action?.trim() || undefined, entityType: f.entityType?.trim() || undefined });

/** One page of the log, latest first; `before` is the id of the last entry of the previous page. */
export async function auditLogPage(actor: Actor, projectId: string, filter: AuditFilter, before?: number, limit = AUDIT_PAGE_SIZE) {
  await authorize(actor, projectId, "read");
  const db = await getDb();
  const [page, facets] = await Promise.all([auditPage(db, projectId, clean(filter), { beforeId: before, limit }), auditFacets(db, projectId)]);
  return { entries: page.entries.map(toAuditView), more: page.more, facets };
}

/** Every matching entry, oldest first, for export. */
export async function auditLogExport(actor: Actor, projectId: string, filter: AuditFilter): Promise<AuditEntryView[]> {
  await authorize(actor, projectId, "read");
  return (await auditAll(await getDb(), projectId, clean(filter))).map(toAuditView);
}
