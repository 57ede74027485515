import { and, eq, gte, inArray, lt, sql } from "drizzle-orm";
import type { Db } from "./client";
import { signInFailures } from "./schema";

/**
 * Sign-in attempts that count against the limits, in the database so every server process sees
 * them. An attempt is written before the password is checked and withdrawn when it succeeds or is
 * refused anyway, so parallel guesses cannot slip past the count.
 */

/** Counts an attempt under each key, and forgets every attempt older than `forgetBefore`. */
export async function recordAttempt(db: Db, keys: readonly string[], at: Date, forgetBefore: Date): Promise<number[]> {
  const [, rows] = await db.batch([
    db.delete(signInFailures).where(lt(signInFailures.at, forgetBefore)),
    db.insert(signInFailures).values(keys.map((key) => ({ key, at }))).returning({ id: signInFailures.id }),
  ]);
  return rows.map((r) => r.id);
}

export async function withdrawAttempt(db: Db, ids: readonly number[]): Promise<void> {
  if (ids.length) await db.delete(signInFailures).where(inArray(signInFailures.id, [...ids]));
}

/** Per key, the attempts since `since` and when the oldest of them was made. */
export async function attemptsSince(db: Db, keys: readonly string[], since: Date): Promise<Map<string, { count: number; oldest: Date }>> {
  const rows = await db
    .select({ key: signInFailures.key, count: sql<number>`count(*)`, oldest: sql<number>`min(${signInFailures.at})` })
    .from(signInFailures)
    .where(and(inArray(signInFailures.key, [...keys]), gte(signInFailures.at, since)))
    .groupBy(signInFailures.key);
  return new Map(rows.map((r) => [r.key, { count: Number(r.count), oldest: new Date(Number(r.oldest)) }]));
}

/** Forgets a key's failures (after a successful sign-in). */
export async function forgetFailures(db: Db, key: string): Promise<void> {
  await db.delete(signInFailures).where(eq(signInFailures.key, key));
}
