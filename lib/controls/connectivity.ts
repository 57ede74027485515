import type { SecurityControl } from "./types";

/**
 * Controls for communication, accounts, web and cloud back ends, and clinical IT interfaces.
 * Secure design first, then protective measures (MDCG 2019-16 §3.3).
 */
export const CONNECTIVITY_CONTROLS: readonly SecurityControl[] = [
  // ── Secure design: communication ─────────────────────────────────────────
  {
    id: "ctl-encrypted-transport",
    title: "Encryption of all data in transit",
    description:
      "Every flow that leaves a trust boundary or uses radio is encrypted and integrity-protected with a current protocol (TLS 1.2 or 1.3, DTLS, or an authenticated-encryption link layer) without obsolete cipher suites and without cleartext fallback. This includes HL7/FHIR and DICOM connections (DICOM over TLS), log forwarding and update downloads.",
    type: "secure-design",
    fdaCategory: "cryptography",
    capabilities: ["TXCF", "TXIG"],
    annexI: ["MDR-17.2", "MDR-18.8", "MDR-14.1"],
    transfersToOperator: false,
    verification: ["security-feature-test", "vulnerability-scan", "penetration-test"],
    source:
      "MDCG 2019-16 Annex II (implantable sensor: SSL/TLS between electronics unit and clinician website) and §2.1 (confidentiality in transit); FDA premarket guidance (2025) Appendix 1 cryptography",
  },
  {
    id: "ctl-mutual-tls",
    title: "Mutual authentication of devices and services",
    description:
      "Devices, gateways and services authenticate each other with certificates (mutual TLS or an equivalent handshake), using per-device certificates issued in manufacturing and checked against the manufacturer's CA, before any data or command is accepted. Unknown or revoked peers are refused and logged.",
    type: "secure-design",
    fdaCategory: "authentication",
    capabilities: ["NAUT", "TXCF", "TXIG"],
    annexI: ["MDR-18.8", "MDR-17.2", "MDR-14.1", "MDR-14.5"],
    transfersToOperator: false,
    verification: ["security-feature-test", "penetration-test"],
    source:
      "MDCG 2019-16 §3.6 (device authentication in complex systems) and §3.3 Table 3 (node authentication); FDA premarket guidance (2025) Appendix 1 authentication",
  },
  {
    id: "ctl-certificate-pinning",
    title: "Pinned server identity",
    description:
      "Apps and devices accept the manufacturer's servers (cloud, update, alarm relay) only if their certificate chains to a pinned manufacturer CA or key, so a rogue server with a certificate from another public CA is refused. Pins are rotated through signed updates, with a backup pin.",
    type: "secure-design",
    fdaCategory: "authentication",
    capabilities: ["NAUT"],
    annexI: ["MDR-18.8", "MDR-17.2"],
    transfersToOperator: false,
    verification: ["security-feature-test", "penetration-test"],
    source:
      "OWASP MASVS-NETWORK-2 (identity pinning for endpoints under the developer's control); FDA premarket guidance (2025) §V.A.1 (assume an adversary controls the network)",
  },
  {
    id: "ctl-app-layer-end-to-end-security",
    title: "Application-layer end-to-end encryption and authentication",
    description:
      "The medical app (or the cloud) and the device run their own authenticated key exchange and encrypt and authenticate every message at the application layer, with keys bound to the app installation rather than to the phone's Bluetooth bond. Other apps on the phone, its Bluetooth stack and its logs see only ciphertext and cannot send valid messages.",
    type: "secure-design",
    fdaCategory: "cryptography",
    capabilities: ["NAUT", "TXCF", "TXIG"],
    annexI: ["MDR-18.8", "MDR-17.2", "MDR-14.2(d)"],
    transfersToOperator: false,
    verification: ["security-feature-test", "penetration-test", "code-review"],
    source:
      "FDA premarket guidance (2025) §V.A.3 (controls beneath common protocols such as BLE); MDCG 2019-16 §2.3 (defence in depth, no reliance on the operating environment)",
  },
  {
    id: "ctl-update-image-encryption",
    title: "Encrypted firmware images",
    description:
      "Firmware images are encrypted for distribution and decrypted only on the device with a key from its secure storage, so images captured in transit or downloaded from the update server reveal neither code nor embedded constants. Encryption comes in addition to the signature, not instead of it.",
    type: "secure-design",
    fdaCategory: "confidentiality",
    capabilities: ["TXCF"],
    annexI: ["MDR-17.2"],
    transfersToOperator: false,
    verification: ["inspection", "security-feature-test"],
    source: "FDA premarket guidance (2025) Appendix 1 confidentiality; MDCG 2019-16 §2.4 (exploitable vulnerabilities will be found and exploited)",
  },
  {
    id: "ctl-store-and-forward-messaging",
    title: "Acknowledged store-and-forward messaging",
    description:
      "Clinical messages are queued persistently, sent with sequence numbers and retried until the receiver acknowledges them, so a short outage delays but does not lose data; overdue messages are reported. The receiver detects duplicates.",
    type: "secure-design",
    fdaCategory: "resiliency-recovery",
    capabilities: [],
    annexI: ["MDR-17.1", "MDR-14.2(d)", "MDR-14.5"],
    transfersToOperator: false,
    verification: ["security-feature-test", "inspection"],
    source:
      "FDA premarket guidance (2025) §V.A.1 (assume an adversary can drop packets); MDCG 2019-16 §3.6 (the environment must not impair the device's performance)",
  },
  {
    id: "ctl-dicom-import-sanitisation",
    title: "DICOM import that never executes content",
    description:
      "Received DICOM files are handled as data only: the 128-byte preamble is checked and cleared, or the file is rejected when it holds an executable header, and files are stored without execute permission under names that cannot be run. The importer is fuzzed.",
    type: "secure-design",
    fdaCategory: "code-data-execution-integrity",
    capabilities: ["MLDP", "SAHD"],
    annexI: ["MDR-18.8", "MDR-17.2", "MDR-14.5", "MDR-14.2(d)"],
    transfersToOperator: false,
    verification: ["security-feature-test", "fuzz-test", "penetration-test"],
    source: "MDCG 2019-16 Annex II (X-ray machine: DICOM objects carrying executable malware spread across the PACS and device network)",
  },
  {
    id: "ctl-application-allowlisting",
    title: "Application allowlisting and hardened operating system",
    description:
      "On general-purpose computers that are part of the device, only executables and scripts signed by the manufacturer or on its allowlist can run, unneeded OS components, services and accounts are removed, and users work without administrator rights. Malware arriving by network, USB or inside data files cannot start.",
    type: "secure-design",
    fdaCategory: "code-data-execution-integrity",
    capabilities: ["SAHD", "MLDP"],
    annexI: ["MDR-18.8", "MDR-17.2", "MDR-14.2(d)"],
    transfersToOperator: false,
    verification: ["penetration-test", "vulnerability-scan", "inspection"],
    source:
      "MDCG 2019-16 Annex II (X-ray: hardening and whitelisting block execution of DICOM objects; interventional X-ray: hardened, locked-down system) and §3.6 (application whitelisting and hardening)",
  },

  // ── Secure design: accounts and sessions ─────────────────────────────────
  {
    id: "ctl-multi-factor-authentication",
    title: "Multi-factor authentication",
    description:
      "Clinician, administrator, service and other privileged accounts log in with a second factor, preferably a phishing-resistant one (FIDO2/WebAuthn passkeys, smart cards), with one-time codes as fallback. Recovering a lost factor requires verified identity.",
    type: "secure-design",
    fdaCategory: "authentication",
    capabilities: ["PAUT"],
    annexI: ["MDR-18.8", "MDR-17.2"],
    transfersToOperator: false,
    verification: ["security-feature-test", "penetration-test"],
    source: "FDA premarket guidance (2025) Appendix 1 authentication; MDCG 2019-16 Annex I (NIS measures: identity and access management)",
  },
  {
    id: "ctl-password-strength-enforcement",
    title: "Enforced password strength",
    description:
      "Where passwords are used, the system enforces a minimum length, rejects known-breached and common passwords and forbids the initial ones it shipped with. The operator can tighten the rules but not weaken them below a safe floor.",
    type: "secure-design",
    fdaCategory: "authentication",
    capabilities: ["PAUT", "CNFS"],
    annexI: ["MDR-18.8", "MDR-17.2"],
    transfersToOperator: false,
    verification: ["security-feature-test", "penetration-test"],
    source:
      "MDCG 2019-16 Annex II (anaesthesia device: access control without enforcement of password complexity) and §2.6.3 (complex passwords)",
  },
  {
    id: "ctl-login-throttling",
    title: "Login throttling without locking out care",
    description:
      "Failed logins slow further attempts with growing delays and raise an alert, instead of a hard lock-out that an attacker could provoke to keep clinicians out. Accounts needed for patient care are never locked without an emergency-access path.",
    type: "secure-design",
    fdaCategory: "authentication",
    capabilities: ["PAUT"],
    annexI: ["MDR-18.8", "MDR-1", "MDR-4"],
    transfersToOperator: false,
    verification: ["security-feature-test", "penetration-test"],
    source:
      "MDCG 2019-16 §2.2 (restrictive security must not keep clinicians from an implanted cardiac device in an emergency); FDA premarket guidance (2025) Appendix 1 authentication",
  },
  {
    id: "ctl-session-management",
    title: "Secure session management",
    description:
      "Web and API sessions use random, short-lived tokens in Secure, HttpOnly, SameSite cookies or sender-bound tokens, are invalidated at logout and password change, expire after inactivity, and never appear in URLs or logs. Sensitive actions require re-authentication.",
    type: "secure-design",
    fdaCategory: "authentication",
    capabilities: ["ALOF", "PAUT"],
    annexI: ["MDR-18.8", "MDR-17.2"],
    transfersToOperator: false,
    verification: ["security-feature-test", "penetration-test", "vulnerability-scan"],
    source: "OWASP ASVS (session management); MDCG 2019-16 §3.6 (session management, e.g. time-outs)",
  },

  // ── Secure design: web and cloud back end ────────────────────────────────
  {
    id: "ctl-object-level-authorization",
    title: "Object-level authorization and tenant isolation",
    description:
      "For every API request the server derives the patient, device and organisation from the authenticated caller and checks each record identifier against them; identifiers in the request are never trusted on their own. Data of different clinics (tenants) are kept apart in queries, storage and keys.",
    type: "secure-design",
    fdaCategory: "authorization",
    capabilities: ["AUTH"],
    annexI: ["MDR-18.8", "MDR-17.2"],
    transfersToOperator: false,
    verification: ["penetration-test", "security-feature-test", "code-review"],
    source: "OWASP API Security Top 10 (API1, broken object level authorization); FDA premarket guidance (2025) Appendix 1 authorization",
  },
  {
    id: "ctl-injection-safe-coding",
    title: "Injection-safe coding",
    description:
      "Database access uses parameterised queries or a safe query builder, web output is encoded for its context, and a strict Content Security Policy blocks injected scripts. Every input is validated on the server; client-side checks are only a convenience.",
    type: "secure-design",
    fdaCategory: "code-data-execution-integrity",
    capabilities: ["SAHD"],
    annexI: ["MDR-17.2", "MDR-18.8"],
    transfersToOperator: false,
    verification: ["static-analysis", "code-review", "vulnerability-scan", "penetration-test"],
    source:
      "FDA premarket guidance (2025) Appendix 1 code, data and execution integrity and §V.C (malformed and unexpected inputs); MDCG 2019-16 §3.7 (secure code analysis)",
  },
  {
    id: "ctl-cloud-least-privilege-configuration",
    title: "Least-privilege cloud configuration",
    description:
      "Cloud storage is private by default, each service identity gets only the permissions it uses, access keys are short-lived and kept in a secrets manager, and administrative access requires MFA. The configuration is kept as code and checked automatically against a security baseline for drift and public exposure.",
    type: "secure-design",
    fdaCategory: "authorization",
    capabilities: ["AUTH", "CNFS", "AUDT"],
    annexI: ["MDR-17.2", "MDR-18.8"],
    transfersToOperator: false,
    verification: ["inspection", "vulnerability-scan", "penetration-test"],
    source:
      "MDCG 2019-16 §4.2 (external hosting: what data is stored where and how it is protected); FDA premarket guidance (2025) §V.B.2 (global system view including cloud)",
  },
  {
    id: "ctl-remote-service-gateway",
    title: "Controlled remote service access",
    description:
      "Remote service goes only through a manufacturer-operated gateway that requires MFA for named technicians, needs the operator's approval for each session, limits the session in time and scope, and records it. There is no standing inbound access to the device from the internet.",
    type: "secure-design",
    fdaCategory: "authorization",
    capabilities: ["PAUT", "AUTH", "AUDT"],
    annexI: ["MDR-18.8", "MDR-17.2", "MDR-17.4"],
    transfersToOperator: false,
    verification: ["security-feature-test", "penetration-test", "inspection"],
    source:
      "MDS2 (2019) section RMOT (remote service); MDCG 2019-16 Annex I (NIS measures: remote access) and §4.3 item 8 (secure servicing)",
  },
  {
    id: "ctl-end-to-end-signed-therapy-settings",
    title: "Therapy settings signed by the prescriber",
    description:
      "Therapy and alarm settings made in a clinician portal are signed with a key bound to the authenticated clinician or clinic and verified by the device itself, which rejects settings the cloud alone could have produced. A compromised back end can then relay settings but not forge them for many patients.",
    type: "secure-design",
    fdaCategory: "code-data-execution-integrity",
    capabilities: ["IGAU", "AUTH"],
    annexI: ["MDR-18.8", "MDR-17.2", "MDR-1"],
    transfersToOperator: false,
    verification: ["security-feature-test", "penetration-test", "code-review"],
    source: "FDA premarket guidance (2025) §V.B.2 (multi-patient harm view)",
  },
  {
    id: "ctl-cloud-independent-operation",
    title: "Safe operation without the cloud",
    description:
      "The device performs its clinical function with the last valid local settings while the cloud is unreachable, marks data as stale after a defined time and tells the user that the connection is lost. No clinical function waits for a cloud response.",
    type: "secure-design",
    fdaCategory: "resiliency-recovery",
    capabilities: [],
    annexI: ["MDR-17.1", "MDR-14.2(d)", "MDR-1"],
    transfersToOperator: false,
    verification: ["security-feature-test", "inspection"],
    source:
      "MDCG 2019-16 §3.6 (the device as autonomous as possible, minimal reliance on its environment); FDA premarket guidance (2025) Appendix 1 resiliency and recovery",
  },
  {
    id: "ctl-signing-key-hsm",
    title: "Signing keys in a hardware security module",
    description:
      "Code-signing and root keys are generated and used only inside a hardware security module, with dual control, an offline root, and signing only of builds from the release pipeline. A documented revocation and rotation procedure lets fielded devices stop trusting a compromised key.",
    type: "secure-design",
    fdaCategory: "cryptography",
    capabilities: ["CSUP"],
    annexI: ["MDR-17.2", "MDR-18.8"],
    transfersToOperator: false,
    verification: ["inspection"],
    source:
      "IEC 81001-5-1 §5.8 controls for private keys (marked unverified in the reference); FDA premarket guidance (2025) Appendix 1 cryptography",
  },

  // ── Secure design: patient data ──────────────────────────────────────────
  {
    id: "ctl-de-identification",
    title: "De-identification before secondary use",
    description:
      "Data leaving for analytics, research or registries is de-identified (direct identifiers removed, quasi-identifiers generalised) or at least pseudonymised with keys held away from the recipient, and the re-identification risk is assessed. Pseudonymised data is still handled as personal data.",
    type: "secure-design",
    fdaCategory: "confidentiality",
    capabilities: ["DIDT"],
    annexI: ["MDR-17.2"],
    transfersToOperator: false,
    verification: ["inspection", "security-feature-test"],
    source:
      "IEC TR 80001-2-2 DIDT (health data de-identification); MDCG 2019-16 §6 (GDPR: pseudonymised data remains personal data, anonymisation must be irreversible)",
  },
  {
    id: "ctl-phi-free-logging",
    title: "No health data or secrets in logs and error output",
    description:
      "Log, debug and error output use pseudonymous identifiers and never contain health data, credentials or keys; a filter removes them before storage, and error messages shown to users reveal no internal detail. Reading logs is a role of its own.",
    type: "secure-design",
    fdaCategory: "confidentiality",
    capabilities: ["DIDT"],
    annexI: ["MDR-17.2"],
    transfersToOperator: false,
    verification: ["code-review", "static-analysis", "inspection"],
    source:
      "MDCG 2019-16 Annex I (NIS measures: least privilege, including data minimisation per role); FDA premarket guidance (2025) Appendix 1 confidentiality",
  },
  {
    id: "ctl-third-party-data-minimisation",
    title: "Data minimisation towards third parties",
    description:
      "A third-party service receives only the data fields it needs, de-identified where its purpose allows, over an encrypted channel. Retention, onward transfer and protection of the data at the recipient are agreed in writing and reviewed before the integration goes live.",
    type: "secure-design",
    fdaCategory: "confidentiality",
    capabilities: ["DIDT"],
    annexI: ["MDR-17.2"],
    transfersToOperator: false,
    verification: ["inspection"],
    source:
      "MITRE/MDIC Playbook high-value flows: sharing patient data with external servers; MDCG 2019-16 §4.2 (external hosting) and §6 (GDPR)",
  },

  // ── Protective measures ──────────────────────────────────────────────────
  {
    id: "ctl-web-application-firewall",
    title: "Web application firewall",
    description:
      "Internet-facing web applications and APIs sit behind a web application firewall with rules for common injection and protocol attacks and validation against the API schema. It blocks and reports malicious requests, including while a fix is being deployed.",
    type: "protective-measure",
    fdaCategory: "code-data-execution-integrity",
    capabilities: ["SAHD"],
    annexI: ["MDR-17.2", "MDR-18.8"],
    transfersToOperator: false,
    verification: ["penetration-test", "vulnerability-scan"],
    source: "FDA premarket guidance (2025) Appendix 1 code, data and execution integrity; MDCG 2019-16 §3.6 (traffic filtering)",
  },
  {
    id: "ctl-ddos-protection",
    title: "DDoS protection and per-client quotas",
    description:
      "Cloud endpoints are fronted by a DDoS-mitigation service, scale within set limits, and enforce per-client and per-account rate limits and query-cost limits, so that one client or a flood cannot exhaust the service for every patient.",
    type: "protective-measure",
    fdaCategory: "resiliency-recovery",
    capabilities: ["SAHD"],
    annexI: ["MDR-17.1", "MDR-14.2(d)", "MDR-18.8"],
    transfersToOperator: false,
    verification: ["penetration-test", "security-feature-test"],
    source: "FDA premarket guidance (2025) §V.B.2 (multi-patient harm view) and Appendix 1 resiliency and recovery",
  },
  {
    id: "ctl-backup-tested-restore",
    title: "Backups with tested restore",
    description:
      "Data and configuration are backed up automatically to copies that ransomware on the production systems cannot change or delete (immutable or offline), and restoring them within the defined recovery time is tested regularly.",
    type: "protective-measure",
    fdaCategory: "resiliency-recovery",
    capabilities: ["DTBK"],
    annexI: ["MDR-17.1", "MDR-17.2"],
    transfersToOperator: false,
    verification: ["security-feature-test", "inspection"],
    source:
      "MDCG 2019-16 Annex II (PACS ransomware: backups among the controls) and §4.3 item 3 (backup and restore); FDA premarket guidance (2025) Appendix 1 resiliency and recovery",
  },
  {
    id: "ctl-backend-anomaly-detection",
    title: "Anomaly detection in the back end",
    description:
      "The back end watches for patterns of an attack on many patients: bulk reads or exports of records, settings changed for many patients in a short time, alarms suppressed at scale, logins from unusual places. Such patterns alert the security team and can hold mass changes for approval.",
    type: "protective-measure",
    fdaCategory: "event-detection-logging",
    capabilities: ["AUDT"],
    annexI: ["MDR-17.2", "MDR-18.8", "MDR-1"],
    transfersToOperator: false,
    verification: ["security-feature-test", "penetration-test"],
    source:
      "FDA premarket guidance (2025) §V.B.2 (multi-patient harm view: how the system defends against and responds to attacks on many patients) and Appendix 1 event detection and logging",
  },
];
