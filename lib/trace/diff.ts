import { annexIById } from "../catalog";
import type { Model } from "../model/schema";
import { emptyAssessment, ThreatAssessment, type Assessment } from "../risk/assessment";
import { evaluateThreat } from "../risk/evaluate";
import { analyzeModel, type Threat } from "../threats";

/**
 * A semantic diff between two versions of a project (two baselines, two revisions, two files):
 * what changed in the architecture, in the threats the rules raise, and in the assessment.
 * Lists are compared as sets keyed by id (or name), never by position, so reordering is no change.
 */

export interface ProjectSnapshot {
  model: Model;
  assessment?: Assessment;
  /** The threats of the model; computed with the built-in rules when absent (pass them when you have custom rules). */
  threats?: Threat[];
}

export const DIFF_AREAS = [
  "project",
  "element",
  "flow",
  "boundary",
  "asset",
  "diagram",
  "threat",
  "decision",
  "risk",
  "control",
  "evidence",
  "hazard",
  "settings",
  "requirement",
] as const;
export type DiffArea = (typeof DIFF_AREAS)[number];
export type ChangeKind = "added" | "removed" | "changed";

/**
 * One difference inside a changed item. A value change has both `before` and `after` (null where the
 * value is absent); an item added to a list has only `after`, an item removed from a list only `before`.
 */
export interface ChangeDetail {
  path: string;
  before?: unknown;
  after?: unknown;
}

export interface Change {
  area: DiffArea;
  kind: ChangeKind;
  id: string;
  title: string;
  details: ChangeDetail[];
  text: string;
}

export interface Counts {
  added: number;
  removed: number;
  changed: number;
}

export interface ProjectDiff {
  summary: Counts & { byArea: Record<DiffArea, Counts> };
  changes: Change[];
}

export const DIFF_FORMATS = ["text", "md", "json"] as const;
export type DiffFormat = (typeof DIFF_FORMATS)[number];

// ---------------------------------------------------------------------------------------------
// Generic value comparison

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const join = (path: string, key: string) => (path ? `${path}.${key}` : key);

/** How items of a list of objects are matched: by id, by linked control, by name; else by their content. */
function keyOf(item: unknown): string {
  if (isObj(item)) for (const k of ["id", "control", "name"]) if (typeof item[k] === "string") return item[k] as string;
  return typeof item === "string" ? item : JSON.stringify(item);
}

/** Field-level differences between two values, appended to `out`; lists are sets. */
function diffValue(before: unknown, after: unknown, path: string, out: ChangeDetail[]): void {
  if (Array.isArray(before) || Array.isArray(after)) return diffList(Array.isArray(before) ? before : [], Array.isArray(after) ? after : [], path, out);
  if (isObj(before) || isObj(after)) {
    const b = isObj(before) ? before : {};
    const a = isObj(after) ? after : {};
    const keys = [...Object.keys(b), ...Object.keys(a).filter((k) => !(k in b))];
    for (const k of keys) diffValue(b[k], a[k], join(path, k), out);
    return;
  }
  if (before !== after) out.push({ path, before: before ?? null, after: after ?? null });
}

function diffList(before: unknown[], after: unknown[], path: string, out: ChangeDetail[]): void {
  const b = new Map(before.map((x) => [keyOf(x), x]));
  const a = new Map(after.map((x) => [keyOf(x), x]));
  for (const k of [...b.keys()].sort(cmp)) if (!a.has(k)) out.push({ path, before: k });
  for (const k of [...a.keys()].sort(cmp)) if (!b.has(k)) out.push({ path, after: k });
  for (const k of [...b.keys()].sort(cmp)) if (a.has(k) && isObj(b.get(k))) diffValue(b.get(k), a.get(k), `${path}[${k}]`, out);
}

const omit = (value: object, keys: readonly string[]): Obj => Object.fromEntries(Object.entries(value).filter(([k]) => !keys.includes(k)));

// ---------------------------------------------------------------------------------------------
// Sentences

const NOUNS: Record<DiffArea, string> = {
  project: "project",
  element: "element",
  flow: "flow",
  boundary: "boundary",
  asset: "asset",
  diagram: "diagram",
  threat: "threat",
  decision: "decision on threat",
  risk: "risk of threat",
  control: "control",
  evidence: "evidence",
  hazard: "hazard",
  settings: "risk settings",
  requirement: "requirement",
};

