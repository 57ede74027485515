import { capabilityByCode, RISK_CONTROL_PRIORITY, STRIDE_THREAT_CATEGORIES } from "../../catalog";
import type { Asset, Element, Flow, Model } from "../../model/schema";
import { diagramContent, toMermaid } from "../../model/mermaid";
import { label } from "../../model/vocabulary";
import { emptyAssessment, type Assessment, type ProjectControl, type ThreatAssessment } from "../../risk/assessment";
import { riskOverview, type PhaseRisk, type RiskOverview, type ThreatRisk } from "../../risk/evaluate";
import type { Analysis, Threat } from "../../threats";
import { STATUS_LABELS, type ThreatStatus } from "../../threats/decision";
import { DOCUMENT_TITLES, type Block, type Content, type DocumentId, type ReportDocument, type ReportMeta } from "../document";
import type { ReportInput } from "../input";

/**
 * What every document builder shares: the header, the lookups a document needs (built once per
 * input), and the wording of labels, statuses and risks. Nothing here reads the clock.
 *
 * A document's blocks begin with its header (a definitions block); renderers print `doc.title`
 * as the first heading, above the blocks.
 */

export const NONE = "—";

export const REGULATION_NAMES: Record<ReportMeta["regulation"], string> = {
  MDR: "MDR (Regulation (EU) 2017/745)",
  IVDR: "IVDR (Regulation (EU) 2017/746)",
};

export function reportMeta(input: ReportInput): ReportMeta {
  const project = input.file.model.project;
  return {
    project: project.name,
    device: project.device.name,
    deviceVersion: project.device.version,
    regulation: project.regulation,
    source: input.source,
    libraryVersion: input.analysis.libraryVersion,
    generator: `medthreat ${input.generatorVersion}`,
  };
}

/** The header every document starts with: what it is about and exactly which content it was made from. */
export function headerBlocks(meta: ReportMeta): Block[] {
  return [
    {
      kind: "definitions",
      items: [
        { term: "Project", description: meta.project },
        { term: "Device", description: meta.device },
        { term: "Device version", description: meta.deviceVersion || "not stated" },
        { term: "Regulation", description: REGULATION_NAMES[meta.regulation] },
        { term: "Source", description: meta.source.label },
        { term: "Content hash (SHA-256)", description: [{ text: meta.source.contentHash, code: true }] },
        { term: "Source date", description: meta.source.date },
        { term: "Threat library", description: `version ${meta.libraryVersion}` },
        { term: "Generator", description: meta.generator },
      ],
    },
  ];
}

/** A document of the given id: title, meta and the header, then the builder's blocks. */
export function makeDocument(id: DocumentId, input: ReportInput, blocks: readonly Block[]): ReportDocument {
  const meta = reportMeta(input);
  return { id, title: DOCUMENT_TITLES[id], meta, blocks: [...headerBlocks(meta), ...blocks] };
}

// ---------------------------------------------------------------------------------------------
// Lookups

export interface ThreatDecision {
  status: ThreatStatus;
  justification: string;
  decidedBy: string;
  decidedAt: string;
}

export interface ReportContext {
  input: ReportInput;
  model: Model;
  /** The project's assessment, or an empty one (all threats open and unscored, default criteria). */
  assessment: Assessment;
  hasAssessment: boolean;
  analysis: Analysis;
  /** Risks of the applicable threats, unacceptable residual risks first. */
  overview: RiskOverview;
  elementById: Map<string, Element>;
  flowById: Map<string, Flow>;
  assetById: Map<string, Asset>;
  controlById: Map<string, ProjectControl>;
  assessedById: Map<string, ThreatAssessment>;
  riskById: Map<string, ThreatRisk>;
  threatsByTarget: Map<string, Threat[]>;
  /** For each control id, the threats whose assessment links it (in analysis order). */
  threatsByControl: Map<string, Threat[]>;
  decision(threatId: string): ThreatDecision;
  /** Name of an element or flow, falling back to the id. */
  targetName(id: string): string;
}

const contexts = new WeakMap<ReportInput, ReportContext>();

