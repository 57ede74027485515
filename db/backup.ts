import { randomBytes } from "node:crypto";
import { closeSync, copyFileSync, constants as fsConstants, existsSync, fsyncSync, linkSync, mkdirSync, mkdtempSync, openSync, readFileSync, readSync, renameSync, rmSync, statSync, unlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createClient, type Client, type InStatement, type ResultSet, type Transaction, type Value } from "@libsql/client";
import { drizzle } from "drizzle-orm/libsql";
import { DEFAULT_DATABASE_URL, migrateDb, type DbConfig } from "./client";
import * as schema from "./schema";

/**
 * Backup and restore of the whole database, for an embedded file database and for a libSQL server.
 *
 * Nothing here knows the app's tables: they are read from sqlite_master, so tables added by later
 * migrations are copied too. A backup is a plain SQLite file (rollback journal, no -wal/-shm side files)
 * that includes drizzle's `__drizzle_migrations`, so a restore knows the backup's schema version.
 *
 * - File database: `VACUUM INTO`, which SQLite runs inside one read transaction, so the copy is a
 *   consistent snapshot even while the app reads and writes (WAL mode).
 * - libSQL server: every table is read inside one read transaction (one snapshot) and written into a
 *   new local SQLite file with the same schema (the `sql` of sqlite_master).
 * - Restore into a file: the backup is copied next to the target, checked, migrated, and renamed over
 *   the target. The app must be stopped; a target that another connection holds open is refused.
 * - Restore into a server: the contents of the backup's tables are replaced inside one write transaction.
 */

/** Where a database is: a config like openDb's (url and auth token, defaulting to DATABASE_URL/DATABASE_AUTH_TOKEN), or a URL. */
export type DbLocation = DbConfig | string;

/** A refusal or failure with a message meant for the person running the command. */
export class BackupError extends Error {
  override name = "BackupError";
}

export interface BackupResult {
  /** Absolute path of the backup file. */
  file: string;
  /** Tables copied (internal sqlite_* tables excluded, `__drizzle_migrations` included). */
  tables: number;
  /** Rows in those tables, counted in the finished backup. */
  rows: number;
  /** Size of the backup file. */
  bytes: number;
  /** "vacuum-into" for a file database, "copy" for a libSQL server. */
  method: "vacuum-into" | "copy";
  /** Migrations recorded in the backup, and the tag of the last one when this code knows it. */
  migrations: number;
  schemaVersion?: string;
}

export interface RestoreOptions {
  /** Replace a target that already holds data. */
  force?: boolean;
  /** File targets only: keep the replaced database next to it as `<file>.pre-restore-<timestamp>` (default true). */
  keepReplaced?: boolean;
}

export interface RestoreResult {
  /** The target: a file path, or the server URL without credentials. */
  target: string;
  kind: "file" | "server";
  tables: number;
  rows: number;
  /** Migrations recorded in the backup, and how many of this code's migrations were applied on top. */
  backupMigrations: number;
  appliedMigrations: number;
  /** Where the replaced database was kept (file targets). */
  replacedKeptAt?: string;
}

const MIGRATIONS_TABLE = "__drizzle_migrations";
const MIGRATIONS_FOLDER = path.join(process.cwd(), "db", "migrations");
const PAGE_ROWS = 250;
const SQLITE_HEADER = "SQLite format 3\0";

/** `backups/medthreat-<UTC timestamp>.db`, e.g. backups/medthreat-20261126T101500Z.db. */
export function defaultBackupFile(now: Date = new Date()): string {
  const stamp = now.toISOString().replace(/\.\d+Z$/, "Z").replace(/[-:]/g, "");
  return path.join("backups", `medthreat-${stamp}.db`);
}

/** The URL with any password or auth token removed, for messages. */
export function displayUrl(url: string): string {
  if (url.startsWith("file:")) return url.split("?")[0];
  try {
    const u = new URL(url);
    u.password = "";
    u.username = "";
    u.searchParams.delete("authToken");
    return u.toString();
  } catch {
    return url.split("?")[0];
  }
}

