import { HEALTHCARE_PROVIDER_INFORMATION, MINIMUM_IT_REQUIREMENTS, type HealthcareProviderInformation } from "../../catalog";
import { parentMap } from "../../model/mermaid";
import type { Element, Flow, Model } from "../../model/schema";
import { label, type Channel } from "../../model/vocabulary";
import type { ProjectControl } from "../../risk/assessment";
import type { Block, ReportDocument } from "../document";
import type { ReportInput } from "../input";
import {
  afterText,
  controlTypeName,
  diagramBlock,
  joined,
  makeDocument,
  NONE,
  plural,
  reportContext,
  riskKindText,
  statusLabel,
  verdict,
  yesNo,
  type ReportContext,
} from "./common";
import { controlCapabilities, crossesTrustBoundary, flowPorts, GAP, gap, operatorText } from "./security-facts";

/**
 * Security information for users: a draft of the IFU and labelling text (MDR Annex I 17.4, 23.1(g),
 * 23.4(g), (h), (i), (k), (ab) or the IVDR equivalents, as MDCG 2019-16 §4.2 reads them; the nine
 * items of §4.3; FDA premarket guidance (June 2025) §VI.A labeling). What the model cannot supply
 * is marked "To be completed by the manufacturer: …".
 *
 * The ports and interfaces table has one row per data flow that crosses a trust boundary; flows
 * inside one boundary are internal to a component and are only named below the table.
 */

const CLAUSES = {
  MDR: {
    minimumIt: "MDR Annex I 17.4 and 23.4(ab)",
    residual: "MDR Annex I 23.1(g), 23.2(m) and 23.4(g)",
    itCharacteristics: "MDR Annex I 23.4(h)",
    compatibility: "MDR Annex I 23.4(q)",
    installation: "MDR Annex I 23.4(i) and 23.4(k)",
    environment: "MDR Annex I 23.4(ab)",
  },
  IVDR: {
    minimumIt: "IVDR Annex I 16.4 and 20.4.1(ah)",
    residual: "IVDR Annex I 20.1(g) and 20.2(m)",
    itCharacteristics: "MDCG 2019-16 §4.2 (it names no IVDR clause for this)",
    compatibility: "IVDR Annex I 20.4.1(j)",
    installation: "IVDR Annex I 20.4.1(r) and 20.4.1(s)",
    environment: "IVDR Annex I 20.4.1(ah)",
  },
} as const;

/** Channels that carry IP traffic, where a port number belongs in the table. */
const IP_CHANNELS: readonly Channel[] = ["ethernet", "wifi", "cellular", "internet"];

const inPlace = (c: ProjectControl) => c.status !== "proposed";
const statusText = (c: ProjectControl) => (c.status === "proposed" ? "proposed (not yet in place)" : c.status);

function protection(p: { enabled: boolean; method: string }): string {
  return p.enabled ? (p.method ? `yes (${p.method})` : "yes") : "no";
}

interface Facts {
  ctx: ReportContext;
  model: Model;
  parent: Map<string, string>;
  crossing: Flow[];
  internal: Flow[];
  operatorControls: ProjectControl[];
  clauses: (typeof CLAUSES)[keyof typeof CLAUSES];
}

function facts(input: ReportInput): Facts {
  const ctx = reportContext(input);
  const model = ctx.model;
  const parent = parentMap(model);
  const crossing = model.flows.filter((f) => crossesTrustBoundary(model, f, parent));
  return {
    ctx,
    model,
    parent,
    crossing,
    internal: model.flows.filter((f) => !crossesTrustBoundary(model, f, parent)),
    operatorControls: ctx.assessment.controls.filter((c) => c.transfersToOperator || c.type === "information-for-security"),
    clauses: CLAUSES[model.project.regulation],
  };
}

const nameOf = (f: Facts, id: string) => f.ctx.elementById.get(id)?.name ?? id;
const boundaryName = (f: Facts, id: string) => {
  const b = f.parent.get(id);
  return b ? f.model.boundaries.find((x) => x.id === b)?.name ?? b : "outside all trust boundaries";
};