export function reportContext(input: ReportInput): ReportContext {
  const cached = contexts.get(input);
  if (cached) return cached;
  const model = input.file.model;
  const assessment = input.file.assessment ?? emptyAssessment();
  const overview = riskOverview(input.analysis.threats, assessment);
  const elementById = new Map(model.elements.map((e) => [e.id, e]));
  const flowById = new Map(model.flows.map((f) => [f.id, f]));
  const assessedById = new Map(assessment.threats.map((t) => [t.id, t]));
  const threatsByTarget = new Map<string, Threat[]>();
  const threatsByControl = new Map<string, Threat[]>();
  for (const threat of input.analysis.threats) {
    push(threatsByTarget, threat.targetId, threat);
    for (const link of assessedById.get(threat.id)?.controls ?? []) push(threatsByControl, link.control, threat);
  }
  const context: ReportContext = {
    input,
    model,
    assessment,
    hasAssessment: input.file.assessment !== undefined,
    analysis: input.analysis,
    overview,
    elementById,
    flowById,
    assetById: new Map(model.assets.map((a) => [a.id, a])),
    controlById: new Map(assessment.controls.map((c) => [c.id, c])),
    assessedById,
    riskById: new Map(overview.risks.map((r) => [r.threatId, r])),
    threatsByTarget,
    threatsByControl,
    decision(threatId) {
      const a = assessedById.get(threatId);
      return { status: a?.status ?? "open", justification: a?.justification ?? "", decidedBy: a?.decidedBy ?? "", decidedAt: a?.decidedAt ?? "" };
    },
    targetName(id) {
      const flow = flowById.get(id);
      return elementById.get(id)?.name ?? (flow ? flow.name || flowLabel(flow, elementById) : id);
    },
  };
  contexts.set(input, context);
  return context;
}

export function push<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

// ---------------------------------------------------------------------------------------------
// Labels

/** An enum value in words, e.g. "security-feature-test" → "security feature test". */
export const words = (value: string) => value.replace(/-/g, " ");
export const yesNo = (value: boolean) => (value ? "yes" : "no");
export const joined = (items: readonly string[], separator = ", ") => (items.length ? items.join(separator) : NONE);

/** "Process", "Data store", "External entity" or "Data flow". */
export const targetKindLabel = (kind: string) => (kind === "flow" ? "Data flow" : label(kind));

/** "Pump firmware (process)". */
export const elementLabel = (element: Element) => `${element.name} (${label(element.type).toLowerCase()})`;

/** "Phone app → Pump" (the arrow points both ways for a two-way flow). */
export function flowLabel(flow: Flow, elements: ReadonlyMap<string, Element>): string {
  const end = (id: string) => elements.get(id)?.name ?? id;
  return `${end(flow.from)} ${flow.direction === "two-way" ? "↔" : "→"} ${end(flow.to)}`;
}

/** "Bolus command (Therapy command or setting)". */
export const assetLabel = (asset: Asset) => `${asset.name} (${label(asset.kind)})`;

/** "high / high / medium" for confidentiality / integrity / availability. */
export const ciaText = (asset: Asset) => [asset.confidentiality, asset.integrity, asset.availability].map((l) => label(l).toLowerCase()).join(" / ");

export const statusLabel = (status: ThreatStatus) => STATUS_LABELS[status];

export const strideName = (id: string) => STRIDE_THREAT_CATEGORIES.find((s) => s.id === id)?.name ?? id;

export const controlTypeName = (type: string) => RISK_CONTROL_PRIORITY.find((p) => p.id === type)?.name ?? words(type);

export const capabilityText = (codes: readonly string[]) => joined(codes.map((c) => `${c} ${capabilityByCode(c)?.name ?? ""}`.trim()));

/** Plain text with an id in code, e.g. `Pump firmware` + `pump`. */
export const named = (name: string, id: string): Content => [`${name} `, { text: id, code: true }];

// ---------------------------------------------------------------------------------------------
// Risk wording

