import type { Boundary, Element, Flow, Model } from "./schema";
import { label } from "./vocabulary";

/**
 * Mermaid flowchart text for one diagram of a model (or the whole model). Element shapes follow
 * DFD3: external entity = rectangle, process = rounded rectangle, data store = cylinder; trust
 * boundaries are dashed subgraphs. Every label is escaped so that names show as plain text.
 */

export interface MermaidOptions {
  /** Element or flow ids drawn as selected. */
  selected?: readonly string[];
  /** Element and flow ids drawn with a warning outline (e.g. open threats). */
  flagged?: readonly string[];
  /** Left to right (the editor's default) or top to bottom (fits a portrait page). */
  direction?: "LR" | "TB";
}

const mermaidId = (prefix: string, id: string) => `${prefix}_${id.replace(/-/g, "_")}`;
export const elementNodeId = (id: string) => mermaidId("el", id);
export const boundaryNodeId = (id: string) => mermaidId("tb", id);
export const flowEdgeId = (id: string) => mermaidId("fl", id);

/** Maps a Mermaid node or edge id back to the model id; ids never contain "_", so this is exact. */
export function modelIdFromMermaid(mermaid: string): string | undefined {
  const m = /^(?:el|tb|fl)_([a-z0-9_]+)$/.exec(mermaid);
  return m ? m[1].replace(/_/g, "-") : undefined;
}

/** Escapes text for a double-quoted Mermaid label, using Mermaid's own #code; entities. */
export function escapeLabel(text: string): string {
  return text
    .replace(/\s+/g, " ")
    .trim()
    .replace(/[#"<>&`|\\{}[\]()]/g, (c) => `#${c.charCodeAt(0)};`);
}

const quoted = (text: string) => `"${escapeLabel(text) || " "}"`;

function node(el: Element): string {
  const id = elementNodeId(el.id);
  const text = quoted(el.name);
  switch (el.type) {
    case "external-entity":
      return `${id}[${text}]:::entity`;
    case "process":
      return `${id}(${text}):::process`;
    case "data-store":
      return `${id}[(${text})]:::store`;
  }
}

function edge(flow: Flow): string {
  const arrow = flow.direction === "two-way" ? "<-->" : "-->";
  const text = flow.protocol || label(flow.channel);
  return `${elementNodeId(flow.from)} ${flowEdgeId(flow.id)}@${arrow}|${quoted(text)}| ${elementNodeId(flow.to)}`;
}

export interface DiagramContent {
  elements: Element[];
  flows: Flow[];
  boundaries: Boundary[];
}

/** The elements, flows and boundaries one diagram shows: its elements, the flows between them, and the boundaries around them. */
export function diagramContent(model: Model, diagramId?: string): DiagramContent {
  const diagram = diagramId ? model.diagrams.find((d) => d.id === diagramId) : undefined;
  if (diagramId && !diagram) throw new Error(`unknown diagram "${diagramId}"`);
  const shown = diagram ? new Set(diagram.elements) : new Set(model.elements.map((e) => e.id));
  const elements = model.elements.filter((e) => shown.has(e.id));
  const flows = model.flows.filter((f) => shown.has(f.from) && shown.has(f.to));
  const parent = parentMap(model);
  const visible = new Set<string>();
  for (const el of elements)
    for (let b = parent.get(el.id); b && !visible.has(b); b = parent.get(b)) visible.add(b);
  return { elements, flows, boundaries: model.boundaries.filter((b) => visible.has(b.id)) };
}

/** Innermost boundary of each element or boundary. */
export function parentMap(model: Pick<Model, "boundaries">): Map<string, string> {
  const parent = new Map<string, string>();
  for (const b of model.boundaries) for (const member of b.contains) parent.set(member, b.id);
  return parent;
}

export function toMermaid(model: Model, diagramId?: string, options: MermaidOptions = {}): string {
  const { elements, flows, boundaries } = diagramContent(model, diagramId);
  const parent = parentMap(model);
  const shownBoundaries = new Set(boundaries.map((b) => b.id));
  const children = new Map<string | undefined, { boundaries: Boundary[]; elements: Element[] }>();
  const group = (key: string | undefined) => {
    let g = children.get(key);
    if (!g) children.set(key, (g = { boundaries: [], elements: [] }));
    return g;
  };
  for (const b of boundaries) group(shownParent(parent, b.id, shownBoundaries)).boundaries.push(b);
  for (const el of elements) group(shownParent(parent, el.id, shownBoundaries)).elements.push(el);

  const lines = [`flowchart ${options.direction ?? "LR"}`];
  const emit = (key: string | undefined, indent: string) => {
    const g = children.get(key);
    if (!g) return;
    for (const b of g.boundaries) {
      lines.push(`${indent}subgraph ${boundaryNodeId(b.id)}[${quoted(b.name)}]`);
      emit(b.id, indent + "  ");
      lines.push(`${indent}end`);
    }
    for (const el of g.elements) lines.push(indent + node(el));
  };
  emit(undefined, "  ");
  for (const f of flows) lines.push("  " + edge(f));

  lines.push(
    "  classDef entity fill:#eef2ff,stroke:#3730a3,stroke-width:1px",
    "  classDef process fill:#ecfdf5,stroke:#047857,stroke-width:1px",
    "  classDef store fill:#fffbeb,stroke:#b45309,stroke-width:1px",
    "  classDef selected stroke:#dc2626,stroke-width:3px",
    "  classDef flagged stroke:#c2410c,stroke-width:3px,stroke-dasharray:4 2",
    "  classDef selectedFlow stroke:#dc2626,stroke-width:3px",
    "  classDef flaggedFlow stroke:#c2410c,stroke-width:2px,stroke-dasharray:6 3",
  );
  for (const b of boundaries) lines.push(`  style ${boundaryNodeId(b.id)} fill:none,stroke:#b91c1c,stroke-width:2px,stroke-dasharray:6 4`);
  const shownIds = new Set(elements.map((e) => e.id));
  const mark = (ids: readonly string[] | undefined, cls: string) => {
    const nodes = (ids ?? []).filter((id) => shownIds.has(id)).map(elementNodeId);
    if (nodes.length) lines.push(`  class ${nodes.join(",")} ${cls}`);
  };
  mark(options.flagged, "flagged");
  mark(options.selected, "selected");
  const markFlows = (ids: readonly string[] | undefined, cls: string) => {
    const edges = flows.filter((f) => ids?.includes(f.id)).map((f) => flowEdgeId(f.id));
    if (edges.length) lines.push(`  class ${edges.join(",")} ${cls}`);
  };
  markFlows(options.flagged, "flaggedFlow");
  markFlows(options.selected, "selectedFlow");
  return lines.join("\n") + "\n";
}

function shownParent(parent: Map<string, string>, id: string, shown: Set<string>): string | undefined {
  for (let b = parent.get(id); b; b = parent.get(b)) if (shown.has(b)) return b;
  return undefined;
}
