import { z } from "zod";

/**
 * The declarative condition language of threat rules. A condition is data: it is validated and
 * interpreted, never evaluated as code, so built-in and user-written rules are equally safe.
 *
 *   { all: [c, …] }   { any: [c, …] }   { not: c }
 *   { fact: "encryption.enabled", is: false }          equality (boolean, text, number)
 *   { fact: "channel", in: ["ble", "wifi"] }           one of
 *   { fact: "assetKinds", has: "therapy-command" }     a list contains
 *   { fact: "assetKinds", hasAny: ["alarm", "…"] }     a list contains one of
 *   { fact: "to.clinicalFunctions", hasNone: [...] }   a list contains none of
 *   { fact: "max.confidentiality", atLeast: 2 }        numbers (levels: none 0, low 1, medium 2, high 3)
 *   { fact: "protocol", mentions: ["hl7", "mllp"] }    text contains one of the words (case-insensitive)
 *   { fact: "thirdPartySoftware", isEmpty: true }      a list or text is empty
 */

export type FactValue = boolean | number | string | readonly string[];

const Scalar = z.union([z.boolean(), z.number(), z.string().max(200)]);
const Words = z.array(z.string().min(1).max(100)).min(1).max(50);
const FactName = z.string().regex(/^[a-zA-Z][a-zA-Z0-9]*(\.[a-zA-Z][a-zA-Z0-9]*)*$/, { error: "a fact name such as encryption.enabled" });

export const LEAF_OPERATORS = ["is", "isNot", "in", "notIn", "has", "hasAny", "hasNone", "atLeast", "atMost", "mentions", "isEmpty"] as const;
export type LeafOperator = (typeof LEAF_OPERATORS)[number];

export const Leaf = z.union([
  z.strictObject({ fact: FactName, is: Scalar }),
  z.strictObject({ fact: FactName, isNot: Scalar }),
  z.strictObject({ fact: FactName, in: Words }),
  z.strictObject({ fact: FactName, notIn: Words }),
  z.strictObject({ fact: FactName, has: z.string().min(1).max(100) }),
  z.strictObject({ fact: FactName, hasAny: Words }),
  z.strictObject({ fact: FactName, hasNone: Words }),
  z.strictObject({ fact: FactName, atLeast: z.number() }),
  z.strictObject({ fact: FactName, atMost: z.number() }),
  z.strictObject({ fact: FactName, mentions: Words }),
  z.strictObject({ fact: FactName, isEmpty: z.boolean() }),
]);
export type Leaf = z.infer<typeof Leaf>;

export type Condition = Leaf | { all: Condition[] } | { any: Condition[] } | { not: Condition };

export const Condition: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.strictObject({ all: z.array(Condition).min(1).max(50) }),
    z.strictObject({ any: z.array(Condition).min(1).max(50) }),
    z.strictObject({ not: Condition }),
    Leaf,
  ]),
);

export function leafOperator(leaf: Leaf): LeafOperator {
  return LEAF_OPERATORS.find((op) => op in leaf)!;
}

export function leafOperand(leaf: Leaf): unknown {
  return (leaf as Record<string, unknown>)[leafOperator(leaf)];
}

/** Resolves a fact of the thing a rule is evaluated on; undefined for a fact it does not have. */
export type FactLookup = (fact: string) => FactValue | undefined;

const asList = (v: FactValue | undefined): readonly string[] => (Array.isArray(v) ? v : typeof v === "string" && v ? [v] : []);

function mentions(text: string, words: readonly string[]): boolean {
  const lower = text.toLowerCase();
  return words.some((w) => {
    const word = w.toLowerCase();
    for (let at = lower.indexOf(word); at >= 0; at = lower.indexOf(word, at + 1)) {
      const before = at === 0 ? "" : lower[at - 1];
      const after = lower[at + word.length] ?? "";
      if (!/[a-z0-9]/.test(before) && !/[a-z0-9]/.test(after)) return true;
    }
    return false;
  });
}

