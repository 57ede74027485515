import type { CatalogEntry } from "./types";

/** MDR Annex I sections listed in MDCG 2019-16 Table 1, in table order. */
export const MDR_TABLE_1_SECTIONS = [
  "1", "2", "3", "4", "8", "14.1", "14.2(d)", "14.5", "17.1", "17.2", "17.4",
  "18.8", "22.1", "23.1(g)", "23.2(m)", "23.4(g)", "23.4(ab)",
] as const;
/** IVDR Annex I sections listed in MDCG 2019-16 Table 1, in table order. */
export const IVDR_TABLE_1_SECTIONS = [
  "1", "2", "3", "4", "8", "13.1", "13.2(d)", "13.5", "16.1", "16.2", "16.4",
  "20.1(g)", "20.2(m)", "20.4.1(ah)",
] as const;

export type MdrSection = (typeof MDR_TABLE_1_SECTIONS)[number];
export type IvdrSection = (typeof IVDR_TABLE_1_SECTIONS)[number];
export type MdrAnnexIId = `MDR-${MdrSection}`;
export type IvdrAnnexIId = `IVDR-${IvdrSection}`;
export type AnnexIId = MdrAnnexIId | IvdrAnnexIId;
export type AnnexIRegulation = "MDR" | "IVDR";

interface AnnexIRequirementBase extends CatalogEntry {
  /** MDCG 2019-16 Table 1 main topic, shortened. */
  readonly topic: string;
  /** Row of MDCG 2019-16 Table 1 (1..17). */
  readonly tableRow: number;
}

export interface MdrAnnexIRequirement extends AnnexIRequirementBase {
  readonly id: MdrAnnexIId;
  readonly regulation: "MDR";
  readonly section: MdrSection;
  /** The IVDR section on the same Table 1 row; null where the row has none. */
  readonly ivdrEquivalent: IvdrAnnexIId | null;
}

export interface IvdrAnnexIRequirement extends AnnexIRequirementBase {
  readonly id: IvdrAnnexIId;
  readonly regulation: "IVDR";
  readonly section: IvdrSection;
  readonly mdrEquivalent: MdrAnnexIId;
}

export type AnnexIRequirement = MdrAnnexIRequirement | IvdrAnnexIRequirement;

const table1 = (row: number, regulation: AnnexIRegulation, section: string) =>
  `MDCG 2019-16 §1.3 Table 1 row ${row}; ${regulation} Annex I ${section} (reference.md §1.3, §2)`;

