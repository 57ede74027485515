import type { Condition } from "../condition";
import type { ThreatRule } from "../rule";

/**
 * Threats to the secrets that prove who someone is: built-in and default service credentials,
 * password-only logins, credentials in clear on the wire or at rest, browser sessions, and radio
 * pairing without a unique secret. Secrets stored on a phone are the mobile family's, secrets
 * dumped from device memory the embedded family's.
 */

const family = "credentials";
const clinical = { fact: "hasClinicalFunction", is: true } as const;
const PASSWORD_WORDS = ["password", "passwords", "passcode", "passphrase", "pin"];
/** Words that show a second factor or a non-password authenticator next to the password. */
const STRONG_FACTORS = [
  "mfa", "2fa", "two-factor", "multi-factor", "second factor", "totp", "hotp", "otp", "one-time",
  "certificate", "certificates", "mtls", "fido", "fido2", "webauthn", "passkey", "passkeys", "smart card", "smartcard",
];
/** The sender logs in with a password and nothing else (shared with cloud-remote.ts, so both families agree). */
export const passwordOnly: Condition = {
  all: [
    { fact: "authentication.from.enabled", is: true },
    { fact: "authentication.from.method", mentions: PASSWORD_WORDS },
    { not: { fact: "authentication.from.method", mentions: STRONG_FACTORS } },
  ],
};
/** Pairing methods that use no user-verified or device-unique secret. */
const WEAK_PAIRING = [
  "just works", "justworks", "default", "fixed pin", "fixed passkey", "fixed key", "static pin", "static passkey", "static key",
  "hard-coded", "hardcoded", "0000", "000000", "123456", "no pairing", "unauthenticated pairing",
];

