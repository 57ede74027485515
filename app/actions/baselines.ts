"use server";

import { revalidatePath } from "next/cache";
import * as baselines from "../_server/baselines";
import { asActor } from "./guard";

const refresh = (projectId: string) => revalidatePath(`/projects/${projectId}/baselines`);

export async function createBaselineAction(projectId: string, name: string) {
  const outcome = await asActor((actor) => baselines.createBaseline(actor, projectId, { name }));
  if (outcome.ok) refresh(projectId);
  return outcome;
}

export async function signOffBaselineAction(projectId: string, baselineId: string, statement: string) {
  const outcome = await asActor((actor) => baselines.signOffBaseline(actor, projectId, baselineId, { statement }));
  if (outcome.ok) refresh(projectId);
  return outcome;
}
