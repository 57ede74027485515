import type { Command } from "../command";
import { loadModelFile, onePositional } from "../command";

export const validate: Command = {
  name: "validate",
  summary: "check a model file; print every error with its path",
  usage: "medthreat validate <file>",
  details: "Exit 0 when the file is a valid model, 1 when it is not (every error is printed on stderr with its path, line and column). Use - to read standard input.",
  options: {},
  async run(ctx) {
    const file = onePositional(ctx, "model file");
    const model = loadModelFile(ctx.io, file);
    if (!model) return 1;
    ctx.io.out(`${file}: valid (${model.elements.length} elements, ${model.flows.length} flows, ${model.boundaries.length} trust boundaries, ${model.diagrams.length} diagrams)`);
    return 0;
  },
};
