import { describe, expect, it } from "vitest";
import {
  ALL_CATALOG_ENTRIES,
  ANNEX_I_REQUIREMENTS,
  CAPABILITIES_NOT_IN_MDCG_TABLE_3,
  CAPABILITY_CODES,
  CATALOG_VERSION,
  FDA_SECURITY_CONTROL_CATEGORIES,
  HEALTHCARE_PROVIDER_INFORMATION,
  IFU_SECURITY_CLAUSES,
  IVDR_ANNEX_I,
  IVDR_TABLE_1_SECTIONS,
  MDCG_IFU_ITEMS,
  MDCG_SECURITY_CAPABILITIES,
  MDR_ANNEX_I,
  MDR_TABLE_1_SECTIONS,
  MINIMUM_IT_REQUIREMENTS,
  RISK_CONTROL_PRIORITY,
  SECURE_BY_DESIGN_PRACTICES,
  SECURITY_CAPABILITIES,
  SECURITY_VERIFICATION_METHODS,
  STRIDE_CATEGORIES,
  STRIDE_PER_ELEMENT,
  STRIDE_PER_ELEMENT_QUESTIONED,
  STRIDE_THREAT_CATEGORIES,
  annexIById,
  annexIRequirements,
  capabilityByCode,
  isAnnexIId,
  isCapabilityCode,
  isFdaControlCategory,
  type CatalogEntry,
  type Verification,
} from "../../../lib/catalog";

const EXPECTED_MDR_IDS = [
  "MDR-1", "MDR-2", "MDR-3", "MDR-4", "MDR-8", "MDR-14.1", "MDR-14.2(d)", "MDR-14.5", "MDR-17.1",
  "MDR-17.2", "MDR-17.4", "MDR-18.8", "MDR-22.1", "MDR-23.1(g)", "MDR-23.2(m)", "MDR-23.4(g)", "MDR-23.4(ab)",
];
const EXPECTED_IVDR_IDS = [
  "IVDR-1", "IVDR-2", "IVDR-3", "IVDR-4", "IVDR-8", "IVDR-13.1", "IVDR-13.2(d)", "IVDR-13.5", "IVDR-16.1",
  "IVDR-16.2", "IVDR-16.4", "IVDR-20.1(g)", "IVDR-20.2(m)", "IVDR-20.4.1(ah)",
];
const EXPECTED_CAPABILITY_CODES = [
  "ALOF", "AUDT", "AUTH", "CNFS", "CSUP", "DIDT", "DTBK", "EMRG", "IGAU", "MLDP",
  "NAUT", "PAUT", "PLOK", "RDMP", "SAHD", "SGUD", "STCF", "TXCF", "TXIG",
];

const STRENGTH: Record<Verification, number> = { verified: 2, secondary: 1, unverified: 0 };
const ids = (list: readonly CatalogEntry[]) => list.map((e) => e.id);