// ---------------------------------------------------------------------------------------------
// Backup

/** Writes a consistent copy of the whole database into `targetFile`, which must not exist yet. */
export async function backupDatabase(source: DbLocation, targetFile: string): Promise<BackupResult> {
  const { url, authToken } = resolveLocation(source);
  const file = path.resolve(targetFile);
  if (existsSync(file)) throw new BackupError(`${file} already exists: a backup never overwrites a file; choose another name or remove it`);
  mkdirSync(path.dirname(file), { recursive: true });
  const temp = tempName(file, "backup");
  try {
    let method: BackupResult["method"];
    let expected: Map<string, number> | undefined;
    if (isFileUrl(url)) {
      method = "vacuum-into";
      await vacuumInto(filePath(url), temp);
    } else {
      method = "copy";
      expected = await copyServer(url, authToken, temp);
    }
    const summary = await verifyFile(temp, "the new backup");
    if (!summary.migrations) {
      throw new BackupError(`${displayUrl(url)} has no ${MIGRATIONS_TABLE} table: it is not a migrated medthreat database (check DATABASE_URL), and restore would refuse this copy`);
    }
    if (expected) {
      for (const [name, rows] of expected) {
        const got = summary.tables.find((t) => t.name === name)?.rows;
        if (got !== rows) throw new BackupError(`backup verification failed: table ${name} has ${got} rows in the copy, ${rows} were read`);
      }
    }
    fsyncPath(temp);
    publish(temp, file);
    return {
      file,
      tables: summary.tables.length,
      rows: sum(summary.tables.map((t) => t.rows)),
      bytes: statSync(file).size,
      method,
      migrations: summary.migrations?.length ?? 0,
      schemaVersion: schemaVersion(summary.migrations),
    };
  } finally {
    removeQuietly(temp, `${temp}-journal`, `${temp}-wal`, `${temp}-shm`);
  }
}

async function vacuumInto(source: string, temp: string): Promise<void> {
  if (!existsSync(source) || !statSync(source).isFile()) throw new BackupError(`there is no database file at ${source}`);
  const client = localClient(source);
  try {
    await client.execute("PRAGMA busy_timeout = 10000");
    // One statement, one read transaction: readers and writers of the app carry on (WAL), and the
    // copy is the database as of the moment the statement started.
    await client.execute({ sql: "VACUUM INTO ?", args: [temp] });
  } catch (e) {
    throw new BackupError(`VACUUM INTO failed on ${source}: ${message(e)}`);
  } finally {
    client.close();
  }
}

