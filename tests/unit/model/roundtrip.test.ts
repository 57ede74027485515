import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import type { z } from "zod";
import { canonicalize } from "../../../lib/model/canonical";
import { serializeModel, type FileFormat } from "../../../lib/model/format";
import { Asset, Boundary, DataStore, Diagram, ExternalEntity, Flow, Model, Process, Project } from "../../../lib/model/schema";
import { CLINICAL_FUNCTIONS, ENVIRONMENTS } from "../../../lib/model/vocabulary";
import { minimalModel, mustValidate, mustValidateText, readExample, readFixture, shuffled, smallModel } from "./helpers";

const FORMATS: FileFormat[] = ["yaml", "json"];

const SOURCES: Record<string, () => string> = {
  "the insulin pump example": readExample,
  "small-system.yaml": () => readFixture("small-system.yaml"),
  "small-system.json": () => readFixture("small-system.json"),
  "minimal.yaml": () => readFixture("minimal.yaml"),
  "tricky-strings.yaml": () => readFixture("tricky-strings.yaml"),
  "warnings-only.yaml": () => readFixture("warnings-only.yaml"),
};

const isSorted = (list: readonly string[]) => list.every((x, i) => i === 0 || list[i - 1] < x);
const ids = (list: readonly { id: string }[]) => list.map((x) => x.id);

/** The canonical export of the small model as plain data (parsed back from its JSON). */
function exportedSmall(): Record<string, any> {
  return JSON.parse(serializeModel(mustValidate(smallModel()), "json"));
}

describe("export → import → export is stable", () => {
  for (const [name, read] of Object.entries(SOURCES))
    for (const format of FORMATS)
      it(`${name} as ${format}`, () => {
        const model = mustValidateText(read());
        const first = serializeModel(model, format);
        const reimported = mustValidateText(first);
        expect(serializeModel(reimported, format)).toBe(first);
        // nothing is lost: the re-imported model is the canonical form of the original
        expect(reimported).toEqual(canonicalize(model));
      });

  for (const [name, read] of Object.entries(SOURCES))
    it(`${name}: yaml → json → yaml gives identical bytes`, () => {
      const yaml = serializeModel(mustValidateText(read()), "yaml");
      const json = serializeModel(mustValidateText(yaml), "json");
      expect(serializeModel(mustValidateText(json), "yaml")).toBe(yaml);
    });

  it("JSON export is JSON.stringify with two spaces and a final newline", () => {
    const text = serializeModel(mustValidateText(readExample()), "json");
    expect(text.endsWith("}\n")).toBe(true);
    expect(text).toBe(JSON.stringify(JSON.parse(text), null, 2) + "\n");
  });

  it("YAML export parses to the same data as JSON export", () => {
    const model = mustValidateText(readExample());
    expect(parseYaml(serializeModel(model, "yaml"))).toEqual(JSON.parse(serializeModel(model, "json")));
  });

  it("export writes no YAML anchors or aliases even for repeated values", () => {
    const yaml = serializeModel(mustValidateText(readExample()), "yaml");
    expect(yaml).not.toMatch(/(^|\s)[&*][a-z0-9]+\s*$/m);
  });

  it("strings that look like other YAML types survive as strings", () => {
    const model = mustValidateText(serializeModel(mustValidateText(readFixture("tricky-strings.yaml")), "yaml"));
    expect(model.project.name).toBe("null");
    expect(model.project.device.name).toBe("true");
    expect(model.project.device.version).toBe("1.10");
    expect(model.project.intendedUsers).toEqual(["~", "0x1F", "1e3", "- dash", "@at", "2024-01-01", "12:30"]);
    expect(model.elements.map((e) => e.name)).toEqual([".inf", "<<", "'single' and \"double\""]);
    expect(model.elements[0].tags).toEqual(["no", "off", "on", "yes"]);
    expect(model.elements[0].description).toBe("  leading spaces\nsecond line");
    expect(model.elements[1].description).toBe("ends with newlines\n\n\n");
    expect(model.flows[0].encryption.method).toBe("0");
  });

  // yaml's block scalars cannot keep lines that start with blanks; such text is written double-quoted.
  it("a description of spaces and a newline survives a YAML round trip", () => {
    const m = minimalModel();
    m.project.intendedPurpose = " \n";
    const model = mustValidate(m);
    const first = serializeModel(model, "yaml");
    const reimported = mustValidateText(first);
    expect(reimported.project.intendedPurpose).toBe(" \n");
    expect(serializeModel(reimported, "yaml")).toBe(first);
  });
});

