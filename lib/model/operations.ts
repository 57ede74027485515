import { z } from "zod";
import { Asset, Boundary, Diagram, Element, Flow, Id, Model, Project } from "./schema";
import { ModelError } from "./issues";
import { validateModel } from "./validate";
import { label } from "./vocabulary";

/**
 * Edits of a model, as data: the editor sends one operation per save, the server applies it to the
 * revision it was based on and validates the result. Changing an id updates every reference to it;
 * deleting something removes the references to it and reports them in the summary.
 */

const WithPrevious = { previousId: Id.optional() };

export const ModelOperation = z.discriminatedUnion("op", [
  z.strictObject({ op: z.literal("update-project"), project: Project }),
  z.strictObject({ op: z.literal("upsert-element"), element: Element, ...WithPrevious, diagramId: Id.optional(), boundaryId: Id.nullable().optional() }),
  z.strictObject({ op: z.literal("delete-element"), id: Id }),
  z.strictObject({ op: z.literal("upsert-flow"), flow: Flow, ...WithPrevious }),
  z.strictObject({ op: z.literal("delete-flow"), id: Id }),
  z.strictObject({ op: z.literal("upsert-boundary"), boundary: Boundary, ...WithPrevious, parentId: Id.nullable().optional() }),
  z.strictObject({ op: z.literal("delete-boundary"), id: Id }),
  z.strictObject({ op: z.literal("upsert-asset"), asset: Asset, ...WithPrevious }),
  z.strictObject({ op: z.literal("delete-asset"), id: Id }),
  z.strictObject({ op: z.literal("upsert-diagram"), diagram: Diagram, ...WithPrevious }),
  z.strictObject({ op: z.literal("delete-diagram"), id: Id }),
]);
export type ModelOperation = z.infer<typeof ModelOperation>;
export type ModelOperationInput = z.input<typeof ModelOperation>;

export interface OperationResult {
  model: Model;
  summary: string;
}

type Section = "assets" | "elements" | "boundaries" | "flows" | "diagrams";

export function applyOperation(model: Model, op: ModelOperation): OperationResult {
  const next: Model = structuredClone(model);
  const summary = apply(next, op);
  const checked = validateModel(next);
  if (!checked.ok) throw new ModelError(checked.errors, "this change would make the model invalid");
  return { model: checked.model, summary };
}

function apply(m: Model, op: ModelOperation): string {
  switch (op.op) {
    case "update-project":
      m.project = op.project;
      return "Changed project details";
    case "upsert-element": {
      const verb = upsert(m, "elements", op.element, op.previousId);
      if (op.diagramId) {
        const diagram = m.diagrams.find((d) => d.id === op.diagramId);
        if (!diagram) throw notFound("diagram", op.diagramId);
        if (!diagram.elements.includes(op.element.id)) diagram.elements.push(op.element.id);
      }
      if (op.boundaryId !== undefined) setParent(m, op.element.id, op.boundaryId);
      return `${verb} ${label(op.element.type).toLowerCase()} "${op.element.id}"`;
    }
    case "delete-element": {
      find(m, "elements", op.id);
      const flows = m.flows.filter((f) => f.from === op.id || f.to === op.id).map((f) => f.id);
      m.flows = m.flows.filter((f) => f.from !== op.id && f.to !== op.id);
      removeEverywhere(m, op.id);
      m.elements = m.elements.filter((e) => e.id !== op.id);
      return `Deleted element "${op.id}"${flows.length ? ` and its flows ${flows.map((f) => `"${f}"`).join(", ")}` : ""}`;
    }
    case "upsert-flow":
      return `${upsert(m, "flows", op.flow, op.previousId)} flow "${op.flow.id}"`;
    case "delete-flow":
      find(m, "flows", op.id);
      m.flows = m.flows.filter((f) => f.id !== op.id);
      return `Deleted flow "${op.id}"`;
    case "upsert-boundary": {
      const verb = upsert(m, "boundaries", op.boundary, op.previousId);
      const moved = moveInto(m, op.boundary.id, op.boundary.contains);
      if (op.parentId !== undefined) setParent(m, op.boundary.id, op.parentId);
      return `${verb} trust boundary "${op.boundary.id}"${moved.length ? `; moved ${moved.map((x) => `"${x}"`).join(", ")} into it` : ""}`;
    }
    case "delete-boundary": {
      const boundary = find(m, "boundaries", op.id);
      const parent = m.boundaries.find((b) => b.contains.includes(op.id));
      removeEverywhere(m, op.id);
      if (parent) parent.contains.push(...boundary.contains);
      m.boundaries = m.boundaries.filter((b) => b.id !== op.id);
      return `Deleted trust boundary "${op.id}"${boundary.contains.length ? `; its members moved ${parent ? `into "${parent.id}"` : "outside any boundary"}` : ""}`;
    }
    case "upsert-asset":
      return `${upsert(m, "assets", op.asset, op.previousId)} asset "${op.asset.id}"`;
    case "delete-asset":
      find(m, "assets", op.id);
      removeEverywhere(m, op.id);
      m.assets = m.assets.filter((a) => a.id !== op.id);
      return `Deleted asset "${op.id}"`;
    case "upsert-diagram":
      return `${upsert(m, "diagrams", op.diagram, op.previousId)} diagram "${op.diagram.id}"`;
    case "delete-diagram":
      find(m, "diagrams", op.id);
      m.diagrams = m.diagrams.filter((d) => d.id !== op.id);
      return `Deleted diagram "${op.id}"`;
  }
}

