import { randomBytes } from "node:crypto";
import { z } from "zod";
import { loadAssessment } from "@/db/assessment";
import { baselineById } from "@/db/baselines";
import { getDb } from "@/db/client";
import * as store from "@/db/reports";
import { getRuleSet, ORGANISATION_SCOPE, projectScope } from "@/db/rule-sets";
import type { Actor } from "@/db/users";
import type { ModelIssue } from "@/lib/model/issues";
import { serializeProject } from "@/lib/project/file";
import { DOCUMENT_IDS, REPORT_FORMATS, type DocumentId } from "@/lib/reports/document";
import { authorize } from "./access";
import { listBaselines } from "./baselines";
import { readProject } from "./projects";
import { enqueueReportJob, recoverInterruptedJobs, type PreparedJob } from "./report-runner";

/**
 * Generated documents. Generating and downloading need only "read": a document restates what a
 * reader can already see and export (project file, baselines), changes nothing in the project, and
 * regulatory staff who assemble the technical documentation often hold the viewer or reviewer role.
 * What generation costs is bounded instead: two jobs at a time per server process, at most
 * jobCaps().perPerson waiting or running per person over all projects and jobCaps().total for the
 * whole installation (MEDTHREAT_REPORT_QUEUE), and every job in the audit log.
 */

export const jobCaps = () => ({ perPerson: 3, total: Math.max(1, Number(process.env.MEDTHREAT_REPORT_QUEUE) || 20) });
export const JOB_FORMATS = [...REPORT_FORMATS, "zip"] as const;
export type JobFormat = (typeof JOB_FORMATS)[number];

export type ReportOutcome<T> =
  | { ok: true; value: T }
  | { ok: false; kind: "invalid"; message: string; errors: ModelIssue[] }
  | { ok: false; kind: "not-found" | "busy"; message: string };

export interface ReportFileView {
  name: string;
  mediaType: string;
  size: number;
}

export interface ReportJobView {
  id: string;
  source: string;
  sourceLabel: string;
  docs: DocumentId[];
  formats: JobFormat[];
  status: store.ReportJobStatus;
  progress: { done: number; total: number; step: string };
  message: string;
  createdBy: string;
  createdAt: string;
  finishedAt: string | null;
  contentHash: string | null;
  files: ReportFileView[];
}

export interface ReportSourceChoice {
  /** "current" or "baseline:<id>". */
  value: string;
  label: string;
  signed: boolean;
}

const ReportRequest = z.strictObject({
  source: z
    .string({ error: "name the source: current, revision:<n> or baseline:<id>" })
    .regex(/^(current|revision:\d+|baseline:[\w-]+)$/, "the source is current, revision:<n> or baseline:<id>")
    .default("current"),
  docs: z.union([z.literal("all"), z.array(z.enum(DOCUMENT_IDS, { error: `a document is one of ${DOCUMENT_IDS.join(", ")}` })).min(1, "choose at least one document")]).default("all"),
  formats: z.array(z.enum(JOB_FORMATS, { error: `a format is one of ${JOB_FORMATS.join(", ")}` })).min(1, "choose at least one format"),
});
export type ReportRequest = z.input<typeof ReportRequest>;

const invalid = (message: string, errors: ModelIssue[]) => ({ ok: false, kind: "invalid", message, errors }) as const;
const day = (d: Date) => d.toISOString().slice(0, 10);

function toView(row: store.ReportJobRow, files: store.ReportFileInfo[]): ReportJobView {
  return {
    id: row.id,
    source: row.source,
    sourceLabel: row.sourceLabel,
    docs: JSON.parse(row.docs),
    formats: JSON.parse(row.formats),
    status: row.status as store.ReportJobStatus,
    progress: { done: row.progressDone, total: row.progressTotal, step: row.step },
    message: row.message,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
    contentHash: row.contentHash,
    files: files.map(({ name, mediaType, size }) => ({ name, mediaType, size })),
  };
}

/** The project's document jobs, newest first, with their files. */
export async function listReports(actor: Actor, projectId: string): Promise<ReportJobView[]> {
  await authorize(actor, projectId, "read");
  await recoverInterruptedJobs();
  const db = await getDb();
  const jobs = await store.reportJobsOf(db, projectId);
  const files = await store.reportFilesOf(db, jobs.map((j) => j.id));
  return jobs.map((j) => toView(j, files.filter((f) => f.jobId === j.id)));
}

export async function getReport(actor: Actor, projectId: string, jobId: string): Promise<ReportJobView | undefined> {
  await authorize(actor, projectId, "read");
  await recoverInterruptedJobs();
  const db = await getDb();
  const job = await store.reportJobById(db, projectId, jobId);
  return job && toView(job, await store.reportFilesOf(db, [job.id]));
}

export async function reportFileOf(actor: Actor, projectId: string, jobId: string, name: string) {
  await authorize(actor, projectId, "read");
  const db = await getDb();
  if (!(await store.reportJobById(db, projectId, jobId))) return undefined;
  return store.reportFile(db, jobId, name);
}

