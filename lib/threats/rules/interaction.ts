import type { Condition } from "../condition";
import type { ThreatRule } from "../rule";

/**
 * STRIDE per interaction: threats to a flow that crosses a trust boundary, about the two ends
 * rather than the data (who sends, who receives, whether a message can be played again).
 */

const family = "interaction";
const source = "STRIDE per interaction across trust boundaries, MITRE/MDIC Playbook (2021) §2; FDA premarket guidance (2025) §V.A.1: assume an adversary can alter, drop and replay traffic";
/** Crossing a trust boundary over a channel someone other than the two ends can use (not a screen or keypad). */
const crossing: Condition = { all: [{ fact: "crossesBoundary", is: true }, { fact: "channel", notIn: ["user-interface"] }] };
/** …and not a cable or port someone plugs into, where there is no third party to redirect or record traffic. */
const remote: Condition = { all: [crossing, { fact: "physicalPort", is: false }] };

export const interactionRules: ThreatRule[] = [
  {
    id: "interaction-sender-spoofing",
    family,
    title: "Anyone can send {{name}} to {{to.name}} posing as {{from.name}}",
    stride: "spoofing",
    targets: ["flow"],
    when: {
      all: [crossing, { fact: "authentication.from.enabled", is: false }, { fact: "to.type", in: ["process", "data-store"] }, { fact: "assetKinds", isEmpty: false }],
    },
    description:
      "{{to.name}} accepts {{assets}} across a trust boundary without checking that they come from {{from.name}}; a third party on {{channel}} can inject its own.",
    capec: ["CAPEC-151"],
    cwe: ["CWE-290"],
    capabilities: ["NAUT", "PAUT"],
    safety: { when: { fact: "to.hasClinicalFunction", is: true }, why: "Injected data or commands reach a clinical function." },
    annexI: ["MDR-18.8", "MDR-17.2", "MDR-14.1"],
    controls: ["ctl-mutual-tls", "ctl-message-authentication-counter", "ctl-multi-factor-authentication"],
    source,
  },
  {
    id: "interaction-receiver-spoofing",
    family,
    title: "{{from.name}} can be tricked into sending {{name}} to an impostor",
    stride: "spoofing",
    targets: ["flow"],
    when: {
      all: [
        remote,
        { fact: "authentication.to.enabled", is: false },
        { any: [{ fact: "max.confidentiality", atLeast: 2 }, { fact: "assetKinds", hasAny: ["credential", "alarm", "therapy-command"] }] },
      ],
    },
    description:
      "{{from.name}} does not verify that it is talking to {{to.name}}; a rogue server or device can receive {{assets}} instead, and the real receiver never gets them.",
    capec: ["CAPEC-94"],
    cwe: ["CWE-300"],
    capabilities: ["NAUT", "TXCF"],
    safety: { when: { fact: "assetKinds", hasAny: ["alarm", "therapy-command"] }, why: "Alarms or commands diverted to an impostor never reach the intended receiver." },
    annexI: ["MDR-18.8", "MDR-17.2"],
    controls: ["ctl-mutual-tls", "ctl-certificate-pinning"],
    source,
  },
  {
    id: "interaction-replay",
    family,
    title: "{{name}} can be recorded and replayed",
    stride: "tampering",
    targets: ["flow"],
    when: {
      all: [
        remote,
        { fact: "replayProtection", is: false },
        { fact: "assetKinds", hasAny: ["configuration", "credential"] },
        { fact: "assetKinds", hasNone: ["therapy-command"] },
      ],
    },
    description:
      "Messages carrying {{assets}} from {{from.name}} to {{to.name}} are not protected against replay; a recorded message can be sent again later, even if it is encrypted.",
    capec: ["CAPEC-60"],
    cwe: ["CWE-294"],
    capabilities: ["TXIG", "NAUT"],
    safety: { when: { fact: "to.hasClinicalFunction", is: true }, why: "A replayed configuration change can put a clinical function back into an old, wrong state." },
    annexI: ["MDR-18.8", "MDR-17.2"],
    controls: ["ctl-message-authentication-counter", "ctl-mutual-tls"],
    source,
  },
  {
    id: "interaction-wireless-man-in-the-middle",
    family,
    title: "Pairing of {{name}} allows a man in the middle",
    stride: "tampering",
    targets: ["flow"],
    when: {
      all: [
        { fact: "wireless", is: true },
        { fact: "encryption.enabled", is: true },
        { any: [{ fact: "authentication.from.enabled", is: false }, { fact: "authentication.to.enabled", is: false }] },
      ],
    },
    description:
      "The {{channel}} link from {{from.name}} to {{to.name}} is encrypted, but one end is not authenticated; an attacker in radio range can sit between them during pairing and read or change {{assets}}.",
    capec: ["CAPEC-94"],
    cwe: ["CWE-300"],
    capabilities: ["NAUT", "TXIG", "TXCF"],
    safety: { when: { fact: "to.hasClinicalFunction", is: true }, why: "A man in the middle can change data or commands that reach a clinical function." },
    annexI: ["MDR-18.8", "MDR-17.2"],
    controls: ["ctl-ble-secure-connections-pairing", "ctl-app-layer-end-to-end-security", "ctl-mutual-tls"],
    source,
  },
];