function show(value: unknown): string {
  if (value === null || value === undefined) return "(none)";
  if (typeof value !== "string") return JSON.stringify(value);
  if (/^[\w.:/@+-]+$/.test(value)) return value;
  const short = value.length > 60 ? `${value.slice(0, 57)}...` : value;
  return JSON.stringify(short);
}

/** One detail as a phrase: `encryption.enabled: false → true`, `assets: +basal-settings`, "moved from boundary X to Y". */
export function describeDetail(d: ChangeDetail): string {
  const hasBefore = "before" in d;
  const hasAfter = "after" in d;
  if (hasBefore && !hasAfter) return `${d.path}: -${show(d.before)}`;
  if (hasAfter && !hasBefore) return `${d.path}: +${show(d.after)}`;
  if (d.path === "boundary") {
    if (d.before === null) return `placed in boundary ${d.after}`;
    if (d.after === null) return `taken out of boundary ${d.before}`;
    return `moved from boundary ${d.before} to ${d.after}`;
  }
  if (d.path === "initialRisk" || d.path === "residualRisk") return `${d.path === "initialRisk" ? "initial" : "residual"} risk became ${d.after}`;
  return `${d.path}: ${show(d.before)} → ${show(d.after)}`;
}

function sentence(area: DiffArea, kind: ChangeKind, id: string, title: string, details: ChangeDetail[]): string {
  const noun = id.startsWith("assumptions/") ? "assumption" : NOUNS[area];
  const named = title && title !== id ? `${id} (${title})` : id;
  if (area === "evidence") return `${kind === "added" ? "Added evidence to" : kind === "removed" ? "Removed evidence from" : "Changed evidence of"} control ${id.split("/")[0]}: ${title}${kind === "changed" ? `: ${phrases(details)}` : ""}.`;
  if (area === "threat") return kind === "added" ? `New threat ${named}.` : `Threat ${named} is obsolete: the rules no longer raise it.`;
  if (kind === "added") return `Added ${noun} ${named}.`;
  if (kind === "removed") return `Removed ${noun} ${named}.`;
  const subject = id === area ? capital(noun) : `${capital(noun)} ${id}`;
  return `${subject} changed: ${phrases(details)}.`;
}

/** The details as one phrase; items added to and removed from the same list are listed together ("assets: -a, +b"). */
function phrases(details: readonly ChangeDetail[]): string {
  const out: string[] = [];
  let list: string | undefined;
  for (const d of details) {
    const isItem = !("before" in d && "after" in d);
    if (isItem && list === d.path) out[out.length - 1] += `, ${describeDetail(d).slice(d.path.length + 2)}`;
    else out.push(describeDetail(d));
    list = isItem ? d.path : undefined;
  }
  return out.join("; ");
}
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function change(area: DiffArea, kind: ChangeKind, id: string, title: string, details: ChangeDetail[] = []): Change {
  return { area, kind, id, title, details, text: sentence(area, kind, id, title, details) };
}

// ---------------------------------------------------------------------------------------------
// The diff

interface Keyed {
  id: string;
}

/** Added, removed and changed items of two lists keyed by id; `extra` adds derived details to an item in both. */
function diffCollection<T extends Keyed>(
  area: DiffArea,
  before: readonly T[],
  after: readonly T[],
  title: (item: T) => string,
  options: { ignore?: readonly string[]; extra?: (b: T, a: T) => ChangeDetail[] } = {},
): Change[] {
  const b = new Map(before.map((x) => [x.id, x]));
  const a = new Map(after.map((x) => [x.id, x]));
  const changes: Change[] = [];
  for (const [id, item] of b) if (!a.has(id)) changes.push(change(area, "removed", id, title(item)));
  for (const [id, item] of a) {
    const old = b.get(id);
    if (!old) {
      changes.push(change(area, "added", id, title(item)));
      continue;
    }
    const details: ChangeDetail[] = [];
    diffValue(omit(old, options.ignore ?? []), omit(item, options.ignore ?? []), "", details);
    details.push(...(options.extra?.(old, item) ?? []));
    if (details.length) changes.push(change(area, "changed", id, title(item), details));
  }
  return changes;
}

/** The boundary directly containing each element or boundary. */
function parents(model: Model): Map<string, string> {
  const map = new Map<string, string>();
  for (const b of model.boundaries) for (const id of b.contains) map.set(id, b.id);
  return map;
}