/** What documents can be generated from: the current revision and every baseline (signed ones marked). */
export async function reportSources(actor: Actor, projectId: string): Promise<ReportSourceChoice[]> {
  const baselines = await listBaselines(actor, projectId);
  const current = await readProject(projectId);
  return [
    ...(current ? [{ value: "current", label: `Current revision (${current.revision})`, signed: false }] : []),
    ...baselines.map((b) => ({
      value: `baseline:${b.id}`,
      label: `Baseline "${b.name}" (revision ${b.revision}${b.signOffs.length ? `, signed off by ${b.signOffs.map((s) => s.userName).join(", ")}` : ", not signed off"})`,
      signed: b.signOffs.length > 0,
    })),
  ];
}

type Prepared = Omit<PreparedJob, "jobId"> & { source: string; sourceLabel: string; contentHash?: string };

/** The input file and options for the generator: a baseline's stored content, or the current project file with the custom rules. */
async function prepare(projectId: string, source: string): Promise<Prepared | { ok: false; kind: "invalid" | "not-found"; message: string }> {
  const db = await getDb();
  if (source.startsWith("baseline:")) {
    const id = source.slice("baseline:".length);
    const baseline = await baselineById(db, projectId, id);
    if (!baseline) return { ok: false, kind: "not-found", message: `there is no baseline "${id}" in this project` };
    return {
      source,
      sourceLabel: `baseline "${baseline.name}"`,
      contentHash: baseline.contentHash,
      input: { name: "project.baseline.json", text: baseline.content },
      rules: [],
      args: [`--name=${baseline.name}`, "--date", day(baseline.createdAt)],
    };
  }
  const current = await readProject(projectId);
  if (!current) return { ok: false, kind: "not-found", message: `there is no project "${projectId}"` };
  const wanted = source === "current" ? current.revision : Number(source.slice("revision:".length));
  if (wanted !== current.revision)
    return {
      ok: false,
      kind: "invalid",
      message: `revision ${wanted} is not the current revision (${current.revision}): a revision keeps only its model, so documents come from the current revision or from a baseline`,
    };
  const [assessment, org, own] = await Promise.all([loadAssessment(db, projectId), getRuleSet(db, ORGANISATION_SCOPE), getRuleSet(db, projectScope(projectId))]);
  return {
    source: `revision:${current.revision}`,
    sourceLabel: `revision ${current.revision}`,
    input: { name: "project.yaml", text: serializeProject({ model: current.model, assessment }, "yaml") },
    rules: [org?.text ?? "", own?.text ?? ""].filter((t) => t.trim()),
    args: ["--revision", String(current.revision), "--date", day(current.savedAt)],
  };
}

const busy = (cap: keyof store.JobCaps, caps: store.JobCaps) =>
  ({
    ok: false,
    kind: "busy",
    message:
      cap === "perPerson"
        ? `you have ${caps.perPerson} document jobs waiting or running already (in this or other projects); wait until one has finished`
        : `the server has ${caps.total} document jobs waiting or running; wait a few minutes and try again`,
  }) as const;

/** Queues a job that generates the documents; it runs in a child process and reports progress in the job. */
export async function createReport(actor: Actor, projectId: string, input: unknown): Promise<ReportOutcome<ReportJobView>> {
  await authorize(actor, projectId, "read", { change: true });
  await recoverInterruptedJobs();
  const parsed = ReportRequest.safeParse(input);
  if (!parsed.success)
    return invalid(
      "the documents were not generated",
      parsed.error.issues.map((i) => ({ severity: "error", path: i.path.join(".") || "(request)", message: i.message })),
    );
  const db = await getDb();
  const caps = jobCaps();
  if ((await store.unfinishedJobsOf(db, actor.id)) >= caps.perPerson) return busy("perPerson", caps);
  const prepared = await prepare(projectId, parsed.data.source);
  if ("ok" in prepared)
    return prepared.kind === "invalid" ? invalid(prepared.message, [{ severity: "error", path: "source", message: prepared.message }]) : { ok: false, kind: "not-found", message: prepared.message };
  const docs = parsed.data.docs === "all" ? [...DOCUMENT_IDS] : DOCUMENT_IDS.filter((d) => (parsed.data.docs as string[]).includes(d));
  const formats = JOB_FORMATS.filter((f) => parsed.data.formats.includes(f));
  const id = randomBytes(9).toString("base64url");
  const row = await store.createReportJob(db, { id, projectId, source: prepared.source, sourceLabel: prepared.sourceLabel, docs, formats, contentHash: prepared.contentHash }, actor, caps);
  if ("refused" in row) return busy(row.refused, caps);
  enqueueReportJob({
    jobId: id,
    input: prepared.input,
    rules: prepared.rules,
    args: [...docs.flatMap((d) => ["--doc", d]), ...formats.flatMap((f) => ["--format", f]), ...prepared.args],
  });
  return { ok: true, value: toView(row, []) };
}
