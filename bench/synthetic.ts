import type { Asset, Boundary, Diagram, Element, Flow, Model } from "../lib/model/schema";
import {
  ASSET_KINDS,
  CHANNELS,
  CLINICAL_FUNCTIONS,
  ENTITY_KINDS,
  PATIENT_REACH,
  PERSON_ROLES,
  PROTECTION_LEVELS,
  UPDATE_METHODS,
  type Channel,
  type Technology,
} from "../lib/model/vocabulary";

/** mulberry32: a small seeded PRNG, so every run builds the same model. */
export function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)];
  const chance = (p: number) => next() < p;
  const some = <T>(list: readonly T[], min: number, max: number): T[] => {
    const pool = [...list];
    const n = Math.min(pool.length, int(min, max));
    const out: T[] = [];
    for (let i = 0; i < n; i++) out.push(pool.splice(Math.floor(next() * pool.length), 1)[0]);
    return out;
  };
  return { next, int, pick, chance, some };
}

const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");

const ENTITY_NAMES = ["Patient", "Caregiver", "Clinician", "Service technician", "Hospital EHR", "PACS archive", "Vendor cloud", "Update server", "App store", "Lab information system"];
const PROCESS_NAMES: [string, Technology][] = [
  ["Pump controller firmware", "embedded-firmware"],
  ["Sensor firmware", "embedded-firmware"],
  ["Companion mobile app", "mobile-app"],
  ["Clinician web portal", "web-application"],
  ["Configuration tool", "desktop-application"],
  ["Telemetry gateway", "server-application"],
  ["Therapy data service", "cloud-service"],
  ["Alarm relay service", "cloud-service"],
];
const STORE_NAMES: [string, Technology][] = [
  ["Device flash memory", "file-storage"],
  ["App local database", "database"],
  ["Cloud patient database", "database"],
  ["Firmware repository", "file-storage"],
  ["Export SD card", "removable-storage"],
  ["Audit log store", "database"],
];
const SOUP = [
  { name: "FreeRTOS", version: "10.4.6", supplier: "Amazon" },
  { name: "mbed TLS", version: "2.28.3", supplier: "Arm" },
  { name: "OpenSSL", version: "3.0.13", supplier: "OpenSSL Foundation" },
  { name: "SQLite", version: "3.45.1", supplier: "SQLite Consortium" },
  { name: "zlib", version: "1.3.1", supplier: "Jean-loup Gailly and Mark Adler" },
  { name: "lwIP", version: "2.2.0", supplier: "Savannah" },
  { name: "Spring Boot", version: "3.2.4", supplier: "VMware" },
  { name: "React Native", version: "0.74.5", supplier: "Meta" },
];
const PROTOCOLS: Record<Channel, string[]> = {
  ble: ["BLE GATT (therapy service)", "BLE GATT (CGM service)", "BLE DFU"],
  wifi: ["MQTT over TLS", "HTTPS (TLS 1.3)"],
  cellular: ["LTE-M with MQTT over TLS", "HTTPS (TLS 1.2)"],
  ethernet: ["HL7 v2 over MLLP", "DICOM", "REST over mTLS"],
  usb: ["USB CDC service protocol", "PKCS#11 to USB HSM"],
  serial: ["UART service console", "Modbus RTU"],
  "jtag-debug": ["SWD debug port"],
  "nfc-inductive": ["NFC Type 5 (ISO 15693)"],
  "removable-media": ["CSV export on SD card"],
  internet: ["HTTPS (TLS 1.3)", "HL7 FHIR R4 over HTTPS", "gRPC over TLS"],
  internal: ["SPI flash", "SQLCipher", "IPC message queue", ""],
  "user-interface": ["Touchscreen", "Keypad and display"],
  other: [""],
};
const SECURED = new Set<Channel>(["ble", "wifi", "cellular", "ethernet", "internet"]);
const WORDS = "the device receives sends stores checks therapy data alarms settings from and to patient clinician cloud with signed encrypted records every minute on request after pairing".split(" ");

