import { and, eq, isNull, sql } from "drizzle-orm";
import type { Role } from "../lib/access";
import { auditInsert } from "./audit";
import type { Db } from "./client";
import { apiTokens, memberships, sessions, users } from "./schema";

export type UserRow = typeof users.$inferSelect;
export type Actor = { id: string; name: string; email: string; isAdmin: boolean };

export const actorOf = (u: UserRow): Actor => ({ id: u.id, name: u.name, email: u.email, isAdmin: u.isAdmin });

export async function countUsers(db: Db): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)` }).from(users);
  return Number(row.n);
}

export async function userByEmail(db: Db, email: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.email, email.trim().toLowerCase()));
  return row;
}

export async function userById(db: Db, id: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.id, id));
  return row;
}

export async function listUsers(db: Db): Promise<UserRow[]> {
  return db.select().from(users).orderBy(users.email);
}

/**
 * Creates a user; with no creator (`by` null) only as the first user of the database, which the
 * database decides atomically: concurrent first sign-ups create one account, the others get
 * undefined. The first user becomes administrator and owner of every project that has no owner yet
 * (e.g. the demo device), in the same atomic batch.
 */
export async function createUser(db: Db, input: { id: string; email: string; name: string; passwordHash: string; isAdmin: boolean }, by: Actor | null) {
  const now = new Date();
  const email = input.email.trim().toLowerCase();
  const first = !by;
  const isAdmin = input.isAdmin || first;
  const row = { ...input, email, isAdmin, createdAt: now };
  const actor = by ?? { id: input.id, name: input.name };
  const created = sql`EXISTS (SELECT 1 FROM users WHERE id = ${input.id})`;
  const writes: Parameters<Db["batch"]>[0][number][] = [
    first
      ? db.run(sql`INSERT INTO users (id, email, name, password_hash, is_admin, created_at)
          SELECT ${input.id}, ${email}, ${input.name}, ${input.passwordHash}, 1, ${now.getTime()} WHERE NOT EXISTS (SELECT 1 FROM users)`)
      : db.insert(users).values(row),
    auditInsert(db, { projectId: null, actor, action: "user.create", entityType: "user", entityId: input.id, summary: `${email}${isAdmin ? " (administrator)" : ""}`, after: { email, name: input.name, isAdmin } }, created),
  ];
  if (first)
    writes.push(
      db.run(sql`INSERT INTO memberships (project_id, user_id, role) SELECT id, ${input.id}, 'owner' FROM projects
        WHERE ${created} AND NOT EXISTS (SELECT 1 FROM memberships m WHERE m.project_id = projects.id AND m.role = 'owner')`),
    );
  await db.batch(writes as [never, ...never[]]);
  if (first && !(await userById(db, input.id))) return undefined;
  return { ...row };
}

/** A new password ends every session and revokes every API token of the user: whoever knew the old one may have made them. */
export async function setPassword(db: Db, userId: string, passwordHash: string, actor: Actor) {
  await db.batch([
    db.update(users).set({ passwordHash }).where(eq(users.id, userId)),
    db.delete(sessions).where(eq(sessions.userId, userId)),
    db.update(apiTokens).set({ revokedAt: new Date() }).where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt))),
    auditInsert(db, { projectId: null, actor, action: "user.password", entityType: "user", entityId: userId, summary: "password changed; every session signed out and every API token revoked" }),
  ]);
}

const disabledNow = (userId: string) => sql`EXISTS (SELECT 1 FROM users u WHERE u.id = ${userId} AND u.disabled_at IS NOT NULL)`;
const anotherActiveAdmin = (userId: string) => sql`EXISTS (SELECT 1 FROM users o WHERE o.is_admin = 1 AND o.disabled_at IS NULL AND o.id != ${userId})`;

/**
 * Disables or enables an account and grants or withdraws administration, with its audit entry in the
 * same batch. Happens only if it changes something and leaves at least one active administrator;
 * returns whether it happened. Disabling signs the user out everywhere and revokes their API tokens,
 * so enabling the account again does not bring old tokens back.
 */
export async function updateAccount(db: Db, before: UserRow, change: { disabled?: boolean; isAdmin?: boolean }, actor: Actor): Promise<boolean> {
  const was = { disabled: !!before.disabledAt, isAdmin: before.isAdmin };
  const now = { disabled: change.disabled ?? was.disabled, isAdmin: change.isAdmin ?? was.isAdmin };
  const differs = sql`(${users.isAdmin} != ${now.isAdmin ? 1 : 0} OR (${users.disabledAt} IS NOT NULL) != ${now.disabled ? 1 : 0})`;
  const keepsAdmin = now.isAdmin && !now.disabled ? undefined : anotherActiveAdmin(before.id);
  const action =
    now.disabled !== was.disabled && now.isAdmin !== was.isAdmin
      ? "user.update"
      : now.disabled !== was.disabled
        ? now.disabled ? "user.disable" : "user.enable"
        : now.isAdmin ? "user.grant-admin" : "user.revoke-admin";
  const [updated] = await db.batch([
    db
      .update(users)
      .set({ disabledAt: now.disabled ? (before.disabledAt ?? new Date()) : null, isAdmin: now.isAdmin })
      .where(and(eq(users.id, before.id), differs, keepsAdmin))
      .returning({ id: users.id }),
    auditInsert(db, { projectId: null, actor, action, entityType: "user", entityId: before.id, summary: before.email, before: was, after: now }, sql`changes() > 0`),
    db.delete(sessions).where(and(eq(sessions.userId, before.id), disabledNow(before.id))),
    db.update(apiTokens).set({ revokedAt: new Date() }).where(and(eq(apiTokens.userId, before.id), isNull(apiTokens.revokedAt), disabledNow(before.id))),
  ]);
  return updated.length > 0;
}

export async function createSession(db: Db, tokenHash: string, userId: string, ttlMs: number) {
  const now = Date.now();
  await db.insert(sessions).values({ tokenHash, userId, createdAt: new Date(now), expiresAt: new Date(now + ttlMs) });
}

export async function sessionUser(db: Db, tokenHash: string): Promise<UserRow | undefined> {
  const [row] = await db
    .select({ user: users, expiresAt: sessions.expiresAt })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.tokenHash, tokenHash));
  if (!row || row.expiresAt.getTime() < Date.now() || row.user.disabledAt) return undefined;
  return row.user;
}

export async function deleteSession(db: Db, tokenHash: string) {
  await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
}

export async function createToken(db: Db, t: { id: string; userId: string; name: string; tokenHash: string; prefix: string }, actor: Actor) {
  await db.batch([
    db.insert(apiTokens).values({ ...t, createdAt: new Date() }),
    auditInsert(db, { projectId: null, actor, action: "token.create", entityType: "api-token", entityId: t.id, summary: `${t.name} (${t.prefix}…)` }),
  ]);
}

/** How stale a token's "last used" may get: writing it on every request would make every read a write. */
const LAST_USED_PRECISION_MS = 60_000;

export async function tokenUser(db: Db, tokenHash: string): Promise<UserRow | undefined> {
  const [row] = await db
    .select({ user: users, id: apiTokens.id, lastUsedAt: apiTokens.lastUsedAt })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(and(eq(apiTokens.tokenHash, tokenHash), isNull(apiTokens.revokedAt)));
  if (!row || row.user.disabledAt) return undefined;
  const now = Date.now();
  if (!row.lastUsedAt || now - row.lastUsedAt.getTime() >= LAST_USED_PRECISION_MS) await db.update(apiTokens).set({ lastUsedAt: new Date(now) }).where(eq(apiTokens.id, row.id));
  return row.user;
}

export async function tokensOf(db: Db, userId: string) {
  return db.select({ id: apiTokens.id, name: apiTokens.name, prefix: apiTokens.prefix, createdAt: apiTokens.createdAt, lastUsedAt: apiTokens.lastUsedAt, revokedAt: apiTokens.revokedAt }).from(apiTokens).where(eq(apiTokens.userId, userId));
}

export async function revokeToken(db: Db, userId: string, tokenId: string, actor: Actor): Promise<boolean> {
  const [token] = await db.select({ name: apiTokens.name, prefix: apiTokens.prefix }).from(apiTokens).where(and(eq(apiTokens.id, tokenId), eq(apiTokens.userId, userId)));
  if (!token) return false;
  const [revoked] = await db.batch([
    db
      .update(apiTokens)
      .set({ revokedAt: new Date() })
      .where(and(eq(apiTokens.id, tokenId), eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
      .returning({ id: apiTokens.id }),
    auditInsert(db, { projectId: null, actor, action: "token.revoke", entityType: "api-token", entityId: tokenId, summary: `${token.name} (${token.prefix}…)` }, sql`changes() > 0`),
  ]);
  return revoked.length > 0;
}

export async function roleOf(db: Db, projectId: string, userId: string): Promise<Role | undefined> {
  const [row] = await db.select({ role: memberships.role }).from(memberships).where(and(eq(memberships.projectId, projectId), eq(memberships.userId, userId)));
  return row?.role as Role | undefined;
}

export async function membersOf(db: Db, projectId: string) {
  return db
    .select({ userId: users.id, email: users.email, name: users.name, role: memberships.role })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.projectId, projectId))
    .orderBy(users.email);
}

export async function projectIdsOf(db: Db, userId: string): Promise<Set<string>> {
  const rows = await db.select({ id: memberships.projectId }).from(memberships).where(eq(memberships.userId, userId));
  return new Set(rows.map((r) => r.id));
}

export async function setMember(db: Db, projectId: string, userId: string, role: Role | null, actor: Actor, before: Role | undefined) {
  await db.batch([
    role
      ? db.insert(memberships).values({ projectId, userId, role }).onConflictDoUpdate({ target: [memberships.projectId, memberships.userId], set: { role } })
      : db.delete(memberships).where(and(eq(memberships.projectId, projectId), eq(memberships.userId, userId))),
    auditInsert(db, { projectId, actor, action: role ? "member.set" : "member.remove", entityType: "member", entityId: userId, before: before ?? null, after: role }),
  ]);
}

export async function ownerCount(db: Db, projectId: string): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)` }).from(memberships).where(and(eq(memberships.projectId, projectId), eq(memberships.role, "owner")));
  return Number(row.n);
}

