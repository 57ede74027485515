import type { Command } from "../command";
import { loadProjectFile, onePositional, readInput } from "../command";
import { UsageError } from "../io";
import { formatIssue } from "../../model/issues";
import { CVSS_BANDS, emptyAssessment, type CvssBand } from "../../risk/assessment";
import { riskOverview } from "../../risk/evaluate";
import { analyzeModel, type ThreatRule } from "../../threats";
import { parseRuleFile } from "../../threats/custom-rules";
import { formatThreats, THREAT_FORMATS, type ThreatFormat } from "../../threats/format";

export const analyze: Command = {
  name: "analyze",
  summary: "list the threats of a project file, with why each applies and its risk",
  usage: "medthreat analyze <project-file> [--format json|md|csv] [--rules <rule-file>]... [--fail-on <none|low|medium|high|critical>]",
  details: [
    "Runs the built-in threat library (and any rule files) over the model. Output is deterministic: the same file and rules give the same bytes.",
    "JSON includes the coverage of every element by STRIDE category. When the file has an assessment, each threat carries its decision and its risk before and after controls.",
    "--fail-on BAND exits 1 when a threat's residual risk is unacceptable and its residual CVSS band is BAND or higher (a threat without a score counts as critical), listing them on stderr; for CI.",
  ].join("\n"),
  options: {
    format: { type: "string", short: "f", default: "md" },
    rules: { type: "string", short: "r", multiple: true },
    "fail-on": { type: "string" },
  },
  async run(ctx) {
    const file = onePositional(ctx, "project file");
    const format = ctx.values.format as string;
    if (!THREAT_FORMATS.includes(format as ThreatFormat)) throw new UsageError(`--format must be one of ${THREAT_FORMATS.join(", ")}, not "${format}"`);
    const failOn = ctx.values["fail-on"] as string | undefined;
    if (failOn !== undefined && !CVSS_BANDS.includes(failOn as CvssBand)) throw new UsageError(`--fail-on must be one of ${CVSS_BANDS.join(", ")}, not "${failOn}"`);
    const rules: ThreatRule[] = [];
    for (const path of (ctx.values.rules as unknown as string[] | undefined) ?? []) {
      const parsed = parseRuleFile(readInput(ctx.io, path), rules.map((r) => r.id));
      if (!parsed.ok) {
        for (const e of parsed.errors) ctx.io.err(`${path}: ${formatIssue(e)}`);
        return 1;
      }
      rules.push(...parsed.rules);
    }
    const project = loadProjectFile(ctx.io, file);
    if (!project) return 1;
    const analysis = analyzeModel(project.model, rules);
    const assessment = project.assessment ?? emptyAssessment();
    const overview = riskOverview(analysis.threats, assessment);
    ctx.io.out(
      formatThreats(analysis, format as ThreatFormat, {
        projectName: project.model.project.name,
        decisions: new Map(assessment.threats.map((t) => [t.id, t])),
        risks: project.assessment ? new Map(overview.risks.map((r) => [r.threatId, r])) : undefined,
      }),
    );
    if (failOn === undefined) return 0;
    const limit = CVSS_BANDS.indexOf(failOn as CvssBand);
    const failing = overview.risks.filter((r) => !r.after.acceptable && CVSS_BANDS.indexOf(r.after.band ?? "critical") >= limit);
    for (const r of failing)
      ctx.io.err(`unacceptable residual risk: ${r.threatId} (${r.after.band ? `CVSS ${r.after.score}, ${r.after.band}` : "not scored"}): ${r.after.because}`);
    if (failing.length) ctx.io.err(`${failing.length} threat${failing.length === 1 ? " has" : "s have"} unacceptable residual risk at or above ${failOn}`);
    return failing.length ? 1 : 0;
  },
};
