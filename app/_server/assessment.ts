import { z } from "zod";
import { getDb } from "@/db/client";
import * as db from "@/db/assessment";
import { formatPath, type ModelIssue } from "@/lib/model/issues";
import { ControlLink, Hazard, ProjectControl, RequirementStatus, RiskSettings, type Assessment } from "@/lib/risk/assessment";
import { annexIById } from "@/lib/catalog";
import { parseVector } from "@/lib/risk/cvss";
import { riskOverview } from "@/lib/risk/evaluate";
import { projectThreats } from "./threats";
import { readProject } from "./projects";
import { authorize } from "./access";
import type { Actor } from "@/db/users";

/** The assessment of a stored project: risk fields of threats, hazards, controls, settings. */

export type Saved<T> =
  | { ok: true; value: T; version: number }
  | { ok: false; kind: "invalid"; message: string; errors: ModelIssue[] }
  | { ok: false; kind: "conflict" | "not-found"; message: string; version?: number };

const invalid = (message: string, errors: ModelIssue[]) => ({ ok: false, kind: "invalid", message, errors }) as const;
const zodErrors = (error: z.ZodError, prefix: (string | number)[] = []): ModelIssue[] =>
  error.issues.map((i) => ({ severity: "error", path: formatPath([...prefix, ...(i.path as (string | number)[])]), message: i.message }));

function fromDb<T>(result: db.Versioned<T>, what: string): Saved<T> {
  if (result.ok) return result;
  if (result.reason === "not-found") return { ok: false, kind: "not-found", message: `there is no ${what}` };
  return {
    ok: false,
    kind: "conflict",
    message: `the ${what} changed since you opened it (it is at version ${result.version}); nothing was saved and your input is kept. Reload to see the other change.`,
    version: result.version,
  };
}

export async function projectAssessment(actor: Actor, projectId: string) {
  const threats = await projectThreats(actor, projectId);
  if (!threats) return undefined;
  const database = await getDb();
  const [assessment, hazards, controls, settings, requirements] = await Promise.all([
    db.loadAssessment(database, projectId),
    db.hazardsOf(database, projectId),
    db.controlsOf(database, projectId),
    db.riskSettingsOf(database, projectId),
    db.requirementsOf(database, projectId),
  ]);
  const links = await db.linksOf(database, projectId);
  const threatsWithLinks: Assessment["threats"] = [...threats.records.values()].map((r) => db.threatAssessmentOf(r, links.get(r.threatId) ?? []));
  const full: Assessment = { ...assessment, threats: threatsWithLinks };
  return {
    ...threats,
    assessment: full,
    overview: riskOverview(threats.analysis.threats, full),
    hazardVersions: new Map(hazards.map((h) => [h.id, h.version])),
    controlVersions: new Map(controls.map((c) => [c.control.id, c.version])),
    settingsVersion: settings.version,
    requirementVersions: new Map(requirements.map((r) => [r.id, r.version])),
  };
}

const VectorField = z
  .string()
  .trim()
  .max(300)
  .superRefine((text, ctx) => {
    if (!text) return;
    const parsed = parseVector(text);
    if (!parsed.ok) ctx.addIssue({ code: "custom", message: parsed.reason });
  });

export const ThreatRiskInput = z.strictObject({
  hazard: z.string().nullable().optional(),
  multiPatient: z.boolean().nullable().optional(),
  before: z.strictObject({ cvss31: VectorField.optional(), cvss40: VectorField.optional(), rubric: z.string().max(400).optional() }).optional(),
  after: z.strictObject({ cvss31: VectorField.optional(), cvss40: VectorField.optional() }).optional(),
  controls: z.array(ControlLink).max(100).optional(),
});

