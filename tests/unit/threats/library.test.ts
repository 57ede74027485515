import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkRule } from "../../../lib/threats/check-rule";
import { RULE_ID_PATTERN } from "../../../lib/threats/rule";
import { BUILT_IN_RULES, RULE_FAMILIES } from "../../../lib/threats/rules";
import { STRIDE_PER_ELEMENT } from "../../../lib/threats/engine";

const ids = new Set(BUILT_IN_RULES.map((r) => r.id));

describe("the built-in threat library", () => {
  it("has at least 80 rules with unique, well-formed ids", () => {
    expect(BUILT_IN_RULES.length).toBeGreaterThanOrEqual(80);
    expect(ids.size).toBe(BUILT_IN_RULES.length);
    for (const r of BUILT_IN_RULES) expect(r.id, r.id).toMatch(RULE_ID_PATTERN);
  });

  it.each(BUILT_IN_RULES.map((r) => [r.id, r] as const))("%s is consistent with the facts and catalogues", (_id, rule) => {
    expect(checkRule(rule, ids)).toEqual([]);
    expect(rule.title.length).toBeGreaterThan(5);
    expect(rule.description.length).toBeGreaterThan(30);
    expect(rule.safety.why.length).toBeGreaterThan(10);
    expect(rule.source.length).toBeGreaterThan(5);
    expect(rule.capec.length + rule.cwe.length + rule.capabilities.length).toBeGreaterThan(0);
    expect(RULE_FAMILIES.find((f) => f.rules.includes(rule))?.id).toBe(rule.family);
  });

  it("superseding rules share a target kind with the rules they replace", () => {
    for (const rule of BUILT_IN_RULES)
      for (const other of rule.supersedes ?? []) {
        const replaced = BUILT_IN_RULES.find((r) => r.id === other)!;
        expect(rule.targets.some((t) => replaced.targets.includes(t)), `${rule.id} → ${other}`).toBe(true);
      }
  });

  it("covers every STRIDE-per-element category with a baseline rule", () => {
    for (const [kind, categories] of Object.entries(STRIDE_PER_ELEMENT))
      for (const stride of categories)
        expect(BUILT_IN_RULES.some((r) => r.family === "stride-baseline" && r.stride === stride && r.targets.includes(kind as never)), `${kind} ${stride}`).toBe(true);
  });

  it("has a test where each rule must fire and must not fire", () => {
    const dir = path.dirname(new URL(import.meta.url).pathname);
    const tests = readdirSync(dir)
      .filter((f) => /^rules-.*\.test\.ts$/.test(f))
      .map((f) => readFileSync(path.join(dir, f), "utf8"))
      .join("\n");
    const untested = BUILT_IN_RULES.filter((r) => !new RegExp(`(expectRule|fires)\\(\\s*"${r.id}"`).test(tests)).map((r) => r.id);
    expect(untested).toEqual([]);
  });
});