/** Copies every table of a libSQL server into a new SQLite file, all read in one read transaction. Returns the rows read per table. */
async function copyServer(url: string, authToken: string | undefined, temp: string): Promise<Map<string, number>> {
  const server = createClient({ url, authToken, intMode: "bigint" });
  const local = localClient(temp, "bigint");
  const counts = new Map<string, number>();
  let read: Transaction | undefined;
  let write: Transaction | undefined;
  try {
    await local.execute("PRAGMA foreign_keys = OFF");
    await local.execute("PRAGMA synchronous = OFF"); // the file is fsynced before it is published
    try {
      read = await server.transaction("read");
    } catch (e) {
      throw new BackupError(`cannot read the database at ${displayUrl(url)}: ${message(e)}`);
    }
    // The first read fixes the snapshot: everything below sees the database as of this statement.
    const master = await readMaster(read);
    const objects = master.filter((o) => !isInternal(o.name) && !isInternal(o.tblName) && o.sql);
    const tables = objects.filter((o) => o.type === "table");
    const header = await read.batch(["PRAGMA user_version", "PRAGMA application_id"]);

    write = await local.transaction("write");
    // Virtual tables first: they create their own shadow tables, which are then filled like any table.
    const ordered = [...tables.filter((t) => isVirtual(t.sql)), ...tables.filter((t) => !isVirtual(t.sql))];
    for (const t of ordered) {
      const exists = (await write.execute({ sql: "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", args: [t.name] })).rows.length > 0;
      if (exists) await write.execute(`DELETE FROM ${q(t.name)}`);
      else await write.execute(t.sql!);
    }
    for (const t of tables) {
      if (isVirtual(t.sql)) continue;
      const info = await tableInfo(read, t);
      counts.set(t.name, await copyRows(read, write, info));
    }
    if (master.some((o) => o.name === "sqlite_sequence")) {
      const seq = await read.execute("SELECT name, seq FROM sqlite_sequence");
      await write.execute("DELETE FROM sqlite_sequence");
      for (const row of seq.rows) await write.execute({ sql: "INSERT INTO sqlite_sequence (name, seq) VALUES (?, ?)", args: [row[0], row[1]] });
    }
    // Indexes, views and triggers after the rows, so triggers do not fire while copying.
    for (const type of ["index", "view", "trigger"]) {
      for (const o of objects.filter((x) => x.type === type)) await write.execute(o.sql!);
    }
    await write.execute(`PRAGMA user_version = ${Number(header[0].rows[0]?.[0] ?? 0)}`);
    await write.execute(`PRAGMA application_id = ${Number(header[1].rows[0]?.[0] ?? 0)}`);
    await write.commit();
    return counts;
  } catch (e) {
    if (e instanceof BackupError) throw e;
    throw new BackupError(`copying ${displayUrl(url)} failed: ${message(e)}`);
  } finally {
    write?.close();
    read?.close();
    local.close();
    server.close();
  }
}

// ---------------------------------------------------------------------------------------------
// Restore

/**
 * Restores a backup into the target database, then applies this code's migrations to it.
 *
 * Refuses: a missing backup, one that is not a SQLite file or fails `PRAGMA integrity_check`, one
 * without `__drizzle_migrations` or with migrations this code does not have (newer than the code);
 * a target that already holds data unless `force`; a file target that another connection (the app)
 * has open. The app must be stopped while restoring.
 */
export async function restoreDatabase(backupFile: string, target: DbLocation, options: RestoreOptions = {}): Promise<RestoreResult> {
  const backup = path.resolve(backupFile);
  if (!existsSync(backup)) throw new BackupError(`backup file ${backup} does not exist`);
  if (!statSync(backup).isFile()) throw new BackupError(`${backup} is not a file`);
  if (fileSize(`${backup}-wal`) > 0) {
    throw new BackupError(`${backup} has a write-ahead log next to it (${backup}-wal): it looks like a live database, not a backup. Make a backup of it with "npm run backup" and restore that.`);
  }
  checkHeader(backup);
  const { url, authToken } = resolveLocation(target);
  const kind = isFileUrl(url) ? "file" : "server";
  const targetFile = kind === "file" ? path.resolve(filePath(url)) : undefined;
  if (targetFile) {
    if (!options.force && hasData(targetFile)) {
      throw new BackupError(`${targetFile} already holds a database; restoring replaces it. Stop the app, then re-run with --force to replace it.`);
    }
    mkdirSync(path.dirname(targetFile), { recursive: true });
  }

  // Everything is checked and migrated on a private copy, so neither the backup nor the target is touched until then.
  const scratchDir = targetFile ? undefined : mkdtempSync(path.join(tmpdir(), "medthreat-restore-"));
  const work = targetFile ? tempName(targetFile, "restore") : path.join(scratchDir!, "restore.db");
  copyFileSync(backup, work, fsConstants.COPYFILE_EXCL);
  let copy: Client | undefined;
  try {
    copy = localClient(work, "bigint");
    await integrityCheck(copy, `backup ${backup}`);
    const before = await readMigrations(copy);
    if (!before) throw new BackupError(`backup ${backup} has no ${MIGRATIONS_TABLE} table: it is not a medthreat database backup`);
    checkMigrationsKnown(before, `backup ${backup}`);
    await migrateDb(drizzle(copy, { schema }));
    const after = (await readMigrations(copy)) ?? [];
    const summary = await summarize(copy);
    const base = {
      tables: summary.tables.length,
      rows: sum(summary.tables.map((t) => t.rows)),
      backupMigrations: before.length,
      appliedMigrations: after.length - before.length,
    };
    if (targetFile) {
      await copy.execute("PRAGMA journal_mode = DELETE");
      copy.close();
      copy = undefined;
      fsyncPath(work);
      const replacedKeptAt = await swapFile(work, targetFile, options);
      return { target: targetFile, kind, ...base, replacedKeptAt };
    }
    await restoreToServer(copy, url, authToken, options, summary);
    return { target: displayUrl(url), kind, ...base };
  } catch (e) {
    if (e instanceof BackupError) throw e;
    throw new BackupError(`restore failed: ${message(e)}`);
  } finally {
    copy?.close();
    removeQuietly(work, `${work}-journal`, `${work}-wal`, `${work}-shm`);
    if (scratchDir) rmSync(scratchDir, { recursive: true, force: true });
  }
}

