import { createHash, randomBytes } from "node:crypto";
import { hash, verify } from "@node-rs/argon2";
import { getDb } from "@/db/client";
import * as failures from "@/db/sign-in-failures";
import * as users from "@/db/users";
import type { Actor } from "@/db/users";

/**
 * Local accounts: argon2id password hashes, session cookies holding a random token (only its hash
 * is stored), personal API tokens for the REST API and the CLI, and a limit on failed sign-ins.
 */

export const SESSION_COOKIE = "medthreat_session";
export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;
export const MIN_PASSWORD_LENGTH = 12;

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");
const newId = () => randomBytes(9).toString("base64url");

export class AuthError extends Error {
  constructor(
    public readonly status: 400 | 401 | 403 | 409 | 429,
    message: string,
    public readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

/** A change to a project in the Trash, which is read-only until restored (409). */
export class InTrashError extends AuthError {
  constructor() {
    super(409, "the project is in the Trash, where it cannot be changed; restore it first (owners, from the Trash at the bottom of the project list)");
    this.name = "InTrashError";
  }
}

function checkPassword(password: string) {
  if (password.length < MIN_PASSWORD_LENGTH) throw new AuthError(400, `the password must have at least ${MIN_PASSWORD_LENGTH} characters`);
  if (password.length > 1000) throw new AuthError(400, "the password is too long");
}

function checkEmail(email: string) {
  if (!/^[^\s@]+@[^\s@]+$/.test(email.trim()) || email.length > 200) throw new AuthError(400, "enter an e-mail address such as ana@example.com");
}

const FIRST_ACCOUNT_EXISTS = "the first account exists already; ask an administrator for an account";

/** Whether nobody has an account yet: the sign-up page is open only then. */
export async function needsFirstAccount(): Promise<boolean> {
  return (await users.countUsers(await getDb())) === 0;
}

/** The first account of a fresh database becomes administrator; later accounts are created by an administrator. */
export async function createAccount(input: { email: string; name: string; password: string; isAdmin?: boolean }, by: Actor | null): Promise<Actor> {
  checkEmail(input.email);
  checkPassword(input.password);
  if (!input.name.trim()) throw new AuthError(400, "enter a name");
  const db = await getDb();
  if (by && !by.isAdmin) throw new AuthError(403, "only an administrator can create accounts");
  if (!by && (await users.countUsers(db)) > 0) throw new AuthError(403, FIRST_ACCOUNT_EXISTS);
  if (await users.userByEmail(db, input.email)) throw new AuthError(409, `there is already an account for ${input.email.trim().toLowerCase()}`);
  const row = await users.createUser(db, { id: newId(), email: input.email, name: input.name.trim(), passwordHash: await hash(input.password), isAdmin: !!input.isAdmin }, by);
  if (!row) throw new AuthError(403, FIRST_ACCOUNT_EXISTS);
  return { id: row.id, email: row.email, name: row.name, isAdmin: row.isAdmin };
}

/** How long failed sign-ins count. */
const WINDOW_MS = 15 * 60 * 1000;

/**
 * Failed sign-ins allowed within the window: for one e-mail address from one client, from one client
 * for any address, and for one address from all clients together (a guess spread over many
 * networks). One client can lock out only itself; the last limit needs a hundred failures, which
 * one client cannot make.
 */
export const SIGN_IN_LIMITS = { addressFromClient: 5, client: 20, address: 100 } as const;

let dummy: Promise<string> | undefined;
const dummyHash = () => (dummy ??= hash(randomBytes(16).toString("hex")));

/**
 * Checks e-mail and password; returns a new session token for the cookie. `client` identifies where
 * the request came from (clientAddress). The attempt counts against the limits before the password is
 * checked, so parallel guesses cannot all pass a count taken before any of them failed.
 */
export async function signIn(email: string, password: string, client: string): Promise<{ token: string; actor: Actor }> {
  const address = email.trim().toLowerCase();
  const keys = { addressFromClient: `address:${address} client:${client}`, client: `client:${client}`, address: `address:${address}` };
  const db = await getDb();
  const now = new Date();
  const windowStart = new Date(now.getTime() - WINDOW_MS);
  const attempt = await failures.recordAttempt(db, Object.values(keys), now, windowStart);
  const counts = await failures.attemptsSince(db, Object.values(keys), windowStart);
  for (const [limit, key] of Object.entries(keys) as [keyof typeof SIGN_IN_LIMITS, string][]) {
    const seen = counts.get(key);
    if (seen && seen.count > SIGN_IN_LIMITS[limit]) {
      await failures.withdrawAttempt(db, attempt);
      const wait = Math.max(1, Math.ceil((seen.oldest.getTime() + WINDOW_MS - now.getTime()) / 1000));
      throw new AuthError(429, `too many failed sign-ins${limit === "client" ? " from your network" : " for this address"}; try again in ${Math.ceil(wait / 60)} minute(s)`, wait);
    }
  }
  const user = await users.userByEmail(db, email);
  // An unknown address costs the same hash check as a known one, so timing does not tell which addresses have accounts.
  const ok = (await verify(user?.passwordHash ?? (await dummyHash()), password).catch(() => false)) && user && !user.disabledAt;
  if (!ok || !user) throw new AuthError(401, "the e-mail address or the password is wrong");
  await failures.withdrawAttempt(db, attempt);
  await failures.forgetFailures(db, keys.addressFromClient);
  const token = randomBytes(32).toString("base64url");
  await users.createSession(db, sha256(token), user.id, SESSION_TTL_MS);
  return { token, actor: users.actorOf(user) };
}

export async function signOut(token: string | undefined) {
  if (token) await users.deleteSession(await getDb(), sha256(token));
}

export async function changePassword(actor: Actor, current: string, next: string) {
  checkPassword(next);
  const db = await getDb();
  const user = await users.userById(db, actor.id);
  if (!user || !(await verify(user.passwordHash, current).catch(() => false))) throw new AuthError(400, "the current password is wrong");
  await users.setPassword(db, actor.id, await hash(next), actor);
}

/** Resolves the user behind a session cookie value or an API token. */
export async function actorFromCredentials(credentials: { session?: string; bearer?: string }): Promise<Actor | undefined> {
  const db = await getDb();
  const user = credentials.bearer
    ? await users.tokenUser(db, sha256(credentials.bearer))
    : credentials.session
      ? await users.sessionUser(db, sha256(credentials.session))
      : undefined;
  return user ? users.actorOf(user) : undefined;
}

export async function createApiToken(actor: Actor, name: string): Promise<{ token: string; id: string }> {
  if (!name.trim() || name.length > 100) throw new AuthError(400, "give the token a name of at most 100 characters, e.g. \"CI pipeline\"");
  const token = `mt_${randomBytes(32).toString("base64url")}`;
  const id = newId();
  await users.createToken(await getDb(), { id, userId: actor.id, name: name.trim(), tokenHash: sha256(token), prefix: token.slice(0, 10) }, actor);
  return { token, id };
}

/** A new session for a user who has just proved who they are (after a password change); returns the cookie's token. */
export async function startSession(actor: Actor): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  await users.createSession(await getDb(), sha256(token), actor.id, SESSION_TTL_MS);
  return token;
}
