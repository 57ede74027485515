"use server";

import { revalidatePath } from "next/cache";
import { AuthError } from "../_server/auth";
import { createAccountAsAdmin, updateAccountAsAdmin } from "../_server/accounts";
import { attempt } from "./attempt";

export async function createAccountAction(input: { email: string; name: string; password: string; isAdmin: boolean }) {
  const outcome = await attempt((actor) => createAccountAsAdmin(actor, input));
  if (outcome.ok) revalidatePath("/admin/users");
  return outcome;
}

export async function updateAccountAction(userId: string, change: { disabled?: boolean; isAdmin?: boolean }) {
  const outcome = await attempt(async (actor) => {
    const account = await updateAccountAsAdmin(actor, userId, change);
    if (!account) throw new AuthError(409, "that account no longer exists; reload the page");
    return account;
  });
  if (outcome.ok) revalidatePath("/admin/users");
  return outcome;
}
