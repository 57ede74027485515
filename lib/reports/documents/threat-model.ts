import { STRIDE_CATEGORIES, STRIDE_THREAT_CATEGORIES } from "../../catalog";
import { parentMap } from "../../model/mermaid";
import type { DataStore, ExternalEntity, Flow, Model, Process, ThirdPartySoftware } from "../../model/schema";
import { label } from "../../model/vocabulary";
import type { CoverageEntry, Threat } from "../../threats";
import type { Block, ReportDocument } from "../document";
import type { ReportInput } from "../input";
import {
  ciaText,
  diagramBlocks,
  flowLabel,
  joined,
  makeDocument,
  NONE,
  plural,
  push,
  reportContext,
  sectionHeading,
  statusLabel,
  strideName,
  targetKindLabel,
  yesNo,
  type ReportContext,
  type Section,
} from "./common";

/**
 * The threat model report: the model as drawn (every diagram), what each element, asset, boundary
 * and flow is, the threats the library found per element with the facts that made each apply and
 * the decision taken, STRIDE coverage per element, and the assumptions.
 */

export const TM_SECTIONS = {
  scope: { number: "1", title: "Scope", id: "scope" },
  diagrams: { number: "2", title: "Diagrams", id: "diagrams" },
  elements: { number: "3", title: "Element inventory", id: "elements" },
  assets: { number: "4", title: "Data assets", id: "assets" },
  boundaries: { number: "5", title: "Trust boundaries", id: "boundaries" },
  flows: { number: "6", title: "Data flows", id: "flows" },
  threats: { number: "7", title: "Threats per element", id: "threats" },
  coverage: { number: "8", title: "STRIDE coverage", id: "coverage" },
  assumptions: { number: "9", title: "Assumptions", id: "assumptions" },
} as const satisfies Record<string, Section>;

export function build(input: ReportInput): ReportDocument {
  const ctx = reportContext(input);
  const m = ctx.model;
  return makeDocument("threat-model", input, [
    sectionHeading(TM_SECTIONS.scope),
    {
      kind: "paragraph",
      content: `The threat model of ${m.project.device.name}${m.project.device.version ? ` ${m.project.device.version}` : ""}: ${plural(m.elements.length, "element")}, ${plural(m.flows.length, "data flow")}, ${plural(m.boundaries.length, "trust boundary", "trust boundaries")}, ${plural(m.assets.length, "data asset")} and ${plural(m.diagrams.length, "diagram")}. The threat library (version ${ctx.analysis.libraryVersion}) found ${plural(ctx.analysis.threats.length, "threat")}. The model uses DFD3 notation: external entities, processes, data stores, data flows and trust boundaries (reference.md §8.1).`,
    },
    sectionHeading(TM_SECTIONS.diagrams),
    ...diagramBlocks(m),
    ...elements(m),
    ...assets(m),
    ...boundaries(m),
    ...flows(m),
    ...threats(ctx),
    ...coverage(ctx),
    sectionHeading(TM_SECTIONS.assumptions),
    m.project.assumptions.length
      ? {
          kind: "table",
          id: "assumptions",
          caption: "Assumptions the threat model rests on",
          columns: [
            { key: "id", header: "Id" },
            { key: "text", header: "Assumption", width: 4 },
          ],
          rows: m.project.assumptions.map((a) => ({ id: a.id, text: a.text })),
        }
      : { kind: "paragraph", content: "The model states no assumptions." },
  ]);
}

const software = (list: readonly ThirdPartySoftware[]) => joined(list.map((s) => [s.name, s.version, s.supplier && `(${s.supplier})`].filter(Boolean).join(" ")), "; ");
const listed = (values: readonly string[]) => joined(values.map(label));

