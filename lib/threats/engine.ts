import type { Model } from "../model/schema";
import type { Regulation } from "../model/vocabulary";
import { label } from "../model/vocabulary";
import { describeReason, holds, reasons } from "./condition";
import { compile, getter, type CompiledCondition, type Scope } from "./compiled";
import { factSpecs, modelFacts, type ModelFacts, type TargetKind } from "./facts";
import { STRIDE, type ThreatRule } from "./rule";
import { annexIForRegulation } from "./annex";
import { STRIDE_PER_ELEMENT } from "../catalog";
import { ANALYSIS_LIMITS, tooManyEvaluations, tooManyThreats, tooSlow, type AnalysisLimits } from "./limits";

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
  /** The target (or, for a flow, one of its ends) reaches many patients: a compromise can harm many. */
  reachesManyPatients: boolean;
  /** Kinds of the data assets the target handles. */
  assetKinds: readonly string[];
  capec: readonly string[];
  cwe: readonly string[];
  capabilities: readonly string[];
  /** Ids of the library controls that counter it, secure design first. */
  controls: readonly string[];
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

/** How many rule evaluations an analysis of the model under these rules takes: each target times the rules for its kind. */
export function evaluationsOf(model: Model, rules: readonly ThreatRule[]): number {
  const perKind = new Map<TargetKind, number>();
  for (const rule of rules) for (const kind of rule.targets) perKind.set(kind, (perKind.get(kind) ?? 0) + 1);
  let total = (perKind.get("flow") ?? 0) * model.flows.length;
  for (const e of model.elements) total += perKind.get(e.type) ?? 0;
  return total;
}

/**
 * Runs every rule over every element and flow of a model. Deterministic: same model and rules, same
 * output. Refuses (AnalysisLimitError) an analysis that would pass the limits in evaluations,
 * threats or time, before it allocates past them.
 */
export function analyze(model: Model, rules: readonly ThreatRule[], libraryVersion: string, limits: AnalysisLimits = ANALYSIS_LIMITS): Analysis {
  const started = Date.now();
  const all = targets(model);
  const evaluations = evaluationsOf(model, rules);
  if (evaluations > limits.evaluations) throw tooManyEvaluations(evaluations, all.length, rules.length, limits.evaluations);
  const facts = modelFacts(model);
  const regulation = model.project.regulation;
  const byKind = new Map<TargetKind, ThreatRule[]>();
  for (const rule of rules) for (const kind of rule.targets) (byKind.get(kind) ?? byKind.set(kind, []).get(kind)!).push(rule);
  const threats: Threat[] = [];
  const coverage: CoverageEntry[] = [];
  // Which rules are considered for which STRIDE category depends only on the kind of target: computed once per kind.
  const plans = new Map<TargetKind, { stride: ThreatRule["stride"]; expected: boolean; rulesConsidered: string[] }[]>();
  const plan = (kind: TargetKind) => {
    let p = plans.get(kind);
    if (!p) {
      const considered = byKind.get(kind) ?? [];
      const strides = new Set([...STRIDE_PER_ELEMENT[kind], ...considered.map((r) => r.stride)]);
      p = [...strides]
        .sort((a, b) => strideOrder(a) - strideOrder(b))
        .map((stride) => ({ stride, expected: STRIDE_PER_ELEMENT[kind].includes(stride), rulesConsidered: considered.filter((r) => r.stride === stride).map((r) => r.id) }));
      plans.set(kind, p);
    }
    return p;
  };
  for (const [done, target] of all.entries()) {
    if (done % 64 === 0 && Date.now() - started > limits.milliseconds) throw tooSlow(limits.milliseconds, done, all.length);
    const scope = facts.scope(target.kind, target.id);
    const fired: ThreatRule[] = [];
    for (const rule of byKind.get(target.kind) ?? []) if (compiled(rule).when.test(scope)) fired.push(rule);
    const superseded = fired.some((r) => r.supersedes?.length) ? new Set(fired.flatMap((r) => r.supersedes ?? [])) : undefined;
    const kept = superseded ? fired.filter((r) => !superseded.has(r.id)) : fired;
    if (threats.length + kept.length > limits.threats) throw tooManyThreats(limits.threats, done, all.length);
    const found = new Map<ThreatRule["stride"], string[]>();
    for (const rule of kept) {
      const threat = instantiate(rule, target, scope, facts, regulation);
      (found.get(rule.stride) ?? found.set(rule.stride, []).get(rule.stride)!).push(threat.id);
      threats.push(threat);
    }
    coverage.push({
      targetKind: target.kind,
      targetId: target.id,
      targetName: target.name,
      categories: plan(target.kind).map((c) => ({ stride: c.stride, expected: c.expected, rulesConsidered: c.rulesConsidered, threatIds: found.get(c.stride) ?? NONE })),
    });
  }
  threats.sort((a, b) => cmp(a.targetId, b.targetId) || strideOrder(a.stride) - strideOrder(b.stride) || cmp(a.ruleId, b.ruleId));
  coverage.sort((a, b) => cmp(a.targetId, b.targetId));
  return { libraryVersion, threats, coverage };
}

