import { existsSync, mkdirSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Command, CommandContext } from "../command";
import { onePositional, readInput } from "../command";
import { UsageError } from "../io";
import { VERSION } from "../main";
import { formatIssue } from "../../model/issues";
import { DOCUMENT_IDS, REPORT_FORMATS, type DocumentId, type ReportFormat } from "../../reports/document";
import { reportInputFromBaseline, reportInputFromProjectFile, type ReportInputResult } from "../../reports/input";
import { MEDIA_TYPES, produceReports, ZIP_NAME, type ProducedFile } from "../../reports/produce";
import { zipFiles } from "../../reports/render/zip";

const FORMATS = [...REPORT_FORMATS, "zip"] as const;
type OutputFormat = (typeof FORMATS)[number];
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export const report: Command = {
  name: "report",
  summary: "generate the cybersecurity documents of a project or baseline file as PDF, DOCX, HTML, Markdown or CSV",
  usage:
    "medthreat report <project-file|baseline-file> --format <pdf|docx|html|md|csv|zip>... [--doc <id|all>]... -o <path> [--rules <rule-file>]... [--date YYYY-MM-DD] [--name <baseline name>] [--progress json]",
  details: [
    `Documents (--doc, repeatable or comma-separated, default all): ${DOCUMENT_IDS.join(", ")}.`,
    "Formats (--format, repeatable or comma-separated): html, pdf, docx, md, and csv (one file per table). zip writes documents.zip: with other formats, a ZIP of",
    "those files next to them; alone, only a ZIP of every format. PDF, DOCX and the diagrams of HTML need Chromium (/usr/bin/chromium or CHROMIUM_PATH).",
    "-o is the file to write when there is exactly one output, otherwise a directory (created if missing); a path ending in / is always a directory.",
    "The input is a project file (YAML or JSON, with or without its assessment; --rules adds custom threat rules) or a baseline file",
    "(GET /api/projects/{id}/baselines/{baselineId}?format=baseline; its own custom rules apply and --name gives its name, default the file name).",
    "The source date is part of the content: --date, else SOURCE_DATE_EPOCH, else today's UTC date (a baseline file does not record its own date).",
    "Every document states it with the content hash, so the same input and date always give the same HTML, Markdown and CSV bytes.",
    "--revision <n> states that the project file is revision n of a project (the server passes it with the revision's date).",
    "Progress goes to stderr, one line per step; --progress json makes each line a JSON object {done, total, step} for programs. Exit 1: invalid input.",
  ].join("\n"),
  options: {
    doc: { type: "string", short: "d", multiple: true },
    format: { type: "string", short: "f", multiple: true },
    output: { type: "string", short: "o" },
    rules: { type: "string", short: "r", multiple: true },
    date: { type: "string" },
    name: { type: "string" },
    revision: { type: "string" },
    progress: { type: "string" },
  },
  async run(ctx) {
    const file = onePositional(ctx, "project or baseline file");
    const docs = chosenDocs(listOption(ctx, "doc"));
    const formats = chosenFormats(listOption(ctx, "format"));
    const output = ctx.values.output as string | undefined;
    if (!output) throw new UsageError("give the output with -o <file or directory>");
    const progress = ctx.values.progress as string | undefined;
    if (progress !== undefined && progress !== "json") throw new UsageError(`--progress must be json, not "${progress}"`);
    const date = sourceDate(ctx.values.date as string | undefined);
    const revision = ctx.values.revision === undefined ? undefined : Number(ctx.values.revision);
    if (revision !== undefined && !(Number.isInteger(revision) && revision > 0)) throw new UsageError(`--revision must be a revision number, not "${ctx.values.revision}"`);
    const several = docs.length > 1 || formats.filter((f) => f !== "zip").length > 1 || (formats.includes("zip") && formats.length > 1) || formats.includes("csv");
    if (several && existsSync(output) && !statSync(output).isDirectory()) throw new UsageError(`${output} is a file: several files are written, so give a directory with -o`);

    const step = stepReporter(ctx, progress === "json");
    step({ done: 0, total: 0, step: `reading ${path.basename(file)}` });
    const text = readInput(ctx.io, file);
    const rules = ((ctx.values.rules as unknown as string[] | undefined) ?? []).map((r) => readInput(ctx.io, r));
    const baseline = isBaseline(text);
    if (baseline && rules.length) throw new UsageError("--rules applies to project files; a baseline carries the custom rules that were in force");
    const read: ReportInputResult = baseline
      ? reportInputFromBaseline(text, { name: (ctx.values.name as string | undefined) ?? baselineName(file), createdAt: date }, generator())
      : reportInputFromProjectFile(text, { rules, label: `file ${path.basename(file)}`, date, generatorVersion: generator() });
    if (!read.ok) {
      for (const e of read.errors) ctx.io.err(`${file}: ${formatIssue(e)}`);
      ctx.io.err(`${file}: ${read.errors.length} error${read.errors.length === 1 ? "" : "s"}`);
      return 1;
    }
    const input = read.input;
    if (revision !== undefined) input.source = { ...input.source, kind: "revision", label: `revision ${revision}`, revision };
    step({ done: 0, total: 0, step: `read ${input.source.label}`, contentHash: input.source.contentHash });

    const produce = formats.filter((f): f is ReportFormat => f !== "zip");
    const files = await produceReports(input, { docs, formats: produce.length ? produce : REPORT_FORMATS, onProgress: step });
    const outputs: ProducedFile[] = !formats.includes("zip")
      ? files
      : [...(produce.length ? files : []), { name: ZIP_NAME, mediaType: MEDIA_TYPES.zip, data: zipFiles(files, input.source.date) }];
    writeOutputs(ctx, output, outputs);
    return 0;
  },
};

