import { rmSync } from "node:fs";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { useTempDatabaseUrl } from "../helpers/temp-db";
import { adminUser, member, TEST_PASSWORD, testUser, type TestUser } from "../helpers/auth";

/** A cookie jar and request headers standing in for next/headers, so server actions run as a signed-in browser. */
const browser = vi.hoisted(() => ({ jar: new Map<string, { value: string; options?: Record<string, unknown> }>(), headers: new Headers() }));
vi.mock("next/headers", () => ({
  cookies: async () => ({
    get: (name: string) => (browser.jar.has(name) ? { name, value: browser.jar.get(name)!.value } : undefined),
    set: (name: string, value: string, options?: Record<string, unknown>) => browser.jar.set(name, { value, options }),
    delete: (name: string) => browser.jar.delete(name),
  }),
  headers: async () => browser.headers,
}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const { dir } = useTempDatabaseUrl();
const auth = await import("@/app/_server/auth");
const { SYSTEM } = await import("@/app/_server/access");
const accounts = await import("@/app/_server/accounts");
const { getDb } = await import("@/db/client");
const users = await import("@/db/users");
const { auditLog } = await import("@/db/schema");
const { eq } = await import("drizzle-orm");
const projects = await import("@/app/_server/projects");
const accountActions = await import("@/app/actions/account");
const adminActions = await import("@/app/actions/admin");
const memberActions = await import("@/app/actions/members");
const tokensRoute = await import("@/app/api/tokens/route");
const tokenRoute = await import("@/app/api/tokens/[tokenId]/route");
const usersRoute = await import("@/app/api/admin/users/route");
const userRoute = await import("@/app/api/admin/users/[userId]/route");
const projectsRoute = await import("@/app/api/projects/route");
const membersRoute = await import("@/app/api/projects/[id]/members/route");
const memberRoute = await import("@/app/api/projects/[id]/members/[userId]/route");
const { exampleText } = await import("../helpers/models");

afterAll(() => rmSync(dir, { recursive: true, force: true }));
beforeEach(() => {
  browser.jar.clear();
  browser.headers = new Headers();
});

const base = "http://test.local";
const request = (path: string, init: RequestInit & { as?: TestUser | Record<string, string> } = {}) => {
  const credentials = !init.as ? {} : "headers" in init.as ? (init.as as TestUser).headers : (init.as as Record<string, string>);
  return new Request(base + path, { ...init, headers: { ...credentials, ...Object.fromEntries(new Headers(init.headers).entries()) } });
};
const json = (body: unknown) => ({ body: JSON.stringify(body), headers: { "content-type": "application/json" } });
const params = <T extends Record<string, string>>(p: T) => ({ params: Promise.resolve(p) });
const database = await getDb();
const auditFor = (entityId: string) => database.select().from(auditLog).where(eq(auditLog.entityId, entityId));

/** Signs the browser in as the user: a session cookie in the jar. */
async function browse(user: TestUser | undefined) {
  browser.jar.clear();
  if (user) browser.jar.set(auth.SESSION_COOKIE, { value: await auth.startSession(user.actor) });
}
const sessionCookie = async (user: TestUser) => ({ cookie: `${auth.SESSION_COOKIE}=${await auth.startSession(user.actor)}` });

describe("accounts", () => {
  it("makes the first account administrator; later accounts only an administrator creates", async () => {
    expect(await auth.needsFirstAccount()).toBe(true);
    const admin = await adminUser();
    expect(admin.actor.isAdmin).toBe(true);
    expect(await auth.needsFirstAccount()).toBe(false);
    const plain = await testUser();
    expect(plain.actor.isAdmin).toBe(false);
    const before = await users.countUsers(database);
    await expect(auth.createAccount({ email: "walk-in@example.test", name: "Walk-in", password: TEST_PASSWORD }, null)).rejects.toMatchObject({ status: 403 });
    await expect(auth.createAccount({ email: "walk-in@example.test", name: "Walk-in", password: TEST_PASSWORD }, plain.actor)).rejects.toMatchObject({ status: 403 });
    expect(await users.countUsers(database)).toBe(before);
  });

  it("changes the password: a wrong current password or a mismatched confirmation changes nothing; afterwards only the new one works", async () => {
    const user = await testUser();
    const next = "a brand new passphrase";
    await expect(auth.changePassword(user.actor, "not my password", next)).rejects.toMatchObject({ status: 400, message: "the current password is wrong" });
    await browse(user);
    const oldSession = browser.jar.get(auth.SESSION_COOKIE)!.value;
    expect(await accountActions.changePasswordAction({ current: TEST_PASSWORD, next, confirm: "something else entirely" })).toMatchObject({ ok: false, kind: "invalid" });
    expect(await accountActions.changePasswordAction({ current: "wrong password!", next, confirm: next })).toMatchObject({ ok: false, message: "the current password is wrong" });
    expect(await accountActions.changePasswordAction({ current: TEST_PASSWORD, next: "short", confirm: "short" })).toMatchObject({ ok: false, message: expect.stringContaining("at least") });
    await expect(auth.signIn(user.actor.email, TEST_PASSWORD, "tests")).resolves.toBeTruthy();
    const { token } = await auth.createApiToken(user.actor, "made before the change");
    expect(await auth.actorFromCredentials({ bearer: token })).toMatchObject({ id: user.actor.id });

    browser.headers = new Headers({ "x-forwarded-proto": "https" });
    expect(await accountActions.changePasswordAction({ current: TEST_PASSWORD, next, confirm: next })).toMatchObject({ ok: true });
    const cookie = browser.jar.get(auth.SESSION_COOKIE)!;
    expect(cookie.value).not.toBe(oldSession);
    expect(cookie.options).toMatchObject({ httpOnly: true, sameSite: "lax", secure: true, path: "/", maxAge: auth.SESSION_TTL_MS / 1000 });
    expect(await auth.actorFromCredentials({ session: oldSession })).toBeUndefined();
    expect(await auth.actorFromCredentials({ session: cookie.value })).toMatchObject({ id: user.actor.id });
    await expect(auth.signIn(user.actor.email, TEST_PASSWORD, "tests")).rejects.toMatchObject({ status: 401 });
    await expect(auth.signIn(user.actor.email, next, "tests")).resolves.toMatchObject({ actor: { id: user.actor.id } });
    expect(await auth.actorFromCredentials({ bearer: token })).toBeUndefined();
    expect((await auditFor(user.actor.id)).map((e) => e.action)).toContain("user.password");
  });

  it("refuses account actions to a browser that is not signed in", async () => {
    await browse(undefined);
    expect(await accountActions.changePasswordAction({ current: TEST_PASSWORD, next: "whatever it is now", confirm: "whatever it is now" })).toMatchObject({ ok: false, kind: "unauthenticated" });
    expect(await accountActions.createTokenAction("x")).toMatchObject({ ok: false, kind: "unauthenticated" });
  });
});

describe("API tokens", () => {
  it("creates a token (shown once), lets it act as its user, lists it without the secret, and refuses it as soon as it is revoked", async () => {
    const user = await testUser();
    const res = await tokensRoute.POST(request("/api/tokens", { method: "POST", as: await sessionCookie(user), ...json({ name: "CI pipeline" }) }));
    expect(res.status).toBe(201);
    const created = await res.json();
    expect(created).toMatchObject({ name: "CI pipeline", token: expect.stringMatching(/^mt_/), prefix: created.token.slice(0, 10), revokedAt: null });
    const bearer = { authorization: `Bearer ${created.token}` };

    expect((await projectsRoute.GET(request("/api/projects", { as: bearer }))).status).toBe(200);
    const listed = (await (await tokensRoute.GET(request("/api/tokens", { as: bearer }))).json()).tokens;
    const mine = listed.find((t: { id: string }) => t.id === created.id);
    expect(mine).toMatchObject({ name: "CI pipeline", lastUsedAt: expect.any(String) });
    expect(JSON.stringify(listed)).not.toContain(created.token);

    const stranger = await testUser();
    expect((await tokenRoute.DELETE(request(`/api/tokens/${created.id}`, { method: "DELETE", as: stranger }), params({ tokenId: created.id }))).status).toBe(404);
    expect((await projectsRoute.GET(request("/api/projects", { as: bearer }))).status).toBe(200);

    expect((await tokenRoute.DELETE(request(`/api/tokens/${created.id}`, { method: "DELETE", as: user }), params({ tokenId: created.id }))).status).toBe(204);
    const refused = await projectsRoute.GET(request("/api/projects", { as: bearer }));
    expect(refused.status).toBe(401);
    expect(refused.headers.get("content-type")).toBe("application/problem+json");
    expect((await tokenRoute.DELETE(request(`/api/tokens/${created.id}`, { method: "DELETE", as: user }), params({ tokenId: created.id }))).status).toBe(404);
    expect((await auditFor(created.id)).map((e) => e.action)).toEqual(["token.create", "token.revoke"]);
  });

  it("does not let a token create tokens, and answers 401 without credentials", async () => {
    const user = await testUser();
    const before = (await accounts.listApiTokens(user.actor)).length;
    const res = await tokensRoute.POST(request("/api/tokens", { method: "POST", as: user, ...json({ name: "copy" }) }));
    expect(res.status).toBe(403);
    expect((await accounts.listApiTokens(user.actor)).length).toBe(before);
    expect((await tokensRoute.GET(request("/api/tokens"))).status).toBe(401);
    expect((await tokensRoute.POST(request("/api/tokens", { method: "POST", ...json({ name: "x" }) }))).status).toBe(401);
    expect((await tokenRoute.DELETE(request("/api/tokens/x", { method: "DELETE" }), params({ tokenId: "x" }))).status).toBe(401);
  });

  it("creates and revokes tokens with the account page's actions", async () => {
    const user = await testUser();
    await browse(user);
    const created = await accountActions.createTokenAction("laptop");
    if (!created.ok) throw new Error(created.message);
    expect(await auth.actorFromCredentials({ bearer: created.value.token })).toMatchObject({ id: user.actor.id });
    expect(await accountActions.createTokenAction("  ")).toMatchObject({ ok: false, kind: "invalid" });
    expect(await accountActions.revokeTokenAction(created.value.id)).toMatchObject({ ok: true });
    expect(await auth.actorFromCredentials({ bearer: created.value.token })).toBeUndefined();
    expect(await accountActions.revokeTokenAction(created.value.id)).toMatchObject({ ok: false });
  });
});

describe("administration of accounts", () => {
  it("lets an administrator list, create, disable and enable accounts, with audit entries", async () => {
    const admin = await adminUser();
    const created = await usersRoute.POST(request("/api/admin/users", { method: "POST", as: admin, ...json({ email: "Rita@Example.test", name: "Rita", password: TEST_PASSWORD }) }));
    expect(created.status).toBe(201);
    const rita = await created.json();
    expect(rita).toMatchObject({ email: "rita@example.test", isAdmin: false, disabled: false });
    expect((await usersRoute.POST(request("/api/admin/users", { method: "POST", as: admin, ...json({ email: "rita@example.test", name: "R", password: TEST_PASSWORD }) }))).status).toBe(409);
    expect((await usersRoute.POST(request("/api/admin/users", { method: "POST", as: admin, ...json({ email: "new@example.test", name: "N", password: "short" }) }))).status).toBe(400);
    const list = (await (await usersRoute.GET(request("/api/admin/users", { as: admin }))).json()).users;
    expect(list.map((u: { email: string }) => u.email)).toContain("rita@example.test");
    expect(JSON.stringify(list)).not.toMatch(/argon2|passwordHash/);

    const { token } = await auth.createApiToken({ ...rita, isAdmin: false }, "rita's");
    const session = await auth.startSession({ ...rita, isAdmin: false });
    const disabled = await userRoute.PATCH(request(`/api/admin/users/${rita.id}`, { method: "PATCH", as: admin, ...json({ disabled: true }) }), params({ userId: rita.id }));
    expect(await disabled.json()).toMatchObject({ disabled: true });
    expect(await auth.actorFromCredentials({ bearer: token })).toBeUndefined();
    expect(await auth.actorFromCredentials({ session })).toBeUndefined();
    await expect(auth.signIn("rita@example.test", TEST_PASSWORD, "tests")).rejects.toMatchObject({ status: 401 });
    const enabled = await userRoute.PATCH(request(`/api/admin/users/${rita.id}`, { method: "PATCH", as: admin, ...json({ disabled: false }) }), params({ userId: rita.id }));
    expect(await enabled.json()).toMatchObject({ disabled: false });
    expect(await auth.actorFromCredentials({ bearer: token })).toBeUndefined();
    await expect(auth.signIn("rita@example.test", TEST_PASSWORD, "tests")).resolves.toMatchObject({ actor: { id: rita.id } });
    const tokens = (await (await tokensRoute.GET(request("/api/tokens", { as: await sessionCookie({ actor: { ...rita, isAdmin: false }, token: "", headers: {} }) }))).json()).tokens;
    expect(tokens).toEqual([expect.objectContaining({ name: "rita's", revokedAt: expect.any(String) })]);
    const entries = await auditFor(rita.id);
    expect(entries.map((e) => e.action)).toEqual(["user.create", "user.disable", "user.enable"]);
    expect(entries[1]).toMatchObject({ actorId: admin.actor.id, before: JSON.stringify({ disabled: false, isAdmin: false }), after: JSON.stringify({ disabled: true, isAdmin: false }) });
    expect((await userRoute.PATCH(request("/api/admin/users/nobody", { method: "PATCH", as: admin, ...json({ disabled: true }) }), params({ userId: "nobody" }))).status).toBe(404);
    expect((await userRoute.PATCH(request(`/api/admin/users/${rita.id}`, { method: "PATCH", as: admin, ...json({ disabled: "yes" }) }), params({ userId: rita.id }))).status).toBe(400);
  });

  it("never leaves the installation without an active administrator", async () => {
    const admin = await adminUser();
    const self = await userRoute.PATCH(request(`/api/admin/users/${admin.actor.id}`, { method: "PATCH", as: admin, ...json({ disabled: true }) }), params({ userId: admin.actor.id }));
    expect(self.status).toBe(409);
    expect((await userRoute.PATCH(request(`/api/admin/users/${admin.actor.id}`, { method: "PATCH", as: admin, ...json({ isAdmin: false }) }), params({ userId: admin.actor.id }))).status).toBe(409);

    const second = await testUser();
    expect((await userRoute.PATCH(request(`/api/admin/users/${second.actor.id}`, { method: "PATCH", as: admin, ...json({ isAdmin: true }) }), params({ userId: second.actor.id }))).status).toBe(200);
    const demoted = await userRoute.PATCH(request(`/api/admin/users/${admin.actor.id}`, { method: "PATCH", as: second, ...json({ isAdmin: false }) }), params({ userId: admin.actor.id }));
    expect(await demoted.json()).toMatchObject({ isAdmin: false });
    // The second administrator is now the only one: even the medthreat process itself cannot disable or demote them.
    await expect(accounts.updateAccountAsAdmin(SYSTEM, second.actor.id, { disabled: true })).rejects.toMatchObject({ status: 409, message: expect.stringContaining("last active administrator") });
    await expect(accounts.updateAccountAsAdmin(SYSTEM, second.actor.id, { isAdmin: false })).rejects.toMatchObject({ status: 409 });
    expect((await users.userById(database, second.actor.id))!).toMatchObject({ isAdmin: true, disabledAt: null });
    await accounts.updateAccountAsAdmin({ ...second.actor, isAdmin: true }, admin.actor.id, { isAdmin: true });
    expect((await auditFor(admin.actor.id)).map((e) => e.action)).toEqual(expect.arrayContaining(["user.revoke-admin", "user.grant-admin"]));
  });

  it("refuses everything to non-administrators (403) and changes nothing; 401 without credentials", async () => {
    const plain = await testUser();
    const target = await testUser();
    const count = await users.countUsers(database);
    expect((await usersRoute.GET(request("/api/admin/users", { as: plain }))).status).toBe(403);
    expect((await usersRoute.POST(request("/api/admin/users", { method: "POST", as: plain, ...json({ email: "x@example.test", name: "X", password: TEST_PASSWORD, isAdmin: true }) }))).status).toBe(403);
    expect((await userRoute.PATCH(request(`/api/admin/users/${target.actor.id}`, { method: "PATCH", as: plain, ...json({ disabled: true }) }), params({ userId: target.actor.id }))).status).toBe(403);
    expect((await userRoute.PATCH(request(`/api/admin/users/${plain.actor.id}`, { method: "PATCH", as: plain, ...json({ isAdmin: true }) }), params({ userId: plain.actor.id }))).status).toBe(403);
    expect((await usersRoute.GET(request("/api/admin/users"))).status).toBe(401);
    expect((await usersRoute.POST(request("/api/admin/users", { method: "POST", ...json({}) }))).status).toBe(401);
    expect((await userRoute.PATCH(request(`/api/admin/users/${target.actor.id}`, { method: "PATCH", ...json({ disabled: true }) }), params({ userId: target.actor.id }))).status).toBe(401);

    await browse(plain);
    expect(await adminActions.createAccountAction({ email: "y@example.test", name: "Y", password: TEST_PASSWORD, isAdmin: true })).toMatchObject({ ok: false, kind: "forbidden" });
    expect(await adminActions.updateAccountAction(target.actor.id, { disabled: true })).toMatchObject({ ok: false, kind: "forbidden" });
    expect(await adminActions.updateAccountAction(plain.actor.id, { isAdmin: true })).toMatchObject({ ok: false, kind: "forbidden" });

    expect(await users.countUsers(database)).toBe(count);
    expect(await users.userById(database, target.actor.id)).toMatchObject({ disabledAt: null, isAdmin: false });
    expect(await users.userById(database, plain.actor.id)).toMatchObject({ isAdmin: false });
  });

  it("lets an administrator create and disable accounts with the page's actions", async () => {
    await browse(await adminUser());
    const created = await adminActions.createAccountAction({ email: "sam@example.test", name: "Sam", password: TEST_PASSWORD, isAdmin: false });
    if (!created.ok) throw new Error(created.message);
    expect(await adminActions.createAccountAction({ email: "sam@example.test", name: "Sam", password: TEST_PASSWORD, isAdmin: false })).toMatchObject({ ok: false, kind: "invalid" });
    expect(await adminActions.updateAccountAction(created.value.id, { disabled: true })).toMatchObject({ ok: true, value: { disabled: true } });
  });
});

describe("project members", () => {
  let admin: TestUser, owner: TestUser, editor: TestUser, reviewer: TestUser, viewer: TestUser, outsider: TestUser, newcomer: TestUser;
  let id: string;
  beforeAll(async () => {
    admin = await adminUser();
    const imported = await projects.importProject(admin.actor, exampleText(), "pump.yaml");
    if (!imported.ok) throw new Error("import failed");
    id = imported.value.id;
    [owner, editor, reviewer, viewer] = [await member(id, "owner"), await member(id, "editor"), await member(id, "reviewer"), await member(id, "viewer")];
    outsider = await testUser();
    newcomer = await testUser("newcomer");
  });
  const roster = async () => JSON.stringify(await users.membersOf(database, id));
  const put = (as: TestUser | undefined, userId: string, role: string) =>
    memberRoute.PUT(request(`/api/projects/${id}/members/${userId}`, { method: "PUT", as, ...json({ role }) }), params({ id, userId }));
  const del = (as: TestUser | undefined, userId: string) => memberRoute.DELETE(request(`/api/projects/${id}/members/${userId}`, { method: "DELETE", as }), params({ id, userId }));
  const post = (as: TestUser | undefined, body: unknown, projectId = id) =>
    membersRoute.POST(request(`/api/projects/${projectId}/members`, { method: "POST", as, ...json(body) }), params({ id: projectId }));

  it("lists the members with their roles to anyone who may read the project", async () => {
    const res = await membersRoute.GET(request(`/api/projects/${id}/members`, { as: viewer }), params({ id }));
    expect(res.status).toBe(200);
    const { members } = await res.json();
    expect(members).toEqual(expect.arrayContaining([expect.objectContaining({ userId: editor.actor.id, role: "editor", email: editor.actor.email })]));
    expect((await membersRoute.GET(request(`/api/projects/${id}/members`, { as: outsider }), params({ id }))).status).toBe(403);
    expect((await membersRoute.GET(request(`/api/projects/${id}/members`), params({ id }))).status).toBe(401);
    expect((await membersRoute.GET(request("/api/projects/nope/members", { as: admin }), params({ id: "nope" }))).status).toBe(404);
  });

  it("lets an owner add a member by e-mail, change the role and remove them, each audited", async () => {
    const added = await post(owner, { email: newcomer.actor.email.toUpperCase(), role: "viewer" });
    expect(added.status).toBe(201);
    expect(await added.json()).toMatchObject({ userId: newcomer.actor.id, role: "viewer" });
    expect((await post(owner, { email: newcomer.actor.email, role: "editor" })).status).toBe(409);
    expect((await post(owner, { email: "nobody@example.test", role: "viewer" })).status).toBe(422);
    expect((await post(owner, { email: newcomer.actor.email, role: "boss" })).status).toBe(422);
    expect((await put(owner, newcomer.actor.id, "boss")).status).toBe(422);
    const changed = await put(owner, newcomer.actor.id, "editor");
    expect(await changed.json()).toMatchObject({ role: "editor" });
    expect(await users.roleOf(database, id, newcomer.actor.id)).toBe("editor");
    expect((await del(owner, newcomer.actor.id)).status).toBe(204);
    expect(await users.roleOf(database, id, newcomer.actor.id)).toBeUndefined();
    expect((await del(owner, newcomer.actor.id)).status).toBe(404);
    const entries = (await auditFor(newcomer.actor.id)).filter((e) => e.projectId === id);
    expect(entries.map((e) => [e.action, e.before, e.after])).toEqual([
      ["member.set", "null", '"viewer"'],
      ["member.set", '"viewer"', '"editor"'],
      ["member.remove", '"editor"', "null"],
    ]);
    expect(entries.every((e) => e.actorId === owner.actor.id)).toBe(true);
  });

  it("refuses every change to editors, reviewers, viewers and outsiders (403) and changes nothing; 401 without credentials", async () => {
    const before = await roster();
    for (const user of [editor, reviewer, viewer, outsider]) {
      expect((await post(user, { email: newcomer.actor.email, role: "owner" })).status).toBe(403);
      expect((await put(user, viewer.actor.id, "owner")).status).toBe(403);
      expect((await put(user, user.actor.id, "owner")).status).toBe(403);
      expect((await del(user, editor.actor.id)).status).toBe(403);
      await browse(user);
      expect(await memberActions.addMemberAction(id, { email: newcomer.actor.email, role: "owner" })).toMatchObject({ ok: false, kind: "forbidden" });
      expect(await memberActions.changeRoleAction(id, user.actor.id, "owner")).toMatchObject({ ok: false, kind: "forbidden" });
      expect(await memberActions.removeMemberAction(id, editor.actor.id)).toMatchObject({ ok: false, kind: "forbidden" });
    }
    expect((await post(undefined, { email: newcomer.actor.email, role: "owner" })).status).toBe(401);
    expect((await put(undefined, viewer.actor.id, "owner")).status).toBe(401);
    expect((await del(undefined, viewer.actor.id)).status).toBe(401);
    await browse(undefined);
    expect(await memberActions.addMemberAction(id, { email: newcomer.actor.email, role: "owner" })).toMatchObject({ ok: false, kind: "unauthenticated" });
    expect(await roster()).toBe(before);
  });

  it("lets an owner manage members with the page's actions", async () => {
    await browse(owner);
    expect(await memberActions.addMemberAction(id, { email: newcomer.actor.email, role: "reviewer" })).toMatchObject({ ok: true });
    expect(await memberActions.changeRoleAction(id, newcomer.actor.id, "viewer")).toMatchObject({ ok: true, value: { role: "viewer" } });
    expect(await memberActions.removeMemberAction(id, newcomer.actor.id)).toMatchObject({ ok: true });
    expect(await users.roleOf(database, id, newcomer.actor.id)).toBeUndefined();
  });

  it("keeps the last owner: neither demoted nor removed, with a clear message", async () => {
    const solo = await testUser("solo");
    const created = await projects.createProjectFromDetails(solo.actor, { name: "Solo project", device: { name: "Meter" } });
    if (!created.ok) throw new Error("not created");
    const pid = created.value.id;
    const putSolo = (as: TestUser, userId: string, role: string) => memberRoute.PUT(request(`/api/projects/${pid}/members/${userId}`, { method: "PUT", as, ...json({ role }) }), params({ id: pid, userId }));
    const demote = await putSolo(solo, solo.actor.id, "editor");
    expect(demote.status).toBe(409);
    expect((await demote.json()).detail).toContain("last owner");
    const remove = await memberRoute.DELETE(request(`/api/projects/${pid}/members/${solo.actor.id}`, { method: "DELETE", as: solo }), params({ id: pid, userId: solo.actor.id }));
    expect(remove.status).toBe(409);
    expect(await users.roleOf(database, pid, solo.actor.id)).toBe("owner");
    expect((await auditFor(solo.actor.id)).filter((e) => e.projectId === pid && e.action.startsWith("member."))).toEqual([]);

    expect((await post(solo, { email: newcomer.actor.email, role: "owner" }, pid)).status).toBe(201);
    expect(await (await putSolo(solo, solo.actor.id, "viewer")).json()).toMatchObject({ role: "viewer" });
    expect(await users.ownerCount(database, pid)).toBe(1);
  });
});