function elements(model: Model): Block[] {
  const parent = parentMap(model);
  const boundaryName = new Map(model.boundaries.map((b) => [b.id, b.name]));
  const inside = (id: string) => {
    const b = parent.get(id);
    return b ? `${boundaryName.get(b) ?? b} (${b})` : NONE;
  };
  const common = (e: { id: string; name: string; tags: string[]; description: string }) => ({ id: e.id, name: e.name, boundary: inside(e.id), tags: joined(e.tags), description: e.description.trim() });
  const entities = model.elements.filter((e): e is ExternalEntity => e.type === "external-entity");
  const processes = model.elements.filter((e): e is Process => e.type === "process");
  const stores = model.elements.filter((e): e is DataStore => e.type === "data-store");
  const head = [
    { key: "id", header: "Id" },
    { key: "name", header: "Name", width: 2 },
  ];
  const tail = [
    { key: "boundary", header: "Inside trust boundary", width: 2 },
    { key: "tags", header: "Tags" },
    { key: "description", header: "Description", width: 3 },
  ];
  return [
    sectionHeading(TM_SECTIONS.elements),
    { kind: "paragraph", content: "Every element of the model with the attributes the threat rules read. A protection that is not stated is taken as absent." },
    { kind: "heading", level: 3, text: "External entities" },
    {
      kind: "table",
      id: "external-entities",
      caption: "External entities",
      columns: [...head, { key: "kind", header: "Kind" }, { key: "role", header: "Role" }, { key: "reach", header: "Patient reach" }, ...tail],
      rows: entities.map((e) => ({ ...common(e), kind: label(e.kind), role: e.role ? label(e.role) : NONE, reach: label(e.patientReach) })),
    },
    { kind: "heading", level: 3, text: "Processes" },
    {
      kind: "table",
      id: "processes",
      caption: "Processes",
      columns: [
        ...head,
        { key: "technology", header: "Technology" },
        { key: "clinical", header: "Clinical functions" },
        { key: "reach", header: "Patient reach" },
        { key: "untrusted", header: "Parses untrusted input" },
        { key: "privileged", header: "Runs privileged" },
        { key: "secrets", header: "Holds secrets" },
        { key: "atRest", header: "Encrypted at rest" },
        { key: "audit", header: "Audit log" },
        { key: "battery", header: "Battery powered" },
        { key: "update", header: "Update", width: 2 },
        { key: "software", header: "Third-party software", width: 2 },
        ...tail,
      ],
      rows: processes.map((p) => ({
        ...common(p),
        technology: label(p.technology),
        clinical: listed(p.clinicalFunctions),
        reach: label(p.patientReach),
        untrusted: yesNo(p.parsesUntrustedInput),
        privileged: yesNo(p.runsPrivileged),
        secrets: yesNo(p.holdsSecrets),
        atRest: yesNo(p.encryptedAtRest),
        audit: yesNo(p.auditLog),
        battery: yesNo(p.batteryPowered),
        update: p.update.method === "none" ? "None" : `${label(p.update.method)}; code signed: ${yesNo(p.update.codeSigned)}; rollback protection: ${yesNo(p.update.rollbackProtection)}`,
        software: software(p.thirdPartySoftware),
      })),
    },
    { kind: "heading", level: 3, text: "Data stores" },
    {
      kind: "table",
      id: "data-stores",
      caption: "Data stores",
      columns: [
        ...head,
        { key: "technology", header: "Technology" },
        { key: "clinical", header: "Clinical functions" },
        { key: "reach", header: "Patient reach" },
        { key: "assets", header: "Assets held", width: 2 },
        { key: "secrets", header: "Holds secrets" },
        { key: "atRest", header: "Encrypted at rest" },
        { key: "software", header: "Third-party software", width: 2 },
        ...tail,
      ],
      rows: stores.map((s) => ({
        ...common(s),
        technology: label(s.technology),
        clinical: listed(s.clinicalFunctions),
        reach: label(s.patientReach),
        assets: joined(s.assets),
        secrets: yesNo(s.holdsSecrets),
        atRest: yesNo(s.encryptedAtRest),
        software: software(s.thirdPartySoftware),
      })),
    },
  ];
}

function assets(model: Model): Block[] {
  const carriedBy = new Map<string, string[]>();
  const heldIn = new Map<string, string[]>();
  for (const f of model.flows) for (const a of f.assets) push(carriedBy, a, f.id);
  for (const e of model.elements) if (e.type === "data-store") for (const a of e.assets) push(heldIn, a, e.id);
  return [
    sectionHeading(TM_SECTIONS.assets),
    {
      kind: "table",
      id: "assets",
      caption: "Data assets with the confidentiality, integrity and availability each needs",
      columns: [
        { key: "id", header: "Id" },
        { key: "name", header: "Name", width: 2 },
        { key: "kind", header: "Kind" },
        { key: "cia", header: "Confidentiality / integrity / availability", width: 2 },
        { key: "flows", header: "Carried by flows", width: 2 },
        { key: "stores", header: "Held in stores" },
        { key: "description", header: "Description", width: 3 },
      ],
      rows: model.assets.map((a) => ({
        id: a.id,
        name: a.name,
        kind: label(a.kind),
        cia: ciaText(a),
        flows: joined(carriedBy.get(a.id) ?? []),
        stores: joined(heldIn.get(a.id) ?? []),
        description: a.description.trim(),
      })),
    },
  ];
}

