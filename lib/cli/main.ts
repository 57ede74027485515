import { parseArgs } from "node:util";
import { type CliIo, processIo, UsageError } from "./io";
import { COMMANDS, helpText } from "./commands";

export const VERSION = "0.1.0";

/** Runs the CLI; returns the exit code (0 ok, 1 the check failed, 2 wrong usage). */
export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name) {
    io.err(helpText());
    return 2;
  }
  if (name === "--help" || name === "-h" || name === "help") {
    io.out(helpText(rest[0]));
    return 0;
  }
  if (name === "--version" || name === "-v") {
    io.out(VERSION);
    return 0;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.err(`medthreat: unknown command "${name}"\n\n${helpText()}`);
    return 2;
  }
  try {
    const { values, positionals } = parseArgs({ args: rest, options: { ...command.options, help: { type: "boolean", short: "h" } }, allowPositionals: true, strict: true });
    if (values.help) {
      io.out(helpText(name));
      return 0;
    }
    return await command.run({ values: values as Record<string, string | boolean | undefined>, positionals, io });
  } catch (e) {
    if (e instanceof UsageError || (e as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")) {
      io.err(`medthreat ${name}: ${(e as Error).message}\n\n${helpText(name)}`);
      return 2;
    }
    io.err(`medthreat ${name}: ${(e as Error).message}`);
    return 1;
  }
}
