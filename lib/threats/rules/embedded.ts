import type { Condition } from "../condition";
import type { ThreatRule } from "../rule";

/**
 * Threats that come with hardware in an attacker's hands: debug and service ports, USB and
 * removable media, short-range radio, secrets and firmware in device memory, and the battery.
 * A device used at home or carried by the patient must be assumed to be physically accessible.
 */

const family = "embedded";
const intoProcess: Condition = { fact: "to.type", is: "process" };
const senderNotAuthenticated: Condition = { fact: "authentication.from.enabled", is: false };
const receiverClinical: Condition = { fact: "to.hasClinicalFunction", is: true };
const RADIO = ["ble", "wifi", "cellular", "nfc-inductive"];
const PORTS = ["usb", "serial", "jtag-debug"];
/** What is plugged in comes from outside: the sender is an external entity or sits across a trust boundary. */
const fromOutside: Condition = { any: [{ fact: "crossesBoundary", is: true }, { fact: "from.type", is: "external-entity" }] };

export const embeddedRules: ThreatRule[] = [
  {
    id: "embedded-debug-port-open",
    family,
    title: "The debug port of {{to.name}} gives full control",
    stride: "elevation-of-privilege",
    targets: ["flow"],
    when: { all: [{ fact: "channel", is: "jtag-debug" }, intoProcess, senderNotAuthenticated] },
    description:
      "{{to.name}} has a JTAG/debug interface that does not authenticate whoever connects to it; with physical access an attacker can halt the processor, read and write memory, extract firmware and keys, and change what the device does.",
    capec: ["CAPEC-121"],
    cwe: ["CWE-1191"],
    capabilities: ["PLOK", "SAHD"],
    safety: { when: receiverClinical, why: "Control over the processor of a clinical function allows any change to therapy, measurements or alarms." },
    annexI: ["MDR-18.8", "MDR-17.2"],
    controls: ["ctl-debug-port-lock", "ctl-secure-element-key-storage", "ctl-ifu-physical-security"],
    source: "IEC 81001-5-1 §7.2 (threat model covers physical ports incl. debug/JTAG); CWE-1191",
  },
  {
    id: "embedded-serial-console-unauthenticated",
    family,
    title: "The serial port of {{to.name}} accepts commands without authentication",
    stride: "elevation-of-privilege",
    targets: ["flow"],
    when: {
      all: [
        { fact: "channel", is: "serial" },
        intoProcess,
        senderNotAuthenticated,
        fromOutside,
      ],
    },
    description:
      "{{to.name}} accepts input from {{from.name}} on a serial (UART) port without authentication; whoever opens the case or reaches the service connector gets a console or a service protocol that reads and changes settings and software.",
    capec: ["CAPEC-121"],
    cwe: ["CWE-306"],
    capabilities: ["PAUT", "PLOK", "SAHD"],
    safety: { when: receiverClinical, why: "Settings or software of a clinical function changed through the console change what it does to the patient." },
    annexI: ["MDR-18.8", "MDR-17.2"],
    controls: ["ctl-service-interface-authentication", "ctl-unique-device-credentials", "ctl-ifu-physical-security"],
    source: "IEC 81001-5-1 §7.2 (threat model covers physical ports); MDCG 2019-16 Annex II (anaesthesia device: physical attacker changes the configuration through a weakly protected service access)",
  },
  {
    id: "embedded-usb-malware",
    family,
    title: "Malware can enter {{to.name}} through USB",
    stride: "elevation-of-privilege",
    targets: ["flow"],
    when: {
      all: [
        { fact: "channel", is: "usb" },
        intoProcess,
        senderNotAuthenticated,
        fromOutside,
        { any: [{ fact: "to.parsesUntrustedInput", is: true }, { fact: "to.technology", in: ["desktop-application", "server-application"] }] },
      ],
    },
    description:
      "{{to.name}} takes input over USB from whatever is plugged in, without authenticating it; a crafted USB device or file (or a device posing as a keyboard) can exploit it and install malware that changes how it works.",
    capec: ["CAPEC-457"],
    cwe: [],
    capabilities: ["MLDP", "PLOK", "SAHD"],
    safety: { when: receiverClinical, why: "Malware in a clinical function can stop or change therapy, monitoring or alarms (e.g. ventilation not as intended)." },
    annexI: ["MDR-18.8", "MDR-17.2", "MDR-14.2(d)"],
    controls: ["ctl-usb-port-restriction", "ctl-application-allowlisting", "ctl-robust-input-parsing", "ctl-ifu-physical-security"],
    source: "MDCG 2019-16 Annex II (ventilator: physical attacker installs malware via USB; respiration not as intended)",
  },
  {
    id: "embedded-removable-media-unverified",
    family,
    title: "{{to.name}} loads files from removable media without checking their origin",
    stride: "tampering",
    targets: ["flow"],
    when: {
      all: [{ fact: "channel", is: "removable-media" }, intoProcess, senderNotAuthenticated, { fact: "messageIntegrity", is: false }],
    },
    description:
      "{{to.name}} reads {{assets}} from removable media (USB stick, memory card, disc) without verifying a signature or their origin; an altered or malicious medium is loaded as if it were genuine and can carry malware or wrong data into the device.",
    capec: ["CAPEC-457"],
    cwe: ["CWE-345"],
    capabilities: ["MLDP", "IGAU", "PLOK"],
    safety: { when: receiverClinical, why: "Altered data or malware loaded into a clinical function changes what it does to the patient." },
    annexI: ["MDR-18.8", "MDR-17.2", "MDR-14.2(d)", "MDR-3"],
    controls: ["ctl-signed-data-import", "ctl-usb-port-restriction", "ctl-robust-input-parsing"],
    source: "MDCG 2019-16 §2.4 (loading data from an unsecured USB memory stick is reasonably foreseeable misuse) and Annex II (ventilator: malware via USB)",
  },
  {
    id: "embedded-nfc-unauthenticated",
    family,
    title: "Anyone close enough can talk to {{to.name}} over NFC/inductive link",
    stride: "spoofing",
    targets: ["flow"],
    when: {
      all: [
        { fact: "channel", is: "nfc-inductive" },
        intoProcess,
        senderNotAuthenticated,
        { fact: "assetKinds", isEmpty: false },
        // therapy commands to a therapy function are covered by therapy-command-unauthenticated-wireless
        { not: { all: [{ fact: "assetKinds", has: "therapy-command" }, { fact: "to.clinicalFunctions", has: "therapy-delivery" }] } },
      ],
    },
    description:
      "{{to.name}} accepts {{assets}} over an NFC/inductive link without authenticating {{from.name}}; short range is not authentication: any reader or phone held close, or an amplified antenna further away, can read the device or send it data as {{from.name}}.",
    capec: ["CAPEC-151"],
    cwe: ["CWE-306"],
    capabilities: ["NAUT"],
    safety: { when: receiverClinical, why: "Data or settings injected over the short-range link reach a clinical function." },
    annexI: ["MDR-18.8", "MDR-17.2"],
    controls: ["ctl-message-authentication-counter", "ctl-unique-device-credentials"],
    source: "MDCG 2019-16 Annex II (pacemaker programmer: close-proximity inductive wand used as a safety control, user authentication as the security control); FDA premarket guidance (2025) §VII.B (magnetic inductive links count as connectivity)",
    supersedes: ["interaction-sender-spoofing"],
  },
  {
    id: "embedded-secrets-extractable",
    family,
    title: "Keys and passwords can be read out of {{name}}",
    stride: "information-disclosure",
    targets: ["process", "data-store"],
    when: {
      all: [
        { fact: "technology", in: ["embedded-firmware", "removable-storage"] },
        { fact: "holdsSecrets", is: true },
        { fact: "encryptedAtRest", is: false },
      ],
    },
    description:
      "{{name}} keeps keys or passwords, and {{assets}}, unencrypted in device memory; whoever has the device or the medium in hand can dump the memory and read them, and a key shared by all devices then opens every device in the field.",
    capec: ["CAPEC-37"],
    cwe: ["CWE-312"],
    capabilities: ["STCF", "PLOK"],
    safety: { when: { fact: "hasClinicalFunction", is: true }, why: "With the extracted keys an attacker can impersonate a trusted peer and send commands to the clinical function." },
    annexI: ["MDR-18.8", "MDR-17.2"],
    controls: ["ctl-secure-element-key-storage", "ctl-unique-device-credentials", "ctl-flash-readout-protection", "ctl-debug-port-lock"],
    source: "IEC 81001-5-1 §7.2 (threat model covers hardware attack vectors); MDCG 2019-16 §3.3 Table 3 (personal data storage confidentiality)",
    supersedes: ["store-information-disclosure"],
  },
  {
    id: "embedded-firmware-extraction",
    family,
    title: "Firmware of {{name}} can be read out through a physical port",
    stride: "information-disclosure",
    targets: ["process"],
    when: {
      all: [
        { fact: "technology", is: "embedded-firmware" },
        { any: [{ fact: "inbound.channels", hasAny: PORTS }, { fact: "outbound.channels", hasAny: PORTS }] },
        { fact: "encryptedAtRest", is: false },
      ],
    },
    description:
      "{{name}} runs unencrypted firmware on hardware with a USB, serial or debug port; an attacker with a device in hand can read the firmware out and reverse-engineer it to find vulnerabilities, hidden functions and embedded constants such as keys.",
    capec: ["CAPEC-167", "CAPEC-191"],
    cwe: [],
    capabilities: ["PLOK"],
    safety: { when: "never", why: "Reading the firmware does not itself harm a patient; it makes finding exploitable flaws much easier." },
    annexI: ["MDR-17.2"],
    controls: ["ctl-flash-readout-protection", "ctl-debug-port-lock"],
    source: "IEC 81001-5-1 §7.2 (physical ports incl. debug/JTAG, hardware attack vectors); MDCG 2019-16 §2.4 (exploitable vulnerabilities will be found and exploited)",
  },
  {
    id: "embedded-battery-exhaustion",
    family,
    title: "The battery of {{name}} can be drained by requests",
    stride: "denial-of-service",
    targets: ["process"],
    when: {
      all: [
        { fact: "batteryPowered", is: true },
        { any: [{ fact: "inbound.channels", hasAny: RADIO }, { fact: "outbound.channels", hasAny: RADIO }] },
      ],
    },
    description:
      "{{name}} runs on a battery and answers on a radio link; an attacker in range can keep it awake with connection attempts or requests, even ones it finally rejects, and drain the battery long before its planned life (for an implant: early surgery to replace it).",
    capec: ["CAPEC-125"],
    cwe: ["CWE-920"],
    capabilities: ["SAHD"],
    safety: { when: { fact: "hasClinicalFunction", is: true }, why: "A drained battery stops the clinical function; replacing an implant's battery means surgery." },
    annexI: ["MDR-17.1", "MDR-18.8", "MDR-4"],
    controls: ["ctl-rate-limiting-battery-budget", "ctl-security-event-reporting"],
    source: "MDCG 2019-16 Annex II (pacemaker: unauthorised person floods the device with requests, \"fatigue\"; premature battery depletion)",
  },
  {
    id: "embedded-port-data-export",
    family,
    title: "Confidential data leaves {{from.name}} unencrypted over {{channel}}",
    stride: "information-disclosure",
    targets: ["flow"],
    when: {
      all: [
        { fact: "channel", in: ["usb", "serial", "removable-media"] },
        { fact: "from.type", is: "process" },
        { fact: "assetKinds", hasAny: ["patient-data", "credential"] },
        { fact: "max.confidentiality", atLeast: 2 },
        { fact: "encryption.enabled", is: false },
      ],
    },
    description:
      "{{from.name}} exports {{assets}} over {{channel}} in clear; whoever gets at the port, the stick or the service tool (or guesses a weak service password) copies patient data or credentials out of the device.",
    capec: [],
    cwe: ["CWE-311"],
    capabilities: ["STCF", "PLOK", "PAUT"],
    safety: { when: "never", why: "Exported data harms privacy; exported credentials can enable further attacks." },
    annexI: ["MDR-17.2", "MDR-18.8"],
    controls: ["ctl-service-interface-authentication", "ctl-encryption-at-rest", "ctl-role-based-authorization", "ctl-audit-logging"],
    source: "MDCG 2019-16 Annex II (warming therapy device: physical attacker exports therapy and patient data via USB; PACS: data stolen with a USB stick)",
    supersedes: ["flow-information-disclosure"],
  },
];