/** Puts the checked copy in place of the target file, holding an exclusive lock on the old one meanwhile. */
async function swapFile(work: string, target: string, options: RestoreOptions): Promise<string | undefined> {
  const lock = await lockTarget(target, options.force ?? false);
  try {
    let kept: string | undefined;
    if ((options.keepReplaced ?? true) && hasData(target)) {
      kept = `${target}.pre-restore-${new Date().toISOString().replace(/\.\d+Z$/, "Z").replace(/[-:]/g, "")}`;
      if (existsSync(kept)) kept = `${kept}-${randomBytes(3).toString("hex")}`;
      try {
        linkSync(target, kept);
      } catch {
        copyFileSync(target, kept, fsConstants.COPYFILE_EXCL);
      }
    }
    // A stale -wal or -journal next to the new file would be replayed into it: remove them first.
    // (The lock switched the old database out of WAL mode, which checkpointed its log.)
    removeQuietly(`${target}-wal`, `${target}-shm`, `${target}-journal`);
    renameSync(work, target);
    fsyncPath(path.dirname(target));
    return kept;
  } finally {
    if (lock) await releaseLock(lock);
  }
}

/**
 * Gives up the exclusive lock before closing: libsql's close() leaves the native connection (and its
 * locks) alive until garbage collection, which would keep the replaced file locked in this process.
 */
async function releaseLock(lock: Client): Promise<void> {
  try {
    await lock.execute("PRAGMA locking_mode = NORMAL");
    await lock.execute("SELECT count(*) FROM sqlite_master"); // the next access drops the lock
  } catch {
    // the file may be gone or unreadable; closing is all that is left
  } finally {
    lock.close();
  }
}

/**
 * Takes the old target file out of use: switches it from WAL to rollback mode (which SQLite refuses
 * while any other connection has it open) and takes an exclusive lock, kept until the swap is done,
 * so the app cannot open it meanwhile. Refuses when the database is in use.
 */
async function lockTarget(target: string, force: boolean): Promise<Client | undefined> {
  if (!existsSync(target)) return undefined;
  const inUse = new BackupError(`${target} is in use by another connection (is the app running?). Stop the app before restoring.`);
  let lock: Client | undefined;
  try {
    lock = localClient(target);
    await lock.execute("PRAGMA busy_timeout = 2000");
    const mode = await lock.execute("PRAGMA journal_mode = DELETE");
    if (String(mode.rows[0]?.[0]).toLowerCase() !== "delete") throw inUse;
    await lock.execute("PRAGMA locking_mode = EXCLUSIVE");
    // The client rolls the transaction back right away, but in exclusive locking mode the lock stays (until releaseLock).
    await lock.execute("BEGIN EXCLUSIVE");
    return lock;
  } catch (e) {
    lock?.close();
    if (e === inUse || /SQLITE_BUSY|SQLITE_LOCKED|database is locked/i.test(message(e))) throw inUse;
    // Not a usable database (corrupt, not SQLite): nothing can be using it as one. Only reached with --force.
    if (force) return undefined;
    throw new BackupError(`cannot open ${target} to replace it: ${message(e)}. Re-run with --force to replace it anyway.`);
  }
}

