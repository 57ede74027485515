"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { AuthError, createAccount, needsFirstAccount, signIn, signOut } from "../_server/auth";
import { clientAddress } from "../_server/client-address";
import { clearSessionCookie, sessionToken, setSessionCookie } from "../_server/session-cookie";
import { sameSitePath } from "@/lib/security/policy";

export interface AuthFormState {
  message?: string;
  email?: string;
  name?: string;
}

const clientKey = async () => clientAddress(await headers());

export async function signInAction(_prev: AuthFormState, form: FormData): Promise<AuthFormState> {
  const email = String(form.get("email") ?? "");
  try {
    const { token } = await signIn(email, String(form.get("password") ?? ""), await clientKey());
    await setSessionCookie(token);
  } catch (e) {
    if (e instanceof AuthError) return { message: e.message, email };
    throw e;
  }
  redirect(sameSitePath(form.get("next")));
}

/** The first account of a fresh installation; it becomes administrator. Closed once anyone has an account. */
export async function signUpAction(_prev: AuthFormState, form: FormData): Promise<AuthFormState> {
  const email = String(form.get("email") ?? "");
  const name = String(form.get("name") ?? "");
  const password = String(form.get("password") ?? "");
  if (password !== String(form.get("confirm") ?? "")) return { message: "the two passwords differ", email, name };
  try {
    if (!(await needsFirstAccount())) return { message: "the first account exists already; ask an administrator for an account", email, name };
    await createAccount({ email, name, password }, null);
    const { token } = await signIn(email, password, await clientKey());
    await setSessionCookie(token);
  } catch (e) {
    if (e instanceof AuthError) return { message: e.message, email, name };
    throw e;
  }
  redirect("/");
}

export async function signOutAction(): Promise<void> {
  await signOut(await sessionToken());
  await clearSessionCookie();
  redirect("/signin");
}
