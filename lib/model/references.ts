import type { ModelIssue, PathSegment } from "./issues";
import { formatPath } from "./issues";

/**
 * Cross-reference checks that a schema cannot express: unique ids, flows and lists that point at
 * existing things, boundaries that nest without overlapping. They run on the raw parsed value, so a
 * file with schema errors still gets every reference error reported in the same pass.
 */

type Kind = "asset" | "element" | "boundary" | "flow" | "diagram" | "assumption";
interface Entry {
  kind: Kind;
  path: string;
}

const SECTIONS: { key: string; kind: Kind }[] = [
  { key: "assets", kind: "asset" },
  { key: "elements", kind: "element" },
  { key: "boundaries", kind: "boundary" },
  { key: "flows", kind: "flow" },
  { key: "diagrams", kind: "diagram" },
];

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);
const items = (v: unknown): Obj[] => (Array.isArray(v) ? v.map((x) => (isObj(x) ? x : {})) : []);

export function checkReferences(raw: unknown): ModelIssue[] {
  if (!isObj(raw)) return [];
  const issues: ModelIssue[] = [];
  const error = (path: PathSegment[], message: string) =>
    issues.push({ severity: "error", path: formatPath(path), message });
  const warn = (path: PathSegment[], message: string) =>
    issues.push({ severity: "warning", path: formatPath(path), message });

  const ids = new Map<string, Entry>();
  const register = (id: unknown, kind: Kind, path: PathSegment[]) => {
    if (typeof id !== "string") return;
    const seen = ids.get(id);
    if (seen) error([...path, "id"], `duplicate id "${id}": already used by ${seen.path}; every id in a model must be unique`);
    else ids.set(id, { kind, path: formatPath(path) });
  };
  const project = isObj(raw.project) ? raw.project : {};
  items(project.assumptions).forEach((a, i) => register(a.id, "assumption", ["project", "assumptions", i]));
  for (const { key, kind } of SECTIONS) items(raw[key]).forEach((x, i) => register(x.id, kind, [key, i]));

  const suggestions = new Map<string, string>();
  const hint = (value: string, want: Kind[]) => {
    const key = `${want.join()}:${value}`;
    let text = suggestions.get(key);
    if (text === undefined) suggestions.set(key, (text = suggestions.size < MAX_SUGGESTIONS ? suggest(value, ids, want) : ""));
    return text;
  };
  const refer = (value: unknown, want: Kind[], path: PathSegment[]) => {
    if (typeof value !== "string") return;
    const target = ids.get(value);
    const noun = want.join(" or ");
    if (!target) error(path, `unknown ${noun} "${value}"${hint(value, want)}`);
    else if (!want.includes(target.kind)) error(path, `"${value}" is ${article(target.kind)} (${target.path}), not ${article(noun)}`);
  };
  const referList = (list: unknown, want: Kind[], path: PathSegment[]) => {
    if (!Array.isArray(list)) return;
    const seen = new Set<unknown>();
    list.forEach((value, j) => {
      if (seen.has(value)) error([...path, j], `"${String(value)}" is listed twice`);
      seen.add(value);
      refer(value, want, [...path, j]);
    });
  };

  items(raw.elements).forEach((el, i) => {
    if (el.type === "data-store") referList(el.assets, ["asset"], ["elements", i, "assets"]);
    if (el.role !== undefined && el.kind !== "person")
      error(["elements", i, "role"], `a role is only given to an external entity of kind "person"`);
  });

  items(raw.flows).forEach((flow, i) => {
    refer(flow.from, ["element"], ["flows", i, "from"]);
    refer(flow.to, ["element"], ["flows", i, "to"]);
    if (typeof flow.from === "string" && flow.from === flow.to)
      error(["flows", i, "to"], `a flow connects two different elements; "${flow.from}" is at both ends`);
    referList(flow.assets, ["asset"], ["flows", i, "assets"]);
  });

  items(raw.diagrams).forEach((d, i) => referList(d.elements, ["element"], ["diagrams", i, "elements"]));

  checkBoundaries(raw, ids, error, referList);
  usageWarnings(raw, warn);
  return issues;
}

function checkBoundaries(
  raw: Obj,
  ids: Map<string, Entry>,
  error: (path: PathSegment[], message: string) => void,
  referList: (list: unknown, want: Kind[], path: PathSegment[]) => void,
) {
  const parentOf = new Map<string, { boundary: string; path: string }>();
  items(raw.boundaries).forEach((b, i) => {
    const path: PathSegment[] = ["boundaries", i, "contains"];
    referList(b.contains, ["element", "boundary"], path);
    if (!Array.isArray(b.contains) || typeof b.id !== "string") return;
    b.contains.forEach((member, j) => {
      if (typeof member !== "string" || !ids.has(member)) return;
      if (member === b.id) return error([...path, j], `boundary "${b.id}" cannot contain itself`);
      const other = parentOf.get(member);
      if (other && other.boundary !== b.id)
        return error(
          [...path, j],
          `"${member}" is also in boundary "${other.boundary}" (${other.path}); boundaries nest and do not overlap, so list it only in its innermost boundary`,
        );
      parentOf.set(member, { boundary: b.id as string, path: formatPath(path) });
    });
  });
  // Each boundary's chain of parents is followed once: a boundary already known to reach the top is not walked again.
  const settled = new Set<string>();
  items(raw.boundaries).forEach((b, i) => {
    if (typeof b.id !== "string" || settled.has(b.id)) return;
    const chain: string[] = [];
    const onChain = new Set<string>();
    for (let at: string | undefined = b.id; at && !settled.has(at); at = parentOf.get(at)?.boundary) {
      if (onChain.has(at)) {
        const loop = chain.slice(chain.indexOf(at));
        error(["boundaries", i, "contains"], `boundaries nest in a circle: ${[...loop, at].join(" is inside ")}`);
        break;
      }
      chain.push(at);
      onChain.add(at);
    }
    chain.forEach((id) => settled.add(id));
  });
}

function usageWarnings(raw: Obj, warn: (path: PathSegment[], message: string) => void) {
  const drawn = new Set<unknown>();
  const diagrams = items(raw.diagrams);
  for (const d of diagrams) if (Array.isArray(d.elements)) d.elements.forEach((e) => drawn.add(e));
  if (diagrams.length > 0)
    items(raw.elements).forEach((el, i) => {
      if (typeof el.id === "string" && !drawn.has(el.id)) warn(["elements", i], `"${el.id}" is on no diagram`);
    });
  items(raw.boundaries).forEach((b, i) => {
    if (Array.isArray(b.contains) && b.contains.length === 0) warn(["boundaries", i, "contains"], `boundary "${String(b.id)}" contains nothing`);
  });
}

/** "Did you mean" hints cost a scan of all ids each, so only the first few unknown values get one. */
const MAX_SUGGESTIONS = 50;

const article = (noun: string) => `${/^[aeiou]/.test(noun) ? "an" : "a"} ${noun}`;

function suggest(value: string, ids: Map<string, Entry>, want: Kind[]): string {
  if (ids.size > 5000) return "";
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(value.length / 3)) + 1;
  for (const [id, entry] of ids) {
    if (!want.includes(entry.kind)) continue;
    const d = distance(value, id, bestDistance);
    if (d < bestDistance) [best, bestDistance] = [id, d];
  }
  return best ? `; did you mean "${best}"?` : "";
}

/** Levenshtein distance, giving up once it exceeds `limit`. */
function distance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) >= limit) return limit;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      rowMin = Math.min(rowMin, row[j]);
    }
    if (rowMin >= limit) return limit;
    prev = row;
  }
  return prev[b.length];
}