/** Replaces the contents of the backup's tables on a libSQL server inside one write transaction. */
async function restoreToServer(copy: Client, url: string, authToken: string | undefined, options: RestoreOptions, summary: Summary): Promise<void> {
  const server = createClient({ url, authToken, intMode: "bigint" });
  let tx: Transaction | undefined;
  try {
    const where = displayUrl(url);
    const existing = await readMaster(server);
    const existingTables = existing.filter((o) => o.type === "table" && !isInternal(o.name) && !isVirtual(o.sql));
    if (!options.force) {
      const withData: string[] = [];
      for (const t of existingTables) {
        if (t.name === MIGRATIONS_TABLE) continue;
        const r = await server.execute(`SELECT EXISTS (SELECT 1 FROM ${q(t.name)})`);
        if (Number(r.rows[0][0]) === 1) withData.push(t.name);
      }
      if (withData.length > 0) {
        throw new BackupError(`${where} already holds data (tables ${withData.join(", ")}); restoring replaces it. Stop the app, then re-run with --force to replace it.`);
      }
    }
    const serverMigrations = await readMigrations(server);
    if (serverMigrations) checkMigrationsKnown(serverMigrations, `the target database ${where}`);
    await migrateDb(drizzle(server, { schema }));

    const master = await readMaster(copy);
    const tables = master.filter((o) => o.type === "table" && !isInternal(o.name) && o.sql && !isVirtual(o.sql));
    const targetMaster = await readMaster(server);
    const infos: TableInfo[] = [];
    for (const t of tables) {
      const info = await tableInfo(copy, t);
      const there = targetMaster.find((o) => o.type === "table" && o.name === t.name);
      if (!there) throw new BackupError(`${where} has no table ${t.name} after migrating; the backup's schema does not match this code's`);
      const targetColumns = (await tableInfo(server, there)).columns;
      const missing = info.columns.filter((c) => !targetColumns.includes(c));
      if (missing.length > 0) throw new BackupError(`table ${t.name} on ${where} lacks columns ${missing.join(", ")} that the backup has`);
      infos.push(info);
    }
    const names = new Set(infos.map((t) => t.name));
    const triggers = targetMaster.filter((o) => o.type === "trigger" && names.has(o.tblName) && o.sql);

    tx = await server.transaction("write");
    // Foreign keys are checked at commit, when every table holds its restored rows.
    await tx.execute("PRAGMA defer_foreign_keys = ON");
    // Triggers must not fire for restored rows: drop them and create them again in the same transaction.
    for (const t of triggers) await tx.execute(`DROP TRIGGER ${q(t.name)}`);
    for (const t of infos) await tx.execute(`DELETE FROM ${q(t.name)}`);
    const copied = new Map<string, number>();
    for (const t of infos) copied.set(t.name, await copyRows(copy, tx, t));
    if (master.some((o) => o.name === "sqlite_sequence") && targetMaster.some((o) => o.name === "sqlite_sequence")) {
      const seq = await copy.execute("SELECT name, seq FROM sqlite_sequence");
      await tx.execute({ sql: `DELETE FROM sqlite_sequence WHERE name IN (${infos.map(() => "?").join(", ")})`, args: infos.map((t) => t.name) });
      for (const row of seq.rows) if (names.has(String(row[0]))) await tx.execute({ sql: "INSERT INTO sqlite_sequence (name, seq) VALUES (?, ?)", args: [row[0], row[1]] });
    }
    for (const t of triggers) await tx.execute(t.sql!);
    for (const t of summary.tables) {
      if (!names.has(t.name)) continue;
      const r = await tx.execute(`SELECT count(*) FROM ${q(t.name)}`);
      if (Number(r.rows[0][0]) !== t.rows) throw new BackupError(`restore verification failed: table ${t.name} would have ${r.rows[0][0]} rows, the backup has ${t.rows}; nothing was changed`);
    }
    try {
      await tx.commit();
    } catch (e) {
      if (/FOREIGN KEY/i.test(message(e))) {
        throw new BackupError(`the restored rows violate foreign keys (PRAGMA foreign_key_check on the backup lists them); nothing was changed: ${message(e)}`);
      }
      throw e;
    }
  } catch (e) {
    if (/TRANSACTION_TIMEOUT|timed out/i.test(message(e))) {
      // sqld ends a write transaction that has run for about 5 s once another connection waits to write.
      throw new BackupError(`the server ended the restore's transaction because another connection was waiting to write (is the app running?); nothing was changed. Stop the app and run the restore again. (${message(e)})`);
    }
    throw e;
  } finally {
    tx?.close();
    server.close();
  }
}