export function testLeaf(leaf: Leaf, value: FactValue | undefined): boolean {
  if ("is" in leaf) return value === leaf.is;
  if ("isNot" in leaf) return value !== leaf.isNot;
  if ("in" in leaf) return typeof value === "string" && leaf.in.includes(value);
  if ("notIn" in leaf) return !(typeof value === "string" && leaf.notIn.includes(value));
  if ("has" in leaf) return asList(value).includes(leaf.has);
  if ("hasAny" in leaf) return leaf.hasAny.some((x) => asList(value).includes(x));
  if ("hasNone" in leaf) return !leaf.hasNone.some((x) => asList(value).includes(x));
  if ("atLeast" in leaf) return typeof value === "number" && value >= leaf.atLeast;
  if ("atMost" in leaf) return typeof value === "number" && value <= leaf.atMost;
  if ("mentions" in leaf) return typeof value === "string" ? mentions(value, leaf.mentions) : asList(value).some((v) => mentions(v, leaf.mentions));
  return (asList(value).length === 0) === leaf.isEmpty;
}

/** Fast evaluation, no explanation. */
export function holds(condition: Condition, lookup: FactLookup): boolean {
  if ("all" in condition) return condition.all.every((c) => holds(c, lookup));
  if ("any" in condition) return condition.any.some((c) => holds(c, lookup));
  if ("not" in condition) return !holds(condition.not, lookup);
  return testLeaf(condition, lookup(condition.fact));
}

/** A leaf that decided an outcome, with the value the fact had. */
export interface Reason {
  leaf: Leaf;
  negated: boolean;
  value: FactValue | undefined;
}

/**
 * The leaves that decided the outcome: for a condition that holds, every leaf that made it hold;
 * for one that does not, the leaves that stopped it.
 */
export function reasons(condition: Condition, lookup: FactLookup, negated = false): Reason[] {
  const outcome = holds(condition, lookup);
  if ("not" in condition) return reasons(condition.not, lookup, !negated);
  if ("all" in condition || "any" in condition) {
    const parts = "all" in condition ? condition.all : condition.any;
    // A conjunction that holds, or a disjunction that fails, is explained by all its parts;
    // otherwise by the parts that decided it.
    const everyPart = "all" in condition === outcome;
    const deciding = everyPart ? parts : parts.filter((p) => holds(p, lookup) === outcome);
    return (everyPart ? deciding : deciding.slice(0, 1)).flatMap((p) => reasons(p, lookup, negated));
  }
  return [{ leaf: condition, negated, value: lookup(condition.fact) }];
}

const show = (v: unknown): string => (Array.isArray(v) ? (v.length ? v.join(", ") : "none") : typeof v === "string" ? (v === "" ? '""' : v) : String(v));

const PHRASES: Record<LeafOperator, [string, string]> = {
  is: ["is", "is not"],
  isNot: ["is not", "is"],
  in: ["is one of", "is not one of"],
  notIn: ["is not one of", "is one of"],
  has: ["includes", "does not include"],
  hasAny: ["includes one of", "includes none of"],
  hasNone: ["includes none of", "includes one of"],
  atLeast: ["is at least", "is below"],
  atMost: ["is at most", "is above"],
  mentions: ["mentions", "does not mention"],
  isEmpty: ["is empty", "is not empty"],
};

/** States a fact as it was: "encryption.enabled is false", "channel is one of ble, wifi (channel: ble)". */
export function describeReason(reason: Reason): string {
  const { leaf, value } = reason;
  const op = leafOperator(leaf);
  const operand = leafOperand(leaf);
  if ((op === "is" || op === "isNot") && typeof value === "boolean") return `${leaf.fact} is ${value}`;
  if (op === "atLeast" || op === "atMost") return `${leaf.fact} is ${show(value)}`;
  const [yes, no] = PHRASES[op];
  const phrase = testLeaf(leaf, value) ? yes : no;
  if (op === "isEmpty") return `${leaf.fact} ${(operand === true) === testLeaf(leaf, value) ? "is empty" : `is not empty (${show(value)})`}`;
  if (op === "is" || op === "isNot") return `${leaf.fact} ${phrase} ${show(operand)}`;
  return `${leaf.fact} ${phrase} ${show(operand)} (${leaf.fact}: ${show(value)})`;
}
