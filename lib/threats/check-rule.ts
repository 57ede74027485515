import { annexIById, isCapabilityCode } from "../catalog";
import { controlById } from "../controls";
import { leafOperator, leafOperand, type Condition, type Leaf } from "./condition";
import { factSpecs, type FactSpec, type TargetKind } from "./facts";
import type { ThreatRule } from "./rule";

/**
 * Checks a rule against what the engine knows: every fact exists for every target kind, every
 * operator suits its fact, enum values are real, placeholders resolve, capabilities and Annex I
 * ids are in the catalogue, superseded rules exist. Used on user rules and, in tests, on every
 * built-in rule. Returns problems as "path: message".
 */
export function checkRule(rule: ThreatRule, knownRuleIds: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  for (const kind of rule.targets) {
    const specs = new Map(factSpecs(kind).map((f) => [f.name, f]));
    checkCondition(rule.when, specs, `when`, kind, problems);
    if (typeof rule.safety.when === "object") checkCondition(rule.safety.when, specs, "safety.when", kind, problems);
    for (const [field, text] of [["title", rule.title], ["description", rule.description]] as const)
      for (const [, name] of text.matchAll(/\{\{\s*([^}\s]+)\s*\}\}/g))
        if (name !== "assets" && !specs.has(name)) problems.push(`${field}: {{${name}}} is not a fact of a ${kind}`);
  }
  rule.capabilities.forEach((c, i) => isCapabilityCode(c) || problems.push(`capabilities[${i}]: "${c}" is not an IEC TR 80001-2-2 capability code`));
  rule.annexI.forEach((id, i) => annexIById(id) || problems.push(`annexI[${i}]: "${id}" is not an Annex I requirement of MDCG 2019-16 Table 1`));
  rule.capec.forEach((id, i) => /^CAPEC-\d+$/.test(id) || problems.push(`capec[${i}]: "${id}" is not a CAPEC id like CAPEC-94`));
  rule.cwe.forEach((id, i) => /^CWE-\d+$/.test(id) || problems.push(`cwe[${i}]: "${id}" is not a CWE id like CWE-319`));
  (rule.supersedes ?? []).forEach((id, i) => knownRuleIds.has(id) || problems.push(`supersedes[${i}]: there is no rule "${id}"`));
  (rule.controls ?? []).forEach((id, i) => controlById(id) || problems.push(`controls[${i}]: "${id}" is not a control of the control library`));
  return [...new Set(problems)];
}

const OPERATORS_BY_TYPE: Record<FactSpec["type"], readonly string[]> = {
  boolean: ["is", "isNot"],
  number: ["is", "isNot", "atLeast", "atMost"],
  text: ["is", "isNot", "in", "notIn", "mentions", "isEmpty"],
  enum: ["is", "isNot", "in", "notIn"],
  list: ["has", "hasAny", "hasNone", "mentions", "isEmpty"],
};

function checkCondition(c: Condition, specs: Map<string, FactSpec>, path: string, kind: TargetKind, problems: string[]) {
  if ("all" in c) return c.all.forEach((x, i) => checkCondition(x, specs, `${path}.all[${i}]`, kind, problems));
  if ("any" in c) return c.any.forEach((x, i) => checkCondition(x, specs, `${path}.any[${i}]`, kind, problems));
  if ("not" in c) return checkCondition(c.not, specs, `${path}.not`, kind, problems);
  checkLeaf(c, specs, path, kind, problems);
}

function checkLeaf(leaf: Leaf, specs: Map<string, FactSpec>, path: string, kind: TargetKind, problems: string[]) {
  const spec = specs.get(leaf.fact);
  if (!spec) return problems.push(`${path}.fact: "${leaf.fact}" is not a fact of a ${kind}`);
  const op = leafOperator(leaf);
  if (!OPERATORS_BY_TYPE[spec.type].includes(op))
    return problems.push(`${path}: "${op}" does not apply to ${leaf.fact}, a ${spec.type} fact; use one of ${OPERATORS_BY_TYPE[spec.type].join(", ")}`);
  const operand = leafOperand(leaf);
  const expected = spec.type === "boolean" ? "boolean" : spec.type === "number" ? "number" : "string";
  if ((op === "is" || op === "isNot") && typeof operand !== expected)
    return problems.push(`${path}.${op}: ${leaf.fact} is a ${spec.type} fact; compare it with a ${expected}`);
  if (spec.values && op !== "mentions" && op !== "isEmpty") {
    const values = Array.isArray(operand) ? operand : [operand];
    for (const v of values)
      if (typeof v === "string" && !spec.values.includes(v))
        problems.push(`${path}.${op}: "${v}" is not a value of ${leaf.fact} (${spec.values.filter(Boolean).join(", ")})`);
  }
}
