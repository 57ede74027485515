import { describe, expect, it } from "vitest";
import { ModelError } from "../../../lib/model/issues";
import { applyOperation, ModelOperation, type ModelOperationInput } from "../../../lib/model/operations";
import type { Model } from "../../../lib/model/schema";
import { mustValidate, smallModel } from "./helpers";

/** Applies an operation written as input (defaults filled in by the operation schema). */
const apply = (model: Model, op: ModelOperationInput) => applyOperation(model, ModelOperation.parse(op));

/** Asserts that the operation throws a ModelError and leaves the model untouched; returns the error. */
function refused(model: Model, op: ModelOperationInput): ModelError {
  const before = structuredClone(model);
  let error: unknown;
  try {
    apply(model, op);
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(ModelError);
  expect(model).toEqual(before);
  return error as ModelError;
}

const byId = <T extends { id: string }>(list: T[], id: string) => list.find((x) => x.id === id);
const boundaryOf = (model: Model, id: string) => model.boundaries.find((b) => b.contains.includes(id))?.id;

describe("adding elements", () => {
  it("adds an element with schema defaults", () => {
    const model = mustValidate(smallModel());
    const { model: next, summary } = apply(model, { op: "upsert-element", element: { id: "cgm", type: "process", name: "CGM sensor" } });
    expect(byId(next.elements, "cgm")).toMatchObject({ type: "process", name: "CGM sensor", technology: "other", patientReach: "none" });
    expect(next.elements).toHaveLength(model.elements.length + 1);
    expect(summary).toBe('Added process "cgm"');
  });

  it("adds an element to a diagram and into a boundary", () => {
    const model = mustValidate(smallModel());
    const { model: next, summary } = apply(model, {
      op: "upsert-element",
      element: { id: "cgm", type: "data-store", name: "CGM buffer" },
      diagramId: "therapy",
      boundaryId: "body",
    });
    expect(byId(next.diagrams, "therapy")!.elements).toContain("cgm");
    expect(byId(next.diagrams, "overview")!.elements).not.toContain("cgm");
    expect(boundaryOf(next, "cgm")).toBe("body");
    expect(summary).toBe('Added data store "cgm"');
  });

  it("moves an existing element to another boundary, or out of all with boundaryId null", () => {
    const model = mustValidate(smallModel());
    const pump = byId(model.elements, "pump")!;
    const moved = apply(model, { op: "upsert-element", element: pump, previousId: "pump", boundaryId: "hospital" }).model;
    expect(boundaryOf(moved, "pump")).toBe("hospital");
    expect(byId(moved.boundaries, "body")!.contains).not.toContain("pump");
    const outside = apply(model, { op: "upsert-element", element: pump, previousId: "pump", boundaryId: null }).model;
    expect(boundaryOf(outside, "pump")).toBeUndefined();
  });

  it("refuses to add an element with an id that is already used", () => {
    const model = mustValidate(smallModel());
    const error = refused(model, { op: "upsert-element", element: { id: "pump", type: "process", name: "Second pump" } });
    expect(error.issues[0].message).toContain('the id "pump" is already used');
    expect(error.issues[0].path).toBe("elements[0].id");
  });

  it("refuses to add an element whose id is used in another section", () => {
    const model = mustValidate(smallModel());
    const error = refused(model, { op: "upsert-element", element: { id: "upload", type: "process", name: "Uploader" } });
    expect(error.issues.some((i) => i.message.includes('duplicate id "upload"'))).toBe(true);
  });

  it("refuses to add an element to a diagram or boundary that does not exist", () => {
    const model = mustValidate(smallModel());
    const noDiagram = refused(model, { op: "upsert-element", element: { id: "cgm", type: "process", name: "CGM" }, diagramId: "gone" });
    expect(noDiagram.message).toContain('there is no diagram "gone"');
    const noBoundary = refused(model, { op: "upsert-element", element: { id: "cgm", type: "process", name: "CGM" }, boundaryId: "gone" });
    expect(noBoundary.message).toContain('there is no boundary "gone"');
  });

  it("changes an element in place, keeping its position", () => {
    const model = mustValidate(smallModel());
    const pump = { ...byId(model.elements, "pump")!, name: "Pump firmware v2" };
    const { model: next, summary } = apply(model, { op: "upsert-element", element: pump, previousId: "pump" });
    expect(next.elements.findIndex((e) => e.id === "pump")).toBe(model.elements.findIndex((e) => e.id === "pump"));
    expect(byId(next.elements, "pump")!.name).toBe("Pump firmware v2");
    expect(summary).toBe('Changed process "pump"');
  });

  it("refuses a change to an element that no longer exists", () => {
    const model = mustValidate(smallModel());
    const error = refused(model, { op: "upsert-element", element: { id: "ghost", type: "process", name: "Ghost" }, previousId: "ghost" });
    expect(error.message).toContain('there is no element "ghost"');
  });
});

describe("renaming ids", () => {
  it("renaming an element updates flows, boundaries and diagrams", () => {
    const model = mustValidate(smallModel());
    const pump = { ...byId(model.elements, "pump")!, id: "insulin-pump" };
    const { model: next } = apply(model, { op: "upsert-element", element: pump, previousId: "pump" });
    expect(byId(next.elements, "pump")).toBeUndefined();
    expect(byId(next.elements, "insulin-pump")).toBeDefined();
    expect(byId(next.flows, "commands")!.to).toBe("insulin-pump");
    expect(byId(next.flows, "buttons")!.to).toBe("insulin-pump");
    expect(byId(next.flows, "logging")!.from).toBe("insulin-pump");
    expect(boundaryOf(next, "insulin-pump")).toBe("body");
    for (const d of next.diagrams) expect(d.elements).not.toContain("pump");
    expect(byId(next.diagrams, "therapy")!.elements).toContain("insulin-pump");
    expect(JSON.stringify(next)).not.toMatch(/"pump"/);
  });

  it("renaming an asset updates flow and data store asset lists", () => {
    const model = mustValidate(smallModel());
    const glucose = { ...byId(model.assets, "glucose")!, id: "glucose-readings" };
    const { model: next, summary } = apply(model, { op: "upsert-asset", asset: glucose, previousId: "glucose" });
    expect(byId(next.flows, "commands")!.assets).toContain("glucose-readings");
    expect(byId(next.flows, "commands")!.assets).not.toContain("glucose");
    const log = byId(next.elements, "pump-log")!;
    expect(log.type === "data-store" && log.assets).toEqual(["key", "glucose-readings"]);
    expect(summary).toBe('Changed asset "glucose-readings"');
  });

  it("renaming a boundary updates its parent's member list", () => {
    const model = mustValidate(smallModel());
    const body = { ...byId(model.boundaries, "body")!, id: "on-body" };
    const { model: next } = apply(model, { op: "upsert-boundary", boundary: body, previousId: "body" });
    expect(byId(next.boundaries, "home")!.contains).toEqual(["patient", "on-body"]);
    expect(byId(next.boundaries, "on-body")!.contains).toEqual(["pump-log", "pump"]);
  });

  it("refuses a rename onto an id that is already used, leaving the model unchanged", () => {
    const model = mustValidate(smallModel());
    const error = refused(model, { op: "upsert-element", element: { ...byId(model.elements, "pump")!, id: "app" }, previousId: "pump" });
    expect(error.issues.some((i) => i.message.includes('duplicate id "app"'))).toBe(true);
  });
});

describe("deleting", () => {
  it("deleting an element removes its flows and memberships and names the flows", () => {
    const model = mustValidate(smallModel());
    const { model: next, summary } = apply(model, { op: "delete-element", id: "pump" });
    expect(byId(next.elements, "pump")).toBeUndefined();
    expect(next.flows.map((f) => f.id).sort()).toEqual(["input", "upload"]);
    expect(boundaryOf(next, "pump")).toBeUndefined();
    for (const d of next.diagrams) expect(d.elements).not.toContain("pump");
    expect(summary).toBe('Deleted element "pump" and its flows "commands", "buttons", "logging"');
  });

  it("deleting an element without flows says nothing about flows", () => {
    const m = smallModel();
    m.elements.push({ id: "spare", type: "process", name: "Spare" });
    m.diagrams[0].elements.push("spare");
    const { summary } = apply(mustValidate(m), { op: "delete-element", id: "spare" });
    expect(summary).toBe('Deleted element "spare"');
  });

  it("deleting an element that does not exist is refused", () => {
    expect(refused(mustValidate(smallModel()), { op: "delete-element", id: "ghost" }).message).toContain('there is no element "ghost"');
  });

  it("deleting a nested boundary moves its members into the parent", () => {
    const model = mustValidate(smallModel());
    const { model: next, summary } = apply(model, { op: "delete-boundary", id: "body" });
    expect(byId(next.boundaries, "body")).toBeUndefined();
    expect([...byId(next.boundaries, "home")!.contains].sort()).toEqual(["patient", "pump", "pump-log"]);
    expect(summary).toBe('Deleted trust boundary "body"; its members moved into "home"');
    expect(next.elements).toHaveLength(model.elements.length);
  });

  it("deleting a top-level boundary leaves its members outside any boundary", () => {
    const model = mustValidate(smallModel());
    const { model: next, summary } = apply(model, { op: "delete-boundary", id: "hospital" });
    expect(boundaryOf(next, "ehr")).toBeUndefined();
    expect(byId(next.elements, "ehr")).toBeDefined();
    expect(summary).toBe('Deleted trust boundary "hospital"; its members moved outside any boundary');
  });

  it("deleting a boundary with nested boundaries keeps the nesting below it", () => {
    const model = mustValidate(smallModel());
    const { model: next } = apply(model, { op: "delete-boundary", id: "home" });
    expect(boundaryOf(next, "body")).toBeUndefined();
    expect(boundaryOf(next, "patient")).toBeUndefined();
    expect(boundaryOf(next, "pump")).toBe("body");
  });

  it("deleting an asset removes it from flows and data stores", () => {
    const model = mustValidate(smallModel());
    const { model: next, summary } = apply(model, { op: "delete-asset", id: "glucose" });
    expect(byId(next.assets, "glucose")).toBeUndefined();
    expect(byId(next.flows, "commands")!.assets).toEqual(["bolus"]);
    const log = byId(next.elements, "pump-log")!;
    expect(log.type === "data-store" && log.assets).toEqual(["key"]);
    expect(summary).toBe('Deleted asset "glucose"');
  });

  it("deleting a flow and a diagram", () => {
    const model = mustValidate(smallModel());
    expect(apply(model, { op: "delete-flow", id: "upload" }).model.flows.map((f) => f.id)).not.toContain("upload");
    const { model: next, summary } = apply(model, { op: "delete-diagram", id: "therapy" });
    expect(next.diagrams.map((d) => d.id)).toEqual(["overview"]);
    expect(next.elements).toEqual(model.elements);
    expect(summary).toBe('Deleted diagram "therapy"');
  });
});

describe("invalid results are refused", () => {
  it("a flow to an unknown element throws ModelError and leaves the model unchanged", () => {
    const model = mustValidate(smallModel());
    const error = refused(model, { op: "upsert-flow", flow: { id: "bad", from: "app", to: "nowhere", channel: "ble" } });
    expect(error.message).toMatch(/^this change would make the model invalid: /);
    expect(error.issues).toContainEqual(expect.objectContaining({ path: "flows[5].to", message: 'unknown element "nowhere"' }));
  });

  it("a change that would nest boundaries in a circle is refused", () => {
    const model = mustValidate(smallModel());
    const home = byId(model.boundaries, "home")!;
    const error = refused(model, { op: "upsert-boundary", boundary: home, previousId: "home", parentId: "body" });
    expect(error.issues.some((i) => i.message.includes("circle"))).toBe(true);
  });

  it("deleting something that is referenced cleans up the references instead of being refused", () => {
    const model = mustValidate(smallModel());
    expect(() => apply(model, { op: "delete-asset", id: "bolus" })).not.toThrow();
    expect(() => apply(model, { op: "delete-element", id: "patient" })).not.toThrow();
  });

  it("a successful operation does not modify its input either", () => {
    const model = mustValidate(smallModel());
    const before = structuredClone(model);
    apply(model, { op: "delete-element", id: "pump" });
    apply(model, { op: "upsert-element", element: { ...byId(model.elements, "app")!, id: "mobile-app" }, previousId: "app" });
    expect(model).toEqual(before);
  });

  it("update-project replaces the project details", () => {
    const model = mustValidate(smallModel());
    const { model: next, summary } = apply(model, { op: "update-project", project: { ...model.project, name: "Renamed" } });
    expect(next.project.name).toBe("Renamed");
    expect(summary).toBe("Changed project details");
  });

  it("the operation schema refuses malformed operations", () => {
    expect(ModelOperation.safeParse({ op: "explode" }).success).toBe(false);
    expect(ModelOperation.safeParse({ op: "delete-element", id: "Not_An_Id" }).success).toBe(false);
    expect(ModelOperation.safeParse({ op: "delete-element", id: "pump", extra: true }).success).toBe(false);
  });
});