/**
 * Adds (`before` undefined), changes or removes (`role` null) a membership, with its audit entry in the
 * same batch. Happens only if the membership is still `before` and the project keeps an owner;
 * returns whether it happened.
 */
export async function changeMember(db: Db, projectId: string, userId: string, role: Role | null, before: Role | undefined, actor: Actor): Promise<boolean> {
  const target = and(eq(memberships.projectId, projectId), eq(memberships.userId, userId), eq(memberships.role, before ?? ""));
  const keepsOwner =
    before === "owner" && role !== "owner"
      ? sql`EXISTS (SELECT 1 FROM memberships o WHERE o.project_id = ${projectId} AND o.role = 'owner' AND o.user_id != ${userId})`
      : undefined;
  const write = !before
    ? role
      ? db.insert(memberships).values({ projectId, userId, role }).onConflictDoNothing().returning({ userId: memberships.userId })
      : undefined
    : role
      ? db.update(memberships).set({ role }).where(and(target, keepsOwner)).returning({ userId: memberships.userId })
      : db.delete(memberships).where(and(target, keepsOwner)).returning({ userId: memberships.userId });
  if (!write) return false;
  const [written] = await db.batch([
    write,
    auditInsert(db, { projectId, actor, action: role ? "member.set" : "member.remove", entityType: "member", entityId: userId, before: before ?? null, after: role }, sql`changes() > 0`),
  ]);
  return written.length > 0;
}
