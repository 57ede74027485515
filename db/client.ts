import { mkdirSync } from "node:fs";
import path from "node:path";
import { createClient, type Client } from "@libsql/client";
import { drizzle, type LibSQLDatabase } from "drizzle-orm/libsql";
import { migrate } from "drizzle-orm/libsql/migrator";
import * as schema from "./schema";

export type Db = LibSQLDatabase<typeof schema>;

export const DEFAULT_DATABASE_URL = "file:./data/medthreat.db";
const MIGRATIONS = path.join(process.cwd(), "db", "migrations");

export interface DbConfig {
  url?: string;
  authToken?: string;
}

/** Opens a database: an embedded file (the default) or a libSQL server over http(s), ws(s) or libsql. */
export async function openDb(config: DbConfig = {}): Promise<{ db: Db; client: Client }> {
  const url = config.url ?? process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL;
  const local = url.startsWith("file:");
  if (local) mkdirSync(path.dirname(url.slice("file:".length)), { recursive: true });
  // The local client keeps a pool of connections: the busy timeout goes in the options so every
  // connection waits for a writer instead of failing; WAL is a property of the file, set once.
  const client = createClient({ url, authToken: config.authToken ?? process.env.DATABASE_AUTH_TOKEN, ...(local ? { timeout: 5000 } : {}) });
  if (local) await client.execute("PRAGMA journal_mode = WAL");
  return { db: drizzle(client, { schema }), client };
}

export async function migrateDb(db: Db): Promise<void> {
  await migrate(db, { migrationsFolder: MIGRATIONS });
}

let shared: Promise<Db> | undefined;

/** The process-wide database, opened and migrated on first use (never at import time: `next build` imports routes). */
export function getDb(): Promise<Db> {
  shared ??= (async () => {
    const { db } = await openDb();
    await migrateDb(db);
    return db;
  })().catch((e) => {
    shared = undefined;
    throw e;
  });
  return shared;
}
