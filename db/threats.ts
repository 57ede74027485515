import { randomUUID } from "node:crypto";
import { and, asc, eq, getTableColumns, isNotNull, sql } from "drizzle-orm";
import { auditInsert } from "./audit";
import type { Actor } from "./users";
import type { Analysis, Threat } from "../lib/threats/engine";
import type { Decision } from "../lib/threats/decision";
import type { Db } from "./client";
import { projectAnalyses, threatEvents, threatRecords } from "./schema";

export type ThreatRecord = typeof threatRecords.$inferSelect;
/** A threat record without its snapshot (the threat as last found), which only obsolete threats need to be shown. */
export type ThreatState = Omit<ThreatRecord, "snapshot">;
export type ThreatEvent = typeof threatEvents.$inferSelect;

export interface AnalysisStamp {
  revision: number;
  rulesFingerprint: string;
  libraryVersion: string;
}

export async function analysisStamp(db: Db, projectId: string): Promise<AnalysisStamp | undefined> {
  const [row] = await db.select().from(projectAnalyses).where(eq(projectAnalyses.projectId, projectId));
  return row;
}

const { snapshot: _snapshot, ...STATE_COLUMNS } = getTableColumns(threatRecords);

/** Every threat record of a project, current and obsolete, without snapshots. */
export async function threatRecordsOf(db: Db, projectId: string): Promise<ThreatState[]> {
  return db.select(STATE_COLUMNS).from(threatRecords).where(eq(threatRecords.projectId, projectId)).orderBy(asc(threatRecords.threatId));
}

/** The obsolete threats of a project with their snapshots: what they were when last found. */
export async function obsoleteRecordsOf(db: Db, projectId: string): Promise<ThreatRecord[]> {
  return db
    .select()
    .from(threatRecords)
    .where(and(eq(threatRecords.projectId, projectId), isNotNull(threatRecords.obsoleteSinceRevision)))
    .orderBy(asc(threatRecords.threatId));
}

export async function threatHistory(db: Db, projectId: string, threatId: string): Promise<ThreatEvent[]> {
  return db
    .select()
    .from(threatEvents)
    .where(and(eq(threatEvents.projectId, projectId), eq(threatEvents.threatId, threatId)))
    .orderBy(asc(threatEvents.id));
}

const CHUNK = 500;

/**
 * Brings a project's threat records in line with an analysis: new threats are added as open,
 * threats that no longer fire become obsolete, threats that fire again come back with their
 * decision. Every change is written to the history. One atomic batch per call.
 */
