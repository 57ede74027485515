import { expect } from "vitest";
import { analyze } from "../../../lib/threats/engine";
import { holds } from "../../../lib/threats/condition";
import { modelFacts, type TargetKind } from "../../../lib/threats/facts";
import { BUILT_IN_RULES, LIBRARY_VERSION, ruleById } from "../../../lib/threats/rules";
import type { Model } from "../../../lib/model/schema";
import { validateModel } from "../../../lib/model/validate";
import { formatIssue } from "../../../lib/model/issues";

/**
 * Small models for rule tests. `scene()` builds a valid model from just the parts a test cares
 * about: everything else gets the model's defaults (no protection, no clinical function).
 */

type Raw = Record<string, unknown>;
export interface Scene {
  elements?: Raw[];
  flows?: Raw[];
  boundaries?: Raw[];
  assets?: Raw[];
  regulation?: "MDR" | "IVDR";
}

/** Assets every scene has, one per kind, with typical protection needs. */
export const ASSETS: Raw[] = [
  { id: "phi", name: "Patient record", kind: "patient-data", confidentiality: "high", integrity: "high", availability: "medium" },
  { id: "dose", name: "Bolus command", kind: "therapy-command", confidentiality: "low", integrity: "high", availability: "high" },
  { id: "reading", name: "Glucose reading", kind: "diagnostic-data", confidentiality: "medium", integrity: "high", availability: "high" },
  { id: "alarm", name: "Occlusion alarm", kind: "alarm", confidentiality: "low", integrity: "high", availability: "high" },
  { id: "key", name: "Pairing key", kind: "credential", confidentiality: "high", integrity: "high", availability: "medium" },
  { id: "image", name: "Firmware image", kind: "firmware", confidentiality: "low", integrity: "high", availability: "medium" },
  { id: "settings", name: "Device settings", kind: "configuration", confidentiality: "low", integrity: "high", availability: "medium" },
  { id: "events", name: "Event log", kind: "log", confidentiality: "medium", integrity: "high", availability: "low" },
  { id: "misc", name: "Usage statistics", kind: "other", confidentiality: "low", integrity: "low", availability: "low" },
];

export function scene(s: Scene): Model {
  const result = validateModel({
    medthreat: 1,
    project: { name: "Rule test", device: { name: "Device" }, regulation: s.regulation ?? "MDR" },
    assets: s.assets ?? ASSETS,
    elements: s.elements ?? [],
    flows: s.flows ?? [],
    boundaries: s.boundaries ?? [],
  });
  if (!result.ok) throw new Error(`invalid test model: ${result.errors.map(formatIssue).join("; ")}`);
  return result.model;
}

export const entity = (id: string, extra: Raw = {}): Raw => ({ id, type: "external-entity", name: id, kind: "other-system", ...extra });
export const person = (id: string, role: string, extra: Raw = {}): Raw => entity(id, { kind: "person", role, ...extra });
export const proc = (id: string, extra: Raw = {}): Raw => ({ id, type: "process", name: id, ...extra });
export const store = (id: string, extra: Raw = {}): Raw => ({ id, type: "data-store", name: id, ...extra });
export const flow = (id: string, from: string, to: string, extra: Raw = {}): Raw => ({ id, from, to, channel: "internet", ...extra });
export const secured = {
  encryption: { enabled: true, method: "TLS 1.3" },
  authentication: { from: { enabled: true, method: "client certificate" }, to: { enabled: true, method: "server certificate" } },
  messageIntegrity: true,
  replayProtection: true,
};
/** Puts the listed elements in a boundary of their own, so flows to the rest cross a boundary. */
export const inside = (id: string, ...members: string[]): Raw => ({ id, name: id, contains: members });

function kindOf(model: Model, id: string): TargetKind {
  if (model.flows.some((f) => f.id === id)) return "flow";
  const el = model.elements.find((e) => e.id === id);
  if (!el) throw new Error(`no element or flow "${id}" in the test model`);
  return el.type;
}

/** Whether a rule's condition holds for a target (before any superseding). */
export function fires(ruleId: string, model: Model, targetId: string): boolean {
  const rule = ruleById(ruleId);
  if (!rule) throw new Error(`no built-in rule "${ruleId}"`);
  const kind = kindOf(model, targetId);
  if (!rule.targets.includes(kind)) return false;
  return holds(rule.when, modelFacts(model).lookup(kind, targetId));
}

export function threats(model: Model) {
  return analyze(model, BUILT_IN_RULES, LIBRARY_VERSION).threats;
}

/** Asserts a rule fires on `yes` and not on `no`, each a model and the target to look at. */
export function expectRule(ruleId: string, yes: [Model, string], no: [Model, string]) {
  expect(fires(ruleId, ...yes), `${ruleId} should fire on ${yes[1]}`).toBe(true);
  expect(fires(ruleId, ...no), `${ruleId} should not fire on ${no[1]}`).toBe(false);
}

/** Ids of the threats the library raises on a model, after superseding. */
export const raised = (model: Model) => threats(model).map((t) => t.id);

/** Rule ids of the threats raised on one element or flow, after superseding. */
export const reported = (model: Model, targetId: string) => threats(model).filter((t) => t.targetId === targetId).map((t) => t.ruleId);
