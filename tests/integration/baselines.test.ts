import { createHash } from "node:crypto";
const contentHash = (text: string) => createHash("sha256").update(text).digest("hex");
import { rmSync } from "node:fs";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { useTempDatabaseUrl } from "../helpers/temp-db";
import { adminUser, type TestUser } from "../helpers/auth";
import { projectWithRoles, type RoleFixture } from "../helpers/fixture";
import { as } from "../helpers/session";
import { refusal } from "../helpers/refusal";
import type { Model } from "@/lib/model/schema";

vi.mock("next/headers", () => import("../helpers/session"));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const { dir } = useTempDatabaseUrl();
const projects = await import("@/app/_server/projects");
const threats = await import("@/app/_server/threats");
const { createBaselineAction, signOffBaselineAction } = await import("@/app/actions/baselines");
const listRoute = await import("@/app/api/projects/[id]/baselines/route");
const oneRoute = await import("@/app/api/projects/[id]/baselines/[baselineId]/route");
const signOffRoute = await import("@/app/api/projects/[id]/baselines/[baselineId]/sign-offs/route");
const diffRoute = await import("@/app/api/projects/[id]/diff/route");
const { getDb } = await import("@/db/client");
const { auditOf } = await import("@/db/audit");
const admin = await adminUser();

afterAll(() => rmSync(dir, { recursive: true, force: true }));

let id: string;
let users: RoleFixture["users"];
const REPLAY = "therapy-command-replay@app-therapy-commands";

beforeAll(async () => {
  ({ projectId: id, users } = await projectWithRoles());
});

const api = () => `http://localhost/api/projects/${id}`;
const json = (user: TestUser | null, method: string, body?: unknown) => ({
  method,
  headers: { "content-type": "application/json", ...(user?.headers ?? {}) },
  ...(body === undefined ? {} : { body: JSON.stringify(body) }),
});
const create = (user: TestUser | null, body: unknown) => listRoute.POST(new Request(`${api()}/baselines`, json(user, "POST", body)), { params: Promise.resolve({ id }) });
const list = async (user: TestUser) => (await (await listRoute.GET(new Request(`${api()}/baselines`, json(user, "GET")), { params: Promise.resolve({ id }) })).json()).baselines;
const download = (user: TestUser | null, baselineId: string, format: string) =>
  oneRoute.GET(new Request(`${api()}/baselines/${baselineId}?format=${format}`, json(user, "GET")), { params: Promise.resolve({ id, baselineId }) });
const signOff = (user: TestUser | null, baselineId: string, statement = "Reviewed the threat model and the risk assessment; approved.") =>
  signOffRoute.POST(new Request(`${api()}/baselines/${baselineId}/sign-offs`, json(user, "POST", { statement })), { params: Promise.resolve({ id, baselineId }) });
const diff = (user: TestUser | null, from: string, to = "current", format = "json") =>
  diffRoute.GET(new Request(`${api()}/diff?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}&format=${format}`, json(user, "GET")), { params: Promise.resolve({ id }) });

/** Baselines, sign-offs and audit entries: what must stay unchanged when a change is refused. */
async function state() {
  const db = await getDb();
  const rows = (q: ReturnType<typeof sql>) => db.all(q);
  return {
    baselines: await rows(sql`SELECT * FROM baselines WHERE project_id = ${id} ORDER BY id`),
    signOffs: await rows(sql`SELECT s.* FROM sign_offs s JOIN baselines b ON b.id = s.baseline_id WHERE b.project_id = ${id} ORDER BY s.id`),
    audit: (await auditOf(db, id)).length,
  };
}

async function editModel(change: (m: Model) => void) {
  const stored = (await projects.loadProject(admin.actor, id))!;
  const next = structuredClone(stored.model);
  change(next);
  const outcome = await projects.replaceModel(admin.actor, id, stored.revision, JSON.stringify(next), "test edit");
  expect(outcome.ok).toBe(true);
}