export const MDR_ANNEX_I: readonly MdrAnnexIRequirement[] = [
  {
    id: "MDR-1", regulation: "MDR", section: "1", tableRow: 1, topic: "Device performance",
    paraphrase: "The device reaches the performance its manufacturer intends, is safe and effective in normal use, and any risk left is acceptable against the patient benefit, judged by the state of the art.",
    ivdrEquivalent: "IVDR-1", source: table1(1, "MDR", "1"), verification: "verified",
  },
  {
    id: "MDR-2", regulation: "MDR", section: "2", tableRow: 2, topic: "Risk reduction",
    paraphrase: "Reducing risks as far as possible means reducing them without making the benefit-risk ratio worse.",
    ivdrEquivalent: "IVDR-2", source: table1(2, "MDR", "2"), verification: "verified",
  },
  {
    id: "MDR-3", regulation: "MDR", section: "3", tableRow: 3, topic: "Risk management system",
    paraphrase: "Run a risk-management system over the whole life cycle: plan it, identify hazards, estimate and evaluate risks in intended use and reasonably foreseeable misuse, control them, and feed production and post-market information back into the controls.",
    ivdrEquivalent: "IVDR-3", source: table1(3, "MDR", "3"), verification: "verified",
  },
  {
    id: "MDR-4", regulation: "MDR", section: "4", tableRow: 4, topic: "Risk control measures",
    paraphrase: "Controls follow safety principles and the state of the art, in this order: safe design, protective measures such as alarms, information for safety and training. Residual risk per hazard and overall must be acceptable, and users are told about it.",
    ivdrEquivalent: "IVDR-4", source: table1(4, "MDR", "4"), verification: "verified",
  },
  {
    id: "MDR-8", regulation: "MDR", section: "8", tableRow: 5, topic: "Minimisation of foreseeable risks and side-effects",
    paraphrase: "All known and foreseeable risks and undesirable side-effects are kept to a minimum and stay acceptable against the evaluated benefits.",
    ivdrEquivalent: "IVDR-8", source: table1(5, "MDR", "8"), verification: "verified",
  },
  {
    id: "MDR-14.1", regulation: "MDR", section: "14.1", tableRow: 6, topic: "Combination or connection of devices and systems",
    paraphrase: "When the device is combined or connected with other devices or equipment, the whole combination, connection included, is safe and keeps the specified performance; limits on combinations appear on the label or in the IFU.",
    ivdrEquivalent: "IVDR-13.1", source: table1(6, "MDR", "14.1"), verification: "verified",
  },
  {
    id: "MDR-14.2(d)", regulation: "MDR", section: "14.2(d)", tableRow: 7, topic: "Interaction between software and the IT environment",
    paraphrase: "Risks from possible harmful interaction between the software and the IT environment it runs in and interacts with are removed or reduced as far as possible.",
    ivdrEquivalent: "IVDR-13.2(d)", source: table1(7, "MDR", "14.2(d)"), verification: "verified",
  },
  {
    id: "MDR-14.5", regulation: "MDR", section: "14.5", tableRow: 8, topic: "Interoperability and compatibility",
    paraphrase: "A device meant to work with other devices or products is reliably and safely interoperable and compatible with them.",
    ivdrEquivalent: "IVDR-13.5", source: table1(8, "MDR", "14.5"), verification: "verified",
  },
  {
    id: "MDR-17.1", regulation: "MDR", section: "17.1", tableRow: 9, topic: "Repeatability, reliability and performance",
    paraphrase: "Electronic programmable systems and software perform repeatably and reliably for the intended use; after a single fault, the resulting risks or loss of performance are removed or reduced.",
    ivdrEquivalent: "IVDR-16.1", source: table1(9, "MDR", "17.1"), verification: "verified",
  },
  {
    id: "MDR-17.2", regulation: "MDR", section: "17.2", tableRow: 10, topic: "Development and manufacture to the state of the art",
    paraphrase: "Software is developed and made to the state of the art, taking into account the development life cycle, risk management including information security, and verification and validation.",
    ivdrEquivalent: "IVDR-16.2", source: table1(10, "MDR", "17.2"), verification: "verified",
  },
  {
    id: "MDR-17.4", regulation: "MDR", section: "17.4", tableRow: 11, topic: "Minimum IT requirements",
    paraphrase: "The manufacturer states the minimum hardware, IT-network characteristics and IT-security measures, protection against unauthorised access included, that the software needs to run as intended.",
    ivdrEquivalent: "IVDR-16.4", source: table1(11, "MDR", "17.4"), verification: "verified",
  },
  {
    id: "MDR-18.8", regulation: "MDR", section: "18.8", tableRow: 12, topic: "Unauthorised access",
    paraphrase: "The device is designed and made to resist, as far as possible, unauthorised access that could stop it working as intended.",
    ivdrEquivalent: null, source: table1(12, "MDR", "18.8"), verification: "verified",
    note: "Table 1 lists no IVDR counterpart.",
  },
  {
    id: "MDR-22.1", regulation: "MDR", section: "22.1", tableRow: 13, topic: "Lay persons",
    paraphrase: "A device for lay persons works as intended given the skills and means lay users have and the variation expected in their technique and surroundings; its information is easy to understand and apply.",
    ivdrEquivalent: null, source: table1(13, "MDR", "22.1"), verification: "verified",
    note: "Table 1 lists no IVDR counterpart; IVDR 19.1 (self-testing and near-patient testing) is analogous but not cited by MDCG 2019-16 (reference.md §1.3, §2).",
  },
  {
    id: "MDR-23.1(g)", regulation: "MDR", section: "23.1(g)", tableRow: 14, topic: "Residual risks in the information supplied",
    paraphrase: "Residual risks that must be communicated are given as limitations, contra-indications, precautions or warnings in the information supplied with the device.",
    ivdrEquivalent: "IVDR-20.1(g)", source: table1(14, "MDR", "23.1(g)"), verification: "verified",
  },
  {
    id: "MDR-23.2(m)", regulation: "MDR", section: "23.2(m)", tableRow: 15, topic: "Warnings or precautions on the label",
    paraphrase: "The label carries the warnings or precautions that need immediate attention; they may be brief, with the details in the IFU.",
    ivdrEquivalent: "IVDR-20.2(m)", source: table1(15, "MDR", "23.2(m)"), verification: "verified",
  },
  {
    id: "MDR-23.4(g)", regulation: "MDR", section: "23.4(g)", tableRow: 16, topic: "Residual risks, contra-indications, side-effects in the IFU",
    paraphrase: "The IFU states residual risks, contra-indications and undesirable side-effects, including what the patient should be told about them.",
    ivdrEquivalent: null, source: table1(16, "MDR", "23.4(g)"), verification: "verified",
    note: "Table 1 lists no IVDR counterpart, yet MDCG 2019-16 §4.2 reads this clause together with IVDR 20.1(g), which Table 1 pairs with MDR 23.1(g) (reference.md §1.3, §1.8).",
  },
  {
    id: "MDR-23.4(ab)", regulation: "MDR", section: "23.4(ab)", tableRow: 17, topic: "Minimum IT requirements in the IFU",
    paraphrase: "For devices with electronic programmable systems or software, the IFU states the minimum hardware, IT-network and IT-security requirements, protection against unauthorised access included, needed to run the software as intended.",
    ivdrEquivalent: "IVDR-20.4.1(ah)", source: table1(17, "MDR", "23.4(ab)"), verification: "verified",
    note: "MDCG 2019-16 §2.1 cites \"23.4b\" (MDR) and \"20.4.1(c)\" (IVDR) for this topic, which contradicts Table 1 and looks like a drafting error; Table 1 is followed here (reference.md §1.4).",
  },
];

