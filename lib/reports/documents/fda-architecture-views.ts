import type { Element, Flow, Model } from "../../model/schema";
import { CLINICAL_FUNCTIONS, label } from "../../model/vocabulary";
import type { Threat } from "../../threats";
import type { Block, ReportDocument } from "../document";
import type { ReportInput } from "../input";
import { subModel } from "../sub-model";
import { afterText, diagramBlock, joined, makeDocument, NONE, plural, reportContext, statusLabel, strideName, verdict, yesNo, type ReportContext } from "./common";
import { crossesTrustBoundary, gap } from "./security-facts";

/**
 * The security architecture views of the FDA premarket cybersecurity guidance (June 2025) §V.B.2:
 * global system, multi-patient harm, updatability/patchability and security use cases.
 *
 * Selection: tags on elements and flows (`fda:global`, `fda:multi-patient`, `fda:update`,
 * `fda:use-case:<name>`) define a view when any element or flow carries its tag; a tagged element
 * brings the flows between tagged elements, a tagged flow brings its two ends. Without tags a view
 * is derived from the model and the threats (see `deriveViews`).
 */

export const VIEW_TAGS = { global: "fda:global", multiPatient: "fda:multi-patient", update: "fda:update", useCase: "fda:use-case:" } as const;

export type ViewKind = "global" | "multi-patient" | "update" | "use-case";

export interface ArchitectureView {
  /** Unique in the document: global, multi-patient, update, use-case-<name>. */
  id: string;
  kind: ViewKind;
  title: string;
  selection: "tags" | "derived";
  elementIds: string[];
  flowIds: string[];
  /** Why each element or flow is in the view. */
  reasons: Map<string, string>;
  /** Elements and flows the view is about (drawn highlighted); the rest give context. */
  focus: string[];
  /** Set when the view is empty: why. */
  emptyBecause?: string;
}

const PURPOSE: Record<ViewKind, string> = {
  global:
    "The device and all its internal and external connections: update infrastructure, healthcare provider networks, intermediaries, cloud services and the patient's home network.",
  "multi-patient":
    "How the system defends against, and responds to, attacks that could harm several patients at once, e.g. through a shared cloud service or a fleet-wide update.",
  update: "The end-to-end path that software updates and patches take to each updatable component, including technology not made by the manufacturer.",
  "use-case":
    "The functionality whose compromise could affect safety or effectiveness, across the device's operational states (power on, standby, transitions) and clinical states.",
};

const tagsOf = (x: { tags: readonly string[] }) => x.tags.map((t) => t.trim().toLowerCase());
const slug = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "unnamed";
const hasUpdate = (e: Element) => e.type === "process" && e.update.method !== "none";

interface Selection {
  elements: Set<string>;
  flows: Set<string>;
  reasons: Map<string, string>;
}

const emptySelection = (): Selection => ({ elements: new Set(), flows: new Set(), reasons: new Map() });

function add(sel: Selection, kind: "elements" | "flows", id: string, reason: string) {
  sel[kind].add(id);
  if (!sel.reasons.has(id)) sel.reasons.set(id, reason);
}

/** A tagged element brings the flows between tagged elements; a tagged flow brings its two ends. */
function byTag(model: Model, matches: (tags: string[]) => boolean): Selection | undefined {
  const sel = emptySelection();
  for (const e of model.elements) if (matches(tagsOf(e))) add(sel, "elements", e.id, "tagged");
  const taggedElements = new Set(sel.elements);
  for (const f of model.flows) {
    if (matches(tagsOf(f))) {
      add(sel, "flows", f.id, "tagged");
      add(sel, "elements", f.from, `end of tagged flow ${f.id}`);
      add(sel, "elements", f.to, `end of tagged flow ${f.id}`);
    } else if (taggedElements.has(f.from) && taggedElements.has(f.to)) add(sel, "flows", f.id, "between tagged elements");
  }
  return sel.elements.size || sel.flows.size ? sel : undefined;
}