function boundaries(model: Model): Block[] {
  const parent = parentMap(model);
  const elementName = new Map(model.elements.map((e) => [e.id, e.name]));
  const isBoundary = new Set(model.boundaries.map((b) => b.id));
  const depth = (id: string) => {
    let d = 0;
    for (let b = parent.get(id); b; b = parent.get(b)) d++;
    return d;
  };
  return [
    sectionHeading(TM_SECTIONS.boundaries),
    { kind: "paragraph", content: "Trust boundaries are closed regions; each element or boundary is directly inside at most one boundary, so boundaries nest and never overlap." },
    {
      kind: "table",
      id: "boundaries",
      caption: "Trust boundaries, their members and nesting",
      columns: [
        { key: "id", header: "Id" },
        { key: "name", header: "Name", width: 2 },
        { key: "inside", header: "Inside boundary" },
        { key: "depth", header: "Nesting depth" },
        { key: "elements", header: "Elements", width: 3 },
        { key: "boundaries", header: "Boundaries inside", width: 2 },
        { key: "description", header: "Description", width: 3 },
      ],
      rows: model.boundaries.map((b) => ({
        id: b.id,
        name: b.name,
        inside: parent.get(b.id) ?? NONE,
        depth: String(depth(b.id)),
        elements: joined(b.contains.filter((id) => !isBoundary.has(id)).map((id) => `${elementName.get(id) ?? id} (${id})`)),
        boundaries: joined(b.contains.filter((id) => isBoundary.has(id))),
        description: b.description.trim(),
      })),
    },
  ];
}

const protection = (p: { enabled: boolean; method: string }) => (p.enabled ? (p.method ? `yes (${p.method})` : "yes") : "no");

function flows(model: Model): Block[] {
  const parent = parentMap(model);
  const elements = new Map(model.elements.map((e) => [e.id, e]));
  const crosses = (f: Flow) => (parent.get(f.from) ?? "") !== (parent.get(f.to) ?? "");
  return [
    sectionHeading(TM_SECTIONS.flows),
    {
      kind: "table",
      id: "flows",
      caption: "Data flows with channel, protocol and protections",
      columns: [
        { key: "id", header: "Id" },
        { key: "name", header: "Name", width: 2 },
        { key: "route", header: "From → to", width: 2 },
        { key: "direction", header: "Direction" },
        { key: "initiator", header: "Opened by" },
        { key: "channel", header: "Channel" },
        { key: "protocol", header: "Protocol" },
        { key: "encryption", header: "Encryption" },
        { key: "authFrom", header: "Authentication of the sender" },
        { key: "authTo", header: "Authentication of the receiver" },
        { key: "integrity", header: "Message integrity" },
        { key: "replay", header: "Replay protection" },
        { key: "assets", header: "Assets carried", width: 2 },
        { key: "crosses", header: "Crosses a trust boundary" },
        { key: "tags", header: "Tags" },
      ],
      rows: model.flows.map((f) => ({
        id: f.id,
        name: f.name || NONE,
        route: flowLabel(f, elements),
        direction: label(f.direction),
        initiator: elements.get(f.initiator === "from" ? f.from : f.to)?.name ?? f[f.initiator],
        channel: label(f.channel),
        protocol: f.protocol || NONE,
        encryption: protection(f.encryption),
        authFrom: protection(f.authentication.from),
        authTo: protection(f.authentication.to),
        integrity: yesNo(f.messageIntegrity),
        replay: yesNo(f.replayProtection),
        assets: joined(f.assets),
        crosses: yesNo(crosses(f)),
        tags: joined(f.tags),
      })),
    },
  ];
}