export const IVDR_ANNEX_I: readonly IvdrAnnexIRequirement[] = [
  {
    id: "IVDR-1", regulation: "IVDR", section: "1", tableRow: 1, topic: "Device performance",
    paraphrase: "The device reaches the performance its manufacturer intends, is safe and effective in normal use, and any risk left is acceptable against the patient benefit, judged by the state of the art.",
    mdrEquivalent: "MDR-1", source: table1(1, "IVDR", "1"), verification: "verified",
  },
  {
    id: "IVDR-2", regulation: "IVDR", section: "2", tableRow: 2, topic: "Risk reduction",
    paraphrase: "Reducing risks as far as possible means reducing them without making the benefit-risk ratio worse.",
    mdrEquivalent: "MDR-2", source: table1(2, "IVDR", "2"), verification: "verified",
  },
  {
    id: "IVDR-3", regulation: "IVDR", section: "3", tableRow: 3, topic: "Risk management system",
    paraphrase: "Run a risk-management system over the whole life cycle: plan it, identify hazards, estimate and evaluate risks in intended use and reasonably foreseeable misuse, control them, and feed production and post-market information back into the controls.",
    mdrEquivalent: "MDR-3", source: table1(3, "IVDR", "3"), verification: "verified",
  },
  {
    id: "IVDR-4", regulation: "IVDR", section: "4", tableRow: 4, topic: "Risk control measures",
    paraphrase: "Controls follow safety principles and the state of the art, in this order: safe design, protective measures such as alarms, information for safety and training. Residual risk per hazard and overall must be acceptable, and users are told about it.",
    mdrEquivalent: "MDR-4", source: table1(4, "IVDR", "4"), verification: "verified",
  },
  {
    id: "IVDR-8", regulation: "IVDR", section: "8", tableRow: 5, topic: "Minimisation of foreseeable risks and undesirable effects",
    paraphrase: "All known and foreseeable risks and undesirable effects are kept to a minimum and stay acceptable against the potential benefits.",
    mdrEquivalent: "MDR-8", source: table1(5, "IVDR", "8"), verification: "verified",
  },
  {
    id: "IVDR-13.1", regulation: "IVDR", section: "13.1", tableRow: 6, topic: "Combination or connection of devices and systems",
    paraphrase: "When the device is combined or connected with other devices or equipment, the whole combination, connection included, is safe and keeps the specified performance; limits on combinations appear on the label or in the IFU.",
    mdrEquivalent: "MDR-14.1", source: table1(6, "IVDR", "13.1"), verification: "verified",
  },
  {
    id: "IVDR-13.2(d)", regulation: "IVDR", section: "13.2(d)", tableRow: 7, topic: "Interaction between software and the IT environment",
    paraphrase: "Risks from possible harmful interaction between the software and the IT environment it runs in and interacts with are removed or reduced as far as possible.",
    mdrEquivalent: "MDR-14.2(d)", source: table1(7, "IVDR", "13.2(d)"), verification: "verified",
  },
  {
    id: "IVDR-13.5", regulation: "IVDR", section: "13.5", tableRow: 8, topic: "Interoperability and compatibility",
    paraphrase: "A device meant to work with other devices or products is reliably and safely interoperable and compatible with them.",
    mdrEquivalent: "MDR-14.5", source: table1(8, "IVDR", "13.5"), verification: "verified",
  },
  {
    id: "IVDR-16.1", regulation: "IVDR", section: "16.1", tableRow: 9, topic: "Repeatability, reliability and performance",
    paraphrase: "Electronic programmable systems and software perform repeatably and reliably for the intended use; after a single fault, the resulting risks or loss of performance are removed or reduced.",
    mdrEquivalent: "MDR-17.1", source: table1(9, "IVDR", "16.1"), verification: "verified",
    note: "MDCG 2019-16 §2.2 cites \"14.1 (IVDR)\" where 16.1 is probably meant; that reading is unverified (reference.md §1.4).",
  },
  {
    id: "IVDR-16.2", regulation: "IVDR", section: "16.2", tableRow: 10, topic: "Development and manufacture to the state of the art",
    paraphrase: "Software is developed and made to the state of the art, taking into account the development life cycle, risk management including information security, and verification and validation.",
    mdrEquivalent: "MDR-17.2", source: table1(10, "IVDR", "16.2"), verification: "verified",
  },
  {
    id: "IVDR-16.4", regulation: "IVDR", section: "16.4", tableRow: 11, topic: "Minimum IT requirements",
    paraphrase: "The manufacturer states the minimum hardware, IT-network characteristics and IT-security measures, protection against unauthorised access included, that the software needs to run as intended.",
    mdrEquivalent: "MDR-17.4", source: table1(11, "IVDR", "16.4"), verification: "verified",
  },
  {
    id: "IVDR-20.1(g)", regulation: "IVDR", section: "20.1(g)", tableRow: 14, topic: "Residual risks in the information supplied",
    paraphrase: "Residual risks that must be communicated are given as limitations, contra-indications, precautions or warnings in the information supplied with the device.",
    mdrEquivalent: "MDR-23.1(g)", source: table1(14, "IVDR", "20.1(g)"), verification: "verified",
  },
  {
    id: "IVDR-20.2(m)", regulation: "IVDR", section: "20.2(m)", tableRow: 15, topic: "Warnings or precautions on the label",
    paraphrase: "The label carries the warnings or precautions that need immediate attention; they may be brief, with the details in the IFU.",
    mdrEquivalent: "MDR-23.2(m)", source: table1(15, "IVDR", "20.2(m)"), verification: "verified",
  },
  {
    id: "IVDR-20.4.1(ah)", regulation: "IVDR", section: "20.4.1(ah)", tableRow: 17, topic: "Minimum IT requirements in the IFU",
    paraphrase: "For devices with electronic programmable systems or software, the IFU states the minimum hardware, IT-network and IT-security requirements, protection against unauthorised access included, needed to run the software as intended.",
    mdrEquivalent: "MDR-23.4(ab)", source: table1(17, "IVDR", "20.4.1(ah)"), verification: "verified",
    note: "MDCG 2019-16 §2.1 cites \"20.4.1(c)\" and §3.6 \"20.4(ah)\" for this topic; Table 1 is followed here (reference.md §1.4).",
  },
];