// ---------------------------------------------------------------------------------------------
// Migrations

interface MigrationRow {
  hash: string;
  createdAt: number;
}

interface JournalEntry {
  tag: string;
  when: number;
}

/** This code's migrations, from db/migrations/meta/_journal.json (what migrateDb applies). */
export function codeMigrations(folder: string = MIGRATIONS_FOLDER): JournalEntry[] {
  const journal = JSON.parse(readFileSync(path.join(folder, "meta", "_journal.json"), "utf8")) as { entries: JournalEntry[] };
  return journal.entries.map((e) => ({ tag: e.tag, when: Number(e.when) }));
}

async function readMigrations(c: Executor): Promise<MigrationRow[] | undefined> {
  const t = await c.execute({ sql: "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", args: [MIGRATIONS_TABLE] });
  if (t.rows.length === 0) return undefined;
  const r = await c.execute(`SELECT hash, created_at FROM ${q(MIGRATIONS_TABLE)} ORDER BY created_at`);
  return r.rows.map((row) => ({ hash: String(row[0]), createdAt: Number(row[1]) }));
}

/**
 * drizzle applies every migration newer than the last one recorded, so a database that records a
 * migration this code does not have (a newer version, or another branch) cannot be brought up to date safely.
 */
function checkMigrationsKnown(rows: MigrationRow[], what: string): void {
  const code = codeMigrations();
  const known = new Set(code.map((e) => e.when));
  const unknown = rows.filter((r) => !known.has(r.createdAt));
  if (unknown.length === 0) return;
  const latest = Math.max(...code.map((e) => e.when), 0);
  const newer = unknown.filter((r) => r.createdAt > latest);
  const list = unknown.map((r) => new Date(r.createdAt).toISOString()).join(", ");
  if (newer.length > 0) {
    throw new BackupError(`${what} was made by a newer version of medthreat: it has ${unknown.length} migration(s) this code does not have (${list}; this code's latest is ${code.at(-1)?.tag ?? "none"}). Update medthreat, then restore.`);
  }
  throw new BackupError(`${what} has ${unknown.length} migration(s) this code does not have (${list}), e.g. from another branch; restore it with the code that made it.`);
}

function schemaVersion(rows: MigrationRow[] | undefined): string | undefined {
  if (!rows || rows.length === 0) return undefined;
  const last = rows[rows.length - 1].createdAt;
  let known: JournalEntry[] = [];
  try {
    known = codeMigrations();
  } catch {
    // no migrations folder here: the backup does not need it
  }
  return known.find((e) => e.when === last)?.tag ?? `migration of ${new Date(last).toISOString()}`;
}

// ---------------------------------------------------------------------------------------------
// Schema and rows

type Executor = { execute(stmt: InStatement): Promise<ResultSet> };

interface MasterRow {
  type: string;
  name: string;
  tblName: string;
  sql: string | null;
}

