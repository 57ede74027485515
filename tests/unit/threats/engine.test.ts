import { describe, expect, it } from "vitest";
import { Condition, describeReason, holds, reasons, testLeaf, type FactLookup, type Leaf } from "../../../lib/threats/condition";
import { analyze, evaluationsOf, renderTemplate } from "../../../lib/threats/engine";
import { ANALYSIS_LIMITS, AnalysisLimitError, type AnalysisLimits } from "../../../lib/threats/limits";
import { modelFacts } from "../../../lib/threats/facts";
import { MAX_CUSTOM_RULES, parseRuleFile } from "../../../lib/threats/custom-rules";
import { EXAMPLE_RULE_FILE } from "../../../lib/threats/example-rules";
import { BUILT_IN_RULES, LIBRARY_VERSION } from "../../../lib/threats/rules";
import { entity, flow, inside, person, proc, scene, store, threats } from "./harness";
import type { ThreatRule } from "../../../lib/threats/rule";

const lookup = (facts: Record<string, unknown>): FactLookup => (f) => facts[f] as never;

describe("condition language", () => {
  it.each<[Leaf, unknown, boolean]>([
    [{ fact: "x", is: true }, true, true],
    [{ fact: "x", is: true }, false, false],
    [{ fact: "x", isNot: "ble" }, "wifi", true],
    [{ fact: "x", in: ["ble", "wifi"] }, "wifi", true],
    [{ fact: "x", notIn: ["ble"] }, "ble", false],
    [{ fact: "x", has: "alarm" }, ["log", "alarm"], true],
    [{ fact: "x", hasAny: ["a", "b"] }, ["c"], false],
    [{ fact: "x", hasNone: ["a", "b"] }, ["c"], true],
    [{ fact: "x", atLeast: 2 }, 2, true],
    [{ fact: "x", atMost: 1 }, 2, false],
    [{ fact: "x", mentions: ["hl7"] }, "HL7 v2 over MLLP", true],
    [{ fact: "x", mentions: ["tls"] }, "mTLS", false],
    [{ fact: "x", mentions: ["password"] }, ["Password and TOTP"], true],
    [{ fact: "x", isEmpty: true }, [], true],
    [{ fact: "x", isEmpty: false }, "", false],
    [{ fact: "x", is: true }, undefined, false],
  ])("%j on %j is %s", (leaf, value, expected) => {
    expect(testLeaf(leaf, value as never)).toBe(expected);
  });

  it("combines with all, any and not", () => {
    const c: Condition = { all: [{ fact: "a", is: true }, { any: [{ fact: "b", is: true }, { not: { fact: "c", is: true } }] }] };
    expect(holds(c, lookup({ a: true, b: false, c: false }))).toBe(true);
    expect(holds(c, lookup({ a: true, b: false, c: true }))).toBe(false);
  });

  it("explains a true condition by every leaf of a conjunction and a false one by the first leaf that failed", () => {
    const c: Condition = { all: [{ fact: "encryption.enabled", is: false }, { fact: "channel", in: ["ble", "wifi"] }] };
    const facts = lookup({ "encryption.enabled": false, channel: "ble" });
    expect(reasons(c, facts).map(describeReason)).toEqual(["encryption.enabled is false", "channel is one of ble, wifi (channel: ble)"]);
    expect(reasons(c, lookup({ "encryption.enabled": true, channel: "ble" })).map(describeReason)).toEqual(["encryption.enabled is true"]);
  });

  it("refuses conditions that are not data of the language", () => {
    expect(Condition.safeParse({ fact: "x", eval: "process.exit()" }).success).toBe(false);
    expect(Condition.safeParse({ all: [] }).success).toBe(false);
    expect(Condition.safeParse({ fact: "a.b", matches: "(a+)+$" }).success).toBe(false);
    expect(Condition.safeParse({ any: [{ fact: "a", is: 1 }] }).success).toBe(true);
  });
});

describe("facts", () => {
  it("derives exposure, boundary crossing and asset levels from the model", () => {
    const model = scene({
      elements: [person("nurse", "clinician"), proc("app"), store("db", { assets: ["phi"] })],
      boundaries: [inside("ward", "nurse")],
      flows: [flow("login", "nurse", "app", { assets: ["key"] }), flow("write", "app", "db", { channel: "internal", assets: ["phi"] })],
    });
    const facts = modelFacts(model);
    expect(facts.element("app")).toMatchObject({ exposed: true, "inbound.crossing": 1, "inbound.unauthenticatedCrossing": 1, "inbound.fromRoles": ["clinician"], "max.confidentiality": 3 });
    expect(facts.flow("login")).toMatchObject({ crossesBoundary: true, wireless: false, assetKinds: ["credential"] });
    expect(facts.flow("write")).toMatchObject({ crossesBoundary: false });
    expect(facts.lookup("flow", "write")("to.storedAssetKinds")).toEqual(["patient-data"]);
  });
});

