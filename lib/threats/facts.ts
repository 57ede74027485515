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
import { getter, type Scope } from "./compiled";

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
  scope(kind: TargetKind, id: string): Scope;
  crosses(flow: Flow): boolean;
  assetNames(ids: readonly string[]): string[];
}

/** What the flows into or out of one element add up to. */
class Side {
  count = 0;
  crossing = 0;
  unauthenticated = 0;
  unauthenticatedCrossing = 0;
  toUnaudited = 0;
  channels = new Set<string>();
  assetKinds = new Set<string>();
  peerKinds = new Set<string>();
  peerRoles = new Set<string>();
  peerClinicalFunctions = new Set<string>();
  c = 0;
  i = 0;
  a = 0;
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

  const sides = new Map<string, { in: Side; out: Side }>();
  for (const el of model.elements) sides.set(el.id, { in: new Side(), out: new Side() });

  const flowFacts = new Map<string, Facts>();
  for (const f of model.flows) {
    const kinds = new Set<string>();
    let c = 0;
    let i = 0;
    let a = 0;
    for (const id of f.assets) {
      const asset = assets.get(id);
      if (!asset) continue;
      kinds.add(asset.kind);
      c = Math.max(c, LEVEL[asset.confidentiality]);
      i = Math.max(i, LEVEL[asset.integrity]);
      a = Math.max(a, LEVEL[asset.availability]);
    }
    const crossing = crosses(f);
    const from = elements.get(f.from);
    const to = elements.get(f.to);
    const senderAuthenticated = f.authentication.from.enabled;
    const add = (side: Side | undefined, peer: Element | undefined, outbound: boolean) => {
      if (!side) return;
      side.count++;
      if (crossing) side.crossing++;
      if (!senderAuthenticated) side.unauthenticated++;
      if (crossing && !senderAuthenticated) side.unauthenticatedCrossing++;
      side.channels.add(f.channel);
      for (const k of kinds) side.assetKinds.add(k);
      side.c = Math.max(side.c, c);
      side.i = Math.max(side.i, i);
      side.a = Math.max(side.a, a);
      if (!peer) return;
      side.peerKinds.add(peer.type).add(peer.type === "external-entity" ? peer.kind : peer.technology);
      if (peer.type === "external-entity" && peer.role) side.peerRoles.add(peer.role);
      if (outbound) {
        if (!(peer.type === "process" && peer.auditLog)) side.toUnaudited++;
        if (peer.type !== "external-entity") for (const fn of peer.clinicalFunctions) side.peerClinicalFunctions.add(fn);
      }
    };
    add(sides.get(f.from)?.out, to, true);
    add(sides.get(f.to)?.in, from, false);
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
      "authentication.from.enabled": senderAuthenticated,
      "authentication.from.method": f.authentication.from.method,
      "authentication.to.enabled": f.authentication.to.enabled,
      "authentication.to.method": f.authentication.to.method,
      messageIntegrity: f.messageIntegrity,
      replayProtection: f.replayProtection,
      assetKinds: [...kinds],
      "max.confidentiality": c,
      "max.integrity": i,
      "max.availability": a,
      crossesBoundary: crossing,
      wireless: WIRELESS_CHANNELS.includes(f.channel),
      physicalPort: PHYSICAL_CHANNELS.includes(f.channel),
    });
  }

  const elementFacts = new Map<string, Facts>();
  for (const el of model.elements) {
    const { in: ins, out: outs } = sides.get(el.id)!;
    const stored = el.type === "data-store" ? el.assets.map((id) => assets.get(id)).filter((x): x is Asset => !!x) : [];
    const storedKinds = new Set(stored.map((x) => x.kind));
    const handled = new Set([...storedKinds, ...ins.assetKinds, ...outs.assetKinds]);
    const max = (pick: (x: Asset) => ProtectionLevel, fromFlows: number) => stored.reduce((m, x) => Math.max(m, LEVEL[pick(x)]), fromFlows);
    const facts: Record<string, FactValue> = {
      id: el.id,
      name: el.name,
      type: el.type,
      tags: el.tags,
      boundary: parent.get(el.id) ?? "",
      boundaries: boundaries(el.id),
      patientReach: el.patientReach,
      assetKinds: [...handled],
      "max.confidentiality": max((x) => x.confidentiality, Math.max(ins.c, outs.c)),
      "max.integrity": max((x) => x.integrity, Math.max(ins.i, outs.i)),
      "max.availability": max((x) => x.availability, Math.max(ins.a, outs.a)),
      "inbound.count": ins.count,
      "inbound.crossing": ins.crossing,
      "inbound.unauthenticatedCrossing": ins.unauthenticatedCrossing,
      "inbound.channels": [...ins.channels],
      "inbound.assetKinds": [...ins.assetKinds],
      "inbound.fromKinds": [...ins.peerKinds],
      "inbound.fromRoles": [...ins.peerRoles],
      "outbound.count": outs.count,
      "outbound.crossing": outs.crossing,
      "outbound.unauthenticated": outs.unauthenticated,
      "outbound.unauthenticatedCrossing": outs.unauthenticatedCrossing,
      "outbound.toUnaudited": outs.toUnaudited,
      "outbound.channels": [...outs.channels],
      "outbound.assetKinds": [...outs.assetKinds],
      "outbound.toClinicalFunctions": [...outs.peerClinicalFunctions],
      exposed: ins.crossing > 0,
    };
    if (el.type === "external-entity") {
      facts.kind = el.kind;
      facts.role = el.role ?? "";
    } else {
      facts.technology = el.technology;
      facts.clinicalFunctions = el.clinicalFunctions;
      facts.hasClinicalFunction = el.clinicalFunctions.length > 0;
      facts.holdsSecrets = el.holdsSecrets;
      facts.encryptedAtRest = el.encryptedAtRest;
      facts.thirdPartySoftware = el.thirdPartySoftware.map((x) => x.name);
      facts.thirdPartySoftwareUnversioned = el.thirdPartySoftware.filter((x) => !x.version).length;
    }
    if (el.type === "process") {
      facts.parsesUntrustedInput = el.parsesUntrustedInput;
      facts.runsPrivileged = el.runsPrivileged;
      facts.auditLog = el.auditLog;
      facts.batteryPowered = el.batteryPowered;
      facts["update.method"] = el.update.method;
      facts["update.codeSigned"] = el.update.codeSigned;
      facts["update.rollbackProtection"] = el.update.rollbackProtection;
      facts.updatable = el.update.method !== "none";
    }
    if (el.type === "data-store") facts.storedAssetKinds = [...storedKinds];
    elementFacts.set(el.id, facts);
  }

  const empty: Facts = {};
  const element = (id: string) => elementFacts.get(id) ?? empty;
  const flow = (id: string) => flowFacts.get(id) ?? empty;
  const flowsById = new Map(model.flows.map((f) => [f.id, f]));
  const scope = (kind: TargetKind, id: string): Scope => {
    if (kind !== "flow") return { self: element(id), from: empty, to: empty };
    const f = flowsById.get(id);
    return { self: flow(id), from: f ? element(f.from) : empty, to: f ? element(f.to) : empty };
  };
  return {
    element,
    flow,
    scope,
    crosses,
    assetNames: (ids) => ids.map((id) => assets.get(id)?.name ?? id),
    lookup(kind, id) {
      const s = scope(kind, id);
      return (fact) => getter(fact)(s);
    },
  };
}
