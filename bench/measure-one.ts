import { readFileSync, writeFileSync } from "node:fs";
import { serializeModel } from "../lib/model/format";
import { toMermaid } from "../lib/model/mermaid";
import { validateModel, validateModelText } from "../lib/model/validate";
import { analyzeModel } from "../lib/threats";
import { syntheticModel } from "./synthetic";

/**
 * Measures one operation on one model size in a fresh process, so the peak resident memory it
 * reports belongs to that operation alone.
 * Usage: node --expose-gc --import tsx bench/measure-one.ts <op> <elements> <reps> [text-file]
 * The first run is the warm-up and the memory measurement; timed runs stop early after 5 s.
 * Prints one JSON line: a Measurement.
 */

const OPS = ["validate", "validate-yaml", "validate-json", "mermaid", "serialize-yaml", "analyze"] as const;
export type Op = (typeof OPS)[number];

export interface Measurement {
  op: Op;
  size: number;
  bytes: number;
  firstMs: number;
  timesMs: number[];
  peakRssBytes: number;
  peakMethod: "VmHWM" | "maxRSS";
  /** For "analyze": the threats found. */
  threats?: number;
}

function prepare(op: Op, size: number, file?: string): () => { bytes: number; threats?: number } {
  const textOp = op === "validate-yaml" || op === "validate-json";
  const model = textOp && file ? undefined : syntheticModel(size);
  const format = op === "validate-json" ? "json" : "yaml";
  const text = textOp ? (file ? readFileSync(file, "utf8") : serializeModel(model!, format)) : "";
  const ok = (result: ReturnType<typeof validateModel>) => {
    if (!result.ok) throw new Error(`synthetic model is invalid: ${JSON.stringify(result.errors.slice(0, 3))}`);
    return { bytes: Buffer.byteLength(text) };
  };
  switch (op) {
    case "validate":
      return () => ok(validateModel(model));
    case "validate-yaml":
    case "validate-json":
      return () => ok(validateModelText(text, { maxBytes: Infinity }));
    case "mermaid":
      return () => ({ bytes: Buffer.byteLength(toMermaid(model!)) });
    case "serialize-yaml":
      return () => ({ bytes: Buffer.byteLength(serializeModel(model!, "yaml")) });
    case "analyze":
      return () => ({ bytes: 0, threats: analyzeModel(model!).threats.length });
  }
}

/** Peak RSS since the last reset. Linux lets a process reset its high-water mark via clear_refs. */
function peakMeter(): { method: Measurement["peakMethod"]; reset(): number; peak(): number } {
  const hwm = () => Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync("/proc/self/status", "utf8"))?.[1]) * 1024;
  try {
    writeFileSync("/proc/self/clear_refs", "5");
    if (!Number.isNaN(hwm())) return { method: "VmHWM", reset: () => (writeFileSync("/proc/self/clear_refs", "5"), hwm()), peak: hwm };
  } catch {}
  const maxRss = () => process.resourceUsage().maxRSS * 1024;
  return { method: "maxRSS", reset: maxRss, peak: maxRss };
}

const gc = () => (globalThis as { gc?: () => void }).gc?.();

function main() {
  const [op, sizeArg, repsArg, file] = process.argv.slice(2);
  if (!OPS.includes(op as Op)) throw new Error(`op must be one of ${OPS.join(", ")}`);
  const size = Number(sizeArg);
  const reps = Number(repsArg ?? 5);
  const run = prepare(op as Op, size, file);

  gc();
  gc();
  const meter = peakMeter();
  const baseline = meter.reset();
  const first = performance.now();
  const { bytes, threats } = run();
  const firstMs = performance.now() - first;
  const peakRssBytes = Math.max(0, meter.peak() - baseline);

  const timesMs: number[] = [];
  const budgetEnd = performance.now() + 5000;
  for (let i = 0; i < reps && (i === 0 || performance.now() < budgetEnd); i++) {
    const start = performance.now();
    run();
    timesMs.push(performance.now() - start);
  }
  const result: Measurement = { op: op as Op, size, bytes, firstMs, timesMs, peakRssBytes, peakMethod: meter.method, ...(threats === undefined ? {} : { threats }) };
  process.stdout.write(JSON.stringify(result) + "\n");
}

main();