describe("engine", () => {
  it("gives threat ids made of rule id and target id, in a deterministic order without duplicates", () => {
    const model = scene({ elements: [store("db", { assets: ["reading", "settings"] })] });
    const ids = threats(model).map((t) => t.id);
    expect(ids).toEqual([...new Set(ids)]);
    expect(ids).toContain("store-information-disclosure@db");
    expect(threats(model)).toEqual(threats(model));
  });

  it("records for every element each STRIDE category of its kind as considered", () => {
    const model = scene({ elements: [entity("e"), proc("p"), store("s")], flows: [flow("f", "e", "p")] });
    const coverage = analyze(model, BUILT_IN_RULES, LIBRARY_VERSION).coverage;
    const expected = (id: string) => coverage.find((c) => c.targetId === id)!.categories.filter((c) => c.expected).map((c) => c.stride);
    expect(expected("e")).toEqual(["spoofing", "repudiation"]);
    expect(expected("p")).toEqual(["spoofing", "tampering", "repudiation", "information-disclosure", "denial-of-service", "elevation-of-privilege"]);
    expect(expected("s")).toEqual(["tampering", "repudiation", "information-disclosure", "denial-of-service"]);
    expect(expected("f")).toEqual(["tampering", "information-disclosure", "denial-of-service"]);
    for (const entry of coverage) for (const c of entry.categories.filter((x) => x.expected)) expect(c.rulesConsidered.length, `${entry.targetId} ${c.stride}`).toBeGreaterThan(0);
  });

  it("maps Annex I references to the IVDR for an IVDR project", () => {
    const make = (regulation: "MDR" | "IVDR") => scene({ regulation, elements: [store("db", { assets: ["settings"] })] });
    expect(threats(make("MDR")).find((t) => t.id === "store-tampering@db")!.annexI).toEqual(["MDR-17.2", "MDR-17.1"]);
    expect(threats(make("IVDR")).find((t) => t.id === "store-tampering@db")!.annexI).toEqual(["IVDR-16.2", "IVDR-16.1"]);
  });

  it("fills templates with fact values and asset names, leaving unknown placeholders visible", () => {
    const scope = { self: { name: "Sync", channel: "ble" }, from: {}, to: { name: "Pump" } };
    const text = renderTemplate("{{name}} on {{channel}} to {{to.name}} carries {{assets}} {{nope}}", "flow", scope, ["Patient record"]);
    expect(text).toBe("Sync on Bluetooth Low Energy to Pump carries Patient record {{nope}}");
  });
});

describe("analysis limits", () => {
  const model = () => scene({ elements: [entity("e"), proc("p"), store("s", { assets: ["key"] })], flows: [flow("f", "e", "p")] });
  const full = () => analyze(model(), BUILT_IN_RULES, LIBRARY_VERSION);
  const limited = (limits: Partial<AnalysisLimits>) => () => analyze(model(), BUILT_IN_RULES, LIBRARY_VERSION, { ...ANALYSIS_LIMITS, ...limits });
  const refusal = (run: () => unknown) => {
    try {
      run();
    } catch (e) {
      return e instanceof AnalysisLimitError ? { limit: e.limit, message: e.message } : undefined;
    }
    return undefined;
  };

  it("counts an evaluation per target and rule of its kind, and refuses more than the limit before running", () => {
    const evaluations = evaluationsOf(model(), BUILT_IN_RULES);
    const perKind = (kind: string) => BUILT_IN_RULES.filter((r) => (r.targets as readonly string[]).includes(kind)).length;
    expect(evaluations).toBe(perKind("external-entity") + perKind("process") + perKind("data-store") + perKind("flow"));
    expect(limited({ evaluations })()).toEqual(full());
    expect(refusal(limited({ evaluations: evaluations - 1 }))).toEqual({
      limit: "evaluations",
      message: expect.stringMatching(new RegExp(`^the analysis was not run: 4 elements and flows under ${BUILT_IN_RULES.length} rules need ${evaluations} rule evaluations, more than the limit of`)),
    });
  });

  it("stops once the threats would pass the limit", () => {
    const count = full().threats.length;
    expect(limited({ threats: count })().threats).toHaveLength(count);
    expect(refusal(limited({ threats: count - 1 }))).toEqual({ limit: "threats", message: expect.stringMatching(new RegExp(`^the analysis stopped: the rules raised more than ${count - 1} threats`)) });
  });

  it("stops when the time is up", () => {
    expect(refusal(limited({ milliseconds: -1 }))).toEqual({ limit: "milliseconds", message: expect.stringMatching(/^the analysis stopped after .* s with 0 of 4 elements and flows done/) });
    expect(limited({ milliseconds: 60_000 })()).toEqual(full());
  });
});

