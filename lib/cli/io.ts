import { readFileSync } from "node:fs";

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  readFile(path: string): string;
}

export const processIo: CliIo = {
  out: (text) => process.stdout.write(text.endsWith("\n") ? text : text + "\n"),
  err: (text) => process.stderr.write(text.endsWith("\n") ? text : text + "\n"),
  readFile: (path) => readFileSync(path === "-" ? 0 : path, "utf8"),
};

export class UsageError extends Error {}