interface TableInfo {
  name: string;
  /** Columns that can be inserted (generated and hidden columns excluded). */
  columns: string[];
  /** An unshadowed name for the rowid (rowid tables only); used to page and preserved in the copy. */
  rowid?: string;
}

async function readMaster(c: Executor): Promise<MasterRow[]> {
  const r = await c.execute("SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY rowid");
  return r.rows.map((row) => ({ type: String(row[0]), name: String(row[1]), tblName: String(row[2]), sql: row[3] === null ? null : String(row[3]) }));
}

/** SQLite's own tables, and those of tools that live in the database file (Litestream, libSQL). */
function isInternal(name: string): boolean {
  return /^sqlite_/i.test(name) || /^_litestream/i.test(name) || name === "libsql_wasm_func_table";
}

function isVirtual(sql: string | null): boolean {
  return /^\s*CREATE\s+VIRTUAL\s+TABLE/i.test(sql ?? "");
}

async function tableInfo(c: Executor, t: MasterRow): Promise<TableInfo> {
  const r = await c.execute(`PRAGMA table_xinfo(${q(t.name)})`);
  const all = r.rows.map((row) => ({ name: String(row.name), hidden: Number(row.hidden) }));
  const columns = all.filter((col) => col.hidden === 0).map((col) => col.name);
  const lower = new Set(all.map((col) => col.name.toLowerCase()));
  const withoutRowid = /\bWITHOUT\s+ROWID\b/i.test((t.sql ?? "").slice((t.sql ?? "").lastIndexOf(")") + 1));
  const rowid = withoutRowid ? undefined : ["rowid", "_rowid_", "oid"].find((n) => !lower.has(n));
  return { name: t.name, columns, rowid };
}

/** Copies a table page by page (by rowid where there is one); returns the number of rows copied. */
async function copyRows(from: Executor, to: Transaction, t: TableInfo): Promise<number> {
  const cols = t.columns.map(q).join(", ");
  const insertCols = t.rowid ? [t.rowid, ...t.columns] : t.columns;
  const insert = `INSERT INTO ${q(t.name)} (${insertCols.map(q).join(", ")}) VALUES (${insertCols.map(() => "?").join(", ")})`;
  let copied = 0;
  let after: Value | undefined;
  for (;;) {
    let page: ResultSet;
    if (t.rowid) {
      const select = `SELECT ${t.rowid}, ${cols} FROM ${q(t.name)}`;
      page = await from.execute(
        after === undefined
          ? { sql: `${select} ORDER BY ${t.rowid} LIMIT ?`, args: [PAGE_ROWS] }
          : { sql: `${select} WHERE ${t.rowid} > ? ORDER BY ${t.rowid} LIMIT ?`, args: [after, PAGE_ROWS] },
      );
    } else {
      page = await from.execute({ sql: `SELECT ${cols} FROM ${q(t.name)} LIMIT ? OFFSET ?`, args: [PAGE_ROWS, copied] });
    }
    if (page.rows.length === 0) break;
    await to.batch(page.rows.map((row) => ({ sql: insert, args: Array.from(row) })));
    copied += page.rows.length;
    if (t.rowid) after = page.rows[page.rows.length - 1][0];
    if (page.rows.length < PAGE_ROWS) break;
  }
  return copied;
}

interface Summary {
  tables: { name: string; rows: number }[];
  migrations: MigrationRow[] | undefined;
}

async function summarize(c: Executor): Promise<Summary> {
  const master = await readMaster(c);
  const tables: Summary["tables"] = [];
  for (const t of master) {
    if (t.type !== "table" || isInternal(t.name) || isVirtual(t.sql)) continue;
    const r = await c.execute(`SELECT count(*) FROM ${q(t.name)}`);
    tables.push({ name: t.name, rows: Number(r.rows[0][0]) });
  }
  return { tables, migrations: await readMigrations(c) };
}