describe("custom rule files", () => {
  it("accepts the example rule file", () => {
    const parsed = parseRuleFile(EXAMPLE_RULE_FILE);
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(parsed.rules.map((r) => [r.id, r.family])).toEqual([["acme-service-laptop-usb", "custom"]]);
  });

  it("refuses built-in ids, unknown facts, wrong operators, bad enum values and unknown references, with paths", () => {
    const text = `medthreatRules: 1
rules:
  - id: entity-spoofing
    title: T
    stride: spoofing
    targets: [flow]
    when: { all: [{ fact: chanel, is: ble }, { fact: encryption.enabled, atLeast: 1 }, { fact: channel, in: [bluetooth] }] }
    description: "{{nothing}} happens here, which is long enough"
    capabilities: [XXXX]
    safety: { when: never, why: does not matter much }
    annexI: [MDR-17.3]
`;
    const parsed = parseRuleFile(text);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    const byPath = Object.fromEntries(parsed.errors.map((e) => [e.path, e.message]));
    expect(byPath["rules[0].id"]).toMatch(/built-in/);
    expect(byPath["rules[0].when.all[0].fact"]).toMatch(/"chanel" is not a fact of a flow/);
    expect(byPath["rules[0].when.all[1]"]).toMatch(/"atLeast" does not apply/);
    expect(byPath["rules[0].when.all[2].in"]).toMatch(/"bluetooth" is not a value of channel/);
    expect(byPath["rules[0].description"]).toMatch(/\{\{nothing\}\}/);
    expect(byPath["rules[0].capabilities[0]"]).toMatch(/capability/);
    expect(byPath["rules[0].annexI[0]"]).toMatch(/Table 1/);
    expect(parsed.errors.every((e) => e.line)).toBe(true);
  });

  it("reads a YAML rule file of 500 rules, the documented maximum, and refuses 501", () => {
    const rule = (i: number) => `  - id: acme-rule-${i}
    title: "{{name}} is checked by rule ${i}"
    stride: tampering
    targets: [flow]
    when: { all: [{ fact: channel, in: [ble, wifi, cellular, ethernet, usb, serial, nfc-inductive, internet] }, { fact: tags, has: rule-${i} }] }
    description: "Rule ${i} raises a threat on {{name}} for the test."
    cwe: [CWE-287, CWE-306, CWE-319, CWE-345, CWE-778]
    capabilities: [AUTH, TXIG, AUDT, PAUT, NAUT]
    safety: { when: never, why: Only a test. }
    annexI: [MDR-17.2, MDR-17.4, MDR-18.8]
    source: Acme review ${i}
`;
    const file = (n: number) => `medthreatRules: 1\nrules:\n${Array.from({ length: n }, (_, i) => rule(i)).join("")}`;
    const parsed = parseRuleFile(file(MAX_CUSTOM_RULES));
    expect(parsed.ok && parsed.rules.length).toBe(500);
    const over = parseRuleFile(file(MAX_CUSTOM_RULES + 1));
    expect(over.ok).toBe(false);
    if (!over.ok) expect(over.errors[0]).toMatchObject({ path: "rules", message: expect.stringMatching(/500/) });
  });

  it("runs custom rules in the same engine and orders them with the built-in ones", () => {
    const parsed = parseRuleFile(EXAMPLE_RULE_FILE);
    if (!parsed.ok) throw new Error("example invalid");
    const model = scene({ elements: [entity("laptop"), proc("pump", { clinicalFunctions: ["therapy-delivery"] })], flows: [flow("svc", "laptop", "pump", { channel: "usb", assets: ["settings"] })] });
    const result = analyze(model, [...BUILT_IN_RULES, ...parsed.rules] as ThreatRule[], LIBRARY_VERSION);
    const custom = result.threats.find((t) => t.id === "acme-service-laptop-usb@pump");
    expect(custom).toMatchObject({ affectsSafety: true, title: "pump accepts configuration from a service laptop over USB" });
  });
});
