import { CAPABILITY_CODES, capabilityByCode, type CapabilityCode } from "../../catalog";
import { parentMap } from "../../model/mermaid";
import type { Element, Flow, Model } from "../../model/schema";
import { label, PHYSICAL_CHANNELS, WIRELESS_CHANNELS, type Channel } from "../../model/vocabulary";
import type { ProjectControl } from "../../risk/assessment";
import type { Block, ReportDocument } from "../document";
import type { ReportInput } from "../input";
import { joined, makeDocument, NONE, plural, reportContext, yesNo, type ReportContext } from "./common";
import { controlCapabilities, crossesTrustBoundary, gap } from "./security-facts";

/**
 * Security capability disclosure in the structure of the MDS2 form (2019): the sections of the form
 * as encoded by a public parser (reference.md §3.2), each IEC TR 80001-2-2 capability answered from
 * the project's controls and the model. It is not the official form.
 *
 * Answer of a capability: "yes" when an implemented or verified project control provides it (a
 * project control's own capabilities, or its library entry's when it lists none), or when the model
 * states the protection on every element or flow it concerns; "planned" when only proposed controls
 * provide it; "not applicable" when the model has nothing the capability could apply to; else "no".
 */

export type Mds2Answer = "yes" | "planned" | "no" | "not-applicable";
export const MDS2_ANSWER_LABELS: Record<Mds2Answer, string> = {
  yes: "Yes",
  planned: "No (planned)",
  no: "No",
  "not-applicable": "N/A",
};

export interface CapabilityDisclosure {
  code: CapabilityCode;
  name: string;
  answer: Mds2Answer;
  basis: "project controls" | "model" | "none";
  note: string;
  controls: ProjectControl[];
}

/** Sections of the 2019 form in its order; CNFS, which the parser's encoding lacks, sits with the capabilities in IEC TR 80001-2-2 order. */
export const MDS2_SECTIONS = [
  "DOC", "MPII", "ALOF", "AUDT", "AUTH", "CNFS", "CSUP", "DIDT", "DTBK", "EMRG", "IGAU", "MLDP",
  "NAUT", "CONN", "PAUT", "PLOK", "RDMP", "SBOM", "SAHD", "SGUD", "STCF", "TXCF", "TXIG", "RMOT",
] as const;

const ADDED_SECTIONS: Record<string, string> = {
  DOC: "Device description",
  MPII: "Management of personally identifiable information",
  CONN: "Connectivity capabilities",
  SBOM: "Software bill of materials",
  RMOT: "Remote service",
};

const HEALTH_DATA = ["patient-data", "diagnostic-data"];
const NETWORK: readonly Channel[] = ["ethernet", "wifi", "cellular", "internet", "ble", "nfc-inductive"];

interface ModelView {
  model: Model;
  processes: Extract<Element, { type: "process" }>[];
  stores: Extract<Element, { type: "data-store" }>[];
  persons: Element[];
  /** Flows across a trust boundary, except user interfaces. */
  links: Flow[];
  healthAssets: Set<string>;
}

function modelView(model: Model): ModelView {
  const parent = parentMap(model);
  return {
    model,
    processes: model.elements.filter((e): e is Extract<Element, { type: "process" }> => e.type === "process"),
    stores: model.elements.filter((e): e is Extract<Element, { type: "data-store" }> => e.type === "data-store"),
    persons: model.elements.filter((e) => e.type === "external-entity" && e.kind === "person"),
    links: model.flows.filter((f) => f.channel !== "user-interface" && crossesTrustBoundary(model, f, parent)),
    healthAssets: new Set(model.assets.filter((a) => HEALTH_DATA.includes(a.kind)).map((a) => a.id)),
  };
}

interface ModelFinding {
  /** Set when nothing in the model can have the capability. */
  notApplicable?: string;
  /** The model states the protection everywhere it applies. */
  complete?: boolean;
  facts: string[];
}

/** How many of the items have a property, naming those that do not: "3 of 5 processes (not: a, b)". */
function share<T extends { id: string }>(items: readonly T[], has: (x: T) => boolean, what: string): { all: boolean; text: string } {
  const missing = items.filter((x) => !has(x)).map((x) => x.id);
  return {
    all: items.length > 0 && missing.length === 0,
    text: `${items.length - missing.length} of ${items.length} ${what}${missing.length ? ` (not: ${missing.join(", ")})` : ""}`,
  };
}

