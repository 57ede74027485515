import { runModelBench } from "./model.bench";

const benchmarks: [string, () => void | Promise<void>][] = [["model", runModelBench]];

for (const [name, run] of benchmarks) {
  console.log(`# ${name}\n`);
  await run();
}
