import type { Condition } from "../condition";
import type { ThreatRule } from "../rule";

/**
 * Threats of a medical app on a phone the patient owns: the manufacturer controls neither the
 * operating system nor the other apps, the phone may be rooted or jailbroken, and what the app
 * shows or stores is shared with the platform.
 */

const family = "mobile";
const mobileApp: Condition = { fact: "technology", is: "mobile-app" };
/** The method of encryption or authentication says it is done by the app itself, not only by the BLE link. */
const APP_LAYER = ["application layer", "application-layer", "app layer", "app-layer", "end-to-end", "e2e"];

export const mobileRules: ThreatRule[] = [
  {
    id: "mobile-therapy-relay-untrusted-phone",
    family,
    title: "Therapy commands from {{name}} depend on a phone nobody controls",
    stride: "tampering",
    targets: ["process"],
    when: { all: [mobileApp, { fact: "outbound.assetKinds", has: "therapy-command" }] },
    description:
      "{{name}} sends therapy commands from the patient's own phone; on a rooted or jailbroken phone, or one with malware or an accessibility/overlay app, another program can change the dose on its way through the app, send its own commands with the app's credentials, or make the user confirm something else than what is shown.",
    capec: ["CAPEC-660", "CAPEC-506"],
    cwe: [],
    capabilities: ["SAHD", "AUTH", "NAUT"],
    safety: { when: "always", why: "A changed or injected command delivers the wrong therapy (e.g. an insulin overdose)." },
    annexI: ["MDR-18.8", "MDR-14.2(d)", "MDR-22.1", "MDR-17.4", "MDR-23.4(ab)"],
    controls: ["ctl-dedicated-locked-down-controller", "ctl-app-layer-end-to-end-security", "ctl-on-device-confirmation", "ctl-mobile-runtime-integrity-checks", "ctl-ifu-patient-device-hygiene"],
    source: "MDCG 2019-16 Annex II (external programmer for a deep-brain stimulator: malware modifies stimulation; control: programmer blocks third-party apps and limits OS access) and §2.6.3 (patients secure their phones and tablets)",
  },
  {
    id: "mobile-insecure-local-storage",
    family,
    title: "{{name}} stores secrets or health data on the phone unencrypted",
    stride: "information-disclosure",
    targets: ["process", "data-store"],
    when: {
      all: [
        mobileApp,
        { fact: "encryptedAtRest", is: false },
        { any: [{ fact: "holdsSecrets", is: true }, { all: [{ fact: "type", is: "data-store" }, { fact: "max.confidentiality", atLeast: 2 }] }] },
      ],
    },
    description:
      "{{name}} keeps credentials or {{assets}} on the phone without encryption (outside the platform keystore); a rooted phone, another app exploiting a flaw, a phone backup or a lost phone gives them away, and stolen pairing keys or tokens let an attacker act as the app.",
    capec: ["CAPEC-37"],
    cwe: ["CWE-312", "CWE-922"],
    capabilities: ["STCF"],
    safety: { when: { fact: "holdsSecrets", is: true }, why: "Stolen credentials of the app let an attacker send data or commands to the device as the app." },
    annexI: ["MDR-17.2", "MDR-18.8"],
    controls: ["ctl-mobile-secure-storage"],
    source: "OWASP MASVS-STORAGE-1 (the app securely stores sensitive data); MDCG 2019-16 §3.3 Table 3 (personal data storage confidentiality)",
    supersedes: ["store-information-disclosure"],
  },
  {
    id: "mobile-ble-link-shared-with-other-apps",
    family,
    title: "Other apps on the phone can use the BLE link between {{from.name}} and {{to.name}}",
    stride: "spoofing",
    targets: ["flow"],
    when: {
      all: [
        { fact: "channel", is: "ble" },
        { any: [{ fact: "from.technology", is: "mobile-app" }, { fact: "to.technology", is: "mobile-app" }] },
        { fact: "assetKinds", hasAny: ["therapy-command", "diagnostic-data", "alarm", "configuration"] },
        {
          not: {
            any: [
              { fact: "encryption.method", mentions: APP_LAYER },
              { fact: "authentication.from.method", mentions: APP_LAYER },
              { fact: "authentication.to.method", mentions: APP_LAYER },
            ],
          },
        },
      ],
    },
    description:
      "{{assets}} between {{from.name}} and {{to.name}} are protected only by BLE pairing, which belongs to the phone, not to the app: any other app on the phone can connect to the bonded device and read or send data as the medical app, and the phone's Bluetooth logs record the traffic after link-layer decryption.",
    capec: ["CAPEC-151"],
    cwe: ["CWE-923"],
    capabilities: ["NAUT", "TXCF", "TXIG"],
    safety: {
      when: { any: [{ fact: "assetKinds", hasAny: ["therapy-command", "alarm"] }, { fact: "to.clinicalFunctions", has: "therapy-delivery" }] },
      why: "Another app can send therapy commands or suppress alarms as if it were the medical app.",
    },
    annexI: ["MDR-18.8", "MDR-17.2", "MDR-14.2(d)"],
    controls: ["ctl-app-layer-end-to-end-security"],
    source: "FDA premarket guidance (2025) §V.A.3 (interoperability: consider security controls added to common protocols such as BLE)",
  },
  {
    id: "mobile-notification-exposure",
    family,
    title: "Alarm notifications of {{name}} expose health data",
    stride: "information-disclosure",
    targets: ["process"],
    when: {
      all: [
        mobileApp,
        { fact: "clinicalFunctions", has: "alarming" },
        { fact: "assetKinds", hasAny: ["patient-data", "diagnostic-data"] },
        { fact: "max.confidentiality", atLeast: 2 },
      ],
    },
    description:
      "{{name}} raises alarms as phone notifications; if they carry readings or patient details, they appear on the lock screen, on paired watches and to any app with notification access.",
    capec: [],
    cwe: ["CWE-359"],
    capabilities: ["DIDT", "CNFS"],
    safety: { when: "never", why: "Health data on the lock screen harms privacy, not physical safety." },
    annexI: ["MDR-17.2"],
    controls: ["ctl-notification-data-minimisation"],
    source: "MITRE ATT&CK for Mobile T1517 Access Notifications (mitigation: keep sensitive data out of notification text); OWASP MASVS-STORAGE-2 (the app prevents leakage of sensitive data)",
  },
];
