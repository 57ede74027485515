import type { ZodError } from "zod";
import { formatPath, type ModelIssue } from "./issues";
import { checkReferences } from "./references";
import { Model } from "./schema";
import { parseText, type ParsedText } from "./format";

export type ValidationResult =
  | { ok: true; model: Model; warnings: ModelIssue[] }
  | { ok: false; errors: ModelIssue[]; warnings: ModelIssue[] };

/** Zod issues as model issues, with paths under `prefix`. */
export function schemaIssues(error: ZodError, prefix: (string | number)[] = []): ModelIssue[] {
  return error.issues.map((issue) => ({
    severity: "error" as const,
    path: formatPath([...prefix, ...(issue.path as (string | number)[])]),
    message: describe(issue),
  }));
}

function describe(issue: ZodError["issues"][number]): string {
  const input = (issue as { input?: unknown }).input;
  if (issue.code === "invalid_value" && issue.values.length > 1)
    return `${JSON.stringify(input)} is not one of the allowed values: ${issue.values.join(", ")}`;
  if ((issue.code === "invalid_type" || issue.code === "invalid_value") && input === undefined) return "is required";
  if (issue.code === "unrecognized_keys")
    return `unknown field${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map((k) => `"${k}"`).join(", ")}`;
  return issue.message;
}

/** Validates an already-parsed value: the schema first, then cross-references; every problem is reported. */
export function validateModel(value: unknown, parsed?: ParsedText): ValidationResult {
  const result = Model.safeParse(value, { reportInput: true });
  const issues = [...(result.success ? [] : schemaIssues(result.error)), ...checkReferences(value)];
  if (parsed) for (const issue of issues) Object.assign(issue, locateIssue(issue, parsed));
  const errors = issues.filter((i) => i.severity === "error");
  const warnings = issues.filter((i) => i.severity === "warning");
  if (!result.success || errors.length > 0) return { ok: false, errors, warnings };
  return { ok: true, model: result.data, warnings };
}

/** Parses and validates a model file's text (YAML or JSON). */
export function validateModelText(text: string, options: { filename?: string; maxBytes?: number } = {}): ValidationResult {
  const parsed = parseText(text, options.maxBytes);
  if (!parsed.ok) return { ok: false, errors: parsed.issues, warnings: [] };
  return validateModel(parsed.parsed.value, parsed.parsed);
}

export function locateIssue(issue: ModelIssue, parsed: ParsedText) {
  if (issue.path === "(file)" || issue.line) return {};
  const segments = issue.path === "(root)" ? [] : pathSegments(issue.path);
  return parsed.locate(segments) ?? {};
}

export function pathSegments(path: string): (string | number)[] {
  const out: (string | number)[] = [];
  for (const m of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) out.push(m[2] !== undefined ? Number(m[2]) : m[1]);
  return out;
}
