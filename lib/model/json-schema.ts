import { z } from "zod";
import { FORMAT_VERSION, Model } from "./schema";

export const JSON_SCHEMA_PATH = "schema/medthreat-model.schema.json";

/** The JSON Schema of the model file, generated from the zod schema (what a file may contain, defaults optional). */
export function modelJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(Model, { io: "input", target: "draft-2020-12" }) as Record<string, unknown>;
  return {
    $schema: schema.$schema,
    $id: `https://medthreat.dev/schema/model-v${FORMAT_VERSION}.json`,
    title: "medthreat device model",
    description:
      "A medical device's architecture as data-flow diagrams: project details, data assets, elements (external entities, processes, data stores), trust boundaries, data flows and diagrams. Every id is unique in the file. Cross-references (flow ends, boundary members, asset lists) are checked by `medthreat validate`, not by this schema.",
    ...Object.fromEntries(Object.entries(schema).filter(([k]) => k !== "$schema")),
  };
}

export const modelJsonSchemaText = () => JSON.stringify(modelJsonSchema(), null, 2) + "\n";
