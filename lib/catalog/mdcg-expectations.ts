import { IFU_SECURITY_CLAUSES, type IfuSecurityClause } from "./annex-i";
import { CAPABILITY_CODES, type CapabilityCode } from "./capabilities";
import type { CatalogEntry } from "./types";

const MDCG = "MDCG 2019-16 Rev.1";

// ── §3.1 Secure by design: the eight practices ──────────────────────────────

export type SecureByDesignId = `SBD-${1 | 2 | 3 | 4 | 5 | 6 | 7 | 8}`;

export interface SecureByDesignPractice extends CatalogEntry {
  readonly id: SecureByDesignId;
  readonly practice: number;
  readonly name: string;
}

const sbd = (practice: number, name: string, paraphrase: string, note?: string): SecureByDesignPractice => ({
  id: `SBD-${practice}` as SecureByDesignId, practice, name, paraphrase,
  source: `${MDCG} §3.1, Figure 5 (reference.md §1.6)`, verification: "verified",
  ...(note ? { note } : {}),
});

export const SECURE_BY_DESIGN_PRACTICES: readonly SecureByDesignPractice[] = [
  sbd(1, "Security management",
    "Plan, document and carry out security activities over the whole product life cycle; this practice spans the other seven and also covers externally provided components.",
    "The eight practices appear to follow the structure of IEC 62443-4-1 (unverified, reference.md §1.6)."),
  sbd(2, "Specification of security requirements",
    "Specify the security capabilities the product needs (e.g. authentication, authorisation, encryption, auditing) and its security context, such as physical security level and firewall protection of external interfaces."),
  sbd(3, "Secure by design", "Make the design secure, defence in depth included."),
  sbd(4, "Secure implementation",
    "Implement all hardware and software components securely; externally provided components fall under security management instead."),
  sbd(5, "Security verification and validation testing", "Test and document that the security requirements are met."),
  sbd(6, "Management of security-related issues", "Handle the security issues found in the product."),
  sbd(7, "Security update management", "Test security patches and updates for regressions and deliver them to users in good time."),
  sbd(8, "Security guidelines",
    "Give users documentation on how to integrate, configure and maintain the product's defence in depth."),
];

// ── §3.3 Table 3: indicative security capabilities ─────────────────────────

/** A Table 3 entry. The list is verified; its mapping to an IEC TR 80001-2-2 code is inferred from the names. */
export interface MdcgSecurityCapability extends CatalogEntry {
  readonly id: `MDCG-CAP-${CapabilityCode}`;
  /** Name as Table 3 writes it. */
  readonly name: string;
  readonly capability: CapabilityCode;
  readonly codeMappingVerification: "unverified";
  readonly meaningVerification: "unverified";
}

const cap = (capability: CapabilityCode, name: string, paraphrase: string): MdcgSecurityCapability => ({
  id: `MDCG-CAP-${capability}`, name, capability, paraphrase,
  source: `${MDCG} §3.3 Table 3 (reference.md §1.6)`, verification: "verified",
  codeMappingVerification: "unverified", meaningVerification: "unverified",
});

export const MDCG_SECURITY_CAPABILITIES: readonly MdcgSecurityCapability[] = [
  cap("ALOF", "Automatic Logoff", "End or lock unattended sessions after a period of inactivity."),
  cap("AUDT", "Audit Controls", "Record security-relevant events so they can be audited."),
  cap("AUTH", "Authorization", "Control what each authenticated user or role may do."),
  cap("CNFS", "Configuration of Security Features", "Let the operator configure the security features."),
  cap("CSUP", "Cybersecurity Product Upgrades", "Allow security updates and patches to be installed."),
  cap("DIDT", "Personal Data De-Identification", "Remove what identifies a person from the personal data."),
  cap("DTBK", "Data Backup and Disaster Recovery", "Back up data and recover after loss or damage."),
  cap("EMRG", "Emergency Access", "Give access to data in an emergency."),
  cap("IGAU", "Personal Data Integrity and Authenticity", "Keep personal data unaltered and traceable to its origin."),
  cap("MLDP", "Malware Detection / Protection", "Prevent, detect and remove malicious software."),
  cap("NAUT", "Node Authentication", "Authenticate the network nodes the device talks to."),
  cap("PAUT", "Person Authentication", "Authenticate the people using the device."),
  cap("PLOK", "Physical Locks", "Physically protect the device and its media."),
  cap("SAHD", "System and OS Hardening", "Harden the operating system and system software against attack."),
  cap("SGUD", "Security and Privacy Guides", "Give operators security and privacy guidance."),
  cap("STCF", "Personal Data Storage Confidentiality", "Keep stored personal data from unauthorised reading."),
  cap("TXCF", "Transmission Confidentiality", "Keep transmitted data confidential."),
  cap("TXIG", "Transmission Integrity", "Keep transmitted data unaltered."),
];

