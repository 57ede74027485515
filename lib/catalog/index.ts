import {
  ANNEX_I_REQUIREMENTS,
  IFU_SECURITY_CLAUSES,
  IVDR_ANNEX_I,
  MDR_ANNEX_I,
  type AnnexIId,
  type AnnexIRegulation,
  type AnnexIRequirement,
  type IvdrAnnexIId,
  type IvdrAnnexIRequirement,
  type MdrAnnexIId,
  type MdrAnnexIRequirement,
} from "./annex-i";
import { CAPABILITY_CODES, SECURITY_CAPABILITIES, type CapabilityCode, type SecurityCapability } from "./capabilities";
import { FDA_CONTROL_CATEGORIES, FDA_SECURITY_CONTROL_CATEGORIES, type FdaControlCategory } from "./fda-controls";
import {
  HEALTHCARE_PROVIDER_INFORMATION,
  MDCG_SECURITY_CAPABILITIES,
  MINIMUM_IT_REQUIREMENTS,
  RISK_CONTROL_PRIORITY,
  SECURE_BY_DESIGN_PRACTICES,
  SECURITY_VERIFICATION_METHODS,
} from "./mdcg-expectations";
import { STRIDE_THREAT_CATEGORIES } from "./stride";
import type { CatalogEntry } from "./types";

export * from "./types";
export * from "./annex-i";
export * from "./capabilities";
export * from "./fda-controls";
export * from "./mdcg-expectations";
export * from "./stride";

/** Bumped whenever an entry is added, withdrawn or reworded. */
export const CATALOG_VERSION = "2026.11";

/** Every entry of the catalogue once (MDCG_IFU_ITEMS is the same list as IFU_SECURITY_CLAUSES). */
export const ALL_CATALOG_ENTRIES: readonly CatalogEntry[] = [
  ...ANNEX_I_REQUIREMENTS,
  ...IFU_SECURITY_CLAUSES,
  ...SECURE_BY_DESIGN_PRACTICES,
  ...MDCG_SECURITY_CAPABILITIES,
  ...RISK_CONTROL_PRIORITY,
  ...MINIMUM_IT_REQUIREMENTS,
  ...SECURITY_VERIFICATION_METHODS,
  ...HEALTHCARE_PROVIDER_INFORMATION,
  ...SECURITY_CAPABILITIES,
  ...FDA_SECURITY_CONTROL_CATEGORIES,
  ...STRIDE_THREAT_CATEGORIES,
];

const annexIIndex = new Map<string, AnnexIRequirement>(ANNEX_I_REQUIREMENTS.map((r) => [r.id, r]));
const capabilityIndex = new Map<string, SecurityCapability>(SECURITY_CAPABILITIES.map((c) => [c.id, c]));

export function annexIRequirements(regulation: "MDR"): readonly MdrAnnexIRequirement[];
export function annexIRequirements(regulation: "IVDR"): readonly IvdrAnnexIRequirement[];
export function annexIRequirements(regulation: AnnexIRegulation): readonly AnnexIRequirement[];
export function annexIRequirements(regulation: AnnexIRegulation): readonly AnnexIRequirement[] {
  return regulation === "MDR" ? MDR_ANNEX_I : IVDR_ANNEX_I;
}

export function annexIById(id: MdrAnnexIId): MdrAnnexIRequirement;
export function annexIById(id: IvdrAnnexIId): IvdrAnnexIRequirement;
export function annexIById(id: string): AnnexIRequirement | undefined;
export function annexIById(id: string): AnnexIRequirement | undefined {
  return annexIIndex.get(id);
}

export function isAnnexIId(id: unknown): id is AnnexIId {
  return typeof id === "string" && annexIIndex.has(id);
}

export function capabilityByCode(code: CapabilityCode): SecurityCapability;
export function capabilityByCode(code: string): SecurityCapability | undefined;
export function capabilityByCode(code: string): SecurityCapability | undefined {
  return capabilityIndex.get(code);
}

export function isCapabilityCode(x: unknown): x is CapabilityCode {
  return typeof x === "string" && (CAPABILITY_CODES as readonly string[]).includes(x);
}

export function isFdaControlCategory(x: unknown): x is FdaControlCategory {
  return typeof x === "string" && (FDA_CONTROL_CATEGORIES as readonly string[]).includes(x);
}
