import { cache } from "react";
import { getDb } from "@/db/client";
import * as store from "@/db/projects";
import { importAssessment, loadAssessment } from "@/db/assessment";
import { projectIdsOf, type Actor } from "@/db/users";
import { modelCounts, type ModelCounts } from "@/lib/model/counts";
import { formatPath, ModelError, type ModelIssue } from "@/lib/model/issues";
import { applyOperation, ModelOperation } from "@/lib/model/operations";
import { FORMAT_VERSION, Project, type Model } from "@/lib/model/schema";
import { validateModel } from "@/lib/model/validate";
import type { ProjectFile } from "@/lib/project/file";
import { authorize } from "./access";
import { deepFreeze, sharedLru } from "./lru";
import { readModelText, readProjectText } from "./off-thread";

/**
 * What the pages, server actions and API routes do with projects: check the actor's role, validate
 * with lib/model, persist with db/. Every outcome is a value the caller turns into a page, JSON or
 * problem+json; a refused permission throws AuthError (401/403).
 */

export type Outcome<T> =
  | { ok: true; value: T }
  | { ok: false; kind: "invalid"; message: string; errors: ModelIssue[] }
  | { ok: false; kind: "not-found"; message: string }
  | { ok: false; kind: "conflict"; message: string; currentRevision: number; savedBy: string; savedAt: string };

const invalid = (message: string, errors: ModelIssue[]) => ({ ok: false, kind: "invalid", message, errors }) as const;
const notFound = (id: string) => ({ ok: false, kind: "not-found", message: `there is no project "${id}"` }) as const;
const info = (actor: Actor, summary: string) => ({ author: actor.name, summary, actor: { id: actor.id, name: actor.name } });
const ownerOf = (actor: Actor) => (actor.id === "system" ? undefined : actor.id);

export async function createProjectFromDetails(actor: Actor, input: unknown): Promise<Outcome<store.ProjectSummary>> {
  const parsed = Project.safeParse(input);
  if (!parsed.success)
    return invalid(
      "the project details are not valid",
      parsed.error.issues.map((i) => ({ severity: "error", path: formatPath(["project", ...(i.path as (string | number)[])]), message: i.message })),
    );
  const result = validateModel({ medthreat: FORMAT_VERSION, project: parsed.data });
  if (!result.ok) return invalid("the project details are not valid", result.errors);
  const db = await getDb();
  return { ok: true, value: await store.createProject(db, result.model, info(actor, "Project created"), ownerOf(actor)) };
}

/** Creates a project from a project file (a model, with or without its assessment); a refused file changes nothing. */
export async function importProject(actor: Actor, text: string, filename?: string): Promise<Outcome<store.ProjectSummary & { counts: ModelCounts }>> {
  const result = await readProjectText(text);
  if (!result.ok) return invalid(`the file was not imported: ${result.errors.length} problem${result.errors.length === 1 ? "" : "s"}`, result.errors);
  const db = await getDb();
  const project = await store.createProject(db, result.model, info(actor, `Imported from ${filename ?? "a project file"}`), ownerOf(actor));
  if (result.assessment) {
    const { syncProjectThreats } = await import("./threats");
    await syncProjectThreats(project.id);
    await importAssessment(db, project.id, result.assessment, project.currentRevision, actor);
  }
  return { ok: true, value: { ...project, counts: modelCounts(result.model) } };
}

/** The whole project as a file: the current architecture and its assessment. */
export async function exportProject(actor: Actor, id: string): Promise<ProjectFile | undefined> {
  const stored = await loadProject(actor, id);
  if (!stored) return undefined;
  return { model: stored.model, assessment: await loadAssessment(await getDb(), id) };
}

/** Parsed revisions, shared by every request: a revision never changes, and the model object is frozen. */
const revisions = sharedLru<Omit<store.StoredModel, "project">>("revisions", 256, 256 * 1024 * 1024);

/** A project's model at a revision, for code that has already checked access (or needs none, like the analysis); read once per page render. */
export const readProject = cache(async (id: string, revision?: number): Promise<store.StoredModel | undefined> => {
  const db = await getDb();
  const project = await store.getProjectSummary(db, id);
  if (!project) return undefined;
  const wanted = revision ?? project.currentRevision;
  const key = `${id}@${wanted}`;
  let stored = revisions.get(key);
  if (!stored) {
    const row = await store.getRevision(db, id, wanted);
    if (!row) return undefined;
    stored = { revision: row.revision, model: deepFreeze(JSON.parse(row.model) as Model), savedBy: row.savedBy, savedAt: row.savedAt };
    revisions.set(key, stored, row.model.length);
  }
  return { project, ...stored };
});

