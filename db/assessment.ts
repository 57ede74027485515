import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { Assessment, DEFAULT_RISK_SETTINGS, RiskSettings, type ControlLink, type Hazard, type ProjectControl, type RequirementStatus, type ThreatAssessment } from "../lib/risk/assessment";
import type { Db } from "./client";
import { hazards, projectControls, projectSettings, requirementStatuses, threatControls, threatEvents, threatRecords } from "./schema";
import { auditInsert } from "./audit";
import { versionedWrite, type Versioned } from "./versioned";
import type { Actor } from "./users";
import type { ThreatRecord, ThreatState } from "./threats";

/** The assessment of a project in the database: threat risk fields, control links, hazards, controls, settings. */

export type { Versioned } from "./versioned";

const json = <T>(text: string): T => JSON.parse(text) as T;

function controlFromRow(r: typeof projectControls.$inferSelect): ProjectControl {
  return {
    id: r.id,
    ...(r.libraryId ? { libraryId: r.libraryId } : {}),
    title: r.title,
    description: r.description,
    type: r.type as ProjectControl["type"],
    fdaCategory: r.fdaCategory,
    capabilities: json(r.capabilities),
    annexI: json(r.annexI),
    transfersToOperator: r.transfersToOperator,
    ifuText: r.ifuText,
    status: r.status as ProjectControl["status"],
    evidence: json(r.evidence),
  };
}

function controlToRow(projectId: string, c: ProjectControl) {
  return {
    projectId,
    id: c.id,
    libraryId: c.libraryId ?? null,
    title: c.title,
    description: c.description,
    type: c.type,
    fdaCategory: c.fdaCategory,
    capabilities: JSON.stringify(c.capabilities),
    annexI: JSON.stringify(c.annexI),
    transfersToOperator: c.transfersToOperator,
    ifuText: c.ifuText,
    status: c.status,
    evidence: JSON.stringify(c.evidence),
  };
}

export function threatAssessmentOf(r: ThreatState, links: ControlLink[]): ThreatAssessment {
  return {
    id: r.threatId,
    status: r.status as ThreatAssessment["status"],
    justification: r.justification,
    decidedBy: r.decidedBy ?? "",
    decidedAt: r.decidedAt ? r.decidedAt.toISOString() : "",
    ...(r.hazardId ? { hazard: r.hazardId } : {}),
    ...(r.multiPatient !== null ? { multiPatient: r.multiPatient } : {}),
    before: { cvss31: r.cvss31Before, cvss40: r.cvss40Before, rubric: r.rubricBefore },
    after: { cvss31: r.cvss31After, cvss40: r.cvss40After },
    controls: links,
  };
}

/** Whether a threat record carries anything a person decided or entered. */
export function isAssessed(t: ThreatAssessment): boolean {
  return (
    t.status !== "open" ||
    !!t.justification ||
    !!t.hazard ||
    t.multiPatient !== undefined ||
    !!(t.before.cvss31 || t.before.cvss40 || t.before.rubric || t.after.cvss31 || t.after.cvss40) ||
    t.controls.length > 0
  );
}

export async function riskSettingsOf(db: Db, projectId: string): Promise<{ settings: RiskSettings; version: number }> {
  const [row] = await db.select().from(projectSettings).where(eq(projectSettings.projectId, projectId));
  return row ? { settings: RiskSettings.parse(json(row.riskSettings)), version: row.version } : { settings: DEFAULT_RISK_SETTINGS, version: 0 };
}

export async function linksOf(db: Db, projectId: string): Promise<Map<string, ControlLink[]>> {
  const rows = await db.select().from(threatControls).where(eq(threatControls.projectId, projectId));
  const byThreat = new Map<string, ControlLink[]>();
  for (const r of rows)
    (byThreat.get(r.threatId) ?? byThreat.set(r.threatId, []).get(r.threatId)!).push({ control: r.controlId, status: r.status as ControlLink["status"], rationale: r.rationale });
  return byThreat;
}

export async function hazardsOf(db: Db, projectId: string) {
  return db.select().from(hazards).where(eq(hazards.projectId, projectId));
}

export async function controlsOf(db: Db, projectId: string) {
  return (await db.select().from(projectControls).where(eq(projectControls.projectId, projectId))).map((r) => ({ control: controlFromRow(r), version: r.version }));
}

/** The whole assessment, as it goes into a project file. Only threats someone worked on are included. */
export async function loadAssessment(db: Db, projectId: string): Promise<Assessment> {
  const [records, links, hazardRows, controls, settings, requirements] = await Promise.all([
    db.select().from(threatRecords).where(eq(threatRecords.projectId, projectId)),
    linksOf(db, projectId),
    hazardsOf(db, projectId),
    controlsOf(db, projectId),
    riskSettingsOf(db, projectId),
    db.select().from(requirementStatuses).where(eq(requirementStatuses.projectId, projectId)),
  ]);
  return Assessment.parse({
    settings: settings.settings,
    requirements: requirements.map(({ id, applicable, justification }) => ({ id, applicable, justification })),
    hazards: hazardRows.map(({ id, title, harm, severity }) => ({ id, title, harm, severity })),
    controls: controls.map((c) => c.control),
    threats: records.map((r) => threatAssessmentOf(r, links.get(r.threatId) ?? [])).filter(isAssessed),
  });
}

