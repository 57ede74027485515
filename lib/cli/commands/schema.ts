import type { Command } from "../command";
import { modelJsonSchemaText } from "../../model/json-schema";

export const schema: Command = {
  name: "schema",
  summary: "print the JSON Schema of the model file format",
  usage: "medthreat schema",
  options: {},
  async run(ctx) {
    ctx.io.out(modelJsonSchemaText());
    return 0;
  },
};