export function build(input: ReportInput): ReportDocument {
  const f = facts(input);
  return makeDocument("ifu-security", input, [
    ...introBlocks(f),
    ...environmentBlocks(f),
    ...minimumItBlocks(f),
    ...interfaceBlocks(f),
    ...operatorControlBlocks(f),
    ...residualRiskBlocks(f),
    ...updateBlocks(f),
    ...backupBlocks(f),
    ...healthcareProviderBlocks(f),
  ]);
}

function introBlocks(f: Facts): Block[] {
  return [
    {
      kind: "note",
      tone: "info",
      content:
        "Draft generated from the threat model and the risk assessment, for the manufacturer to edit into the instructions for use, labelling and security guide. " +
        `Every place where the model cannot supply what users need says "${GAP} …".`,
    },
    {
      kind: "paragraph",
      content:
        `Contents follow MDCG 2019-16 Rev.1 §4.2 (how the IFU clauses of ${f.model.project.regulation} Annex I are read for cybersecurity), ` +
        "§4.3 (the information healthcare providers need, nine items) and §3.6 (indicative minimum IT requirements), and the labeling " +
        "recommendations of the FDA premarket cybersecurity guidance (June 2025) §VI.A.",
    },
  ];
}

function environmentBlocks(f: Facts): Block[] {
  const p = f.model.project;
  const blocks: Block[] = [
    { kind: "heading", level: 2, text: "Intended use environment", id: "environment" },
    {
      kind: "definitions",
      items: [
        { term: "Device", description: `${p.device.name}${p.device.version ? ` ${p.device.version}` : ""} (${label(p.deviceKind)})` },
        { term: "Intended purpose", description: p.intendedPurpose || gap("the intended purpose.") },
        { term: "Intended environments", description: p.environments.length ? p.environments.map(label).join(", ") : gap("the intended environments of use.") },
        { term: "Intended users", description: p.intendedUsers.length ? p.intendedUsers.join("; ") : gap("the intended users.") },
      ],
    },
  ];
  if (p.assumptions.length)
    blocks.push(
      { kind: "paragraph", content: "The security of the device rests on these assumptions about its environment:" },
      { kind: "list", items: p.assumptions.map((a) => [{ text: a.id, code: true }, `: ${a.text}`]) },
    );
  const outside = f.ctx.assessment.controls.find((c) => c.libraryId === "ctl-ifu-minimum-it-requirements" && c.ifuText);
  blocks.push({
    kind: "paragraph",
    content: `Use outside the intended environment (${f.clauses.environment}; MDCG 2019-16 §4.3 item 9): ${
      outside ? outside.ifuText : gap("the risks of using the device outside these environments.")
    }`,
  });
  return blocks;
}

const PLATFORM: Record<string, string> = {
  "embedded-firmware": "Runs on the device's own hardware; no platform is needed from the user.",
  "mobile-app": gap("the supported smartphone or tablet operating systems and versions, and the hardware they need."),
  "desktop-application": gap("the workstation hardware, operating system versions and peripherals it needs."),
  "web-application": gap("the supported web browsers and versions, and the workstation they run on."),
  "cloud-service": gap("who hosts the service, where, and what the user must provide to reach it."),
  "server-application": gap("the server hardware, operating system and middleware it needs, and who provides them."),
  database: gap("the database platform and who provides it."),
  "file-storage": gap("the storage it needs and who provides it."),
  "removable-storage": gap("the removable media supported."),
  other: gap("the platform it runs on and who provides it."),
};

