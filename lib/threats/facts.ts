import { parentMap } from "../model/mermaid";
import type { Asset, Element, Flow, Model } from "../model/schema";
import {
  ASSET_KINDS,
  CHANNELS,
  CLINICAL_FUNCTIONS,
  ELEMENT_TYPES,
  ENTITY_KINDS,
  FLOW_DIRECTIONS,
  FLOW_ENDS,
  PATIENT_REACH,
  PERSON_ROLES,
  PHYSICAL_CHANNELS,
  TECHNOLOGIES,
  UPDATE_METHODS,
  WIRELESS_CHANNELS,
  type ProtectionLevel,
} from "../model/vocabulary";
import type { FactLookup, FactValue } from "./condition";

/**
 * The facts rules are written against: a model element's or flow's attributes plus what follows
 * from the rest of the model (its boundary, the flows around it, the assets it handles). Facts are
 * flat, dotted names; a flow also has every element fact of its ends as `from.…` and `to.…`.
 */

export type TargetKind = "external-entity" | "process" | "data-store" | "flow";
export const TARGET_KINDS: readonly TargetKind[] = ["external-entity", "process", "data-store", "flow"];

export type FactType = "boolean" | "number" | "text" | "enum" | "list";
export interface FactSpec {
  name: string;
  type: FactType;
  /** Allowed values of an enum fact or the items of a list fact, when they are a fixed set. */
  values?: readonly string[];
  targets: readonly TargetKind[];
  description: string;
}

const ELEMENTS: readonly TargetKind[] = ["external-entity", "process", "data-store"];
const HOSTED: readonly TargetKind[] = ["process", "data-store"];
const LEVEL_NOTE = "highest need over the assets it handles: 0 none, 1 low, 2 medium, 3 high";

