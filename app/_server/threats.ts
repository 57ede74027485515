import { getDb } from "@/db/client";
import { getRuleSet, ORGANISATION_SCOPE, projectScope, saveRuleSet } from "@/db/rule-sets";
import { controlsOf, linksOf } from "@/db/assessment";
import { analysisStamp, decideThreat, obsoleteRecordsOf, syncThreats, threatHistory, threatRecordsOf, type ThreatRecord, type ThreatState } from "@/db/threats";
import { formatIssue, type ModelIssue } from "@/lib/model/issues";
import type { StoredModel } from "@/db/projects";
import type { Model } from "@/lib/model/schema";
import { analysisEvaluations, analyzeModel, LIBRARY_VERSION, type Analysis, type ThreatRule } from "@/lib/threats";
import { EMPTY_RULE_FILE, rulesFingerprint } from "@/lib/threats/custom-rules";
import { Decision } from "@/lib/threats/decision";
import { readProject } from "./projects";
import { authorize, requireAdmin, SYSTEM } from "./access";
import { deepFreeze, sharedLru } from "./lru";
import { isRefusal, readRuleText, refusalReason, runOffThread } from "./off-thread";
import type { Actor } from "@/db/users";

/** Threat analysis of stored projects: runs the engine, keeps threat records and decisions in step. */

export interface CustomRules {
  rules: ThreatRule[];
  fingerprint: string;
  /** Rule sets that no longer validate (e.g. a new built-in rule took an id) are skipped and reported. */
  warnings: string[];
}

/** Analyses above this many rule evaluations run on a worker thread (the demo device takes about 3,600). */
const OFF_THREAD_EVALUATIONS = () => Number(process.env.MEDTHREAT_OFF_THREAD_EVALUATIONS ?? 250_000);

const parsedRules = sharedLru<Promise<CustomRules>>("custom-rules", 32, 32);

export async function customRulesFor(projectId: string): Promise<CustomRules> {
  const db = await getDb();
  const [org, project] = await Promise.all([getRuleSet(db, ORGANISATION_SCOPE), getRuleSet(db, projectScope(projectId))]);
  const fingerprint = rulesFingerprint(LIBRARY_VERSION, org?.text ?? "", project?.text ?? "");
  let parsed = parsedRules.get(fingerprint);
  if (!parsed) {
    parsed = (async () => {
      const warnings: string[] = [];
      const rules: ThreatRule[] = [];
      for (const [label, set] of [["organisation", org], ["project", project]] as const) {
        if (!set) continue;
        const result = await readRuleText(set.text, rules.map((r) => r.id));
        if (result.ok) rules.push(...result.rules);
        else warnings.push(`the ${label} rules were skipped: ${result.errors.map(formatIssue).join("; ")}`);
      }
      return { rules, fingerprint, warnings };
    })();
    parsedRules.set(fingerprint, parsed);
    parsed.catch(() => parsedRules.delete(fingerprint));
  }
  return parsed;
}

const analyses = sharedLru<Promise<Analysis>>("analyses", 64, 600_000);
/** How long a refused analysis is remembered, so that reloading a page does not run it again at once. */
const REFUSAL_MS = 10 * 60_000;

/**
 * The analysis of a model revision under a rule set: run once, kept in memory, shared by every
 * request that asks meanwhile, frozen. A large one runs on a worker thread. A refusal (a limit
 * passed) is remembered for a while; a busy server or a failed worker is not.
 */
export function analysisOf(projectId: string, stored: { revision: number; model: Model }, customRules: CustomRules): Promise<Analysis> {
  const key = `${projectId}@${stored.revision}#${customRules.fingerprint}`;
  const cached = analyses.get(key);
  if (cached) return cached;
  const { model } = stored;
  const { rules } = customRules;
  const run = (
    analysisEvaluations(model, rules) > OFF_THREAD_EVALUATIONS()
      ? runOffThread("analyze", { model, rules }, `the analysis of "${model.project.name}"`)
      : Promise.resolve().then(() => analyzeModel(model, rules))
  ).then(deepFreeze);
  analyses.set(key, run);
  run.then(
    (analysis) => analyses.reweigh(key, analysis.threats.length + analysis.coverage.length),
    (e) => {
      if (isRefusal(e) && ["busy", "failed"].includes(refusalReason(e))) analyses.delete(key);
      else setTimeout(() => analyses.get(key) === run && analyses.delete(key), REFUSAL_MS).unref();
    },
  );
  return run;
}

const running = new Map<string, Promise<unknown>>();

/** Runs one task per project at a time in this process, so two requests never sync the same records at once. */
async function oneAtATime<T>(projectId: string, task: () => Promise<T>): Promise<T> {
  const before = running.get(projectId) ?? Promise.resolve();
  const next = before.catch(() => undefined).then(task);
  running.set(projectId, next);
  try {
    return await next;
  } finally {
    if (running.get(projectId) === next) running.delete(projectId);
  }
}

export interface ProjectThreats {
  revision: number;
  analysis: Analysis;
  records: Map<string, ThreatState>;
  /** With their snapshots: what they were when last found. */
  obsolete: ThreatRecord[];
  customRules: CustomRules;
  projectName: string;
}

/** The current threats of a project, analysing again only when the model or the rules changed since the last time. */
export async function projectThreats(actor: Actor, projectId: string): Promise<ProjectThreats | undefined> {
  const stored = await readProject(projectId);
  if (!stored) return undefined;
  await authorize(actor, projectId, "read");
  return syncProjectThreats(projectId, stored);
}

/**
 * Brings the stored threat records in line with the current model and rules (no access check: it
 * changes nothing a user wrote). `stored` is the current revision when the caller has read it already.
 */