export const credentialRules: ThreatRule[] = [
  {
    id: "credentials-default-or-hard-coded",
    family,
    title: "{{name}} may ship with built-in or default service credentials",
    stride: "spoofing",
    targets: ["process"],
    when: {
      all: [
        { fact: "holdsSecrets", is: true },
        { any: [{ fact: "technology", is: "embedded-firmware" }, { fact: "update.method", is: "service-tool" }] },
        { any: [{ fact: "inbound.fromKinds", has: "person" }, { fact: "inbound.channels", hasAny: ["serial", "jtag-debug"] }] },
      ],
    },
    description:
      "{{name}} holds secrets and is operated by people or through a service or debug port ({{inbound.channels}}). Passwords or keys compiled into its software, and service passwords that are weak or never changed from the default, are the same on every unit: once guessed or read out of one device they open all of them.",
    capec: ["CAPEC-70", "CAPEC-191"],
    cwe: ["CWE-798", "CWE-1392", "CWE-521"],
    capabilities: ["PAUT", "AUTH", "CNFS"],
    safety: { when: clinical, why: "With the service login an attacker changes the configuration of the clinical function (e.g. a wrong anaesthetic concentration)." },
    annexI: ["MDR-18.8", "MDR-17.2"],
    controls: ["ctl-unique-device-credentials", "ctl-password-strength-enforcement", "ctl-ifu-change-default-passwords"],
    source:
      "MDCG 2019-16 Annex II (anaesthesia device and warming therapy device: weak service password guessed) and §4.2 (change default passwords at first login); FDA premarket guidance (2025) §V.C (testing for hard-coded, default and weak credentials)",
  },
  {
    id: "credentials-password-only",
    family,
    title: "Logins to {{to.name}} over {{channel}} rely on a password alone",
    stride: "spoofing",
    targets: ["flow"],
    when: { all: [{ fact: "crossesBoundary", is: true }, { fact: "channel", notIn: ["internal", "user-interface"] }, passwordOnly] },
    description:
      "{{from.name}} authenticates to {{to.name}} with \"{{authentication.from.method}}\" and no second factor; a password that is phished, guessed, sprayed or reused from another breach is enough to take over the account.",
    capec: ["CAPEC-600", "CAPEC-565", "CAPEC-98"],
    cwe: ["CWE-308", "CWE-309"],
    capabilities: ["PAUT", "AUTH"],
    safety: {
      when: { any: [{ fact: "to.hasClinicalFunction", is: true }, { fact: "to.outbound.assetKinds", hasAny: ["therapy-command", "configuration"] }] },
      why: "A taken-over account can change settings or commands that reach a clinical function.",
    },
    annexI: ["MDR-18.8", "MDR-17.2"],
    controls: ["ctl-multi-factor-authentication", "ctl-login-throttling", "ctl-password-strength-enforcement"],
    source:
      "FDA premarket guidance (2025) Appendix 1 authentication; MDCG 2019-16 §2.6.3 (authentication suited to the device and its users) and Annex I (NIS measures: identity and access management)",
  },
  {
    id: "credentials-in-clear",
    family,
    title: "Credentials travel unencrypted from {{from.name}} to {{to.name}}",
    stride: "information-disclosure",
    targets: ["flow"],
    when: {
      all: [
        { fact: "encryption.enabled", is: false },
        { any: [{ fact: "crossesBoundary", is: true }, { fact: "wireless", is: true }] },
        { fact: "channel", notIn: ["internal", "user-interface"] },
        // USB, serial and removable media exports are embedded-port-data-export's (embedded family)
        { fact: "physicalPort", is: false },
        {
          any: [
            { fact: "assetKinds", has: "credential" },
            { all: [{ fact: "authentication.from.enabled", is: true }, { fact: "authentication.from.method", mentions: PASSWORD_WORDS }] },
          ],
        },
      ],
    },
    description:
      "Credentials (a credential asset, or the password {{from.name}} authenticates with) travel from {{from.name}} to {{to.name}} over {{channel}} without encryption; anyone listening on the way captures them and can later log in or pair as {{from.name}}.",
    capec: ["CAPEC-157", "CAPEC-158"],
    cwe: ["CWE-523", "CWE-319"],
    capabilities: ["TXCF"],
    safety: { when: { fact: "to.hasClinicalFunction", is: true }, why: "Captured credentials let an attacker act as a legitimate sender towards a clinical function." },
    annexI: ["MDR-17.2", "MDR-18.8"],
    controls: ["ctl-encrypted-transport", "ctl-ble-secure-connections-pairing"],
    source: "FDA premarket guidance (2025) Appendix 1 cryptography and confidentiality; MITRE/MDIC Playbook high-value flows: authentication protocols",
    supersedes: ["flow-information-disclosure"],
  },
  {
    id: "credentials-store-unencrypted",
    family,
    title: "{{name}} stores credentials or keys unencrypted",
    stride: "information-disclosure",
    targets: ["data-store"],
    when: {
      all: [
        { fact: "storedAssetKinds", has: "credential" },
        { fact: "encryptedAtRest", is: false },
        // storage on a phone is mobile-insecure-local-storage's (mobile family)
        { fact: "technology", isNot: "mobile-app" },
        // secrets in device memory or on a medium are embedded-secrets-extractable's (embedded family)
        { not: { all: [{ fact: "technology", in: ["embedded-firmware", "removable-storage"] }, { fact: "holdsSecrets", is: true }] } },
      ],
    },
    description:
      "{{name}} keeps credentials or keys ({{assets}}) unencrypted at rest; whoever reads the storage, a backup or a discarded device obtains them and can impersonate their owners towards every system that trusts them.",
    capec: ["CAPEC-37", "CAPEC-675"],
    cwe: ["CWE-522", "CWE-312"],
    capabilities: ["STCF"],
    safety: {
      when: { any: [{ fact: "hasClinicalFunction", is: true }, { fact: "holdsSecrets", is: true }] },
      why: "With the stolen keys an attacker impersonates a trusted peer and sends data or commands to a clinical function.",
    },
    annexI: ["MDR-17.2", "MDR-18.8"],
    controls: ["ctl-secure-element-key-storage", "ctl-encryption-at-rest", "ctl-ifu-decommissioning"],
    source: "FDA premarket guidance (2025) Appendix 1 cryptography (key management) and §VI.A labeling (secure decommissioning); MITRE/MDIC Playbook high-value flows: authentication protocols",
    supersedes: ["store-information-disclosure"],
  },
  {
    id: "credentials-browser-session-theft",
    family,
    title: "Sessions of people using {{name}} can be stolen and reused",
    stride: "spoofing",
    targets: ["process"],
    when: {
      all: [
        { fact: "technology", is: "web-application" },
        { fact: "exposed", is: true },
        { fact: "inbound.fromKinds", has: "person" },
      ],
    },
    description:
      "People use {{name}} through a browser, which keeps their session token or cookie. A script injected into a page, malware or a shared computer, or a token leaked in a URL or log yields it; a token that does not expire soon, survives logout or is not bound to the session lets the thief act as the user, second factor included, for as long as it stays valid.",
    capec: ["CAPEC-593"],
    cwe: ["CWE-613"],
    capabilities: ["ALOF", "PAUT"],
    safety: {
      when: {
        any: [
          { fact: "hasClinicalFunction", is: true },
          { fact: "outbound.toClinicalFunctions", isEmpty: false },
          { fact: "outbound.assetKinds", hasAny: ["therapy-command", "configuration"] },
        ],
      },
      why: "With a stolen session an attacker changes settings or data that a clinical function or a clinician acts on.",
    },
    annexI: ["MDR-18.8", "MDR-17.2"],
    controls: ["ctl-session-management", "ctl-injection-safe-coding"],
    source: "FDA premarket guidance (2025) Appendix 1 authentication; OWASP ASVS (session management)",
  },
  {
    id: "credentials-weak-radio-pairing",
    family,
    title: "Pairing between {{from.name}} and {{to.name}} uses no secret or a default one",
    stride: "spoofing",
    targets: ["flow"],
    when: {
      all: [
        { fact: "wireless", is: true },
        {
          any: [
            { fact: "authentication.from.method", mentions: WEAK_PAIRING },
            { fact: "authentication.to.method", mentions: WEAK_PAIRING },
          ],
        },
      ],
    },
    description:
      "{{from.name}} and {{to.name}} pair over {{channel}} without a user-verified or device-unique secret (\"Just Works\", or a fixed or default PIN or key). Anyone in radio range during pairing can pair in place of the legitimate device or sit in the middle of the link and read or change {{assets}}; a key common to all units opens every one of them.",
    capec: ["CAPEC-94", "CAPEC-70"],
    cwe: ["CWE-1390", "CWE-1394"],
    capabilities: ["NAUT", "TXCF", "TXIG"],
    safety: {
      when: { any: [{ fact: "to.hasClinicalFunction", is: true }, { fact: "assetKinds", hasAny: ["therapy-command", "alarm"] }] },
      why: "A rogue paired device or a man in the middle sends commands to, or alters data for, a clinical function.",
    },
    annexI: ["MDR-18.8", "MDR-17.2", "MDR-14.1"],
    controls: ["ctl-ble-secure-connections-pairing", "ctl-unique-device-credentials", "ctl-app-layer-end-to-end-security"],
    source:
      "FDA premarket guidance (2025) §V.A.3 (add controls beneath common protocols such as BLE); MDCG 2019-16 §4.2 (change default passwords at first login); Bluetooth Core Specification (Just Works pairing gives no protection against a man in the middle)",
    supersedes: ["interaction-wireless-man-in-the-middle"],
  },
];
