import type { ThreatRule } from "../rule";

/**
 * Threats to the availability of clinical functions: crashes from malformed input, network
 * floods, malware outbreaks on general-purpose computers, and exhaustion of a shared cloud
 * service. Each replaces the generic "process-denial-of-service" where it says more.
 */

const family = "resources";
const clinical = { fact: "hasClinicalFunction", is: true } as const;
const exposed = { fact: "exposed", is: true } as const;
const NETWORKS = ["ethernet", "wifi", "cellular", "internet"];

export const resourcesRules: ThreatRule[] = [
  {
    id: "resource-malformed-input-crash",
    family,
    title: "Malformed input can crash {{name}}",
    stride: "denial-of-service",
    targets: ["process"],
    when: {
      all: [
        { fact: "clinicalFunctions", hasAny: ["diagnosis", "monitoring", "alarming"] },
        // a therapy function is covered by therapy-process-malformed-input
        { fact: "clinicalFunctions", hasNone: ["therapy-delivery"] },
        { fact: "parsesUntrustedInput", is: true },
        { fact: "inbound.count", atLeast: 1 },
      ],
    },
    description:
      "{{name}} performs {{clinicalFunctions}} and parses input that could be malformed; a crafted message or file can crash it or hang it, so that measurements stop, results are not produced or alarms are not raised.",
    capec: ["CAPEC-28"],
    cwe: ["CWE-20"],
    capabilities: ["SAHD"],
    safety: { when: "always", why: "Monitoring stops, alarms are not raised or a diagnosis is delayed while the function is down." },
    annexI: ["MDR-17.1", "MDR-18.8", "MDR-17.2"],
    controls: ["ctl-robust-input-parsing", "ctl-clinical-function-isolation", "ctl-watchdog-safe-state"],
    source: "MDCG 2019-16 Annex II (warming therapy device crashed by malformed requests) and §3.7 (fuzz testing); FDA premarket guidance (2025) §V.C (malformed and unexpected inputs, fuzzing)",
    supersedes: ["process-denial-of-service"],
  },
  {
    id: "resource-network-flood",
    family,
    title: "A network flood can make {{name}} unavailable",
    stride: "denial-of-service",
    targets: ["process"],
    when: { all: [clinical, exposed, { fact: "inbound.channels", hasAny: ["ethernet", "wifi"] }] },
    description:
      "{{name}} performs {{clinicalFunctions}} and is reachable over Ethernet or Wi-Fi from outside its trust boundary; anyone on that network can flood it with traffic or connection requests until it stops responding or stops working.",
    capec: ["CAPEC-125", "CAPEC-482"],
    cwe: ["CWE-770"],
    capabilities: ["SAHD"],
    safety: { when: "always", why: "The clinical function is unavailable while the flood lasts, and may not recover without a restart." },
    annexI: ["MDR-17.1", "MDR-14.2(d)", "MDR-18.8", "MDR-17.4"],
    controls: ["ctl-network-traffic-resilience", "ctl-device-firewall-minimal-services", "ctl-watchdog-safe-state", "ctl-ifu-network-segmentation"],
    source: "MDCG 2019-16 Annex II (warming therapy device: network flooded with malformed requests, therapy unavailable); FDA premarket guidance (2025) §V.C (threat mitigation testing incl. maximum traffic)",
    supersedes: ["process-denial-of-service"],
  },
  {
    id: "resource-malware-outbreak",
    family,
    title: "Ransomware or a worm can disable {{name}}",
    stride: "denial-of-service",
    targets: ["process"],
    when: {
      all: [
        { fact: "technology", in: ["desktop-application", "server-application"] },
        clinical,
        {
          any: [
            { fact: "inbound.channels", hasAny: [...NETWORKS, "usb", "removable-media"] },
            { fact: "outbound.channels", hasAny: NETWORKS },
          ],
        },
      ],
    },
    description:
      "{{name}} performs {{clinicalFunctions}} on a general-purpose computer that is connected to a network or takes removable media; a network worm or ransomware that spreads through the hospital can encrypt its disk or crash its operating system and take the function out of service.",
    capec: ["CAPEC-549"],
    cwe: [],
    capabilities: ["MLDP", "SAHD", "DTBK", "CSUP"],
    safety: { when: "always", why: "The device is unavailable until it is cleaned and restored; diagnosis or treatment is delayed." },
    annexI: ["MDR-17.1", "MDR-17.2", "MDR-14.2(d)", "MDR-17.4", "MDR-23.4(ab)"],
    controls: ["ctl-application-allowlisting", "ctl-patch-management-sla", "ctl-anti-malware-compatibility", "ctl-backup-tested-restore", "ctl-ifu-network-segmentation"],
    source: "MDCG 2019-16 Annex II (any MD running Windows: network worm encrypts the hard drive; PACS ransomware; MR infection; interventional X-ray shut down by worm/ransomware)",
  },
  {
    id: "resource-cloud-exhaustion",
    family,
    title: "Exhausting {{name}} affects every patient it serves",
    stride: "denial-of-service",
    targets: ["process"],
    when: {
      all: [
        { fact: "technology", is: "cloud-service" },
        { fact: "patientReach", is: "many" },
        exposed,
        { any: [clinical, { fact: "outbound.toClinicalFunctions", isEmpty: false }, { fact: "max.availability", atLeast: 3 }] },
      ],
    },
    description:
      "{{name}} is a cloud service reachable from outside that serves many patients; request floods, expensive queries or an exhausted quota make it unavailable for all of them at once, which is a multi-patient harm rather than a single device failing.",
    capec: ["CAPEC-125", "CAPEC-488"],
    cwe: ["CWE-770"],
    capabilities: ["SAHD", "DTBK"],
    safety: {
      when: { any: [clinical, { fact: "outbound.toClinicalFunctions", isEmpty: false }] },
      why: "Every patient whose monitoring, alarms or therapy settings depend on the service is affected at the same time.",
    },
    annexI: ["MDR-17.1", "MDR-14.2(d)", "MDR-18.8", "MDR-17.4"],
    controls: ["ctl-cloud-independent-operation", "ctl-ddos-protection"],
    source: "FDA premarket guidance (2025) §V.B.2 (multi-patient harm view)",
    supersedes: ["process-denial-of-service", "resource-network-flood"],
  },
];
