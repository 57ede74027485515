import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { mb, ROOT } from "./measure";
import type { ReportsMeasurement } from "./measure-reports";

/**
 * Documents benchmark: the full set (6 documents × HTML, PDF, DOCX, Markdown, CSV) for a synthetic
 * project of 500 elements and about 2,000 threats, as `medthreat report --doc all --format zip`
 * and a server job produce it, in a fresh process with Chromium from /usr/bin/chromium or CHROMIUM_PATH.
 */

const ELEMENTS = 500;
const THREATS = 2_000;
/** The time the README promises for this project on a 2-core machine. */
const TARGET_SECONDS = 300;

const s = (x: number) => `${x.toFixed(1)} s`;

export function runReportsBench(): void {
  console.log(`Documents benchmark: produceReports for every document in every format, synthetic project of ${ELEMENTS} elements and about ${THREATS} threats, fresh process.\n`);
  const child = spawnSync(process.execPath, ["--import", "tsx", join(ROOT, "bench", "measure-reports.ts"), String(ELEMENTS), String(THREATS)], {
    cwd: ROOT,
    encoding: "utf8",
    maxBuffer: 1 << 24,
  });
  if (child.status !== 0) throw new Error(`the documents benchmark failed:\n${child.stderr}`);
  const m = JSON.parse(child.stdout.trim().split("\n").pop()!) as ReportsMeasurement;
  const total = m.inputSeconds + m.produceSeconds;
  console.log(`project          ${m.elements} elements, ${m.flows} flows, ${m.threats} threats, ${mb(m.projectBytes)} of YAML`);
  console.log(`read + analyse   ${s(m.inputSeconds)}`);
  console.log(`produce          ${s(m.produceSeconds)}  (${Object.entries(m.byFormat).map(([f, t]) => `${f} ${s(t)}`).join(", ")})`);
  console.log(`output           ${m.files} files, ${mb(m.bytes)}`);
  for (const [doc, d] of Object.entries(m.byDocument)) console.log(`  ${doc.padEnd(24)} ${s(d.seconds).padStart(8)}  ${mb(d.bytes).padStart(9)}`);
  console.log(`peak RSS         Node ${mb(m.peakNodeRssBytes)}; Node and Chromium together ${mb(m.peakTreeRssBytes)} (sampled every 100 ms)`);
  console.log(`\nTarget "full document set of ${ELEMENTS} elements / ${THREATS} threats in under ${TARGET_SECONDS} s": ${total < TARGET_SECONDS ? "PASS" : "FAIL"} (${s(total)})`);
}