/** Adds the flows touching the given elements, and their other ends. */
function withNeighbours(model: Model, sel: Selection, around: ReadonlySet<string>, reason: string) {
  for (const f of model.flows) {
    if (!around.has(f.from) && !around.has(f.to)) continue;
    add(sel, "flows", f.id, reason);
    add(sel, "elements", f.from, reason);
    add(sel, "elements", f.to, reason);
  }
}

function view(kind: ViewKind, id: string, title: string, selection: ArchitectureView["selection"], sel: Selection, focus: Iterable<string>, model: Model, emptyBecause: string): ArchitectureView {
  const elementIds = model.elements.filter((e) => sel.elements.has(e.id)).map((e) => e.id);
  const flowIds = model.flows.filter((f) => sel.flows.has(f.id)).map((f) => f.id);
  return {
    id, kind, title, selection, elementIds, flowIds, reasons: sel.reasons, focus: [...new Set(focus)],
    emptyBecause: elementIds.length ? undefined : emptyBecause,
  };
}

function globalView(model: Model): ArchitectureView {
  const tagged = byTag(model, (t) => t.includes(VIEW_TAGS.global));
  const sel = tagged ?? emptySelection();
  if (!tagged) {
    for (const e of model.elements) add(sel, "elements", e.id, "whole model");
    for (const f of model.flows) add(sel, "flows", f.id, "whole model");
  }
  return view("global", "global", "Global system view", tagged ? "tags" : "derived", sel, [], model, "The model has no elements.");
}

function multiPatientView(model: Model, ctx: ReportContext): ArchitectureView {
  const tagged = byTag(model, (t) => t.includes(VIEW_TAGS.multiPatient));
  if (tagged) return view("multi-patient", "multi-patient", "Multi-patient harm view", "tags", tagged, [], model, "");
  const sel = emptySelection();
  const core = new Set<string>();
  const threats = ctx.analysis.threats.filter((t) => ctx.riskById.get(t.id)?.multiPatient);
  // Threats on elements first, so that an element's reason names its own threat rather than a flow it ends.
  for (const t of threats.filter((x) => x.targetKind !== "flow")) {
    add(sel, "elements", t.targetId, `threat ${t.id} reaches many patients`);
    core.add(t.targetId);
  }
  for (const t of threats.filter((x) => x.targetKind === "flow")) {
    const f = ctx.flowById.get(t.targetId)!;
    add(sel, "flows", f.id, `threat ${t.id} reaches many patients`);
    for (const end of [f.from, f.to]) add(sel, "elements", end, `end of flow ${f.id}`);
  }
  const focus = [...sel.elements, ...sel.flows];
  const many = model.elements.filter((e) => e.patientReach === "many").map((e) => e.id);
  withNeighbours(model, sel, core, "neighbour of an element whose threats reach many patients");
  return view(
    "multi-patient", "multi-patient", "Multi-patient harm view", "derived", sel, focus, model,
    `No applicable threat reaches many patients: ${
      many.length ? `the elements with patient reach "many" (${many.join(", ")}) have no applicable threat` : 'no element has patient reach "many"'
    }, and no assessment marks a threat as multi-patient. ` +
      gap("confirm that no single compromise can harm several patients, or tag the elements and flows of this view with fda:multi-patient."),
  );
}

function updateView(model: Model): ArchitectureView {
  const tagged = byTag(model, (t) => t.includes(VIEW_TAGS.update));
  if (tagged) return view("update", "update", "Updatability and patchability view", "tags", tagged, [], model, "");
  const sel = emptySelection();
  const firmware = new Set(model.assets.filter((a) => a.kind === "firmware").map((a) => a.id));
  for (const f of model.flows) {
    if (!f.assets.some((a) => firmware.has(a))) continue;
    add(sel, "flows", f.id, "carries firmware or software");
    add(sel, "elements", f.from, `end of flow ${f.id}`);
    add(sel, "elements", f.to, `end of flow ${f.id}`);
  }
  for (const e of model.elements) {
    if (hasUpdate(e)) add(sel, "elements", e.id, `can be updated (${label(e.type === "process" ? e.update.method : "none").toLowerCase()})`);
    else if (e.type === "data-store" && e.assets.some((a) => firmware.has(a))) add(sel, "elements", e.id, "holds firmware or software");
  }
  return view(
    "update", "update", "Updatability and patchability view", "derived", sel, sel.flows, model,
    "No flow carries a firmware or software asset and no process can be updated. " +
      gap("explain how the device is updated or why it cannot be, or tag the update path with fda:update."),
  );
}

