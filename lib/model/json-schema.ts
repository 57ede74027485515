import { z } from "zod";
import { FORMAT_VERSION } from "./schema";
import { ProjectFileSchema } from "../project/file";

export const JSON_SCHEMA_PATH = "schema/medthreat-model.schema.json";

/** The JSON Schema of the model file, generated from the zod schema (what a file may contain, defaults optional). */
export function modelJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(ProjectFileSchema, { io: "input", target: "draft-2020-12" }) as Record<string, unknown>;
  return {
    $schema: schema.$schema,
    $id: `https://medthreat.dev/schema/model-v${FORMAT_VERSION}.json`,
    title: "medthreat device model",
    description:
      "A medical device project: its architecture as data-flow diagrams (project details, data assets, elements, trust boundaries, data flows, diagrams) and, optionally, its assessment (risk settings, hazards, controls with evidence, and per threat the decision, scores, hazard and controls). Every architecture id is unique in the file. Cross-references (flow ends, boundary members, asset lists, hazards and controls of threats) are checked by `medthreat validate`, not by this schema.",
    ...Object.fromEntries(Object.entries(schema).filter(([k]) => k !== "$schema")),
  };
}

export const modelJsonSchemaText = () => JSON.stringify(modelJsonSchema(), null, 2) + "\n";
