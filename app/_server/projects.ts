import { getDb } from "@/db/client";
import * as store from "@/db/projects";
import { formatPath, ModelError, type ModelIssue } from "@/lib/model/issues";
import { applyOperation, ModelOperation } from "@/lib/model/operations";
import { FORMAT_VERSION, Project, type Model } from "@/lib/model/schema";
import { validateModel, validateModelText } from "@/lib/model/validate";
import { validateProjectText, type ProjectFile } from "@/lib/project/file";
import { importAssessment, loadAssessment } from "@/db/assessment";
import { currentUser } from "./user";

/**
 * What the pages, server actions and API routes do with projects: validate with lib/model,
 * persist with db/. Every outcome is a value the caller turns into a page, JSON or problem+json.
 */

export type Outcome<T> =
  | { ok: true; value: T }
  | { ok: false; kind: "invalid"; message: string; errors: ModelIssue[] }
  | { ok: false; kind: "not-found"; message: string }
  | { ok: false; kind: "conflict"; message: string; currentRevision: number; savedBy: string; savedAt: string };

const invalid = (message: string, errors: ModelIssue[]) => ({ ok: false, kind: "invalid", message, errors }) as const;
const notFound = (id: string) => ({ ok: false, kind: "not-found", message: `there is no project "${id}"` }) as const;

export async function createProjectFromDetails(input: unknown): Promise<Outcome<store.ProjectSummary>> {
  const parsed = Project.safeParse(input);
  if (!parsed.success)
    return invalid(
      "the project details are not valid",
      parsed.error.issues.map((i) => ({ severity: "error", path: formatPath(["project", ...(i.path as (string | number)[])]), message: i.message })),
    );
  const result = validateModel({ medthreat: FORMAT_VERSION, project: parsed.data });
  if (!result.ok) return invalid("the project details are not valid", result.errors);
  const db = await getDb();
  return { ok: true, value: await store.createProject(db, result.model, { author: await currentUser(), summary: "Project created" }) };
}

/** Creates a project from a project file (a model, with or without its assessment); a refused file changes nothing. */
export async function importProject(text: string, filename?: string): Promise<Outcome<store.ProjectSummary>> {
  const result = validateProjectText(text);
  if (!result.ok) return invalid(`the file was not imported: ${result.errors.length} problem${result.errors.length === 1 ? "" : "s"}`, result.errors);
  const db = await getDb();
  const author = await currentUser();
  const project = await store.createProject(db, result.model, { author, summary: `Imported from ${filename ?? "a project file"}` });
  if (result.assessment) {
    const { projectThreats } = await import("./threats");
    await projectThreats(project.id);
    await importAssessment(db, project.id, result.assessment, project.currentRevision, author);
  }
  return { ok: true, value: project };
}

/** The whole project as a file: the current architecture and its assessment. */
export async function exportProject(id: string): Promise<ProjectFile | undefined> {
  const stored = await loadProject(id);
  if (!stored) return undefined;
  return { model: stored.model, assessment: await loadAssessment(await getDb(), id) };
}

export async function loadProject(id: string, revision?: number) {
  const db = await getDb();
  return store.getModel(db, id, revision);
}

async function save(id: string, baseRevision: number, model: Model, summary: string): Promise<Outcome<{ revision: number; model: Model; summary: string }>> {
  const db = await getDb();
  const saved = await store.saveModel(db, id, baseRevision, model, { author: await currentUser(), summary });
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

/** Applies one editor operation to the revision it was based on. */
export async function applyModelOperation(id: string, baseRevision: number, operation: unknown) {
  const op = ModelOperation.safeParse(operation);
  if (!op.success)
    return invalid(
      "the change is not valid",
      op.error.issues.map((i) => ({ severity: "error", path: formatPath(i.path as (string | number)[]), message: i.message })),
    );
  const current = await loadProject(id, baseRevision);
  if (!current) return notFound(id);
  let result;
  try {
    result = applyOperation(current.model, op.data);
  } catch (e) {
    if (e instanceof ModelError) return invalid(e.message, e.issues);
    throw e;
  }
  return save(id, baseRevision, result.model, result.summary);
}

/** Replaces the whole model (API PUT, revision restore). */
export async function replaceModel(id: string, baseRevision: number, text: string, summary: string) {
  const result = validateModelText(text);
  if (!result.ok) return invalid(`the model was not saved: ${result.errors.length} problem${result.errors.length === 1 ? "" : "s"}`, result.errors);
  return save(id, baseRevision, result.model, summary);
}

export async function replaceModelObject(id: string, baseRevision: number, model: Model, summary: string) {
  return save(id, baseRevision, model, summary);
}

export async function renameProject(id: string, baseRevision: number, name: string) {
  const current = await loadProject(id, baseRevision);
  if (!current) return notFound(id);
  return applyModelOperation(id, baseRevision, { op: "update-project", project: { ...current.model.project, name } });
}

export async function listProjects(deleted = false) {
  return store.listProjects(await getDb(), { deleted });
}

export async function listRevisions(id: string) {
  return store.listRevisions(await getDb(), id);
}

export async function deleteProject(id: string) {
  return store.deleteProject(await getDb(), id);
}

export async function restoreProject(id: string) {
  return store.restoreProject(await getDb(), id);
}