/** IEC TR 80001-2-2 capabilities with no Table 3 entry under the (unverified) name mapping: RDMP. */
export const CAPABILITIES_NOT_IN_MDCG_TABLE_3: readonly CapabilityCode[] = CAPABILITY_CODES.filter(
  (code) => !MDCG_SECURITY_CAPABILITIES.some((c) => c.capability === code),
);

// ── §3.3 Risk-control priority for security ─────────────────────────────────

export const RISK_CONTROL_OPTIONS = ["secure-design", "protective-measure", "information-for-security"] as const;
export type RiskControlOption = (typeof RISK_CONTROL_OPTIONS)[number];

export interface RiskControlPriority extends CatalogEntry {
  readonly id: RiskControlOption;
  /** 1 is preferred. */
  readonly rank: 1 | 2 | 3;
  readonly name: string;
  /** The safety option of MDR Annex I 4 that this one mirrors. */
  readonly safetyAnalogue: string;
}

const priority = (id: RiskControlOption, rank: 1 | 2 | 3, name: string, safetyAnalogue: string, paraphrase: string): RiskControlPriority => ({
  id, rank, name, safetyAnalogue, paraphrase,
  source: `${MDCG} §3.3; MDR Annex I 4 (reference.md §1.6)`, verification: "verified",
});

export const RISK_CONTROL_PRIORITY: readonly RiskControlPriority[] = [
  priority("secure-design", 1, "Secure design and manufacture", "MDR Annex I 4(a): safe design and manufacture",
    "First remove or reduce security risks through secure design and manufacture."),
  priority("protective-measure", 2, "Protective measures", "MDR Annex I 4(b): protective measures, alarms included",
    "For risks that remain, add protective measures, security notifications included where needed."),
  priority("information-for-security", 3, "Information for security", "MDR Annex I 4(c): information for safety and training",
    "Then inform users, including the measures they must take in the operating environment to make exploitation less likely."),
];

// ── §3.6 Indicative minimum IT requirements for the operating environment ──

export type MinimumItGroup = "general" | "network-traffic" | "workstation" | "complex-system" | "patch-management";

export interface MinimumItRequirement extends CatalogEntry {
  readonly id: `MIT-${string}`;
  readonly group: MinimumItGroup;
  readonly name: string;
}

const mit = (slug: string, group: MinimumItGroup, name: string, paraphrase: string): MinimumItRequirement => ({
  id: `MIT-${slug}`, group, name, paraphrase,
  source: `${MDCG} §3.6; MDR Annex I 17.4, 23.4(ab); IVDR Annex I 16.4, 20.4.1(ah) (reference.md §1.6)`,
  verification: "verified",
});

/** Indicative, non-exhaustive; the manufacturer picks what applies case by case. */
export const MINIMUM_IT_REQUIREMENTS: readonly MinimumItRequirement[] = [
  mit("legal-compliance", "general", "Compliance with national and EU law", "The operator complies with national and EU law, e.g. the GDPR."),
  mit("physical-security", "general", "Physical security",
    "The environment protects the device physically, e.g. badge-controlled access, a physical access policy, segregated secure areas."),
  mit("user-access-management", "general", "User access management", "Credentials and an access policy govern who can use applications and devices."),
  mit("anti-malware", "general", "Anti-virus / anti-malware", "Anti-virus or anti-malware software is in place."),
  mit("firewall", "general", "Firewall", "A firewall protects the environment."),
  mit("application-whitelisting", "general", "Application whitelisting / hardening", "Only approved applications run, and systems are hardened."),
  mit("genuine-software", "general", "Genuine software only", "Only genuine software is used; illegitimate software is banned."),
  mit("session-timeouts", "general", "Session management", "Sessions are managed, e.g. they time out."),
  mit("network-segmentation", "network-traffic", "Network segmentation", "The network is divided into segments."),
  mit("traffic-filtering", "network-traffic", "Traffic filtering", "Network traffic is filtered."),
  mit("data-encryption", "network-traffic", "Encryption", "Data on the network is encrypted."),
  mit("workstation-hardening", "workstation", "Workstation hardening and whitelisting",
    "Workstations connected to the device have a hardened operating system and application whitelisting."),
  mit("workstation-memory-protection", "workstation", "Memory protection",
    "Workstations use memory protection that blocks arbitrary code execution."),
  mit("workstation-anti-malware-compatibility", "workstation", "Compatibility with anti-malware",
    "The device's management software works alongside anti-malware on the workstation."),
  mit("workstation-strong-passwords", "workstation", "Strong passwords", "Strong passwords are used on workstations."),
  mit("workstation-necessary-software-only", "workstation", "Only necessary software",
    "Workstations carry only the software needed for the intended use."),
  mit("complex-system-segmentation", "complex-system", "Partitioning and segmentation",
    "In complex systems of several devices, partitioning and network segmentation limit how far an attack spreads."),
  mit("complex-system-software-integrity", "complex-system", "Software integrity checks",
    "In complex systems, software integrity is checked to limit attack propagation."),
  mit("complex-system-device-authentication", "complex-system", "Device authentication",
    "In complex systems, devices authenticate each other to limit attack propagation."),
  mit("patching-keeps-interoperability", "patch-management", "Patching without breaking interoperability",
    "The environment can be patched without breaking interoperability or compatibility."),
  mit("timely-device-patches", "patch-management", "Timely device patches", "The operator deploys security patches for medical devices in good time."),
  mit("environment-up-to-date", "patch-management", "Environment kept up to date",
    "The operator keeps the environment, e.g. operating systems and applications, up to date on security."),
  mit("no-impairment-of-device", "general", "No impairment of the device",
    "Parts of the environment that interact with or are needed by the device keep interoperability and do not impair its specified performance."),
];

