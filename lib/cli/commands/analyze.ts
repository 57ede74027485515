import type { Command } from "../command";
import { loadModelFile, onePositional, readInput } from "../command";
import { UsageError } from "../io";
import { formatIssue } from "../../model/issues";
import { analyzeModel, type ThreatRule } from "../../threats";
import { parseRuleFile } from "../../threats/custom-rules";
import { formatThreats, THREAT_FORMATS, type ThreatFormat } from "../../threats/format";

export const analyze: Command = {
  name: "analyze",
  summary: "list the threats of a model, with why each applies",
  usage: "medthreat analyze <model-file> [--format json|md|csv] [--rules <rule-file>]...",
  details:
    "Runs the built-in threat library (and any rule files) over the model. Output is deterministic: the same model and rules give the same bytes. JSON includes the coverage of every element by STRIDE category.",
  options: { format: { type: "string", short: "f", default: "md" }, rules: { type: "string", short: "r", multiple: true } },
  async run(ctx) {
    const file = onePositional(ctx, "model file");
    const format = ctx.values.format as string;
    if (!THREAT_FORMATS.includes(format as ThreatFormat)) throw new UsageError(`--format must be one of ${THREAT_FORMATS.join(", ")}, not "${format}"`);
    const rules: ThreatRule[] = [];
    for (const path of (ctx.values.rules as unknown as string[] | undefined) ?? []) {
      const parsed = parseRuleFile(readInput(ctx.io, path), rules.map((r) => r.id));
      if (!parsed.ok) {
        for (const e of parsed.errors) ctx.io.err(`${path}: ${formatIssue(e)}`);
        return 1;
      }
      rules.push(...parsed.rules);
    }
    const model = loadModelFile(ctx.io, file);
    if (!model) return 1;
    ctx.io.out(formatThreats(analyzeModel(model, rules), format as ThreatFormat, { projectName: model.project.name }));
    return 0;
  },
};
