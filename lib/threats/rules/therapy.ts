import type { Condition } from "../condition";
import type { ThreatRule } from "../rule";

/** Threats to the path a therapy command or setting takes to the function that delivers therapy. */

const family = "therapy";
const toTherapy: Condition = { fact: "to.clinicalFunctions", has: "therapy-delivery" };
const carriesTherapy: Condition = { fact: "assetKinds", has: "therapy-command" };
/**
 * Where a third party can see or touch commands in transit: not a screen or keypad, not a bus inside
 * one boundary, not a port someone plugs into (that is physical access, the embedded family's concern).
 */
const inTransit: Condition = {
  all: [
    { fact: "channel", notIn: ["user-interface"] },
    { fact: "physicalPort", is: false },
    { any: [{ fact: "wireless", is: true }, { fact: "crossesBoundary", is: true }] },
  ],
};
const why = "A forged, altered or replayed therapy command delivers the wrong therapy (e.g. an insulin overdose).";

export const therapyRules: ThreatRule[] = [
  {
    id: "therapy-command-unauthenticated-wireless",
    family,
    title: "Therapy commands to {{to.name}} over {{channel}} are not authenticated",
    stride: "spoofing",
    targets: ["flow"],
    when: { all: [carriesTherapy, toTherapy, { fact: "wireless", is: true }, { fact: "authentication.from.enabled", is: false }] },
    description:
      "{{to.name}} accepts therapy commands ({{assets}}) over {{channel}} without authenticating the sender; anyone in radio range can command therapy.",
    capec: ["CAPEC-151"],
    cwe: ["CWE-306"],
    capabilities: ["NAUT", "AUTH"],
    safety: { when: "always", why },
    annexI: ["MDR-18.8", "MDR-17.2", "MDR-1", "MDR-4"],
    controls: ["ctl-message-authentication-counter", "ctl-ble-secure-connections-pairing", "ctl-role-based-authorization", "ctl-pump-enforced-dose-limits", "ctl-on-device-confirmation"],
    source: "MDCG 2019-16 Annex II (external programmer for a pacemaker; smart infusion pump); FDA premarket guidance (2025) Appendix 1 authentication",
    supersedes: ["interaction-sender-spoofing"],
  },
  {
    id: "therapy-command-unencrypted",
    family,
    title: "Therapy commands from {{from.name}} travel unencrypted",
    stride: "information-disclosure",
    targets: ["flow"],
    when: { all: [carriesTherapy, toTherapy, { fact: "encryption.enabled", is: false }, inTransit] },
    description:
      "Therapy commands from {{from.name}} to {{to.name}} are sent in clear over {{channel}}; an eavesdropper learns the command format and the patient's therapy, the first step to forging commands.",
    capec: ["CAPEC-157"],
    cwe: ["CWE-319"],
    capabilities: ["TXCF"],
    safety: { when: "never", why: "Reading a command harms privacy; forging one is covered by the spoofing and tampering threats." },
    annexI: ["MDR-17.2"],
    controls: ["ctl-encrypted-transport", "ctl-app-layer-end-to-end-security", "ctl-ble-secure-connections-pairing"],
    source: "MDCG 2019-16 Annex II (monitoring system eavesdropping); FDA premarket guidance (2025) Appendix 1 cryptography",
    supersedes: ["flow-information-disclosure"],
  },
  {
    id: "therapy-command-tampering",
    family,
    title: "Therapy commands to {{to.name}} can be altered in transit",
    stride: "tampering",
    targets: ["flow"],
    when: { all: [carriesTherapy, toTherapy, { fact: "messageIntegrity", is: false }, inTransit] },
    description:
      "Therapy commands ({{assets}}) from {{from.name}} to {{to.name}} carry no message integrity check; a changed dose or rate is executed as if it had been sent.",
    capec: ["CAPEC-94"],
    cwe: ["CWE-924"],
    capabilities: ["TXIG"],
    safety: { when: "always", why },
    annexI: ["MDR-18.8", "MDR-17.2", "MDR-17.1"],
    controls: ["ctl-message-authentication-counter", "ctl-app-layer-end-to-end-security", "ctl-pump-enforced-dose-limits", "ctl-on-device-confirmation"],
    source: "MDCG 2019-16 Annex II (deep-brain stimulator programmer: message authentication as control)",
    supersedes: ["flow-tampering"],
  },
  {
    id: "therapy-command-replay",
    family,
    title: "Therapy commands to {{to.name}} can be replayed",
    stride: "tampering",
    targets: ["flow"],
    when: { all: [carriesTherapy, toTherapy, { fact: "replayProtection", is: false }, inTransit] },
    description:
      "A recorded therapy command from {{from.name}} can be sent to {{to.name}} again (for example a bolus), even over an encrypted and authenticated link, because commands carry no freshness check.",
    capec: ["CAPEC-60"],
    cwe: ["CWE-294"],
    capabilities: ["TXIG", "NAUT"],
    safety: { when: "always", why },
    annexI: ["MDR-18.8", "MDR-17.2"],
    controls: ["ctl-message-authentication-counter", "ctl-pump-enforced-dose-limits"],
    source: "FDA premarket guidance (2025) §V.A.1 (adversary can replay packets); MITRE/MDIC Playbook high-value flows: programming commands",
    supersedes: ["interaction-replay"],
  },
  {
    id: "therapy-remote-command-path",
    family,
    title: "Therapy settings reach {{to.name}} from a remote system",
    stride: "tampering",
    targets: ["flow"],
    when: {
      all: [
        carriesTherapy,
        { fact: "crossesBoundary", is: true },
        { any: [{ fact: "channel", in: ["internet", "cellular"] }, { fact: "from.patientReach", is: "many" }] },
        { any: [toTherapy, { fact: "to.outbound.toClinicalFunctions", has: "therapy-delivery" }] },
      ],
    },
    description:
      "Therapy settings ({{assets}}) reach {{to.name}} from {{from.name}} over {{channel}}; whoever controls that remote system can change the therapy of the patients it serves.",
    capec: ["CAPEC-94"],
    cwe: ["CWE-306"],
    capabilities: ["AUTH", "NAUT", "TXIG"],
    safety: { when: "always", why: "A remote change of therapy settings is delivered to the patient without anyone at the bedside noticing." },
    annexI: ["MDR-18.8", "MDR-17.2", "MDR-14.2(d)", "MDR-1"],
    controls: ["ctl-end-to-end-signed-therapy-settings", "ctl-mutual-tls", "ctl-role-based-authorization", "ctl-pump-enforced-dose-limits", "ctl-on-device-confirmation"],
    source: "FDA premarket guidance (2025) §V.B.2 multi-patient harm view; MITRE/MDIC Playbook high-value flows: programming commands",
  },
  {
    id: "therapy-local-reconfiguration",
    family,
    title: "{{from.name}} can change therapy settings of {{to.name}} beyond their role",
    stride: "elevation-of-privilege",
    targets: ["flow"],
    when: {
      all: [
        toTherapy,
        { fact: "assetKinds", hasAny: ["therapy-command", "configuration"] },
        { fact: "from.role", in: ["patient", "caregiver"] },
        { fact: "authentication.from.enabled", is: false },
      ],
    },
    description:
      "{{from.name}} changes settings of {{to.name}} through {{channel}} with no check of who is allowed to change what; a patient or bystander can set therapy outside what the clinician prescribed.",
    capec: ["CAPEC-122"],
    cwe: ["CWE-285"],
    capabilities: ["AUTH", "PAUT"],
    safety: { when: "always", why: "Therapy set outside the prescription (more or less insulin than prescribed)." },
    annexI: ["MDR-18.8", "MDR-22.1", "MDR-4"],
    controls: ["ctl-role-based-authorization", "ctl-pump-enforced-dose-limits", "ctl-audit-logging"],
    source: "MDCG 2019-16 Annex II (smart infusion pump: patient reconfigures the device; control: well-defined user types and access rights)",
  },
  {
    id: "therapy-process-malformed-input",
    family,
    title: "Malformed input can stop or derail therapy in {{name}}",
    stride: "denial-of-service",
    targets: ["process"],
    when: { all: [{ fact: "clinicalFunctions", has: "therapy-delivery" }, { fact: "parsesUntrustedInput", is: true }, { fact: "inbound.count", atLeast: 1 }] },
    description:
      "{{name}} delivers therapy and parses input that could be malformed; a crafted message can crash it or leave it in an undefined state in the middle of a delivery.",
    capec: ["CAPEC-28"],
    cwe: ["CWE-20"],
    capabilities: ["SAHD"],
    safety: { when: "always", why: "Therapy stops, or continues in an undefined state, without the patient noticing." },
    annexI: ["MDR-17.1", "MDR-18.8"],
    controls: ["ctl-robust-input-parsing", "ctl-clinical-function-isolation", "ctl-watchdog-safe-state"],
    source: "MDCG 2019-16 Annex II (warming therapy device crashed by malformed requests); MDCG 2019-16 §3.7 (fuzz testing)",
    supersedes: ["process-denial-of-service"],
  },
];
