import { rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { useTempDatabaseUrl } from "../helpers/temp-db";
import { adminUser, member, type TestUser } from "../helpers/auth";
import { projectWithRoles, type RoleFixture } from "../helpers/fixture";
import { as } from "../helpers/session";

/** Server actions read the session cookie through next/headers: `as(user, run)` signs each call in as that user. */
vi.mock("next/headers", () => import("../helpers/session"));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const { dir } = useTempDatabaseUrl();
const { projectAssessment } = await import("@/app/_server/assessment");
const { addCommentAction, setCommentResolvedAction } = await import("@/app/actions/comments");
const listRoute = await import("@/app/api/projects/[id]/comments/route");
const oneRoute = await import("@/app/api/projects/[id]/comments/[commentId]/route");
const { getDb } = await import("@/db/client");
const { auditOf } = await import("@/db/audit");
const { commentsOf } = await import("@/db/comments");
const admin = await adminUser();

afterAll(() => rmSync(dir, { recursive: true, force: true }));

let id: string;
let threatId: string;
let controlId: string;
let users: RoleFixture["users"] & { editor2: TestUser };

beforeAll(async () => {
  const fixture = await projectWithRoles();
  id = fixture.projectId;
  const data = (await projectAssessment(admin.actor, id))!;
  threatId = data.analysis.threats[0].id;
  controlId = data.assessment.controls[0].id;
  users = { ...fixture.users, editor2: await member(id, "editor") };
});

const base = () => `http://localhost/api/projects/${id}/comments`;
const ctx = () => ({ params: Promise.resolve({ id }) });
const one = (commentId: string) => ({ params: Promise.resolve({ id, commentId }) });
const post = (user: TestUser | null, body: unknown) =>
  listRoute.POST(new Request(base(), { method: "POST", headers: { "content-type": "application/json", ...(user?.headers ?? {}) }, body: JSON.stringify(body) }), ctx());
const patch = (user: TestUser | null, commentId: string, body: unknown, version?: number) =>
  oneRoute.PATCH(
    new Request(`${base()}/${commentId}`, {
      method: "PATCH",
      headers: { "content-type": "application/json", ...(version === undefined ? {} : { "if-match": `"${version}"` }), ...(user?.headers ?? {}) },
      body: JSON.stringify(body),
    }),
    one(commentId),
  );

/** Comments and audit entries: what must stay unchanged when a change is refused. */
async function state() {
  const db = await getDb();
  return { comments: await commentsOf(db, id), audit: (await auditOf(db, id)).length };
}

describe("comments API", () => {
  let commentId: string;

  it("lets an editor comment on a threat, with an audit entry", async () => {
    const before = await state();
    const res = await post(users.editor, { targetType: "threat", targetId: threatId, body: "  Is the replay window really 30 s?  " });
    expect(res.status).toBe(201);
    const comment = await res.json();
    commentId = comment.id;
    expect(comment).toMatchObject({ targetType: "threat", targetId: threatId, body: "Is the replay window really 30 s?", authorName: users.editor.actor.name, resolvedAt: null, version: 1, canResolve: true });
    expect(res.headers.get("etag")).toBe('"1"');
    const after = await state();
    expect(after.comments).toHaveLength(before.comments.length + 1);
    expect(after.audit).toBe(before.audit + 1);
    const [entry] = (await auditOf(await getDb(), id)).slice(-1);
    expect(entry).toMatchObject({ action: "comment.add", entityType: "comment", entityId: commentId, actorId: users.editor.actor.id });
    expect(JSON.parse(entry.after!)).toMatchObject({ body: "Is the replay window really 30 s?", targetId: threatId });
  });

  it("lists comments of one target, and lets a viewer read them", async () => {
    const res = await listRoute.GET(new Request(`${base()}?targetType=threat&targetId=${encodeURIComponent(threatId)}`, { headers: users.viewer.headers }), ctx());
    expect(res.status).toBe(200);
    const { comments } = await res.json();
    expect(comments.map((c: { id: string }) => c.id)).toEqual([commentId]);
    expect(comments[0].canResolve).toBe(false);
    const other = await (await listRoute.GET(new Request(`${base()}?targetType=control&targetId=${controlId}`, { headers: users.viewer.headers }), ctx())).json();
    expect(other.comments).toEqual([]);
    expect((await listRoute.GET(new Request(`${base()}?targetType=nonsense`, { headers: users.viewer.headers }), ctx())).status).toBe(400);
  });

  it("refuses a non-member (403) and an unauthenticated reader (401)", async () => {
    expect((await listRoute.GET(new Request(base(), { headers: users.outsider.headers }), ctx())).status).toBe(403);
    expect((await listRoute.GET(new Request(base()), ctx())).status).toBe(401);
  });

  it.each(["viewer", "outsider"] as const)("refuses a comment by a %s with 403 and changes nothing", async (role) => {
    const before = await state();
    const res = await post(users[role], { targetType: "control", targetId: controlId, body: "Not allowed" });
    expect(res.status).toBe(403);
    expect(await state()).toEqual(before);
  });

  it("refuses an unauthenticated comment with 401", async () => {
    const before = await state();
    expect((await post(null, { targetType: "control", targetId: controlId, body: "Who am I?" })).status).toBe(401);
    expect(await state()).toEqual(before);
  });

  it("refuses an empty or too long body and an unknown target with 422", async () => {
    const before = await state();
    for (const body of [
      { targetType: "control", targetId: controlId, body: "   " },
      { targetType: "control", targetId: controlId, body: "x".repeat(5001) },
      { targetType: "control", targetId: "no-such-control", body: "Hello" },
      { targetType: "requirement", targetId: "MDR-99.9", body: "Hello" },
      { targetType: "diagram", targetId: "main", body: "Hello" },
    ]) {
      const res = await post(users.editor, body);
      expect(res.status, JSON.stringify(body).slice(0, 80)).toBe(422);
      expect(res.headers.get("content-type")).toContain("application/problem+json");
    }
    expect(await state()).toEqual(before);
  });

  it("lets a reviewer comment on a control and on a requirement", async () => {
    expect((await post(users.reviewer, { targetType: "control", targetId: controlId, body: "Evidence is a draft report." })).status).toBe(201);
    expect((await post(users.reviewer, { targetType: "requirement", targetId: "MDR-17.2", body: "Where is the SBOM?" })).status).toBe(201);
  });

  it("lets the author resolve their own comment; a stale version is refused with 409", async () => {
    const res = await patch(users.editor, commentId, { resolved: true }, 1);
    expect(res.status).toBe(200);
    const resolved = await res.json();
    expect(resolved).toMatchObject({ version: 2, resolvedBy: users.editor.actor.name });
    expect(resolved.resolvedAt).not.toBeNull();
    const [entry] = (await auditOf(await getDb(), id)).slice(-1);
    expect(entry).toMatchObject({ action: "comment.resolve", entityId: commentId });
    expect(JSON.parse(entry.before!)).toMatchObject({ resolvedAt: null });
    expect(JSON.parse(entry.after!).resolvedAt).not.toBeNull();
    const before = await state();
    const stale = await patch(users.editor, commentId, { resolved: false }, 1);
    expect(stale.status).toBe(409);
    expect((await stale.json()).currentVersion).toBe(2);
    expect(await state()).toEqual(before);
  });

  it("needs If-Match and a boolean", async () => {
    expect((await patch(users.editor, commentId, { resolved: false })).status).toBe(428);
    expect((await patch(users.editor, commentId, { resolved: "no" }, 2)).status).toBe(422);
    expect((await patch(users.editor, "no-such-comment", { resolved: false }, 2)).status).toBe(404);
  });

  it.each(["editor2", "viewer", "outsider"] as const)("refuses reopening someone else's comment by a %s with 403 and changes nothing", async (role) => {
    const before = await state();
    expect((await patch(users[role], commentId, { resolved: false }, 2)).status).toBe(403);
    expect(await state()).toEqual(before);
  });

  it("refuses an unauthenticated resolve with 401", async () => {
    const before = await state();
    expect((await patch(null, commentId, { resolved: false }, 2)).status).toBe(401);
    expect(await state()).toEqual(before);
  });

  it("lets a reviewer reopen someone else's comment", async () => {
    const res = await patch(users.reviewer, commentId, { resolved: false }, 2);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ version: 3, resolvedAt: null, resolvedBy: null });
    const [entry] = (await auditOf(await getDb(), id)).slice(-1);
    expect(entry).toMatchObject({ action: "comment.reopen", actorId: users.reviewer.actor.id });
  });
});

