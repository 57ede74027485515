"use server";

import { revalidatePath } from "next/cache";
import * as members from "../_server/members";
import { asActor } from "./guard";

const refresh = (projectId: string) => revalidatePath(`/projects/${projectId}/members`);

export async function addMemberAction(projectId: string, input: { email: string; role: string }) {
  const outcome = await asActor((actor) => members.addMember(actor, projectId, input));
  if (outcome.ok) refresh(projectId);
  return outcome;
}

export async function changeRoleAction(projectId: string, userId: string, role: string) {
  const outcome = await asActor((actor) => members.changeRole(actor, projectId, userId, { role }));
  if (outcome.ok) refresh(projectId);
  return outcome;
}

export async function removeMemberAction(projectId: string, userId: string) {
  const outcome = await asActor((actor) => members.removeMember(actor, projectId, userId));
  if (outcome.ok) refresh(projectId);
  return outcome;
}