/** The fields of a threat's assessment entry that make up its decision, and those that make up its risk. */
const DECISION = ["status", "justification", "decidedBy", "decidedAt", "controls"];
const RISK = ["hazard", "multiPatient", "before", "after"];
const APPLICABILITY = ["applicable", "justification"];

export function diffProjects(before: ProjectSnapshot, after: ProjectSnapshot): ProjectDiff {
  const [mb, ma] = [before.model, after.model];
  const [ab, aa] = [before.assessment ?? emptyAssessment(), after.assessment ?? emptyAssessment()];
  const changes: Change[] = [];

  // Project details, and its assumptions one by one.
  const projectDetails: ChangeDetail[] = [];
  diffValue(omit(mb.project, ["assumptions"]), omit(ma.project, ["assumptions"]), "", projectDetails);
  if (projectDetails.length) changes.push(change("project", "changed", "project", ma.project.name, projectDetails));
  const assumptions = (m: Model) => m.project.assumptions.map((x) => ({ ...x, id: `assumptions/${x.id}` }));
  changes.push(...diffCollection("project", assumptions(mb), assumptions(ma), (x) => (x.text.length > 60 ? `${x.text.slice(0, 57)}...` : x.text)));

  // Architecture.
  const [pb, pa] = [parents(mb), parents(ma)];
  const moved = (b: Keyed, a: Keyed): ChangeDetail[] =>
    pb.get(b.id) === pa.get(a.id) ? [] : [{ path: "boundary", before: pb.get(b.id) ?? null, after: pa.get(a.id) ?? null }];
  const name = (x: { name: string; id: string }) => x.name || x.id;
  changes.push(...diffCollection("element", mb.elements, ma.elements, name, { extra: moved }));
  changes.push(...diffCollection("flow", mb.flows, ma.flows, name));
  changes.push(...diffCollection("boundary", mb.boundaries, ma.boundaries, name, { extra: moved }));
  changes.push(...diffCollection("asset", mb.assets, ma.assets, name));
  changes.push(...diffCollection("diagram", mb.diagrams, ma.diagrams, name));

  // Threats: new and obsolete; for those in both, their decision and risk.
  const tb = new Map((before.threats ?? analyzeModel(mb).threats).map((t) => [t.id, t]));
  const ta = new Map((after.threats ?? analyzeModel(ma).threats).map((t) => [t.id, t]));
  for (const [id, t] of tb) if (!ta.has(id)) changes.push(change("threat", "removed", id, t.title));
  for (const [id, t] of ta) if (!tb.has(id)) changes.push(change("threat", "added", id, t.title));
  const decidedB = new Map(ab.threats.map((t) => [t.id, t]));
  const decidedA = new Map(aa.threats.map((t) => [t.id, t]));
  for (const [id, threatAfter] of ta) {
    const threatBefore = tb.get(id);
    if (!threatBefore) continue;
    // A threat without an entry has the default decision: open, no scores, no controls.
    const db = decidedB.get(id) ?? ThreatAssessment.parse({ id });
    const da = decidedA.get(id) ?? ThreatAssessment.parse({ id });
    const decision: ChangeDetail[] = [];
    diffValue(pick(db, DECISION), pick(da, DECISION), "", decision);
    if (decision.length) changes.push(change("decision", "changed", id, threatAfter.title, decision));
    const risk: ChangeDetail[] = [];
    diffValue(pick(db, RISK), pick(da, RISK), "", risk);
    const rb = evaluateThreat(threatBefore, decidedB.get(id), ab);
    const ra = evaluateThreat(threatAfter, decidedA.get(id), aa);
    const verdict = (ok: boolean) => (ok ? "acceptable" : "unacceptable");
    if (rb.before.acceptable !== ra.before.acceptable)
      risk.push({ path: "initialRisk", before: verdict(rb.before.acceptable), after: verdict(ra.before.acceptable) });
    if (rb.after.acceptable !== ra.after.acceptable) risk.push({ path: "residualRisk", before: verdict(rb.after.acceptable), after: verdict(ra.after.acceptable) });
    if (risk.length) changes.push(change("risk", "changed", id, threatAfter.title, risk));
  }

  // Assessment.
  changes.push(...diffCollection("control", ab.controls, aa.controls, (c) => c.title, { ignore: ["evidence"] }));
  const evidence = (a: Assessment) =>
    a.controls.flatMap((c) => c.evidence.map((e) => ({ ...e, id: `${c.id}/${e.method}/${e.reference}/${e.date}`, control: c.id })));
  const evidenceTitle = (e: ReturnType<typeof evidence>[number]) => `${e.method} "${e.reference}" of ${e.date}, ${e.result}`;
  changes.push(...diffCollection("evidence", evidence(ab), evidence(aa), evidenceTitle));
  changes.push(...diffCollection("hazard", ab.hazards, aa.hazards, (h) => h.title));
  const settings: ChangeDetail[] = [];
  diffValue(ab.settings, aa.settings, "", settings);
  if (settings.length) changes.push(change("settings", "changed", "settings", "Risk settings", settings));
  // Requirement applicability: every requirement applies unless an entry says otherwise.
  const reqB = new Map(ab.requirements.map((r) => [r.id, r]));
  const reqA = new Map(aa.requirements.map((r) => [r.id, r]));
  for (const id of new Set([...reqB.keys(), ...reqA.keys()])) {
    const details: ChangeDetail[] = [];
    const none = { applicable: true, justification: "" };
    diffValue(pick(reqB.get(id) ?? none, APPLICABILITY), pick(reqA.get(id) ?? none, APPLICABILITY), "", details);
    const topic = annexIById(id)?.topic;
    if (details.length) changes.push(change("requirement", "changed", id, topic ? `${id}: ${topic}` : id, details));
  }

  changes.sort((x, y) => DIFF_AREAS.indexOf(x.area) - DIFF_AREAS.indexOf(y.area) || cmp(x.id, y.id));
  return { summary: summarize(changes), changes };
}

