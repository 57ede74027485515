import type { ThreatRule } from "../rule";

/**
 * Where a security control itself endangers the patient ("restrictive security", MDCG 2019-16
 * §2.2 and Annex IV: security controls that could affect safety). These rules fire on the
 * protections the model records, because those protections are what can get in the way.
 */

const family = "safety-interplay";
const UPDATE_PATHS = ["over-the-air", "usb", "removable-media", "service-tool"];

export const safetyInterplayRules: ThreatRule[] = [
  {
    id: "safety-emergency-access-blocked",
    family,
    title: "Authentication can keep {{from.name}} out of {{to.name}} in an emergency",
    stride: "denial-of-service",
    targets: ["flow"],
    when: {
      all: [
        { fact: "from.role", is: "clinician" },
        { fact: "to.clinicalFunctions", hasAny: ["therapy-delivery", "diagnosis"] },
        { fact: "authentication.from.enabled", is: true },
      ],
    },
    description:
      "{{from.name}} must authenticate before using {{to.name}}; in an emergency a forgotten password, an expired account, a missing token or an account locked by failed attempts (which an attacker can provoke on purpose) keeps the clinician from delivering therapy or getting a diagnosis.",
    capec: ["CAPEC-2"],
    cwe: ["CWE-645"],
    capabilities: ["EMRG"],
    safety: { when: "always", why: "Therapy or diagnosis is delayed while the clinician cannot get past the security control." },
    annexI: ["MDR-1", "MDR-4", "MDR-8"],
    controls: ["ctl-emergency-access", "ctl-login-throttling"],
    source: "MDCG 2019-16 §2.2 (restrictive security: clinicians must reach an implanted cardiac device in an emergency without restriction) and §3.3 Table 3 (emergency access)",
  },
  {
    id: "safety-auto-logoff-hides-vitals",
    family,
    title: "Automatic logoff can blank vital signs between {{from.name}} and {{to.name}}",
    stride: "denial-of-service",
    targets: ["flow"],
    when: {
      any: [
        {
          all: [
            { fact: "channel", is: "user-interface" },
            { fact: "from.role", is: "clinician" },
            { fact: "authentication.from.enabled", is: true },
            { fact: "to.clinicalFunctions", hasAny: ["monitoring", "alarming"] },
            { fact: "to.outbound.channels", has: "user-interface" },
          ],
        },
        {
          all: [
            { fact: "channel", is: "user-interface" },
            { fact: "to.role", is: "clinician" },
            { fact: "authentication.to.enabled", is: true },
            { fact: "from.clinicalFunctions", hasAny: ["monitoring", "alarming"] },
          ],
        },
      ],
    },
    description:
      "The display of a monitoring or alarming function is tied to a clinician's login on the {{channel}} between {{from.name}} and {{to.name}}; when the session times out or the screen locks, the vital signs and active alarms disappear from the screen that staff rely on.",
    capec: [],
    cwe: [],
    capabilities: ["ALOF", "CNFS"],
    safety: { when: "always", why: "A deterioration or an alarm is not seen while the screen is locked or blanked." },
    annexI: ["MDR-1", "MDR-4", "MDR-8"],
    controls: ["ctl-vitals-visible-when-locked"],
    source: "MDCG 2019-16 §3.2 (blanking a screen protects personal data but is unsafe on interventional or vital-signs displays and must not be implemented there)",
  },
  {
    id: "safety-security-software-disrupts-function",
    family,
    title: "Malware scanning or OS patching can disrupt {{name}}",
    stride: "denial-of-service",
    targets: ["process"],
    when: {
      all: [{ fact: "technology", in: ["desktop-application", "server-application"] }, { fact: "hasClinicalFunction", is: true }],
    },
    description:
      "{{name}} performs {{clinicalFunctions}} on a general-purpose computer, where the operator is expected to run anti-malware and install operating-system patches; a scan, a quarantined file or an unvalidated patch can slow it, block it or reboot it during clinical use, and forbidding them leaves it unprotected.",
    capec: [],
    cwe: [],
    capabilities: ["MLDP", "CSUP", "SAHD", "SGUD"],
    safety: { when: "always", why: "The clinical function is slowed, interrupted or restarted during use, delaying diagnosis or treatment." },
    annexI: ["MDR-14.2(d)", "MDR-17.4", "MDR-23.4(ab)", "MDR-17.1"],
    controls: ["ctl-clinical-function-isolation", "ctl-application-allowlisting", "ctl-patch-management-sla", "ctl-anti-malware-compatibility", "ctl-ifu-secure-configuration-guide"],
    source: "MDCG 2019-16 Annex II (interventional X-ray: locked-down system blocking unvalidated malware scanning; X-ray patch delayed by V&V) and §3.6 (compatibility with anti-malware; environment must not impair device performance)",
  },
  {
    id: "safety-update-interrupts-monitoring",
    family,
    title: "Installing an update can interrupt monitoring or diagnosis on {{name}}",
    stride: "denial-of-service",
    targets: ["process"],
    when: {
      all: [
        { fact: "updatable", is: true },
        { fact: "clinicalFunctions", hasAny: ["monitoring", "diagnosis"] },
        // therapy and alarming functions are covered by update-interrupts-therapy
        { fact: "clinicalFunctions", hasNone: ["therapy-delivery", "alarming"] },
        { fact: "update.method", in: UPDATE_PATHS },
      ],
    },
    description:
      "{{name}} performs {{clinicalFunctions}} and is updated by {{update.method}}; a security update started at the wrong time (or forced by an attacker), or one that fails, leaves the patient unmonitored or delays a result until the device is working again.",
    capec: [],
    cwe: [],
    capabilities: ["CSUP", "DTBK"],
    safety: { when: "always", why: "Monitoring stops or a diagnosis is delayed while the update runs or after it fails." },
    annexI: ["MDR-17.1", "MDR-4", "MDR-23.4(ab)"],
    controls: ["ctl-fail-safe-update", "ctl-ifu-security-update-instructions"],
    source: "MDCG 2019-16 §4.2 (step-by-step update deployment, failsafe mode) and Annex II (X-ray: patch release delayed by verification and validation)",
  },
];
