import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { migrateDb, openDb } from "@/db/client";

/** A migrated database in a fresh temporary file. */
export async function tempDb() {
  const dir = mkdtempSync(path.join(tmpdir(), "medthreat-test-"));
  const url = `file:${path.join(dir, "test.db")}`;
  const { db, client } = await openDb({ url });
  await migrateDb(db);
  return {
    db,
    url,
    close() {
      client.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Points the app's shared database (getDb) at a fresh temporary file; call before importing app code. */
export function useTempDatabaseUrl(): { url: string; dir: string } {
  const dir = mkdtempSync(path.join(tmpdir(), "medthreat-app-"));
  const url = `file:${path.join(dir, "app.db")}`;
  process.env.DATABASE_URL = url;
  return { url, dir };
}