function findModel(code: CapabilityCode, v: ModelView, kind: Model["project"]["deviceKind"]): ModelFinding {
  const interactive = v.model.flows.some((f) => v.persons.some((p) => p.id === f.from || p.id === f.to));
  const healthStores = v.stores.filter((s) => s.assets.some((a) => v.healthAssets.has(a)));
  const software = [...v.processes, ...v.stores].flatMap((e) => e.thirdPartySoftware);
  switch (code) {
    case "ALOF":
    case "AUTH":
    case "EMRG":
    case "PAUT": {
      if (!interactive) return { notApplicable: "no person interacts with the system in the model", facts: [] };
      if (code === "EMRG" && !v.healthAssets.size) return { notApplicable: "the model has no patient or diagnostic data", facts: [] };
      if (code === "PAUT") {
        const inbound = v.model.flows.filter((f) => v.persons.some((p) => p.id === f.from));
        const s = share(inbound, (f) => f.authentication.from.enabled, "flows from people");
        return { facts: [`Model: the person is authenticated on ${s.text}.`] };
      }
      return { facts: [] };
    }
    case "AUDT": {
      const s = share(v.processes, (p) => p.auditLog, "processes");
      return { facts: v.processes.length ? [`Model: ${s.text} keep an audit log.`] : [] };
    }
    case "CSUP": {
      if (!v.processes.length) return { notApplicable: "the model has no process", facts: [] };
      const updatable = v.processes.filter((p) => p.update.method !== "none");
      return {
        facts: [
          `Model: ${updatable.length} of ${plural(v.processes.length, "process", "processes")} can be updated` +
            (updatable.length ? ` (${updatable.map((p) => `${p.id}: ${label(p.update.method).toLowerCase()}${p.update.codeSigned ? ", signed" : ""}`).join("; ")})` : "") +
            ".",
        ],
      };
    }
    case "DIDT":
      return v.healthAssets.size ? { facts: [] } : { notApplicable: "the model has no patient or diagnostic data", facts: [] };
    case "DTBK":
      return v.stores.length ? { facts: [] } : { notApplicable: "the model has no data store", facts: [] };
    case "IGAU":
    case "STCF": {
      if (!healthStores.length) return { notApplicable: "no data store of the model holds patient or diagnostic data", facts: [] };
      if (code === "IGAU") return { facts: [] };
      const s = share(healthStores, (x) => x.encryptedAtRest, "data stores with health data");
      return { complete: s.all, facts: [`Model: ${s.text} are encrypted at rest.`] };
    }
    case "NAUT":
    case "TXCF":
    case "TXIG": {
      if (!v.links.length) return { notApplicable: "no data flow of the model crosses a trust boundary", facts: [] };
      const relevant = code === "TXCF" ? v.links.filter((f) => f.assets.some((a) => v.healthAssets.has(a))) : v.links;
      if (!relevant.length) return { notApplicable: "no data flow across a trust boundary carries patient or diagnostic data", facts: [] };
      const test = (f: Flow) =>
        code === "NAUT" ? f.authentication.from.enabled && f.authentication.to.enabled : code === "TXCF" ? f.encryption.enabled : f.messageIntegrity || f.encryption.enabled;
      const what = code === "NAUT" ? "are authenticated at both ends" : code === "TXCF" ? "are encrypted" : "are integrity-protected or encrypted";
      const s = share(relevant, test, code === "TXCF" ? "flows across trust boundaries carrying health data" : "flows across trust boundaries");
      return { complete: s.all, facts: [`Model: ${s.text} ${what}.`] };
    }
    case "PLOK":
      return kind === "software" ? { notApplicable: "medical device software: the hardware it runs on is not part of the device", facts: [] } : { facts: [] };
    case "RDMP":
      return software.length ? { facts: [`Model: ${plural(software.length, "third-party component")}.`] } : { notApplicable: "the model lists no third-party software", facts: [] };
    default:
      return { facts: [] };
  }
}

function controlText(c: ProjectControl): string {
  const passed = c.evidence.filter((e) => e.result !== "failed");
  const evidence = passed.length ? `; evidence: ${passed.map((e) => `${e.reference} (${e.result.replace(/-/g, " ")}, ${e.date})`).join(", ")}` : "";
  return `${c.title} (${c.status}${evidence})`;
}