describe("baselines", () => {
  let baseline: { id: string; contentHash: string; revision: number; name: string };
  let content: string;

  it("lets an editor take a baseline, whose hash is the SHA-256 of its content", async () => {
    const before = await state();
    const res = await create(users.editor, { name: "Design review 1" });
    expect(res.status).toBe(201);
    baseline = await res.json();
    expect(baseline).toMatchObject({ name: "Design review 1", revision: 1, signOffs: [] });
    const file = await download(users.viewer, baseline.id, "baseline");
    expect(file.status).toBe(200);
    content = await file.text();
    expect(createHash("sha256").update(content).digest("hex")).toBe(baseline.contentHash);
    expect(file.headers.get("x-content-sha256")).toBe(baseline.contentHash);
    const parsed = JSON.parse(content);
    expect(parsed).toMatchObject({ medthreatBaseline: 1, revision: 1, rules: { organisation: "", project: "" } });
    expect(parsed.project).toContain("assessment:");
    expect(parsed.threats.map((t: { id: string }) => t.id)).toContain(REPLAY);
    const after = await state();
    expect(after.baselines).toHaveLength(before.baselines.length + 1);
    expect(after.audit).toBe(before.audit + 1);
    const [entry] = (await auditOf(await getDb(), id)).slice(-1);
    expect(entry).toMatchObject({ action: "baseline.create", entityType: "baseline", entityId: baseline.id, actorId: users.editor.actor.id });
    expect(JSON.parse(entry.after!)).toMatchObject({ contentHash: baseline.contentHash });
  });

  it("shows the working copy unchanged right after the baseline", async () => {
    const [listed] = await list(users.viewer);
    expect(listed.id).toBe(baseline.id);
    expect(listed.workingCopy).toMatchObject({ changed: false, changes: 0, intact: true, text: "unchanged since baseline" });
    const res = await diff(users.viewer, `baseline:${baseline.id}`);
    expect((await res.json()).changes).toEqual([]);
  });

  it("gives the baseline's project file as YAML and JSON", async () => {
    const yaml = await download(users.viewer, baseline.id, "yaml");
    expect(yaml.headers.get("content-type")).toContain("yaml");
    expect(await yaml.text()).toBe(JSON.parse(content).project);
    const asJson = await (await download(users.viewer, baseline.id, "json")).json();
    expect(asJson.project.name).toBeTruthy();
    expect(asJson.assessment.controls.length).toBeGreaterThan(0);
    expect((await download(users.viewer, baseline.id, "pdf")).status).toBe(400);
    expect((await download(users.viewer, "nope", "yaml")).status).toBe(404);
  });

  it.each(["reviewer", "viewer", "outsider"] as const)("refuses a baseline by a %s with 403 and changes nothing", async (role) => {
    const before = await state();
    const res = await create(users[role], { name: `By ${role}` });
    expect(res.status).toBe(403);
    expect(await state()).toEqual(before);
  });

  it("refuses an unauthenticated baseline with 401, a taken or empty name with 422", async () => {
    const before = await state();
    expect((await create(null, { name: "Anonymous" })).status).toBe(401);
    expect((await create(users.editor, { name: "design review 1" })).status).toBe(422);
    expect((await create(users.editor, { name: "  " })).status).toBe(422);
    expect((await create(users.editor, { title: "wrong key" })).status).toBe(422);
    expect(await state()).toEqual(before);
  });

  it("lets a reviewer sign off, recording who, when, the hash and the statement", async () => {
    const before = await state();
    const res = await signOff(users.reviewer, baseline.id);
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ userId: users.reviewer.actor.id, userName: users.reviewer.actor.name, contentHash: baseline.contentHash });
    const after = await state();
    expect(after.signOffs).toHaveLength(before.signOffs.length + 1);
    expect(after.audit).toBe(before.audit + 1);
    const [listed] = await list(users.viewer);
    expect(listed.signOffs).toEqual([expect.objectContaining({ userName: users.reviewer.actor.name, contentHash: baseline.contentHash, statement: expect.stringContaining("approved") })]);
    expect(new Date(listed.signOffs[0].at).getTime()).toBeGreaterThan(Date.now() - 60_000);
    expect((await signOff(users.reviewer, baseline.id)).status).toBe(409);
    expect((await signOff(users.reviewer, "nope")).status).toBe(404);
  });

  it.each(["editor", "viewer", "outsider"] as const)("refuses a sign-off by a %s with 403 and changes nothing", async (role) => {
    const before = await state();
    expect((await signOff(users[role], baseline.id)).status).toBe(403);
    expect(await state()).toEqual(before);
  });

  it("refuses an unauthenticated sign-off (401) and a too short statement (422)", async () => {
    const before = await state();
    expect((await signOff(null, baseline.id)).status).toBe(401);
    expect((await signOff(admin, baseline.id, "ok")).status).toBe(422);
    expect(await state()).toEqual(before);
  });

  it("leaves the signed baseline unchanged after later edits and shows that the working copy moved on", async () => {
    await editModel((m) => {
      m.flows.find((f) => f.id === "app-therapy-commands")!.replayProtection = true;
      m.project.intendedPurpose += " Edited after the review.";
    });
    const data = (await threats.projectThreats(admin.actor, id))!;
    const open = data.analysis.threats.find((t) => data.records.get(t.id)?.status === "open")!;
    expect((await threats.decide(admin.actor, id, open.id, data.records.get(open.id)!.version, { status: "accepted", justification: "Accepted after review: the attack needs physical access." })).ok).toBe(true);

    const again = await download(users.viewer, baseline.id, "baseline");
    expect(await again.text()).toBe(content);
    const [listed] = await list(users.viewer);
    expect(listed.contentHash).toBe(baseline.contentHash);
    expect(listed.signOffs).toHaveLength(1);
    expect(listed.workingCopy.changed).toBe(true);
    expect(listed.workingCopy.changes).toBeGreaterThanOrEqual(4);
    expect(listed.workingCopy.text).toBe(`working copy has changed since this baseline (${listed.workingCopy.changes} changes)`);

    const changes: { area: string; kind: string; id: string }[] = (await (await diff(users.viewer, `baseline:${baseline.id}`)).json()).changes;
    expect(changes).toContainEqual(expect.objectContaining({ area: "flow", kind: "changed", id: "app-therapy-commands" }));
    expect(changes).toContainEqual(expect.objectContaining({ area: "project", kind: "changed" }));
    expect(changes).toContainEqual(expect.objectContaining({ area: "threat", kind: "removed", id: REPLAY }));
    expect(changes).toContainEqual(expect.objectContaining({ area: "decision", kind: "changed", id: open.id }));
    expect(changes).toHaveLength(listed.workingCopy.changes);
  });

  it("is refused by the database when anything tries to change it", async () => {
    const db = await getDb();
    expect(await refusal(db.run(sql`UPDATE baselines SET name = 'renamed' WHERE id = ${baseline.id}`))).toMatch(/baselines are immutable/);
    expect(await refusal(db.run(sql`UPDATE sign_offs SET statement = 'changed' WHERE baseline_id = ${baseline.id}`))).toMatch(/sign-offs are immutable/);
    expect((await list(users.viewer))[0].name).toBe("Design review 1");
  });

  it("refuses to sign off a baseline whose content no longer matches its hash", async () => {
    const db = await getDb();
    const forged = content.replace('"revision": 1', '"revision": 1 ');
    await db.run(sql`INSERT INTO baselines (id, project_id, name, revision, content, content_hash, created_by, created_at)
      VALUES ('forged', ${id}, 'Forged', 1, ${forged}, ${baseline.contentHash}, 'mallory', ${Date.now()})`);
    const before = await state();
    const res = await signOff(users.reviewer, "forged");
    expect(res.status).toBe(409);
    expect((await res.json()).detail).toContain("no longer matches its hash");
    expect(await state()).toEqual(before);
    const listed = (await list(users.viewer)).find((b: { id: string }) => b.id === "forged");
    expect(listed.workingCopy.intact).toBe(false);
    expect(listed.workingCopy.integrityProblems).toContain("the audit log has no record of its creation");
  });

  it("is refused by the database when anything tries to delete a baseline or a sign-off, change or delete a revision, or change the threat history", async () => {
    const db = await getDb();
    expect(await refusal(db.run(sql`DELETE FROM baselines WHERE id = ${baseline.id}`))).toMatch(/baselines are immutable/);
    expect(await refusal(db.run(sql`DELETE FROM sign_offs WHERE baseline_id = ${baseline.id}`))).toMatch(/sign-offs are immutable/);
    expect(await refusal(db.run(sql`UPDATE model_revisions SET model = '{}' WHERE project_id = ${id}`))).toMatch(/model revisions are immutable/);
    expect(await refusal(db.run(sql`DELETE FROM model_revisions WHERE project_id = ${id}`))).toMatch(/model revisions are immutable/);
    expect(await refusal(db.run(sql`UPDATE threat_events SET status = 'accepted' WHERE project_id = ${id}`))).toMatch(/threat history is append-only/);
    expect(await refusal(db.run(sql`DELETE FROM threat_events WHERE project_id = ${id}`))).toMatch(/threat history is append-only/);
  });

  it("reports a signed baseline that was deleted and written again with new content and a fresh hash, and refuses to sign it", async () => {
    const db = await getDb();
    const signed = (await list(users.viewer)).find((b: { id: string }) => b.id === baseline.id);
    expect(signed.signOffs.length).toBeGreaterThan(0);
    const replaced = content.replace('"revision": 1', '"revision": 1 ');
    // Someone with access to the database file works around the triggers:
    await db.run(sql`DROP TRIGGER baselines_no_delete`);
    await db.run(sql`DROP TRIGGER sign_offs_no_delete`);
    await db.run(sql`DELETE FROM baselines WHERE id = ${baseline.id}`);
    await db.run(sql`INSERT INTO baselines (id, project_id, name, revision, content, content_hash, created_by, created_at)
      VALUES (${baseline.id}, ${id}, ${baseline.name}, 1, ${replaced}, ${contentHash(replaced)}, 'mallory', ${Date.now()})`);
    await db.run(sql`CREATE TRIGGER baselines_no_delete BEFORE DELETE ON baselines BEGIN SELECT RAISE(ABORT, 'baselines are immutable'); END`);
    await db.run(sql`CREATE TRIGGER sign_offs_no_delete BEFORE DELETE ON sign_offs BEGIN SELECT RAISE(ABORT, 'sign-offs are immutable'); END`);
    const listed = (await list(users.viewer)).find((b: { id: string }) => b.id === baseline.id);
    expect(listed.workingCopy.intact).toBe(false);
    expect(listed.workingCopy.integrityProblems).toContain(`its hash ${contentHash(replaced)} is not the ${baseline.contentHash} the audit log recorded when it was created`);
    const res = await signOff(users.owner, baseline.id);
    expect(res.status).toBe(409);
    expect((await res.json()).detail).toMatch(/was changed outside medthreat: its hash/);
  });
});