export const ANNEX_I_REQUIREMENTS: readonly AnnexIRequirement[] = [...MDR_ANNEX_I, ...IVDR_ANNEX_I];

type MdrIfuLetter = "g" | "h" | "i" | "j" | "k" | "q" | "ab";
type IvdrIfuLetter = "r" | "p" | "s" | "j" | "ah";
export type IfuClauseId = `IFU-MDR-23.4(${MdrIfuLetter})` | "IFU-IVDR-20.1(g)" | `IFU-IVDR-20.4.1(${IvdrIfuLetter})`;

/** An IFU clause that MDCG 2019-16 §4.2 reads for cybersecurity. */
export interface IfuSecurityClause extends CatalogEntry {
  readonly id: IfuClauseId;
  readonly regulation: AnnexIRegulation;
  readonly clause: string;
  /** How MDCG reads the clause for security (the paraphrase says it in one line). */
  readonly securityInformation: readonly string[];
  /** The clause of the other regulation that MDCG reads the same way; null where §4.2 names none. */
  readonly counterpart: IfuClauseId | null;
  /** The same clause as an MDCG Table 1 entry, when Table 1 lists it. */
  readonly annexIRequirement: AnnexIId | null;
}

interface IfuPairing {
  mdr: MdrIfuLetter;
  ivdr: IfuClauseId | null;
  paraphrase: string;
  securityInformation: string[];
}

