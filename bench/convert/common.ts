import { ID_MAX, type Model, type ModelInput } from "../../lib/model/schema";
import { validateModel } from "../../lib/model/validate";

/**
 * Shared by the measurement converters in this folder. They turn another tool's model into ours
 * so that the noise benchmark can run our rules on it; they are not product importers. Each maps
 * only what the source states and leaves everything else at our model's default ("not protected",
 * no clinical function, no assets), and says what it mapped and what it dropped.
 */
export interface Conversion {
  /** Short label for tables, e.g. "pytm sample (tm.py)". */
  label: string;
  source: string;
  model: ModelInput;
  /** What was carried over, one line each. */
  mapped: string[];
  /** What the source has and our model cannot take (or this converter leaves out). */
  dropped: string[];
  /** What our rules look at and the source does not say, so it stays at our default. */
  notInSource: string[];
  /** How structure was handled (boundaries, dangling flows, …) and counts of what was left out. */
  notes: string[];
}

export interface Converted extends Omit<Conversion, "model"> {
  model: Model;
}

/** Our model's attributes that none of the external formats has; every converter leaves them at the default. */
export const MEDICAL_DEFAULTS =
  "clinical functions (none), patient reach (none), person roles, update method/code signing/rollback protection (none), battery power, asset kinds (other unless stated), physical channel (other unless stated)";

/** Turns names into unique ids matching the model's id pattern (lower-case words joined by hyphens, ≤ 64 characters). */
export function idMaker(): (text: string, fallback?: string) => string {
  const used = new Set<string>();
  return (text, fallback = "item") => {
    const slug = (s: string) =>
      s
        .normalize("NFKD")
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, "-")
        .replace(/^-+|-+$/g, "");
    const base = (slug(text) || slug(fallback) || "item").slice(0, ID_MAX - 4).replace(/-+$/, "");
    let id = base;
    for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
    used.add(id);
    return id;
  };
}

/** A display name: one line, trimmed, at most 200 characters, never empty. */
export const oneLine = (text: unknown, fallback: string) => {
  const s = typeof text === "string" ? text.replace(/\s+/g, " ").trim() : "";
  return (s || fallback).slice(0, 200);
};

/** Validates a conversion's model; a converter whose output does not validate has a bug, so this throws. */
export function validated(conversion: Conversion): Converted {
  const result = validateModel(conversion.model);
  if (!result.ok) {
    const errors = result.errors.slice(0, 10).map((e) => `  ${e.path}: ${e.message}`);
    throw new Error(`converted model "${conversion.label}" is invalid:\n${errors.join("\n")}`);
  }
  return { ...conversion, model: result.model };
}
