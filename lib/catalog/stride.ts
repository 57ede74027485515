import type { CatalogEntry } from "./types";

export const STRIDE_CATEGORIES = [
  "spoofing",
  "tampering",
  "repudiation",
  "information-disclosure",
  "denial-of-service",
  "elevation-of-privilege",
] as const;
export type StrideCategory = (typeof STRIDE_CATEGORIES)[number];

export type SecurityProperty =
  | "authenticity"
  | "integrity"
  | "non-repudiation"
  | "confidentiality"
  | "availability"
  | "authorization";

export type DfdElementKind = "external-entity" | "process" | "data-store" | "flow";

/**
 * A STRIDE threat category. The Playbook is the verified source for using STRIDE; the
 * security property each category violates and the one-line meanings are not in the
 * reference, so they are marked unverified.
 */
export interface StrideThreatCategory extends CatalogEntry {
  readonly id: StrideCategory;
  readonly letter: "S" | "T" | "R" | "I" | "D" | "E";
  readonly name: string;
  readonly violatedProperty: SecurityProperty;
  readonly meaningVerification: "unverified";
}

const SOURCE = "MITRE/MDIC Playbook for Threat Modeling Medical Devices (2021), STRIDE (reference.md §8.1)";

const category = (
  id: StrideCategory,
  letter: StrideThreatCategory["letter"],
  name: string,
  violatedProperty: SecurityProperty,
  paraphrase: string,
): StrideThreatCategory => ({
  id, letter, name, violatedProperty, paraphrase,
  source: SOURCE, verification: "verified", meaningVerification: "unverified",
});

export const STRIDE_THREAT_CATEGORIES: readonly StrideThreatCategory[] = [
  category("spoofing", "S", "Spoofing", "authenticity", "Pretending to be another person, device or component."),
  category("tampering", "T", "Tampering", "integrity", "Changing code, data or messages without authorisation."),
  category("repudiation", "R", "Repudiation", "non-repudiation", "Denying having done something, with no evidence to prove otherwise."),
  category("information-disclosure", "I", "Information disclosure", "confidentiality", "Exposing information to someone not allowed to see it."),
  category("denial-of-service", "D", "Denial of service", "availability", "Making a function, device or data unavailable to those who need it."),
  category("elevation-of-privilege", "E", "Elevation of privilege", "authorization", "Gaining rights or capabilities beyond those granted."),
];

/** STRIDE-per-element as the MITRE/MDIC Playbook gives it (reference.md §8.1). */
export const STRIDE_PER_ELEMENT: Record<DfdElementKind, StrideCategory[]> = {
  "external-entity": ["spoofing", "repudiation"],
  process: [...STRIDE_CATEGORIES],
  "data-store": ["tampering", "repudiation", "information-disclosure", "denial-of-service"],
  flow: ["tampering", "information-disclosure", "denial-of-service"],
};

/** Entries of STRIDE_PER_ELEMENT that the Playbook marks with a question mark. */
export const STRIDE_PER_ELEMENT_QUESTIONED: Partial<Record<DfdElementKind, StrideCategory[]>> = {
  "data-store": ["repudiation"],
};

export const STRIDE_PER_ELEMENT_NOTE =
  "The Playbook writes repudiation for data stores as \"R?\"; it is included here and listed in STRIDE_PER_ELEMENT_QUESTIONED.";
