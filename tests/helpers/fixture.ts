import { sql } from "drizzle-orm";
import { ROLES, type Role } from "@/lib/access";
import { exampleText } from "./models";
import { adminUser, testUser, type TestUser } from "./auth";

/** The demo device as a fresh project, with one member per role and an outsider (signed in, no role). */
export interface RoleFixture {
  projectId: string;
  users: Record<Role | "outsider", TestUser>;
  admin: TestUser;
}

let people: Promise<RoleFixture["users"]> | undefined;

/** One account per role (and an outsider), created once per test file. */
export const roleUsers = () =>
  (people ??= (async () => {
    await adminUser();
    const entries = [];
    for (const r of [...ROLES, "outsider" as const]) entries.push([r, await testUser(`as-${r}`)] as const);
    return Object.fromEntries(entries) as RoleFixture["users"];
  })());

export async function projectWithRoles(): Promise<RoleFixture> {
  const admin = await adminUser();
  const users = await roleUsers();
  const { importProject } = await import("@/app/_server/projects");
  const { getDb } = await import("@/db/client");
  const { setMember } = await import("@/db/users");
  const created = await importProject(admin.actor, exampleText(), "example.yaml");
  if (!created.ok) throw new Error("import failed");
  const db = await getDb();
  for (const role of ROLES) await setMember(db, created.value.id, users[role].actor.id, role, admin.actor, undefined);
  return { projectId: created.value.id, users, admin };
}

/** Every table's rows, except sessions and API tokens (their use stamps them), to prove a refused request changed nothing. */
export async function databaseSnapshot(): Promise<string> {
  const { getDb } = await import("@/db/client");
  const db = await getDb();
  const tables = (await db.all<{ name: string }>(sql`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)).map((t) => t.name);
  const parts: string[] = [];
  for (const t of tables.filter((t) => t !== "sessions" && t !== "api_tokens")) parts.push(t, JSON.stringify(await db.all(sql.raw(`SELECT * FROM "${t}" ORDER BY rowid`))));
  return parts.join("\n");
}

/** Who a case refuses: the roles not allowed, the outsider, and for "admin" every role. */
export function refusedFor(allowed: readonly Role[] | "anyone" | "admin"): (Role | "outsider")[] {
  if (allowed === "anyone") return [];
  if (allowed === "admin") return [...ROLES, "outsider"];
  return [...ROLES.filter((r) => !allowed.includes(r)), "outsider"];
}