// ── §3.7 Verification and validation methods ───────────────────────────────

export interface SecurityVerificationMethod extends CatalogEntry {
  readonly id: `VER-${string}`;
  readonly name: string;
  /** Testing is the primary means; the analysis tools come in addition. */
  readonly kind: "testing" | "analysis-tool";
}

const ver = (
  slug: string, kind: SecurityVerificationMethod["kind"], name: string, paraphrase: string, meaningUnverified: boolean,
): SecurityVerificationMethod => ({
  id: `VER-${slug}`, kind, name, paraphrase,
  source: `${MDCG} §3.7; MDR Annex I 17.2 (reference.md §1.6)`, verification: "verified",
  ...(meaningUnverified ? { meaningVerification: "unverified" as const } : {}),
});

export const SECURITY_VERIFICATION_METHODS: readonly SecurityVerificationMethod[] = [
  ver("security-feature-testing", "testing", "Security feature testing", "Test that each security feature works as specified.", true),
  ver("fuzz-testing", "testing", "Fuzz testing", "Feed malformed or unexpected input to the device's interfaces to expose faults.", true),
  ver("vulnerability-scanning", "testing", "Vulnerability scanning", "Scan the device for known vulnerabilities.", true),
  ver("penetration-testing", "testing", "Penetration testing", "Authorised security experts try to find and exploit the device's weaknesses.", true),
  ver("secure-code-analysis", "analysis-tool", "Secure code analysis", "Analyse the product's code with secure code analysis tools.", false),
  ver("open-source-component-scanning", "analysis-tool", "Open-source component scanning",
    "Scan the open-source code and libraries used in the product for components with known issues.", false),
];

// ── §4.2 Instructions for use ───────────────────────────────────────────────

/** The IFU clauses MDCG 2019-16 §4.2 reads for security; the same array as IFU_SECURITY_CLAUSES. */
export const MDCG_IFU_ITEMS: readonly IfuSecurityClause[] = IFU_SECURITY_CLAUSES;

// ── §4.3 Information for healthcare providers ───────────────────────────────

export type HealthcareProviderInfoId = `HCP-${1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9}`;

export interface HealthcareProviderInformation extends CatalogEntry {
  readonly id: HealthcareProviderInfoId;
  readonly item: number;
  readonly name: string;
  /** MDCG asks for it only where appropriate. */
  readonly whereAppropriate: boolean;
}

const hcp = (item: number, name: string, paraphrase: string, whereAppropriate = false): HealthcareProviderInformation => ({
  id: `HCP-${item}` as HealthcareProviderInfoId, item, name, paraphrase, whereAppropriate,
  source: `${MDCG} §4.3 (reference.md §1.9)`, verification: "verified",
});

/** MDCG's list is non-exhaustive. */
export const HEALTHCARE_PROVIDER_INFORMATION: readonly HealthcareProviderInformation[] = [
  hcp(1, "Recommended controls for the use environment",
    "IFU and product specifications naming the security controls recommended for the intended environment, e.g. anti-virus, firewall."),
  hcp(2, "Protection of critical functions",
    "Device features that keep critical functions working even when security has been compromised, e.g. a hardened operating system."),
  hcp(3, "Backup and restore", "Backup and restore features and procedures for getting configurations back."),
  hcp(4, "Supporting infrastructure", "What the supporting infrastructure must provide for the device to work as intended."),
  hcp(5, "Hardening by secure configuration",
    "How the device is or can be hardened by configuration: anti-malware, firewall rules, whitelisting, security-event and logging settings, physical security detection."),
  hcp(6, "Network ports and interfaces",
    "The network ports and other interfaces that send or receive data, what each does and its direction; unused ports disabled."),
  hcp(7, "Network diagrams", "Network diagrams detailed enough for end users."),
  hcp(8, "Secure deployment and incident response",
    "Instructions for secure network deployment and servicing and for responding to a vulnerability or incident: how anomalies are signalled, how logs are kept and fed to intrusion detection, how privileged users recover configuration.",
    true),
  hcp(9, "Use outside the intended environment", "The risks of using the device outside its intended environment.", true),
];