describe("comment server actions", () => {
  it("adds and resolves for an editor", async () => {
    const added = await as(users.editor, () => addCommentAction(id, { targetType: "control", targetId: controlId, body: "Please attach the pen-test report." }));
    if (!added.ok) throw new Error(added.message);
    const resolved = await as(users.editor, () => setCommentResolvedAction(id, added.value.id, true, 1));
    expect(resolved).toMatchObject({ ok: true, version: 2 });
  });

  it("refuses a viewer and a non-member (forbidden) and an anonymous caller, changing nothing", async () => {
    const before = await state();
    for (const user of [users.viewer, users.outsider])
      expect(await as(user, () => addCommentAction(id, { targetType: "control", targetId: controlId, body: "Hi" }))).toMatchObject({ ok: false, kind: "forbidden" });
    expect(await as(null, () => addCommentAction(id, { targetType: "control", targetId: controlId, body: "Hi" }))).toMatchObject({ ok: false, kind: "unauthenticated" });
    const someone = before.comments.find((c) => c.authorId !== users.editor2.actor.id)!;
    expect(await as(users.editor2, () => setCommentResolvedAction(id, someone.id, !someone.resolvedAt, someone.version))).toMatchObject({ ok: false, kind: "forbidden" });
    expect(await as(users.viewer, () => setCommentResolvedAction(id, someone.id, !someone.resolvedAt, someone.version))).toMatchObject({ ok: false, kind: "forbidden" });
    expect(await state()).toEqual(before);
  });

  it("keeps the comments where the coverage review finds them", async () => {
    const rows = await commentsOf(await getDb(), id);
    expect(rows.every((r) => r.projectId === id)).toBe(true);
    expect(rows.filter((r) => r.resolvedAt === null).map((r) => r.targetType).sort()).toEqual(["control", "requirement", "threat"]);
  });
});