function minimumItBlocks(f: Facts): Block[] {
  const hosted = f.model.elements.filter((e): e is Exclude<Element, { type: "external-entity" }> => e.type !== "external-entity");
  const systems = f.model.elements.filter((e) => e.type === "external-entity" && e.kind !== "person");
  const channels = new Map<Channel, Flow[]>();
  for (const flow of f.crossing) if (flow.channel !== "user-interface" && flow.channel !== "internal") channels.set(flow.channel, [...(channels.get(flow.channel) ?? []), flow]);
  const flowsOf = (id: string) => f.model.flows.filter((x) => x.from === id || x.to === id);
  const blocks: Block[] = [
    { kind: "heading", level: 2, text: "Minimum IT requirements", id: "minimum-it-requirements" },
    {
      kind: "paragraph",
      content:
        `${f.clauses.minimumIt}: the minimum hardware, IT-network characteristics and IT-security measures, incl. protection against unauthorised access, needed to run the software as intended. ` +
        `${f.clauses.compatibility}: compatibility with the operating environment, e.g. minimum workstation requirements. ` +
        `${f.clauses.itCharacteristics}: the device's IT characteristics, e.g. operating-system specifications (MDCG 2019-16 §4.2). ` +
        "The platforms and systems below come from the model.",
    },
    {
      kind: "table",
      id: "platforms",
      caption: "Software components and the platform each needs",
      columns: [
        { key: "component", header: "Component", width: 2 },
        { key: "technology", header: "Technology" },
        { key: "location", header: "Where it runs", width: 2 },
        { key: "software", header: "Third-party software", width: 2 },
        { key: "platform", header: "Platform requirement", width: 3 },
      ],
      rows: hosted.map((e) => ({
        component: `${e.name} (${e.id})`,
        technology: label(e.technology),
        location: boundaryName(f, e.id),
        software: joined(e.thirdPartySoftware.map((s) => [s.name, s.version, s.supplier ? `(${s.supplier})` : ""].filter(Boolean).join(" "))),
        platform: PLATFORM[e.technology] ?? PLATFORM.other,
      })),
    },
  ];
  if (systems.length)
    blocks.push({
      kind: "table",
      id: "external-systems",
      caption: "Other systems the device works with",
      columns: [
        { key: "system", header: "System", width: 2 },
        { key: "kind", header: "Kind" },
        { key: "interfaces", header: "Connected through", width: 3 },
        { key: "requirement", header: "Requirement on the environment", width: 3 },
      ],
      rows: systems.map((e) => {
        const flows = flowsOf(e.id);
        const via = [...new Set(flows.map((x) => `${x.protocol || label(x.channel)} over ${label(x.channel)}`))];
        return {
          system: `${e.name} (${e.id})`,
          kind: e.type === "external-entity" ? label(e.kind) : label(e.type),
          interfaces: joined(flows.map((x) => `${x.name || x.id} (${x.protocol || label(x.channel)})`), "; "),
          requirement: via.length ? `Must be available and reachable using ${via.join("; ")}.` : gap("how the device reaches this system."),
        };
      }),
    });
  blocks.push(
    { kind: "paragraph", content: "Network and interface characteristics the device needs (from the flows that cross a trust boundary):" },
    {
      kind: "list",
      items: channels.size
        ? [...channels].map(([channel, flows]) => `${label(channel)}: ${flows.map((x) => x.name || x.id).join("; ")}.`)
        : ["The model has no flow over a network or physical port that crosses a trust boundary."],
    },
    {
      kind: "paragraph",
      content:
        "IT-security measures of the operating environment: see Recommended controls for the operating environment below. " +
        gap(
          "which of the indicative minimum IT requirements of MDCG 2019-16 §3.6 apply to this device, stated as requirements: " +
            MINIMUM_IT_REQUIREMENTS.map((r) => r.name).join("; ") +
            ".",
        ),
    },
  );
  return blocks;
}

