import type { ParseArgsConfig } from "node:util";
import type { CliIo } from "./io";
import { UsageError } from "./io";
import { formatIssue } from "../model/issues";
import type { Model } from "../model/schema";
import { validateProjectText, type ProjectFile } from "../project/file";

export interface CommandContext {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
  io: CliIo;
}

export interface Command {
  name: string;
  summary: string;
  usage: string;
  details?: string;
  options: NonNullable<ParseArgsConfig["options"]>;
  run(ctx: CommandContext): Promise<number>;
}

export function onePositional(ctx: CommandContext, what: string): string {
  if (ctx.positionals.length !== 1) throw new UsageError(`expected one ${what}, got ${ctx.positionals.length}`);
  return ctx.positionals[0];
}

export function readInput(io: CliIo, path: string): string {
  try {
    return io.readFile(path);
  } catch (e) {
    const code = (e as { code?: string }).code;
    throw new Error(code === "ENOENT" ? `${path}: no such file` : code === "EISDIR" ? `${path}: is a directory` : `${path}: ${(e as Error).message}`);
  }
}

/** Reads and validates a project file (a model, with or without its assessment); prints its errors and returns undefined when it is not valid. */
export function loadProjectFile(io: CliIo, path: string): ProjectFile | undefined {
  const result = validateProjectText(readInput(io, path));
  for (const w of result.warnings) io.err(`${path}: warning: ${formatIssue(w)}`);
  if (result.ok) return { model: result.model, assessment: result.assessment };
  for (const e of result.errors) io.err(`${path}: ${formatIssue(e)}`);
  io.err(`${path}: ${result.errors.length} error${result.errors.length === 1 ? "" : "s"}`);
  return undefined;
}

export const loadModelFile = (io: CliIo, path: string): Model | undefined => loadProjectFile(io, path)?.model;
