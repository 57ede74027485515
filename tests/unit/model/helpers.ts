import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { formatIssue, type ModelIssue } from "../../../lib/model/issues";
import type { Model } from "../../../lib/model/schema";
import { validateModel, validateModelText, type ValidationResult } from "../../../lib/model/validate";

/** Shared fixtures and model builders for the model unit tests. */

export const REPO_ROOT = fileURLToPath(new URL("../../../", import.meta.url));
export const FIXTURES_DIR = path.join(REPO_ROOT, "tests/fixtures/models");
export const EXAMPLE_PATH = path.join(REPO_ROOT, "examples/insulin-pump-system.yaml");

export const fixturePath = (name: string) => path.join(FIXTURES_DIR, name);
export const readFixture = (name: string) => readFileSync(fixturePath(name), "utf8");
/**
 * The demo's architecture: the example project file up to its top-level `assessment:` key, which
 * is the part a model (lib/model) reads; the whole file is a project file (lib/project).
 */
export const readExample = () => readFileSync(EXAMPLE_PATH, "utf8").split(/^(?:# .*\n)*assessment:/m)[0];

/** Plain (unparsed) model input; tests mutate it freely before validating. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type RawModel = Record<string, any>;

/** The smallest valid model: the format version, a project name and a device name. */
export function minimalModel(): RawModel {
  return { medthreat: 1, project: { name: "Test project", device: { name: "Test device" } } };
}

/**
 * A small valid model with every section:
 *   boundaries: home ⊃ { patient, body ⊃ { pump, pump-log } }, hospital ⊃ { ehr }; app is outside all;
 *   flows: input (patient→app), commands (app⇄pump, BLE), buttons (patient→pump),
 *          logging (pump→pump-log, no protocol), upload (app→ehr);
 *   diagrams: overview (everything), therapy (patient, pump, pump-log).
 */
export function smallModel(): RawModel {
  return {
    medthreat: 1,
    project: {
      name: "Small pump system",
      device: { name: "Small pump", version: "1.0" },
      environments: ["mobile", "home"],
      assumptions: [
        { id: "asm-zeta", text: "Listed first." },
        { id: "asm-alpha", text: "Listed second." },
      ],
    },
    assets: [
      { id: "key", name: "Pairing key", kind: "credential", confidentiality: "high", integrity: "high", availability: "medium" },
      { id: "glucose", name: "Glucose readings", kind: "diagnostic-data", confidentiality: "medium", integrity: "high", availability: "high" },
      { id: "bolus", name: "Bolus command", kind: "therapy-command", confidentiality: "low", integrity: "high", availability: "high" },
    ],
    elements: [
      { id: "pump", type: "process", name: "Pump firmware", technology: "embedded-firmware", tags: ["zeta", "alpha"] },
      { id: "patient", type: "external-entity", name: "Patient", kind: "person", role: "patient" },
      { id: "pump-log", type: "data-store", name: "Pump log", assets: ["key", "glucose"] },
      { id: "app", type: "process", name: "Phone app", technology: "mobile-app" },
      { id: "ehr", type: "external-entity", name: "Hospital EHR", kind: "hospital-system" },
    ],
    boundaries: [
      { id: "home", name: "Patient home", contains: ["patient", "body"] },
      { id: "body", name: "On the body", contains: ["pump-log", "pump"] },
      { id: "hospital", name: "Hospital network", contains: ["ehr"] },
    ],
    flows: [
      { id: "input", from: "patient", to: "app", channel: "user-interface" },
      { id: "commands", from: "app", to: "pump", channel: "ble", protocol: "BLE GATT", direction: "two-way", assets: ["glucose", "bolus"] },
      { id: "buttons", from: "patient", to: "pump", channel: "user-interface", protocol: "Keypad", assets: ["bolus"] },
      { id: "logging", from: "pump", to: "pump-log", channel: "internal" },
      { id: "upload", from: "app", to: "ehr", channel: "internet", protocol: "HTTPS" },
    ],
    diagrams: [
      { id: "overview", name: "Overview", elements: ["pump", "patient", "pump-log", "app", "ehr"] },
      { id: "therapy", name: "Therapy path", elements: ["pump-log", "pump", "patient"] },
    ],
  };
}

const describeErrors = (result: ValidationResult) => (result.ok ? "" : result.errors.map(formatIssue).join("\n"));

/** Validates a value that must be valid, failing the test with every error otherwise. */
export function mustValidate(value: unknown): Model {
  const result = validateModel(value);
  if (!result.ok) throw new Error(`expected a valid model, got:\n${describeErrors(result)}`);
  return result.model;
}

export function mustValidateText(text: string): Model {
  const result = validateModelText(text);
  if (!result.ok) throw new Error(`expected a valid model, got:\n${describeErrors(result)}`);
  return result.model;
}

/** The errors of a result that must be invalid. */
export function errorsOf(result: ValidationResult): ModelIssue[] {
  if (result.ok) throw new Error("expected the model to be invalid, but it validated");
  return result.errors;
}

/** The errors of an (expected invalid) raw model. */
export const errorsFor = (value: unknown) => errorsOf(validateModel(value));

/** Deterministic pseudo-random shuffle (mulberry32), so a failing run can be reproduced. */
export function shuffled<T>(list: readonly T[], seed: number): T[] {
  let a = seed >>> 0;
  const random = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** 1-based line and column of the first occurrence of `needle` in `text` (for checking reported positions). */
export function positionOf(text: string, needle: string): { line: number; column: number } {
  const index = text.indexOf(needle);
  if (index < 0) throw new Error(`"${needle}" does not occur in the text`);
  const before = text.slice(0, index).split("\n");
  return { line: before.length, column: before[before.length - 1].length + 1 };
}

