import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import { auditInsert } from "./audit";
import type { Db } from "./client";
import { reportFiles, reportJobs } from "./schema";
import type { Actor } from "./users";

/** Document generation jobs and the files they produced. */

export type ReportJobRow = typeof reportJobs.$inferSelect;
export type ReportJobStatus = "queued" | "running" | "done" | "failed";
export interface ReportFileInfo {
  name: string;
  mediaType: string;
  size: number;
}
export interface NewReportJob {
  id: string;
  projectId: string;
  source: string;
  sourceLabel: string;
  docs: readonly string[];
  formats: readonly string[];
  contentHash?: string;
}

export interface JobCaps {
  /** Unfinished (queued or running) jobs one person may have, over all projects. */
  perPerson: number;
  /** Unfinished jobs of everybody together. */
  total: number;
}

/**
 * Creates a queued job, but only while the person and the installation are under their caps of
 * unfinished jobs; the count and the insert are one statement, so parallel requests cannot pass a cap
 * together. When it was not created, says which cap refused it.
 */
export async function createReportJob(db: Db, job: NewReportJob, actor: Actor, caps: JobCaps): Promise<ReportJobRow | { refused: keyof JobCaps }> {
  const row: ReportJobRow = {
    id: job.id,
    projectId: job.projectId,
    source: job.source,
    sourceLabel: job.sourceLabel,
    docs: JSON.stringify(job.docs),
    formats: JSON.stringify(job.formats),
    status: "queued",
    progressDone: 0,
    progressTotal: 0,
    step: "waiting for a free slot",
    message: "",
    createdById: actor.id,
    createdBy: actor.name,
    createdAt: new Date(),
    finishedAt: null,
    contentHash: job.contentHash ?? null,
  };
  const unfinished = sql`status IN ('queued', 'running')`;
  const created = sql`EXISTS (SELECT 1 FROM report_jobs WHERE id = ${row.id})`;
  await db.batch([
    db.run(sql`INSERT INTO report_jobs (id, project_id, source, source_label, docs, formats, status, progress_done, progress_total, step, message, created_by_id, created_by, created_at, finished_at, content_hash)
      SELECT ${row.id}, ${row.projectId}, ${row.source}, ${row.sourceLabel}, ${row.docs}, ${row.formats}, ${row.status}, 0, 0, ${row.step}, '', ${row.createdById}, ${row.createdBy}, ${row.createdAt.getTime()}, NULL, ${row.contentHash}
      WHERE (SELECT count(*) FROM report_jobs WHERE created_by_id = ${actor.id} AND ${unfinished}) < ${caps.perPerson}
        AND (SELECT count(*) FROM report_jobs WHERE ${unfinished}) < ${caps.total}`),
    auditInsert(
      db,
      {
        projectId: job.projectId,
        actor,
        action: "report.generate",
        entityType: "report-job",
        entityId: job.id,
        summary: `documents from ${job.sourceLabel}: ${job.docs.join(", ")} as ${job.formats.join(", ")}`,
        after: { source: job.source, docs: job.docs, formats: job.formats, contentHash: job.contentHash ?? null },
      },
      created,
    ),
  ]);
  if (await reportJobById(db, job.projectId, job.id)) return row;
  return { refused: (await unfinishedJobsOf(db, actor.id)) >= caps.perPerson ? "perPerson" : "total" };
}

export async function reportJobsOf(db: Db, projectId: string, limit = 50): Promise<ReportJobRow[]> {
  return db.select().from(reportJobs).where(eq(reportJobs.projectId, projectId)).orderBy(desc(reportJobs.createdAt), desc(reportJobs.id)).limit(limit);
}

export async function reportJobById(db: Db, projectId: string, id: string): Promise<ReportJobRow | undefined> {
  const [row] = await db.select().from(reportJobs).where(and(eq(reportJobs.projectId, projectId), eq(reportJobs.id, id)));
  return row;
}

/** Jobs of this person, in any project, that have not finished yet. */
export async function unfinishedJobsOf(db: Db, userId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)` })
    .from(reportJobs)
    .where(and(eq(reportJobs.createdById, userId), inArray(reportJobs.status, ["queued", "running"])));
  return Number(row?.n ?? 0);
}

/** Claims a queued job for running; false when another runner took it first. */
export async function claimReportJob(db: Db, id: string): Promise<boolean> {
  const claimed = await db
    .update(reportJobs)
    .set({ status: "running", step: "starting" })
    .where(and(eq(reportJobs.id, id), eq(reportJobs.status, "queued")))
    .returning({ id: reportJobs.id });
  return claimed.length === 1;
}

export async function setReportProgress(db: Db, id: string, p: { done: number; total: number; step: string; contentHash?: string }): Promise<void> {
  await db
    .update(reportJobs)
    .set({ progressDone: p.done, progressTotal: p.total, step: p.step, ...(p.contentHash ? { contentHash: p.contentHash } : {}) })
    .where(and(eq(reportJobs.id, id), eq(reportJobs.status, "running")));
}

/** Stores one produced file of a running job (one at a time: a full set can be over 100 MB). */
export async function storeReportFile(db: Db, jobId: string, file: { name: string; mediaType: string; bytes: Buffer }): Promise<void> {
  await db.insert(reportFiles).values({ jobId, ...file }).onConflictDoUpdate({ target: [reportFiles.jobId, reportFiles.name], set: { mediaType: file.mediaType, bytes: file.bytes } });
}

export async function finishReportJob(db: Db, id: string): Promise<void> {
  await db
    .update(reportJobs)
    .set({ status: "done", step: "done", progressDone: sql`max(${reportJobs.progressDone}, ${reportJobs.progressTotal})`, finishedAt: new Date() })
    .where(eq(reportJobs.id, id));
}

/** Marks a job failed and drops any files it stored before it failed. */
export async function failReportJob(db: Db, id: string, message: string): Promise<void> {
  await db.batch([
    db.delete(reportFiles).where(eq(reportFiles.jobId, id)),
    db.update(reportJobs).set({ status: "failed", message, finishedAt: new Date() }).where(eq(reportJobs.id, id)),
  ]);
}

/** Marks every job that is queued or running as failed: for jobs a stopped server process left behind. */
export async function failUnfinishedReportJobs(db: Db, message: string): Promise<number> {
  const rows = await db
    .update(reportJobs)
    .set({ status: "failed", message, finishedAt: new Date() })
    .where(inArray(reportJobs.status, ["queued", "running"]))
    .returning({ id: reportJobs.id });
  return rows.length;
}

export async function reportFilesOf(db: Db, jobIds: readonly string[]): Promise<(ReportFileInfo & { jobId: string })[]> {
  if (!jobIds.length) return [];
  const rows = await db
    .select({ jobId: reportFiles.jobId, name: reportFiles.name, mediaType: reportFiles.mediaType, size: sql<number>`length(${reportFiles.bytes})` })
    .from(reportFiles)
    .where(inArray(reportFiles.jobId, [...jobIds]))
    .orderBy(asc(reportFiles.name));
  return rows.map((r) => ({ ...r, size: Number(r.size) }));
}

export async function reportFile(db: Db, jobId: string, name: string): Promise<{ name: string; mediaType: string; bytes: Buffer } | undefined> {
  const [row] = await db.select().from(reportFiles).where(and(eq(reportFiles.jobId, jobId), eq(reportFiles.name, name)));
  return row ? { name: row.name, mediaType: row.mediaType, bytes: Buffer.from(row.bytes) } : undefined;
}
