import { readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useTempDatabaseUrl } from "../helpers/temp-db";
import { adminUser, TEST_PASSWORD, type TestUser } from "../helpers/auth";
import { projectWithRoles } from "../helpers/fixture";
import { refusal } from "../helpers/refusal";

const { dir } = useTempDatabaseUrl();
const projects = await import("@/app/_server/projects");
const assessment = await import("@/app/_server/assessment");
const auth = await import("@/app/_server/auth");
const { auditLogPage } = await import("@/app/_server/audit");
const auditRoute = await import("@/app/api/projects/[id]/audit/route");
const { getDb } = await import("@/db/client");
const { setMember } = await import("@/db/users");
const admin = await adminUser();

afterAll(() => rmSync(dir, { recursive: true, force: true }));

let id: string;
let viewer: TestUser;
let outsider: TestUser;
let formulaUser: TestUser["actor"];
const FORMULA_NAME = '=HYPERLINK("http://evil.example","click")';

beforeAll(async () => {
  ({ projectId: id, users: { viewer, outsider } } = await projectWithRoles());
  formulaUser = await auth.createAccount({ email: "formula@example.test", name: FORMULA_NAME, password: TEST_PASSWORD }, admin.actor);
  await setMember(await getDb(), id, formulaUser.id, "editor", admin.actor, undefined);
  const hazard = { id: "hz-audit", title: "Over-infusion", harm: "Hypoglycaemia", severity: "critical" };
  expect((await assessment.saveHazard(formulaUser, id, hazard, 0)).ok).toBe(true);
  expect((await assessment.saveHazard(admin.actor, id, { ...hazard, title: "Over-infusion of insulin" }, 1)).ok).toBe(true);
  const stored = (await projects.loadProject(admin.actor, id))!;
  const model = { ...stored.model, project: { ...stored.model.project, intendedPurpose: "Edited for the audit test." } };
  expect((await projects.replaceModel(admin.actor, id, stored.revision, JSON.stringify(model), "edit intended purpose")).ok).toBe(true);
});

const exportAs = (user: TestUser | null, query: string) =>
  auditRoute.GET(new Request(`http://localhost/api/projects/${id}/audit?${query}`, { headers: user?.headers ?? {} }), { params: Promise.resolve({ id }) });

describe("audit log", () => {
  it("records changes with who, when, before and after", async () => {
    const { entries } = (await (await exportAs(viewer, "format=json")).json()) as { entries: { action: string; entityId: string; actorName: string; before: unknown; after: unknown; at: string }[] };
    const create = entries.find((e) => e.action === "hazard.create" && e.entityId === "hz-audit")!;
    expect(create).toMatchObject({ actorName: FORMULA_NAME, before: null, after: { title: "Over-infusion" } });
    const update = entries.find((e) => e.action === "hazard.update" && e.entityId === "hz-audit")!;
    expect(update).toMatchObject({ actorName: admin.actor.name, before: { title: "Over-infusion" }, after: { title: "Over-infusion of insulin" } });
    const save = entries.findLast((e) => e.action === "model.save")!;
    expect(save).toMatchObject({ before: { revision: 1 }, after: { revision: 2 } });
    expect(new Date(save.at).getTime()).toBeGreaterThan(Date.now() - 120_000);
    expect(entries.map((e) => e.action)).toContain("project.create");
  });

  it("cannot be changed or deleted, even with direct SQL", async () => {
    const db = await getDb();
    const count = async () => (await db.all<{ n: number }>(sql`SELECT count(*) AS n FROM audit_log WHERE project_id = ${id}`))[0].n;
    const before = await count();
    expect(await refusal(db.run(sql`UPDATE audit_log SET summary = 'rewritten' WHERE project_id = ${id}`))).toMatch(/append-only/);
    expect(await refusal(db.run(sql`DELETE FROM audit_log WHERE project_id = ${id}`))).toMatch(/append-only/);
    expect(await count()).toBe(before);
    expect((await db.all<{ n: number }>(sql`SELECT count(*) AS n FROM audit_log WHERE summary = 'rewritten'`))[0].n).toBe(0);
  });

  it("has no route that changes or deletes entries", () => {
    expect(Object.keys(auditRoute).filter((k) => /^(POST|PUT|PATCH|DELETE)$/.test(k))).toEqual([]);
    const files = readdirSync("app", { recursive: true, encoding: "utf8" }).filter((f) => /\.(ts|tsx)$/.test(f));
    for (const file of files) {
      const text = readFileSync(path.join("app", file), "utf8");
      expect(text, file).not.toMatch(/(UPDATE|DELETE FROM)\s+audit_log|\.(update|delete)\(auditLog\)/i);
    }
  });

  it("exports CSV with formula cells defused", async () => {
    const res = await exportAs(viewer, "format=csv");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/csv");
    expect(res.headers.get("content-disposition")).toContain("attachment");
    const csv = await res.text();
    const json = (await (await exportAs(viewer, "format=json")).json()).entries;
    expect(csv.startsWith("id,at,actor id,actor,action,entity type,entity id,summary,before,after\r\n")).toBe(true);
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
    expect(csv).not.toMatch(/(^|,)"?=HYPERLINK/m);
    expect(csv.match(/,hazard\.create,/g)).toHaveLength(json.filter((e: { action: string }) => e.action === "hazard.create").length);
  });

  it("filters the export by action and entity type", async () => {
    const hazards = (await (await exportAs(viewer, "format=json&entityType=hazard")).json()).entries as { entityType: string }[];
    expect(hazards.length).toBeGreaterThanOrEqual(2);
    expect(hazards.every((e) => e.entityType === "hazard")).toBe(true);
    const updates = (await (await exportAs(viewer, "format=json&action=hazard.update")).json()).entries as { action: string; id: number }[];
    expect(updates.map((e) => e.action)).toEqual(["hazard.update"]);
    const all = (await (await exportAs(viewer, "format=json")).json()).entries as { id: number }[];
    expect(all.map((e) => e.id)).toEqual([...all.map((e) => e.id)].sort((a, b) => a - b));
    expect((await exportAs(viewer, "format=xml")).status).toBe(400);
  });

  it("pages latest first", async () => {
    const first = await auditLogPage(viewer.actor, id, {}, undefined, 2);
    expect(first.entries).toHaveLength(2);
    expect(first.more).toBe(true);
    expect(first.entries[0].id).toBeGreaterThan(first.entries[1].id);
    expect(first.entries[0].action).toBe("model.save");
    const second = await auditLogPage(viewer.actor, id, {}, first.entries[1].id, 2);
    expect(second.entries[0].id).toBeLessThan(first.entries[1].id);
    expect(first.facets.actions).toEqual(expect.arrayContaining(["hazard.create", "hazard.update", "model.save"]));
    expect(first.facets.entityTypes).toContain("hazard");
    const filtered = await auditLogPage(viewer.actor, id, { action: "hazard.create" });
    expect(filtered).toMatchObject({ more: false, entries: [expect.objectContaining({ entityId: "hz-audit" })] });
  });

  it("is readable by a viewer, refused to a non-member (403) and to an anonymous caller (401)", async () => {
    expect((await exportAs(viewer, "format=json")).status).toBe(200);
    expect((await exportAs(outsider, "format=json")).status).toBe(403);
    expect((await exportAs(outsider, "format=csv")).status).toBe(403);
    expect((await exportAs(null, "format=csv")).status).toBe(401);
    await expect(auditLogPage(outsider.actor, id, {})).rejects.toMatchObject({ status: 403 });
  });
});
