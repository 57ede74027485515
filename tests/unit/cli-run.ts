import { readFileSync } from "node:fs";
import type { CliIo } from "../../lib/cli/io";
import { main } from "../../lib/cli/main";

export interface Run {
  code: number;
  out: string;
  err: string;
}

/** Runs the CLI in-process with a fake io that collects output and reads real files. */
export async function run(...argv: string[]): Promise<Run> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    out: (text) => out.push(text.endsWith("\n") ? text : text + "\n"),
    err: (text) => err.push(text.endsWith("\n") ? text : text + "\n"),
    readFile: (file) => readFileSync(file, "utf8"),
  };
  const code = await main(argv, io);
  return { code, out: out.join(""), err: err.join("") };
}
