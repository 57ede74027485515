import { afterEach, beforeEach, describe, expect, it } from "vitest";
import * as store from "@/db/projects";
import { tempDb } from "../helpers/temp-db";
import { exampleModel } from "../helpers/models";

let t: Awaited<ReturnType<typeof tempDb>>;
beforeEach(async () => {
  t = await tempDb();
});
afterEach(() => t.close());

const info = { author: "alice", summary: "test" };

describe("project store", () => {
  it("creates a project with revision 1 and reads the model back unchanged", async () => {
    const model = exampleModel();
    const project = await store.createProject(t.db, model, info);
    expect(project.currentRevision).toBe(1);
    const stored = await store.getModel(t.db, project.id);
    expect(stored?.revision).toBe(1);
    expect(stored?.model).toEqual(model);
    expect(stored?.savedBy).toBe("alice");
  });

  it("keeps every revision and serves old ones", async () => {
    const model = exampleModel();
    const { id } = await store.createProject(t.db, model, info);
    const renamed = { ...model, project: { ...model.project, name: "Renamed" } };
    expect(await store.saveModel(t.db, id, 1, renamed, { author: "bob", summary: "rename" })).toEqual({ ok: true, revision: 2 });
    expect((await store.getModel(t.db, id))?.model.project.name).toBe("Renamed");
    expect((await store.getModel(t.db, id, 1))?.model.project.name).toBe(model.project.name);
    expect((await store.getProjectSummary(t.db, id))?.name).toBe("Renamed");
    const revisions = await store.listRevisions(t.db, id);
    expect(revisions.map((r) => [r.revision, r.author, r.summary])).toEqual([
      [2, "bob", "rename"],
      [1, "alice", "test"],
    ]);
  });

  it("refuses a save based on a stale revision, says who saved what, and writes nothing", async () => {
    const model = exampleModel();
    const { id } = await store.createProject(t.db, model, info);
    const a = { ...model, project: { ...model.project, name: "A" } };
    const b = { ...model, project: { ...model.project, name: "B" } };
    expect((await store.saveModel(t.db, id, 1, a, { author: "alice", summary: "a" })).ok).toBe(true);
    const conflict = await store.saveModel(t.db, id, 1, b, { author: "bob", summary: "b" });
    expect(conflict).toMatchObject({ ok: false, reason: "conflict", currentRevision: 2, savedBy: "alice" });
    expect((await store.getModel(t.db, id))?.model.project.name).toBe("A");
    expect(await store.listRevisions(t.db, id)).toHaveLength(2);
  });

  it("lets exactly one of two concurrent saves on the same base win", async () => {
    const model = exampleModel();
    const { id } = await store.createProject(t.db, model, info);
    const results = await Promise.all(
      ["x", "y", "z"].map((n) => store.saveModel(t.db, id, 1, { ...model, project: { ...model.project, name: n } }, { author: n, summary: n })),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.reason === "conflict")).toHaveLength(2);
    expect(await store.listRevisions(t.db, id)).toHaveLength(2);
  });

  it("moves deleted projects to the trash and restores them with their history", async () => {
    const { id } = await store.createProject(t.db, exampleModel(), info);
    expect(await store.deleteProject(t.db, id)).toBe(true);
    expect((await store.listProjects(t.db)).map((p) => p.id)).not.toContain(id);
    expect((await store.listProjects(t.db, { deleted: true })).map((p) => p.id)).toContain(id);
    expect((await store.saveModel(t.db, id, 1, exampleModel(), info)).ok).toBe(false);
    expect(await store.deleteProject(t.db, id)).toBe(false);
    expect(await store.restoreProject(t.db, id)).toBe(true);
    expect((await store.listProjects(t.db)).map((p) => p.id)).toContain(id);
    expect(await store.listRevisions(t.db, id)).toHaveLength(1);
  });

  it("answers not-found for unknown projects", async () => {
    expect(await store.getModel(t.db, "nope")).toBeUndefined();
    expect(await store.saveModel(t.db, "nope", 1, exampleModel(), info)).toEqual({ ok: false, reason: "not-found" });
  });

});
