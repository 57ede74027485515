import { randomBytes } from "node:crypto";
import { and, desc, eq, isNotNull, isNull, sql } from "drizzle-orm";
import type { Model } from "../lib/model/schema";
import type { Db } from "./client";
import { auditInsert } from "./audit";
import { memberships, modelRevisions, projects } from "./schema";

type Actor = { id: string; name: string };
const SYSTEM_ACTOR: Actor = { id: "system", name: "medthreat" };

/** Persistence of projects and their model revisions. Callers hand in models that lib/model has validated. */

export interface ProjectSummary {
  id: string;
  name: string;
  currentRevision: number;
  createdAt: Date;
  updatedAt: Date;
  deletedAt: Date | null;
}

export interface StoredModel {
  project: ProjectSummary;
  revision: number;
  model: Model;
  savedBy: string;
  savedAt: Date;
}

export interface RevisionInfo {
  revision: number;
  summary: string;
  author: string;
  createdAt: Date;
}

export interface SaveInfo {
  author: string;
  summary: string;
  /** Who made the change, for the audit log. */
  actor?: { id: string; name: string };
}

export type SaveResult =
  | { ok: true; revision: number }
  | { ok: false; reason: "conflict"; currentRevision: number; savedBy: string; savedAt: Date }
  | { ok: false; reason: "not-found" };

export const newProjectId = () => randomBytes(9).toString("base64url");

export async function listProjects(db: Db, options: { deleted?: boolean } = {}): Promise<ProjectSummary[]> {
  return db
    .select()
    .from(projects)
    .where(options.deleted ? isNotNull(projects.deletedAt) : isNull(projects.deletedAt))
    .orderBy(desc(projects.updatedAt));
}

export async function getProjectSummary(db: Db, id: string): Promise<ProjectSummary | undefined> {
  const [row] = await db.select().from(projects).where(eq(projects.id, id));
  return row;
}

/** The model at a revision (default: the current one); undefined for an unknown project or revision. */
export async function getModel(db: Db, id: string, revision?: number): Promise<StoredModel | undefined> {
  const project = await getProjectSummary(db, id);
  if (!project) return undefined;
  const row = await getRevision(db, id, revision ?? project.currentRevision);
  return row && { project, ...row, model: JSON.parse(row.model) as Model };
}

/** One stored revision as written: the model's JSON text, who saved it and when. Revisions never change. */
export async function getRevision(db: Db, id: string, revision: number): Promise<{ revision: number; model: string; savedBy: string; savedAt: Date } | undefined> {
  const [row] = await db
    .select({ revision: modelRevisions.revision, model: modelRevisions.model, savedBy: modelRevisions.author, savedAt: modelRevisions.createdAt })
    .from(modelRevisions)
    .where(and(eq(modelRevisions.projectId, id), eq(modelRevisions.revision, revision)));
  return row;
}

/** Creates a project at revision 1; `ownerId` becomes its owner. */
export async function createProject(db: Db, model: Model, info: SaveInfo, ownerId?: string): Promise<ProjectSummary> {
  const now = new Date();
  const project: ProjectSummary = {
    id: newProjectId(),
    name: model.project.name,
    currentRevision: 1,
    createdAt: now,
    updatedAt: now,
    deletedAt: null,
  };
  const actor = info.actor ?? { id: "system", name: info.author };
  await db.batch([
    db.insert(projects).values(project),
    db.insert(modelRevisions).values({ projectId: project.id, revision: 1, model: JSON.stringify(model), summary: info.summary, author: info.author, createdAt: now }),
    ...(ownerId ? [db.insert(memberships).values({ projectId: project.id, userId: ownerId, role: "owner" })] : []),
    auditInsert(db, { projectId: project.id, actor, action: "project.create", entityType: "project", entityId: project.id, summary: info.summary, after: { name: project.name, revision: 1 } }),
  ]);
  return project;
}

/**
 * Saves a new revision if `baseRevision` is still the current one (optimistic concurrency).
 * A stale base is refused with who saved the newer revision and when; nothing is written.
 */
