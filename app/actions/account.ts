"use server";

import { revalidatePath } from "next/cache";
import { AuthError, changePassword, startSession } from "../_server/auth";
import { newApiToken, revokeApiToken } from "../_server/accounts";
import { setSessionCookie } from "../_server/session-cookie";
import { attempt } from "./attempt";

/** Changes the password; every session is signed out by that, so this browser gets a new one. */
export async function changePasswordAction(input: { current: string; next: string; confirm: string }) {
  return attempt(async (actor) => {
    if (input.next !== input.confirm) throw new AuthError(400, "the new password and its confirmation differ");
    await changePassword(actor, input.current, input.next);
    await setSessionCookie(await startSession(actor));
    return "Password changed. You were signed out everywhere else.";
  });
}

export async function createTokenAction(name: string) {
  const outcome = await attempt((actor) => newApiToken(actor, name));
  if (outcome.ok) revalidatePath("/account");
  return outcome;
}

export async function revokeTokenAction(tokenId: string) {
  const outcome = await attempt(async (actor) => {
    if (!(await revokeApiToken(actor, tokenId))) throw new AuthError(409, "that token does not exist or is already revoked");
  });
  if (outcome.ok) revalidatePath("/account");
  return outcome;
}
