import type { ThreatRule } from "../rule";

/**
 * Threats to patient data (PHI): at rest, in transit, in logs, when it leaves for a third party or
 * for secondary use, when many patients' records sit in one place, and when it must be recovered.
 */

const family = "patient-data";
const storesPhi = { fact: "storedAssetKinds", has: "patient-data" } as const;
const carriesPhi = { fact: "assetKinds", has: "patient-data" } as const;
/** Tags that mark a receiver or a flow as secondary use of health data. */
const SECONDARY_USE = ["analytics", "research", "secondary-use", "registry", "ai-training", "data-lake", "data-warehouse"];

export const patientDataRules: ThreatRule[] = [
  {
    id: "phi-at-rest-unencrypted",
    family,
    title: "{{name}} stores patient data unencrypted",
    stride: "information-disclosure",
    targets: ["data-store"],
    when: {
      all: [
        storesPhi,
        { fact: "encryptedAtRest", is: false },
        { fact: "max.confidentiality", atLeast: 2 },
        // storage on a phone is mobile-insecure-local-storage's (mobile family), device memory
        // holding secrets embedded-secrets-extractable's (embedded family)
        { fact: "technology", isNot: "mobile-app" },
        { not: { all: [{ fact: "technology", in: ["embedded-firmware", "removable-storage"] }, { fact: "holdsSecrets", is: true }] } },
      ],
    },
    description:
      "{{name}} holds patient data ({{assets}}) unencrypted at rest; whoever gets at the storage (a stolen or discarded device, a copied disk or backup, a service export to a USB stick) reads the health data of the patients it serves.",
    capec: ["CAPEC-675"],
    cwe: ["CWE-312", "CWE-311"],
    capabilities: ["STCF"],
    safety: { when: "never", why: "Disclosure of health data harms privacy, not the patient's physical safety." },
    annexI: ["MDR-17.2"],
    controls: ["ctl-encryption-at-rest", "ctl-ifu-decommissioning"],
    source:
      "MDCG 2019-16 §2.1 (information security: confidentiality at rest) and Annex II (warming therapy device: patient data exported via USB; PACS: data stolen with a USB stick); FDA premarket guidance (2025) Appendix 1 confidentiality",
    supersedes: ["store-information-disclosure"],
  },
  {
    id: "phi-in-transit-unencrypted",
    family,
    title: "Patient data travels unencrypted from {{from.name}} to {{to.name}}",
    stride: "information-disclosure",
    targets: ["flow"],
    when: {
      all: [
        carriesPhi,
        { fact: "encryption.enabled", is: false },
        { any: [{ fact: "crossesBoundary", is: true }, { fact: "wireless", is: true }] },
        { fact: "channel", notIn: ["internal", "user-interface"] },
        // USB, serial and removable media exports are embedded-port-data-export's (embedded family)
        { fact: "physicalPort", is: false },
      ],
    },
    description:
      "Patient data ({{assets}}) travels from {{from.name}} to {{to.name}} over {{channel}} without encryption; anyone who can listen on the way reads the health data and identity of the patients.",
    capec: ["CAPEC-157"],
    cwe: ["CWE-319"],
    capabilities: ["TXCF"],
    safety: { when: "never", why: "Eavesdropping on health data harms privacy, not the patient's physical safety." },
    annexI: ["MDR-17.2"],
    controls: ["ctl-encrypted-transport"],
    source:
      "MDCG 2019-16 Annex II (monitoring system: eavesdropping between local monitor and central station discloses health data); FDA premarket guidance (2025) Appendix 1 confidentiality; MITRE/MDIC Playbook high-value flows: sharing patient data with external servers",
    supersedes: ["flow-information-disclosure"],
  },
  {
    id: "phi-bulk-exposure",
    family,
    title: "A breach of {{name}} exposes the records of many patients at once",
    stride: "information-disclosure",
    targets: ["data-store"],
    when: { all: [storesPhi, { fact: "patientReach", is: "many" }] },
    description:
      "{{name}} holds patient data ({{assets}}) of many patients in one place. Whoever compromises a component that may query it, or steals an account or key with access to it, can copy all records at once; encryption at rest does not stop that. A breach of this size (e.g. 500 patients or more) triggers breach notification and regulatory reporting.",
    capec: [],
    cwe: ["CWE-359"],
    capabilities: ["STCF", "AUTH", "AUDT", "DIDT"],
    safety: { when: "never", why: "A mass disclosure harms the privacy of many patients, not their physical safety." },
    annexI: ["MDR-17.2"],
    controls: ["ctl-object-level-authorization", "ctl-cloud-least-privilege-configuration", "ctl-de-identification", "ctl-backend-anomaly-detection"],
    source:
      "MITRE Rubric for Applying CVSS to Medical Devices, PHI question XCPM (exposure of a large number of patients, e.g. 500 or more, forcing breach notification under HIPAA or GDPR); FDA premarket guidance (2025) §V.B.2 multi-patient harm view",
  },
  {
    id: "phi-third-party-disclosure",
    family,
    title: "Patient data is handed to the third party {{to.name}}",
    stride: "information-disclosure",
    targets: ["flow"],
    when: { all: [carriesPhi, { fact: "to.kind", in: ["cloud-service", "other-system"] }] },
    description:
      "Patient data ({{assets}}) leaves the system for {{to.name}}, which is outside the manufacturer's control. What it keeps, for how long, who can read it there and whether it passes the data on is decided by the third party; a breach or misuse there exposes the patients whose data it received.",
    capec: [],
    cwe: ["CWE-359"],
    capabilities: ["DIDT"],
    safety: { when: "never", why: "Disclosure by a third party harms privacy, not the patient's physical safety." },
    annexI: ["MDR-17.2"],
    controls: ["ctl-third-party-data-minimisation", "ctl-de-identification"],
    source:
      "MITRE/MDIC Playbook high-value flows: sharing patient data with external servers; MDCG 2019-16 §4.2 (external hosting: what data is stored where and how it is protected) and §6 (GDPR)",
  },
  {
    id: "phi-in-logs",
    family,
    title: "Logs in {{name}} sit together with patient data",
    stride: "information-disclosure",
    targets: ["data-store"],
    when: { all: [storesPhi, { fact: "storedAssetKinds", has: "log" }] },
    description:
      "{{name}} holds logs together with patient data ({{assets}}). Logs are read, exported and kept by people and tools that have no need to see patient data (service, support, log collectors), often for longer than the records themselves; patient data written into log entries reaches all of them.",
    capec: [],
    cwe: ["CWE-532"],
    capabilities: ["DIDT", "STCF"],
    safety: { when: "never", why: "Patient data in logs harms privacy, not the patient's physical safety." },
    annexI: ["MDR-17.2"],
    controls: ["ctl-phi-free-logging"],
    source:
      "MDCG 2019-16 Annex I (NIS measures: least privilege, including data minimisation per role) and §4.2 (documented logging implementation); FDA premarket guidance (2025) Appendix 1 confidentiality",
  },
  {
    id: "phi-secondary-use-identifiable",
    family,
    title: "Identifiable patient data goes to {{to.name}} for secondary use",
    stride: "information-disclosure",
    targets: ["flow"],
    when: { all: [carriesPhi, { any: [{ fact: "to.tags", mentions: SECONDARY_USE }, { fact: "tags", mentions: SECONDARY_USE }] }] },
    description:
      "Patient data ({{assets}}) flows to {{to.name}} for secondary use (analytics, research or a registry) and is modelled as patient data, i.e. identifiable. Secondary use does not need to know who the patients are; without de-identification everyone with access there can identify them, and pseudonymised data still counts as personal data.",
    capec: [],
    cwe: ["CWE-359"],
    capabilities: ["DIDT"],
    safety: { when: "never", why: "Re-identification harms privacy, not the patient's physical safety." },
    annexI: ["MDR-17.2"],
    controls: ["ctl-de-identification", "ctl-third-party-data-minimisation"],
    source:
      "IEC TR 80001-2-2 DIDT (health data de-identification); MDCG 2019-16 §6 (GDPR: pseudonymised data remains personal data, anonymisation must be irreversible)",
    supersedes: ["phi-third-party-disclosure"],
  },
  {
    id: "phi-backup-recovery",
    family,
    title: "Patient data in {{name}} can be lost to ransomware without a way back",
    stride: "denial-of-service",
    targets: ["data-store"],
    when: {
      all: [storesPhi, { fact: "max.availability", atLeast: 2 }, { any: [{ fact: "patientReach", is: "many" }, { fact: "exposed", is: true }] }],
    },
    description:
      "{{name}} holds patient data ({{assets}}) that must be available for care and is reachable by many users or across a trust boundary. Ransomware, deletion or corruption makes it unavailable; without tested backups kept apart from it and a recovery procedure it cannot be restored in time.",
    capec: [],
    cwe: [],
    capabilities: ["DTBK", "MLDP"],
    safety: {
      when: { any: [{ fact: "storedAssetKinds", hasAny: ["therapy-command", "diagnostic-data", "alarm"] }, { fact: "max.availability", atLeast: 3 }] },
      why: "Records, images or settings that are lost or held to ransom delay diagnosis and treatment.",
    },
    annexI: ["MDR-17.1", "MDR-17.2", "MDR-23.4(ab)"],
    controls: ["ctl-backup-tested-restore", "ctl-ifu-backup-restore"],
    source:
      "MDCG 2019-16 Annex II (PACS: ransomware, health damage through unavailability; controls include backups), §4.2 reading of MDR 23.4(ab) (backup and restore of data) and §4.3 item 3 (backup and restore)",
    supersedes: ["store-denial-of-service"],
  },
];
