import { LineCounter, parseDocument, stringify, type Document } from "yaml";
import type { ModelIssue, PathSegment } from "./issues";
import type { Model } from "./schema";
import { canonicalize } from "./canonical";

export type FileFormat = "yaml" | "json";

/** Largest model file accepted by import, the API and the CLI (documented in the README). */
export const MAX_MODEL_BYTES = 16 * 1024 * 1024;
/** YAML aliases allowed in one file; more is treated as an expansion bomb. */
export const MAX_YAML_ALIASES = 100;
const MAX_DEPTH = 64;

export interface ParsedText {
  value: unknown;
  /** Line and column of the node at a path, or of its nearest existing parent. */
  locate(path: readonly PathSegment[]): { line: number; column: number } | undefined;
}

export type ParseResult = { ok: true; parsed: ParsedText } | { ok: false; issues: ModelIssue[] };

export function detectFormat(text: string, filename?: string): FileFormat {
  if (filename && /\.json$/i.test(filename)) return "json";
  if (filename && /\.ya?ml$/i.test(filename)) return "yaml";
  return /^\s*[{[]/.test(text) ? "json" : "yaml";
}

const fileIssue = (message: string, line?: number, column?: number): ModelIssue => ({
  severity: "error",
  path: "(file)",
  message,
  ...(line ? { line, column } : {}),
});

/**
 * Parses YAML or JSON text (JSON is read by the YAML 1.2 parser too, so both get duplicate-key
 * detection and line numbers) with limits on size, aliases and nesting depth.
 */
export function parseText(text: string, maxBytes = MAX_MODEL_BYTES): ParseResult {
  const bytes = Buffer.byteLength(text, "utf8");
  if (bytes > maxBytes)
    return { ok: false, issues: [fileIssue(`the file is ${bytes} bytes; the limit is ${maxBytes} bytes (${Math.round(maxBytes / 1048576)} MiB)`)] };
  if (text.trim() === "") return { ok: false, issues: [fileIssue("the file is empty")] };
  const depth = nestingDepth(text);
  if (depth > MAX_DEPTH) return { ok: false, issues: [fileIssue(`the file nests ${depth} levels deep; a model needs at most ${MAX_DEPTH}`)] };

  const lineCounter = new LineCounter();
  let doc: Document;
  try {
    doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  } catch (e) {
    return { ok: false, issues: [fileIssue(`could not be read: ${(e as Error).message}`)] };
  }
  const problems = [...doc.errors, ...doc.warnings];
  if (problems.length > 0)
    return {
      ok: false,
      issues: problems.map((p) => {
        const pos = lineCounter.linePos(p.pos[0]);
        return fileIssue(`syntax error: ${firstLine(p.message)}`, pos.line, pos.col);
      }),
    };
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_YAML_ALIASES });
  } catch (e) {
    const message = (e as Error).message;
    return {
      ok: false,
      issues: [fileIssue(/alias/i.test(message) ? `refused: the file expands YAML aliases too often (more than ${MAX_YAML_ALIASES}); write the values out instead` : `could not be read: ${message}`)],
    };
  }
  const locate = (path: readonly PathSegment[]) => {
    for (let n = path.length; n >= 0; n--) {
      const node = doc.getIn(path.slice(0, n), true) as { range?: [number, number, number] } | undefined;
      if (node && typeof node === "object" && node.range) {
        const pos = lineCounter.linePos(node.range[0]);
        return { line: pos.line, column: pos.col };
      }
    }
    return undefined;
  };
  return { ok: true, parsed: { value, locate } };
}

/** Bracket and indentation depth, measured cheaply before the real parse so it cannot overflow the stack. */
function nestingDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let inString: string | null = null;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === "\\") i++;
      else if (c === inString || c === "\n") inString = null;
    } else if (c === '"') inString = c;
    else if (c === "[" || c === "{") max = Math.max(max, ++depth);
    else if (c === "]" || c === "}") depth = Math.max(0, depth - 1);
  }
  return max;
}

const firstLine = (s: string) =>
  s.split("\n")[0].replace(/^Source contains multiple documents.*/, "the file holds more than one YAML document; a model is one document");

/** The canonical text of a model: stable key order, sorted id lists, defaults explicit, no empty values. */
export function serializeModel(model: Model, format: FileFormat): string {
  const plain = dropEmpty(canonicalize(model));
  if (format === "json") return JSON.stringify(plain, null, 2) + "\n";
  return stringify(plain, { lineWidth: 0, minContentWidth: 0, indent: 2, aliasDuplicateObjects: false });
}

function dropEmpty(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(dropEmpty);
  if (value && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      if (v === "" || v === undefined || (Array.isArray(v) && v.length === 0)) continue;
      out[k] = dropEmpty(v);
    }
    return out;
  }
  return value;
}
