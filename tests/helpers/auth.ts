import type { Role } from "@/lib/access";
import type { Actor } from "@/db/users";

/**
 * Accounts for integration tests against the app's shared database (after useTempDatabaseUrl).
 * The first account created is the administrator, as on a fresh installation.
 */

export interface TestUser {
  actor: Actor;
  token: string;
  /** Headers for a route handler request made as this user (API token). */
  headers: Record<string, string>;
}

export const TEST_PASSWORD = "correct horse battery";
let counter = 0;

async function create(name: string, by: Actor | null, isAdmin = false): Promise<TestUser> {
  const auth = await import("@/app/_server/auth");
  const actor = await auth.createAccount({ email: `${name}@example.test`, name, password: TEST_PASSWORD, isAdmin }, by);
  const { token } = await auth.createApiToken(actor, "tests");
  return { actor, token, headers: { authorization: `Bearer ${token}` } };
}

let first: Promise<TestUser> | undefined;

/** The administrator: the first account of the database, created on first use. */
export const adminUser = (): Promise<TestUser> => (first ??= create("admin", null));

/** A new account without any project role. */
export async function testUser(name = `user${++counter}`): Promise<TestUser> {
  return create(name, (await adminUser()).actor);
}

/** A new account holding the given role in the project. */
export async function member(projectId: string, role: Role): Promise<TestUser> {
  const user = await testUser(`${role}${++counter}`);
  const { getDb } = await import("@/db/client");
  const { setMember } = await import("@/db/users");
  await setMember(await getDb(), projectId, user.actor.id, role, (await adminUser()).actor, undefined);
  return user;
}
