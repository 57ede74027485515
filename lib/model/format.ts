import { CORE_SCHEMA, dump as dumpYaml, load as loadYaml, YAMLException } from "js-yaml";
import { aliasReport } from "./aliases";
import { duplicateJsonKey } from "./json-keys";
import { buildLocator, lineStarts, positionAt } from "./locate";
import { MAX_MODEL_BYTES, tooLargeMessage } from "./limits";
import type { ModelIssue, PathSegment } from "./issues";
import type { Model } from "./schema";
import { canonicalize } from "./canonical";

export type FileFormat = "yaml" | "json";

export { MAX_MODEL_BYTES };
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
 * Parses YAML or JSON text with limits on size, nesting depth and YAML aliases, refusing duplicate
 * keys. JSON goes through JSON.parse and YAML through js-yaml, both linear in the text; line numbers
 * for schema errors come from a second js-yaml pass that only runs when there is an error to place.
 */
export function parseText(text: string, maxBytes = MAX_MODEL_BYTES): ParseResult {
  const bytes = Buffer.byteLength(text, "utf8");
  if (bytes > maxBytes)
    return { ok: false, issues: [fileIssue(tooLargeMessage(bytes, maxBytes))] };
  if (text.trim() === "") return { ok: false, issues: [fileIssue("the file is empty")] };
  const depth = nestingDepth(text);
  if (depth > MAX_DEPTH) return { ok: false, issues: [fileIssue(`the file nests ${depth} levels deep; a model needs at most ${MAX_DEPTH}`)] };
  try {
    const value = looksLikeJson(text) ? readJsonOrYaml(text) : readYaml(text);
    return { ok: true, parsed: { value, locate: lazyLocator(text) } };
  } catch (e) {
    if (e instanceof TextError) return { ok: false, issues: [e.issue] };
    if (e instanceof RangeError || isStackOverflow((e as Error).message)) return { ok: false, issues: [fileIssue(TOO_DEEP)] };
    throw e;
  }
}

class TextError extends Error {
  constructor(public readonly issue: ModelIssue) {
    super(issue.message);
  }
}