function threats(ctx: ReportContext): Block[] {
  const blocks: Block[] = [
    sectionHeading(TM_SECTIONS.threats),
    {
      kind: "paragraph",
      content: `Each threat's id is <rule id>@<element or flow id>. "Why it applies" lists the facts of the model that made its rule fire; a protection added to the model stops the rule.`,
    },
    {
      kind: "table",
      id: "threats",
      caption: "All threats",
      columns: [
        { key: "id", header: "Threat", width: 2 },
        { key: "title", header: "Title", width: 3 },
        { key: "target", header: "Element or flow" },
        { key: "stride", header: "STRIDE" },
        { key: "safety", header: "Can affect safety" },
        { key: "status", header: "Decision" },
      ],
      rows: ctx.analysis.threats.map((t) => ({ id: t.id, title: t.title, target: t.targetId, stride: strideName(t.stride), safety: yesNo(t.affectsSafety), status: statusLabel(ctx.decision(t.id).status) })),
    },
  ];
  for (const entry of ctx.analysis.coverage) {
    const list = ctx.threatsByTarget.get(entry.targetId) ?? [];
    if (!list.length) continue;
    blocks.push({ kind: "heading", level: 3, text: `${entry.targetName} (${targetKindLabel(entry.targetKind).toLowerCase()} ${entry.targetId})`, id: `threats-${entry.targetId}` });
    for (const t of list) blocks.push(...threatBlocks(ctx, t));
  }
  const quiet = ctx.analysis.coverage.filter((c) => !(ctx.threatsByTarget.get(c.targetId)?.length)).map((c) => c.targetId);
  if (quiet.length) blocks.push({ kind: "paragraph", content: `No threat was found on: ${quiet.join(", ")}.` });
  return blocks;
}

function threatBlocks(ctx: ReportContext, t: Threat): Block[] {
  const d = ctx.decision(t.id);
  const references = [
    t.annexI.length ? `Annex I ${t.annexI.join(", ")}` : "",
    t.capabilities.length ? `capabilities ${t.capabilities.join(", ")}` : "",
    [...t.capec, ...t.cwe].join(", "),
  ].filter(Boolean);
  return [
    { kind: "heading", level: 4, text: t.title },
    {
      kind: "definitions",
      items: [
        { term: "Threat", description: [{ text: t.id, code: true }] },
        { term: "STRIDE category", description: strideName(t.stride) },
        { term: "Patient safety", description: t.affectsSafety ? `can be affected: ${t.safetyWhy}` : "not affected" },
        { term: "Decision", description: `${statusLabel(d.status)}${d.justification ? `: ${d.justification}` : ""}${d.decidedBy ? ` (${[d.decidedBy, d.decidedAt.slice(0, 10)].filter(Boolean).join(", ")})` : ""}` },
        { term: "Description", description: t.description },
        { term: "References", description: joined(references, "; ") },
        { term: "Library controls that counter it", description: joined(t.controls) },
        { term: "Source", description: t.source },
      ],
    },
    { kind: "paragraph", content: [{ text: "Why it applies:", strong: true }] },
    { kind: "list", items: t.explanation.length ? t.explanation : ["the rule applies to every element of this kind"] },
  ];
}

const LETTERS = new Map(STRIDE_THREAT_CATEGORIES.map((c) => [c.id, c.letter]));

function coverageCell(entry: CoverageEntry, stride: string): string {
  const c = entry.categories.find((k) => k.stride === stride);
  if (!c) return NONE;
  const text = `${c.threatIds.length} found, ${plural(c.rulesConsidered.length, "rule")}`;
  return c.expected ? text : `${text} (beyond STRIDE per element)`;
}

function coverage(ctx: ReportContext): Block[] {
  return [
    sectionHeading(TM_SECTIONS.coverage),
    {
      kind: "paragraph",
      content: `For each element and flow and each STRIDE category: how many threats were found and how many rules were considered. STRIDE per element (reference.md §8.1) expects ${STRIDE_CATEGORIES.map((s) => `${LETTERS.get(s)} = ${strideName(s)}`).join(", ")} as follows: external entities S, R; processes all six; data stores T, R, I, D; data flows T, I, D. "${NONE}" means the category does not apply to that kind of element and no rule covers it.`,
    },
    {
      kind: "table",
      id: "coverage",
      caption: "STRIDE coverage per element and flow",
      columns: [
        { key: "id", header: "Element or flow" },
        { key: "kind", header: "Kind" },
        ...STRIDE_CATEGORIES.map((s) => ({ key: s, header: `${LETTERS.get(s)} ${strideName(s)}` })),
      ],
      rows: ctx.analysis.coverage.map((entry) => ({
        id: entry.targetId,
        kind: targetKindLabel(entry.targetKind),
        ...Object.fromEntries(STRIDE_CATEGORIES.map((s) => [s, coverageCell(entry, s)])),
      })),
    },
  ];
}