describe("MDR and IVDR Annex I items of MDCG 2019-16 Table 1", () => {
  it("has exactly the 17 MDR and 14 IVDR items, in table order", () => {
    expect(MDR_ANNEX_I).toHaveLength(17);
    expect(IVDR_ANNEX_I).toHaveLength(14);
    expect(ids(MDR_ANNEX_I)).toEqual(EXPECTED_MDR_IDS);
    expect(ids(IVDR_ANNEX_I)).toEqual(EXPECTED_IVDR_IDS);
    expect(ids(ANNEX_I_REQUIREMENTS)).toEqual([...EXPECTED_MDR_IDS, ...EXPECTED_IVDR_IDS]);
  });

  it("builds every id from its regulation and section, and the section tuples match the entries", () => {
    for (const r of ANNEX_I_REQUIREMENTS) expect(r.id).toBe(`${r.regulation}-${r.section}`);
    expect(MDR_ANNEX_I.map((r) => r.section)).toEqual([...MDR_TABLE_1_SECTIONS]);
    expect(IVDR_ANNEX_I.map((r) => r.section)).toEqual([...IVDR_TABLE_1_SECTIONS]);
    expect(MDR_ANNEX_I.every((r) => r.regulation === "MDR")).toBe(true);
    expect(IVDR_ANNEX_I.every((r) => r.regulation === "IVDR")).toBe(true);
  });

  it("numbers the MDR items as Table 1 rows 1 to 17", () => {
    expect(MDR_ANNEX_I.map((r) => r.tableRow)).toEqual(Array.from({ length: 17 }, (_, i) => i + 1));
  });

  it("pairs MDR and IVDR items symmetrically, on the same Table 1 row", () => {
    for (const mdr of MDR_ANNEX_I) {
      if (mdr.ivdrEquivalent === null) continue;
      const ivdr = annexIById(mdr.ivdrEquivalent);
      expect(ivdr, mdr.id).toBeDefined();
      expect(ivdr.mdrEquivalent).toBe(mdr.id);
      expect(ivdr.tableRow).toBe(mdr.tableRow);
    }
    for (const ivdr of IVDR_ANNEX_I) {
      const mdr = annexIById(ivdr.mdrEquivalent);
      expect(mdr, ivdr.id).toBeDefined();
      expect(mdr.ivdrEquivalent).toBe(ivdr.id);
    }
  });

  it("has no IVDR counterpart for exactly MDR 18.8, 22.1 and 23.4(g)", () => {
    expect(MDR_ANNEX_I.filter((r) => r.ivdrEquivalent === null).map((r) => r.id)).toEqual([
      "MDR-18.8", "MDR-22.1", "MDR-23.4(g)",
    ]);
  });

  it("records that §2.1 cites 23.4b / 20.4.1(c) against Table 1", () => {
    expect(annexIById("MDR-23.4(ab)").note).toMatch(/23\.4b/);
    expect(annexIById("MDR-23.4(ab)").note).toMatch(/20\.4\.1\(c\)/);
  });

  it("does not list MDR 17.3 or IVDR 16.3 (mobile platforms are not in Table 1)", () => {
    expect(isAnnexIId("MDR-17.3")).toBe(false);
    expect(isAnnexIId("IVDR-16.3")).toBe(false);
  });
});

describe("IFU clauses read for security (MDCG 2019-16 §4.2)", () => {
  it("lists the 7 MDR and 6 IVDR clauses of §4.2", () => {
    expect(ids(IFU_SECURITY_CLAUSES)).toEqual([
      "IFU-MDR-23.4(g)", "IFU-MDR-23.4(h)", "IFU-MDR-23.4(i)", "IFU-MDR-23.4(j)", "IFU-MDR-23.4(k)",
      "IFU-MDR-23.4(q)", "IFU-MDR-23.4(ab)",
      "IFU-IVDR-20.1(g)", "IFU-IVDR-20.4.1(r)", "IFU-IVDR-20.4.1(p)", "IFU-IVDR-20.4.1(s)",
      "IFU-IVDR-20.4.1(j)", "IFU-IVDR-20.4.1(ah)",
    ]);
  });

  it("pairs counterparts symmetrically, with 23.4(h) alone", () => {
    const byId = new Map(IFU_SECURITY_CLAUSES.map((c) => [c.id, c]));
    for (const clause of IFU_SECURITY_CLAUSES) {
      if (clause.counterpart === null) continue;
      const other = byId.get(clause.counterpart);
      expect(other?.counterpart, clause.id).toBe(clause.id);
      expect(other?.regulation).not.toBe(clause.regulation);
    }
    expect(IFU_SECURITY_CLAUSES.filter((c) => c.counterpart === null).map((c) => c.id)).toEqual(["IFU-MDR-23.4(h)"]);
    expect(byId.get("IFU-MDR-23.4(i)")?.counterpart).toBe("IFU-IVDR-20.4.1(r)");
    expect(byId.get("IFU-MDR-23.4(q)")?.counterpart).toBe("IFU-IVDR-20.4.1(j)");
  });

  it("links to Table 1 only where Table 1 lists the clause", () => {
    const linked = IFU_SECURITY_CLAUSES.filter((c) => c.annexIRequirement !== null);
    expect(linked.map((c) => [c.id, c.annexIRequirement])).toEqual([
      ["IFU-MDR-23.4(g)", "MDR-23.4(g)"],
      ["IFU-MDR-23.4(ab)", "MDR-23.4(ab)"],
      ["IFU-IVDR-20.1(g)", "IVDR-20.1(g)"],
      ["IFU-IVDR-20.4.1(ah)", "IVDR-20.4.1(ah)"],
    ]);
  });

  it("gives every clause at least one item of security information", () => {
    for (const clause of IFU_SECURITY_CLAUSES) {
      expect(clause.securityInformation.length, clause.id).toBeGreaterThan(0);
      for (const item of clause.securityInformation) expect(item.trim()).not.toBe("");
    }
  });

  it("is reused, not copied, by the MDCG expectations", () => {
    expect(MDCG_IFU_ITEMS).toBe(IFU_SECURITY_CLAUSES);
  });
});