const IFU_PAIRINGS: IfuPairing[] = [
  {
    mdr: "g", ivdr: "IFU-IVDR-20.1(g)",
    paraphrase: "Residual risks, read as the residual IT-security risks of the device.",
    securityInformation: [
      "High-level risk profile of the device",
      "The security objectives that follow from it, e.g. protecting sensitive information or keeping operation uninterrupted",
    ],
  },
  {
    mdr: "h", ivdr: null,
    paraphrase: "Specifications needed to use the device properly, read as the device's IT characteristics.",
    securityInformation: [
      "Operating-system specifications",
      "How the integrity of software updates and security patches is checked",
    ],
  },
  {
    mdr: "i", ivdr: "IFU-IVDR-20.4.1(r)",
    paraphrase: "Preparatory handling before use, read as installation, configuration and operation of the device.",
    securityInformation: [
      "Security configuration options, with the most secure settings on by default (security by default)",
      "Installation",
      "Initial configuration, e.g. changing default passwords at first login",
      "Step-by-step deployment of security updates",
      "Use of a fail-safe mode: entering and leaving it, its limits, recovering data afterwards",
      "What the user does when an alert message appears",
    ],
  },
  {
    mdr: "j", ivdr: "IFU-IVDR-20.4.1(p)",
    paraphrase: "Special facilities, training or qualifications, read as the skills users need.",
    securityInformation: ["Training and skills needed, IT skills for installation, configuration and operation included"],
  },
  {
    mdr: "k", ivdr: "IFU-IVDR-20.4.1(s)",
    paraphrase: "Checking correct installation and maintenance, read as secure configuration and applying security updates.",
    securityInformation: [
      "How the integrity of software updates and security patches is checked",
      "Step-by-step deployment of security updates",
    ],
  },
  {
    mdr: "q", ivdr: "IFU-IVDR-20.4.1(j)",
    paraphrase: "Use together with other devices or equipment, read as compatibility with, and restrictions on, the operating environment.",
    securityInformation: ["Minimum requirements for user workstations: hardware, operating-system versions, peripherals"],
  },
  {
    mdr: "ab", ivdr: "IFU-IVDR-20.4.1(ah)",
    paraphrase: "Minimum IT requirements, read as what the operating environment must provide.",
    securityInformation: [
      "Assumed environment of use, e.g. home or healthcare facility",
      "Risks of operating the device outside that environment",
      "Minimum platform: hardware, operating-system versions, middleware, drivers, peripherals",
      "Recommended security controls for the environment, e.g. anti-virus, firewall",
      "Backup and restore of data and configuration settings",
    ],
  },
];

