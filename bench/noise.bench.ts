import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Model } from "../lib/model/schema";
import { validateModelText } from "../lib/model/validate";
import { analyzeModel, BUILT_IN_RULES, LIBRARY_VERSION, RULE_FAMILIES, type Threat } from "../lib/threats";
import type { TargetKind } from "../lib/threats/facts";
import { validated, type Converted } from "./convert/common";
import { convertPytm } from "./convert/pytm";
import { convertThreagile } from "./convert/threagile";
import { convertThreatDragon, recordedThreats } from "./convert/threat-dragon";
import { ROOT, row } from "./measure";

/**
 * Noise: how many threats the built-in library raises on real models, per element or flow, how
 * many affect safety and which rules raise most. Runs on the demo device and on models of other
 * tools converted to our format by bench/convert/ (measurement aids, not importers).
 */

const TARGET_PER_ITEM = 5;
/** A rule "fires on nearly everything" when it fires on at least this share of the targets it can apply to. */
const BROAD = 0.75;
const EXTERNAL = join(ROOT, "..", "shared", "external");
const DEMO = join(ROOT, "examples", "insulin-pump-system.yaml");
const THREAT_DRAGON_DEMOS = ["v2-threat-model.json", "iot-device.json"];

interface Subject {
  label: string;
  model: Model;
  external: boolean;
  /** The other tool's own figure for the same model, when there is one. */
  reference: string;
  conversion?: Converted;
}

const readJson = (path: string): unknown => JSON.parse(readFileSync(path, "utf8"));
const obj = (v: unknown): Record<string, unknown> => (typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
const len = (v: unknown) => (Array.isArray(v) ? v.length : 0);
const perItem = (threats: number, model: Model) => threats / Math.max(1, model.elements.length + model.flows.length);

function demoSubject(): Subject {
  const result = validateModelText(readFileSync(DEMO, "utf8"), { filename: DEMO });
  if (!result.ok) throw new Error(`the demo model is invalid: ${JSON.stringify(result.errors.slice(0, 3))}`);
  return { label: "demo: insulin pump system", model: result.model, external: false, reference: "-" };
}

function pytmSubject(): Subject {
  const path = join(EXTERNAL, "pytm", "tm-model.json");
  const source = readJson(path);
  const conversion = validated(convertPytm(source, path));
  const oracle = obj(readJson(join(EXTERNAL, "pytm", "oracle", "tm-findings.json")));
  const findings = typeof oracle.count === "number" ? oracle.count : len(oracle.findings);
  const items = len(obj(source).elements) + len(obj(source).flows);
  return {
    label: conversion.label,
    model: conversion.model,
    external: true,
    reference: `pytm: ${findings} findings, ${(findings / items).toFixed(2)} per element or flow`,
    conversion,
  };
}

function threagileSubject(): Subject {
  const path = join(EXTERNAL, "threagile", "example", "threagile-example-model.yaml");
  const conversion = validated(convertThreagile(readFileSync(path, "utf8"), path));
  const oracle = obj(readJson(join(EXTERNAL, "threagile", "parsed-oracle", "parsed-model.json")));
  const builtIn = new Set(
    (obj(readJson(join(EXTERNAL, "threagile", "catalog", "built-in-risk-categories.json"))).categories as { id: string }[] | undefined)?.map((c) => c.id) ?? [],
  );
  const generated = Object.entries(obj(oracle.generated_risks_by_category));
  const fromBuiltIn = generated.filter(([category]) => builtIn.has(category)).reduce((n, [, risks]) => n + len(risks), 0);
  const individual = generated.filter(([category]) => !builtIn.has(category));
  const reference =
    fromBuiltIn > 0
      ? `Threagile: ${fromBuiltIn} risks from built-in rules`
      : `Threagile: no risk count in its parsed oracle (only ${individual.reduce((n, [, r]) => n + len(r), 0)} hand-written risks of "${individual.map(([c]) => c).join(", ")}")`;
  return { label: conversion.label, model: conversion.model, external: true, reference, conversion };
}

function threatDragonSubject(file: string): Subject {
  const path = join(EXTERNAL, "threat-dragon", "demo", file);
  const source = readJson(path);
  const conversion = validated(convertThreatDragon(source, path));
  return {
    label: conversion.label,
    model: conversion.model,
    external: true,
    reference: `Threat Dragon: ${recordedThreats(source)} threats entered by hand (no rule engine)`,
    conversion,
  };
}

function subjects(): Subject[] {
  const list = [demoSubject()];
  if (!existsSync(EXTERNAL)) {
    console.log(`External models not found at ${EXTERNAL}; only the demo device is measured.\n`);
    return list;
  }
  list.push(pytmSubject(), threagileSubject(), ...THREAT_DRAGON_DEMOS.map(threatDragonSubject));
  return list;
}

const countBy = <T>(xs: readonly T[], key: (x: T) => string) => {
  const counts = new Map<string, number>();
  for (const x of xs) counts.set(key(x), (counts.get(key(x)) ?? 0) + 1);
  return counts;
};

function targetsOf(model: Model, kinds: readonly TargetKind[]): number {
  return model.elements.filter((e) => kinds.includes(e.type)).length + (kinds.includes("flow") ? model.flows.length : 0);
}

export function runNoiseBench(): void {
  console.log(
    `Noise benchmark (${new Date().toISOString().slice(0, 10)}): threats the built-in library (${BUILT_IN_RULES.length} rules in ${RULE_FAMILIES.length} families, library ${LIBRARY_VERSION}) raises on the demo device and on models of other tools converted to our format (bench/convert/).`,
  );
  console.log(`Product target: on average at most ${TARGET_PER_ITEM} threats per element or flow.\n`);

  const all = subjects();
  const analysed = all.map((s) => ({ ...s, threats: analyzeModel(s.model).threats }));
  const widths = [Math.max(...analysed.map((s) => s.label.length)), 8, 5, 7, 12, 6];
  console.log(row(["model", "elements", "flows", "threats", "per el./flow", "safety", "other tool on the same model"], [...widths, 0], 1));
  for (const s of analysed)
    console.log(
      row(
        [s.label, String(s.model.elements.length), String(s.model.flows.length), String(s.threats.length), perItem(s.threats.length, s.model).toFixed(2), String(s.threats.filter((t) => t.affectsSafety).length), ` ${s.reference}`],
        [...widths, 0],
        1,
      ),
    );
  const ratios = analysed.map((s) => perItem(s.threats.length, s.model));
  const average = ratios.reduce((a, b) => a + b, 0) / ratios.length;
  const pooled = analysed.reduce((n, s) => n + s.threats.length, 0) / analysed.reduce((n, s) => n + s.model.elements.length + s.model.flows.length, 0);
  console.log(
    `\nAverage over the ${analysed.length} models: ${average.toFixed(2)} threats per element or flow (all models pooled: ${pooled.toFixed(2)}). Target ≤ ${TARGET_PER_ITEM}: ${average <= TARGET_PER_ITEM ? "PASS" : "FAIL"}`,
  );
  console.log("safety: threats marked as affecting patient safety. The external models are not medical devices and say nothing about clinical functions, so few safety threats are expected there.");

  console.log("\nTop 5 rules by number of threats:");
  for (const s of analysed) {
    const top = [...countBy(s.threats, (t) => t.ruleId)].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 5);
    console.log(`  ${s.label}: ${top.map(([rule, n]) => `${rule} ${n}`).join(", ") || "none"}`);
  }

  broadRules(analysed.filter((s) => s.external));

  console.log("\nConversions (measurement aids in bench/convert/; every converted model passes validateModel):");
  for (const s of analysed) {
    const c = s.conversion;
    if (!c) continue;
    console.log(`  ${c.label} (${c.source.replace(`${EXTERNAL}/`, "shared/external/")})`);
    for (const [title, lines] of [
      ["mapped", c.mapped],
      ["dropped", c.dropped],
      ["not in the source, left at our default", c.notInSource],
      ["notes", c.notes],
    ] as const)
      for (const [i, line] of lines.entries()) console.log(`    ${i === 0 ? `${title}:`.padEnd(9) : "".padEnd(9)} ${line}`);
  }
}

