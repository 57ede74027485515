import type { ModelInput } from "../../lib/model/schema";
import type { AssetKind, ProtectionLevel, Technology } from "../../lib/model/vocabulary";
import { idMaker, MEDICAL_DEFAULTS, oneLine, type Conversion } from "./common";

/**
 * pytm's model, as written out in JSON (shared/external/pytm/tm-model.json: boundaries, elements
 * with __class__, data, flows), to our model. A measurement aid for the noise benchmark.
 *
 * Maps: classes to element types (Actor → person, ExternalEntity → other system, Server, Process,
 * Lambda, LLM, Agent, SetOfProcesses → process, Datastore → data store); inBoundary to boundaries;
 * Data to assets (classification → confidentiality, isCredentials/isPII → kind); flows with their
 * data, protocol and the protection flags pytm has (isEncrypted, authenticatesDestination,
 * providesIntegrity on the flow, authenticatesSource on the receiving element).
 * Drops: pytm's hygiene controls (validatesInput, sanitizesInput, encodesOutput, isHardened,
 * hasAccessControl, authorizesSource, …), which describe implementation quality our model does not
 * record; OS, levels, ports, order, inScope, source files, and the assumptions that exclude threats.
 */

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => (typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Obj) : {});
const list = (v: unknown): Obj[] => (Array.isArray(v) ? v.map(obj) : []);
const str = (v: unknown) => (typeof v === "string" ? v : "");
const flag = (...vs: unknown[]) => vs.some((v) => v === true);

/** pytm Classification: UNKNOWN, PUBLIC, RESTRICTED, SENSITIVE, SECRET, TOP_SECRET. */
const CONFIDENTIALITY: Record<string, ProtectionLevel> = {
  PUBLIC: "none",
  RESTRICTED: "low",
  SENSITIVE: "medium",
  SECRET: "high",
  TOP_SECRET: "high",
};
/** pytm data have no integrity or availability need; this middle level is an assumption of the conversion. */
const UNSTATED_LEVEL: ProtectionLevel = "medium";

const PROCESS_CLASSES: Record<string, Technology> = {
  Server: "server-application",
  Process: "other",
  SetOfProcesses: "other",
  Lambda: "cloud-service",
  LLM: "other",
  Agent: "other",
};
const STORE_TECHNOLOGY: Record<string, Technology> = { SQL: "database", LDAP: "database", FILE_SYSTEM: "file-storage", AWS_S3: "file-storage" };

/** Element attributes of pytm other than controls that this converter reads; anything else is reported as dropped. */
const READ_ELEMENT_KEYS = new Set(["__class__", "name", "description", "inBoundary", "type", "processesUntrustedInput", "isThirdParty", "controls", "isEncrypted"]);
const READ_CONTROLS = new Set(["isEncrypted", "isEncryptedAtRest", "authenticatesSource", "authenticatesDestination", "providesIntegrity"]);
const READ_FLOW_KEYS = new Set(["name", "source", "sink", "protocol", "data", "note", "description", "controls", "isEncrypted", "authenticatesDestination", "responseTo"]);