function useCaseViews(model: Model): { views: ArchitectureView[]; note: string } {
  const names = new Map<string, string>();
  for (const x of [...model.elements, ...model.flows])
    for (const t of tagsOf(x)) {
      const name = t.startsWith(VIEW_TAGS.useCase) ? t.slice(VIEW_TAGS.useCase.length).trim() : "";
      if (name && !names.has(slug(name))) names.set(slug(name), name);
    }
  const useCaseOf = (t: string) => (t.startsWith(VIEW_TAGS.useCase) ? slug(t.slice(VIEW_TAGS.useCase.length).trim()) : undefined);
  if (names.size)
    return {
      views: [...names.keys()].sort().map((key) => {
        const sel = byTag(model, (tags) => tags.some((t) => useCaseOf(t) === key))!;
        return view("use-case", `use-case-${key}`, `Security use case view: ${names.get(key)!.replace(/-/g, " ")}`, "tags", sel, [], model, "");
      }),
      note: `One view per use case tagged ${VIEW_TAGS.useCase}<name>.`,
    };
  const views: ArchitectureView[] = [];
  const missing: string[] = [];
  for (const fn of CLINICAL_FUNCTIONS) {
    const performers = model.elements.filter((e) => e.type !== "external-entity" && e.clinicalFunctions.includes(fn));
    if (!performers.length) {
      missing.push(label(fn).toLowerCase());
      continue;
    }
    const sel = emptySelection();
    for (const e of performers) add(sel, "elements", e.id, `performs ${label(fn).toLowerCase()}`);
    withNeighbours(model, sel, new Set(performers.map((e) => e.id)), `connected to an element performing ${label(fn).toLowerCase()}`);
    views.push(view("use-case", `use-case-${fn}`, `Security use case view: ${label(fn).toLowerCase()}`, "derived", sel, performers.map((e) => e.id), model, ""));
  }
  const note = views.length
    ? `One view per clinical function the model's elements perform.${missing.length ? ` No element performs ${missing.join(", ")}, so there is no view for ${missing.length === 1 ? "it" : "them"}.` : ""}`
    : "No element of the model performs a clinical function (therapy delivery, diagnosis, monitoring, alarming), so no security use case view could be derived. " +
      gap("describe the functions whose compromise could affect safety or effectiveness, or tag them with fda:use-case:<name>.");
  return { views, note };
}

/** The views of a project: global, multi-patient, update, then the use cases. */
export function architectureViews(ctx: ReportContext): { views: ArchitectureView[]; useCaseNote: string } {
  const model = ctx.model;
  const useCases = useCaseViews(model);
  return { views: [globalView(model), multiPatientView(model, ctx), updateView(model), ...useCases.views], useCaseNote: useCases.note };
}

