import { z } from "zod";
import { getDb, type Db } from "@/db/client";
import { loadAssessment } from "@/db/assessment";
import * as store from "@/db/baselines";
import { getRuleSet, ORGANISATION_SCOPE, projectScope } from "@/db/rule-sets";
import type { Actor } from "@/db/users";
import type { ModelIssue } from "@/lib/model/issues";
import { BaselineName, contentHash, readBaselineContent, SignOffInput, workingCopyStatus, writeBaselineContent, type BaselineSnapshot, type WorkingCopyStatus } from "@/lib/review/baseline";
import { LIBRARY_VERSION } from "@/lib/threats";
import { diffProjects, type ProjectSnapshot } from "@/lib/trace/diff";
import { authorize } from "./access";
import { readProject } from "./projects";
import { syncProjectThreats } from "./threats";

/**
 * Baselines: creating one needs "edit", signing one off needs "review", reading needs "read".
 * A baseline is never changed; a sign-off is refused when the stored content no longer matches its hash.
 */

export type BaselineOutcome<T> =
  | { ok: true; value: T }
  | { ok: false; kind: "invalid"; message: string; errors: ModelIssue[] }
  | { ok: false; kind: "not-found" | "conflict" | "tampered"; message: string };

export interface SignOffView {
  userId: string;
  userName: string;
  at: string;
  contentHash: string;
  statement: string;
}

export interface BaselineView {
  id: string;
  name: string;
  revision: number;
  contentHash: string;
  createdBy: string;
  createdAt: string;
  signOffs: SignOffView[];
}

const invalid = (message: string, path: string, error: z.ZodError) =>
  ({ ok: false, kind: "invalid", message, errors: error.issues.map((i): ModelIssue => ({ severity: "error", path, message: i.message })) }) as const;
const notFound = (id: string) => ({ ok: false, kind: "not-found", message: `there is no baseline "${id}" in this project` }) as const;

function toView(b: store.BaselineInfo, signOffs: store.SignOffRow[]): BaselineView {
  return {
    id: b.id,
    name: b.name,
    revision: b.revision,
    contentHash: b.contentHash,
    createdBy: b.createdBy,
    createdAt: b.createdAt.toISOString(),
    signOffs: signOffs
      .filter((s) => s.baselineId === b.id)
      .map((s) => ({ userId: s.userId, userName: s.userName, at: s.at.toISOString(), contentHash: s.contentHash, statement: s.statement })),
  };
}

/** The project as it is now: model, assessment, custom rule texts and the threats they raise. No access check. */
export async function workingCopy(projectId: string): Promise<BaselineSnapshot | undefined> {
  const threats = await syncProjectThreats(projectId);
  if (!threats) return undefined;
  const db = await getDb();
  const [stored, assessment, org, own] = await Promise.all([
    readProject(projectId, threats.revision),
    loadAssessment(db, projectId),
    getRuleSet(db, ORGANISATION_SCOPE),
    getRuleSet(db, projectScope(projectId)),
  ]);
  if (!stored) return undefined;
  return {
    revision: stored.revision,
    libraryVersion: LIBRARY_VERSION,
    rules: { organisation: org?.text ?? "", project: own?.text ?? "" },
    file: { model: stored.model, assessment },
    threats: threats.analysis.threats,
  };
}

export const snapshotForDiff = (s: BaselineSnapshot): ProjectSnapshot => ({ model: s.file.model, assessment: s.file.assessment, threats: s.threats });

/**
 * Whether a stored baseline is the one that was taken and signed: its content still has its hash,
 * and that hash is the one the audit log recorded at creation and every sign-off signed. A baseline
 * deleted and written again with other content and a fresh hash fails the last two.
 */
async function integrityOf(db: Db, row: store.BaselineRow, signOffs: readonly store.SignOffRow[]): Promise<string[]> {
  const problems: string[] = [];
  if (contentHash(row.content) !== row.contentHash) problems.push(`its content no longer matches its hash ${row.contentHash}`);
  const recorded = await store.recordedContentHash(db, row.projectId, row.id);
  if (recorded === undefined) problems.push("the audit log has no record of its creation");
  else if (recorded !== row.contentHash) problems.push(`its hash ${row.contentHash} is not the ${recorded} the audit log recorded when it was created`);
  const unsigned = signOffs.filter((s) => s.baselineId === row.id && s.contentHash !== row.contentHash);
  if (unsigned.length) problems.push(`${unsigned.map((s) => s.userName).join(", ")} signed off ${unsigned[0].contentHash}, not ${row.contentHash}`);
  return problems;
}