const notFound = (what: string, id: string) =>
  new ModelError([{ severity: "error", path: "(operation)", message: `there is no ${what} "${id}"; it may have been deleted by someone else` }], "cannot apply the change");

function find<S extends Section>(m: Model, section: S, id: string): Model[S][number] {
  const found = (m[section] as { id: string }[]).find((x) => x.id === id);
  if (!found) throw notFound(section.replace(/ies$/, "y").replace(/s$/, ""), id);
  return found as Model[S][number];
}

function upsert<S extends Section>(m: Model, section: S, item: Model[S][number], previousId?: string): "Added" | "Changed" {
  const list = m[section] as { id: string }[];
  const existing = list.findIndex((x) => x.id === (previousId ?? item.id));
  if (previousId && existing < 0) throw notFound(section.replace(/ies$/, "y").replace(/s$/, ""), previousId);
  if (!previousId && existing >= 0)
    throw new ModelError([{ severity: "error", path: `${section}[${existing}].id`, message: `the id "${item.id}" is already used; choose another` }], "cannot add");
  if (existing < 0) {
    list.push(item);
    return "Added";
  }
  list[existing] = item;
  if (previousId && previousId !== item.id) renameEverywhere(m, previousId, item.id);
  return "Changed";
}

function renameEverywhere(m: Model, from: string, to: string) {
  const swap = (list: string[]) => list.map((x) => (x === from ? to : x));
  for (const f of m.flows) {
    if (f.from === from) f.from = to;
    if (f.to === from) f.to = to;
    f.assets = swap(f.assets);
  }
  for (const el of m.elements) if (el.type === "data-store") el.assets = swap(el.assets);
  for (const b of m.boundaries) b.contains = swap(b.contains);
  for (const d of m.diagrams) d.elements = swap(d.elements);
}

function removeEverywhere(m: Model, id: string) {
  const drop = (list: string[]) => list.filter((x) => x !== id);
  for (const f of m.flows) f.assets = drop(f.assets);
  for (const el of m.elements) if (el.type === "data-store") el.assets = drop(el.assets);
  for (const b of m.boundaries) b.contains = drop(b.contains);
  for (const d of m.diagrams) d.elements = drop(d.elements);
}

/** Places an element or boundary directly inside a boundary (null: outside all boundaries). */
function setParent(m: Model, memberId: string, boundaryId: string | null) {
  for (const b of m.boundaries) b.contains = b.contains.filter((x) => x !== memberId);
  if (boundaryId === null) return;
  const boundary = find(m, "boundaries", boundaryId);
  boundary.contains.push(memberId);
}

/** Takes a boundary's members out of any other boundary, so that listing a member moves it. */
function moveInto(m: Model, boundaryId: string, members: readonly string[]): string[] {
  const moved = new Set<string>();
  for (const b of m.boundaries) {
    if (b.id === boundaryId) continue;
    const kept = b.contains.filter((x) => !members.includes(x));
    if (kept.length !== b.contains.length) b.contains.filter((x) => members.includes(x)).forEach((x) => moved.add(x));
    b.contains = kept;
  }
  return [...moved];
}
