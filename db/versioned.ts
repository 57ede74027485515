import { randomUUID } from "node:crypto";
import { sql, type SQL } from "drizzle-orm";
import type { SQLiteColumn, SQLiteTable } from "drizzle-orm/sqlite-core";
import { auditInsert, type AuditEntry } from "./audit";
import type { Db } from "./client";

export type Versioned<T> = { ok: true; value: T; version: number } | { ok: false; reason: "conflict"; version: number } | { ok: false; reason: "not-found" };

type VersionedTable = SQLiteTable & { version: SQLiteColumn; changeToken: SQLiteColumn };

/**
 * Optimistic concurrency for one row: the write happens only at `baseVersion` (0 = the row must not
 * exist yet), and its audit entry is written in the same atomic batch only if the write won (each
 * write stamps the row with a fresh token the audit insert checks for).
 */
export async function versionedWrite<T>(
  db: Db,
  table: VersionedTable,
  key: SQL,
  baseVersion: number,
  values: Record<string, unknown>,
  audit: AuditEntry,
  value: T,
): Promise<Versioned<T>> {
  const token = randomUUID();
  const won = sql`EXISTS (SELECT 1 FROM ${table} WHERE ${key} AND ${table.changeToken} = ${token})`;
  const write =
    baseVersion === 0
      ? db.insert(table).values({ ...values, version: 1, changeToken: token } as never).onConflictDoNothing()
      : db
          .update(table)
          .set({ ...values, version: baseVersion + 1, changeToken: token } as never)
          .where(sql`${key} AND ${table.version} = ${baseVersion}`);
  await db.batch([write, auditInsert(db, audit, won)] as [never, never]);
  const [row] = (await db.select({ version: table.version, token: table.changeToken }).from(table).where(key)) as { version: number; token: string | null }[];
  if (!row) return { ok: false, reason: "not-found" };
  return row.token === token ? { ok: true, value, version: row.version } : { ok: false, reason: "conflict", version: row.version };
}