describe("canonical order", () => {
  it("sorts elements, flows, assets and boundaries by id whatever the input order", () => {
    const input = smallModel();
    expect(isSorted(ids(input.elements))).toBe(false); // the test would prove nothing otherwise
    const out = exportedSmall();
    for (const section of ["elements", "flows", "assets", "boundaries"]) {
      expect(isSorted(ids(out[section])), section).toBe(true);
      expect(ids(out[section]).sort()).toEqual(ids(input[section]).sort());
    }
    expect(ids(out.elements)).toEqual(["app", "ehr", "patient", "pump", "pump-log"]);
  });

  it("sorts id lists: boundary members, asset lists, diagram elements and tags", () => {
    const out = exportedSmall();
    const body = out.boundaries.find((b: any) => b.id === "body");
    expect(body.contains).toEqual(["pump", "pump-log"]);
    expect(out.elements.find((e: any) => e.id === "pump-log").assets).toEqual(["glucose", "key"]);
    expect(out.flows.find((f: any) => f.id === "commands").assets).toEqual(["bolus", "glucose"]);
    expect(out.diagrams.find((d: any) => d.id === "therapy").elements).toEqual(["patient", "pump", "pump-log"]);
    expect(out.elements.find((e: any) => e.id === "pump").tags).toEqual(["alpha", "zeta"]);
  });

  it("puts environments and clinical functions in vocabulary order", () => {
    const m = smallModel();
    m.project.environments = ["cloud", "mobile", "hospital-network"];
    m.elements[0].clinicalFunctions = ["alarming", "diagnosis", "therapy-delivery"];
    const model = mustValidateText(serializeModel(mustValidate(m), "yaml"));
    expect(model.project.environments).toEqual(ENVIRONMENTS.filter((e) => m.project.environments.includes(e)));
    expect(model.elements.find((e) => e.id === "pump")).toMatchObject({
      clinicalFunctions: CLINICAL_FUNCTIONS.filter((c) => m.elements[0].clinicalFunctions.includes(c)),
    });
  });

  it("keeps the user's order of diagrams, assumptions, intended users and third-party software", () => {
    const m = smallModel();
    m.diagrams.reverse(); // therapy, overview: not sorted by id
    m.project.intendedUsers = ["Zoe", "Adam"];
    m.elements[0].thirdPartySoftware = [{ name: "Zephyr RTOS" }, { name: "Arm Mbed TLS" }];
    const out = JSON.parse(serializeModel(mustValidate(m), "json"));
    expect(ids(out.diagrams)).toEqual(["therapy", "overview"]);
    expect(ids(out.project.assumptions)).toEqual(["asm-zeta", "asm-alpha"]);
    expect(out.project.intendedUsers).toEqual(["Zoe", "Adam"]);
    expect(out.elements.find((e: any) => e.id === "pump").thirdPartySoftware.map((s: any) => s.name)).toEqual(["Zephyr RTOS", "Arm Mbed TLS"]);
  });

  it("shuffling every array that is sorted on export gives byte-identical output", () => {
    const expected = FORMATS.map((f) => serializeModel(mustValidate(smallModel()), f));
    for (let seed = 1; seed <= 20; seed++) {
      const m = smallModel();
      for (const section of ["assets", "elements", "boundaries", "flows"]) m[section] = shuffled(m[section], seed);
      for (const b of m.boundaries) b.contains = shuffled(b.contains, seed + 100);
      for (const f of m.flows) if (f.assets) f.assets = shuffled(f.assets, seed + 200);
      for (const d of m.diagrams) d.elements = shuffled(d.elements, seed + 300);
      for (const e of m.elements) {
        if (e.assets) e.assets = shuffled(e.assets, seed + 400);
        if (e.tags) e.tags = shuffled(e.tags, seed + 500);
      }
      m.project.environments = shuffled(m.project.environments, seed + 600);
      expect(FORMATS.map((f) => serializeModel(mustValidate(m), f)), `seed ${seed}`).toEqual(expected);
    }
  });

  it("exporting is idempotent: the canonical form of a canonical model is itself", () => {
    const model = mustValidateText(readExample());
    const once = canonicalize(model);
    expect(canonicalize(once)).toEqual(once);
    expect(serializeModel(once, "yaml")).toBe(serializeModel(model, "yaml"));
  });

  it("canonicalize does not modify its input", () => {
    const model = mustValidate(smallModel());
    const before = structuredClone(model);
    canonicalize(model);
    expect(model).toEqual(before);
  });
});

