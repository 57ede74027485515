import { load } from "js-yaml";
import type { ModelInput } from "../../lib/model/schema";
import type { ProtectionLevel, Technology } from "../../lib/model/vocabulary";
import { idMaker, MEDICAL_DEFAULTS, oneLine, type Conversion } from "./common";

/**
 * A Threagile model (YAML) to our model. A measurement aid for the noise benchmark.
 *
 * Maps: technical assets → external entities, processes and data stores (by their `type`);
 * communication links → flows (protocol, authentication, VPN, data sent and received); trust
 * boundaries → boundaries (with nesting); data assets → assets with CIA levels.
 * Drops: shared runtimes, authorization, ip_filtered, technical assets' own CIA ratings, size,
 * machine, ownership, multi-tenancy, redundancy, out-of-scope flags, risk tracking and the
 * individual (hand-written) risks.
 */

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => (typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Obj) : {});
const entries = (v: unknown): [string, Obj][] => Object.entries(obj(v)).map(([k, x]) => [k, obj(x)]);
const str = (v: unknown) => (typeof v === "string" ? v : "");
const ids = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : []);

const CONFIDENTIALITY: Record<string, ProtectionLevel> = { public: "none", internal: "low", restricted: "medium", confidential: "high", "strictly-confidential": "high" };
const CRITICALITY: Record<string, ProtectionLevel> = { archive: "none", operational: "low", important: "medium", critical: "high", "mission-critical": "high" };

const TECHNOLOGY: Record<string, Technology> = {
  browser: "web-application",
  "web-server": "web-application",
  "web-application": "web-application",
  cms: "web-application",
  "web-service-rest": "server-application",
  "web-service-soap": "server-application",
  "application-server": "server-application",
  erp: "server-application",
  "identity-provider": "server-application",
  "build-pipeline": "server-application",
  "sourcecode-repository": "server-application",
  "load-balancer": "server-application",
  "reverse-proxy": "server-application",
  desktop: "desktop-application",
  "devops-client": "desktop-application",
  "mobile-app": "mobile-app",
  "iot-device": "embedded-firmware",
  database: "database",
  "identity-store-ldap": "database",
  "identity-store-database": "database",
  "file-server": "file-storage",
  "local-file-system": "file-storage",
};

/** Threagile's protocols that are encrypted (and so integrity-protected) by definition. */
const ENCRYPTED = new Set([
  "https", "wss", "ssh", "ssh-tunnel", "ftps", "sftp", "scp", "ldaps",
  "reverse-proxy-web-protocol-encrypted", "jdbc-encrypted", "odbc-encrypted", "sql-access-protocol-encrypted", "nosql-access-protocol-encrypted",
  "binary-encrypted", "text-encrypted", "smtp-encrypted", "pop3-encrypted", "imap-encrypted", "smb-encrypted", "iiop-encrypted", "jrmp-encrypted",
]);
const LOCAL = new Set(["in-process-library-call", "local-file-access", "inter-process-communication"]);

