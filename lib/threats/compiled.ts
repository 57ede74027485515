import { describeReason, testLeaf, type Condition, type FactValue, type Leaf } from "./condition";

/**
 * Conditions turned into closures once per rule, so that evaluating a rule on thousands of
 * elements does no parsing, string slicing or operator dispatch. Same semantics as holds/reasons.
 */

export type Facts = Readonly<Record<string, FactValue>>;
/** The facts a condition is evaluated on: the target's own, and for a flow those of its two ends. */
export interface Scope {
  self: Facts;
  from: Facts;
  to: Facts;
}

export interface CompiledCondition {
  test(scope: Scope): boolean;
  /** Appends the facts that decided the outcome, stated as text (see reasons() in condition.ts). */
  explain(scope: Scope, out: string[]): void;
}

export type FactGetter = (scope: Scope) => FactValue | undefined;

/** Resolves a fact name once: "from.x" and "to.x" read the ends of a flow, anything else the target. */
export function getter(fact: string): FactGetter {
  if (fact.startsWith("from.")) {
    const key = fact.slice(5);
    return (s) => s.from[key];
  }
  if (fact.startsWith("to.")) {
    const key = fact.slice(3);
    return (s) => s.to[key];
  }
  return (s) => s.self[fact];
}

function tester(leaf: Leaf): (v: FactValue | undefined) => boolean {
  if ("is" in leaf) return (v) => v === leaf.is;
  if ("in" in leaf) {
    const set = new Set(leaf.in);
    return (v) => typeof v === "string" && set.has(v);
  }
  if ("notIn" in leaf) {
    const set = new Set(leaf.notIn);
    return (v) => !(typeof v === "string" && set.has(v));
  }
  if ("has" in leaf) return (v) => (Array.isArray(v) ? v.includes(leaf.has) : v === leaf.has);
  return (v) => testLeaf(leaf, v);
}

export function compile(condition: Condition): CompiledCondition {
  if ("all" in condition || "any" in condition) {
    const all = "all" in condition;
    const parts = (all ? condition.all : condition.any).map(compile);
    const test = all ? (s: Scope) => parts.every((p) => p.test(s)) : (s: Scope) => parts.some((p) => p.test(s));
    return {
      test,
      explain(s, out) {
        const outcome = test(s);
        if (all === outcome) for (const p of parts) p.explain(s, out);
        else parts.find((p) => p.test(s) === outcome)?.explain(s, out);
      },
    };
  }
  if ("not" in condition) {
    const inner = compile(condition.not);
    return { test: (s) => !inner.test(s), explain: (s, out) => inner.explain(s, out) };
  }
  const get = getter(condition.fact);
  const test = tester(condition);
  const leaf = condition;
  return {
    test: (s) => test(get(s)),
    explain: (s, out) => void out.push(describeReason({ leaf, negated: false, value: get(s) })),
  };
}