const IVDR_IFU_ORDER: IfuClauseId[] = [
  "IFU-IVDR-20.1(g)", "IFU-IVDR-20.4.1(r)", "IFU-IVDR-20.4.1(p)",
  "IFU-IVDR-20.4.1(s)", "IFU-IVDR-20.4.1(j)", "IFU-IVDR-20.4.1(ah)",
];

const IFU_NOTES: Partial<Record<IfuClauseId, string>> = {
  "IFU-MDR-23.4(h)": "MDCG 2019-16 §4.2 names no IVDR counterpart for this clause.",
  "IFU-IVDR-20.1(g)": "IVDR 20.1(g) covers all information supplied, not only the IFU; MDCG 2019-16 §4.2 reads it together with MDR 23.4(g).",
  "IFU-IVDR-20.4.1(s)": "MDCG 2019-16 §4.2 writes \"2.4.1 (s)\", a typo for 20.4.1(s) (reference.md §1.4).",
};

const ifuSource = (regulation: AnnexIRegulation, clause: string) =>
  `MDCG 2019-16 §4.2; ${regulation} Annex I ${clause} (reference.md §1.8)`;

const asAnnexIId = (regulation: AnnexIRegulation, clause: string): AnnexIId | null => {
  const id = `${regulation}-${clause}`;
  return ANNEX_I_REQUIREMENTS.some((r) => r.id === id) ? (id as AnnexIId) : null;
};

const ifuClause = (
  id: IfuClauseId,
  counterpart: IfuClauseId | null,
  pairing: IfuPairing,
): IfuSecurityClause => {
  const regulation: AnnexIRegulation = id.startsWith("IFU-MDR-") ? "MDR" : "IVDR";
  const clause = id.slice(`IFU-${regulation}-`.length);
  const note = IFU_NOTES[id];
  return {
    id, regulation, clause,
    paraphrase: pairing.paraphrase,
    securityInformation: pairing.securityInformation,
    counterpart,
    annexIRequirement: asAnnexIId(regulation, clause),
    source: ifuSource(regulation, clause),
    verification: "verified",
    ...(note ? { note } : {}),
  };
};

/** MDR 23.4 and IVDR 20 clauses that MDCG 2019-16 §4.2 reads for security: MDR first, then IVDR, in §4.2 order. */
export const IFU_SECURITY_CLAUSES: readonly IfuSecurityClause[] = [
  ...IFU_PAIRINGS.map((p) => ifuClause(`IFU-MDR-23.4(${p.mdr})`, p.ivdr, p)),
  ...IVDR_IFU_ORDER.map((id) => {
    const pairing = IFU_PAIRINGS.find((p) => p.ivdr === id)!;
    return ifuClause(id, `IFU-MDR-23.4(${pairing.mdr})`, pairing);
  }),
];