export function convertPytm(input: unknown, source: string): Conversion {
  const tm = obj(input);
  const id = idMaker();
  const dropped = new Map<string, Set<string>>();
  const drop = (what: string, key: string) => (dropped.get(what) ?? dropped.set(what, new Set()).get(what)!).add(key);

  const assetIds = new Map<string, string>();
  const assets = list(tm.data).map((d) => {
    const name = oneLine(d.name, "data");
    const assetId = id(name, "data");
    assetIds.set(str(d.name), assetId);
    const kind: AssetKind = d.isCredentials === true ? "credential" : d.isPII === true ? "patient-data" : "other";
    for (const key of Object.keys(d)) if (!["name", "description", "classification", "isCredentials", "isPII", "processedBy"].includes(key)) drop("data", key);
    return {
      id: assetId,
      name,
      kind,
      description: str(d.description),
      confidentiality: CONFIDENTIALITY[str(d.classification)] ?? UNSTATED_LEVEL,
      integrity: UNSTATED_LEVEL,
      availability: UNSTATED_LEVEL,
    };
  });
  const storedIn = (storeName: string) =>
    list(tm.data)
      .filter((d) => Array.isArray(d.processedBy) && d.processedBy.includes(storeName))
      .map((d) => assetIds.get(str(d.name))!);

  const elementIds = new Map<string, string>();
  const authenticatesSource = new Set<string>();
  const elements: NonNullable<ModelInput["elements"]> = [];
  for (const e of list(tm.elements)) {
    const cls = str(e.__class__);
    const name = oneLine(e.name, cls || "element");
    const elementId = id(name, cls);
    elementIds.set(str(e.name), elementId);
    const controls = obj(e.controls);
    for (const key of Object.keys(e)) if (!READ_ELEMENT_KEYS.has(key)) drop(cls, key);
    for (const key of Object.keys(controls)) if (!READ_CONTROLS.has(key)) drop(cls, `controls.${key}`);
    if (controls.authenticatesSource === true) authenticatesSource.add(elementId);
    const common = { id: elementId, name, description: str(e.description), tags: [`pytm:${cls}`] };
    if (cls === "Actor" || cls === "ExternalEntity") {
      elements.push({ ...common, type: "external-entity", kind: cls === "Actor" ? "person" : "other-system" });
    } else if (cls === "Datastore") {
      elements.push({
        ...common,
        type: "data-store",
        technology: STORE_TECHNOLOGY[str(e.type)] ?? "other",
        assets: storedIn(str(e.name)),
        encryptedAtRest: flag(controls.isEncryptedAtRest, controls.isEncrypted, e.isEncrypted),
      });
    } else {
      elements.push({
        ...common,
        type: "process",
        technology: cls === "LLM" && e.isThirdParty === true ? "cloud-service" : (PROCESS_CLASSES[cls] ?? "other"),
        parsesUntrustedInput: e.processesUntrustedInput === true,
      });
    }
  }

  const flows: NonNullable<ModelInput["flows"]> = [];
  let unresolved = 0;
  for (const f of list(tm.flows)) {
    const from = elementIds.get(str(f.source));
    const to = elementIds.get(str(f.sink));
    if (!from || !to || from === to) {
      unresolved++;
      continue;
    }
    const controls = obj(f.controls);
    for (const key of Object.keys(f)) if (!READ_FLOW_KEYS.has(key)) drop("Dataflow", key);
    for (const key of Object.keys(controls)) if (!READ_CONTROLS.has(key)) drop("Dataflow", `controls.${key}`);
    const encrypted = flag(controls.isEncrypted, f.isEncrypted);
    const toAuthenticated = flag(controls.authenticatesDestination, f.authenticatesDestination);
    const names = Array.isArray(f.data) ? f.data.map(String) : [];
    flows.push({
      id: id(str(f.name), "flow"),
      name: oneLine(f.name, ""),
      from,
      to,
      channel: "other",
      protocol: oneLine(f.protocol, ""),
      assets: [...new Set(names.map((n) => assetIds.get(n)).filter((x): x is string => !!x))],
      encryption: { enabled: encrypted, method: encrypted ? "isEncrypted (pytm)" : "" },
      authentication: {
        from: { enabled: authenticatesSource.has(to), method: authenticatesSource.has(to) ? "authenticatesSource (pytm)" : "" },
        to: { enabled: toAuthenticated, method: toAuthenticated ? "authenticatesDestination (pytm)" : "" },
      },
      messageIntegrity: flag(controls.providesIntegrity),
      description: str(f.note) || str(f.description),
    });
  }

  const boundaryIds = new Map(list(tm.boundaries).map((b) => [str(b.name), id(oneLine(b.name, "boundary"), "boundary")]));
  const boundaries = list(tm.boundaries).map((b) => ({
    id: boundaryIds.get(str(b.name))!,
    name: oneLine(b.name, "boundary"),
    contains: [
      ...list(tm.elements).filter((e) => str(e.inBoundary) === str(b.name)).map((e) => elementIds.get(str(e.name))!),
      ...list(tm.boundaries).filter((c) => str(c.inBoundary) === str(b.name)).map((c) => boundaryIds.get(str(c.name))!),
    ],
  }));
  for (const b of list(tm.boundaries)) for (const key of Object.keys(b)) if (!["name", "inBoundary"].includes(key)) drop("Boundary", key);

  const excluded = list(tm.elements).flatMap((e) => list(e.assumptions).flatMap((a) => (Array.isArray(a.exclude) ? a.exclude.map(String) : [])));
  const responses = list(tm.flows).filter((f) => f.responseTo).length;
  return {
    label: "pytm sample (tm.py)",
    source,
    model: {
      medthreat: 1,
      project: {
        name: oneLine(tm.name, "pytm model"),
        device: { name: oneLine(tm.name, "pytm model"), version: "" },
        intendedPurpose: str(tm.description),
        deviceKind: "software",
      },
      assets,
      elements,
      boundaries,
      flows,
    },
    mapped: [
      "Actor → external entity (person); ExternalEntity → external entity (other system); Server, Process, Lambda, LLM, Agent → process; Datastore → data store",
      "Datastore.type → technology (SQL → database); LLM.processesUntrustedInput → parsesUntrustedInput; Datastore isEncrypted(AtRest) → encryptedAtRest",
      "inBoundary → boundary membership",
      `Data → assets: classification → confidentiality (PUBLIC none, RESTRICTED low, SENSITIVE medium, SECRET/TOP_SECRET high); integrity and availability are not in pytm and set to "${UNSTATED_LEVEL}"; data.processedBy a data store → assets it stores`,
      "Dataflow → flow: source/sink, data → assets, protocol, note → description; isEncrypted → encryption; authenticatesDestination → authentication.to; providesIntegrity → messageIntegrity; the sink's controls.authenticatesSource → authentication.from",
    ],
    dropped: [
      ...[...dropped].map(([what, keys]) => `${what}: ${[...keys].sort().join(", ")}`),
      "pytm hygiene controls have no counterpart: our model records exposure (parses untrusted input, crossing a boundary) and protections of flows, not whether input is validated or output encoded",
    ],
    notInSource: [`channel (set to "other": pytm has only protocol names)`, "replay protection", "audit log", "secrets held", "privileged execution", MEDICAL_DEFAULTS],
    notes: [
      `${responses} response flows (responseTo) kept as separate flows, as pytm counts them`,
      ...(excluded.length ? [`pytm assumptions excluded ${excluded.join(", ")} from its findings; nothing is excluded on our side`] : []),
      ...(unresolved ? [`${unresolved} flows dropped: an end is not a known element`] : []),
    ],
  };
}