describe("keys in schema order", () => {
  const keysOf = (schema: { shape: Record<string, z.ZodType> }) => Object.keys(schema.shape);
  /** Asserts that the object's keys appear in the same relative order as in the schema (absent keys allowed). */
  const expectSchemaOrder = (object: object, schemaKeys: string[], where: string) => {
    const keys = Object.keys(object);
    for (const k of keys) expect(schemaKeys, `${where}: unexpected key ${k}`).toContain(k);
    const positions = keys.map((k) => schemaKeys.indexOf(k));
    expect(positions, `${where}: keys ${keys.join(", ")}`).toEqual([...positions].sort((a, b) => a - b));
  };

  it("every object of the exported example has its keys in schema order", () => {
    const out = JSON.parse(serializeModel(mustValidateText(readExample()), "json"));
    expectSchemaOrder(out, keysOf(Model), "model");
    expectSchemaOrder(out.project, keysOf(Project), "project");
    const elementSchemas: Record<string, { shape: Record<string, z.ZodType> }> = {
      "external-entity": ExternalEntity,
      process: Process,
      "data-store": DataStore,
    };
    for (const el of out.elements) expectSchemaOrder(el, keysOf(elementSchemas[el.type]), `element ${el.id}`);
    for (const f of out.flows) expectSchemaOrder(f, keysOf(Flow), `flow ${f.id}`);
    for (const a of out.assets) expectSchemaOrder(a, keysOf(Asset), `asset ${a.id}`);
    for (const b of out.boundaries) expectSchemaOrder(b, keysOf(Boundary), `boundary ${b.id}`);
    for (const d of out.diagrams) expectSchemaOrder(d, keysOf(Diagram), `diagram ${d.id}`);
  });

  it("keys are reordered even when the input writes them in another order", () => {
    const m = smallModel();
    m.elements[3] = { technology: "mobile-app", name: "Phone app", type: "process", id: "app" };
    m.flows[0] = { channel: "user-interface", to: "app", from: "patient", id: "input" };
    const yaml = serializeModel(mustValidate(m), "yaml");
    const lines = yaml.split("\n");
    const at = (line: string) => {
      const i = lines.indexOf(line);
      expect(i, `line ${JSON.stringify(line)}`).toBeGreaterThanOrEqual(0);
      return i;
    };
    const id = at("  - id: app");
    expect(at("    type: process")).toBe(id + 1);
    expect(at("    name: Phone app")).toBe(id + 2);
    const flow = at("  - id: input");
    expect(lines.slice(flow, flow + 4)).toEqual(["  - id: input", "    from: patient", "    to: app", "    channel: user-interface"]);
    expect(yaml.indexOf("medthreat: 1")).toBe(0);
    expect(yaml.indexOf("\nproject:")).toBeLessThan(yaml.indexOf("\nassets:"));
    expect(yaml.indexOf("\nassets:")).toBeLessThan(yaml.indexOf("\nelements:"));
    expect(yaml.indexOf("\nelements:")).toBeLessThan(yaml.indexOf("\nboundaries:"));
    expect(yaml.indexOf("\nboundaries:")).toBeLessThan(yaml.indexOf("\nflows:"));
    expect(yaml.indexOf("\nflows:")).toBeLessThan(yaml.indexOf("\ndiagrams:"));
  });
});

describe("empty values and defaults", () => {
  it("omits empty strings and empty arrays, including whole empty sections", () => {
    const out = JSON.parse(serializeModel(mustValidate(minimalModel()), "json"));
    expect(Object.keys(out)).toEqual(["medthreat", "project"]);
    expect(out.project.device).toEqual({ name: "Test device" });
    for (const key of ["intendedPurpose", "environments", "intendedUsers", "assumptions"]) expect(out.project).not.toHaveProperty(key);
  });

  it("writes defaults explicitly", () => {
    const out = JSON.parse(serializeModel(mustValidate(minimalModel()), "json"));
    expect(out.project.regulation).toBe("MDR");
    expect(out.project.deviceKind).toBe("hardware-with-software");
  });

  it("keeps false booleans and default enum values on flows and elements", () => {
    const out = exportedSmall();
    const input = out.flows.find((f: any) => f.id === "input");
    expect(input).toEqual({
      id: "input",
      from: "patient",
      to: "app",
      channel: "user-interface",
      direction: "one-way",
      initiator: "from",
      encryption: { enabled: false },
      authentication: { from: { enabled: false }, to: { enabled: false } },
      messageIntegrity: false,
      replayProtection: false,
    });
    const app = out.elements.find((e: any) => e.id === "app");
    expect(app).toMatchObject({ parsesUntrustedInput: false, runsPrivileged: false, holdsSecrets: false, encryptedAtRest: false });
    expect(app.update).toEqual({ method: "none", codeSigned: false, rollbackProtection: false });
    for (const key of ["description", "tags", "clinicalFunctions", "thirdPartySoftware"]) expect(app).not.toHaveProperty(key);
  });

  it("the YAML text has no empty strings, empty lists or nulls", () => {
    const yaml = serializeModel(mustValidateText(readExample()), "yaml");
    expect(yaml).not.toMatch(/: (""|''|\[\]|\{\}|null|~)$/m);
    expect(yaml).toMatch(/^ +messageIntegrity: false$/m);
  });

  it("re-importing restores the omitted empty values", () => {
    const model = mustValidate(smallModel());
    const back = mustValidateText(serializeModel(model, "yaml"));
    const input = back.flows.find((f) => f.id === "input")!;
    expect(input.protocol).toBe("");
    expect(input.assets).toEqual([]);
    expect(input.encryption.method).toBe("");
    expect(back.project.intendedPurpose).toBe("");
  });
});

describe("multi-line text", () => {
  it("keeps ordinary multi-line descriptions as readable block text and round-trips them", () => {
    const m = minimalModel();
    m.project.intendedPurpose = "Line one\nLine two\n";
    const model = mustValidate(m);
    const yaml = serializeModel(model, "yaml");
    expect(yaml).toContain("intendedPurpose: |");
    expect(serializeModel(mustValidateText(yaml), "yaml")).toBe(yaml);
  });
});
