import { CORE_SCHEMA, load } from "js-yaml";
import type { PathSegment } from "./issues";

/**
 * Places a path of a parsed YAML or JSON value in its text, for error messages. One js-yaml pass
 * records where each mapping and sequence starts and ends; a scalar is found by scanning only its
 * parent's own lines. Linear in the text, so a hostile file cannot make it slow.
 */

export interface TextPosition {
  line: number;
  column: number;
}

export type Locate = (path: readonly PathSegment[]) => TextPosition | undefined;

type Range = [start: number, end: number];
interface Entry {
  key: string;
  value: number;
}

export function buildLocator(text: string): Locate {
  const ranges = new WeakMap<object, Range>();
  const opened: number[] = [];
  let root: unknown;
  try {
    root = load(text, {
      schema: CORE_SCHEMA,
      json: false,
      listener(event, state) {
        if (event === "open") opened.push(state.position);
        else {
          const start = opened.pop() ?? 0;
          const value: unknown = state.result;
          if (value && typeof value === "object" && !ranges.has(value)) ranges.set(value, [contentStart(text, start, state.position), state.position]);
        }
      },
    });
  } catch {
    return () => undefined;
  }
  const lines = lineStarts(text);
  const entries = new WeakMap<object, Entry[]>();
  const entriesOf = (parent: object, range: Range) => {
    let list = entries.get(parent);
    if (!list) entries.set(parent, (list = Array.isArray(parent) ? sequenceItems(text, range) : mappingEntries(text, range)));
    return list;
  };
  return (path) => {
    let node = root;
    let best = ranges.get(root as object)?.[0] ?? 0;
    for (const segment of path) {
      if (!node || typeof node !== "object" || !Object.hasOwn(node, segment)) break;
      const child: unknown = (node as Record<string | number, unknown>)[segment];
      const range = ranges.get(node);
      if (child && typeof child === "object") {
        best = ranges.get(child)?.[0] ?? best;
        node = child;
        continue;
      }
      const found = range && entriesOf(node, range).findLast((e) => e.key === String(segment));
      if (found) best = found.value;
      break;
    }
    return positionOf(lines, best);
  };
}

/** Offsets where lines start. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
  return starts;
}

/** The 1-based line and column of an offset in a text. */
export const positionAt = (text: string, offset: number): TextPosition => positionOf(lineStarts(text), offset);

/** The 1-based line and column of an offset, given where the lines start. */
export function positionOf(starts: readonly number[], offset: number): TextPosition {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - starts[lo] + 1 };
}

const isSpace = (c: string | undefined) => c === " " || c === "\t" || c === "\r" || c === "\n";

/** Skips white space, line breaks and comments. */
function contentStart(text: string, from: number, end: number): number {
  let i = from;
  while (i < end) {
    if (isSpace(text[i])) i++;
    else if (text[i] === "#" && (i === 0 || isSpace(text[i - 1]))) while (i < end && text[i] !== "\n") i++;
    else break;
  }
  return i;
}

const columnOf = (text: string, offset: number) => offset - (text.lastIndexOf("\n", offset - 1) + 1);

/** Where a quoted scalar starting at `i` ends (the offset after its closing quote). */
function quotedEnd(text: string, i: number, end: number): number {
  const quote = text[i];
  for (let j = i + 1; j < end; j++) {
    if (quote === '"' && text[j] === "\\") j++;
    else if (text[j] === quote) {
      if (quote === "'" && text[j + 1] === "'") j++;
      else return j + 1;
    }
  }
  return end;
}

function unquote(token: string): string {
  if (token.startsWith('"')) {
    try {
      return JSON.parse(token) as string;
    } catch {
      return token.slice(1, -1);
    }
  }
  if (token.startsWith("'")) return token.slice(1, -1).replace(/''/g, "'");
  return token.trim();
}

