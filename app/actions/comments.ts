"use server";

import { revalidatePath } from "next/cache";
import * as comments from "../_server/comments";
import { asActor } from "./guard";

const refresh = (projectId: string) => revalidatePath(`/projects/${projectId}`, "layout");

export async function addCommentAction(projectId: string, input: unknown) {
  const outcome = await asActor((actor) => comments.addComment(actor, projectId, input));
  if (outcome.ok) refresh(projectId);
  return outcome;
}

export async function setCommentResolvedAction(projectId: string, commentId: string, resolved: boolean, baseVersion: number) {
  const outcome = await asActor((actor) => comments.setCommentResolved(actor, projectId, commentId, { resolved }, baseVersion));
  if (outcome.ok) refresh(projectId);
  return outcome;
}