describe("semantic diff API", () => {
  it("compares revisions with the working copy and says that a revision has no assessment of its own", async () => {
    const res = await diff(users.viewer, "revision:1");
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.from).toMatchObject({ ref: "revision:1", revision: 1, note: expect.stringContaining("assessment") });
    expect(body.to).toMatchObject({ ref: "current", revision: 2 });
    expect(body.changes.some((c: { area: string }) => c.area === "flow")).toBe(true);
    expect(body.changes.some((c: { area: string }) => c.area === "decision")).toBe(false);
    const md = await diff(users.viewer, "revision:1", "revision:2", "md");
    expect(await md.text()).toContain("## Flows");
  });

  it("refuses an unknown version (400), a missing one (404), a non-member (403) and an anonymous caller (401)", async () => {
    expect((await diff(users.viewer, "yesterday")).status).toBe(400);
    expect((await diff(users.viewer, "revision:99")).status).toBe(404);
    expect((await diff(users.viewer, "baseline:nope")).status).toBe(404);
    expect((await diff(users.outsider, "revision:1")).status).toBe(403);
    expect((await diff(null, "revision:1")).status).toBe(401);
  });
});

describe("baseline server actions", () => {
  it("create for an editor and sign off for a reviewer", async () => {
    const created = await as(users.editor, () => createBaselineAction(id, "After edits"));
    if (!created.ok) throw new Error(created.message);
    expect(created.value.revision).toBe(2);
    expect(await as(users.reviewer, () => signOffBaselineAction(id, created.value.id, "Approved for the submission."))).toMatchObject({ ok: true });
    const [listed] = await list(users.viewer);
    expect(listed).toMatchObject({ name: "After edits", workingCopy: { changed: false } });
  });

  it("are refused for the wrong roles and anonymous callers, changing nothing", async () => {
    const before = await state();
    const target = (before.baselines[0] as { id: string }).id;
    for (const user of [users.reviewer, users.viewer, users.outsider]) expect(await as(user, () => createBaselineAction(id, `By ${user.actor.name}`))).toMatchObject({ ok: false, kind: "forbidden" });
    for (const user of [users.editor, users.viewer, users.outsider]) expect(await as(user, () => signOffBaselineAction(id, target, "Approved for the submission."))).toMatchObject({ ok: false, kind: "forbidden" });
    expect(await as(null, () => createBaselineAction(id, "Anonymous"))).toMatchObject({ ok: false, kind: "unauthenticated" });
    expect(await as(null, () => signOffBaselineAction(id, target, "Approved for the submission."))).toMatchObject({ ok: false, kind: "unauthenticated" });
    expect(await state()).toEqual(before);
  });
});
