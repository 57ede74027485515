import { z } from "zod";
import { getDb } from "@/db/client";
import * as users from "@/db/users";
import type { Actor, UserRow } from "@/db/users";
import { requireAdmin } from "./access";
import { AuthError, createAccount, createApiToken } from "./auth";

/** A user's own API tokens, and the administrator's management of accounts. */

export interface TokenView {
  id: string;
  name: string;
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

export async function listApiTokens(actor: Actor): Promise<TokenView[]> {
  const tokens = await users.tokensOf(await getDb(), actor.id);
  return tokens.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
}

/** Creates a token; the returned `token` is shown once and never stored. */
export async function newApiToken(actor: Actor, name: unknown): Promise<TokenView & { token: string }> {
  if (typeof name !== "string") throw new AuthError(400, 'send the token\'s name, e.g. {"name": "CI pipeline"}');
  const { token, id } = await createApiToken(actor, name);
  const view = (await listApiTokens(actor)).find((t) => t.id === id);
  if (!view) throw new Error("the new token was not stored");
  return { ...view, token };
}

/** Revokes one of the actor's own tokens; false when there is no such token or it was already revoked. */
export async function revokeApiToken(actor: Actor, tokenId: string): Promise<boolean> {
  return users.revokeToken(await getDb(), actor.id, tokenId, actor);
}

export interface AccountView {
  id: string;
  email: string;
  name: string;
  isAdmin: boolean;
  disabled: boolean;
  createdAt: Date;
}

const accountView = (u: UserRow): AccountView => ({ id: u.id, email: u.email, name: u.name, isAdmin: u.isAdmin, disabled: !!u.disabledAt, createdAt: u.createdAt });

export async function listAccounts(actor: Actor): Promise<AccountView[]> {
  await requireAdmin(actor);
  return (await users.listUsers(await getDb())).map(accountView);
}

const NewAccount = z.strictObject({ email: z.string(), name: z.string(), password: z.string(), isAdmin: z.boolean().optional() });

export async function createAccountAsAdmin(actor: Actor, input: unknown): Promise<AccountView> {
  await requireAdmin(actor);
  const parsed = NewAccount.safeParse(input);
  if (!parsed.success) throw new AuthError(400, 'send {"email", "name", "password", "isAdmin"?}: e-mail, name and password as text, isAdmin true or false');
  const created = await createAccount(parsed.data, actor);
  const row = await users.userById(await getDb(), created.id);
  return accountView(row!);
}

const AccountChange = z.strictObject({ disabled: z.boolean().optional(), isAdmin: z.boolean().optional() });

/** Disables or enables an account, grants or withdraws administration; undefined when there is no such account. */
export async function updateAccountAsAdmin(actor: Actor, userId: string, input: unknown): Promise<AccountView | undefined> {
  await requireAdmin(actor);
  const parsed = AccountChange.safeParse(input);
  if (!parsed.success || (parsed.data.disabled === undefined && parsed.data.isAdmin === undefined))
    throw new AuthError(400, 'send {"disabled": true|false} and/or {"isAdmin": true|false}');
  const change = parsed.data;
  const db = await getDb();
  const before = await users.userById(db, userId);
  if (!before) return undefined;
  if (userId === actor.id && (change.disabled === true || change.isAdmin === false))
    throw new AuthError(409, "you cannot disable your own account or withdraw your own administration; ask another administrator");
  const matches = (u: UserRow) => (change.disabled ?? !!u.disabledAt) === !!u.disabledAt && (change.isAdmin ?? u.isAdmin) === u.isAdmin;
  if (matches(before)) return accountView(before);
  const applied = await users.updateAccount(db, before, change, actor);
  const after = (await users.userById(db, userId))!;
  if (!applied && !matches(after)) throw new AuthError(409, `${before.email} is the last active administrator; make another account administrator first`);
  return accountView(after);
}
