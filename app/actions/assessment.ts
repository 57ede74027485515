"use server";

import { revalidatePath } from "next/cache";
import * as assessment from "../_server/assessment";
import { controlById } from "@/lib/controls";
import type { ProjectControl } from "@/lib/risk/assessment";
import { asActor } from "./guard";

const refresh = (projectId: string) => revalidatePath(`/projects/${projectId}`, "layout");

export async function saveThreatRiskAction(projectId: string, threatId: string, baseVersion: number, input: unknown) {
  const outcome = await asActor((actor) => assessment.saveThreatRisk(actor, projectId, threatId, baseVersion, input));
  if (outcome.ok) refresh(projectId);
  return outcome;
}

export async function saveHazardAction(projectId: string, hazard: unknown, baseVersion: number, previousId?: string) {
  const outcome = await asActor((actor) => assessment.saveHazard(actor, projectId, hazard, baseVersion, previousId));
  if (outcome.ok) refresh(projectId);
  return outcome;
}

export async function saveControlAction(projectId: string, control: unknown, baseVersion: number) {
  const outcome = await asActor((actor) => assessment.saveControl(actor, projectId, control, baseVersion));
  if (outcome.ok) refresh(projectId);
  return outcome;
}

/** Makes a project control from a library control (once; an existing one is returned as it is). */
export async function adoptLibraryControlAction(projectId: string, libraryId: string) {
  const entry = controlById(libraryId);
  if (!entry) return { ok: false as const, kind: "not-found" as const, message: `there is no library control "${libraryId}"` };
  const control: ProjectControl = {
    id: entry.id,
    libraryId: entry.id,
    title: entry.title,
    description: entry.description,
    type: entry.type,
    fdaCategory: entry.fdaCategory,
    capabilities: [...entry.capabilities],
    annexI: [...entry.annexI],
    transfersToOperator: entry.transfersToOperator,
    ifuText: entry.operatorAction ?? "",
    status: "proposed",
    evidence: [],
  };
  const outcome = await asActor((actor) => assessment.saveControl(actor, projectId, control, 0));
  if (outcome.ok) refresh(projectId);
  if (!outcome.ok && outcome.kind === "invalid" && outcome.errors.some((e) => e.path === "id")) return { ok: true as const, value: control, version: -1, existed: true };
  return outcome;
}

export async function saveSettingsAction(projectId: string, settings: unknown, baseVersion: number) {
  const outcome = await asActor((actor) => assessment.saveSettings(actor, projectId, settings, baseVersion));
  if (outcome.ok) refresh(projectId);
  return outcome;
}

export async function saveRequirementAction(projectId: string, requirement: unknown, baseVersion: number) {
  const outcome = await asActor((actor) => assessment.saveRequirement(actor, projectId, requirement, baseVersion));
  if (outcome.ok) refresh(projectId);
  return outcome;
}
