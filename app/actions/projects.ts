"use server";

import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import * as projects from "../_server/projects";
import { MAX_MODEL_BYTES, tooLargeMessage } from "@/lib/model/limits";
import type { ModelIssue } from "@/lib/model/issues";
import type { ModelOperationInput } from "@/lib/model/operations";
import { REGULATIONS, DEVICE_KINDS } from "@/lib/model/vocabulary";
import { asActor } from "./guard";

export interface FormState {
  message?: string;
  errors?: ModelIssue[];
}

const formError = (outcome: { message: string; errors?: ModelIssue[] }): FormState => ({ message: outcome.message, errors: "errors" in outcome ? outcome.errors : [] });

export async function createProjectAction(_prev: FormState, form: FormData): Promise<FormState> {
  const text = (key: string) => String(form.get(key) ?? "").trim();
  const regulation = text("regulation");
  const deviceKind = text("deviceKind");
  const outcome = await asActor((actor) =>
    projects.createProjectFromDetails(actor, {
      name: text("name"),
      device: { name: text("deviceName") || text("name"), version: text("deviceVersion") },
      regulation: (REGULATIONS as readonly string[]).includes(regulation) ? regulation : "MDR",
      deviceKind: (DEVICE_KINDS as readonly string[]).includes(deviceKind) ? deviceKind : "hardware-with-software",
    }),
  );
  if (!outcome.ok) return formError(outcome);
  revalidatePath("/");
  redirect(`/projects/${outcome.value.id}`);
}

export async function importProjectAction(_prev: FormState, form: FormData): Promise<FormState> {
  const file = form.get("file");
  if (!(file instanceof File) || file.size === 0) return { message: "choose a project file (.yaml, .yml or .json) to import" };
  if (file.size > MAX_MODEL_BYTES) return { message: `${file.name}: ${tooLargeMessage(file.size)}` };
  const text = await file.text();
  const outcome = await asActor((actor) => projects.importProject(actor, text, file.name));
  if (!outcome.ok) return formError(outcome);
  revalidatePath("/");
  redirect(`/projects/${outcome.value.id}`);
}

/** Moves the project to the trash and goes to the project list; a refusal comes back to show. */
export async function deleteProjectAction(id: string) {
  const outcome = await asActor((actor) => projects.deleteProject(actor, id));
  if (typeof outcome === "object" && !outcome.ok) return outcome;
  revalidatePath("/");
  redirect("/");
}

export async function restoreProjectAction(id: string): Promise<void> {
  await asActor((actor) => projects.restoreProject(actor, id));
  revalidatePath("/");
}

export async function applyOperationAction(id: string, baseRevision: number, operation: ModelOperationInput) {
  const outcome = await asActor((actor) => projects.applyModelOperation(actor, id, baseRevision, operation));
  if (outcome.ok) revalidatePath(`/projects/${id}`, "layout");
  return outcome;
}

export async function loadLatestAction(id: string) {
  const stored = await asActor((actor) => projects.loadProject(actor, id));
  if (!stored || "kind" in stored) return undefined;
  return { model: stored.model, revision: stored.revision };
}

export async function restoreRevisionAction(id: string, baseRevision: number, revision: number) {
  const outcome = await asActor((actor) => projects.restoreRevision(actor, id, baseRevision, revision));
  if (outcome.ok) revalidatePath(`/projects/${id}`, "layout");
  return outcome;
}

export async function renameProjectAction(id: string, baseRevision: number, name: string) {
  const outcome = await asActor((actor) => projects.renameProject(actor, id, baseRevision, name));
  if (outcome.ok) revalidatePath("/", "layout");
  return outcome.ok ? { ok: true as const } : { ok: false as const, kind: outcome.kind, message: outcome.message };
}