/** "CVSS 8.1 (high), medium exploitability" or "not scored, high exploitability (worst case assumed)". */
export function phaseText(phase: PhaseRisk): string {
  const score = phase.score !== undefined ? `CVSS ${phase.score.toFixed(1)} (${phase.band})` : "not scored";
  return `${score}, ${words(phase.exploitability)} exploitability${phase.assumed ? " (worst case assumed)" : ""}`;
}

export const verdict = (acceptable: boolean) => (acceptable ? "acceptable" : "unacceptable");

/** The after phase, saying so when it repeats the before phase. */
export const afterText = (risk: ThreatRisk) => (risk.after.sameAsBefore ? "as before (no scores after controls)" : phaseText(risk.after));

/** "safety: critical harm (hazard missed-alarm)", "safety: catastrophic harm (no hazard linked: worst case)", "security". */
export function riskKindText(risk: ThreatRisk): string {
  if (risk.kind === "security") return "security";
  const hazard = risk.hazard ? `hazard ${risk.hazard.id}` : "no hazard linked: worst case";
  return `safety: ${risk.severity} harm (${hazard}${risk.multiPatient ? ", many patients" : ""})`;
}

/** The threats whose decision is still open, in analysis order. */
export const openThreats = (ctx: ReportContext) => ctx.analysis.threats.filter((t) => ctx.decision(t.id).status === "open");

/** The applicable threats whose risk after controls is unacceptable. */
export const unacceptableRisks = (ctx: ReportContext) => ctx.overview.risks.filter((r) => !r.after.acceptable);

export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

// ---------------------------------------------------------------------------------------------
// Diagrams and sections

/** One diagram block per diagram of the model (id `diagram-<id>`), then the whole model (id `whole-model`). */
/** Above this many elements a drawing cannot be read on a page (and takes Chromium a minute): the documents list such diagrams' content in tables instead. */
export const MAX_DRAWN_ELEMENTS = 120;

/**
 * A diagram block for (part of) a model, drawn top to bottom to suit portrait pages; a diagram too
 * large to read on a page becomes a note saying so and where its content is listed.
 */
export function diagramBlock(d: { id: string; title: string; model: Model; diagramId?: string; flagged?: readonly string[]; caption?: string }): Block {
  const { elements } = diagramContent(d.model, d.diagramId);
  if (elements.length > MAX_DRAWN_ELEMENTS)
    return {
      kind: "note",
      tone: "info",
      content: `${d.title}: ${plural(elements.length, "element")} are too many to draw legibly on a page (the documents draw diagrams of up to ${MAX_DRAWN_ELEMENTS}); their elements and flows are listed in the tables of the threat model report. Split the model into smaller diagrams to have them drawn.`,
    };
  return { kind: "diagram", id: d.id, title: d.title, mermaid: toMermaid(d.model, d.diagramId, { direction: "TB", flagged: d.flagged }), caption: d.caption };
}

export function diagramBlocks(model: Model): Block[] {
  const blocks: Block[] = model.diagrams.map((d) => {
    const content = diagramContent(model, d.id);
    return diagramBlock({
      id: `diagram-${d.id}`,
      title: d.name,
      model,
      diagramId: d.id,
      caption: [d.description.trim(), `${plural(content.elements.length, "element")}, ${plural(content.flows.length, "data flow")}.`].filter(Boolean).join(" "),
    });
  });
  blocks.push(
    diagramBlock({
      id: "whole-model",
      title: "Whole model",
      model,
      caption: `Every element and data flow of the model: ${plural(model.elements.length, "element")}, ${plural(model.flows.length, "data flow")}, ${plural(model.boundaries.length, "trust boundary", "trust boundaries")}.`,
    }),
  );
  return blocks;
}

/** A numbered section of a document, so that other documents can say where something is. */
export interface Section {
  number: string;
  title: string;
  id: string;
}

export const sectionHeading = (s: Section, level: 2 | 3 = 2): Block => ({ kind: "heading", level, text: `${s.number} ${s.title}`, id: s.id });

/** How another document cites a section: "Threat model report §3 Element inventory". */
export const sectionRef = (document: DocumentId, s: Section) => `${DOCUMENT_TITLES[document]} §${s.number} ${s.title}`;
