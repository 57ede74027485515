import path from "node:path";
import { Worker } from "node:worker_threads";
import { validateModelText, type ValidationResult } from "@/lib/model/validate";
import { validateProjectText, type ProjectResult } from "@/lib/project/file";
import { parseRuleFile, type RuleFileResult } from "@/lib/threats/custom-rules";
import { AnalysisLimitError, type AnalysisLimitKind } from "@/lib/threats/limits";
import type { TaskInput, TaskName, TaskOutput } from "./worker/tasks";

/**
 * Work too heavy for the request thread (reading a large model file, analysing a large model) runs
 * in a small pool of worker threads, so the server keeps answering meanwhile. Each worker has a heap
 * limit and each task a time limit: past either, the worker is stopped and replaced, the task is
 * refused with a clear message and the server carries on. Too many waiting tasks are refused as busy.
 */

export class WorkRefused extends Error {
  constructor(
    public readonly reason: "time" | "memory" | "busy" | "failed",
    message: string,
  ) {
    super(message);
    this.name = "WorkRefused";
  }
}

export const offThreadSettings = () => ({
  workers: Math.max(1, Number(process.env.MEDTHREAT_WORKERS) || 2),
  memoryMb: Math.max(64, Number(process.env.MEDTHREAT_WORKER_MEMORY_MB) || 2048),
  timeoutMs: Math.max(100, Number(process.env.MEDTHREAT_WORKER_TIMEOUT_MS) || 90_000),
  maxWaiting: 16,
});

interface Job {
  id: number;
  task: TaskName;
  input: unknown;
  what: string;
  resolve(value: unknown): void;
  reject(error: Error): void;
}
interface Slot {
  worker: Worker;
  job?: Job;
  timer?: NodeJS.Timeout;
}
interface Pool {
  slots: Slot[];
  waiting: Job[];
  next: number;
}

const pool: Pool = ((globalThis as { __medthreatOffThread?: Pool }).__medthreatOffThread ??= { slots: [], waiting: [], next: 1 });
/** Loaded at run time from the source tree (tsx compiles lib on the fly), never bundled by the build. */
const ENTRY = () => path.join(/* turbopackIgnore: true */ process.cwd(), "app", "_server", "worker", "entry.mjs");

/** What to do about work that passed a worker's time or memory limit. */
const REMEDY: Record<TaskName, string> = {
  analyze: "split the model or simplify its custom rules",
  validateModelText: "split the model into smaller files",
  validateProjectText: "split the model into smaller files",
  parseRuleFile: "split the rules into smaller files",
  hold: "it only tests the pool",
};

/** Runs a task on a worker thread; `what` names the work in refusals ("the analysis of Pump 3"). */
export function runOffThread<K extends TaskName>(task: K, input: TaskInput<K>, what: string): Promise<TaskOutput<K>> {
  if (pool.waiting.length >= offThreadSettings().maxWaiting)
    return Promise.reject(new WorkRefused("busy", `the server is busy with other large files and analyses, so ${what} was not started; try again in a minute`));
  return new Promise((resolve, reject) => {
    pool.waiting.push({ id: pool.next++, task, input, what, resolve: resolve as (value: unknown) => void, reject });
    dispatch();
  });
}

/**
 * Work refused for its size, time or memory, or because the server was busy: the message is for the
 * user. Told by name, not by class: each route bundle of the server has its own copy of the classes,
 * and the pool (shared by all of them) makes its errors with the copy of the bundle that started it.
 */
export const isRefusal = (e: unknown): e is AnalysisLimitError | WorkRefused => e instanceof Error && (e.name === "AnalysisLimitError" || e.name === "WorkRefused");

/** Why the work was refused: the analysis limit passed, or the pool's reason (time, memory, busy, failed). */
export const refusalReason = (e: AnalysisLimitError | WorkRefused): string => ("limit" in e ? e.limit : e.reason);

/** Workers running and tasks waiting, for tests and diagnostics. */
export const offThreadLoad = () => ({ workers: pool.slots.length, busy: pool.slots.filter((s) => s.job).length, waiting: pool.waiting.length });