async function integrityCheck(c: Executor, what: string): Promise<void> {
  let problems: string[];
  try {
    const r = await c.execute("PRAGMA integrity_check(20)");
    problems = r.rows.map((row) => String(row[0]));
  } catch (e) {
    throw new BackupError(`${what} is damaged: ${message(e)}`);
  }
  if (problems.length !== 1 || problems[0] !== "ok") {
    throw new BackupError(`${what} fails PRAGMA integrity_check: ${problems.slice(0, 5).join("; ")}${problems.length > 5 ? "; …" : ""}`);
  }
}

/** integrity_check and a summary of a finished file. */
async function verifyFile(file: string, what: string): Promise<Summary> {
  checkHeader(file);
  const c = localClient(file);
  try {
    await integrityCheck(c, what);
    return await summarize(c);
  } finally {
    c.close();
  }
}

function checkHeader(file: string): void {
  const buf = Buffer.alloc(SQLITE_HEADER.length);
  const fd = openSync(file, "r");
  let n: number;
  try {
    n = readSync(fd, buf, 0, buf.length, 0);
  } finally {
    closeSync(fd);
  }
  if (n < buf.length || buf.toString("latin1") !== SQLITE_HEADER) throw new BackupError(`${file} is not a SQLite database file`);
}

// ---------------------------------------------------------------------------------------------
// Files and helpers

function resolveLocation(location: DbLocation): { url: string; authToken?: string } {
  const config = typeof location === "string" ? { url: location } : location;
  const url = config.url ?? process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL;
  if (/^:memory:$|^file::memory:/.test(url) || /[?&]mode=memory\b/.test(url)) throw new BackupError("an in-memory database cannot be backed up or restored");
  if (!isFileUrl(url) && !/^(https?|wss?|libsql):\/\//i.test(url)) {
    throw new BackupError(`unsupported database URL ${displayUrl(url)}: use file:<path>, http(s)://, ws(s):// or libsql://`);
  }
  return { url, authToken: config.authToken ?? process.env.DATABASE_AUTH_TOKEN };
}

const isFileUrl = (url: string) => url.startsWith("file:");

/** The path of a file: URL, as openDb and the libSQL client read it (file:./rel, file:/abs, file:///abs). */
function filePath(url: string): string {
  let p = url.slice("file:".length).split("?")[0];
  if (p.startsWith("//")) p = p.replace(/^\/\/(localhost)?/, "");
  return path.resolve(p);
}

/** A connection of its own (one, so PRAGMAs stick) to a local file. */
function localClient(file: string, intMode: "number" | "bigint" = "number"): Client {
  return createClient({ url: `file:${file}`, concurrency: 1, intMode });
}

function tempName(file: string, purpose: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.${purpose}-${process.pid}-${randomBytes(4).toString("hex")}.tmp`);
}

/** Moves the finished file to its name, never replacing a file that appeared meanwhile. */
function publish(temp: string, file: string): void {
  try {
    linkSync(temp, file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "EEXIST") throw new BackupError(`${file} already exists: a backup never overwrites a file`);
    // A file system without hard links: rename (the target was checked to be absent).
    if (existsSync(file)) throw new BackupError(`${file} already exists: a backup never overwrites a file`);
    renameSync(temp, file);
  }
  removeQuietly(temp);
  fsyncPath(path.dirname(file));
}

function hasData(file: string): boolean {
  return fileSize(file) > 0 || fileSize(`${file}-wal`) > 0;
}

function fileSize(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}

function fsyncPath(p: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(p, "r");
    fsyncSync(fd);
  } catch {
    // best effort (some file systems refuse fsync on directories)
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function removeQuietly(...files: string[]): void {
  for (const f of files) {
    try {
      unlinkSync(f);
    } catch {
      // absent
    }
  }
}

/** A double-quoted SQL identifier. */
const q = (name: string) => `"${name.replace(/"/g, '""')}"`;
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const message = (e: unknown) => (e instanceof Error ? e.message : String(e));