const ELEMENT_FACTS: FactSpec[] = [
  { name: "id", type: "text", targets: ELEMENTS, description: "the element's id" },
  { name: "name", type: "text", targets: ELEMENTS, description: "the element's name" },
  { name: "type", type: "enum", values: ELEMENT_TYPES, targets: ELEMENTS, description: "external-entity, process or data-store" },
  { name: "tags", type: "list", targets: ELEMENTS, description: "the element's tags" },
  { name: "boundary", type: "text", targets: ELEMENTS, description: "id of the innermost trust boundary around it; empty when none" },
  { name: "boundaries", type: "list", targets: ELEMENTS, description: "ids of every trust boundary around it, innermost first" },
  { name: "patientReach", type: "enum", values: PATIENT_REACH, targets: ELEMENTS, description: "how many patients a compromise reaches" },
  { name: "kind", type: "enum", values: ENTITY_KINDS, targets: ["external-entity"], description: "kind of external entity" },
  { name: "role", type: "enum", values: [...PERSON_ROLES, ""], targets: ["external-entity"], description: "a person's role; empty for systems" },
  { name: "technology", type: "enum", values: TECHNOLOGIES, targets: HOSTED, description: "what it runs as or on" },
  { name: "clinicalFunctions", type: "list", values: CLINICAL_FUNCTIONS, targets: HOSTED, description: "clinical functions it performs" },
  { name: "hasClinicalFunction", type: "boolean", targets: HOSTED, description: "it performs at least one clinical function" },
  { name: "holdsSecrets", type: "boolean", targets: HOSTED, description: "it holds keys, passwords or other secrets" },
  { name: "encryptedAtRest", type: "boolean", targets: HOSTED, description: "what it stores is encrypted at rest" },
  { name: "thirdPartySoftware", type: "list", targets: HOSTED, description: "names of the third-party software it contains" },
  { name: "thirdPartySoftwareUnversioned", type: "number", targets: HOSTED, description: "third-party components listed without a version" },
  { name: "parsesUntrustedInput", type: "boolean", targets: ["process"], description: "it parses input an attacker could craft" },
  { name: "runsPrivileged", type: "boolean", targets: ["process"], description: "it runs with elevated privileges" },
  { name: "auditLog", type: "boolean", targets: ["process"], description: "it records security events and clinical actions" },
  { name: "batteryPowered", type: "boolean", targets: ["process"], description: "it runs on a battery" },
  { name: "update.method", type: "enum", values: UPDATE_METHODS, targets: ["process"], description: "how it is updated" },
  { name: "update.codeSigned", type: "boolean", targets: ["process"], description: "updates are signature-checked before installation" },
  { name: "update.rollbackProtection", type: "boolean", targets: ["process"], description: "older versions are refused" },
  { name: "updatable", type: "boolean", targets: ["process"], description: "it can be updated at all" },
  { name: "storedAssetKinds", type: "list", values: ASSET_KINDS, targets: ["data-store"], description: "kinds of the assets it stores" },
  { name: "assetKinds", type: "list", values: ASSET_KINDS, targets: ELEMENTS, description: "kinds of the assets it stores, sends or receives" },
  { name: "max.confidentiality", type: "number", targets: ELEMENTS, description: `confidentiality: ${LEVEL_NOTE}` },
  { name: "max.integrity", type: "number", targets: ELEMENTS, description: `integrity: ${LEVEL_NOTE}` },
  { name: "max.availability", type: "number", targets: ELEMENTS, description: `availability: ${LEVEL_NOTE}` },
  { name: "inbound.count", type: "number", targets: ELEMENTS, description: "flows into it" },
  { name: "inbound.crossing", type: "number", targets: ELEMENTS, description: "flows into it that cross a trust boundary" },
  { name: "inbound.unauthenticatedCrossing", type: "number", targets: ELEMENTS, description: "flows into it across a trust boundary whose sender is not authenticated" },
  { name: "inbound.channels", type: "list", values: CHANNELS, targets: ELEMENTS, description: "channels of the flows into it" },
  { name: "inbound.assetKinds", type: "list", values: ASSET_KINDS, targets: ELEMENTS, description: "kinds of the assets flowing into it" },
  { name: "inbound.fromKinds", type: "list", targets: ELEMENTS, description: "types and kinds of its senders, e.g. process, person, cloud-service" },
  { name: "inbound.fromRoles", type: "list", values: PERSON_ROLES, targets: ELEMENTS, description: "roles of the people who send to it" },
  { name: "outbound.count", type: "number", targets: ELEMENTS, description: "flows out of it" },
  { name: "outbound.crossing", type: "number", targets: ELEMENTS, description: "flows out of it that cross a trust boundary" },
  { name: "outbound.unauthenticated", type: "number", targets: ELEMENTS, description: "flows out of it on which it is not authenticated" },
  { name: "outbound.unauthenticatedCrossing", type: "number", targets: ELEMENTS, description: "flows out of it across a trust boundary on which it is not authenticated" },
  { name: "outbound.toUnaudited", type: "number", targets: ELEMENTS, description: "flows out of it to an element that keeps no audit log (only processes can keep one)" },
  { name: "outbound.channels", type: "list", values: CHANNELS, targets: ELEMENTS, description: "channels of the flows out of it" },
  { name: "outbound.assetKinds", type: "list", values: ASSET_KINDS, targets: ELEMENTS, description: "kinds of the assets flowing out of it" },
  { name: "outbound.toClinicalFunctions", type: "list", values: CLINICAL_FUNCTIONS, targets: ELEMENTS, description: "clinical functions of the elements it sends to" },
  { name: "exposed", type: "boolean", targets: ELEMENTS, description: "it receives a flow across a trust boundary" },
];

const FLOW_FACTS: FactSpec[] = [
  { name: "id", type: "text", targets: ["flow"], description: "the flow's id" },
  { name: "name", type: "text", targets: ["flow"], description: "the flow's name" },
  { name: "tags", type: "list", targets: ["flow"], description: "the flow's tags" },
  { name: "channel", type: "enum", values: CHANNELS, targets: ["flow"], description: "channel" },
  { name: "protocol", type: "text", targets: ["flow"], description: "protocol as written in the model" },
  { name: "direction", type: "enum", values: FLOW_DIRECTIONS, targets: ["flow"], description: "one-way or two-way" },
  { name: "initiator", type: "enum", values: FLOW_ENDS, targets: ["flow"], description: "which end opens the connection" },
  { name: "encryption.enabled", type: "boolean", targets: ["flow"], description: "the flow is encrypted" },
  { name: "encryption.method", type: "text", targets: ["flow"], description: "how it is encrypted" },
  { name: "authentication.from.enabled", type: "boolean", targets: ["flow"], description: "the sender proves its identity" },
  { name: "authentication.from.method", type: "text", targets: ["flow"], description: "how the sender is authenticated" },
  { name: "authentication.to.enabled", type: "boolean", targets: ["flow"], description: "the receiver proves its identity" },
  { name: "authentication.to.method", type: "text", targets: ["flow"], description: "how the receiver is authenticated" },
  { name: "messageIntegrity", type: "boolean", targets: ["flow"], description: "messages are integrity-protected" },
  { name: "replayProtection", type: "boolean", targets: ["flow"], description: "replayed messages are refused" },
  { name: "assetKinds", type: "list", values: ASSET_KINDS, targets: ["flow"], description: "kinds of the assets it carries" },
  { name: "max.confidentiality", type: "number", targets: ["flow"], description: `confidentiality: ${LEVEL_NOTE}` },
  { name: "max.integrity", type: "number", targets: ["flow"], description: `integrity: ${LEVEL_NOTE}` },
  { name: "max.availability", type: "number", targets: ["flow"], description: `availability: ${LEVEL_NOTE}` },
  { name: "crossesBoundary", type: "boolean", targets: ["flow"], description: "its ends are not in the same trust boundary" },
  { name: "wireless", type: "boolean", targets: ["flow"], description: "BLE, Wi-Fi, cellular or NFC/inductive" },
  { name: "physicalPort", type: "boolean", targets: ["flow"], description: "USB, serial, JTAG/debug or removable media" },
];

