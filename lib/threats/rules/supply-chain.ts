import type { ThreatRule } from "../rule";

/**
 * Threats that come with what the manufacturer did not write or does not fully control:
 * third-party (OTS/SOUP) components, the SBOM that tracks them, the speed at which their fixes
 * reach the field, the app store, and the build that produces the released software.
 */

const family = "supply-chain";
const clinical = { fact: "hasClinicalFunction", is: true } as const;
const hasOts = { fact: "thirdPartySoftware", isEmpty: false } as const;

export const supplyChainRules: ThreatRule[] = [
  {
    id: "ots-known-vulnerabilities",
    family,
    title: "Known vulnerabilities in third-party software of {{name}} can be exploited",
    stride: "elevation-of-privilege",
    targets: ["process"],
    when: { all: [hasOts, { any: [{ fact: "exposed", is: true }, { fact: "parsesUntrustedInput", is: true }] }] },
    description:
      "{{name}} contains third-party software ({{thirdPartySoftware}}) and can be reached by crafted input. Vulnerabilities in such components are published and exploited, some of them listed in CISA's Known Exploited Vulnerabilities catalogue, so an attacker needs no research of their own; each one must be found through the SBOM, assessed and fixed or mitigated.",
    capec: ["CAPEC-310"],
    cwe: ["CWE-1395"],
    capabilities: ["RDMP", "CSUP", "SAHD"],
    safety: { when: clinical, why: "An exploited component gives the attacker the clinical function it is part of." },
    annexI: ["MDR-17.2", "MDR-3", "MDR-18.8"],
    controls: ["ctl-sbom-vulnerability-monitoring", "ctl-patch-management-sla", "ctl-field-updatability", "ctl-third-party-component-lifecycle"],
    source:
      "MDCG 2019-16 §3.4 (exploiting a known vulnerability may be regarded as foreseeable) and §3.8 (vulnerabilities of third-party software); FDA premarket guidance (2025) §V.A.2 (design out KEV vulnerabilities) and §V.A.4 (SBOM and known vulnerabilities)",
  },
  {
    id: "sbom-unversioned-components",
    family,
    title: "Third-party components of {{name}} are listed without a version",
    stride: "elevation-of-privilege",
    targets: ["process", "data-store"],
    when: { fact: "thirdPartySoftwareUnversioned", atLeast: 1 },
    description:
      "{{name}} contains {{thirdPartySoftwareUnversioned}} third-party component(s) without a version (of {{thirdPartySoftware}}). Without the version the SBOM cannot be matched against vulnerability databases, so known vulnerabilities in these components go unnoticed and unassessed for as long as the device is in use.",
    capec: [],
    cwe: [],
    capabilities: ["RDMP", "CSUP"],
    safety: { when: clinical, why: "A vulnerability nobody knows about stays exploitable in the clinical function." },
    annexI: ["MDR-17.2", "MDR-3"],
    controls: ["ctl-sbom-vulnerability-monitoring"],
    source:
      "FDA premarket guidance (2025) §V.A.4(a) (machine-readable SBOM with the NTIA minimum elements, version included) and §VII (SBOM for cyber devices, FD&C Act 524B(b)(3)); MDCG 2019-16 §3.8 (monitoring vulnerabilities of third-party software)",
    supersedes: ["ots-known-vulnerabilities"],
  },
  {
    id: "ots-slow-patch-path",
    family,
    title: "Fixes for third-party software reach {{name}} slowly",
    stride: "elevation-of-privilege",
    targets: ["process"],
    when: {
      all: [
        clinical,
        { fact: "exposed", is: true },
        hasOts,
        { fact: "updatable", is: true },
        { fact: "update.method", in: ["service-tool", "usb", "removable-media", "manual-install"] },
      ],
    },
    description:
      "{{name}} performs a clinical function, is exposed and contains third-party software ({{thirdPartySoftware}}), but can only be updated by {{update.method}}. A fix for a published vulnerability in those components reaches the field only after verification and a visit to every unit, so the vulnerability stays exploitable in the installed base for a long time.",
    capec: ["CAPEC-310"],
    cwe: [],
    capabilities: ["CSUP", "RDMP"],
    safety: { when: "always", why: "A known, unfixed vulnerability in a clinical function can be exploited until the patch is installed." },
    annexI: ["MDR-17.2", "MDR-3", "MDR-4"],
    controls: ["ctl-field-updatability", "ctl-patch-management-sla"],
    source:
      "MDCG 2019-16 Annex II (X-ray machine: RDP-type vulnerability exploited because the patch was delayed by extensive verification and validation) and §3.8 (updates deployed in a time appropriate to the risk); FDA premarket guidance (2025) TPLC metrics (time from patch availability to deployment in fielded devices)",
    supersedes: ["ots-known-vulnerabilities"],
  },
  {
    id: "app-store-distribution",
    family,
    title: "A malicious version of {{to.name}} can arrive through {{from.name}}",
    stride: "tampering",
    targets: ["flow"],
    when: { all: [{ fact: "from.kind", is: "app-store" }, { fact: "assetKinds", has: "firmware" }] },
    description:
      "{{to.name}} is installed and updated from {{from.name}}. A taken-over publisher account, a malicious version pushed through the store, or a look-alike app under a similar name delivers code that the platform accepts as genuine; the store's signature shows where the code came from, not that the manufacturer released it.",
    capec: ["CAPEC-439", "CAPEC-186"],
    cwe: [],
    capabilities: ["CSUP", "SGUD"],
    safety: { when: { fact: "to.hasClinicalFunction", is: true }, why: "A malicious app version performs the clinical function for every patient who installs it." },
    annexI: ["MDR-17.2", "MDR-18.8"],
    controls: ["ctl-app-code-signing-release", "ctl-ifu-authorised-software-sources"],
    source:
      "FDA premarket guidance (2025) §V.A.1 (threat model covers supply-chain and deployment risks) and §VI.A labeling (how to obtain authorised, version-identifiable software)",
  },
  {
    id: "build-pipeline-compromise",
    family,
    title: "Malicious code can be built into software released by {{name}}",
    stride: "tampering",
    targets: ["process"],
    when: { all: [{ fact: "outbound.assetKinds", has: "firmware" }, { fact: "inbound.assetKinds", hasNone: ["firmware"] }] },
    description:
      "Released software originates at {{name}} in this model. Whoever alters its sources, third-party dependencies, build scripts or build tools gets code into a release that is then signed and distributed as genuine; code signing does not help, because the malicious code is signed with the real key.",
    capec: ["CAPEC-444", "CAPEC-445", "CAPEC-511"],
    cwe: [],
    capabilities: [],
    safety: { when: "always", why: "Code injected before signing reaches every device that installs the release." },
    annexI: ["MDR-17.2", "MDR-18.8"],
    controls: ["ctl-secure-build-pipeline"],
    source:
      "FDA premarket guidance (2025) §V.A.1 (threat model covers supply-chain and manufacturing risks); IEC 81001-5-1 §5.1.2 (development environment security)",
  },
];
