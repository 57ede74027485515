import { and, eq } from "drizzle-orm";
import type { Db } from "./client";
import { ruleSets } from "./schema";

export const ORGANISATION_SCOPE = "organisation";
export const projectScope = (projectId: string) => `project:${projectId}`;

export type RuleSetRow = typeof ruleSets.$inferSelect;

export async function getRuleSet(db: Db, scope: string): Promise<RuleSetRow | undefined> {
  const [row] = await db.select().from(ruleSets).where(eq(ruleSets.scope, scope));
  return row;
}

export type RuleSetSave = { ok: true; version: number } | { ok: false; current: RuleSetRow };

/** Saves a rule set's text if it is still at `baseVersion` (0 for a scope with no rules yet). */
export async function saveRuleSet(db: Db, scope: string, baseVersion: number, text: string, by: string): Promise<RuleSetSave> {
  const now = new Date();
  const rows =
    baseVersion === 0
      ? await db.insert(ruleSets).values({ scope, text, version: 1, updatedBy: by, updatedAt: now }).onConflictDoNothing().returning()
      : await db
          .update(ruleSets)
          .set({ text, version: baseVersion + 1, updatedBy: by, updatedAt: now })
          .where(and(eq(ruleSets.scope, scope), eq(ruleSets.version, baseVersion)))
          .returning();
  if (rows.length === 1) return { ok: true, version: rows[0].version };
  return { ok: false, current: (await getRuleSet(db, scope))! };
}
