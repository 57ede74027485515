import { BUILT_IN_RULES, LIBRARY_VERSION, RULE_FAMILIES } from "../lib/threats";
import { measureInChild, median, mb, ms, peakNote, row } from "./measure";
import type { Measurement } from "./measure-one";
import { syntheticModel } from "./synthetic";

/** Threat analysis (analyzeModel) of synthetic models, each size in a fresh process like the model benchmark. */

const SIZES = [1_000, 10_000];
const REPS: Record<number, number> = { 1_000: 7, 10_000: 3 };
const TARGET_MS = 2000;

export function runAnalysisBench(): void {
  console.log(
    `Analysis benchmark: analyzeModel(model) with the built-in library as it is now (${BUILT_IN_RULES.length} rules in ${RULE_FAMILIES.length} families, library ${LIBRARY_VERSION}).`,
  );
  console.log("Each size runs in a fresh process; the first run is the warm-up and the peak-memory run.\n");
  const widths = [9, 7, 11, 11, 5, 11, 9, 13];
  console.log(row(["elements", "flows", "median", "first run", "runs", "peak ΔRSS", "threats", "per el./flow"], widths, 1));
  const results = new Map<number, Measurement>();
  for (const size of SIZES) {
    const model = syntheticModel(size);
    const targets = model.elements.length + model.flows.length;
    const m = measureInChild("analyze", size, REPS[size]);
    results.set(size, m);
    const threats = m.threats ?? 0;
    console.log(
      row(
        [String(size), String(model.flows.length), ms(median(m.timesMs)), ms(m.firstMs), String(m.timesMs.length), mb(m.peakRssBytes), String(threats), (threats / targets).toFixed(2)],
        widths,
        1,
      ),
    );
  }
  console.log(`\n${peakNote(results.get(SIZES[0])?.peakMethod)}`);
  console.log("per el./flow: threats divided by the number of elements plus flows of the synthetic model (random attributes, not a real device).");

  const t = SIZES.map((size) => median(results.get(size)!.timesMs));
  const growth = t.slice(1).map((x, i) => `${SIZES[i]}→${SIZES[i + 1]}: x${(x / t[i]).toFixed(1)}`);
  console.log(`\nGrowth of the median time per 10x elements (10 = linear, 100 = quadratic): ${growth.join("   ")}`);

  const big = results.get(SIZES[SIZES.length - 1])!;
  const bigMedian = median(big.timesMs);
  console.log(
    `\nTarget "10,000 elements analysed in under 2 s" (analyzeModel): ${bigMedian < TARGET_MS ? "PASS" : "FAIL"} (median ${ms(bigMedian)}, first run ${ms(big.firstMs)})`,
  );
}