function interfaceBlocks(f: Facts): Block[] {
  const ipWithoutPort = f.crossing.filter((x) => IP_CHANNELS.includes(x.channel) && !flowPorts(x).length);
  const end = (id: string) => `${nameOf(f, id)} (${boundaryName(f, id)})`;
  const blocks: Block[] = [
    { kind: "heading", level: 2, text: "Network ports and interfaces", id: "interfaces" },
    {
      kind: "paragraph",
      content: [
        "Every interface that sends or receives data across a trust boundary, with its function, direction and endpoints (MDCG 2019-16 §4.3 item 6; " +
          "FDA premarket guidance §VI.A). One row per data flow of the model that crosses a trust boundary; ports come from the flow's tags ",
        { text: "port:<number>", code: true },
        " or from its protocol.",
      ],
    },
    {
      kind: "table",
      id: "interfaces",
      caption: "Network ports and other interfaces",
      columns: [
        { key: "flow", header: "Flow", width: 2 },
        { key: "interface", header: "Interface" },
        { key: "protocol", header: "Protocol", width: 2 },
        { key: "port", header: "Port" },
        { key: "function", header: "Function (data carried)", width: 3 },
        { key: "direction", header: "Direction", width: 2 },
        { key: "endpoints", header: "Endpoints", width: 3 },
        { key: "encryption", header: "Encryption", width: 2 },
        { key: "authentication", header: "Authentication", width: 2 },
      ],
      rows: f.crossing.map((x) => {
        const ports = flowPorts(x);
        const assets = x.assets.map((id) => f.ctx.assetById.get(id)?.name ?? id);
        return {
          flow: `${x.name || x.id} (${x.id})`,
          interface: label(x.channel),
          protocol: x.protocol || NONE,
          port: ports.length ? ports.join(", ") : IP_CHANNELS.includes(x.channel) ? "not in the model" : NONE,
          function: assets.length ? `${x.name || x.id}: ${assets.join(", ")}` : x.name || x.id,
          direction: `${nameOf(f, x.from)} ${x.direction === "two-way" ? "↔" : "→"} ${nameOf(f, x.to)} (${label(x.direction).toLowerCase()}; opened by ${nameOf(f, x.initiator === "from" ? x.from : x.to)})`,
          endpoints: `${end(x.from)}; ${end(x.to)}`,
          encryption: protection(x.encryption),
          authentication: `${nameOf(f, x.from)}: ${protection(x.authentication.from)}; ${nameOf(f, x.to)}: ${protection(x.authentication.to)}`,
        };
      }),
    },
  ];
  if (!f.crossing.length) blocks.push({ kind: "paragraph", content: "No data flow of the model crosses a trust boundary." });
  if (f.internal.length)
    blocks.push({
      kind: "paragraph",
      content: `Not listed, as they stay inside one trust boundary: ${f.internal.map((x) => `${x.name || x.id} (${x.id})`).join("; ")}.`,
    });
  if (ipWithoutPort.length) blocks.push({ kind: "paragraph", content: gap(`the port numbers of ${plural(ipWithoutPort.length, "network interface")}: ${ipWithoutPort.map((x) => x.id).join(", ")}.`) });
  blocks.push(
    { kind: "paragraph", content: gap("confirm that every other port and interface is disabled, or list it (MDCG 2019-16 §4.3 item 6).") },
    diagramBlock({
      id: "network-diagram",
      title: "Data flows of the system",
      model: f.model,
      caption: "The whole model as a data-flow diagram (MDCG 2019-16 §4.3 item 7). " + gap("network addressing and segmentation for the end user's network diagram."),
    }),
  );
  return blocks;
}

function operatorControlBlocks(f: Facts): Block[] {
  const blocks: Block[] = [
    { kind: "heading", level: 2, text: "Recommended controls for the operating environment", id: "operator-controls" },
    {
      kind: "paragraph",
      content:
        `What users and operators must do so that the device stays secure (MDCG 2019-16 §4.3 item 1 and §3.3 information for security; ${f.clauses.environment}): ` +
        "the project's controls of type information for security and those that transfer risk to the operator, each with the text the IFU gives users.",
    },
  ];
  if (!f.operatorControls.length)
    return [...blocks, { kind: "paragraph", content: gap("the security controls recommended for the operating environment (e.g. anti-virus, firewall); no project control transfers risk to the operator.") }];
  blocks.push({
    kind: "table",
    id: "operator-controls",
    caption: "Controls users and operators carry out",
    columns: [
      { key: "control", header: "Control", width: 2 },
      { key: "type", header: "Type" },
      { key: "status", header: "Status" },
      { key: "action", header: "What users and operators must do", width: 4 },
    ],
    rows: f.operatorControls.map((c) => ({ control: `${c.title} (${c.id})`, type: controlTypeName(c.type), status: statusText(c), action: operatorText(c) })),
  });
  return blocks;
}