const NONE: string[] = [];
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

interface CompiledRule {
  when: CompiledCondition;
  safety?: CompiledCondition;
  annexI: Map<Regulation, string[]>;
}
const COMPILED = new WeakMap<ThreatRule, CompiledRule>();

function compiled(rule: ThreatRule): CompiledRule {
  let c = COMPILED.get(rule);
  if (!c) {
    const safety = rule.safety.when;
    c = { when: compile(rule.when), safety: typeof safety === "object" ? compile(safety) : undefined, annexI: new Map() };
    COMPILED.set(rule, c);
  }
  return c;
}

function instantiate(rule: ThreatRule, target: Target, scope: Scope, facts: ModelFacts, regulation: Regulation): Threat {
  const c = compiled(rule);
  const assets = facts.assetNames(target.assetIds);
  const render = (template: string) => fillTemplate(template, target.kind, scope, assets);
  const explanation: string[] = [];
  c.when.explain(scope, explanation);
  let annexI = c.annexI.get(regulation);
  if (!annexI) c.annexI.set(regulation, (annexI = annexIForRegulation(rule.annexI, regulation)));
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
    explanation,
    affectsSafety: rule.safety.when === "always" || (c.safety ? c.safety.test(scope) : false),
    safetyWhy: rule.safety.why,
    reachesManyPatients: [scope.self, scope.from, scope.to].some((f) => f.patientReach === "many"),
    assetKinds: (scope.self.assetKinds as readonly string[] | undefined) ?? [],
    capec: rule.capec,
    cwe: rule.cwe,
    capabilities: rule.capabilities,
    controls: rule.controls ?? [],
    annexI,
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

type Getter = ReturnType<typeof getter>;
type Part = string | { name: string; get: Getter; labelled: boolean };
const TEMPLATES = new Map<TargetKind, Map<string, Part[]>>();

function parts(template: string, kind: TargetKind): Part[] {
  let forKind = TEMPLATES.get(kind);
  if (!forKind) TEMPLATES.set(kind, (forKind = new Map()));
  let cached = forKind.get(template);
  if (!cached) {
    cached = template
      .split(/\{\{\s*([a-zA-Z][\w.]*)\s*\}\}/)
      .map((piece, i) => (i % 2 ? { name: piece, get: getter(piece), labelled: labelled(kind).has(piece) } : piece));
    forKind.set(template, cached);
  }
  return cached;
}

const shown = (value: string, labelledFact: boolean) => (labelledFact ? inSentence(label(value)) : value);

/** Fills {{fact}} placeholders; {{assets}} is the names of the assets a flow carries or a store holds. */
function fillTemplate(template: string, kind: TargetKind, scope: Scope, assetNames: readonly string[]): string {
  let out = "";
  for (const part of parts(template, kind)) {
    if (typeof part === "string") out += part;
    else if (part.name === "assets") out += assetNames.length ? assetNames.join(", ") : "its data";
    else {
      const value = part.get(scope);
      if (value === undefined) out += `{{${part.name}}}`;
      else if (Array.isArray(value)) out += value.map((v) => shown(v, part.labelled)).join(", ");
      else out += typeof value === "string" ? shown(value, part.labelled) : String(value);
    }
  }
  return out;
}

export { fillTemplate as renderTemplate };