/** medthreat's version for the documents' colophon (read when the command runs: main imports this module). */
const generator = () => VERSION;

function listOption(ctx: CommandContext, name: string): string[] {
  const values = (ctx.values[name] as unknown as string[] | undefined) ?? [];
  return values.flatMap((v) => v.split(",")).map((v) => v.trim()).filter(Boolean);
}

function chosenDocs(values: string[]): DocumentId[] {
  if (!values.length || values.includes("all")) return [...DOCUMENT_IDS];
  for (const v of values) if (!DOCUMENT_IDS.includes(v as DocumentId)) throw new UsageError(`--doc must be all or one of ${DOCUMENT_IDS.join(", ")}, not "${v}"`);
  return DOCUMENT_IDS.filter((d) => values.includes(d));
}

function chosenFormats(values: string[]): OutputFormat[] {
  if (!values.length) throw new UsageError(`give at least one --format: ${FORMATS.join(", ")}`);
  for (const v of values) if (!FORMATS.includes(v as OutputFormat)) throw new UsageError(`--format must be one of ${FORMATS.join(", ")}, not "${v}"`);
  return FORMATS.filter((f) => values.includes(f));
}

/** --date, else SOURCE_DATE_EPOCH (seconds), else today's UTC date. */
function sourceDate(explicit: string | undefined): string {
  if (explicit !== undefined) {
    if (!DATE.test(explicit) || Number.isNaN(Date.parse(`${explicit}T00:00:00Z`)) || new Date(`${explicit}T00:00:00Z`).toISOString().slice(0, 10) !== explicit)
      throw new UsageError(`--date must be a date as YYYY-MM-DD, not "${explicit}"`);
    return explicit;
  }
  const epoch = process.env.SOURCE_DATE_EPOCH;
  if (epoch !== undefined && epoch !== "") {
    if (!/^\d+$/.test(epoch)) throw new UsageError(`SOURCE_DATE_EPOCH must be a number of seconds, not "${epoch}"`);
    return new Date(Number(epoch) * 1000).toISOString().slice(0, 10);
  }
  return new Date().toISOString().slice(0, 10);
}

function isBaseline(text: string): boolean {
  if (!text.trimStart().startsWith("{")) return false;
  try {
    return typeof (JSON.parse(text) as { medthreatBaseline?: unknown }).medthreatBaseline === "number";
  } catch {
    return false;
  }
}

/** `submission-1.baseline.json` → `submission-1`. */
const baselineName = (file: string) => path.basename(file).replace(/(\.baseline)?\.json$/i, "") || "baseline";

function stepReporter(ctx: CommandContext, json: boolean) {
  return (p: { done: number; total: number; step: string; contentHash?: string }) =>
    ctx.io.err(json ? JSON.stringify(p) : `medthreat report: ${p.total ? `[${p.done}/${p.total}] ` : ""}${p.step}`);
}

function writeOutputs(ctx: CommandContext, output: string, files: readonly ProducedFile[]): void {
  const asDirectory = files.length !== 1 || /[\\/]$/.test(output) || (existsSync(output) && statSync(output).isDirectory());
  if (!asDirectory) {
    mkdirSync(path.dirname(output), { recursive: true });
    writeFileSync(output, files[0].data);
    ctx.io.out(`wrote ${output} (${files[0].data.byteLength} bytes)`);
    return;
  }
  mkdirSync(output, { recursive: true });
  for (const f of files) {
    const target = path.join(output, f.name);
    writeFileSync(target, f.data);
    ctx.io.out(`wrote ${target} (${f.data.byteLength} bytes)`);
  }
}