export async function saveThreatRisk(actor: Actor, projectId: string, threatId: string, baseVersion: number, input: unknown): Promise<Saved<{ version: number }>> {
  await authorize(actor, projectId, "edit");
  const parsed = ThreatRiskInput.safeParse(input);
  if (!parsed.success) return invalid("the risk assessment is not valid", zodErrors(parsed.error));
  const database = await getDb();
  const errors: ModelIssue[] = [];
  if (parsed.data.hazard && !(await db.hazardsOf(database, projectId)).some((h) => h.id === parsed.data.hazard))
    errors.push({ severity: "error", path: "hazard", message: `unknown hazard "${parsed.data.hazard}"` });
  if (parsed.data.controls) {
    const known = new Set((await db.controlsOf(database, projectId)).map((c) => c.control.id));
    parsed.data.controls.forEach((l, i) => known.has(l.control) || errors.push({ severity: "error", path: `controls[${i}].control`, message: `unknown control "${l.control}"` }));
    const ids = parsed.data.controls.map((l) => l.control);
    if (new Set(ids).size !== ids.length) errors.push({ severity: "error", path: "controls", message: "a control is linked twice" });
  }
  if (errors.length) return invalid("the risk assessment is not valid", errors);
  const result = await db.saveThreatRisk(database, projectId, threatId, baseVersion, parsed.data, actor);
  return fromDb(result.ok ? { ...result, value: { version: result.version } } : result, `threat "${threatId}"`);
}

export async function saveHazard(actor: Actor, projectId: string, input: unknown, baseVersion: number, previousId?: string): Promise<Saved<Hazard>> {
  await authorize(actor, projectId, "edit");
  const parsed = Hazard.safeParse(input);
  if (!parsed.success) return invalid("the hazard is not valid", zodErrors(parsed.error));
  const result = await db.saveHazard(await getDb(), projectId, parsed.data, baseVersion, actor, previousId);
  if (!result.ok && result.reason === "conflict" && baseVersion === 0)
    return invalid("the hazard id is taken", [{ severity: "error", path: "id", message: `the id "${parsed.data.id}" is already used; choose another` }]);
  return fromDb(result, `hazard "${previousId ?? parsed.data.id}"`);
}

export async function saveControl(actor: Actor, projectId: string, input: unknown, baseVersion: number): Promise<Saved<ProjectControl>> {
  await authorize(actor, projectId, "edit");
  const parsed = ProjectControl.safeParse(input);
  if (!parsed.success) return invalid("the control is not valid", zodErrors(parsed.error));
  const result = await db.saveControl(await getDb(), projectId, parsed.data, baseVersion, actor);
  if (!result.ok && result.reason === "conflict" && baseVersion === 0)
    return invalid("the control id is taken", [{ severity: "error", path: "id", message: `the id "${parsed.data.id}" is already used; choose another` }]);
  return fromDb(result, `control "${parsed.data.id}"`);
}

export async function saveSettings(actor: Actor, projectId: string, input: unknown, baseVersion: number): Promise<Saved<RiskSettings>> {
  await authorize(actor, projectId, "edit");
  const parsed = RiskSettings.safeParse(input);
  if (!parsed.success) return invalid("the risk settings are not valid", zodErrors(parsed.error));
  return fromDb(await db.saveRiskSettings(await getDb(), projectId, parsed.data, baseVersion, actor), "risk settings");
}

export async function saveRequirement(actor: Actor, projectId: string, input: unknown, baseVersion: number): Promise<Saved<RequirementStatus>> {
  await authorize(actor, projectId, "edit");
  const parsed = RequirementStatus.safeParse(input);
  if (!parsed.success) return invalid("the requirement status is not valid", zodErrors(parsed.error));
  const requirement = annexIById(parsed.data.id);
  if (!requirement) return invalid("unknown requirement", [{ severity: "error", path: "id", message: `"${parsed.data.id}" is not an Annex I requirement of MDCG 2019-16 Table 1` }]);
  const regulation = (await readProject(projectId))?.model.project.regulation;
  if (regulation && requirement.regulation !== regulation)
    return invalid("requirement of the other regulation", [{ severity: "error", path: "id", message: `"${parsed.data.id}" is an ${requirement.regulation} requirement; this project follows the ${regulation}` }]);
  if (!parsed.data.applicable && parsed.data.justification.length < 10)
    return invalid("a justification is required", [{ severity: "error", path: "justification", message: "say why the requirement does not apply (at least 10 characters)" }]);
  return fromDb(await db.saveRequirement(await getDb(), projectId, parsed.data, baseVersion, actor), `requirement "${parsed.data.id}"`);
}