export async function syncProjectThreats(projectId: string, stored?: StoredModel): Promise<ProjectThreats | undefined> {
  stored ??= await readProject(projectId);
  if (!stored) return undefined;
  const customRules = await customRulesFor(projectId);
  const analysis = await analysisOf(projectId, stored, customRules);
  const stamp = { revision: stored.revision, rulesFingerprint: customRules.fingerprint, libraryVersion: LIBRARY_VERSION };
  const db = await getDb();
  const synced = async () => {
    const last = await analysisStamp(db, projectId);
    return !!last && last.revision === stamp.revision && last.rulesFingerprint === stamp.rulesFingerprint && last.libraryVersion === stamp.libraryVersion;
  };
  // Only a request that finds the records behind the analysis queues up to bring them in line.
  if (!(await synced()))
    await oneAtATime(projectId, async () => {
      if (!(await synced())) await syncThreats(db, projectId, analysis, stamp, SYSTEM.name);
    });
  const all = await threatRecordsOf(db, projectId);
  const obsolete = all.some((r) => r.obsoleteSinceRevision !== null) ? await obsoleteRecordsOf(db, projectId) : [];
  return {
    revision: stored.revision,
    analysis,
    records: new Map(all.map((r) => [r.threatId, r])),
    obsolete,
    customRules,
    projectName: stored.model.project.name,
  };
}

export type DecideOutcome =
  | { ok: true; record: ThreatRecord }
  | { ok: false; kind: "invalid"; message: string; errors: ModelIssue[] }
  | { ok: false; kind: "not-found"; message: string }
  | { ok: false; kind: "conflict"; message: string; current: ThreatRecord };

export async function decide(actor: Actor, projectId: string, threatId: string, baseVersion: number, input: unknown): Promise<DecideOutcome> {
  await authorize(actor, projectId, "edit");
  const parsed = Decision.safeParse(input);
  if (!parsed.success)
    return {
      ok: false,
      kind: "invalid",
      message: parsed.error.issues.map((i) => i.message).join("; "),
      errors: parsed.error.issues.map((i) => ({ severity: "error", path: i.path.join(".") || "(decision)", message: i.message })),
    };
  const db = await getDb();
  if (parsed.data.status === "transferred") {
    const [links, controls] = await Promise.all([linksOf(db, projectId), controlsOf(db, projectId)]);
    const transfers = new Set(controls.filter((c) => c.control.transfersToOperator).map((c) => c.control.id));
    if (!(links.get(threatId) ?? []).some((l) => transfers.has(l.control)))
      return {
        ok: false,
        kind: "invalid",
        message: "a threat is transferred to the operator through a control that says so: link a control that transfers risk to the operator (information for security) first",
        errors: [{ severity: "error", path: "status", message: "no linked control transfers risk to the operator" }],
      };
  }
  const result = await decideThreat(db, projectId, threatId, baseVersion, parsed.data, actor);
  if (result.ok) return result;
  if (result.reason === "not-found") return { ok: false, kind: "not-found", message: `project "${projectId}" has no threat "${threatId}"` };
  const c = result.current;
  return {
    ok: false,
    kind: "conflict",
    message: `the decision changed since you opened it: ${c.decidedBy ?? "someone"} set it to "${c.status}"${c.decidedAt ? ` at ${c.decidedAt.toISOString()}` : ""}. Nothing was saved; your input is kept.`,
    current: c,
  };
}

export async function historyOf(actor: Actor, projectId: string, threatId: string) {
  await authorize(actor, projectId, "read");
  return threatHistory(await getDb(), projectId, threatId);
}

const projectOfScope = (scope: string) => (scope.startsWith("project:") ? scope.slice("project:".length) : undefined);

export async function ruleSetText(actor: Actor, scope: string) {
  const projectId = projectOfScope(scope);
  if (projectId) await authorize(actor, projectId, "read");
  const set = await getRuleSet(await getDb(), scope);
  return { text: set?.text ?? EMPTY_RULE_FILE, version: set?.version ?? 0 };
}

export type RuleSetOutcome =
  | { ok: true; version: number; count: number }
  | { ok: false; kind: "invalid"; message: string; errors: ModelIssue[] }
  | { ok: false; kind: "conflict"; message: string; currentVersion: number };

/** Validates and saves a rule set (organisation rules: administrators; project rules: editors); project rules must not reuse organisation rule ids. */
export async function saveRules(actor: Actor, scope: string, baseVersion: number, text: string): Promise<RuleSetOutcome> {
  const projectId = projectOfScope(scope);
  if (projectId) await authorize(actor, projectId, "edit");
  else await requireAdmin(actor);
  const db = await getDb();
  const other = scope === ORGANISATION_SCOPE ? undefined : await getRuleSet(db, ORGANISATION_SCOPE);
  const otherRules = other ? await readRuleText(other.text) : undefined;
  const parsed = await readRuleText(text, otherRules?.ok ? otherRules.rules.map((r) => r.id) : []);
  if (!parsed.ok) return { ok: false, kind: "invalid", message: `the rules were not saved: ${parsed.errors.length} problem(s)`, errors: parsed.errors };
  const saved = await saveRuleSet(db, scope, baseVersion, text, actor);
  if (saved.ok) return { ok: true, version: saved.version, count: parsed.rules.length };
  return {
    ok: false,
    kind: "conflict",
    message: `${saved.current.updatedBy} changed these rules at ${saved.current.updatedAt.toISOString()} (version ${saved.current.version}). Nothing was saved; your text is kept.`,
    currentVersion: saved.current.version,
  };
}
