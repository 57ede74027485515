import { writeFileSync } from "node:fs";
import type { Command } from "../command";
import { loadProjectFile, onePositional } from "../command";
import { UsageError } from "../io";
import type { FileFormat } from "../../model/format";
import { serializeProject } from "../../project/file";

export const exportCommand: Command = {
  name: "export",
  summary: "rewrite a project file in canonical YAML or JSON",
  usage: "medthreat export <file> [--format yaml|json] [-o <path>]",
  details: "Prints the canonical form (the one the app exports): sorted ids, explicit defaults. Converts between YAML and JSON.",
  options: { format: { type: "string", short: "f", default: "yaml" }, output: { type: "string", short: "o" } },
  async run(ctx) {
    const file = onePositional(ctx, "model file");
    const format = ctx.values.format as string;
    if (format !== "yaml" && format !== "json") throw new UsageError(`--format must be yaml or json, not "${format}"`);
    const project = loadProjectFile(ctx.io, file);
    if (!project) return 1;
    const text = serializeProject(project, format as FileFormat);
    if (ctx.values.output) writeFileSync(ctx.values.output as string, text);
    else ctx.io.out(text);
    return 0;
  },
};