export function build(input: ReportInput): ReportDocument {
  const ctx = reportContext(input);
  const { views, useCaseNote } = architectureViews(ctx);
  const blocks: Block[] = [
    {
      kind: "paragraph",
      content:
        "The FDA premarket cybersecurity guidance (June 2025) §V.B.2 asks at minimum for four kinds of security architecture view — global system, multi-patient harm, " +
        "updatability/patchability and security use cases — each with diagrams and explanatory text that identify the security-relevant elements and interfaces, " +
        "and an explanation for any view left out (reference.md §6.3). The views below are drawn from the threat model.",
    },
    {
      kind: "paragraph",
      content: [
        "Selection: a view is made of the elements and flows tagged ",
        { text: VIEW_TAGS.global, code: true }, ", ", { text: VIEW_TAGS.multiPatient, code: true }, ", ", { text: VIEW_TAGS.update, code: true }, " or ",
        { text: `${VIEW_TAGS.useCase}<name>`, code: true },
        " when any element or flow carries that tag (a tagged element brings the flows between tagged elements, a tagged flow brings its two ends). " +
          "Without tags: the global view is the whole model; the multi-patient view the elements and flows of threats that reach many patients and their neighbours; " +
          "the update view the flows carrying firmware or software, their ends and every process that can be updated; one use case view per clinical function, " +
          "with the elements performing it and their flows.",
      ],
    },
    {
      kind: "table",
      id: "views",
      caption: "Security architecture views",
      columns: [
        { key: "view", header: "View", width: 3 },
        { key: "selection", header: "Selection" },
        { key: "elements", header: "Elements" },
        { key: "flows", header: "Flows" },
        { key: "threats", header: "Threats" },
      ],
      rows: views.map((v) => ({
        view: v.title,
        selection: v.selection === "tags" ? "tags" : "derived from the model",
        elements: String(v.elementIds.length),
        flows: String(v.flowIds.length),
        threats: String(viewThreats(ctx, v).length),
      })),
    },
  ];
  for (const v of views.filter((x) => x.kind !== "use-case")) blocks.push(...viewBlocks(ctx, v));
  blocks.push({ kind: "heading", level: 2, text: "Security use case views", id: "use-cases" }, { kind: "paragraph", content: `${PURPOSE["use-case"]} ${useCaseNote}` });
  for (const v of views.filter((x) => x.kind === "use-case")) blocks.push(...viewBlocks(ctx, v));
  return makeDocument("fda-architecture-views", input, blocks);
}

function viewThreats(ctx: ReportContext, v: ArchitectureView): Threat[] {
  const ids = new Set([...v.elementIds, ...v.flowIds]);
  return ctx.analysis.threats.filter((t) => ids.has(t.targetId));
}

function viewBlocks(ctx: ReportContext, v: ArchitectureView): Block[] {
  const level = v.kind === "use-case" ? 3 : 2;
  const heading: Block = { kind: "heading", level, text: v.title, id: v.id };
  const purpose = v.kind === "use-case" ? [] : [{ kind: "paragraph" as const, content: PURPOSE[v.kind] }];
  if (v.emptyBecause) return [heading, ...purpose, { kind: "note", tone: "warning", content: `This view is empty. ${v.emptyBecause}` }];
  const model = ctx.model;
  const elements = v.elementIds.map((id) => ctx.elementById.get(id)!);
  const flows = v.flowIds.map((id) => ctx.flowById.get(id)!);
  const threats = viewThreats(ctx, v);
  const persons = elements.filter((e) => e.type === "external-entity" && e.kind === "person");
  const crossing = flows.filter((f) => crossesTrustBoundary(model, f));
  const blocks: Block[] = [
    heading,
    ...purpose,
    {
      kind: "paragraph",
      content:
        `${v.selection === "tags" ? "Selected by tags" : "Derived from the model"}: ${plural(elements.length, "element")}, ${plural(flows.length, "flow")} ` +
        `(${crossing.length} crossing a trust boundary), ${plural(threats.length, "threat")}. ` +
        (persons.length ? `User roles: ${persons.map((p) => `${p.name}${p.type === "external-entity" && p.role ? ` (${label(p.role).toLowerCase()})` : ""}`).join(", ")}.` : "No person is part of this view."),
    },
    diagramBlock({
      id: `view-${v.id}`,
      title: v.title,
      model: subModel(model, v.elementIds, v.flowIds),
      flagged: v.focus,
      caption: v.focus.length ? "Outlined: what the view is about; the rest is context." : undefined,
    }),
    elementTable(v, elements),
  ];
  if (flows.length) blocks.push(interfaceTable(ctx, v, flows));
  blocks.push(threatTable(ctx, v, threats));
  if (v.kind === "use-case")
    blocks.push({ kind: "paragraph", content: gap("the operational states (power on, standby, transitions) and clinical states this use case covers, and how security behaves in each.") });
  return blocks;
}