export async function listBaselines(actor: Actor, projectId: string): Promise<BaselineView[]> {
  await authorize(actor, projectId, "read");
  const db = await getDb();
  const list = await store.baselinesOf(db, projectId);
  const signOffs = await store.signOffsOf(db, list.map((b) => b.id));
  return list.map((b) => toView(b, signOffs));
}

export async function getBaseline(actor: Actor, projectId: string, baselineId: string): Promise<(BaselineView & { content: string }) | undefined> {
  await authorize(actor, projectId, "read");
  const db = await getDb();
  const row = await store.baselineById(db, projectId, baselineId);
  if (!row) return undefined;
  return { ...toView(row, await store.signOffsOf(db, [row.id])), content: row.content };
}

export async function createBaseline(actor: Actor, projectId: string, input: unknown): Promise<BaselineOutcome<BaselineView>> {
  await authorize(actor, projectId, "edit");
  const parsed = z.strictObject({ name: BaselineName }).safeParse(input);
  if (!parsed.success) return invalid("the baseline was not created", "name", parsed.error);
  const db = await getDb();
  const { name } = parsed.data;
  if ((await store.baselinesOf(db, projectId)).some((b) => b.name.toLowerCase() === name.toLowerCase()))
    return { ok: false, kind: "invalid", message: "the baseline was not created", errors: [{ severity: "error", path: "name", message: `there is already a baseline named "${name}"; choose another name` }] };
  const snapshot = await workingCopy(projectId);
  if (!snapshot) return { ok: false, kind: "not-found", message: `there is no project "${projectId}"` };
  const content = writeBaselineContent(snapshot);
  const row = await store.createBaseline(db, { projectId, name, revision: snapshot.revision, content, contentHash: contentHash(content) }, actor);
  return { ok: true, value: toView(row, []) };
}

/** Records a reviewer's sign-off of a baseline, after checking that its content still matches its hash. */
export async function signOffBaseline(actor: Actor, projectId: string, baselineId: string, input: unknown): Promise<BaselineOutcome<SignOffView>> {
  await authorize(actor, projectId, "review");
  const parsed = SignOffInput.safeParse(input);
  if (!parsed.success) return invalid("the sign-off was not recorded", "statement", parsed.error);
  const db = await getDb();
  const baseline = await store.baselineById(db, projectId, baselineId);
  if (!baseline) return notFound(baselineId);
  const signed = await store.signOffsOf(db, [baselineId]);
  const problems = await integrityOf(db, baseline, signed);
  if (problems.length)
    return {
      ok: false,
      kind: "tampered",
      message: `baseline "${baseline.name}" was changed outside medthreat: ${problems.join("; ")}. Nothing was signed; tell your administrator.`,
    };
  const earlier = signed.find((s) => s.userId === actor.id);
  if (earlier) return { ok: false, kind: "conflict", message: `you signed off baseline "${baseline.name}" already, at ${earlier.at.toISOString()}` };
  const row = await store.addSignOff(db, baseline, parsed.data.statement, actor);
  return { ok: true, value: { userId: row.userId, userName: row.userName, at: row.at.toISOString(), contentHash: row.contentHash, statement: row.statement } };
}

export interface BaselineStatus extends WorkingCopyStatus {
  /** The stored content matches its hash, and that hash is the one recorded at creation and signed. */
  intact: boolean;
  /** Why it is not intact. */
  integrityProblems: string[];
}

/** For each baseline, whether the working copy has moved on from it (semantic diff) and whether its content is intact. */
export async function baselineStatuses(actor: Actor, projectId: string, baselineIds: readonly string[]): Promise<Map<string, BaselineStatus>> {
  await authorize(actor, projectId, "read");
  const db = await getDb();
  const current = await workingCopy(projectId);
  const statuses = new Map<string, BaselineStatus>();
  if (!current) return statuses;
  const signOffs = await store.signOffsOf(db, baselineIds);
  for (const id of baselineIds) {
    const row = await store.baselineById(db, projectId, id);
    if (!row) continue;
    const integrityProblems = await integrityOf(db, row, signOffs);
    const intact = integrityProblems.length === 0;
    const read = readBaselineContent(row.content);
    if (!read.ok) {
      statuses.set(id, { changed: true, changes: 0, rulesChanged: false, libraryChanged: false, text: read.message, intact, integrityProblems });
      continue;
    }
    const context = {
      rulesChanged: read.rules.organisation !== current.rules.organisation || read.rules.project !== current.rules.project,
      libraryChanged: read.libraryVersion !== current.libraryVersion,
    };
    statuses.set(id, { ...workingCopyStatus(diffProjects(snapshotForDiff(read), snapshotForDiff(current)), context), intact, integrityProblems });
  }
  return statuses;
}