const looksLikeJson = (text: string) => /^\s*[{[]/.test(text);

/** JSON first; text that only looks like JSON (a YAML flow mapping) is read as YAML. */
function readJsonOrYaml(text: string): unknown {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (jsonError) {
    try {
      return readYaml(text);
    } catch (e) {
      if (!(e instanceof TextError)) throw e;
      throw new TextError(jsonSyntaxIssue(text, (jsonError as Error).message) ?? e.issue);
    }
  }
  const duplicate = duplicateJsonKey(text);
  if (duplicate) {
    const at = positionAt(text, duplicate.offset);
    throw new TextError(fileIssue(`syntax error: ${DUPLICATE_KEY} ("${duplicate.key}")`, at.line, at.column));
  }
  return value;
}

function readYaml(text: string): unknown {
  let value: unknown;
  try {
    value = loadYaml(text, { schema: CORE_SCHEMA, json: false });
  } catch (e) {
    if (!(e instanceof YAMLException)) throw e;
    if (/maxDepth/i.test(e.reason)) throw new TextError(fileIssue(TOO_DEEP));
    throw new TextError(syntaxIssue(text, e));
  }
  const aliases = aliasReport(value);
  if (aliases.cyclic) throw new TextError(fileIssue("refused: a YAML alias refers to the node that contains it"));
  if (aliases.aliases > MAX_YAML_ALIASES || aliases.expandedNodes > 4 * aliases.writtenNodes + 10000)
    throw new TextError(
      fileIssue(
        `refused: the file expands YAML aliases too far (${aliases.aliases} aliases, ${aliases.expandedNodes} values once expanded from ${aliases.writtenNodes} written; allowed: no more than ${MAX_YAML_ALIASES} aliases and 4 times the written size); write the values out instead`,
      ),
    );
  return value;
}

const DUPLICATE_KEY = "a key appears twice in the same mapping; keys must be unique";

/** A js-yaml syntax error in words a model author understands, at the line and column it names. */
function syntaxIssue(text: string, e: YAMLException): ModelIssue {
  const mark = e.mark as { position?: number } | undefined;
  let offset = typeof mark?.position === "number" ? Math.min(mark.position, text.length) : undefined;
  let message = e.reason;
  const tag = /^unknown tag !<(.*)>$/.exec(e.reason);
  if (/^duplicated mapping key/.test(e.reason)) message = DUPLICATE_KEY;
  else if (/^expected a single document/.test(e.reason)) {
    message = "the file holds more than one YAML document; a model is one document";
    offset = secondDocument(text);
  } else if (tag) message = `unknown tag ${tag[1].replace(/^tag:yaml\.org,2002:/, "!!")}; tags are not allowed in a model file`;
  else if (/^missed comma/.test(e.reason)) message = "a comma is missing between two entries";
  else if (offset !== undefined && (text[offset] === "@" || text[offset] === "`"))
    message = `the reserved character ${text[offset]} cannot start a plain value; put the value in quotes`;
  const at = offset === undefined ? undefined : positionAt(text, offset);
  return fileIssue(`syntax error: ${message}`, at?.line, at?.column);
}

/**
 * JSON.parse's own error where it names a position: "Expected ',' or '}' after property value …
 * at position 21" is placed right after that value. Otherwise undefined (the YAML reading places it).
 */
function jsonSyntaxIssue(text: string, message: string): ModelIssue | undefined {
  const m = /^(.*?) in JSON at position (\d+)/.exec(message);
  if (!m) return undefined;
  let offset = Math.min(Number(m[2]), text.length);
  if (/\bafter\b/.test(m[1])) while (offset > 0 && /\s/.test(text[offset - 1])) offset--;
  const at = positionAt(text, offset);
  return fileIssue(`syntax error: ${m[1].charAt(0).toLowerCase()}${m[1].slice(1)}`, at.line, at.column);
}

/** Where a second YAML document starts: the first `---` or `...` line after some content. */
function secondDocument(text: string): number | undefined {
  let content = false;
  for (const start of lineStarts(text)) {
    const end = text.indexOf("\n", start);
    const line = text.slice(start, end === -1 ? undefined : end);
    if (/^(---|\.\.\.)(\s|$)/.test(line)) {
      if (content) return start;
    } else if (line.trim() && !line.trimStart().startsWith("#") && !line.startsWith("%")) content = true;
  }
  return undefined;
}

/** Places paths in the text for error messages; built on first use, and only for files up to 4 MiB. */
function lazyLocator(text: string): ParsedText["locate"] {
  let locate: ParsedText["locate"] | undefined;
  return (path) => {
    locate ??= text.length > LOCATE_MAX_CHARS ? () => undefined : buildLocator(text);
    return locate(path);
  };
}

const LOCATE_MAX_CHARS = 4 * 1024 * 1024;

/**
 * Flow-collection ([ ] { }) depth, measured cheaply before the real parse. Deep block nesting is
 * caught when the parser runs out of stack and reported with the same kind of message.
 */
function nestingDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let quote: string | null = null;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === "\\" && quote === '"') i++;
      else if (c === quote || c === "\n") quote = null;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === "[" || c === "{") max = Math.max(max, ++depth);
    else if (c === "]" || c === "}") depth = Math.max(0, depth - 1);
  }
  return max;
}

const TOO_DEEP = `the file nests too deeply to be read; a model needs at most ${MAX_DEPTH} levels`;
const isStackOverflow = (message: string) => /maximum call stack/i.test(message);

/** The canonical text of a model: stable key order, sorted id lists, defaults explicit, no empty values. */
export function serializeModel(model: Model, format: FileFormat): string {
  return writeText(dropEmpty(canonicalize(model)), format);
}

/** Leaves out empty text, empty lists and objects left empty by that; they are the defaults when read back. */
export function dropEmpty(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(dropEmpty);
  if (value && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      if (v === "" || v === undefined || (Array.isArray(v) && v.length === 0)) continue;
      const kept = dropEmpty(v);
      if (kept && typeof kept === "object" && !Array.isArray(kept) && Object.keys(kept).length === 0) continue;
      out[k] = kept;
    }
    return out;
  }
  return value;
}

/** Writes an already canonical plain value as YAML or JSON text. */
export function writeText(plain: unknown, format: FileFormat): string {
  if (format === "json") return JSON.stringify(plain, null, 2) + "\n";
  return dumpYaml(plain, { indent: 2, lineWidth: -1, noRefs: true, quotingType: '"', sortKeys: false });
}