/** Every fact a rule may use, per target kind; `from.` and `to.` facts of flows come from ELEMENT_FACTS. */
export function factSpecs(kind: TargetKind): FactSpec[] {
  if (kind !== "flow") return ELEMENT_FACTS.filter((f) => f.targets.includes(kind));
  const ends = ["from", "to"].flatMap((end) =>
    ELEMENT_FACTS.map((f) => ({ ...f, name: `${end}.${f.name}`, targets: ["flow"] as const, description: `${end === "from" ? "sender" : "receiver"}: ${f.description}` })),
  );
  return [...FLOW_FACTS, ...ends];
}

export const LEVEL: Record<ProtectionLevel, number> = { none: 0, low: 1, medium: 2, high: 3 };

type Facts = Record<string, FactValue>;

export interface ModelFacts {
  element(id: string): Facts;
  flow(id: string): Facts;
  lookup(kind: TargetKind, id: string): FactLookup;
  crosses(flow: Flow): boolean;
  assetNames(ids: readonly string[]): string[];
}

const uniq = (xs: Iterable<string>) => [...new Set(xs)];

function levels(assets: readonly (Asset | undefined)[]) {
  let c = 0;
  let i = 0;
  let a = 0;
  for (const asset of assets) {
    if (!asset) continue;
    c = Math.max(c, LEVEL[asset.confidentiality]);
    i = Math.max(i, LEVEL[asset.integrity]);
    a = Math.max(a, LEVEL[asset.availability]);
  }
  return { "max.confidentiality": c, "max.integrity": i, "max.availability": a };
}

