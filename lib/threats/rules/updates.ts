import type { ThreatRule } from "../rule";

/** Threats to getting software onto the device: signing, downgrade, origin of updates, and patchability. */

const family = "updates";
const updatable = { fact: "updatable", is: true } as const;
const clinical = { fact: "hasClinicalFunction", is: true } as const;
const carriesFirmware = { fact: "assetKinds", has: "firmware" } as const;

export const updateRules: ThreatRule[] = [
  {
    id: "update-not-code-signed",
    family,
    title: "{{name}} installs updates that are not code-signed",
    stride: "tampering",
    targets: ["process"],
    when: { all: [updatable, { fact: "update.codeSigned", is: false }, { fact: "update.method", isNot: "cloud-deployment" }] },
    description:
      "{{name}} is updated by {{update.method}} without checking a manufacturer signature; whoever can deliver an image can replace its software.",
    capec: ["CAPEC-186"],
    cwe: ["CWE-494"],
    capabilities: ["CSUP", "IGAU"],
    safety: { when: clinical, why: "Malicious software in a clinical function can do anything the function can do to the patient." },
    annexI: ["MDR-17.2", "MDR-18.8", "MDR-23.4(ab)"],
    controls: ["ctl-signed-updates-anti-rollback", "ctl-secure-boot", "ctl-ifu-security-update-instructions"],
    source: "MDCG 2019-16 §4.2 (integrity of updates, MDR 23.4(h),(k)); FDA premarket guidance (2025) Appendix 1 code, data and execution integrity",
  },
  {
    id: "update-downgrade",
    family,
    title: "{{name}} can be downgraded to a vulnerable version",
    stride: "tampering",
    targets: ["process"],
    when: { all: [updatable, { fact: "update.codeSigned", is: true }, { fact: "update.rollbackProtection", is: false }] },
    description:
      "{{name}} accepts any correctly signed image, including older ones; an attacker can install an old, genuinely signed version with a known vulnerability.",
    capec: [],
    cwe: ["CWE-1328"],
    capabilities: ["CSUP"],
    safety: { when: clinical, why: "Reinstating a version with a known, fixed vulnerability re-opens every risk that fix controlled." },
    annexI: ["MDR-17.2", "MDR-18.8"],
    controls: ["ctl-signed-updates-anti-rollback"],
    source: "MITRE/MDIC Playbook high-value flows: obtaining and validating software updates; MDCG 2019-16 §3.8 lifecycle",
  },
  {
    id: "update-spoofed-source",
    family,
    title: "{{to.name}} can fetch updates from a spoofed server",
    stride: "spoofing",
    targets: ["flow"],
    when: { all: [carriesFirmware, { fact: "authentication.from.enabled", is: false }, { fact: "channel", notIn: ["internal", "user-interface"] }] },
    description:
      "{{to.name}} receives {{assets}} from {{from.name}} over {{channel}} without authenticating the source; a spoofed server or device can offer its own image (and, without code signing, have it installed).",
    capec: ["CAPEC-187"],
    cwe: ["CWE-494"],
    capabilities: ["NAUT", "CSUP"],
    safety: { when: { fact: "to.hasClinicalFunction", is: true }, why: "A malicious or unintended image ends up in a clinical function." },
    annexI: ["MDR-17.2", "MDR-18.8"],
    controls: ["ctl-signed-updates-anti-rollback", "ctl-mutual-tls", "ctl-certificate-pinning"],
    source: "FDA premarket guidance (2025) §V.B.2 updatability/patchability view",
    supersedes: ["interaction-sender-spoofing"],
  },
  {
    id: "update-image-in-clear",
    family,
    title: "Firmware travels in clear on {{name}}",
    stride: "information-disclosure",
    targets: ["flow"],
    when: { all: [carriesFirmware, { fact: "encryption.enabled", is: false }, { any: [{ fact: "crossesBoundary", is: true }, { fact: "wireless", is: true }] }] },
    description:
      "{{assets}} travel from {{from.name}} to {{to.name}} unencrypted; an attacker obtains the image to reverse-engineer it and look for vulnerabilities and embedded secrets.",
    capec: ["CAPEC-167"],
    cwe: ["CWE-319"],
    capabilities: ["TXCF"],
    safety: { when: "never", why: "Reading the image does not harm a patient; it makes finding exploitable flaws easier." },
    annexI: ["MDR-17.2"],
    controls: ["ctl-update-image-encryption", "ctl-encrypted-transport"],
    source: "FDA premarket guidance (2025) Appendix 1 confidentiality; MDCG 2019-16 §2.4 (exploitable vulnerabilities will be found)",
    supersedes: ["flow-information-disclosure"],
  },
  {
    id: "update-signing-key-theft",
    family,
    title: "The code-signing key held by {{name}} can be stolen",
    stride: "elevation-of-privilege",
    targets: ["process"],
    when: {
      all: [
        { fact: "holdsSecrets", is: true },
        { fact: "assetKinds", has: "credential" },
        { fact: "outbound.assetKinds", has: "firmware" },
        { fact: "inbound.assetKinds", hasNone: ["firmware"] },
      ],
    },
    description:
      "{{name}} holds the key that signs firmware; whoever steals or misuses it can sign malicious updates that every device accepts as genuine.",
    capec: ["CAPEC-206"],
    cwe: ["CWE-522"],
    capabilities: ["CSUP", "STCF"],
    safety: { when: "always", why: "Signed malicious firmware can reach every device in the field, so it can harm many patients." },
    annexI: ["MDR-17.2", "MDR-18.8"],
    controls: ["ctl-signing-key-hsm", "ctl-secure-build-pipeline"],
    source: "IEC 81001-5-1 §5.8 controls for private keys (marked unverified in the reference); FDA premarket guidance (2025) §V.B.2 updatability view",
  },
  {
    id: "update-not-patchable",
    family,
    title: "{{name}} cannot be patched",
    stride: "elevation-of-privilege",
    targets: ["process"],
    when: {
      all: [
        { fact: "updatable", is: false },
        { any: [{ fact: "exposed", is: true }, { fact: "thirdPartySoftware", isEmpty: false }, { fact: "parsesUntrustedInput", is: true }] },
      ],
    },
    description:
      "{{name}} has no update method but is exposed or contains third-party software; a vulnerability found after release cannot be fixed in the field.",
    capec: [],
    cwe: ["CWE-1329"],
    capabilities: ["CSUP", "RDMP"],
    safety: { when: clinical, why: "An unfixable vulnerability in a clinical function stays exploitable for the device's lifetime." },
    annexI: ["MDR-17.2", "MDR-3", "MDR-4"],
    controls: ["ctl-field-updatability", "ctl-third-party-component-lifecycle", "ctl-sbom-vulnerability-monitoring"],
    source: "MDCG 2019-16 §3.1 practice 7 (security update management) and §3.8 (lifecycle); FDA premarket guidance (2025) Appendix 1 updatability and patchability",
  },
  {
    id: "update-interrupts-therapy",
    family,
    title: "Installing an update can interrupt therapy on {{name}}",
    stride: "denial-of-service",
    targets: ["process"],
    when: { all: [updatable, { fact: "clinicalFunctions", hasAny: ["therapy-delivery", "alarming"] }, { fact: "update.method", in: ["over-the-air", "usb", "removable-media", "service-tool"] }] },
    description:
      "{{name}} delivers therapy or raises alarms and is updated by {{update.method}}; an update started (or forced by an attacker) at the wrong time, or a failed one, stops that function.",
    capec: [],
    cwe: [],
    capabilities: ["CSUP", "DTBK"],
    safety: { when: "always", why: "Therapy or alarms stop while the update runs or after it fails." },
    annexI: ["MDR-17.1", "MDR-4", "MDR-23.4(ab)"],
    controls: ["ctl-fail-safe-update", "ctl-ifu-security-update-instructions"],
    source: "MDCG 2019-16 §4.2 (step-by-step update deployment, failsafe mode) and Annex II (patch delayed by verification)",
  },
];