/** Ends every worker (their tasks are refused); the next task starts new ones with the settings then in force. For tests. */
export function stopWorkers(): void {
  for (const slot of [...pool.slots]) stop(slot, new WorkRefused("failed", "the worker threads were stopped"));
}

function dispatch(): void {
  const settings = offThreadSettings();
  while (pool.waiting.length) {
    const slot = pool.slots.find((s) => !s.job) ?? (pool.slots.length < settings.workers ? start(settings.memoryMb) : undefined);
    if (!slot) return;
    const job = pool.waiting.shift()!;
    slot.job = job;
    slot.worker.ref();
    slot.timer = setTimeout(() => stop(slot, new WorkRefused("time", `${job.what} took longer than ${settings.timeoutMs / 1000} s and was stopped; ${REMEDY[job.task]}`)), settings.timeoutMs);
    slot.worker.postMessage({ id: job.id, task: job.task, input: job.input });
  }
}

function start(memoryMb: number): Slot {
  const slot: Slot = { worker: new Worker(/* turbopackIgnore: true */ ENTRY(), { resourceLimits: { maxOldGenerationSizeMb: memoryMb } }) };
  slot.worker.unref();
  pool.slots.push(slot);
  slot.worker.on("message", (message: { id: number; ok: boolean; value?: unknown; error?: { name: string; message: string; limit?: AnalysisLimitKind } }) => {
    const job = slot.job;
    if (!job || message.id !== job.id) return;
    clearTimeout(slot.timer);
    slot.job = undefined;
    slot.worker.unref();
    if (message.ok) job.resolve(message.value);
    else job.reject(revive(message.error!));
    dispatch();
  });
  slot.worker.on("error", (e: Error & { code?: string }) =>
    stop(
      slot,
      e.code === "ERR_WORKER_OUT_OF_MEMORY"
        ? new WorkRefused("memory", `${slot.job?.what ?? "the work"} needed more than ${memoryMb} MB of memory and was stopped${slot.job ? `; ${REMEDY[slot.job.task]}` : ""}`)
        : new WorkRefused("failed", `${slot.job?.what ?? "the work"} failed in its worker thread: ${e.message}`),
    ),
  );
  slot.worker.on("exit", () => stop(slot, new WorkRefused("failed", `${slot.job?.what ?? "the work"} stopped with its worker thread`)));
  return slot;
}

/** Ends a worker (after a time limit, an out-of-memory or a crash) and refuses the task it had. */
function stop(slot: Slot, error: WorkRefused): void {
  const index = pool.slots.indexOf(slot);
  if (index === -1) return;
  pool.slots.splice(index, 1);
  clearTimeout(slot.timer);
  const job = slot.job;
  slot.job = undefined;
  void slot.worker.terminate();
  job?.reject(error);
  dispatch();
}

function revive(error: { name: string; message: string; limit?: AnalysisLimitKind }): Error {
  if (error.name === "AnalysisLimitError" && error.limit) return new AnalysisLimitError(error.limit, error.message);
  return new WorkRefused("failed", error.message);
}

/** Text above this many characters is read on a worker thread (MEDTHREAT_OFF_THREAD_BYTES, default 256 KiB). */
export const offThreadChars = () => Number(process.env.MEDTHREAT_OFF_THREAD_BYTES ?? 256 * 1024);

/** A model file read and validated, on a worker thread when it is large. */
export const readModelText = (text: string): Promise<ValidationResult> =>
  text.length > offThreadChars() ? runOffThread("validateModelText", { text }, "reading the model file") : Promise.resolve(validateModelText(text));

/** A project file (model and assessment) read and validated, on a worker thread when it is large. */
export const readProjectText = (text: string): Promise<ProjectResult> =>
  text.length > offThreadChars() ? runOffThread("validateProjectText", { text }, "reading the project file") : Promise.resolve(validateProjectText(text));

/** A rule file read and checked, on a worker thread when it is large. */
export const readRuleText = (text: string, otherIds: string[] = []): Promise<RuleFileResult> =>
  text.length > offThreadChars() ? runOffThread("parseRuleFile", { text, otherIds }, "reading the rule file") : Promise.resolve(parseRuleFile(text, otherIds));
