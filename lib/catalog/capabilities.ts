import type { CatalogEntry } from "./types";

/** IEC TR 80001-2-2 security capability codes. */
export const CAPABILITY_CODES = [
  "ALOF", "AUDT", "AUTH", "CNFS", "CSUP", "DIDT", "DTBK", "EMRG", "IGAU", "MLDP",
  "NAUT", "PAUT", "PLOK", "RDMP", "SAHD", "SGUD", "STCF", "TXCF", "TXIG",
] as const;
export type CapabilityCode = (typeof CAPABILITY_CODES)[number];

/**
 * A security capability of IEC TR 80001-2-2. The list and codes are confirmed only through a
 * secondary source; the one-line meanings are a paraphrase of the TR's intent, not checked
 * against its text (reference.md §3.1).
 */
export interface SecurityCapability extends CatalogEntry {
  readonly id: CapabilityCode;
  readonly name: string;
  readonly verification: "secondary";
  readonly meaningVerification: "unverified";
}

const SOURCE = "IEC TR 80001-2-2, list confirmed via the IEC TR 80001-2-8:2016 table of contents (reference.md §3.1)";

const capability = (id: CapabilityCode, name: string, paraphrase: string): SecurityCapability => ({
  id, name, paraphrase, source: SOURCE, verification: "secondary", meaningVerification: "unverified",
});

export const SECURITY_CAPABILITIES: readonly SecurityCapability[] = [
  capability("ALOF", "Automatic logoff", "Locks or ends an unattended session after a configurable idle time so nobody can misuse it."),
  capability("AUDT", "Audit controls", "Records security-relevant events, who did what and when, so they can be audited."),
  capability("AUTH", "Authorization", "Decides what an authenticated user or role is allowed to do."),
  capability("CNFS", "Configuration of security features", "Lets the operator set the security features to match local policy."),
  capability("CSUP", "Cyber security product upgrades", "Authorised staff, on site or remote, can install security patches and updates."),
  capability("DIDT", "Health data de-identification", "The device can remove what identifies a person from health data."),
  capability("DTBK", "Data backup and disaster recovery", "Data, hardware or software can be recovered after loss or damage."),
  capability("EMRG", "Emergency access", "Break-glass access to health data when an emergency requires it."),
  capability("IGAU", "Health data integrity and authenticity", "Stored data is not changed or destroyed without authorisation and comes from its stated originator."),
  capability("MLDP", "Malware detection/protection", "Prevents, detects and removes malicious software."),
  capability("NAUT", "Node authentication", "Authenticates the network nodes and partners the device communicates with."),
  capability("PAUT", "Person authentication", "Authenticates the people who use the device."),
  capability("PLOK", "Physical locks on device", "Physically protects the device, its stored data and removable media."),
  capability("RDMP", "Third-party components in product lifecycle roadmaps", "The manufacturer plans security support for third-party components over the life cycle."),
  capability("SAHD", "System and application hardening", "Hardening of the operating system, applications and services helps the device resist attack and malware."),
  capability("SGUD", "Security guides", "Security and privacy guidance for operators and administrators."),
  capability("STCF", "Health data storage confidentiality", "Stored health data, removable media included, is protected from unauthorised reading."),
  capability("TXCF", "Transmission confidentiality", "Health data sent over a connection stays confidential."),
  capability("TXIG", "Transmission integrity", "Health data sent over a connection arrives unaltered."),
];