function residualRiskBlocks(f: Facts): Block[] {
  const { ctx } = f;
  const disclosed = ctx.analysis.threats.filter((t) => ["transferred", "accepted"].includes(ctx.decision(t.id).status));
  const open = ctx.analysis.threats.filter((t) => ctx.decision(t.id).status === "open");
  const objective = (pick: "confidentiality" | "integrity" | "availability") => f.model.assets.filter((a) => a[pick] === "high").map((a) => a.name);
  const objectives = (["confidentiality", "integrity", "availability"] as const)
    .map((p) => [p, objective(p)] as const)
    .filter(([, names]) => names.length)
    .map(([p, names]) => `the ${p} of ${names.join(", ")}`);
  const blocks: Block[] = [
    { kind: "heading", level: 2, text: "Residual risks users must know", id: "residual-risks" },
    {
      kind: "paragraph",
      content:
        `${f.clauses.residual} require residual risks to be disclosed to users; MDCG 2019-16 §4.2 reads this as the device's high-level IT-security risk profile and security objectives. ` +
        (objectives.length ? `Security objectives from the data assets that need high protection: ${objectives.join("; ")}.` : gap("the security objectives; no data asset of the model needs high protection.")),
    },
  ];
  if (disclosed.length)
    blocks.push({
      kind: "table",
      id: "residual-risks",
      caption: "Threats whose residual risk was accepted or transferred to users",
      columns: [
        { key: "threat", header: "Threat", width: 3 },
        { key: "where", header: "Where" },
        { key: "decision", header: "Decision" },
        { key: "risk", header: "Residual risk", width: 3 },
        { key: "user", header: "What users must know or do", width: 3 },
        { key: "justification", header: "Justification", width: 3 },
      ],
      rows: disclosed.map((t) => {
        const decision = ctx.decision(t.id);
        const risk = ctx.riskById.get(t.id);
        const controls = (ctx.assessedById.get(t.id)?.controls ?? []).map((l) => ctx.controlById.get(l.control)).filter((c): c is ProjectControl => !!c && c.transfersToOperator);
        return {
          threat: `${t.title} (${t.id})`,
          where: ctx.targetName(t.targetId),
          decision: statusLabel(decision.status),
          risk: risk ? `${verdict(risk.after.acceptable)}: ${afterText(risk)}; ${riskKindText(risk)}` : NONE,
          user: controls.length
            ? controls.map(operatorText).join(" ")
            : decision.status === "transferred"
              ? gap("what users must do; no linked control transfers to the operator.")
              : gap("how this residual risk is stated in the IFU (warning, precaution or limitation)."),
          justification: decision.justification || NONE,
        };
      }),
    });
  else blocks.push({ kind: "paragraph", content: "No threat has been decided accepted or transferred; there is no residual risk to disclose yet." });
  if (open.length)
    blocks.push({
      kind: "note",
      tone: "warning",
      content: `${plural(open.length, "threat")} still ${open.length === 1 ? "has" : "have"} no decision; residual risks they leave must be added here before the IFU is final.`,
    });
  return blocks;
}

const UPDATE_INSTRUCTION: Record<string, string> = {
  none: "Cannot be updated in the field.",
  "over-the-air": "Updated over the air",
  "app-store": "Updated through the app store",
  "service-tool": "Updated by service personnel with a service tool",
  usb: "Updated from a USB connection",
  "removable-media": "Updated from removable media",
  "manual-install": "Updated by manual installation",
  "cloud-deployment": "Updated by deployment of the cloud service by whoever operates it",
};

/**
 * The flows an update of a process arrives by: flows into it that carry firmware or software, from an
 * app store when it is updated through one; none for cloud deployment (firmware a cloud service relays
 * is not its own update).
 */
function updatePath(f: Facts, p: Extract<Element, { type: "process" }>, firmwareIds: ReadonlySet<string>): Flow[] {
  if (p.update.method === "none" || p.update.method === "cloud-deployment") return [];
  const inbound = f.model.flows.filter((x) => x.to === p.id && x.assets.some((a) => firmwareIds.has(a)));
  if (p.update.method !== "app-store") return inbound;
  const fromStore = inbound.filter((x) => {
    const e = f.ctx.elementById.get(x.from);
    return e?.type === "external-entity" && e.kind === "app-store";
  });
  return fromStore.length ? fromStore : inbound;
}