const pick = (value: object, keys: readonly string[]): Obj => Object.fromEntries(Object.entries(value).filter(([k]) => keys.includes(k)));

function summarize(changes: readonly Change[]): ProjectDiff["summary"] {
  const zero = (): Counts => ({ added: 0, removed: 0, changed: 0 });
  const byArea = Object.fromEntries(DIFF_AREAS.map((a) => [a, zero()])) as Record<DiffArea, Counts>;
  const total = zero();
  for (const c of changes) {
    byArea[c.area][c.kind]++;
    total[c.kind]++;
  }
  return { ...total, byArea };
}

// ---------------------------------------------------------------------------------------------
// Output

export const AREA_HEADINGS: Record<DiffArea, string> = {
  project: "Project",
  element: "Elements",
  flow: "Flows",
  boundary: "Trust boundaries",
  asset: "Assets",
  diagram: "Diagrams",
  threat: "Threats",
  decision: "Decisions",
  risk: "Risks",
  control: "Controls",
  evidence: "Evidence",
  hazard: "Hazards",
  settings: "Risk settings",
  requirement: "Requirements",
};

const countLine = (c: Counts) => `${c.added} added, ${c.removed} removed, ${c.changed} changed`;
const SIGN: Record<ChangeKind, string> = { added: "+", removed: "-", changed: "~" };

export function formatDiff(diff: ProjectDiff, format: DiffFormat): string {
  if (format === "json") return JSON.stringify(diff, null, 2) + "\n";
  const total = diff.changes.length;
  if (format === "text") {
    if (!total) return "No differences.\n";
    const lines = [`${total} difference${total === 1 ? "" : "s"}: ${countLine(diff.summary)}`, ...diff.changes.map((c) => `${SIGN[c.kind]} [${c.area}] ${c.text}`)];
    return lines.join("\n") + "\n";
  }
  const lines = ["# Differences", ""];
  if (!total) return [...lines, "No differences.", ""].join("\n");
  lines.push(`${total} difference${total === 1 ? "" : "s"}: ${countLine(diff.summary)}.`, "", "| Area | Added | Removed | Changed |", "| --- | ---: | ---: | ---: |");
  const areas = DIFF_AREAS.filter((a) => diff.changes.some((c) => c.area === a));
  for (const a of areas) {
    const c = diff.summary.byArea[a];
    lines.push(`| ${AREA_HEADINGS[a]} | ${c.added} | ${c.removed} | ${c.changed} |`);
  }
  for (const a of areas) {
    lines.push("", `## ${AREA_HEADINGS[a]}`, "");
    for (const c of diff.changes.filter((x) => x.area === a)) {
      const title = c.title && c.title !== c.id ? ` ${c.title.replace(/\n/g, " ")}` : "";
      lines.push(`- ${c.kind}: \`${c.id}\`${title}`);
      for (const d of c.details) lines.push(`  - ${describeDetail(d)}`);
    }
  }
  return lines.join("\n") + "\n";
}
