import type { Command } from "./command";
import { analyze } from "./commands/analyze";
import { cvss } from "./commands/cvss";
import { diagram } from "./commands/diagram";
import { diff } from "./commands/diff";
import { exportCommand } from "./commands/export";
import { pull, push } from "./commands/remote";
import { report } from "./commands/report";
import { schema } from "./commands/schema";
import { validate } from "./commands/validate";

export const COMMANDS: Command[] = [validate, diagram, analyze, report, cvss, exportCommand, schema, diff, pull, push];

export function helpText(commandName?: string): string {
  const command = COMMANDS.find((c) => c.name === commandName);
  if (command) return [`Usage: ${command.usage}`, "", command.summary, ...(command.details ? ["", command.details] : [])].join("\n");
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    "medthreat: cybersecurity risk assessment of medical devices (MDCG 2019-16)",
    "",
    "Usage: medthreat <command> [options]",
    "",
    "Commands:",
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    "",
    "Run `medthreat <command> --help` for a command's options. Exit codes: 0 ok, 1 check failed, 2 wrong usage.",
    "pull and push talk to a server: --server or MEDTHREAT_SERVER, and an API token in MEDTHREAT_TOKEN (never an option).",
  ].join("\n");
}
