import { CVSS_VERSIONS, type CvssVersion, type MetricDefinition, metricsOf, NOT_DEFINED, vectorPrefix } from "./metrics";

export type VectorErrorKind = "prefix" | "syntax" | "unknown-metric" | "invalid-value" | "duplicate-metric" | "missing-metric";

export type ParsedVector =
  | {
      ok: true;
      version: CvssVersion;
      /** Canonical: spec metric order, no duplicates, no X (Not Defined) values. */
      vector: string;
      /** The defined metrics, in vector order. */
      metrics: Record<string, string>;
    }
  | { ok: false; reason: string; kind: VectorErrorKind };

const PREFIX = /^CVSS:([^/]*)(?:\/|$)/;

function fail(kind: VectorErrorKind, reason: string): ParsedVector {
  return { ok: false, kind, reason };
}

function describe(m: MetricDefinition): string {
  return `${m.abbr} (${m.name})`;
}

function otherVersionsWith(abbr: string, version: CvssVersion): CvssVersion[] {
  return CVSS_VERSIONS.filter((v) => v !== version && metricsOf(v).some((m) => m.abbr === abbr));
}

/**
 * Parses and validates a CVSS 3.0, 3.1 or 4.0 vector. Metrics may come in any order; the
 * normalised vector lists them in spec order. An explicit X (Not Defined) is accepted where the
 * metric allows it and dropped, since it means the same as leaving the metric out (same score,
 * same CVSS 4.0 nomenclature).
 */
export function parseVector(text: string): ParsedVector {
  const trimmed = text.trim();
  if (trimmed === "") return fail("prefix", "empty vector");
  const prefix = PREFIX.exec(trimmed);
  if (!prefix) {
    const hint = /^cvss:/i.test(trimmed) ? " (the prefix is case-sensitive)" : "";
    return fail("prefix", `missing prefix: a vector starts with one of ${CVSS_VERSIONS.map((v) => `"${vectorPrefix(v)}"`).join(", ")}${hint}`);
  }
  const version = CVSS_VERSIONS.find((v) => v === prefix[1]);
  if (!version) return fail("prefix", `unknown CVSS version "${prefix[1]}" in the prefix: supported are ${CVSS_VERSIONS.join(", ")}`);

  const definitions = metricsOf(version);
  const given = new Map<string, string>();
  const body = trimmed.slice(prefix[0].length);
  const parts = body === "" ? [] : body.split("/");
  for (const [index, part] of parts.entries()) {
    const pair = /^([A-Za-z]+):([A-Za-z]+)$/.exec(part);
    if (!pair) {
      const what = part === "" ? `empty component at position ${index + 1} (a doubled or trailing "/")` : `"${part}" at position ${index + 1} is not METRIC:VALUE`;
      return fail("syntax", `malformed vector: ${what}`);
    }
    const [, abbr, value] = pair;
    const definition = definitions.find((m) => m.abbr === abbr);
    if (!definition) {
      const elsewhere = otherVersionsWith(abbr, version);
      const hint = elsewhere.length ? ` (it is a CVSS ${elsewhere.join("/")} metric)` : "";
      return fail("unknown-metric", `unknown metric "${abbr}" for CVSS ${version}${hint}`);
    }
    if (given.has(abbr)) return fail("duplicate-metric", `duplicate metric ${describe(definition)}: given as ${abbr}:${given.get(abbr)} and ${abbr}:${value}`);
    if (!definition.values.some((v) => v.abbr === value)) {
      const hint = value === NOT_DEFINED ? " (a base metric cannot be Not Defined)" : "";
      return fail("invalid-value", `invalid value "${value}" for ${describe(definition)}: allowed values are ${definition.values.map((v) => v.abbr).join(", ")}${hint}`);
    }
    given.set(abbr, value);
  }

  const missing = definitions.filter((m) => m.mandatory && !given.has(m.abbr));
  if (missing.length) {
    return fail("missing-metric", `missing mandatory base metric${missing.length > 1 ? "s" : ""}: ${missing.map(describe).join(", ")}`);
  }
  const metrics: Record<string, string> = {};
  for (const m of definitions) {
    const value = given.get(m.abbr);
    if (value !== undefined && value !== NOT_DEFINED) metrics[m.abbr] = value;
  }
  return { ok: true, version, vector: joinVector(version, metrics), metrics };
}

function joinVector(version: CvssVersion, metrics: Record<string, string>): string {
  return vectorPrefix(version) + Object.entries(metrics).map(([k, v]) => `${k}:${v}`).join("/");
}

/**
 * Builds a vector string from UI selections: spec order, X and empty selections left out.
 * Missing base metrics are allowed (the vector is then incomplete; parseVector says which);
 * an unknown metric or a value the metric does not have throws.
 */
export function buildVector(version: CvssVersion, metrics: Readonly<Record<string, string | undefined>>): string {
  const definitions = metricsOf(version);
  for (const [abbr, value] of Object.entries(metrics)) {
    const definition = definitions.find((m) => m.abbr === abbr);
    if (!definition) throw new Error(`unknown metric "${abbr}" for CVSS ${version}`);
    if (value && !definition.values.some((v) => v.abbr === value)) throw new Error(`invalid value "${value}" for ${describe(definition)}`);
  }
  const ordered: Record<string, string> = {};
  for (const m of definitions) {
    const value = metrics[m.abbr];
    if (value && value !== NOT_DEFINED) ordered[m.abbr] = value;
  }
  return joinVector(version, ordered);
}
