import type { CatalogEntry } from "./types";

/** Security control categories of the FDA premarket cybersecurity guidance, Appendix 1. */
export const FDA_CONTROL_CATEGORIES = [
  "authentication",
  "authorization",
  "cryptography",
  "code-data-execution-integrity",
  "confidentiality",
  "event-detection-logging",
  "resiliency-recovery",
  "updatability-patchability",
] as const;
export type FdaControlCategory = (typeof FDA_CONTROL_CATEGORIES)[number];

/**
 * The categories and their names are verified; the reference gives no per-category meaning,
 * so the one-line paraphrases are unverified.
 */
export interface FdaSecurityControlCategory extends CatalogEntry {
  readonly id: FdaControlCategory;
  readonly name: string;
  /** Another name the guidance uses for the same category. */
  readonly alsoCalled?: string;
  readonly meaningVerification: "unverified";
}

const SOURCE =
  "FDA, Cybersecurity in Medical Devices: Quality System Considerations and Content of Premarket Submissions (June 2025), §V.B.1 and Appendix 1 (reference.md §6.3)";

export const FDA_SECURITY_CONTROL_CATEGORIES: readonly FdaSecurityControlCategory[] = [
  {
    id: "authentication", name: "Authentication",
    paraphrase: "Confirm the identity of users, devices and software before trusting what they send or request.",
    source: SOURCE, verification: "verified", meaningVerification: "unverified",
  },
  {
    id: "authorization", name: "Authorization",
    paraphrase: "Limit what each authenticated user, role or component may do to what it needs.",
    source: SOURCE, verification: "verified", meaningVerification: "unverified",
  },
  {
    id: "cryptography", name: "Cryptography",
    paraphrase: "Use current, sound cryptographic methods and manage the keys securely.",
    source: SOURCE, verification: "verified", meaningVerification: "unverified",
  },
  {
    id: "code-data-execution-integrity", name: "Code, Data, and Execution Integrity",
    paraphrase: "Keep device code, stored data and the running software free from unauthorised change.",
    source: SOURCE, verification: "verified", meaningVerification: "unverified",
  },
  {
    id: "confidentiality", name: "Confidentiality",
    paraphrase: "Keep sensitive data the device handles, such as health data and credentials, from unauthorised disclosure.",
    source: SOURCE, verification: "verified", meaningVerification: "unverified",
  },
  {
    id: "event-detection-logging", name: "Event Detection and Logging",
    paraphrase: "Detect security events, record them in logs and make the logs available for analysis.",
    source: SOURCE, verification: "verified", meaningVerification: "unverified",
  },
  {
    id: "resiliency-recovery", name: "Resiliency and Recovery",
    paraphrase: "Keep essential functions working during an attack and return to normal operation afterwards.",
    source: SOURCE, verification: "verified", meaningVerification: "unverified",
  },
  {
    id: "updatability-patchability", name: "Updatability and Patchability", alsoCalled: "Firmware and Software Updates",
    paraphrase: "Let the device receive authentic software and firmware updates in a timely and reliable way.",
    source: SOURCE, verification: "verified", meaningVerification: "unverified",
    note: "Appendix 1's heading calls this category \"Firmware and Software Updates\" (reference.md §6.3).",
  },
];
