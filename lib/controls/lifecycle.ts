import type { SecurityControl } from "./types";

/**
 * Controls of the manufacturer's development and post-market processes: the build, releases,
 * third-party components, vulnerability handling and notifications (MDCG 2019-16 §3.1, §3.8;
 * FD&C Act §524B(b)).
 */
export const LIFECYCLE_CONTROLS: readonly SecurityControl[] = [
  {
    id: "ctl-secure-build-pipeline",
    title: "Secured build pipeline with reproducible builds",
    description:
      "Releases are built only by an isolated, hardened CI/CD pipeline from reviewed commits on protected branches, with pinned and verified dependencies. Builds are reproducible: an independent rebuild must match the released binary before it is signed, and the build provenance is recorded.",
    type: "secure-design",
    fdaCategory: "code-data-execution-integrity",
    capabilities: [],
    annexI: ["MDR-17.2", "MDR-18.8"],
    transfersToOperator: false,
    verification: ["inspection", "code-review", "sca-scan"],
    source:
      "IEC 81001-5-1 §5.1.2 (development environment security); FDA premarket guidance (2025) §V.A.1 (threat model covers supply-chain and manufacturing risks)",
  },
  {
    id: "ctl-app-code-signing-release",
    title: "Signed app releases from a protected publisher account",
    description:
      "Mobile and desktop apps are signed with the manufacturer's key and published only from the release pipeline, through a publisher account protected by MFA and limited to named staff. Store listings are watched for look-alike apps.",
    type: "secure-design",
    fdaCategory: "code-data-execution-integrity",
    capabilities: ["CSUP"],
    annexI: ["MDR-17.2", "MDR-18.8"],
    transfersToOperator: false,
    verification: ["inspection", "security-feature-test"],
    source:
      "FDA premarket guidance (2025) §V.A.1 (supply-chain and deployment risks) and §VI.A (how to obtain authorised, version-identifiable software)",
  },
  {
    id: "ctl-sbom-vulnerability-monitoring",
    title: "SBOM with continuous vulnerability monitoring",
    description:
      "Each release has a machine-readable SBOM with supplier, name and exact version of every component, transitive dependencies included. It is matched continuously against vulnerability sources (NVD, CISA KEV, supplier advisories), and each match is triaged for exploitability and patient risk.",
    type: "secure-design",
    fdaCategory: "updatability-patchability",
    capabilities: ["RDMP", "CSUP"],
    annexI: ["MDR-17.2", "MDR-3"],
    transfersToOperator: false,
    verification: ["sca-scan", "inspection"],
    source:
      "FDA premarket guidance (2025) §V.A.4 (SBOM and known vulnerabilities) and §VII (FD&C Act §524B(b)(3)); MDCG 2019-16 §3.8 (vulnerabilities of third-party software)",
  },
  {
    id: "ctl-third-party-component-lifecycle",
    title: "Lifecycle plan for third-party components",
    description:
      "Third-party components are chosen for active maintenance; the support level and end-of-support date of each are recorded and reviewed, and components nearing end of support are replaced or isolated on a planned schedule.",
    type: "secure-design",
    fdaCategory: "updatability-patchability",
    capabilities: ["RDMP"],
    annexI: ["MDR-17.2", "MDR-3"],
    transfersToOperator: false,
    verification: ["inspection", "sca-scan"],
    source:
      "FDA premarket guidance (2025) §V.A.4 (level of support and end-of-support date per component); MDCG 2019-16 Annex I (avoid end-of-life components or isolate them)",
  },
  {
    id: "ctl-patch-management-sla",
    title: "Patch timelines set by risk",
    description:
      "The manufacturer commits to timelines: a regular update cycle for vulnerabilities that are not acceptable, out-of-cycle releases as soon as possible for critical ones, and validation of third-party and operating-system patches within a set time, published as a list of approved patches. The timelines are measured and reported.",
    type: "secure-design",
    fdaCategory: "updatability-patchability",
    capabilities: ["CSUP", "RDMP"],
    annexI: ["MDR-17.2", "MDR-3", "MDR-4"],
    transfersToOperator: false,
    verification: ["inspection"],
    source:
      "FD&C Act §524B(b)(2)(A),(B) (regular and out-of-cycle updates); MDCG 2019-16 §3.8 (updates in a time appropriate to the risk) and Annex II (X-ray: patch delayed by verification and validation); FDA premarket guidance (2025) TPLC metrics",
  },
  {
    id: "ctl-coordinated-vulnerability-disclosure",
    title: "Coordinated vulnerability disclosure",
    description:
      "A published policy and contact point let researchers and customers report vulnerabilities; reports are acknowledged, assessed and resolved within set timelines, and advisories are published once a fix or mitigation exists.",
    type: "secure-design",
    fdaCategory: "updatability-patchability",
    capabilities: [],
    annexI: ["MDR-3", "MDR-17.2"],
    transfersToOperator: false,
    general: true,
    verification: ["inspection"],
    source:
      "FD&C Act §524B(b)(1) (plan including coordinated vulnerability disclosure); FDA postmarket guidance (2016) (ISO/IEC 29147 and 30111); MDCG 2019-16 §5 (sharing vulnerability information, vulnerability remediation)",
  },
  {
    id: "ctl-security-notifications",
    title: "Security notifications to customers",
    description:
      "When a vulnerability or threat affecting the device becomes known, the manufacturer notifies operators directly (and patients through their clinicians where needed) with the risk, the affected versions and interim mitigations, and follows up when a fix is released.",
    type: "protective-measure",
    fdaCategory: "updatability-patchability",
    capabilities: ["SGUD"],
    annexI: ["MDR-3", "MDR-23.1(g)"],
    transfersToOperator: true,
    operatorAction:
      "Register to receive security notifications, assess each one for the local installation and apply the mitigations or updates it describes.",
    general: true,
    verification: ["inspection"],
    source:
      "MDCG 2019-16 §3.3 (protective measures including security notifications) and §3.8 (inform operators with mitigations); FDA premarket guidance (2025) §VI.B (how remediations are communicated)",
  },
];
