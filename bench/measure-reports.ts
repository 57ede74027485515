import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { DOCUMENT_IDS, REPORT_FORMATS } from "../lib/reports/document";
import { reportInputFromProjectFile } from "../lib/reports/input";
import { produceReports } from "../lib/reports/produce";
import { serializeProject } from "../lib/project/file";
import { analyzeModel } from "../lib/threats";
import { syntheticProject } from "./synthetic-project";

/**
 * Generates the full document set (every document, every format, as the CLI and the server do)
 * for one synthetic project, in a fresh process. Prints one JSON line: a ReportsMeasurement.
 * Usage: node --import tsx bench/measure-reports.ts <elements> <threats>
 */

export interface ReportsMeasurement {
  elements: number;
  flows: number;
  threats: number;
  projectBytes: number;
  /** Reading the project file and analysing it (reportInputFromProjectFile). */
  inputSeconds: number;
  /** produceReports for every document in every format. */
  produceSeconds: number;
  /** Seconds spent on each format's steps (PDF includes printing, HTML and DOCX the diagrams they need). */
  byFormat: Record<string, number>;
  /** Seconds and bytes of each document, all formats together. */
  byDocument: Record<string, { seconds: number; bytes: number }>;
  files: number;
  bytes: number;
  /** Peak resident memory of this Node process (VmHWM). */
  peakNodeRssBytes: number;
  /** Peak of the summed resident memory of this process and its children (Chromium), sampled every 100 ms. */
  peakTreeRssBytes: number;
}

const rssOf = (pid: number): number => {
  try {
    return Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0) * 1024;
  } catch {
    return 0;
  }
};

/** This process and all its descendants, from /proc. */
function treeRss(): number {
  const parents = new Map<number, number>();
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, "utf8");
      parents.set(Number(name), Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]));
    } catch {}
  }
  const tree = new Set([process.pid]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [pid, ppid] of parents) if (!tree.has(pid) && tree.has(ppid)) (tree.add(pid), (grew = true));
  }
  return [...tree].reduce((sum, pid) => sum + rssOf(pid), 0);
}

async function main() {
  const [elementsArg, threatsArg] = process.argv.slice(2);
  const elements = Number(elementsArg ?? 500);
  const project = syntheticProject(elements, Number(threatsArg ?? 2000), (m) => analyzeModel(m).threats);
  const text = serializeProject(project.file, "yaml");
  try {
    writeFileSync("/proc/self/clear_refs", "5");
  } catch {}
  let peakTree = 0;
  const sampler = setInterval(() => (peakTree = Math.max(peakTree, treeRss())), 100);

  const t0 = performance.now();
  const read = reportInputFromProjectFile(text, { label: "file synthetic.yaml", date: "2026-01-31", generatorVersion: "bench" });
  if (!read.ok) throw new Error(`synthetic project invalid: ${JSON.stringify(read.errors.slice(0, 3))}`);
  const t1 = performance.now();
  const byFormat: Record<string, number> = {};
  const byDocument: Record<string, { seconds: number; bytes: number }> = {};
  let last = performance.now();
  const files = await produceReports(read.input, {
    docs: DOCUMENT_IDS,
    formats: REPORT_FORMATS,
    onProgress: (p) => {
      const now = performance.now();
      const format = p.step.endsWith("(CSV)") ? "csv" : p.step.slice(p.step.lastIndexOf(".") + 1);
      byFormat[format] = (byFormat[format] ?? 0) + (now - last) / 1000;
      const doc = (byDocument[p.step.split(/[. ]/)[0]] ??= { seconds: 0, bytes: 0 });
      doc.seconds += (now - last) / 1000;
      last = now;
    },
  });
  const t2 = performance.now();
  for (const f of files) {
    const doc = DOCUMENT_IDS.find((d) => f.name.startsWith(`${d}.`) || f.name.startsWith(`${d}-`));
    if (doc && byDocument[doc]) byDocument[doc].bytes += f.data.byteLength;
  }
  clearInterval(sampler);
  peakTree = Math.max(peakTree, treeRss());
  const hwm = Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync("/proc/self/status", "utf8"))?.[1] ?? 0) * 1024;
  const result: ReportsMeasurement = {
    elements,
    flows: project.file.model.flows.length,
    threats: read.input.analysis.threats.length,
    projectBytes: Buffer.byteLength(text),
    inputSeconds: (t1 - t0) / 1000,
    produceSeconds: (t2 - t1) / 1000,
    byFormat,
    byDocument,
    files: files.length,
    bytes: files.reduce((s, f) => s + f.data.byteLength, 0),
    peakNodeRssBytes: hwm,
    peakTreeRssBytes: peakTree,
  };
  process.stdout.write(JSON.stringify(result) + "\n");
}

await main();