describe("MDCG 2019-16 expectations", () => {
  it("has the 8 secure-by-design practices SBD-1..SBD-8", () => {
    expect(ids(SECURE_BY_DESIGN_PRACTICES)).toEqual(["SBD-1", "SBD-2", "SBD-3", "SBD-4", "SBD-5", "SBD-6", "SBD-7", "SBD-8"]);
    expect(SECURE_BY_DESIGN_PRACTICES[0].name).toBe("Security management");
    expect(SECURE_BY_DESIGN_PRACTICES[6].name).toBe("Security update management");
  });

  it("has the 18 Table 3 capabilities, all but RDMP of IEC TR 80001-2-2, with the code mapping unverified", () => {
    expect(MDCG_SECURITY_CAPABILITIES).toHaveLength(18);
    expect(new Set(MDCG_SECURITY_CAPABILITIES.map((c) => c.capability)).size).toBe(18);
    expect(CAPABILITIES_NOT_IN_MDCG_TABLE_3).toEqual(["RDMP"]);
    for (const c of MDCG_SECURITY_CAPABILITIES) {
      expect(c.id).toBe(`MDCG-CAP-${c.capability}`);
      expect(c.codeMappingVerification).toBe("unverified");
      expect(isCapabilityCode(c.capability)).toBe(true);
    }
    expect(MDCG_SECURITY_CAPABILITIES.find((c) => c.capability === "SAHD")?.name).toBe("System and OS Hardening");
  });

  it("has the risk-control priority of §3.3 in order", () => {
    expect(RISK_CONTROL_PRIORITY.map((p) => [p.id, p.rank])).toEqual([
      ["secure-design", 1],
      ["protective-measure", 2],
      ["information-for-security", 3],
    ]);
    expect(RISK_CONTROL_PRIORITY[1].paraphrase).toMatch(/security notifications/);
  });

  it("has kebab-case MIT ids and covers every group of §3.6", () => {
    for (const m of MINIMUM_IT_REQUIREMENTS) expect(m.id).toMatch(/^MIT-[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(new Set(MINIMUM_IT_REQUIREMENTS.map((m) => m.group))).toEqual(
      new Set(["general", "network-traffic", "workstation", "complex-system", "patch-management"]),
    );
    expect(ids(MINIMUM_IT_REQUIREMENTS)).toEqual(expect.arrayContaining(["MIT-firewall", "MIT-anti-malware", "MIT-network-segmentation"]));
  });

  it("has the six verification methods of §3.7, four of them testing", () => {
    expect(ids(SECURITY_VERIFICATION_METHODS)).toEqual([
      "VER-security-feature-testing", "VER-fuzz-testing", "VER-vulnerability-scanning",
      "VER-penetration-testing", "VER-secure-code-analysis", "VER-open-source-component-scanning",
    ]);
    expect(SECURITY_VERIFICATION_METHODS.filter((v) => v.kind === "testing")).toHaveLength(4);
  });

  it("has the nine items for healthcare providers, the last two only where appropriate", () => {
    expect(ids(HEALTHCARE_PROVIDER_INFORMATION)).toEqual(Array.from({ length: 9 }, (_, i) => `HCP-${i + 1}`));
    expect(HEALTHCARE_PROVIDER_INFORMATION.filter((h) => h.whereAppropriate).map((h) => h.id)).toEqual(["HCP-8", "HCP-9"]);
  });
});

describe("IEC TR 80001-2-2 capabilities", () => {
  it("has the 19 codes, each entry keyed by its code", () => {
    expect(SECURITY_CAPABILITIES).toHaveLength(19);
    expect(ids(SECURITY_CAPABILITIES)).toEqual(EXPECTED_CAPABILITY_CODES);
    expect([...CAPABILITY_CODES]).toEqual(EXPECTED_CAPABILITY_CODES);
  });

  it("marks the list secondary and the meanings unverified, as the reference does", () => {
    for (const c of SECURITY_CAPABILITIES) {
      expect(c.verification).toBe("secondary");
      expect(c.meaningVerification).toBe("unverified");
    }
  });

  it("looks capabilities up by code", () => {
    expect(capabilityByCode("TXCF").name).toBe("Transmission confidentiality");
    expect(capabilityByCode("XXXX")).toBeUndefined();
    expect(isCapabilityCode("RDMP")).toBe(true);
    expect(isCapabilityCode("rdmp")).toBe(false);
    expect(isCapabilityCode(42)).toBe(false);
  });
});

describe("FDA security control categories", () => {
  it("has the 8 categories of Appendix 1 with the exact ids", () => {
    expect(ids(FDA_SECURITY_CONTROL_CATEGORIES)).toEqual([
      "authentication", "authorization", "cryptography", "code-data-execution-integrity",
      "confidentiality", "event-detection-logging", "resiliency-recovery", "updatability-patchability",
    ]);
  });

  it("notes the Appendix 1 heading of the last category and marks meanings unverified", () => {
    const last = FDA_SECURITY_CONTROL_CATEGORIES[7];
    expect(last.name).toBe("Updatability and Patchability");
    expect(last.alsoCalled).toBe("Firmware and Software Updates");
    expect(last.note).toMatch(/Firmware and Software Updates/);
    for (const c of FDA_SECURITY_CONTROL_CATEGORIES) expect(c.meaningVerification).toBe("unverified");
  });

  it("recognises category ids only", () => {
    expect(isFdaControlCategory("resiliency-recovery")).toBe(true);
    expect(isFdaControlCategory("Resiliency and Recovery")).toBe(false);
    expect(isFdaControlCategory(undefined)).toBe(false);
  });
});

describe("STRIDE", () => {
  it("has the six categories with the property each violates", () => {
    expect(STRIDE_THREAT_CATEGORIES.map((s) => [s.id, s.letter, s.violatedProperty])).toEqual([
      ["spoofing", "S", "authenticity"],
      ["tampering", "T", "integrity"],
      ["repudiation", "R", "non-repudiation"],
      ["information-disclosure", "I", "confidentiality"],
      ["denial-of-service", "D", "availability"],
      ["elevation-of-privilege", "E", "authorization"],
    ]);
    expect(ids(STRIDE_THREAT_CATEGORIES)).toEqual([...STRIDE_CATEGORIES]);
  });

  it("has the Playbook's STRIDE-per-element table", () => {
    expect(STRIDE_PER_ELEMENT).toEqual({
      "external-entity": ["spoofing", "repudiation"],
      process: ["spoofing", "tampering", "repudiation", "information-disclosure", "denial-of-service", "elevation-of-privilege"],
      "data-store": ["tampering", "repudiation", "information-disclosure", "denial-of-service"],
      flow: ["tampering", "information-disclosure", "denial-of-service"],
    });
    expect(STRIDE_PER_ELEMENT_QUESTIONED).toEqual({ "data-store": ["repudiation"] });
  });
});

describe("the catalogue as a whole", () => {
  it("has ids unique across all lists", () => {
    const all = ids(ALL_CATALOG_ENTRIES);
    const duplicates = all.filter((id, i) => all.indexOf(id) !== i);
    expect(duplicates).toEqual([]);
    expect(new Set(all.map((id) => id.toLowerCase())).size).toBe(all.length);
  });

  it("gives every entry a non-empty source, paraphrase and verification", () => {
    for (const e of ALL_CATALOG_ENTRIES) {
      expect(e.id.trim(), JSON.stringify(e)).not.toBe("");
      expect(e.source.trim(), e.id).not.toBe("");
      expect(e.paraphrase.trim(), e.id).not.toBe("");
      expect(["verified", "secondary", "unverified"]).toContain(e.verification);
    }
  });

  it("keeps paraphrases short", () => {
    const long = ALL_CATALOG_ENTRIES.filter((e) => e.paraphrase.length > 300).map((e) => e.id);
    expect(long).toEqual([]);
  });

  it("cites reference.md in every source", () => {
    for (const e of ALL_CATALOG_ENTRIES) expect(e.source, e.id).toMatch(/reference\.md §\d/);
  });

  it("never marks a meaning stronger than its entry, and marks no V2/U list as verified", () => {
    for (const e of ALL_CATALOG_ENTRIES) {
      if (e.meaningVerification === undefined) continue;
      expect(STRENGTH[e.meaningVerification], e.id).toBeLessThan(STRENGTH[e.verification]);
    }
    const notVerified = [...SECURITY_CAPABILITIES, ...MDCG_SECURITY_CAPABILITIES, ...FDA_SECURITY_CONTROL_CATEGORIES, ...STRIDE_THREAT_CATEGORIES];
    for (const e of notVerified) expect(e.meaningVerification, e.id).toBe("unverified");
    const fromTr = ALL_CATALOG_ENTRIES.filter((e) => e.source.startsWith("IEC TR 80001-2-2"));
    expect(fromTr).toHaveLength(19);
    for (const e of fromTr) expect(e.verification, e.id).toBe("secondary");
  });

  it("contains every list once and no more", () => {
    expect(ALL_CATALOG_ENTRIES).toHaveLength(31 + 13 + 8 + 18 + 3 + MINIMUM_IT_REQUIREMENTS.length + 6 + 9 + 19 + 8 + 6);
  });
});

describe("lookup helpers", () => {
  it("returns the requirements of one regulation", () => {
    expect(annexIRequirements("MDR")).toBe(MDR_ANNEX_I);
    expect(annexIRequirements("IVDR")).toBe(IVDR_ANNEX_I);
  });

  it("finds Annex I items by id and rejects others", () => {
    expect(annexIById("IVDR-20.4.1(ah)").mdrEquivalent).toBe("MDR-23.4(ab)");
    expect(annexIById("MDR-14.2(d)").ivdrEquivalent).toBe("IVDR-13.2(d)");
    expect(annexIById("MDR-23.4(b)")).toBeUndefined();
    expect(isAnnexIId("MDR-18.8")).toBe(true);
    expect(isAnnexIId("IVDR-18.8")).toBe(false);
    expect(isAnnexIId("MDR-14.2d")).toBe(false);
    expect(isAnnexIId(null)).toBe(false);
  });

  it("has a catalogue version", () => {
    expect(CATALOG_VERSION).toMatch(/^\d{4}\.\d+$/);
  });
});