/**
 * Rules that fire on nearly every target they can apply to: over all external models together, or
 * in one model with at least MIN_TARGETS such targets.
 */
function broadRules(external: { label: string; model: Model; threats: Threat[] }[]): void {
  if (external.length === 0) return;
  const MIN_TARGETS = 3;
  const rows = BUILT_IN_RULES.map((rule) => {
    const per = external.map((s) => ({ label: s.label, fired: s.threats.filter((t) => t.ruleId === rule.id).length, of: targetsOf(s.model, rule.targets) }));
    const fired = per.reduce((n, p) => n + p.fired, 0);
    const of = per.reduce((n, p) => n + p.of, 0);
    return { rule, per, fired, of, share: of ? fired / of : 0 };
  })
    .filter((r) => r.fired > 0)
    .sort((a, b) => b.share - a.share || b.fired - a.fired);
  const broad = rows.filter((r) => r.share >= BROAD || r.per.some((p) => p.of >= MIN_TARGETS && p.fired / p.of >= BROAD));
  const pct = (a: number, b: number) => `${Math.round((100 * a) / Math.max(1, b))} %`;
  console.log(
    `\nRules that fire on at least ${Math.round(BROAD * 100)} % of the targets they can apply to (elements of their kinds, or flows), over the ${external.length} external models together or in one of them (≥ ${MIN_TARGETS} targets); counted after superseding:`,
  );
  if (broad.length === 0) console.log("  none");
  for (const r of broad)
    console.log(
      `  ${r.rule.id} (${r.rule.family}, ${r.rule.stride}, on ${r.rule.targets.join("/")}): ${r.fired} of ${r.of} (${pct(r.fired, r.of)}) — ${r.per.map((p) => `${p.label} ${p.fired}/${p.of}`).join(", ")}`,
    );
  const next = rows.filter((r) => !broad.includes(r)).slice(0, 3);
  if (next.length) console.log(`  next broadest: ${next.map((r) => `${r.rule.id} ${r.fired}/${r.of} (${pct(r.fired, r.of)})`).join(", ")}`);
}
