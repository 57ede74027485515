import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { MAX_MODEL_BYTES, serializeModel } from "../lib/model/format";
import type { Measurement, Op } from "./measure-one";
import { syntheticModel } from "./synthetic";

const SIZES = [100, 1_000, 10_000];
const REPS: Record<number, number> = { 100: 15, 1_000: 7, 10_000: 3 };
const OPS: Record<Op, string> = {
  validate: "validateModel(object)",
  "validate-yaml": "validateModelText(yaml)",
  "validate-json": "validateModelText(json)",
  mermaid: "toMermaid(whole model)",
  "serialize-yaml": "serializeModel(yaml)",
};
const TARGET_MS = 1000;

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const MEASURE_ONE = join(ROOT, "bench", "measure-one.ts");

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const ms = (x: number) => (x < 10 ? x.toFixed(2) : x < 100 ? x.toFixed(1) : x.toFixed(0)) + " ms";
const mb = (bytes: number) => (bytes < 1e6 ? `${(bytes / 1e3).toFixed(1)} kB` : `${(bytes / 1e6).toFixed(1)} MB`);
const row = (cells: string[], widths: number[]) => cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ");

function measure(op: Op, size: number, file?: string): Measurement {
  const args = ["--expose-gc", "--import", "tsx", MEASURE_ONE, op, String(size), String(REPS[size]), ...(file ? [file] : [])];
  const child = spawnSync(process.execPath, args, { cwd: ROOT, encoding: "utf8", maxBuffer: 1 << 24 });
  if (child.status !== 0) throw new Error(`measuring ${op} at ${size} elements failed:\n${child.stderr}`);
  return JSON.parse(child.stdout.trim().split("\n").pop()!);
}

export function runModelBench(): void {
  const dir = mkdtempSync(join(tmpdir(), "medthreat-bench-"));
  const results = new Map<string, Measurement>();
  const widths = [9, 25, 11, 11, 5, 10, 11];
  try {
    console.log("Model benchmark: each operation runs in a fresh process; the first run is the warm-up and the peak-memory run.\n");
    console.log(row(["elements", "operation", "median", "first run", "runs", "text", "peak ΔRSS"], widths));
    for (const size of SIZES) {
      const model = syntheticModel(size);
      const files = { yaml: join(dir, `${size}.yaml`), json: join(dir, `${size}.json`) };
      writeFileSync(files.yaml, serializeModel(model, "yaml"));
      writeFileSync(files.json, serializeModel(model, "json"));
      console.log(
        `-- ${size} elements: ${model.flows.length} flows, ${model.assets.length} assets, ${model.boundaries.length} boundaries, ${model.diagrams.length} diagrams`,
      );
      for (const op of Object.keys(OPS) as Op[]) {
        const file = op === "validate-yaml" ? files.yaml : op === "validate-json" ? files.json : undefined;
        const m = measure(op, size, file);
        results.set(`${op}@${size}`, m);
        const text = m.bytes ? mb(m.bytes) + (file && m.bytes > MAX_MODEL_BYTES ? "*" : "") : "-";
        console.log(row([String(size), OPS[op], ms(median(m.timesMs)), ms(m.firstMs), String(m.timesMs.length), text, mb(m.peakRssBytes)], widths));
      }
    }
    const method = results.values().next().value?.peakMethod;
    console.log(`\ntext: input text for validateModelText, output text otherwise. * over the ${MAX_MODEL_BYTES / 1048576} MiB import limit (measured with maxBytes: Infinity).`);
    console.log(`peak ΔRSS: peak resident memory during the first run minus the process's resident memory just before it (${method === "VmHWM" ? "VmHWM reset via /proc/self/clear_refs" : "process.resourceUsage().maxRSS"}).`);

    console.log("\nGrowth of the median time per 10x elements (10 = linear, 100 = quadratic):");
    for (const [op, label] of Object.entries(OPS)) {
      const t = SIZES.map((size) => median(results.get(`${op}@${size}`)!.timesMs));
      const factors = t.slice(1).map((x, i) => `${SIZES[i]}→${SIZES[i + 1]}: x${(x / t[i]).toFixed(1)}`);
      console.log(`  ${label.padEnd(25)} ${factors.join("   ")}`);
    }

    const big = results.get(`validate@${SIZES[SIZES.length - 1]}`)!;
    const t = median(big.timesMs);
    console.log(
      `\nTarget "10,000 elements validated in under 1 s" (validateModel): ${t < TARGET_MS ? "PASS" : "FAIL"} (median ${ms(t)}, first run ${ms(big.firstMs)})`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