export async function syncThreats(db: Db, projectId: string, analysis: Analysis, stamp: AnalysisStamp, by: string): Promise<{ added: number; obsoleted: number; returned: number }> {
  const existing = new Map((await db.select().from(threatRecords).where(eq(threatRecords.projectId, projectId))).map((r) => [r.threatId, r]));
  const now = new Date();
  const found = new Set<string>();
  const writes: Parameters<Db["batch"]>[0][number][] = [];
  const event = (threatId: string, kind: string, extra: { status?: string; justification?: string } = {}) =>
    db.insert(threatEvents).values({ projectId, threatId, kind, revision: stamp.revision, by, at: now, ...extra });
  let added = 0;
  let returned = 0;
  let obsoleted = 0;
  for (const threat of analysis.threats) {
    found.add(threat.id);
    const row = existing.get(threat.id);
    const current = { title: threat.title, affectsSafety: threat.affectsSafety, stride: threat.stride, snapshot: snapshotOf(threat), lastSeenRevision: stamp.revision };
    if (!row) {
      added++;
      writes.push(
        db.insert(threatRecords).values({ projectId, threatId: threat.id, ruleId: threat.ruleId, targetId: threat.targetId, firstSeenRevision: stamp.revision, ...current }).onConflictDoNothing(),
        event(threat.id, "found", { status: "open" }),
      );
    } else if (row.obsoleteSinceRevision !== null) {
      returned++;
      writes.push(
        db.update(threatRecords).set({ ...current, obsoleteSinceRevision: null }).where(and(eq(threatRecords.projectId, projectId), eq(threatRecords.threatId, threat.id))),
        event(threat.id, "found-again", { status: row.status }),
      );
    } else if (row.snapshot !== current.snapshot || row.lastSeenRevision !== stamp.revision) {
      writes.push(db.update(threatRecords).set(current).where(and(eq(threatRecords.projectId, projectId), eq(threatRecords.threatId, threat.id))));
    }
  }
  for (const row of existing.values())
    if (!found.has(row.threatId) && row.obsoleteSinceRevision === null) {
      obsoleted++;
      writes.push(
        db.update(threatRecords).set({ obsoleteSinceRevision: stamp.revision }).where(and(eq(threatRecords.projectId, projectId), eq(threatRecords.threatId, row.threatId))),
        event(row.threatId, "obsolete", { status: row.status }),
      );
    }
  if (added || returned || obsoleted)
    writes.push(
      auditInsert(db, {
        projectId,
        actor: { id: "system", name: by },
        action: "threats.analyse",
        entityType: "threats",
        entityId: projectId,
        summary: `revision ${stamp.revision}, library ${stamp.libraryVersion}: ${added} new, ${returned} found again, ${obsoleted} obsolete`,
      }),
    );
  writes.push(
    db
      .insert(projectAnalyses)
      .values({ projectId, ...stamp, analysedAt: now })
      .onConflictDoUpdate({ target: projectAnalyses.projectId, set: { ...stamp, analysedAt: now } }),
  );
  for (let i = 0; i < writes.length; i += CHUNK) await db.batch(writes.slice(i, i + CHUNK) as [never, ...never[]]);
  return { added, obsoleted, returned };
}

function snapshotOf(t: Threat): string {
  return JSON.stringify({
    description: t.description,
    explanation: t.explanation,
    targetKind: t.targetKind,
    targetName: t.targetName,
    elementIds: t.elementIds,
    safetyWhy: t.safetyWhy,
    capec: t.capec,
    cwe: t.cwe,
    capabilities: t.capabilities,
    annexI: t.annexI,
    source: t.source,
    family: t.family,
  });
}

export type DecisionResult =
  | { ok: true; record: ThreatRecord }
  | { ok: false; reason: "not-found" }
  | { ok: false; reason: "conflict"; current: ThreatRecord };

/** Records a decision if the record is still at `baseVersion` (optimistic concurrency); the history and the audit log keep every decision. */
export async function decideThreat(db: Db, projectId: string, threatId: string, baseVersion: number, decision: Decision, actor: Actor): Promise<DecisionResult> {
  const now = new Date();
  const token = randomUUID();
  const key = and(eq(threatRecords.projectId, projectId), eq(threatRecords.threatId, threatId));
  const [before] = await db.select().from(threatRecords).where(key);
  if (!before) return { ok: false, reason: "not-found" };
  const won = sql`EXISTS (SELECT 1 FROM threat_records WHERE project_id = ${projectId} AND threat_id = ${threatId} AND change_token = ${token})`;
  await db.batch([
    db
      .update(threatRecords)
      .set({ status: decision.status, justification: decision.justification, decidedBy: actor.name, decidedAt: now, version: baseVersion + 1, changeToken: token })
      .where(and(key, eq(threatRecords.version, baseVersion))),
    db.run(sql`INSERT INTO threat_events (project_id, threat_id, kind, status, justification, by, at)
      SELECT ${projectId}, ${threatId}, 'decision', ${decision.status}, ${decision.justification}, ${actor.name}, ${now.getTime()} WHERE ${won}`),
    auditInsert(
      db,
      { projectId, actor, action: "threat.decide", entityType: "threat", entityId: threatId, summary: decision.status, before: { status: before.status, justification: before.justification }, after: decision },
      won,
    ),
  ]);
  const [current] = await db.select().from(threatRecords).where(key);
  if (current?.changeToken === token) return { ok: true, record: current };
  return current ? { ok: false, reason: "conflict", current } : { ok: false, reason: "not-found" };
}
