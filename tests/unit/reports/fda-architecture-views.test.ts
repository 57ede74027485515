import { describe, expect, it } from "vitest";
import type { Block, ReportDocument } from "../../../lib/reports/document";
import { reportContext } from "../../../lib/reports/documents/common";
import { architectureViews, build } from "../../../lib/reports/documents/fda-architecture-views";
import { renderMarkdown } from "../../../lib/reports/render/markdown";
import { subModel } from "../../../lib/reports/sub-model";
import { demoInput, demoRaw, hasTable, inputFrom, smallModel, table, textOf, type RawModel } from "./user-documents-fixture";

const demo = demoInput();
const doc = build(demo);
const viewsOf = (raw: RawModel) => architectureViews(reportContext(inputFrom(raw))).views;
const diagram = (d: ReportDocument, id: string) => d.blocks.find((b): b is Extract<Block, { kind: "diagram" }> => b.kind === "diagram" && b.id === id)!;
const tag = (list: { id: string; tags?: string[] }[], id: string, ...tags: string[]) => {
  const x = list.find((e) => e.id === id)!;
  x.tags = [...(x.tags ?? []), ...tags];
};

describe("FDA security architecture views", () => {
  it("draws the four kinds of view for the demo device, one use case per clinical function it performs", () => {
    expect(table(doc, "views").rows.map((r) => r.view)).toEqual([
      "Global system view",
      "Multi-patient harm view",
      "Updatability and patchability view",
      "Security use case view: therapy delivery",
      "Security use case view: monitoring",
      "Security use case view: alarming",
    ]);
    expect(textOf(doc)).toContain("No element performs diagnosis, so there is no view for it.");
    for (const id of ["global", "multi-patient", "update", "use-case-therapy-delivery"]) {
      expect(diagram(doc, `view-${id}`).mermaid).toMatch(/^flowchart TB\n/);
      expect(hasTable(doc, `${id}-elements`)).toBe(true);
      expect(hasTable(doc, `${id}-threats`)).toBe(true);
    }
  });

  it("makes the global view the whole model with every threat", () => {
    const model = demo.file.model;
    expect(table(doc, "global-elements").rows).toHaveLength(model.elements.length);
    expect(table(doc, "global-interfaces").rows).toHaveLength(model.flows.length);
    expect(table(doc, "global-threats").rows).toHaveLength(demo.analysis.threats.length);
  });

  it("derives the update view from firmware flows and updatable processes, and draws only its elements", () => {
    const update = architectureViews(reportContext(demo)).views.find((v) => v.id === "update")!;
    expect(update.selection).toBe("derived");
    expect(update.flowIds).toEqual(["firmware-publish", "firmware-to-update-service", "firmware-download", "firmware-to-pump", "app-install"]);
    expect(update.elementIds).toEqual(expect.arrayContaining(["release-pipeline", "firmware-repo", "update-service", "phone-app", "pump", "app-store", "cloud-api", "clinician-portal"]));
    expect(update.elementIds).not.toContain("cgm");
    const mermaid = diagram(doc, "view-update").mermaid;
    expect(mermaid).toContain("el_release_pipeline");
    expect(mermaid).not.toContain("el_cgm");
    expect(mermaid).not.toContain("fl_app_cloud_sync");
  });

  it("derives the multi-patient view from threats that reach many patients and their neighbours", () => {
    const view = architectureViews(reportContext(demo)).views.find((v) => v.id === "multi-patient")!;
    expect(view.elementIds).toEqual(expect.arrayContaining(["cloud-api", "cloud-db", "clinician-portal", "phone-app"]));
    expect(view.focus).toContain("cloud-api");
    expect(view.reasons.get("cloud-api")).toMatch(/reaches many patients/);
    const ctx = reportContext(demo);
    for (const t of ctx.analysis.threats.filter((t) => ctx.riskById.get(t.id)?.multiPatient)) expect([...view.elementIds, ...view.flowIds]).toContain(t.targetId);
  });

  it("lets tags override the derivation", () => {
    const raw = demoRaw();
    tag(raw.elements, "pump", "fda:update");
    tag(raw.elements, "phone-app", "FDA:Update");
    tag(raw.flows, "firmware-download", "fda:update");
    tag(raw.flows, "pump-buttons", "fda:use-case:bolus-programming");
    tag(raw.flows, "app-therapy-commands", "fda:use-case:bolus-programming");
    tag(raw.elements, "cloud-api", "fda:multi-patient");
    const views = viewsOf(raw);
    const update = views.find((v) => v.id === "update")!;
    expect(update.selection).toBe("tags");
    expect(update.elementIds).toEqual(["pump", "phone-app", "update-service"]);
    expect(update.flowIds.sort()).toEqual(["app-therapy-commands", "firmware-download", "firmware-to-pump", "pump-status-to-app"]);
    expect(update.reasons.get("update-service")).toBe("end of tagged flow firmware-download");
    expect(update.reasons.get("firmware-to-pump")).toBe("between tagged elements");
    expect(views.filter((v) => v.kind === "use-case").map((v) => v.id)).toEqual(["use-case-bolus-programming"]);
    expect(views.find((v) => v.id === "use-case-bolus-programming")!.elementIds.sort()).toEqual(["patient", "phone-app", "pump"]);
    expect(views.find((v) => v.id === "multi-patient")).toMatchObject({ selection: "tags", elementIds: ["cloud-api"], flowIds: [] });
    expect(views.find((v) => v.id === "global")!.selection).toBe("derived");
    const built = build(inputFrom(raw));
    expect(table(built, "views").rows.find((r) => r.view === "Updatability and patchability view")!.selection).toBe("tags");
    expect(textOf(built)).toContain("One view per use case tagged fda:use-case:<name>.");
  });

  it("explains views that end up empty", () => {
    const raw = smallModel();
    const built = build(inputFrom(raw));
    const text = textOf(built);
    expect(text).toContain("This view is empty. No applicable threat reaches many patients");
    expect(text).toContain("This view is empty. No flow carries a firmware or software asset and no process can be updated.");
    expect(text).toContain("No element of the model performs a clinical function");
    expect(hasTable(built, "multi-patient-elements")).toBe(false);
    expect(built.blocks.some((b) => b.kind === "diagram" && b.id === "view-update")).toBe(false);
    expect(table(built, "views").rows.map((r) => [r.view, r.elements])).toEqual([
      ["Global system view", "5"],
      ["Multi-patient harm view", "0"],
      ["Updatability and patchability view", "0"],
    ]);
  });

  it("builds a sub-model without changing the model", () => {
    const model = demo.file.model;
    const before = JSON.stringify(model);
    const sub = subModel(model, ["pump", "phone-app", "cgm"], ["app-therapy-commands", "firmware-to-pump", "app-cloud-sync"]);
    expect(sub.elements.map((e) => e.id)).toEqual(["pump", "cgm", "phone-app"]);
    expect(sub.flows.map((f) => f.id)).toEqual(["app-therapy-commands", "firmware-to-pump"]);
    expect(sub.diagrams).toEqual([]);
    expect(JSON.stringify(model)).toBe(before);
  });

  it("is deterministic", () => {
    expect(JSON.stringify(build(demoInput()))).toBe(JSON.stringify(doc));
    expect(renderMarkdown(build(demoInput()))).toBe(renderMarkdown(doc));
  });
});
