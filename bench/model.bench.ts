import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { MAX_MODEL_BYTES, serializeModel } from "../lib/model/format";
import { mb, measureInChild, median, ms, peakNote, row } from "./measure";
import type { Measurement, Op } from "./measure-one";
import { syntheticModel } from "./synthetic";

const SIZES = [100, 1_000, 10_000];
const REPS: Record<number, number> = { 100: 15, 1_000: 7, 10_000: 3 };
type ModelOp = Exclude<Op, "analyze">;
const OPS: Record<ModelOp, string> = {
  validate: "validateModel(object)",
  "validate-yaml": "validateModelText(yaml)",
  "validate-json": "validateModelText(json)",
  mermaid: "toMermaid(whole model)",
  "serialize-yaml": "serializeModel(yaml)",
};
const TARGET_MS = 1000;

const measure = (op: ModelOp, size: number, file?: string): Measurement => measureInChild(op, size, REPS[size], file);

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
      for (const op of Object.keys(OPS) as ModelOp[]) {
        const file = op === "validate-yaml" ? files.yaml : op === "validate-json" ? files.json : undefined;
        const m = measure(op, size, file);
        results.set(`${op}@${size}`, m);
        const text = m.bytes ? mb(m.bytes) + (file && m.bytes > MAX_MODEL_BYTES ? "*" : "") : "-";
        console.log(row([String(size), OPS[op], ms(median(m.timesMs)), ms(m.firstMs), String(m.timesMs.length), text, mb(m.peakRssBytes)], widths));
      }
    }
    const method = results.values().next().value?.peakMethod;
    console.log(`\ntext: input text for validateModelText, output text otherwise. * over the ${MAX_MODEL_BYTES / 1048576} MiB import limit (measured with maxBytes: Infinity).`);
    console.log(peakNote(method));

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
