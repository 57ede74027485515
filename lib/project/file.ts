import { canonicalize } from "../model/canonical";
import { dropEmpty, parseText, writeText, type FileFormat } from "../model/format";
import { formatPath, type ModelIssue, type PathSegment } from "../model/issues";
import { Model } from "../model/schema";
import { locateIssue, schemaIssues, validateModel } from "../model/validate";
import { Assessment } from "../risk/assessment";
import { annexIById } from "../catalog";

/**
 * A project file: the architecture (a model) and, optionally, its assessment under `assessment:`.
 * A file with only the architecture is a valid project file; the CLI, import and export all use it.
 */

export const ProjectFileSchema = Model.extend({ assessment: Assessment.optional() });

export interface ProjectFile {
  model: Model;
  assessment?: Assessment;
}

export type ProjectResult =
  | ({ ok: true; warnings: ModelIssue[] } & ProjectFile)
  | { ok: false; errors: ModelIssue[]; warnings: ModelIssue[] };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

export function validateProject(value: unknown, parsed?: Parameters<typeof validateModel>[1]): ProjectResult {
  const { assessment: rawAssessment, ...architecture } = isObject(value) ? value : { architecture: value };
  const model = validateModel(isObject(value) ? architecture : value, parsed);
  if (rawAssessment === undefined) return model.ok ? { ok: true, model: model.model, warnings: model.warnings } : model;
  const result = Assessment.safeParse(rawAssessment, { reportInput: true });
  const issues = result.success ? checkAssessment(result.data) : schemaIssues(result.error, ["assessment"]);
  if (parsed) for (const issue of issues) Object.assign(issue, locateIssue(issue, parsed));
  const errors = [...(model.ok ? [] : model.errors), ...issues];
  if (!model.ok || !result.success || errors.length) return { ok: false, errors, warnings: model.warnings };
  return { ok: true, model: model.model, assessment: result.data, warnings: model.warnings };
}

export function validateProjectText(text: string, options: { maxBytes?: number } = {}): ProjectResult {
  const parsed = parseText(text, options.maxBytes);
  if (!parsed.ok) return { ok: false, errors: parsed.issues, warnings: [] };
  return validateProject(parsed.parsed.value, parsed.parsed);
}

function checkAssessment(a: Assessment): ModelIssue[] {
  const issues: ModelIssue[] = [];
  const error = (path: PathSegment[], message: string) => issues.push({ severity: "error", path: formatPath(["assessment", ...path]), message });
  const unique = (list: { id: string }[], section: string, what: string) => {
    const seen = new Set<string>();
    list.forEach((x, i) => {
      if (seen.has(x.id)) error([section, i, "id"], `duplicate ${what} id "${x.id}"`);
      seen.add(x.id);
    });
    return seen;
  };
  const hazards = unique(a.hazards, "hazards", "hazard");
  const controls = unique(a.controls, "controls", "control");
  unique(a.threats, "threats", "threat");
  unique(a.requirements, "requirements", "requirement");
  a.requirements.forEach((r, i) => {
    if (!annexIById(r.id)) error(["requirements", i, "id"], `"${r.id}" is not an Annex I requirement of MDCG 2019-16 Table 1`);
    if (!r.applicable && r.justification.length < 10) error(["requirements", i, "justification"], "a requirement marked not applicable needs a justification");
  });
  a.threats.forEach((t, i) => {
    if (t.hazard && !hazards.has(t.hazard)) error(["threats", i, "hazard"], `unknown hazard "${t.hazard}"`);
    const linked = new Set<string>();
    t.controls.forEach((link, j) => {
      if (!controls.has(link.control)) error(["threats", i, "controls", j, "control"], `unknown control "${link.control}"`);
      if (linked.has(link.control)) error(["threats", i, "controls", j, "control"], `"${link.control}" is linked twice`);
      linked.add(link.control);
    });
  });
  return issues;
}

const byId = <T extends { id: string }>(list: readonly T[]) => [...list].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

/** The canonical assessment: everything sorted by id, evidence by date and method. */
export function canonicalAssessment(a: Assessment): Assessment {
  return Assessment.parse({
    settings: a.settings,
    requirements: byId(a.requirements),
    hazards: byId(a.hazards),
    controls: byId(a.controls).map((c) => ({
      ...c,
      evidence: [...c.evidence].sort((x, y) => (x.date + x.method + x.reference).localeCompare(y.date + y.method + y.reference)),
    })),
    threats: byId(a.threats).map((t) => ({ ...t, controls: [...t.controls].sort((x, y) => x.control.localeCompare(y.control)) })),
  });
}

export function serializeProject(file: ProjectFile, format: FileFormat): string {
  const plain = dropEmpty(canonicalize(file.model)) as Record<string, unknown>;
  if (file.assessment) plain.assessment = dropEmpty(canonicalAssessment(file.assessment));
  return writeText(plain, format);
}