function mappingEntries(text: string, [start, end]: Range): Entry[] {
  return text[start] === "{" ? flowEntries(text, start, end, true) : blockEntries(text, start, end, false);
}

function sequenceItems(text: string, [start, end]: Range): Entry[] {
  return text[start] === "[" ? flowEntries(text, start, end, false) : blockEntries(text, start, end, true);
}

/** The entries of a flow collection (`{ a: 1, "b": 2 }` or `[1, 2]`) at its own level. */
function flowEntries(text: string, start: number, end: number, mapping: boolean): Entry[] {
  const out: Entry[] = [];
  let i = start + 1;
  while (i < end) {
    i = contentStart(text, i, end);
    if (i >= end || text[i] === "}" || text[i] === "]") break;
    if (mapping) {
      const keyStart = i;
      i = text[i] === '"' || text[i] === "'" ? quotedEnd(text, i, end) : plainKeyEnd(text, i, end);
      const key = unquote(text.slice(keyStart, i));
      i = contentStart(text, i, end);
      if (text[i] === ":") i = contentStart(text, i + 1, end);
      out.push({ key, value: i });
    } else out.push({ key: String(out.length), value: i });
    i = skipFlowValue(text, i, end);
    if (text[i] === ",") i++;
  }
  return out;
}

function plainKeyEnd(text: string, i: number, end: number): number {
  while (i < end && text[i] !== "," && text[i] !== "}" && !(text[i] === ":" && (isSpace(text[i + 1]) || text[i + 1] === "," || text[i + 1] === "}"))) i++;
  return i;
}

/** The offset of the `,` or closing bracket that ends the flow value at `i`. */
function skipFlowValue(text: string, i: number, end: number): number {
  let depth = 0;
  while (i < end) {
    const c = text[i];
    if (c === '"' || c === "'") {
      i = quotedEnd(text, i, end);
      continue;
    }
    if (c === "[" || c === "{") depth++;
    else if (c === "]" || c === "}") {
      if (depth === 0) return i;
      depth--;
    } else if (c === "," && depth === 0) return i;
    i++;
  }
  return i;
}

/**
 * The entries of a block mapping or sequence: the lines whose content starts at the collection's
 * own column (keys, or `-` items). Deeper lines belong to nested values.
 */
function blockEntries(text: string, start: number, end: number, sequence: boolean): Entry[] {
  const out: Entry[] = [];
  const column = columnOf(text, start);
  for (let at = start; at < end; ) {
    const lineEnd = text.indexOf("\n", at) === -1 ? text.length : text.indexOf("\n", at);
    let i = at;
    while (i < lineEnd && (text[i] === " " || text[i] === "\t")) i++;
    if (i - (text.lastIndexOf("\n", i - 1) + 1) === column && i < end) {
      const item = text[i] === "-" && (isSpace(text[i + 1]) || i + 1 >= text.length);
      if (sequence && item) out.push({ key: String(out.length), value: contentStart(text, i + 1, end) });
      else if (!sequence && !item && text[i] !== "#") {
        const entry = blockKey(text, i, lineEnd, end);
        if (entry) out.push(entry);
      }
    }
    at = lineEnd + 1;
  }
  return out;
}

function blockKey(text: string, i: number, lineEnd: number, end: number): Entry | undefined {
  let keyEnd: number;
  if (text[i] === '"' || text[i] === "'") keyEnd = quotedEnd(text, i, lineEnd);
  else {
    keyEnd = i;
    while (keyEnd < lineEnd && !(text[keyEnd] === ":" && (isSpace(text[keyEnd + 1]) || keyEnd + 1 >= text.length))) keyEnd++;
  }
  let colon = keyEnd;
  while (colon < lineEnd && (text[colon] === " " || text[colon] === "\t")) colon++;
  if (text[colon] !== ":") return undefined;
  return { key: unquote(text.slice(i, keyEnd)), value: contentStart(text, colon + 1, end) };
}
