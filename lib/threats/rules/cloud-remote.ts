import type { Condition } from "../condition";
import type { ThreatRule } from "../rule";
import { passwordOnly } from "./credentials";

/**
 * Threats of the connected back end: systems that serve many patients at once (FDA multi-patient
 * harm view), cloud data stores and APIs, web portals, remote service access, and clinical
 * functions that depend on the cloud being there.
 */

const family = "cloud-remote";
const many = { fact: "patientReach", is: "many" } as const;
const SERVERS = ["web-application", "server-application", "cloud-service"];
const reachesClinical: Condition = {
  any: [{ fact: "hasClinicalFunction", is: true }, { fact: "outbound.toClinicalFunctions", isEmpty: false }],
};

export const cloudRemoteRules: ThreatRule[] = [
  {
    id: "multi-patient-harm",
    family,
    title: "One compromise of {{name}} reaches many patients at once",
    stride: "tampering",
    targets: ["process", "data-store"],
    when: {
      all: [
        many,
        { fact: "outbound.assetKinds", hasAny: ["therapy-command", "configuration", "alarm"] },
        { fact: "outbound.toClinicalFunctions", isEmpty: false },
      ],
    },
    description:
      "{{name}} serves many patients and sends {{outbound.assetKinds}} towards elements with clinical functions ({{outbound.toClinicalFunctions}}). Whoever controls it can change settings, or suppress or fake alarms, for every patient it serves at the same time, faster than anyone at a bedside can notice.",
    capec: [],
    cwe: [],
    capabilities: ["AUTH", "AUDT", "IGAU"],
    safety: { when: "always", why: "The same wrong setting or lost alarm harms many patients at once." },
    annexI: ["MDR-18.8", "MDR-17.2", "MDR-1"],
    controls: ["ctl-end-to-end-signed-therapy-settings", "ctl-role-based-authorization", "ctl-pump-enforced-dose-limits", "ctl-local-alarm-independent", "ctl-backend-anomaly-detection"],
    source: "FDA premarket guidance (2025) §V.B.2 security architecture views: multi-patient harm view",
  },
  {
    id: "cloud-mass-data-breach",
    family,
    title: "The cloud store {{name}} can leak the data of all its patients",
    stride: "information-disclosure",
    targets: ["data-store"],
    when: {
      all: [
        many,
        { fact: "storedAssetKinds", hasAny: ["patient-data", "diagnostic-data"] },
        { any: [{ fact: "technology", is: "cloud-service" }, { fact: "inbound.fromKinds", has: "cloud-service" }] },
      ],
    },
    description:
      "{{name}} holds the health data ({{assets}}) of many patients in the cloud. A storage permission set wider than intended, leaked cloud access keys, or a compromised service or administrator account exposes every record at once, from anywhere on the internet; encryption at rest by the provider does not stop any of these.",
    capec: [],
    cwe: ["CWE-359", "CWE-732"],
    capabilities: ["STCF", "AUTH", "AUDT", "CNFS"],
    safety: { when: "never", why: "A mass disclosure harms the privacy of many patients, not their physical safety." },
    annexI: ["MDR-17.2"],
    controls: ["ctl-cloud-least-privilege-configuration", "ctl-object-level-authorization", "ctl-multi-factor-authentication", "ctl-backend-anomaly-detection"],
    source:
      "FDA premarket guidance (2025) §V.B.2 (global system view including cloud; multi-patient harm view); MITRE Rubric for Applying CVSS to Medical Devices, PHI question XCPM (500 or more patients); MDCG 2019-16 §4.2 (external hosting: what data is stored where, cloud safeguards)",
    supersedes: ["phi-bulk-exposure"],
  },
  {
    id: "remote-service-access",
    family,
    title: "Remote service access to {{to.name}} can be misused",
    stride: "spoofing",
    targets: ["flow"],
    when: {
      all: [
        { fact: "from.role", in: ["service-technician", "it-administrator"] },
        { fact: "channel", in: ["internet", "cellular"] },
        { fact: "to.type", is: "process" },
        { any: [{ fact: "authentication.from.enabled", is: false }, passwordOnly, { fact: "to.auditLog", is: false }] },
      ],
    },
    description:
      "{{from.name}} reaches {{to.name}} over {{channel}} for remote service. That is a standing way in from outside: stolen or shared service credentials, a compromised service laptop or vendor account give an attacker service privileges, and unless the login is strongly authenticated and every session is recorded, such use cannot be told from legitimate service.",
    capec: ["CAPEC-555"],
    cwe: [],
    capabilities: ["PAUT", "AUTH", "AUDT"],
    safety: { when: { fact: "to.hasClinicalFunction", is: true }, why: "Service privileges allow changing the configuration or software of a clinical function from afar." },
    annexI: ["MDR-18.8", "MDR-17.2", "MDR-17.4"],
    controls: ["ctl-remote-service-gateway", "ctl-multi-factor-authentication", "ctl-audit-logging"],
    source:
      "MDS2 (2019) section RMOT (remote service); MDCG 2019-16 Annex I (NIS measures: IT security maintenance, remote access) and §4.3 item 8 (secure servicing); FDA premarket guidance (2025) Appendix 1 authentication",
    supersedes: ["interaction-sender-spoofing", "credentials-password-only"],
  },
  {
    id: "portal-account-takeover",
    family,
    title: "Accounts of the web portal {{to.name}} can be taken over",
    stride: "spoofing",
    targets: ["flow"],
    when: {
      all: [
        { fact: "to.technology", is: "web-application" },
        { fact: "channel", in: ["internet", "cellular"] },
        { fact: "from.role", notIn: ["service-technician", "it-administrator"] },
        passwordOnly,
      ],
    },
    description:
      "{{to.name}} is reachable from the internet and {{from.name}} logs in with \"{{authentication.from.method}}\" only. A phished, guessed or reused password gives access to everything the account can see and do there; for a clinician, that is the data and settings of all their patients.",
    capec: ["CAPEC-600", "CAPEC-98"],
    cwe: ["CWE-308"],
    capabilities: ["PAUT", "ALOF", "AUTH"],
    safety: {
      when: { any: [{ fact: "to.hasClinicalFunction", is: true }, { fact: "to.outbound.assetKinds", hasAny: ["therapy-command", "configuration"] }] },
      why: "From a taken-over account an attacker changes therapy settings or hides data that clinicians act on.",
    },
    annexI: ["MDR-18.8", "MDR-17.2"],
    controls: ["ctl-multi-factor-authentication", "ctl-login-throttling", "ctl-session-management", "ctl-backend-anomaly-detection"],
    source: "FDA premarket guidance (2025) Appendix 1 authentication; MDCG 2019-16 Annex I (NIS measures: identity and access management)",
    supersedes: ["credentials-password-only"],
  },
  {
    id: "web-injection",
    family,
    title: "Injection into {{name}} (SQL, script) can read or change its data",
    stride: "tampering",
    targets: ["process"],
    when: { all: [{ fact: "technology", in: SERVERS }, { fact: "parsesUntrustedInput", is: true }, { fact: "exposed", is: true }] },
    description:
      "{{name}} is a web or server application that processes input arriving across a trust boundary. Input that reaches a database query or a web page unescaped lets an attacker read or change stored data (SQL injection) or run script in the browsers of other users, clinicians included (cross-site scripting).",
    capec: ["CAPEC-66", "CAPEC-63"],
    cwe: ["CWE-89", "CWE-79"],
    capabilities: ["SAHD"],
    safety: { when: reachesClinical, why: "Injected queries or scripts change data or settings that a clinical function acts on." },
    annexI: ["MDR-17.2", "MDR-18.8"],
    controls: ["ctl-injection-safe-coding", "ctl-web-application-firewall"],
    source:
      "FDA premarket guidance (2025) Appendix 1 code, data and execution integrity and §V.C (malformed and unexpected inputs); MDCG 2019-16 §3.7 (vulnerability scanning, penetration testing)",
    supersedes: ["process-tampering"],
  },
  {
    id: "cross-patient-authorization",
    family,
    title: "One patient can reach another patient's data through {{name}}",
    stride: "elevation-of-privilege",
    targets: ["process"],
    when: {
      all: [
        { fact: "technology", in: SERVERS },
        many,
        { fact: "exposed", is: true },
        { fact: "inbound.assetKinds", hasAny: ["patient-data", "diagnostic-data"] },
        { any: [{ fact: "inbound.fromKinds", hasAny: ["mobile-app", "embedded-firmware", "medical-device"] }, { fact: "inbound.fromRoles", hasAny: ["patient", "caregiver"] }] },
      ],
    },
    description:
      "{{name}} serves many patients and receives their data from patients' own apps and devices. If it trusts the patient, device or record identifier in a request instead of checking it against the caller's identity, any patient's app (or an attacker with one valid account) can read or write the records of every other patient.",
    capec: [],
    cwe: ["CWE-639"],
    capabilities: ["AUTH"],
    safety: {
      when: {
        any: [{ fact: "outbound.assetKinds", hasAny: ["therapy-command", "configuration"] }, { fact: "inbound.assetKinds", has: "diagnostic-data" }],
      },
      why: "Readings written into another patient's record, or another patient's settings changed, lead to treatment decisions on wrong data.",
    },
    annexI: ["MDR-18.8", "MDR-17.2"],
    controls: ["ctl-object-level-authorization"],
    source: "OWASP API Security Top 10 (API1, broken object level authorization); FDA premarket guidance (2025) Appendix 1 authorization",
  },
  {
    id: "cloud-dependency-availability",
    family,
    title: "{{name}} depends on the cloud being reachable",
    stride: "denial-of-service",
    targets: ["process"],
    when: {
      all: [
        { fact: "hasClinicalFunction", is: true },
        { fact: "technology", isNot: "cloud-service" },
        { fact: "inbound.fromKinds", has: "cloud-service" },
        // alarms relayed by a cloud are alarm-non-medical-relay's (alarms family)
        { fact: "inbound.assetKinds", hasAny: ["therapy-command", "configuration", "diagnostic-data"] },
      ],
    },
    description:
      "{{name}} performs {{clinicalFunctions}} with data that comes from a cloud service. An outage of the provider, a DDoS on the service, ransomware in the back end or a lost internet connection at the patient's side stops that data; unless {{name}} has a safe local fallback, the clinical function stops or continues on stale data.",
    capec: ["CAPEC-125"],
    cwe: [],
    capabilities: [],
    safety: { when: "always", why: "Therapy, monitoring or alarms that wait for the cloud stop or act on stale data while it is unreachable." },
    annexI: ["MDR-17.1", "MDR-14.2(d)", "MDR-17.4", "MDR-23.4(ab)"],
    controls: ["ctl-cloud-independent-operation", "ctl-link-supervision-alarm", "ctl-ifu-minimum-it-requirements"],
    source:
      "FDA premarket guidance (2025) Appendix 1 resiliency and recovery and §V.B.2 (global system view including cloud); MDCG 2019-16 §3.6 (the device as autonomous as possible, minimal reliance on its environment)",
  },
];