function elementTable(v: ArchitectureView, elements: Element[]): Block {
  return {
    kind: "table",
    id: `${v.id}-elements`,
    caption: `${v.title}: elements`,
    columns: [
      { key: "element", header: "Element", width: 2 },
      { key: "type", header: "Type" },
      { key: "kind", header: "Kind or technology" },
      { key: "functions", header: "Clinical functions" },
      { key: "reach", header: "Patient reach" },
      { key: "update", header: "Update" },
      { key: "why", header: "In this view because", width: 2 },
    ],
    rows: elements.map((e) => ({
      element: `${e.name} (${e.id})`,
      type: label(e.type),
      kind: e.type === "external-entity" ? label(e.role ?? e.kind) : label(e.technology),
      functions: e.type === "external-entity" ? NONE : joined(e.clinicalFunctions.map((x) => label(x).toLowerCase())),
      reach: label(e.patientReach),
      update: e.type === "process" ? `${label(e.update.method)}${hasUpdate(e) ? `; signed: ${yesNo(e.update.codeSigned)}` : ""}` : NONE,
      why: v.reasons.get(e.id) ?? NONE,
    })),
  };
}

function interfaceTable(ctx: ReportContext, v: ArchitectureView, flows: Flow[]): Block {
  const name = (id: string) => ctx.elementById.get(id)?.name ?? id;
  return {
    kind: "table",
    id: `${v.id}-interfaces`,
    caption: `${v.title}: interfaces`,
    columns: [
      { key: "flow", header: "Flow", width: 2 },
      { key: "between", header: "Between", width: 2 },
      { key: "channel", header: "Channel and protocol", width: 2 },
      { key: "assets", header: "Data", width: 2 },
      { key: "boundary", header: "Crosses trust boundary" },
      { key: "protection", header: "Encryption; authentication", width: 2 },
      { key: "why", header: "In this view because", width: 2 },
    ],
    rows: flows.map((f) => ({
      flow: `${f.name || f.id} (${f.id})`,
      between: `${name(f.from)} ${f.direction === "two-way" ? "↔" : "→"} ${name(f.to)}`,
      channel: `${label(f.channel)}${f.protocol ? `, ${f.protocol}` : ""}`,
      assets: joined(f.assets.map((a) => ctx.assetById.get(a)?.name ?? a)),
      boundary: yesNo(crossesTrustBoundary(ctx.model, f)),
      protection: `encrypted: ${yesNo(f.encryption.enabled)}; from authenticated: ${yesNo(f.authentication.from.enabled)}; to authenticated: ${yesNo(f.authentication.to.enabled)}`,
      why: v.reasons.get(f.id) ?? NONE,
    })),
  };
}

function threatTable(ctx: ReportContext, v: ArchitectureView, threats: Threat[]): Block {
  return {
    kind: "table",
    id: `${v.id}-threats`,
    caption: `${v.title}: threats and controls`,
    columns: [
      { key: "threat", header: "Threat", width: 3 },
      { key: "target", header: "Where", width: 2 },
      { key: "stride", header: "STRIDE" },
      { key: "decision", header: "Decision" },
      { key: "many", header: "Many patients" },
      { key: "residual", header: "Residual risk", width: 2 },
      { key: "controls", header: "Controls", width: 3 },
    ],
    rows: threats.map((t) => {
      const risk = ctx.riskById.get(t.id);
      const controls = (ctx.assessedById.get(t.id)?.controls ?? []).map((l) => {
        const c = ctx.controlById.get(l.control);
        return `${c?.title ?? l.control} (${l.status})`;
      });
      return {
        threat: `${t.title} (${t.id})`,
        target: ctx.targetName(t.targetId),
        stride: strideName(t.stride),
        decision: statusLabel(ctx.decision(t.id).status),
        many: risk ? yesNo(risk.multiPatient) : NONE,
        residual: risk ? `${verdict(risk.after.acceptable)}: ${afterText(risk)}` : "not applicable",
        controls: joined(controls, "; "),
      };
    }),
  };
}