/** Computes every fact of every element and flow once, in time linear in the model's size. */
export function modelFacts(model: Model): ModelFacts {
  const parent = parentMap(model);
  const assets = new Map(model.assets.map((a) => [a.id, a]));
  const elements = new Map(model.elements.map((e) => [e.id, e]));
  const chain = new Map<string, string[]>();
  const boundaries = (id: string): string[] => {
    let known = chain.get(id);
    if (!known) {
      const up = parent.get(id);
      known = up ? [up, ...boundaries(up)] : [];
      chain.set(id, known);
    }
    return known;
  };
  const crosses = (f: Flow) => (parent.get(f.from) ?? "") !== (parent.get(f.to) ?? "");
  const kindOf = (e: Element | undefined) => (!e ? [] : e.type === "external-entity" ? [e.type, e.kind] : [e.type, e.technology]);

  const inbound = new Map<string, Flow[]>();
  const outbound = new Map<string, Flow[]>();
  for (const f of model.flows) {
    (inbound.get(f.to) ?? inbound.set(f.to, []).get(f.to)!).push(f);
    (outbound.get(f.from) ?? outbound.set(f.from, []).get(f.from)!).push(f);
  }
  const kindsOf = (ids: readonly string[]) => ids.map((id) => assets.get(id)?.kind).filter((k): k is Asset["kind"] => !!k);

  const elementFacts = new Map<string, Facts>();
  for (const el of model.elements) {
    const ins = inbound.get(el.id) ?? [];
    const outs = outbound.get(el.id) ?? [];
    const stored = el.type === "data-store" ? el.assets : [];
    const handled = uniq([...stored, ...ins.flatMap((f) => f.assets), ...outs.flatMap((f) => f.assets)]);
    const crossingIn = ins.filter(crosses);
    const facts: Facts = {
      id: el.id,
      name: el.name,
      type: el.type,
      tags: el.tags,
      boundary: parent.get(el.id) ?? "",
      boundaries: boundaries(el.id),
      patientReach: el.patientReach,
      assetKinds: uniq(kindsOf(handled)),
      ...levels(handled.map((id) => assets.get(id))),
      "inbound.count": ins.length,
      "inbound.crossing": crossingIn.length,
      "inbound.unauthenticatedCrossing": crossingIn.filter((f) => !f.authentication.from.enabled).length,
      "inbound.channels": uniq(ins.map((f) => f.channel)),
      "inbound.assetKinds": uniq(kindsOf(ins.flatMap((f) => f.assets))),
      "inbound.fromKinds": uniq(ins.flatMap((f) => kindOf(elements.get(f.from)))),
      "inbound.fromRoles": uniq(ins.map((f) => elements.get(f.from)).flatMap((e) => (e?.type === "external-entity" && e.role ? [e.role] : []))),
      "outbound.count": outs.length,
      "outbound.crossing": outs.filter(crosses).length,
      "outbound.unauthenticated": outs.filter((f) => !f.authentication.from.enabled).length,
      "outbound.unauthenticatedCrossing": outs.filter((f) => crosses(f) && !f.authentication.from.enabled).length,
      "outbound.toUnaudited": outs.filter((f) => {
        const to = elements.get(f.to);
        return !(to?.type === "process" && to.auditLog);
      }).length,
      "outbound.channels": uniq(outs.map((f) => f.channel)),
      "outbound.assetKinds": uniq(kindsOf(outs.flatMap((f) => f.assets))),
      "outbound.toClinicalFunctions": uniq(outs.flatMap((f) => {
        const to = elements.get(f.to);
        return to && to.type !== "external-entity" ? to.clinicalFunctions : [];
      })),
      exposed: crossingIn.length > 0,
    };
    if (el.type === "external-entity") Object.assign(facts, { kind: el.kind, role: el.role ?? "" });
    else
      Object.assign(facts, {
        technology: el.technology,
        clinicalFunctions: el.clinicalFunctions,
        hasClinicalFunction: el.clinicalFunctions.length > 0,
        holdsSecrets: el.holdsSecrets,
        encryptedAtRest: el.encryptedAtRest,
        thirdPartySoftware: el.thirdPartySoftware.map((s) => s.name),
        thirdPartySoftwareUnversioned: el.thirdPartySoftware.filter((s) => !s.version).length,
      });
    if (el.type === "process")
      Object.assign(facts, {
        parsesUntrustedInput: el.parsesUntrustedInput,
        runsPrivileged: el.runsPrivileged,
        auditLog: el.auditLog,
        batteryPowered: el.batteryPowered,
        "update.method": el.update.method,
        "update.codeSigned": el.update.codeSigned,
        "update.rollbackProtection": el.update.rollbackProtection,
        updatable: el.update.method !== "none",
      });
    if (el.type === "data-store") facts.storedAssetKinds = uniq(kindsOf(stored));
    elementFacts.set(el.id, facts);
  }

  const flowFacts = new Map<string, Facts>();
  for (const f of model.flows)
    flowFacts.set(f.id, {
      id: f.id,
      name: f.name,
      tags: f.tags,
      channel: f.channel,
      protocol: f.protocol,
      direction: f.direction,
      initiator: f.initiator,
      "encryption.enabled": f.encryption.enabled,
      "encryption.method": f.encryption.method,
      "authentication.from.enabled": f.authentication.from.enabled,
      "authentication.from.method": f.authentication.from.method,
      "authentication.to.enabled": f.authentication.to.enabled,
      "authentication.to.method": f.authentication.to.method,
      messageIntegrity: f.messageIntegrity,
      replayProtection: f.replayProtection,
      assetKinds: uniq(kindsOf(f.assets)),
      ...levels(f.assets.map((id) => assets.get(id))),
      crossesBoundary: crosses(f),
      wireless: WIRELESS_CHANNELS.includes(f.channel),
      physicalPort: PHYSICAL_CHANNELS.includes(f.channel),
    });

  const empty: Facts = {};
  const element = (id: string) => elementFacts.get(id) ?? empty;
  const flow = (id: string) => flowFacts.get(id) ?? empty;
  const flowsById = new Map(model.flows.map((f) => [f.id, f]));
  return {
    element,
    flow,
    crosses,
    assetNames: (ids) => ids.map((id) => assets.get(id)?.name ?? id),
    lookup(kind, id) {
      if (kind !== "flow") {
        const facts = element(id);
        return (fact) => facts[fact];
      }
      const facts = flow(id);
      const f = flowsById.get(id);
      const from = f ? element(f.from) : empty;
      const to = f ? element(f.to) : empty;
      return (fact) => (fact.startsWith("from.") ? from[fact.slice(5)] : fact.startsWith("to.") ? to[fact.slice(3)] : facts[fact]);
    },
  };
}