/**
 * Writes an imported assessment into a new project whose threat records exist already (after the
 * first analysis). Assessed threats the model no longer raises are kept as obsolete records.
 */
export async function importAssessment(db: Db, projectId: string, a: Assessment, revision: number, actor: Actor): Promise<void> {
  const now = new Date();
  const by = actor.name;
  const writes: Parameters<Db["batch"]>[0][number][] = [
    db.insert(projectSettings).values({ projectId, riskSettings: JSON.stringify(a.settings) }).onConflictDoUpdate({ target: projectSettings.projectId, set: { riskSettings: JSON.stringify(a.settings) } }),
    ...a.requirements.map((r) => db.insert(requirementStatuses).values({ projectId, ...r })),
    auditInsert(db, { projectId, actor, action: "assessment.import", entityType: "assessment", entityId: projectId, summary: `${a.threats.length} threat assessments, ${a.hazards.length} hazards, ${a.controls.length} controls imported` }),
    ...a.hazards.map((h) => db.insert(hazards).values({ projectId, ...h })),
    ...a.controls.map((c) => db.insert(projectControls).values(controlToRow(projectId, c))),
  ];
  for (const t of a.threats) {
    const fields = {
      status: t.status,
      justification: t.justification,
      decidedBy: t.decidedBy || null,
      decidedAt: t.decidedAt ? new Date(t.decidedAt) : null,
      hazardId: t.hazard ?? null,
      multiPatient: t.multiPatient ?? null,
      cvss31Before: t.before.cvss31,
      cvss40Before: t.before.cvss40,
      rubricBefore: t.before.rubric,
      cvss31After: t.after.cvss31,
      cvss40After: t.after.cvss40,
    };
    const [ruleId, targetId = ""] = t.id.split("@");
    writes.push(
      db
        .insert(threatRecords)
        .values({ projectId, threatId: t.id, ruleId, targetId, stride: "", title: t.id, affectsSafety: false, snapshot: "{}", firstSeenRevision: revision, lastSeenRevision: revision, obsoleteSinceRevision: revision, ...fields })
        .onConflictDoUpdate({ target: [threatRecords.projectId, threatRecords.threatId], set: fields }),
      db.insert(threatEvents).values({ projectId, threatId: t.id, kind: "imported", status: t.status, justification: t.justification, revision, by, at: now }),
      ...t.controls.map((l) => db.insert(threatControls).values({ projectId, threatId: t.id, controlId: l.control, status: l.status, rationale: l.rationale })),
    );
  }
  for (let i = 0; i < writes.length; i += 500) await db.batch(writes.slice(i, i + 500) as [never, ...never[]]);
}

export interface ThreatRiskFields {
  hazard?: string | null;
  multiPatient?: boolean | null;
  before?: { cvss31?: string; cvss40?: string; rubric?: string };
  after?: { cvss31?: string; cvss40?: string };
  controls?: ControlLink[];
}

/**
 * Updates a threat's risk fields and control links at `baseVersion`, with its history entry, in one
 * atomic batch: the statements after the versioned update apply only if that update won.
 */
export async function saveThreatRisk(db: Db, projectId: string, threatId: string, baseVersion: number, f: ThreatRiskFields, actor: Actor): Promise<Versioned<ThreatRecord>> {
  const by = actor.name;
  const token = randomUUID();
  const set: Partial<typeof threatRecords.$inferInsert> = { version: baseVersion + 1, changeToken: token };
  if (f.hazard !== undefined) set.hazardId = f.hazard;
  if (f.multiPatient !== undefined) set.multiPatient = f.multiPatient;
  if (f.before?.cvss31 !== undefined) set.cvss31Before = f.before.cvss31;
  if (f.before?.cvss40 !== undefined) set.cvss40Before = f.before.cvss40;
  if (f.before?.rubric !== undefined) set.rubricBefore = f.before.rubric;
  if (f.after?.cvss31 !== undefined) set.cvss31After = f.after.cvss31;
  if (f.after?.cvss40 !== undefined) set.cvss40After = f.after.cvss40;
  const key = and(eq(threatRecords.projectId, projectId), eq(threatRecords.threatId, threatId));
  const won = sql`EXISTS (SELECT 1 FROM threat_records WHERE project_id = ${projectId} AND threat_id = ${threatId} AND change_token = ${token})`;
  const [current] = await db.select().from(threatRecords).where(key);
  const before = current ? threatAssessmentOf(current, (await linksOf(db, projectId)).get(threatId) ?? []) : undefined;
  const writes: Parameters<Db["batch"]>[0][number][] = [
    db.update(threatRecords).set(set).where(and(key, eq(threatRecords.version, baseVersion))),
    db.run(sql`INSERT INTO threat_events (project_id, threat_id, kind, justification, by, at)
      SELECT ${projectId}, ${threatId}, 'risk', ${describeRiskChange(f)}, ${by}, ${Date.now()} WHERE ${won}`),
    auditInsert(db, { projectId, actor, action: "threat.risk", entityType: "threat", entityId: threatId, summary: describeRiskChange(f), before, after: f }, won),
  ];
  if (f.controls) {
    writes.push(db.run(sql`DELETE FROM threat_controls WHERE project_id = ${projectId} AND threat_id = ${threatId} AND ${won}`));
    for (const l of f.controls)
      writes.push(
        db.run(sql`INSERT INTO threat_controls (project_id, threat_id, control_id, status, rationale)
          SELECT ${projectId}, ${threatId}, ${l.control}, ${l.status}, ${l.rationale} WHERE ${won}`),
      );
  }
  await db.batch(writes as [never, ...never[]]);
  const [after] = await db.select().from(threatRecords).where(key);
  if (!after) return { ok: false, reason: "not-found" };
  return after.changeToken === token ? { ok: true, value: after, version: after.version } : { ok: false, reason: "conflict", version: after.version };
}