/** A valid model with `elements` elements, about 2 flows per element, nested boundaries and a few diagrams. */
export function syntheticModel(elements: number, seed = 1): Model {
  const r = prng(seed + elements);
  const sentence = (min: number, max: number) => {
    const words = Array.from({ length: r.int(min, max) }, () => r.pick(WORDS));
    return words.join(" ").replace(/^./, (c) => c.toUpperCase()) + ".";
  };
  const level = () => r.pick(PROTECTION_LEVELS);

  const assets: Asset[] = Array.from({ length: Math.max(5, Math.round(elements / 20)) }, (_, i) => {
    const kind = r.pick(ASSET_KINDS);
    return { id: `${kind}-${i + 1}`, name: `${kind.replace(/-/g, " ")} ${i + 1}`, kind, description: r.chance(0.5) ? sentence(6, 16) : "", confidentiality: level(), integrity: level(), availability: level() };
  });
  const assetIds = assets.map((a) => a.id);

  const notes = (described = 0.7) => ({ description: r.chance(described) ? sentence(8, 30) : "", tags: r.chance(0.3) ? r.some(["safety", "legacy", "soup", "wireless", "phi"], 1, 2) : [] });
  const els: Element[] = Array.from({ length: elements }, (_, i): Element => {
    const roll = r.next();
    const reach = r.pick(PATIENT_REACH);
    if (roll < 0.2) {
      const name = r.pick(ENTITY_NAMES);
      const kind = r.pick(ENTITY_KINDS);
      return { id: `${slug(name)}-${i + 1}`, type: "external-entity", name: `${name} ${i + 1}`, kind, ...(kind === "person" ? { role: r.pick(PERSON_ROLES) } : {}), patientReach: reach, ...notes() };
    }
    const soup = r.chance(0.5) ? r.some(SOUP, 1, 3) : [];
    if (roll < 0.7) {
      const [name, technology] = r.pick(PROCESS_NAMES);
      const method = r.pick(UPDATE_METHODS);
      return {
        id: `${slug(name)}-${i + 1}`, type: "process", name: `${name} ${i + 1}`, technology,
        clinicalFunctions: r.some(CLINICAL_FUNCTIONS, 0, 2), patientReach: reach,
        parsesUntrustedInput: r.chance(0.5), runsPrivileged: r.chance(0.3), auditLog: r.chance(0.5), batteryPowered: technology === "embedded-firmware" && r.chance(0.5),
        holdsSecrets: r.chance(0.4), encryptedAtRest: r.chance(0.4),
        update: { method, codeSigned: method !== "none" && r.chance(0.7), rollbackProtection: method !== "none" && r.chance(0.4) },
        thirdPartySoftware: soup, ...notes(),
      };
    }
    const [name, technology] = r.pick(STORE_NAMES);
    return {
      id: `${slug(name)}-${i + 1}`, type: "data-store", name: `${name} ${i + 1}`, technology,
      clinicalFunctions: r.some(CLINICAL_FUNCTIONS, 0, 1), patientReach: reach, assets: r.some(assetIds, 1, 4),
      holdsSecrets: r.chance(0.3), encryptedAtRest: r.chance(0.6), thirdPartySoftware: soup, ...notes(),
    };
  });
  const elIds = els.map((e) => e.id);

  const flows: Flow[] = Array.from({ length: 2 * elements }, (_, i) => {
    const a = r.int(0, elements - 1);
    let b = r.chance(0.7) ? a + r.int(-15, 15) : r.int(0, elements - 1);
    b = Math.min(elements - 1, Math.max(0, b));
    if (b === a) b = (a + 1) % elements;
    const channel = r.pick(CHANNELS);
    const secured = SECURED.has(channel) && r.chance(0.8);
    const auth = (method: string) => (secured && r.chance(0.8) ? { enabled: true, method } : { enabled: false, method: "" });
    return {
      id: `flow-${i + 1}`, name: r.chance(0.8) ? sentence(2, 5).slice(0, -1) : "", from: elIds[a], to: elIds[b],
      channel, protocol: r.pick(PROTOCOLS[channel]), direction: r.chance(0.3) ? "two-way" : "one-way", initiator: r.chance(0.8) ? "from" : "to",
      assets: r.some(assetIds, 1, 3),
      encryption: secured ? { enabled: true, method: r.pick(["TLS 1.3", "TLS 1.2", "BLE LE Secure Connections (AES-CCM)"]) } : { enabled: false, method: "" },
      authentication: { from: auth("Client certificate"), to: auth("Server certificate") },
      messageIntegrity: secured, replayProtection: secured && r.chance(0.5), ...notes(0.3),
    };
  });

  const boundaries: (Boundary & { depth: number })[] = [];
  const inside = elIds.filter(() => r.chance(0.85));
  for (let i = 0; i < inside.length; ) {
    const size = inside.length - i < 20 ? inside.length - i : r.int(10, 25);
    const b = { id: `zone-${boundaries.length + 1}`, name: `Trust zone ${boundaries.length + 1}`, description: r.chance(0.5) ? sentence(6, 16) : "", contains: inside.slice(i, i + size), depth: 0 };
    i += size;
    const parents = boundaries.slice(-6).filter((p) => p.depth < 3 && p.contains.length < 30);
    if (parents.length > 0 && r.chance(0.4)) {
      const parent = r.pick(parents);
      parent.contains.push(b.id);
      b.depth = parent.depth + 1;
    }
    boundaries.push(b);
  }

  const count = 3 + Math.floor(Math.log10(elements));
  const span = Math.ceil(elements / count);
  const diagrams: Diagram[] = Array.from({ length: count }, (_, d) => ({
    id: `view-${d + 1}`, name: `Subsystem view ${d + 1}`, description: sentence(6, 16),
    elements: elIds.slice(d * span, Math.min(elements, (d + 1) * span + Math.ceil(span / 5))),
  }));

  return {
    medthreat: 1,
    project: {
      name: `Synthetic connected device system (${elements} elements)`,
      device: { name: "Synthetic infusion system", version: "1.0.0" },
      intendedPurpose: sentence(20, 40),
      regulation: "MDR",
      deviceKind: "hardware-with-software",
      environments: ["hospital-network", "home", "cloud"],
      intendedUsers: ["Patients (lay users)", "Clinicians", "Service technicians"],
      assumptions: [
        { id: "asm-hostile-networks", text: "Home and hospital networks are hostile." },
        { id: "asm-cloud-hosting", text: "The vendor cloud runs in an ISO/IEC 27001 certified EU region." },
      ],
    },
    assets,
    elements: els,
    boundaries: boundaries.map(({ depth: _, ...b }) => b),
    flows,
    diagrams,
  };
}