function updateBlocks(f: Facts): Block[] {
  const processes = f.model.elements.filter((e): e is Extract<Element, { type: "process" }> => e.type === "process");
  const firmwareIds = new Set(f.model.assets.filter((a) => a.kind === "firmware").map((a) => a.id));
  const updateInstructions = f.ctx.assessment.controls.filter((c) => c.libraryId === "ctl-ifu-security-update-instructions");
  const blocks: Block[] = [
    { kind: "heading", level: 2, text: "Updates", id: "updates" },
    {
      kind: "paragraph",
      content: `How each software component is updated and how update integrity is checked (${f.clauses.installation}; ${f.clauses.itCharacteristics}; MDCG 2019-16 §4.2).`,
    },
  ];
  if (processes.length)
    blocks.push({
      kind: "table",
      id: "updates",
      caption: "Software components and their updates",
      columns: [
        { key: "component", header: "Component", width: 2 },
        { key: "method", header: "Update method" },
        { key: "signed", header: "Signature checked" },
        { key: "rollback", header: "Downgrade refused" },
        { key: "path", header: "Update path", width: 3 },
        { key: "instruction", header: "Instruction", width: 3 },
      ],
      rows: processes.map((p) => {
        const path = updatePath(f, p, firmwareIds);
        const updatable = p.update.method !== "none";
        const via = path.length ? ` via ${path.map((x) => `${x.name || x.id} from ${nameOf(f, x.from)}`).join("; ")}` : "";
        return {
          component: `${p.name} (${p.id})`,
          method: label(p.update.method),
          signed: updatable ? yesNo(p.update.codeSigned) : NONE,
          rollback: updatable ? yesNo(p.update.rollbackProtection) : NONE,
          path: path.length ? path.map((x) => `${x.name || x.id} (${x.id})`).join("; ") : NONE,
          instruction: updatable
            ? `${UPDATE_INSTRUCTION[p.update.method]}${via}. ${p.update.codeSigned ? "The manufacturer's signature is verified before installation." : "The model does not state that updates are signed."}`
            : UPDATE_INSTRUCTION.none,
        };
      }),
    });
  else blocks.push({ kind: "paragraph", content: "The model has no process, so there is nothing to update." });
  blocks.push({
    kind: "paragraph",
    content: updateInstructions.length
      ? updateInstructions.map(operatorText).join(" ")
      : gap("step-by-step deployment of security updates, how users learn that an update is available, and how they obtain authorised software."),
  });
  return blocks;
}

function backupBlocks(f: Facts): Block[] {
  const stores = f.model.elements.filter((e): e is Extract<Element, { type: "data-store" }> => e.type === "data-store");
  const dtbk = f.ctx.assessment.controls.filter((c) => controlCapabilities(c).includes("DTBK"));
  const blocks: Block[] = [
    { kind: "heading", level: 2, text: "Backup and restore", id: "backup" },
    {
      kind: "paragraph",
      content: `Backup and restore of data and configuration (${f.clauses.environment} as read by MDCG 2019-16 §4.2; §4.3 item 3). The data the system keeps:`,
    },
  ];
  if (stores.length)
    blocks.push({
      kind: "table",
      id: "data-stores",
      caption: "Where the system keeps data",
      columns: [
        { key: "store", header: "Data store", width: 2 },
        { key: "technology", header: "Technology" },
        { key: "location", header: "Where", width: 2 },
        { key: "data", header: "Data held", width: 3 },
        { key: "encrypted", header: "Encrypted at rest" },
      ],
      rows: stores.map((s) => ({
        store: `${s.name} (${s.id})`,
        technology: label(s.technology),
        location: boundaryName(f, s.id),
        data: joined(s.assets.map((id) => f.ctx.assetById.get(id)?.name ?? id)),
        encrypted: yesNo(s.encryptedAtRest),
      })),
    });
  else blocks.push({ kind: "paragraph", content: "The model has no data store." });
  blocks.push({
    kind: "paragraph",
    content: dtbk.length
      ? `Backup and restore controls: ${dtbk.map((c) => `${c.title} (${statusText(c)})${c.transfersToOperator ? `: ${operatorText(c)}` : ""}`).join("; ")}.`
      : gap("how users back up and restore data and configuration; no project control provides data backup and disaster recovery (DTBK)."),
  });
  return blocks;
}

// ── MDCG 2019-16 §4.3 ──────────────────────────────────────────────────────

interface ItemAnswer {
  provided: string;
  gap?: string;
}

