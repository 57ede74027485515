import type { Asset, Boundary, Diagram, Element, Flow, Model } from "@/lib/model/schema";
import type { AssetKind, ElementType, ProtectionLevel } from "@/lib/model/vocabulary";

export type Section = "elements" | "flows" | "boundaries" | "assets" | "diagrams";
export interface Selection {
  section: Section;
  /** The id of the item being edited; undefined while a new one is being added. */
  id?: string;
  /** For a new element: which type. */
  elementType?: ElementType;
}

export function slugify(name: string): string {
  return (
    name
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 56)
      .replace(/-+$/, "") || "item"
  );
}

export function allIds(model: Model): Set<string> {
  return new Set([
    ...model.project.assumptions.map((a) => a.id),
    ...model.assets.map((a) => a.id),
    ...model.elements.map((e) => e.id),
    ...model.boundaries.map((b) => b.id),
    ...model.flows.map((f) => f.id),
    ...model.diagrams.map((d) => d.id),
  ]);
}

/** A free id based on a name: "pump", then "pump-2", "pump-3"… */
export function uniqueId(model: Model, base: string, except?: string): string {
  const taken = allIds(model);
  if (except) taken.delete(except);
  const slug = slugify(base);
  if (!taken.has(slug)) return slug;
  for (let n = 2; ; n++) if (!taken.has(`${slug}-${n}`)) return `${slug}-${n}`;
}

const OFF = { enabled: false, method: "" };

export function blankElement(type: ElementType): Element {
  const common = { id: "", name: "", description: "", tags: [] as string[] };
  switch (type) {
    case "external-entity":
      return { ...common, type, kind: "person", role: "patient", patientReach: "none" };
    case "process":
      return {
        ...common,
        type,
        technology: "other",
        clinicalFunctions: [],
        patientReach: "none",
        parsesUntrustedInput: false,
        runsPrivileged: false,
        auditLog: false,
        batteryPowered: false,
        holdsSecrets: false,
        encryptedAtRest: false,
        update: { method: "none", codeSigned: false, rollbackProtection: false },
        thirdPartySoftware: [],
      };
    case "data-store":
      return { ...common, type, technology: "other", clinicalFunctions: [], patientReach: "none", assets: [], holdsSecrets: false, encryptedAtRest: false, thirdPartySoftware: [] };
  }
}

export function blankFlow(model: Model): Flow {
  const [a, b] = model.elements;
  return {
    id: "",
    name: "",
    description: "",
    from: a?.id ?? "",
    to: b?.id ?? a?.id ?? "",
    channel: "internet",
    protocol: "",
    direction: "one-way",
    initiator: "from",
    assets: [],
    encryption: OFF,
    authentication: { from: OFF, to: OFF },
    messageIntegrity: false,
    replayProtection: false,
    tags: [],
  };
}

export const blankBoundary = (): Boundary => ({ id: "", name: "", description: "", contains: [] });
export const blankDiagram = (): Diagram => ({ id: "", name: "", description: "", elements: [] });

/** Starting protection needs for a new asset of a kind; the user adjusts them. */
const PRESETS: Record<AssetKind, [ProtectionLevel, ProtectionLevel, ProtectionLevel]> = {
  "patient-data": ["high", "high", "medium"],
  "therapy-command": ["low", "high", "high"],
  "diagnostic-data": ["medium", "high", "high"],
  alarm: ["low", "high", "high"],
  credential: ["high", "high", "medium"],
  firmware: ["low", "high", "medium"],
  configuration: ["low", "high", "medium"],
  log: ["medium", "high", "low"],
  other: ["medium", "medium", "medium"],
};

export function blankAsset(kind: AssetKind = "patient-data"): Asset {
  const [confidentiality, integrity, availability] = PRESETS[kind];
  return { id: "", name: "", kind, description: "", confidentiality, integrity, availability };
}

export function presetFor(kind: AssetKind) {
  const [confidentiality, integrity, availability] = PRESETS[kind];
  return { confidentiality, integrity, availability };
}

export function elementName(model: Model, id: string): string {
  return model.elements.find((e) => e.id === id)?.name ?? id;
}