export function capabilityDisclosures(ctx: ReportContext): CapabilityDisclosure[] {
  const view = modelView(ctx.model);
  return CAPABILITY_CODES.map((code) => {
    const controls = ctx.assessment.controls.filter((c) => controlCapabilities(c).includes(code));
    const inPlace = controls.filter((c) => c.status !== "proposed");
    const planned = controls.filter((c) => c.status === "proposed");
    const finding = findModel(code, view, ctx.model.project.deviceKind);
    const answer: Mds2Answer = inPlace.length || finding.complete ? "yes" : planned.length ? "planned" : finding.notApplicable ? "not-applicable" : "no";
    const parts = [
      inPlace.length ? `Provided by ${inPlace.map(controlText).join("; ")}.` : "",
      planned.length ? `Planned: ${planned.map(controlText).join("; ")}.` : "",
      answer === "not-applicable" ? `Not applicable: ${finding.notApplicable}.` : "",
      ...finding.facts,
      answer === "no" ? "No project control provides this capability." : "",
    ].filter(Boolean);
    return {
      code,
      name: capabilityByCode(code).name,
      answer,
      basis: inPlace.length || planned.length ? "project controls" : finding.complete || finding.notApplicable ? "model" : "none",
      note: parts.join(" "),
      controls,
    };
  });
}

const answerText = (d: CapabilityDisclosure) => `${MDS2_ANSWER_LABELS[d.answer]}${d.note ? " — see note" : ""}`;

export function build(input: ReportInput): ReportDocument {
  const ctx = reportContext(input);
  const view = modelView(ctx.model);
  const disclosures = capabilityDisclosures(ctx);
  const byCode = new Map(disclosures.map((d) => [d.code as string, d]));
  const blocks: Block[] = [
    {
      kind: "note",
      tone: "warning",
      content:
        "In the structure of the MDS2 form, not the official form. The Manufacturer Disclosure Statement for Medical Device Security (MDS2, 2019 form; " +
        "the designation ANSI/NEMA HN 1-2019 is unverified [U]) is published by NEMA and HIMSS; its question numbers and wording are not reproduced here. " +
        "Sections follow the 2019 form as encoded by a public MDS2 parser [V2] (reference.md §3.2).",
    },
    {
      kind: "paragraph",
      content:
        "MDCG 2019-16 §4.3 and §2.6.2 and the FDA premarket guidance (June 2025) §VI.A name the MDS2 as a vehicle for security information to customers. " +
        "Answers are Yes, No or N/A with a note (the form's exact answer set is unverified [U]). A capability is answered Yes when an implemented or verified " +
        "project control provides it, or when the model states the protection on every element or flow it concerns; No (planned) when only proposed controls provide it; " +
        "N/A when the model has nothing it could apply to. The one-line meanings of the IEC TR 80001-2-2 capabilities are paraphrases not checked against the text of IEC TR 80001-2-2 [U].",
    },
    { kind: "heading", level: 2, text: "Summary of security capabilities", id: "summary" },
    {
      kind: "table",
      id: "capabilities",
      caption: "The 19 security capabilities of IEC TR 80001-2-2",
      columns: [
        { key: "code", header: "Code" },
        { key: "capability", header: "Capability", width: 2 },
        { key: "answer", header: "Answer" },
        { key: "basis", header: "Basis" },
        { key: "note", header: "Note", width: 5 },
      ],
      rows: disclosures.map((d) => ({ code: d.code, capability: d.name, answer: answerText(d), basis: d.basis, note: d.note || NONE })),
    },
  ];
  for (const section of MDS2_SECTIONS) {
    const d = byCode.get(section);
    if (d) blocks.push(...capabilitySection(d));
    else blocks.push(...addedSection(section, ctx, view));
  }
  return makeDocument("mds2", input, blocks);
}

function capabilitySection(d: CapabilityDisclosure): Block[] {
  const cap = capabilityByCode(d.code);
  const blocks: Block[] = [
    { kind: "heading", level: 2, text: `${d.code} — ${d.name}`, id: d.code.toLowerCase() },
    { kind: "paragraph", content: `${cap.paraphrase} [U]` },
    { kind: "paragraph", content: [{ text: "Answer:", strong: true }, ` ${answerText(d)}`] },
  ];
  if (d.note) blocks.push({ kind: "paragraph", content: `Note: ${d.note}` });
  if (d.code === "CNFS")
    blocks.push({ kind: "note", tone: "info", content: "The parser's encoding of the 2019 form has no CNFS section; where the form asks about it is unverified [U]." });
  return blocks;
}

