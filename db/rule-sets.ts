import { eq } from "drizzle-orm";
import type { Actor } from "./users";
import { versionedWrite } from "./versioned";
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
export async function saveRuleSet(db: Db, scope: string, baseVersion: number, text: string, actor: Actor): Promise<RuleSetSave> {
  const before = await getRuleSet(db, scope);
  const projectId = scope.startsWith("project:") ? scope.slice("project:".length) : null;
  const result = await versionedWrite(
    db,
    ruleSets,
    eq(ruleSets.scope, scope),
    baseVersion,
    { scope, text, updatedBy: actor.name, updatedAt: new Date() },
    { projectId, actor, action: "rules.update", entityType: "rule-set", entityId: scope, before: before?.text, after: text },
    text,
  );
  if (result.ok) return { ok: true, version: result.version };
  return { ok: false, current: (await getRuleSet(db, scope))! };
}
