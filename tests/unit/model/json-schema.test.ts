import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { JSON_SCHEMA_PATH, modelJsonSchema, modelJsonSchemaText } from "../../../lib/model/json-schema";
import { FORMAT_VERSION } from "../../../lib/model/schema";
import { CHANNELS, ELEMENT_TYPES } from "../../../lib/model/vocabulary";
import { REPO_ROOT } from "./helpers";

type JsonSchema = Record<string, any>;
const committedText = () => readFileSync(path.join(REPO_ROOT, JSON_SCHEMA_PATH), "utf8");
const committed = (): JsonSchema => JSON.parse(committedText());

describe("the committed JSON Schema", () => {
  it("is exactly what modelJsonSchemaText() generates (run `npm run schema` after changing the zod schema)", () => {
    expect(committedText()).toBe(modelJsonSchemaText());
  });

  it("is the pretty-printed modelJsonSchema() with a final newline", () => {
    const text = modelJsonSchemaText();
    expect(text.endsWith("}\n")).toBe(true);
    expect(JSON.parse(text)).toEqual(modelJsonSchema());
  });

  it("names draft 2020-12 and a versioned $id", () => {
    const schema = committed();
    expect(schema.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
    expect(schema.$id).toBe(`https://medthreat.dev/schema/model-v${FORMAT_VERSION}.json`);
    expect(Object.keys(schema).slice(0, 4)).toEqual(["$schema", "$id", "title", "description"]);
  });
});

describe("schema content", () => {
  const schema = committed();
  const flow = schema.properties.flows.items;
  const elementVariants: JsonSchema[] = schema.properties.elements.items.oneOf;

  it("requires the format version and the project, and pins the version", () => {
    expect(schema.required).toEqual(expect.arrayContaining(["medthreat", "project"]));
    expect(schema.properties.medthreat.const).toBe(FORMAT_VERSION);
    expect(schema.additionalProperties).toBe(false);
  });

  it("lists exactly the vocabulary's channels for a flow's channel", () => {
    expect(flow.properties.channel.enum).toEqual([...CHANNELS]);
    expect(flow.properties.channel.enum).toContain("ble");
    expect(flow.properties.channel.enum).not.toContain("bluetooth");
  });

  it("requires a flow's id, ends and channel, and nothing with a default", () => {
    expect([...flow.required].sort()).toEqual(["channel", "from", "id", "to"]);
    expect(flow.additionalProperties).toBe(false);
  });

  it("has one variant per element type, each closed to unknown fields", () => {
    expect(elementVariants.map((v) => v.properties.type.const).sort()).toEqual([...ELEMENT_TYPES].sort());
    for (const variant of elementVariants) {
      expect(variant.type).toBe("object");
      expect(variant.additionalProperties).toBe(false);
      expect(variant.required).toEqual(expect.arrayContaining(["id", "type", "name"]));
    }
  });

  it("closes every object in the schema to unknown fields", () => {
    const open: string[] = [];
    const walk = (node: unknown, where: string) => {
      if (Array.isArray(node)) return node.forEach((n, i) => walk(n, `${where}[${i}]`));
      if (!node || typeof node !== "object") return;
      const n = node as JsonSchema;
      if (n.type === "object" && n.additionalProperties !== false) open.push(where);
      for (const [k, v] of Object.entries(n)) walk(v, `${where}.${k}`);
    };
    walk(schema, "$");
    expect(open).toEqual([]);
  });

  it("gives ids the model's id pattern", () => {
    const pattern = new RegExp(flow.properties.id.pattern);
    expect(pattern.test("insulin-pump")).toBe(true);
    expect(pattern.test("Insulin_Pump")).toBe(false);
    expect(flow.properties.id.maxLength).toBe(64);
  });
});