function describeRiskChange(f: ThreatRiskFields): string {
  const parts: string[] = [];
  if (f.hazard !== undefined) parts.push(`hazard ${f.hazard ?? "none"}`);
  if (f.multiPatient !== undefined) parts.push(`multi-patient ${f.multiPatient ?? "derived"}`);
  for (const [phase, v] of [["before", f.before], ["after", f.after]] as const)
    for (const [k, x] of Object.entries(v ?? {})) parts.push(`${phase} ${k} ${x || "cleared"}`);
  if (f.controls) parts.push(`controls ${f.controls.map((c) => `${c.control} (${c.status})`).join(", ") || "none"}`);
  return parts.join("; ");
}

export async function saveHazard(db: Db, projectId: string, hazard: Hazard, baseVersion: number, actor: Actor, previousId?: string): Promise<Versioned<Hazard>> {
  const id = previousId ?? hazard.id;
  const [before] = baseVersion ? await db.select().from(hazards).where(and(eq(hazards.projectId, projectId), eq(hazards.id, id))) : [];
  const result = await versionedWrite(
    db,
    hazards,
    and(eq(hazards.projectId, projectId), eq(hazards.id, id))!,
    baseVersion,
    { projectId, ...hazard },
    { projectId, actor, action: baseVersion ? "hazard.update" : "hazard.create", entityType: "hazard", entityId: hazard.id, before: before ? { id: before.id, title: before.title, harm: before.harm, severity: before.severity } : undefined, after: hazard },
    hazard,
  );
  if (result.ok && id !== hazard.id) await db.update(threatRecords).set({ hazardId: hazard.id }).where(and(eq(threatRecords.projectId, projectId), eq(threatRecords.hazardId, id)));
  return result;
}

export async function saveControl(db: Db, projectId: string, control: ProjectControl, baseVersion: number, actor: Actor): Promise<Versioned<ProjectControl>> {
  const key = and(eq(projectControls.projectId, projectId), eq(projectControls.id, control.id))!;
  const [before] = baseVersion ? await db.select().from(projectControls).where(key) : [];
  return versionedWrite(
    db,
    projectControls,
    key,
    baseVersion,
    controlToRow(projectId, control),
    { projectId, actor, action: baseVersion ? "control.update" : "control.create", entityType: "control", entityId: control.id, before: before ? controlFromRow(before) : undefined, after: control },
    control,
  );
}

export async function saveRiskSettings(db: Db, projectId: string, settings: RiskSettings, baseVersion: number, actor: Actor): Promise<Versioned<RiskSettings>> {
  const before = baseVersion ? (await riskSettingsOf(db, projectId)).settings : DEFAULT_RISK_SETTINGS;
  return versionedWrite(
    db,
    projectSettings,
    eq(projectSettings.projectId, projectId),
    baseVersion,
    { projectId, riskSettings: JSON.stringify(settings) },
    { projectId, actor, action: "settings.update", entityType: "risk-settings", entityId: projectId, before, after: settings },
    settings,
  );
}

export async function requirementsOf(db: Db, projectId: string) {
  return db.select().from(requirementStatuses).where(eq(requirementStatuses.projectId, projectId));
}

export async function saveRequirement(db: Db, projectId: string, r: RequirementStatus, baseVersion: number, actor: Actor): Promise<Versioned<RequirementStatus>> {
  const key = and(eq(requirementStatuses.projectId, projectId), eq(requirementStatuses.id, r.id))!;
  const [before] = baseVersion ? await db.select().from(requirementStatuses).where(key) : [];
  return versionedWrite(
    db,
    requirementStatuses,
    key,
    baseVersion,
    { projectId, ...r },
    { projectId, actor, action: "requirement.update", entityType: "requirement", entityId: r.id, before: before ? { applicable: before.applicable, justification: before.justification } : undefined, after: r },
    r,
  );
}