export async function loadProject(actor: Actor, id: string, revision?: number) {
  const stored = await readProject(id, revision);
  if (stored) await authorize(actor, id, "read");
  return stored;
}

/**
 * Saves a model as the revision after `baseRevision`. The project's name is the model's, and renaming
 * a project is for owners (manage): a save that changes the name needs that role, whichever way it
 * comes (rename, project details, a whole model, a restored revision).
 */
async function save(actor: Actor, id: string, baseRevision: number, model: Model, summary: string): Promise<Outcome<{ revision: number; model: Model; summary: string }>> {
  const base = await readProject(id, baseRevision);
  if (base && base.model.project.name !== model.project.name) await authorize(actor, id, "manage");
  const saved = await store.saveModel(await getDb(), id, baseRevision, model, info(actor, summary));
  if (saved.ok) return { ok: true, value: { revision: saved.revision, model, summary } };
  if (saved.reason === "not-found") return notFound(id);
  return {
    ok: false,
    kind: "conflict",
    message: `revision ${baseRevision} is no longer current: ${saved.savedBy} saved revision ${saved.currentRevision} at ${saved.savedAt.toISOString()}. Nothing was saved; reload the latest revision and apply your change again.`,
    currentRevision: saved.currentRevision,
    savedBy: saved.savedBy,
    savedAt: saved.savedAt.toISOString(),
  };
}

async function editable(actor: Actor, id: string, revision: number) {
  const current = await readProject(id, revision);
  if (current) await authorize(actor, id, "edit");
  return current;
}

/** Applies one editor operation to the revision it was based on. */
export async function applyModelOperation(actor: Actor, id: string, baseRevision: number, operation: unknown) {
  const current = await editable(actor, id, baseRevision);
  if (!current) return notFound(id);
  const op = ModelOperation.safeParse(operation);
  if (!op.success)
    return invalid(
      "the change is not valid",
      op.error.issues.map((i) => ({ severity: "error", path: formatPath(i.path as (string | number)[]), message: i.message })),
    );
  let result;
  try {
    result = applyOperation(current.model, op.data);
  } catch (e) {
    if (e instanceof ModelError) return invalid(e.message, e.issues);
    throw e;
  }
  return save(actor, id, baseRevision, result.model, result.summary);
}

/** Replaces the whole model (API PUT, revision restore). */
export async function replaceModel(actor: Actor, id: string, baseRevision: number, text: string, summary: string) {
  if (!(await editable(actor, id, baseRevision))) return notFound(id);
  const result = await readModelText(text);
  if (!result.ok) return invalid(`the model was not saved: ${result.errors.length} problem${result.errors.length === 1 ? "" : "s"}`, result.errors);
  return save(actor, id, baseRevision, result.model, summary);
}

export async function restoreRevision(actor: Actor, id: string, baseRevision: number, revision: number) {
  if (!(await editable(actor, id, baseRevision))) return notFound(id);
  const old = await readProject(id, revision);
  if (!old) return { ok: false, kind: "not-found", message: `there is no revision ${revision}` } as const;
  return save(actor, id, baseRevision, old.model, `Restored revision ${revision}`);
}

export async function renameProject(actor: Actor, id: string, baseRevision: number, name: string) {
  const current = await readProject(id, baseRevision);
  if (!current) return notFound(id);
  await authorize(actor, id, "manage");
  return applyModelOperation(actor, id, baseRevision, { op: "update-project", project: { ...current.model.project, name } });
}

/** The projects the actor is a member of (an administrator sees all). */
export async function listProjects(actor: Actor, deleted = false) {
  const db = await getDb();
  const all = await store.listProjects(db, { deleted });
  if (actor.isAdmin) return all;
  const mine = await projectIdsOf(db, actor.id);
  return all.filter((p) => mine.has(p.id));
}

export async function listRevisions(actor: Actor, id: string) {
  await authorize(actor, id, "read");
  return store.listRevisions(await getDb(), id);
}

export async function deleteProject(actor: Actor, id: string) {
  await authorize(actor, id, "manage");
  return store.deleteProject(await getDb(), id, actor);
}

export async function restoreProject(actor: Actor, id: string) {
  await authorize(actor, id, "manage", { change: false });
  return store.restoreProject(await getDb(), id, actor);
}
