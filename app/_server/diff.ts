import { getDb } from "@/db/client";
import { loadAssessment } from "@/db/assessment";
import type { Actor } from "@/db/users";
import { readBaselineContent } from "@/lib/review/baseline";
import { formatVersionRef, parseVersionRef, VERSION_REF_HELP, type VersionRef } from "@/lib/review/version-ref";
import { diffProjects, type ProjectDiff, type ProjectSnapshot } from "@/lib/trace/diff";
import { authorize } from "./access";
import { getBaseline, listBaselines, snapshotForDiff, workingCopy } from "./baselines";
import { listRevisions, readProject } from "./projects";
import { analysisOf, customRulesFor } from "./threats";

/** The semantic diff between two versions of a project: baselines, model revisions or the working copy. */

export interface DiffSide {
  ref: string;
  label: string;
  revision: number;
  /** Said next to the diff when the side is not exactly what was stored (a revision has no assessment of its own). */
  note?: string;
}

export type DiffOutcome = { ok: true; from: DiffSide; to: DiffSide; diff: ProjectDiff } | { ok: false; kind: "invalid" | "not-found"; message: string };

type Side = { ok: true; side: DiffSide; snapshot: ProjectSnapshot } | { ok: false; kind: "invalid" | "not-found"; message: string };

export const REVISION_ASSESSMENT_NOTE =
  "Only the model is kept for each revision; the assessment (decisions, risks, controls, evidence) is compared as it is now. Create a baseline to freeze the assessment too.";

async function sideOf(actor: Actor, projectId: string, ref: VersionRef): Promise<Side> {
  const text = formatVersionRef(ref);
  if (ref.kind === "current") {
    const current = await workingCopy(projectId);
    if (!current) return { ok: false, kind: "not-found", message: `there is no project "${projectId}"` };
    return { ok: true, side: { ref: text, label: `Working copy (revision ${current.revision})`, revision: current.revision }, snapshot: snapshotForDiff(current) };
  }
  if (ref.kind === "revision") {
    const stored = await readProject(projectId, ref.revision);
    if (!stored) return { ok: false, kind: "not-found", message: `the project has no revision ${ref.revision}` };
    const [rules, assessment] = await Promise.all([customRulesFor(projectId), loadAssessment(await getDb(), projectId)]);
    return {
      ok: true,
      side: { ref: text, label: `Revision ${ref.revision}`, revision: ref.revision, note: REVISION_ASSESSMENT_NOTE },
      snapshot: { model: stored.model, assessment, threats: (await analysisOf(projectId, stored, rules)).threats },
    };
  }
  const baseline = await getBaseline(actor, projectId, ref.id);
  if (!baseline) return { ok: false, kind: "not-found", message: `there is no baseline "${ref.id}" in this project` };
  const read = readBaselineContent(baseline.content);
  if (!read.ok) return { ok: false, kind: "invalid", message: `baseline "${baseline.name}" cannot be read: ${read.message}` };
  return { ok: true, side: { ref: text, label: `Baseline "${baseline.name}" (revision ${baseline.revision})`, revision: baseline.revision }, snapshot: snapshotForDiff(read) };
}

export async function projectDiff(actor: Actor, projectId: string, from: string | null | undefined, to: string | null | undefined): Promise<DiffOutcome> {
  await authorize(actor, projectId, "read");
  const refs = [parseVersionRef(from), parseVersionRef(to)];
  for (const [i, ref] of refs.entries())
    if (!ref) return { ok: false, kind: "invalid", message: `"${[from, to][i] ?? ""}" is not a version to compare (${i ? "to" : "from"}): ${VERSION_REF_HELP}` };
  const [a, b] = await Promise.all(refs.map((ref) => sideOf(actor, projectId, ref!)));
  if (!a.ok) return a;
  if (!b.ok) return b;
  return { ok: true, from: a.side, to: b.side, diff: diffProjects(a.snapshot, b.snapshot) };
}

/** What a diff can compare: the working copy, every baseline and every revision, newest first. */
export async function diffChoices(actor: Actor, projectId: string): Promise<{ ref: string; label: string }[]> {
  const [baselines, revisions] = await Promise.all([listBaselines(actor, projectId), listRevisions(actor, projectId)]);
  return [
    { ref: "current", label: "Working copy" },
    ...baselines.map((b) => ({ ref: `baseline:${b.id}`, label: `Baseline "${b.name}" (revision ${b.revision})` })),
    ...revisions.map((r) => ({ ref: `revision:${r.revision}`, label: `Revision ${r.revision}: ${r.summary.length > 60 ? `${r.summary.slice(0, 57)}...` : r.summary}` })),
  ];
}
