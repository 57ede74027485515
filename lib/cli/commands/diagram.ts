import type { Command } from "../command";
import { loadModelFile, onePositional } from "../command";
import { UsageError } from "../io";
import { toMermaid } from "../../model/mermaid";

export const diagram: Command = {
  name: "diagram",
  summary: "print the Mermaid text of a model's diagram",
  usage: "medthreat diagram <file> [--diagram <id> | --list]",
  details: "Without --diagram, prints one flowchart of the whole model. --list prints the model's diagram ids and names.",
  options: { diagram: { type: "string", short: "d" }, list: { type: "boolean" } },
  async run(ctx) {
    const file = onePositional(ctx, "model file");
    const model = loadModelFile(ctx.io, file);
    if (!model) return 1;
    if (ctx.values.list) {
      for (const d of model.diagrams) ctx.io.out(`${d.id}\t${d.name}`);
      return 0;
    }
    const id = ctx.values.diagram as string | undefined;
    if (id && !model.diagrams.some((d) => d.id === id))
      throw new UsageError(`the model has no diagram "${id}"; it has ${model.diagrams.map((d) => `"${d.id}"`).join(", ") || "none"}`);
    ctx.io.out(toMermaid(model, id));
    return 0;
  },
};