function addedSection(section: string, ctx: ReportContext, view: ModelView): Block[] {
  const heading: Block = { kind: "heading", level: 2, text: `${section} — ${ADDED_SECTIONS[section]}`, id: section.toLowerCase() };
  switch (section) {
    case "DOC":
      return [heading, ...docSection(ctx)];
    case "MPII":
      return [heading, ...personalDataSection(ctx, view)];
    case "CONN":
      return [heading, ...connectivitySection(ctx, view)];
    case "SBOM":
      return [heading, ...sbomSection(ctx)];
    case "RMOT":
      return [heading, ...remoteSection(ctx)];
    default:
      return [heading];
  }
}

function docSection(ctx: ReportContext): Block[] {
  const p = ctx.model.project;
  return [
    {
      kind: "definitions",
      items: [
        { term: "Device", description: p.device.name },
        { term: "Version", description: p.device.version || gap("the device version.") },
        { term: "Kind", description: label(p.deviceKind) },
        { term: "Regulation", description: p.regulation },
        { term: "Intended purpose", description: p.intendedPurpose || gap("the intended purpose.") },
        { term: "Intended environments", description: p.environments.length ? p.environments.map(label).join(", ") : gap("the intended environments.") },
        { term: "Manufacturer", description: gap("manufacturer name, contact for security questions, model number and document date.") },
      ],
    },
  ];
}

function personalDataSection(ctx: ReportContext, view: ModelView): Block[] {
  const assets = ctx.model.assets.filter((a) => a.kind === "patient-data");
  if (!assets.length) return [{ kind: "paragraph", content: "The device handles personal data: no (the model has no asset of kind patient data)." }];
  const flowName = (f: Flow) => `${f.name || f.id} (${label(f.channel)}${f.encryption.enabled ? ", encrypted" : ", not encrypted"})`;
  return [
    { kind: "paragraph", content: `The device handles personal data: yes (${plural(assets.length, "asset")} of kind patient data in the model).` },
    {
      kind: "table",
      id: "personal-data",
      caption: "Personal data the system handles",
      columns: [
        { key: "asset", header: "Data", width: 2 },
        { key: "protection", header: "Confidentiality / integrity / availability" },
        { key: "stored", header: "Stored in", width: 3 },
        { key: "transmitted", header: "Transmitted by", width: 4 },
      ],
      rows: assets.map((a) => ({
        asset: `${a.name} (${a.id})`,
        protection: [a.confidentiality, a.integrity, a.availability].join(" / "),
        stored: joined(view.stores.filter((s) => s.assets.includes(a.id)).map((s) => `${s.name} (encrypted at rest: ${yesNo(s.encryptedAtRest)})`), "; "),
        transmitted: joined(ctx.model.flows.filter((f) => f.assets.includes(a.id)).map(flowName), "; "),
      })),
    },
  ];
}

function connectivitySection(ctx: ReportContext, view: ModelView): Block[] {
  const channels = (list: readonly Channel[]) => [...new Set(ctx.model.flows.map((f) => f.channel).filter((c) => list.includes(c)))].map(label);
  const ends = (f: Flow) => `${ctx.elementById.get(f.from)?.name ?? f.from} ${f.direction === "two-way" ? "↔" : "→"} ${ctx.elementById.get(f.to)?.name ?? f.to}`;
  return [
    {
      kind: "definitions",
      items: [
        { term: "Wireless", description: joined(channels(WIRELESS_CHANNELS)) },
        { term: "Network", description: joined(channels(["ethernet", "internet"])) },
        { term: "Physical ports and media", description: joined(channels(PHYSICAL_CHANNELS)) },
      ],
    },
    {
      kind: "table",
      id: "connectivity",
      caption: "Connections across trust boundaries (user interfaces left out)",
      columns: [
        { key: "flow", header: "Flow", width: 2 },
        { key: "channel", header: "Channel" },
        { key: "protocol", header: "Protocol", width: 2 },
        { key: "between", header: "Between", width: 3 },
        { key: "encrypted", header: "Encrypted" },
        { key: "authenticated", header: "Both ends authenticated" },
      ],
      rows: view.links.map((f) => ({
        flow: `${f.name || f.id} (${f.id})`,
        channel: label(f.channel),
        protocol: f.protocol || NONE,
        between: ends(f),
        encrypted: yesNo(f.encryption.enabled),
        authenticated: yesNo(f.authentication.from.enabled && f.authentication.to.enabled),
      })),
    },
  ];
}

