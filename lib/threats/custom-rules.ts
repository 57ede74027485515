import { createHash } from "node:crypto";
import { z } from "zod";
import { parseText } from "../model/format";
import { formatPath, type ModelIssue } from "../model/issues";
import { checkRule } from "./check-rule";
import { RuleSchema, type ThreatRule } from "./rule";
import { BUILT_IN_RULES } from "./rules";

/**
 * User-written rules: a YAML or JSON file `{ medthreatRules: 1, rules: [...] }` in the same shape
 * and condition language as the built-in rules. Validated in full, never evaluated as code.
 */

export const CUSTOM_FAMILY = "custom";
export const MAX_CUSTOM_RULES = 500;

const RuleFile = z.strictObject({
  medthreatRules: z.literal(1, { error: '"medthreatRules" must be the format version 1' }),
  rules: z.array(RuleSchema).max(MAX_CUSTOM_RULES),
});

export type RuleFileResult = { ok: true; rules: ThreatRule[] } | { ok: false; errors: ModelIssue[] };

export const EMPTY_RULE_FILE = "medthreatRules: 1\nrules: []\n";

/** Parses and checks a rule file; `otherIds` are rule ids already in use besides the built-in ones (e.g. organisation rules). */
export function parseRuleFile(text: string, otherIds: readonly string[] = []): RuleFileResult {
  const parsed = parseText(text, 2 * 1024 * 1024);
  if (!parsed.ok) return { ok: false, errors: parsed.issues };
  const result = RuleFile.safeParse(parsed.parsed.value);
  const error = (path: (string | number)[], message: string): ModelIssue => ({ severity: "error", path: formatPath(path), message, ...parsed.parsed.locate(path) });
  if (!result.success) return { ok: false, errors: result.error.issues.map((i) => error(i.path as (string | number)[], i.message)) };
  const builtIn = new Set(BUILT_IN_RULES.map((r) => r.id));
  const taken = new Set([...builtIn, ...otherIds]);
  const known = new Set([...taken, ...result.data.rules.map((r) => r.id)]);
  const errors: ModelIssue[] = [];
  const seen = new Set<string>();
  const rules: ThreatRule[] = result.data.rules.map((input, i) => {
    if (taken.has(input.id)) errors.push(error(["rules", i, "id"], `"${input.id}" is already the id of a ${builtIn.has(input.id) ? "built-in" : "organisation"} rule; choose another (e.g. prefix it with your organisation's name)`));
    if (seen.has(input.id)) errors.push(error(["rules", i, "id"], `"${input.id}" is used twice`));
    seen.add(input.id);
    const rule: ThreatRule = { ...input, family: CUSTOM_FAMILY } as ThreatRule;
    for (const problem of checkRule(rule, known)) {
      const [where, ...rest] = problem.split(": ");
      errors.push(error(["rules", i, ...where.split(/[.[\]]+/).filter(Boolean).map((p) => (/^\d+$/.test(p) ? Number(p) : p))], rest.join(": ")));
    }
    return rule;
  });
  return errors.length ? { ok: false, errors } : { ok: true, rules };
}

/** Identifies a rule set for change detection: the library version plus the custom rule texts. */
export function rulesFingerprint(libraryVersion: string, ...texts: string[]): string {
  return createHash("sha256").update([libraryVersion, ...texts].join("\u0000")).digest("hex").slice(0, 16);
}
