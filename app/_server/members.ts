import { z } from "zod";
import { getDb } from "@/db/client";
import { getProjectSummary } from "@/db/projects";
import * as users from "@/db/users";
import type { Actor } from "@/db/users";
import { allows, ROLES, type Role } from "@/lib/access";
import { authorize } from "./access";

/** Who works on a project and in which role. Reading needs "read"; every change needs "manage" (owners). */

export interface MemberView {
  userId: string;
  email: string;
  name: string;
  role: Role;
}

export type MemberOutcome<T> = { ok: true; value: T } | { ok: false; kind: "invalid" | "not-found" | "conflict"; message: string };

const fail = (kind: "invalid" | "not-found" | "conflict", message: string) => ({ ok: false, kind, message }) as const;
const lastOwner = (who: string) =>
  `${who} is the project's last owner, and a project always needs one: make another member owner first, then change or remove ${who}`;
const RoleInput = z.enum(ROLES, { error: `the role must be one of ${ROLES.join(", ")}` });

async function projectExists(projectId: string) {
  return !!(await getProjectSummary(await getDb(), projectId));
}

export async function listMembers(actor: Actor, projectId: string): Promise<MemberView[] | undefined> {
  if (!(await projectExists(projectId))) return undefined;
  await authorize(actor, projectId, "read");
  return (await users.membersOf(await getDb(), projectId)) as MemberView[];
}

/** The members page: the list, and whether the actor may change it. */
export async function membersPage(actor: Actor, projectId: string) {
  const members = await listMembers(actor, projectId);
  if (!members) return undefined;
  const role = await users.roleOf(await getDb(), projectId, actor.id);
  return { members, canManage: allows(role, "manage", actor.isAdmin), actorId: actor.id };
}

async function membership(actor: Actor, projectId: string, userId: string) {
  if (!(await projectExists(projectId))) return fail("not-found", `there is no project "${projectId}"`);
  await authorize(actor, projectId, "manage");
  const member = (await users.membersOf(await getDb(), projectId)).find((m) => m.userId === userId) as MemberView | undefined;
  return member ? ({ ok: true, value: member } as const) : fail("not-found", `that account is not a member of this project`);
}

const AddInput = z.strictObject({ email: z.string().trim().min(1, "enter the e-mail address of an existing account").max(200), role: RoleInput });

export async function addMember(actor: Actor, projectId: string, input: unknown): Promise<MemberOutcome<MemberView>> {
  if (!(await projectExists(projectId))) return fail("not-found", `there is no project "${projectId}"`);
  await authorize(actor, projectId, "manage");
  const parsed = AddInput.safeParse(input);
  if (!parsed.success) return fail("invalid", parsed.error.issues.map((i) => i.message).join("; "));
  const db = await getDb();
  const user = await users.userByEmail(db, parsed.data.email);
  if (!user) return fail("invalid", `there is no account for ${parsed.data.email.toLowerCase()}; an administrator creates accounts under Administration → Users`);
  if (user.disabledAt) return fail("invalid", `the account of ${user.email} is disabled`);
  const current = await users.roleOf(db, projectId, user.id);
  if (current) return fail("conflict", `${user.email} is already a member (${current}); change the role in the list instead`);
  if (!(await users.changeMember(db, projectId, user.id, parsed.data.role, undefined, actor)))
    return fail("conflict", `${user.email} was added by someone else a moment ago; reload to see the current members`);
  return { ok: true, value: { userId: user.id, email: user.email, name: user.name, role: parsed.data.role } };
}

export async function changeRole(actor: Actor, projectId: string, userId: string, input: unknown): Promise<MemberOutcome<MemberView>> {
  const found = await membership(actor, projectId, userId);
  if (!found.ok) return found;
  const member = found.value;
  const parsed = z.strictObject({ role: RoleInput }).safeParse(input);
  if (!parsed.success) return fail("invalid", parsed.error.issues.map((i) => i.message).join("; "));
  const role = parsed.data.role;
  if (role === member.role) return { ok: true, value: member };
  const db = await getDb();
  if (!(await users.changeMember(db, projectId, userId, role, member.role, actor)))
    return fail("conflict", member.role === "owner" && (await users.ownerCount(db, projectId)) <= 1 ? lastOwner(member.email) : `the role of ${member.email} was changed by someone else a moment ago; reload to see it`);
  return { ok: true, value: { ...member, role } };
}

export async function removeMember(actor: Actor, projectId: string, userId: string): Promise<MemberOutcome<{ userId: string }>> {
  const found = await membership(actor, projectId, userId);
  if (!found.ok) return found;
  const member = found.value;
  const db = await getDb();
  if (!(await users.changeMember(db, projectId, userId, null, member.role, actor)))
    return fail("conflict", member.role === "owner" && (await users.ownerCount(db, projectId)) <= 1 ? lastOwner(member.email) : `${member.email} was changed by someone else a moment ago; reload to see it`);
  return { ok: true, value: { userId } };
}