function sbomSection(ctx: ReportContext): Block[] {
  const components = new Map<string, { name: string; version: string; supplier: string; usedIn: string[] }>();
  for (const e of ctx.model.elements) {
    if (e.type === "external-entity") continue;
    for (const s of e.thirdPartySoftware) {
      const key = `${s.name}\u0000${s.version}\u0000${s.supplier}`;
      const entry = components.get(key) ?? { ...s, usedIn: [] };
      entry.usedIn.push(e.name);
      components.set(key, entry);
    }
  }
  const rows = [...components.values()].sort((a, b) => a.name.localeCompare(b.name) || a.version.localeCompare(b.version));
  const blocks: Block[] = [
    {
      kind: "paragraph",
      content:
        "Third-party software listed in the model. This is not a machine-readable SBOM: the FDA premarket guidance expects one per the NTIA minimum elements, " +
        "with each component's level of support and end-of-support date (reference.md §6.3). " +
        gap("the machine-readable SBOM with transitive dependencies, level of support and end-of-support date of each component."),
    },
  ];
  if (!rows.length) return [...blocks, { kind: "paragraph", content: "The model lists no third-party software." }];
  blocks.push({
    kind: "table",
    id: "sbom",
    caption: "Third-party software in the model",
    columns: [
      { key: "component", header: "Component", width: 2 },
      { key: "version", header: "Version" },
      { key: "supplier", header: "Supplier", width: 2 },
      { key: "usedIn", header: "Used in", width: 3 },
    ],
    rows: rows.map((c) => ({ component: c.name, version: c.version || NONE, supplier: c.supplier || NONE, usedIn: c.usedIn.join(", ") })),
  });
  return blocks;
}

const SERVICE_ROLES = ["service-technician", "it-administrator"];
const SERVICE_ASSETS = ["firmware", "configuration"];

function remoteSection(ctx: ReportContext): Block[] {
  const assetKind = (id: string) => ctx.assetById.get(id)?.kind ?? "";
  const serviceFlows = ctx.model.flows.filter((f) => {
    const ends = [ctx.elementById.get(f.from), ctx.elementById.get(f.to)];
    const byServicePerson = ends.some((e) => e?.type === "external-entity" && e.kind === "person" && SERVICE_ROLES.includes(e.role ?? ""));
    return byServicePerson || f.assets.some((a) => SERVICE_ASSETS.includes(assetKind(a)));
  });
  const remote = serviceFlows.filter((f) => NETWORK.includes(f.channel));
  const blocks: Block[] = [
    {
      kind: "paragraph",
      content:
        `Remote service per the model: ${remote.length ? "yes" : "no"}. Service connections are flows with a service technician or IT administrator, ` +
        "or carrying firmware or configuration; they are remote when they run over a network or radio channel. " +
        gap("how remote service sessions are started, authorised and logged, and whether the customer can refuse them."),
    },
  ];
  if (!serviceFlows.length) return blocks;
  blocks.push({
    kind: "table",
    id: "remote-service",
    caption: "Service and maintenance connections",
    columns: [
      { key: "flow", header: "Flow", width: 2 },
      { key: "between", header: "Between", width: 3 },
      { key: "channel", header: "Channel" },
      { key: "remote", header: "Remote" },
      { key: "data", header: "Data", width: 2 },
      { key: "authenticated", header: "Initiator authenticated" },
    ],
    rows: serviceFlows.map((f) => ({
      flow: `${f.name || f.id} (${f.id})`,
      between: `${ctx.elementById.get(f.from)?.name ?? f.from} → ${ctx.elementById.get(f.to)?.name ?? f.to}`,
      channel: label(f.channel),
      remote: yesNo(NETWORK.includes(f.channel)),
      data: joined(f.assets.map((a) => ctx.assetById.get(a)?.name ?? a)),
      authenticated: yesNo(f.initiator === "from" ? f.authentication.from.enabled : f.authentication.to.enabled),
    })),
  });
  return blocks;
}
