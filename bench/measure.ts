import { spawnSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Measurement, Op } from "./measure-one";

/** What the benchmarks share: running bench/measure-one.ts in a fresh process, and formatting its figures. */

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const MEASURE_ONE = join(ROOT, "bench", "measure-one.ts");

/** Measures one operation on one synthetic model size in a fresh Node process (see bench/measure-one.ts). */
export function measureInChild(op: Op, size: number, reps: number, file?: string): Measurement {
  const args = ["--expose-gc", "--import", "tsx", MEASURE_ONE, op, String(size), String(reps), ...(file ? [file] : [])];
  const child = spawnSync(process.execPath, args, { cwd: ROOT, encoding: "utf8", maxBuffer: 1 << 24 });
  if (child.status !== 0) throw new Error(`measuring ${op} at ${size} elements failed:\n${child.stderr}`);
  return JSON.parse(child.stdout.trim().split("\n").pop()!);
}

export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
export const ms = (x: number) => (x < 10 ? x.toFixed(2) : x < 100 ? x.toFixed(1) : x.toFixed(0)) + " ms";
export const mb = (bytes: number) => (bytes < 1e6 ? `${(bytes / 1e3).toFixed(1)} kB` : `${(bytes / 1e6).toFixed(1)} MB`);
/** A table row: the first `left` cells are left-aligned, the others right-aligned. */
export const row = (cells: string[], widths: number[], left = 2) =>
  cells.map((c, i) => (i < left ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ");
export const peakNote = (method: Measurement["peakMethod"] | undefined) =>
  `peak ΔRSS: peak resident memory during the first run minus the process's resident memory just before it (${method === "VmHWM" ? "VmHWM reset via /proc/self/clear_refs" : "process.resourceUsage().maxRSS"}).`;
