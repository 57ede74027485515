import { runAnalysisBench } from "./analysis.bench";
import { runLoadBench } from "./load.bench";
import { runModelBench } from "./model.bench";
import { runNoiseBench } from "./noise.bench";
import { runReportsBench } from "./reports.bench";

const benchmarks: [string, () => void | Promise<void>][] = [
  ["model", runModelBench],
  ["analysis", runAnalysisBench],
  ["noise", runNoiseBench],
  ["reports", runReportsBench],
  ["load", runLoadBench],
];

// `npm run bench -- analysis noise` runs only the named benchmarks.
console.log(`medthreat benchmarks, ${new Date().toISOString().slice(0, 10)}, Node ${process.version}\n`);
const only = process.argv.slice(2);
for (const [name, run] of benchmarks.filter(([name]) => only.length === 0 || only.includes(name))) {
  console.log(`# ${name}\n`);
  await run();
  console.log();
}
