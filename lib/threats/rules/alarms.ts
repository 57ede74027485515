import type { Condition } from "../condition";
import type { ThreatRule } from "../rule";

/**
 * Threats to alarms on their way from the function that raises them to the people who must act
 * on them (MITRE/MDIC Playbook high-value flow "transmitting and silencing alarms"). A lost,
 * late, altered or false alarm is a safety problem by itself, so every rule here affects safety.
 */

const family = "alarms";
const carriesAlarm: Condition = { fact: "assetKinds", has: "alarm" };
/** The alarm leaves the device over a path an attacker can reach: a trust boundary, radio, or a network. */
const reachablePath: Condition = {
  all: [
    { any: [{ fact: "crossesBoundary", is: true }, { fact: "wireless", is: true }, { fact: "channel", in: ["ethernet", "internet"] }] },
    { fact: "channel", notIn: ["user-interface"] },
  ],
};
/** Channels over which a remote attacker can flood a process (a user interface or an internal bus is not one). */
const NETWORK_OR_RADIO = ["ble", "wifi", "cellular", "ethernet", "internet", "nfc-inductive"];
const why = "An alarm that arrives late, altered, falsely or not at all delays the response to a patient emergency.";

export const alarmsRules: ThreatRule[] = [
  {
    id: "alarm-message-tampering",
    family,
    title: "Alarms from {{from.name}} to {{to.name}} can be altered in transit",
    stride: "tampering",
    targets: ["flow"],
    when: { all: [carriesAlarm, reachablePath, { fact: "messageIntegrity", is: false }] },
    description:
      "Messages carrying alarms ({{assets}}) travel from {{from.name}} to {{to.name}} over {{channel}} without a message integrity check; someone on the path can lower their priority, change the patient or the alarm condition, or turn an alarm into a harmless status message.",
    capec: ["CAPEC-94"],
    cwe: ["CWE-924"],
    capabilities: ["TXIG"],
    safety: { when: "always", why },
    annexI: ["MDR-18.8", "MDR-17.2", "MDR-14.1", "MDR-14.2(d)"],
    controls: ["ctl-mutual-tls", "ctl-message-authentication-counter", "ctl-local-alarm-independent"],
    source: "MDCG 2019-16 Annex II (monitoring system: attacker on the network manipulates ventilator alarm messages to the central monitoring; emergency measures too late)",
    supersedes: ["flow-tampering"],
  },
  {
    id: "alarm-delivery-suppression",
    family,
    title: "Alarms from {{from.name}} to {{to.name}} can be suppressed or delayed",
    stride: "denial-of-service",
    targets: ["flow"],
    when: { all: [carriesAlarm, reachablePath] },
    description:
      "Alarms from {{from.name}} ({{assets}}) reach {{to.name}} only over {{channel}}; jamming the radio, flooding the network or cutting the link silences them, and unless the loss of the link is itself detected and announced, nobody notices that alarms stopped arriving.",
    capec: ["CAPEC-601", "CAPEC-125"],
    cwe: [],
    capabilities: [],
    safety: { when: "always", why },
    annexI: ["MDR-17.1", "MDR-14.1", "MDR-14.2(d)", "MDR-4"],
    controls: ["ctl-link-supervision-alarm", "ctl-authenticated-alarm-acknowledgement", "ctl-local-alarm-independent", "ctl-ifu-minimum-it-requirements"],
    source: "MITRE/MDIC Playbook (2021) high-value flows: transmitting and silencing alarms; FDA premarket guidance (2025) §V.A.1 (assume an adversary can drop packets)",
    supersedes: ["flow-denial-of-service"],
  },
  {
    id: "alarm-spoofing",
    family,
    title: "False alarms can be injected into {{to.name}}",
    stride: "spoofing",
    targets: ["flow"],
    when: {
      all: [carriesAlarm, reachablePath, { fact: "authentication.from.enabled", is: false }, { fact: "to.kind", isNot: "person" }],
    },
    description:
      "{{to.name}} accepts alarms over {{channel}} without authenticating {{from.name}}; an attacker can inject false alarms or false all-clear messages, and a flood of false alarms teaches staff to ignore the real ones (alarm fatigue).",
    capec: ["CAPEC-148", "CAPEC-151"],
    cwe: ["CWE-290"],
    capabilities: ["NAUT", "TXIG"],
    safety: { when: "always", why: "False alarms divert staff and erode trust in alarms; a false all-clear hides a real emergency." },
    annexI: ["MDR-18.8", "MDR-17.2", "MDR-14.1"],
    controls: ["ctl-mutual-tls", "ctl-message-authentication-counter"],
    source: "MDCG 2019-16 Annex II (monitoring system: manipulated alarm messages to the central monitoring); MITRE/MDIC Playbook (2021) high-value flows: transmitting alarms",
    supersedes: ["interaction-sender-spoofing"],
  },
  {
    id: "alarm-non-medical-relay",
    family,
    title: "Alarm delivery to {{to.name}} depends on a phone or cloud service",
    stride: "denial-of-service",
    targets: ["flow"],
    when: {
      all: [
        carriesAlarm,
        {
          any: [
            { fact: "to.technology", in: ["mobile-app", "cloud-service"] },
            { fact: "from.technology", in: ["mobile-app", "cloud-service"] },
            { fact: "to.kind", is: "cloud-service" },
            { fact: "from.kind", is: "cloud-service" },
          ],
        },
      ],
    },
    description:
      "Alarms from {{from.name}} ({{assets}}) reach {{to.name}} through a phone app or a cloud service that the manufacturer does not fully control: the phone's operating system can stop the app in the background, mute or block notifications, or change behaviour after an OS update, and the cloud service or the internet connection can be down; the alarm is then silently lost.",
    capec: [],
    cwe: [],
    capabilities: ["SGUD"],
    safety: { when: "always", why },
    annexI: ["MDR-14.2(d)", "MDR-14.1", "MDR-17.4", "MDR-23.4(ab)", "MDR-4"],
    controls: ["ctl-local-alarm-independent", "ctl-link-supervision-alarm", "ctl-ifu-alarm-notification-setup"],
    source: "MDCG 2019-16 §3.6 (device as autonomous as possible; the operating environment must not compensate for device weaknesses) and §2.3 (defence in depth)",
  },
  {
    id: "alarm-process-denial-of-service",
    family,
    title: "Overloading {{name}} stops alarms from being raised",
    stride: "denial-of-service",
    targets: ["process"],
    when: { all: [{ fact: "clinicalFunctions", has: "alarming" }, { fact: "exposed", is: true }, { fact: "inbound.channels", hasAny: NETWORK_OR_RADIO }] },
    description:
      "{{name}} raises alarms and can be reached over a network or radio link from outside its trust boundary; flooding it or exhausting its memory or processor can stop alarm detection or annunciation while the device appears to be working.",
    capec: ["CAPEC-125"],
    cwe: ["CWE-770"],
    capabilities: ["SAHD"],
    safety: { when: "always", why: "An alarm condition is not detected or not announced while the alarming function is overloaded." },
    annexI: ["MDR-17.1", "MDR-18.8", "MDR-14.2(d)", "MDR-4"],
    controls: ["ctl-network-traffic-resilience", "ctl-clinical-function-isolation", "ctl-watchdog-safe-state"],
    source: "MDCG 2019-16 §3.2 (generic security-related hazard: denial of service) and Annex II (monitoring system: emergency measures too late)",
    supersedes: ["process-denial-of-service", "resource-network-flood"],
  },
  {
    id: "alarm-diverted-to-impostor",
    family,
    title: "Alarms from {{from.name}} can be diverted to an impostor of {{to.name}}",
    stride: "spoofing",
    targets: ["flow"],
    when: { all: [carriesAlarm, reachablePath, { fact: "authentication.to.enabled", is: false }] },
    description:
      "{{from.name}} sends alarms ({{assets}}) over {{channel}} without verifying that the receiver is {{to.name}}; a rogue central station, pager gateway or device can take the alarms, acknowledge them, and the real receiver never sees them.",
    capec: ["CAPEC-94"],
    cwe: ["CWE-300"],
    capabilities: ["NAUT"],
    safety: { when: "always", why },
    annexI: ["MDR-18.8", "MDR-17.2", "MDR-14.1"],
    controls: ["ctl-mutual-tls", "ctl-certificate-pinning", "ctl-authenticated-alarm-acknowledgement"],
    source: "MITRE/MDIC Playbook (2021) high-value flows: transmitting alarms; FDA premarket guidance (2025) §V.A.1 (assume an adversary controls the network)",
    supersedes: ["interaction-receiver-spoofing"],
  },
  {
    id: "alarm-remote-silencing",
    family,
    title: "Alarm settings of {{to.name}} can be changed by anyone on {{channel}}",
    stride: "tampering",
    targets: ["flow"],
    when: {
      all: [
        { fact: "assetKinds", has: "configuration" },
        { fact: "to.clinicalFunctions", has: "alarming" },
        reachablePath,
        { fact: "authentication.from.enabled", is: false },
      ],
    },
    description:
      "{{to.name}} raises alarms and accepts configuration ({{assets}}) from {{from.name}} over {{channel}} without authenticating the sender; anyone who can reach it can silence alarms, lower the volume or widen the alarm limits so that a real emergency raises no alarm.",
    capec: ["CAPEC-151"],
    cwe: ["CWE-306"],
    capabilities: ["NAUT", "AUTH", "AUDT"],
    safety: { when: "always", why: "Silenced alarms or widened alarm limits let a patient's condition deteriorate unnoticed." },
    annexI: ["MDR-18.8", "MDR-17.2", "MDR-4"],
    controls: ["ctl-mutual-tls", "ctl-role-based-authorization", "ctl-message-authentication-counter", "ctl-audit-logging"],
    source: "MITRE/MDIC Playbook (2021) high-value flows: transmitting and silencing alarms",
    supersedes: ["interaction-sender-spoofing"],
  },
];