export async function saveModel(db: Db, id: string, baseRevision: number, model: Model, info: SaveInfo): Promise<SaveResult> {
  const now = new Date();
  const next = baseRevision + 1;
  // One batch is one atomic write: the revision is inserted only while baseRevision is current,
  // and the project moves to it under the same condition, so concurrent saves cannot interleave.
  const actor = info.actor ?? { id: "system", name: info.author };
  const [, claimed] = await db.batch([
    db.run(sql`INSERT INTO model_revisions (project_id, revision, model, summary, author, created_at)
      SELECT ${id}, ${next}, ${JSON.stringify(model)}, ${info.summary}, ${info.author}, ${now.getTime()}
      WHERE EXISTS (SELECT 1 FROM projects WHERE id = ${id} AND current_revision = ${baseRevision} AND deleted_at IS NULL)`),
    db
      .update(projects)
      .set({ currentRevision: next, name: model.project.name, updatedAt: now })
      .where(and(eq(projects.id, id), eq(projects.currentRevision, baseRevision), isNull(projects.deletedAt)))
      .returning({ id: projects.id }),
    auditInsert(
      db,
      { projectId: id, actor, action: "model.save", entityType: "model", entityId: id, summary: info.summary, before: { revision: baseRevision }, after: { revision: next } },
      sql`EXISTS (SELECT 1 FROM model_revisions WHERE project_id = ${id} AND revision = ${next} AND created_at = ${now.getTime()} AND author = ${info.author})`,
    ),
  ]);
  if (claimed.length === 1) return { ok: true, revision: next };
  const [current] = await db.select().from(projects).where(and(eq(projects.id, id), isNull(projects.deletedAt)));
  if (!current) return { ok: false, reason: "not-found" };
  const [last] = await db
    .select({ author: modelRevisions.author, createdAt: modelRevisions.createdAt })
    .from(modelRevisions)
    .where(and(eq(modelRevisions.projectId, id), eq(modelRevisions.revision, current.currentRevision)));
  return { ok: false, reason: "conflict", currentRevision: current.currentRevision, savedBy: last?.author ?? "unknown", savedAt: last?.createdAt ?? current.updatedAt };
}

export async function listRevisions(db: Db, id: string): Promise<RevisionInfo[]> {
  return db
    .select({ revision: modelRevisions.revision, summary: modelRevisions.summary, author: modelRevisions.author, createdAt: modelRevisions.createdAt })
    .from(modelRevisions)
    .where(eq(modelRevisions.projectId, id))
    .orderBy(desc(modelRevisions.revision));
}

/** Moves a project to the trash; its revisions stay and it can be restored. */
export async function deleteProject(db: Db, id: string, actor: Actor = SYSTEM_ACTOR): Promise<boolean> {
  const now = new Date();
  await db.batch([
    db.update(projects).set({ deletedAt: now }).where(and(eq(projects.id, id), isNull(projects.deletedAt))),
    auditInsert(db, { projectId: id, actor, action: "project.delete", entityType: "project", entityId: id, summary: "moved to the trash" }, sql`EXISTS (SELECT 1 FROM projects WHERE id = ${id} AND deleted_at = ${now.getTime()})`),
  ]);
  return (await getProjectSummary(db, id))?.deletedAt?.getTime() === now.getTime();
}

export async function restoreProject(db: Db, id: string, actor: Actor = SYSTEM_ACTOR): Promise<boolean> {
  const before = await getProjectSummary(db, id);
  if (!before?.deletedAt) return false;
  const now = new Date();
  await db.batch([
    db.update(projects).set({ deletedAt: null, updatedAt: now }).where(and(eq(projects.id, id), eq(projects.deletedAt, before.deletedAt))),
    auditInsert(db, { projectId: id, actor, action: "project.restore", entityType: "project", entityId: id, summary: "restored from the trash" }, sql`EXISTS (SELECT 1 FROM projects WHERE id = ${id} AND deleted_at IS NULL AND updated_at = ${now.getTime()})`),
  ]);
  return (await getProjectSummary(db, id))?.deletedAt === null;
}

export async function countProjects(db: Db): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)` }).from(projects);
  return Number(row.n);
}