function itemAnswer(item: HealthcareProviderInformation, f: Facts): ItemAnswer {
  const controls = f.ctx.assessment.controls;
  const withCapability = (...codes: string[]) => controls.filter((c) => inPlace(c) && controlCapabilities(c).some((x) => codes.includes(x)));
  const titles = (list: ProjectControl[]) => list.map((c) => c.title).join("; ");
  switch (item.item) {
    case 1:
      return f.operatorControls.length
        ? { provided: `Recommended controls for the operating environment: ${plural(f.operatorControls.length, "control")}.` }
        : { provided: NONE, gap: "the controls recommended for the use environment (e.g. anti-virus, firewall)." };
    case 2: {
      const list = controls.filter((c) => inPlace(c) && (c.type === "protective-measure" || controlCapabilities(c).includes("SAHD")));
      return list.length
        ? { provided: `Controls in place that protect critical functions: ${titles(list)}.` }
        : { provided: NONE, gap: "the device features that keep critical functions working when security is compromised." };
    }
    case 3: {
      const list = withCapability("DTBK");
      return list.length
        ? { provided: `Backup and restore: ${titles(list)}.` }
        : { provided: "Backup and restore: the data stores of the system are listed.", gap: "backup and restore features and procedures for configurations." };
    }
    case 4:
      return { provided: "Minimum IT requirements: platforms and other systems from the model.", gap: "versions, capacity and the IT-security measures the supporting infrastructure must provide." };
    case 5: {
      const list = withCapability("CNFS", "SAHD");
      return list.length
        ? { provided: `Hardening and secure configuration: ${titles(list)}.`, gap: "the configuration settings users can change and their secure values." }
        : { provided: NONE, gap: "how the device is or can be hardened by secure configuration (anti-malware, firewall rules, whitelisting, logging settings)." };
    }
    case 6: {
      const missing = f.crossing.filter((x) => IP_CHANNELS.includes(x.channel) && !flowPorts(x).length).length;
      return {
        provided: `Network ports and interfaces: ${plural(f.crossing.length, "interface")}, with function, direction and endpoints.`,
        gap: missing ? `port numbers of ${plural(missing, "network interface")}; confirmation that unused ports are disabled.` : "confirmation that unused ports are disabled.",
      };
    }
    case 7:
      return { provided: "Network ports and interfaces: data-flow diagram of the whole system.", gap: "network addressing and segmentation for the end user's network." };
    case 8: {
      const logging = f.model.elements.filter((e) => e.type === "process" && e.auditLog).map((e) => e.name);
      const list = withCapability("AUDT");
      const parts = [logging.length ? `Processes that keep an audit log: ${logging.join(", ")}.` : "", list.length ? `Logging and event controls: ${titles(list)}.` : ""].filter(Boolean);
      return {
        provided: parts.length ? parts.join(" ") : NONE,
        gap: "secure network deployment and servicing, how the device signals security events, how logs are kept and passed to intrusion detection, and how to respond to a vulnerability or incident.",
      };
    }
    case 9: {
      const envs = f.model.project.environments;
      const outside = controls.some((c) => c.libraryId === "ctl-ifu-minimum-it-requirements" && c.ifuText);
      return envs.length
        ? { provided: `Intended use environment: ${envs.map(label).join(", ")}.`, gap: outside ? undefined : "the risks of using the device outside these environments." }
        : { provided: NONE, gap: "the intended environments and the risks of using the device outside them." };
    }
    default:
      return { provided: NONE, gap: item.paraphrase };
  }
}

function healthcareProviderBlocks(f: Facts): Block[] {
  return [
    { kind: "heading", level: 2, text: "Information for healthcare providers (MDCG 2019-16 §4.3)", id: "mdcg-4-3" },
    {
      kind: "paragraph",
      content:
        "MDCG 2019-16 §4.3 lists what healthcare providers need to operate the device securely (non-exhaustive; items 8 and 9 where appropriate). " +
        "It names the MDS2 form as one vehicle for this information.",
    },
    {
      kind: "table",
      id: "mdcg-4-3",
      caption: "The nine items of MDCG 2019-16 §4.3",
      columns: [
        { key: "item", header: "Item" },
        { key: "information", header: "Information", width: 3 },
        { key: "provided", header: "What this document provides", width: 3 },
        { key: "gap", header: "Still missing", width: 3 },
      ],
      rows: HEALTHCARE_PROVIDER_INFORMATION.map((item) => {
        const answer = itemAnswer(item, f);
        return {
          item: `${item.item}${item.whereAppropriate ? " (where appropriate)" : ""}`,
          information: `${item.name}: ${item.paraphrase}`,
          provided: answer.provided,
          gap: answer.gap ? gap(answer.gap) : NONE,
        };
      }),
    },
  ];
}
