import type { ThreatRule } from "../rule";

/**
 * Threats to detecting and reconstructing an attack: security events nobody records, logs that
 * can be forged or erased, and device logs that never reach anyone who could use them.
 */

const family = "logging";

export const loggingRules: ThreatRule[] = [
  {
    id: "logging-no-security-events",
    family,
    title: "Attacks on {{name}} go unnoticed",
    stride: "repudiation",
    targets: ["process"],
    when: {
      all: [
        { fact: "auditLog", is: false },
        { fact: "exposed", is: true },
        {
          any: [
            { fact: "hasClinicalFunction", is: true },
            { fact: "holdsSecrets", is: true },
            { fact: "max.integrity", atLeast: 2 },
            { fact: "max.confidentiality", atLeast: 2 },
          ],
        },
      ],
    },
    description:
      "{{name}} receives input across a trust boundary but keeps no audit log: failed logins, configuration changes, malformed or unusual traffic and who changed what are recorded nowhere. An attack goes unnoticed while it happens, and a wrong or malicious action cannot be traced afterwards.",
    capec: [],
    cwe: ["CWE-778", "CWE-223"],
    capabilities: ["AUDT"],
    safety: { when: "never", why: "Missing detection does not itself harm a patient; it lets an attack continue and hides its cause." },
    annexI: ["MDR-17.2"],
    controls: ["ctl-audit-logging", "ctl-security-event-reporting"],
    source:
      "MDCG 2019-16 §4.3 item 8 (how the device announces security events: configuration changes, network anomalies, login attempts, anomalous traffic); FDA premarket guidance (2025) Appendix 1 event detection and logging",
    supersedes: ["process-repudiation"],
  },
  {
    id: "logging-remote-log-tampering",
    family,
    title: "Log entries written to {{name}} from outside can be forged",
    stride: "repudiation",
    targets: ["data-store"],
    when: { all: [{ fact: "storedAssetKinds", has: "log" }, { fact: "inbound.crossing", atLeast: 1 }] },
    description:
      "{{name}} stores logs ({{assets}}) that arrive across a trust boundary on {{inbound.crossing}} flow(s). A sender that is impersonated or compromised can inject forged entries or entries crafted to mislead log viewers and parsers, or flood the store until older entries roll over; the log then no longer shows what happened.",
    capec: ["CAPEC-93", "CAPEC-268"],
    cwe: ["CWE-117"],
    capabilities: ["AUDT", "IGAU", "NAUT"],
    safety: { when: "never", why: "A falsified log does not itself harm a patient; it hides the cause of a harm." },
    annexI: ["MDR-17.2"],
    controls: ["ctl-mutual-tls", "ctl-robust-input-parsing", "ctl-audit-logging"],
    source:
      "MDCG 2019-16 §4.3 item 8 (how forensic evidence and logs are captured, stored and used) and §2.5 (auditability supporting non-repudiation); FDA premarket guidance (2025) Appendix 1 event detection and logging",
    supersedes: ["store-repudiation"],
  },
  {
    id: "logging-device-logs-stay-local",
    family,
    title: "Logs kept by {{name}} never leave the device",
    stride: "repudiation",
    targets: ["process"],
    when: {
      all: [
        { fact: "auditLog", is: true },
        { fact: "exposed", is: true },
        { fact: "technology", in: ["embedded-firmware", "mobile-app", "desktop-application"] },
        { fact: "outbound.assetKinds", hasNone: ["log"] },
      ],
    },
    description:
      "{{name}} keeps an audit log, but no flow in the model carries logs out of it. Logs that stay on the device are erased by whoever compromises it, are lost with the device, and reach neither the operator's monitoring nor a forensic investigation of an incident.",
    capec: ["CAPEC-268"],
    cwe: [],
    capabilities: ["AUDT"],
    safety: { when: "never", why: "Lost evidence does not itself harm a patient; it hinders incident response and vigilance reporting." },
    annexI: ["MDR-17.2"],
    controls: ["ctl-log-forwarding", "ctl-ifu-security-event-response"],
    source:
      "MDCG 2019-16 §4.3 item 8 (how forensic evidence and logs are captured, stored, archived and consumed by intrusion detection); FDA premarket guidance (2025) §VI.A labeling (forensic log capture in a format for IDS/SIEM)",
  },
];
