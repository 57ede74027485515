import { spawn } from "node:child_process";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { getDb } from "@/db/client";
import * as store from "@/db/reports";
import { MEDIA_TYPES } from "@/lib/reports/produce";

/**
 * Runs document generation jobs outside the web server's event loop: each job is a child process
 * (`medthreat report … --progress json`), at most MAX_RUNNING at a time per server process, the
 * others wait in a queue. Progress lines update the job row; the files end up in report_files.
 * The queue lives in memory (on globalThis, so every route bundle shares it): jobs a stopped
 * process left queued or running are marked failed the first time the runner is used.
 */

/** Jobs at a time per server process: MEDTHREAT_REPORT_JOBS, default 2 (a large project's PDFs take several GB of memory in Chromium). */
export const MAX_RUNNING = Math.max(1, Number(process.env.MEDTHREAT_REPORT_JOBS) || 2);
const TIMEOUT_MS = 15 * 60_000;
export const INTERRUPTED = "interrupted: the server stopped before the documents were finished; generate them again";

/** What the child process is given: the input file, rule files and the options after `--format`. */
export interface PreparedJob {
  jobId: string;
  input: { name: string; text: string };
  rules: string[];
  args: string[];
}

interface RunnerState {
  queue: { job: PreparedJob; release: () => void }[];
  running: number;
  paused: boolean;
  recovered?: Promise<void>;
  settled: Map<string, Promise<void>>;
}

const state: RunnerState = ((globalThis as { __medthreatReportRunner?: RunnerState }).__medthreatReportRunner ??= { queue: [], running: 0, paused: false, settled: new Map() });

/** Once per process: jobs a previous process left unfinished can never finish, so they are marked failed. */
export function recoverInterruptedJobs(): Promise<void> {
  return (state.recovered ??= (async () => {
    await store.failUnfinishedReportJobs(await getDb(), INTERRUPTED);
  })().catch((e) => {
    state.recovered = undefined;
    throw e;
  }));
}

export function enqueueReportJob(job: PreparedJob): void {
  let release!: () => void;
  state.settled.set(job.jobId, new Promise<void>((resolve) => (release = resolve)));
  state.queue.push({ job, release });
  pump();
}

function pump(): void {
  while (!state.paused && state.running < MAX_RUNNING && state.queue.length) {
    const { job, release } = state.queue.shift()!;
    state.running++;
    void runJob(job)
      .catch((e) => console.error(`report job ${job.jobId}:`, e))
      .finally(() => {
        state.running--;
        state.settled.delete(job.jobId);
        release();
        pump();
      });
  }
}

/** For tests: hold queued jobs (true) or let them run again (false). */
export function pauseReportJobs(paused = true): void {
  state.paused = paused;
  if (!paused) pump();
}

/** Jobs running in this process and jobs waiting for a slot. */
export const reportRunnerLoad = () => ({ running: state.running, queued: state.queue.length });

/** For tests: resolves when the job has finished running (at once if it is not known to this process). */
export const reportJobSettled = (jobId: string): Promise<void> => state.settled.get(jobId) ?? Promise.resolve();

export const mediaTypeOf = (name: string): string => (MEDIA_TYPES as Record<string, string>)[name.slice(name.lastIndexOf(".") + 1)] ?? "application/octet-stream";

interface Progress {
  done: number;
  total: number;
  step: string;
  contentHash?: string;
}

function parseProgress(line: string): Progress | undefined {
  if (!line.startsWith("{")) return undefined;
  try {
    const p = JSON.parse(line) as Partial<Progress>;
    if (typeof p.done !== "number" || typeof p.total !== "number" || typeof p.step !== "string") return undefined;
    return { done: p.done, total: p.total, step: p.step.slice(0, 200), ...(typeof p.contentHash === "string" ? { contentHash: p.contentHash } : {}) };
  } catch {
    return undefined;
  }
}

const CLI = () => path.join(process.cwd(), "bin", "medthreat.mjs");

/** The environment of the child: the server's, without database credentials it has no use for. */
function childEnv(): NodeJS.ProcessEnv {
  const { DATABASE_URL: _url, DATABASE_AUTH_TOKEN: _token, ...env } = process.env;
  return env;
}

async function runJob(job: PreparedJob): Promise<void> {
  const db = await getDb();
  if (!(await store.claimReportJob(db, job.jobId))) return;
  const dir = await mkdtemp(path.join(tmpdir(), "medthreat-report-"));
  try {
    const inputPath = path.join(dir, job.input.name);
    await writeFile(inputPath, job.input.text);
    const ruleArgs: string[] = [];
    for (const [i, text] of job.rules.entries()) {
      const file = path.join(dir, `rules-${i + 1}.yaml`);
      await writeFile(file, text);
      ruleArgs.push("--rules", file);
    }
    const out = path.join(dir, "out");
    let last: Progress = { done: 0, total: 0, step: "" };
    const result = await runChild([CLI(), "report", inputPath, ...job.args, ...ruleArgs, "-o", out + path.sep, "--progress", "json"], (p) => {
      last = p;
      return store.setReportProgress(db, job.jobId, p);
    });
    if (result.code !== 0) {
      await store.failReportJob(db, job.jobId, result.error || `the document generator stopped with exit code ${result.code}`);
      return;
    }
    const names = (await readdir(out)).sort();
    for (const [i, name] of names.entries()) {
      await store.setReportProgress(db, job.jobId, { done: last.done, total: last.total, step: `storing ${name} (${i + 1} of ${names.length})` });
      await store.storeReportFile(db, job.jobId, { name, mediaType: mediaTypeOf(name), bytes: await readFile(path.join(out, name)) });
    }
    await store.finishReportJob(db, job.jobId);
  } catch (e) {
    await store.failReportJob(db, job.jobId, `the documents could not be generated: ${(e as Error).message}`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function runChild(args: string[], onProgress: (p: Progress) => Promise<void>): Promise<{ code: number; error: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: process.cwd(), env: childEnv(), stdio: ["ignore", "ignore", "pipe"] });
    const errors: string[] = [];
    let writes = Promise.resolve();
    let pending = "";
    const timer = setTimeout(() => {
      errors.push(`the document generator took longer than ${TIMEOUT_MS / 60_000} minutes and was stopped`);
      child.kill("SIGKILL");
    }, TIMEOUT_MS);
    child.stderr.setEncoding("utf8");
    child.stderr.on("data", (chunk: string) => {
      const lines = (pending + chunk).split("\n");
      pending = lines.pop()!;
      for (const line of lines) {
        const p = parseProgress(line.trim());
        if (p) writes = writes.then(() => onProgress(p)).catch(() => undefined);
        else if (line.trim()) errors.push(line.trim());
      }
    });
    let finished = false;
    const finish = (code: number) => {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      if (pending.trim() && !parseProgress(pending.trim())) errors.push(pending.trim());
      void writes.then(() => resolve({ code, error: errors.slice(-20).join("\n").slice(0, 4000) }));
    };
    child.on("error", (e) => {
      errors.push(`the document generator could not be started: ${e.message}`);
      finish(-1);
    });
    child.on("close", (code, signal) => finish(code ?? (signal ? 128 : -1)));
  });
}
