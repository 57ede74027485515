import type { Model } from "../model/schema";
import type { Regulation } from "../model/vocabulary";
import { label } from "../model/vocabulary";
import { describeReason, holds, reasons, type FactLookup } from "./condition";
import { factSpecs, modelFacts, type ModelFacts, type TargetKind } from "./facts";
import { STRIDE, type ThreatRule } from "./rule";
import { annexIForRegulation } from "./annex";
import { STRIDE_PER_ELEMENT } from "../catalog";

/** One threat the rules found: `<rule id>@<target id>`, stable across re-analysis while its rule and target exist. */
export interface Threat {
  id: string;
  ruleId: string;
  title: string;
  stride: ThreatRule["stride"];
  targetKind: TargetKind;
  targetId: string;
  targetName: string;
  /** The target, and for a flow its two ends. */
  elementIds: string[];
  description: string;
  /** The facts that made the rule fire, e.g. "encryption.enabled is false". */
  explanation: string[];
  affectsSafety: boolean;
  safetyWhy: string;
  capec: readonly string[];
  cwe: readonly string[];
  capabilities: readonly string[];
  annexI: string[];
  source: string;
  family: string;
}

/** What was considered for one STRIDE category of one target. */
export interface CoverageCategory {
  stride: ThreatRule["stride"];
  /** The category belongs to STRIDE-per-element for this kind of target. */
  expected: boolean;
  rulesConsidered: string[];
  threatIds: string[];
}

export interface CoverageEntry {
  targetKind: TargetKind;
  targetId: string;
  targetName: string;
  categories: CoverageCategory[];
}

export interface Analysis {
  libraryVersion: string;
  threats: Threat[];
  coverage: CoverageEntry[];
}

export { STRIDE_PER_ELEMENT };

interface Target {
  kind: TargetKind;
  id: string;
  name: string;
  elementIds: string[];
  assetIds: string[];
}

function targets(model: Model): Target[] {
  const list: Target[] = model.elements.map((e) => ({
    kind: e.type,
    id: e.id,
    name: e.name,
    elementIds: [e.id],
    assetIds: e.type === "data-store" ? e.assets : [],
  }));
  for (const f of model.flows) list.push({ kind: "flow", id: f.id, name: f.name || f.id, elementIds: [f.id, f.from, f.to], assetIds: f.assets });
  return list;
}

const strideOrder = (s: ThreatRule["stride"]) => STRIDE.indexOf(s);

/** Runs every rule over every element and flow of a model. Deterministic: same model and rules, same output. */
export function analyze(model: Model, rules: readonly ThreatRule[], libraryVersion: string): Analysis {
  const facts = modelFacts(model);
  const byKind = new Map<TargetKind, ThreatRule[]>();
  for (const rule of rules) for (const kind of rule.targets) (byKind.get(kind) ?? byKind.set(kind, []).get(kind)!).push(rule);
  const threats: Threat[] = [];
  const coverage: CoverageEntry[] = [];
  for (const target of targets(model)) {
    const lookup = facts.lookup(target.kind, target.id);
    const categories = new Map<ThreatRule["stride"], CoverageCategory>();
    for (const stride of STRIDE_PER_ELEMENT[target.kind]) categories.set(stride, { stride, expected: true, rulesConsidered: [], threatIds: [] });
    const fired: ThreatRule[] = [];
    for (const rule of byKind.get(target.kind) ?? []) {
      let category = categories.get(rule.stride);
      if (!category) categories.set(rule.stride, (category = { stride: rule.stride, expected: false, rulesConsidered: [], threatIds: [] }));
      category.rulesConsidered.push(rule.id);
      if (holds(rule.when, lookup)) fired.push(rule);
    }
    const superseded = new Set(fired.flatMap((r) => r.supersedes ?? []));
    for (const rule of fired) {
      if (superseded.has(rule.id)) continue;
      const threat = instantiate(rule, target, lookup, facts, model.project.regulation);
      categories.get(rule.stride)!.threatIds.push(threat.id);
      threats.push(threat);
    }
    coverage.push({
      targetKind: target.kind,
      targetId: target.id,
      targetName: target.name,
      categories: [...categories.values()].sort((a, b) => strideOrder(a.stride) - strideOrder(b.stride)),
    });
  }
  threats.sort((a, b) => cmp(a.targetId, b.targetId) || strideOrder(a.stride) - strideOrder(b.stride) || cmp(a.ruleId, b.ruleId));
  coverage.sort((a, b) => cmp(a.targetId, b.targetId));
  return { libraryVersion, threats, coverage };
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function instantiate(rule: ThreatRule, target: Target, lookup: FactLookup, facts: ModelFacts, regulation: Regulation): Threat {
  const render = (template: string) => renderTemplate(template, target.kind, lookup, facts.assetNames(target.assetIds));
  const safety = rule.safety.when;
  return {
    id: `${rule.id}@${target.id}`,
    ruleId: rule.id,
    title: render(rule.title),
    stride: rule.stride,
    targetKind: target.kind,
    targetId: target.id,
    targetName: target.name,
    elementIds: target.elementIds,
    description: render(rule.description),
    explanation: reasons(rule.when, lookup).map(describeReason),
    affectsSafety: safety === "always" ? true : safety === "never" ? false : holds(safety, lookup),
    safetyWhy: rule.safety.why,
    capec: rule.capec,
    cwe: rule.cwe,
    capabilities: rule.capabilities,
    annexI: annexIForRegulation(rule.annexI, regulation),
    source: rule.source,
    family: rule.family,
  };
}

/** Why a rule raised no threat for a target: the facts that stopped it, or the rule that replaced it. */
export function whyNotRaised(model: Model, rules: readonly ThreatRule[], rule: ThreatRule, kind: TargetKind, id: string): string[] {
  const lookup = modelFacts(model).lookup(kind, id);
  if (!holds(rule.when, lookup)) return reasons(rule.when, lookup).map(describeReason);
  const by = rules.find((r) => r.supersedes?.includes(rule.id) && r.targets.includes(kind) && holds(r.when, lookup));
  return by ? [`covered by the more specific threat ${by.id}@${id}`] : [];
}

/** Names keep their capitals mid-sentence ("Bluetooth Low Energy", "USB"); common words do not ("Monitoring" → "monitoring"). */
const PROPER = /^(Bluetooth|Wi-Fi|Internet|Ethernet|[A-Z]{2,})\b/;
const inSentence = (text: string) => (PROPER.test(text) ? text : text.charAt(0).toLowerCase() + text.slice(1));

const LABELLED = new Map<TargetKind, Set<string>>();
function labelled(kind: TargetKind): Set<string> {
  let set = LABELLED.get(kind);
  if (!set) LABELLED.set(kind, (set = new Set(factSpecs(kind).filter((f) => f.values).map((f) => f.name))));
  return set;
}

/** Fills {{fact}} placeholders; {{assets}} is the names of the assets a flow carries or a store holds. */
export function renderTemplate(template: string, kind: TargetKind, lookup: FactLookup, assetNames: string[]): string {
  return template.replace(/\{\{\s*([a-zA-Z][\w.]*)\s*\}\}/g, (whole, name: string) => {
    if (name === "assets") return assetNames.length ? assetNames.join(", ") : "its data";
    const value = lookup(name);
    if (value === undefined) return whole;
    const show = (v: string) => (labelled(kind).has(name) ? inSentence(label(v)) : v);
    return Array.isArray(value) ? value.map(show).join(", ") : typeof value === "string" ? show(value) : String(value);
  });
}
