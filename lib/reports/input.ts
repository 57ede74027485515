import { createHash } from "node:crypto";
import { STRIDE_CATEGORIES } from "../catalog";
import type { ModelIssue } from "../model/issues";
import { serializeProject, validateProjectText, type ProjectFile } from "../project/file";
import { contentHash, readBaselineContent } from "../review/baseline";
import { analyzeModel, type Analysis, type CoverageEntry, type Threat, type ThreatRule } from "../threats";
import { parseRuleFile } from "../threats/custom-rules";
import type { ReportSource } from "./document";

/** Everything a document is built from. */
export interface ReportInput {
  file: ProjectFile;
  /** The threats (and STRIDE coverage) of the model, with the custom rules that were in force. */
  analysis: Analysis;
  source: ReportSource;
  /** medthreat's own version, for the documents' colophon. */
  generatorVersion: string;
}

export type ReportInputResult = { ok: true; input: ReportInput } | { ok: false; errors: ModelIssue[] };

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const problem = (path: string, message: string): ModelIssue => ({ severity: "error", path, message });

/**
 * The input for documents made from a project file (the CLI). The content hash is the SHA-256 of
 * the canonical project file (YAML) followed by each rule text, joined by NUL characters, so it
 * changes exactly when the content or the rules do, never with the file's formatting.
 */
export function reportInputFromProjectFile(
  text: string,
  options: {
    rules?: readonly string[];
    label: string;
    date: string;
    generatorVersion: string;
    /** The file is a stored revision of a project (the app): the source is that revision. */
    revision?: number;
  },
): ReportInputResult {
  if (!DATE.test(options.date)) return { ok: false, errors: [problem("(date)", `the source date must be YYYY-MM-DD, not "${options.date}"`)] };
  const project = validateProjectText(text);
  if (!project.ok) return { ok: false, errors: project.errors };
  const rules: ThreatRule[] = [];
  const errors: ModelIssue[] = [];
  (options.rules ?? []).forEach((ruleText, i) => {
    const parsed = parseRuleFile(ruleText, rules.map((r) => r.id));
    if (parsed.ok) rules.push(...parsed.rules);
    else errors.push(...parsed.errors.map((e) => ({ ...e, path: `rule file ${i + 1}: ${e.path}` })));
  });
  if (errors.length) return { ok: false, errors };
  const file: ProjectFile = { model: project.model, assessment: project.assessment };
  const hash = createHash("sha256")
    .update([serializeProject(file, "yaml"), ...(options.rules ?? [])].join("\u0000"), "utf8")
    .digest("hex");
  return {
    ok: true,
    input: {
      file,
      analysis: analyzeModel(file.model, rules),
      source: {
        kind: options.revision === undefined ? "file" : "revision",
        label: options.label,
        contentHash: hash,
        date: options.date,
        ...(options.revision === undefined ? {} : { revision: options.revision }),
      },
      generatorVersion: options.generatorVersion,
    },
  };
}

/**
 * The input for documents made from a baseline. The content hash is the baseline's own (SHA-256 of
 * its content text), and the threats reported are those stored in the baseline, so the documents
 * say what was signed off even after the threat library has moved on. The STRIDE coverage is not
 * stored; it is computed again with the baseline's rules, and its threat ids are those of the
 * stored threats.
 */
export function reportInputFromBaseline(content: string, baseline: { name: string; createdAt: string }, generatorVersion: string): ReportInputResult {
  const read = readBaselineContent(content);
  if (!read.ok) return { ok: false, errors: [problem("(baseline)", read.message)] };
  const rules = baselineRules(read.rules);
  const coverage = storedCoverage(analyzeModel(read.file.model, rules).coverage, read.threats);
  return {
    ok: true,
    input: {
      file: read.file,
      analysis: { libraryVersion: read.libraryVersion, threats: read.threats, coverage },
      source: { kind: "baseline", label: `baseline "${baseline.name}"`, contentHash: contentHash(content), date: baseline.createdAt.slice(0, 10), revision: read.revision },
      generatorVersion,
    },
  };
}

/** The organisation's and the project's rules of a baseline; a rule text that no longer parses is left out. */
function baselineRules(texts: { organisation: string; project: string }): ThreatRule[] {
  const rules: ThreatRule[] = [];
  for (const text of [texts.organisation, texts.project]) {
    if (!text.trim()) continue;
    const parsed = parseRuleFile(text, rules.map((r) => r.id));
    if (parsed.ok) rules.push(...parsed.rules);
  }
  return rules;
}

function storedCoverage(coverage: CoverageEntry[], threats: readonly Threat[]): CoverageEntry[] {
  const found = new Map<string, Threat[]>();
  for (const t of threats) {
    const key = `${t.targetId}\u0000${t.stride}`;
    const list = found.get(key);
    if (list) list.push(t);
    else found.set(key, [t]);
  }
  return coverage.map((entry) => {
    const stored = (stride: string) => found.get(`${entry.targetId}\u0000${stride}`) ?? [];
    const categories = entry.categories.map((c) => {
      const considered = new Set(c.rulesConsidered);
      const threatsHere = stored(c.stride);
      return { ...c, rulesConsidered: [...c.rulesConsidered, ...threatsHere.map((t) => t.ruleId).filter((id) => !considered.has(id))], threatIds: threatsHere.map((t) => t.id) };
    });
    // A stored threat of a category no current rule considers for this kind of target still shows.
    const planned = new Set(entry.categories.map((c) => c.stride));
    for (const stride of STRIDE_CATEGORIES) {
      const threatsHere = stored(stride);
      if (planned.has(stride) || !threatsHere.length) continue;
      categories.push({ stride, expected: false, rulesConsidered: threatsHere.map((t) => t.ruleId), threatIds: threatsHere.map((t) => t.id) });
    }
    categories.sort((a, b) => STRIDE_CATEGORIES.indexOf(a.stride) - STRIDE_CATEGORIES.indexOf(b.stride));
    return { ...entry, categories };
  });
}

/** A short name for a source, for file names: `baseline-submission-1`, `revision-7`, `file-pump-yaml`. */
export function sourceSlug(source: ReportSource): string {
  const base = source.kind === "revision" && source.revision !== undefined ? `revision ${source.revision}` : `${source.kind} ${source.label.replace(/^(baseline|file|revision)\s+/i, "")}`;
  const slug = base
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/, "");
  return slug || source.kind;
}
