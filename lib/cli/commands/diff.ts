import type { Command } from "../command";
import { loadProjectFile } from "../command";
import { UsageError } from "../io";
import type { ProjectFile } from "../../project/file";
import { DIFF_FORMATS, diffProjects, formatDiff, type DiffFormat } from "../../trace/diff";

export const diff: Command = {
  name: "diff",
  summary: "show what changed between two versions of a project file",
  usage: "medthreat diff <before-file> <after-file> [--format text|md|json]",
  details: [
    "Compares two project files semantically: project details, elements, flows, boundaries, assets and diagrams (attribute by attribute),",
    "threats that are new or obsolete, and for the others their decision, risk and controls, then project controls, evidence, hazards,",
    "risk settings and requirement applicability. Lists are compared by id, so reordering is not a difference.",
    "Exit codes, like diff(1): 0 no differences, 1 differences found, 2 wrong usage or an unreadable or invalid file.",
  ].join("\n"),
  options: {
    format: { type: "string", short: "f", default: "text" },
  },
  async run(ctx) {
    if (ctx.positionals.length !== 2) throw new UsageError(`expected two project files (before and after), got ${ctx.positionals.length}`);
    const format = ctx.values.format as string;
    if (!DIFF_FORMATS.includes(format as DiffFormat)) throw new UsageError(`--format must be one of ${DIFF_FORMATS.join(", ")}, not "${format}"`);
    const projects: (ProjectFile | undefined)[] = [];
    for (const path of ctx.positionals) {
      try {
        projects.push(loadProjectFile(ctx.io, path));
      } catch (e) {
        ctx.io.err((e as Error).message);
        projects.push(undefined);
      }
    }
    const [before, after] = projects;
    // 1 means "differences", so a file that cannot be compared is a usage error (2).
    if (!before || !after) return 2;
    const result = diffProjects(before, after);
    ctx.io.out(formatDiff(result, format as DiffFormat));
    return result.changes.length ? 1 : 0;
  },
};