export function convertThreagile(text: string, source: string): Conversion {
  const tm = obj(load(text));
  const id = idMaker();

  const assetIds = new Map<string, string>();
  const assets = entries(tm.data_assets).map(([title, d]) => {
    const assetId = id(str(d.id) || title, "data");
    assetIds.set(str(d.id), assetId);
    return {
      id: assetId,
      name: oneLine(title, assetId),
      kind: "other" as const,
      description: str(d.description),
      confidentiality: CONFIDENTIALITY[str(d.confidentiality)] ?? "none",
      integrity: CRITICALITY[str(d.integrity)] ?? "none",
      availability: CRITICALITY[str(d.availability)] ?? "none",
    };
  });
  const assetList = (v: unknown) => [...new Set(ids(v).map((a) => assetIds.get(a)).filter((x): x is string => !!x))];

  const technical = entries(tm.technical_assets);
  const elementIds = new Map<string, string>();
  for (const [title, t] of technical) elementIds.set(str(t.id), id(str(t.id) || title, "asset"));
  const internet = new Set(technical.filter(([, t]) => t.internet === true).map(([, t]) => str(t.id)));

  const elements: NonNullable<ModelInput["elements"]> = [];
  const flows: NonNullable<ModelInput["flows"]> = [];
  let outOfScope = 0;
  let unresolved = 0;
  const unknownTechnologies = new Set<string>();
  for (const [title, t] of technical) {
    const elementId = elementIds.get(str(t.id))!;
    if (t.out_of_scope === true) outOfScope++;
    const technologyName = str(t.technology);
    const technology = TECHNOLOGY[technologyName] ?? "other";
    if (!TECHNOLOGY[technologyName] && technologyName) unknownTechnologies.add(technologyName);
    const common = { id: elementId, name: oneLine(title, elementId), description: str(t.description), tags: ids(t.tags).filter((s) => s.length <= 60) };
    const type = str(t.type);
    if (type === "external-entity") {
      elements.push({ ...common, type: "external-entity", kind: t.used_as_client_by_human === true ? "person" : "other-system" });
    } else if (type === "datastore") {
      elements.push({ ...common, type: "data-store", technology, assets: assetList(t.data_assets_stored), encryptedAtRest: str(t.encryption) !== "none" && !!t.encryption });
    } else {
      elements.push({
        ...common,
        type: "process",
        technology,
        parsesUntrustedInput: ids(t.data_formats_accepted).length > 0,
        encryptedAtRest: str(t.encryption) !== "none" && !!t.encryption,
      });
    }

    for (const [linkTitle, l] of entries(t.communication_links)) {
      const to = elementIds.get(str(l.target));
      if (!to || to === elementId) {
        unresolved++;
        continue;
      }
      const protocol = str(l.protocol);
      const vpn = l.vpn === true;
      const encrypted = ENCRYPTED.has(protocol) || vpn;
      const authentication = str(l.authentication);
      const authenticated = !!authentication && authentication !== "none";
      const received = assetList(l.data_assets_received);
      flows.push({
        id: id(`${elementId} ${linkTitle}`, "link"),
        name: oneLine(linkTitle, ""),
        from: elementId,
        to,
        channel: LOCAL.has(protocol) ? "internal" : internet.has(str(t.id)) || internet.has(str(l.target)) ? "internet" : "other",
        protocol: protocol + (vpn ? " over VPN" : ""),
        direction: received.length > 0 ? "two-way" : "one-way",
        assets: [...new Set([...assetList(l.data_assets_sent), ...received])],
        encryption: { enabled: encrypted, method: encrypted ? (vpn ? "VPN" : protocol) : "" },
        authentication: { from: { enabled: authenticated, method: authenticated ? authentication : "" } },
        messageIntegrity: encrypted,
        description: str(l.description),
        tags: ids(l.tags).filter((s) => s.length <= 60),
      });
    }
  }

  const boundaryIds = new Map(entries(tm.trust_boundaries).map(([title, b]) => [str(b.id), id(str(b.id) || title, "boundary")]));
  const boundaries = entries(tm.trust_boundaries).map(([title, b]) => ({
    id: boundaryIds.get(str(b.id))!,
    name: oneLine(title, "boundary"),
    description: `${str(b.description)} (Threagile type: ${str(b.type) || "unknown"})`.trim(),
    contains: [
      ...ids(b.technical_assets_inside).map((a) => elementIds.get(a)).filter((x): x is string => !!x),
      ...ids(b.trust_boundaries_nested).map((a) => boundaryIds.get(a)).filter((x): x is string => !!x),
    ],
  }));

  return {
    label: "Threagile example",
    source,
    model: {
      medthreat: 1,
      project: {
        name: oneLine(tm.title, "Threagile model"),
        device: { name: oneLine(tm.title, "Threagile model"), version: "" },
        deviceKind: "software",
      },
      assets,
      elements,
      boundaries,
      flows,
    },
    mapped: [
      "technical_assets by type: external-entity → external entity (used_as_client_by_human → person, else other system), process → process, datastore → data store",
      "technology → our technology where one fits (web-server/cms → web application, erp/identity-provider/build-pipeline/… → server application, database/identity-store-ldap → database, file-server → file storage), else other",
      "encryption ≠ none → encryptedAtRest; data_assets_stored of a datastore → its assets; data_formats_accepted not empty → parsesUntrustedInput; tags",
      "communication_links → flows: target, protocol, data_assets_sent ∪ received → assets, received not empty → two-way; encrypted protocol (https, ssh, ldaps, *-encrypted, …) or vpn → encryption and messageIntegrity; authentication ≠ none → authentication.from",
      "internet: true at either end → channel internet; in-process/local-file protocols → internal",
      "trust_boundaries → boundaries (technical_assets_inside, trust_boundaries_nested); type kept in the description",
      "data_assets → assets: confidentiality public none, internal low, restricted medium, confidential and above high; integrity/availability archive none, operational low, important medium, critical and above high",
    ],
    dropped: [
      "technical assets: CIA ratings (ours are on data assets only), size, machine, owner, multi_tenant, redundant, custom_developed_parts, data_assets_processed (processes hold no assets in our model), out_of_scope",
      "communication links: authorization, ip_filtered, readonly, usage; the server end's authentication (TLS/SSH server certificates are implied by Threagile protocols but not stated, so authentication.to stays off)",
      `shared_runtimes (${entries(tm.shared_runtimes).length}), abuse_cases, security_requirements, questions, risk_tracking, individual_risk_categories`,
      "data assets: usage, origin, owner, quantity; kind is always other (Threagile does not type data)",
    ],
    notInSource: ["channel other than internet (set to \"other\")", "replay protection", "audit log", "secrets held", "privileged execution", MEDICAL_DEFAULTS],
    notes: [
      `${outOfScope} out-of-scope technical assets kept (our model has no scope flag)`,
      ...(unknownTechnologies.size ? [`technologies mapped to "other": ${[...unknownTechnologies].sort().join(", ")}`] : []),
      ...(unresolved ? [`${unresolved} links dropped: target unknown or the asset itself`] : []),
    ],
  };
}
