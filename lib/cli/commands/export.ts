import { writeFileSync } from "node:fs";
import type { Command } from "../command";
import { loadModelFile, onePositional } from "../command";
import { UsageError } from "../io";
import { serializeModel, type FileFormat } from "../../model/format";

export const exportCommand: Command = {
  name: "export",
  summary: "rewrite a model file in canonical YAML or JSON",
  usage: "medthreat export <file> [--format yaml|json] [-o <path>]",
  details: "Prints the canonical form (the one the app exports): sorted ids, explicit defaults. Converts between YAML and JSON.",
  options: { format: { type: "string", short: "f", default: "yaml" }, output: { type: "string", short: "o" } },
  async run(ctx) {
    const file = onePositional(ctx, "model file");
    const format = ctx.values.format as string;
    if (format !== "yaml" && format !== "json") throw new UsageError(`--format must be yaml or json, not "${format}"`);
    const model = loadModelFile(ctx.io, file);
    if (!model) return 1;
    const text = serializeModel(model, format as FileFormat);
    if (ctx.values.output) writeFileSync(ctx.values.output as string, text);
    else ctx.io.out(text);
    return 0;
  },
};
