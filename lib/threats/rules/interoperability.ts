import type { Condition } from "../condition";
import type { ThreatRule } from "../rule";

/**
 * Threats at the interfaces to clinical IT: HL7 v2/MLLP and FHIR messaging, DICOM imaging, and
 * the hospital network the device is connected to (MDR Annex I 14.1, 14.2(d), 14.5).
 */

const family = "interoperability";
const HL7 = ["hl7", "hl7v2", "hl7v3", "mllp", "fhir"];
const overNetwork: Condition = { fact: "channel", in: ["ethernet", "wifi", "internet", "cellular"] };
const hl7: Condition = { fact: "protocol", mentions: HL7 };
const dicom: Condition = { fact: "protocol", mentions: ["dicom"] };
/** Therapy commands and alarms have their own families (therapy, alarms); these rules leave such flows to them. */
const notTherapyOrAlarm: Condition = { fact: "assetKinds", hasNone: ["therapy-command", "alarm"] };
const clinicalMessages: Condition = {
  any: [{ fact: "to.hasClinicalFunction", is: true }, { fact: "assetKinds", has: "diagnostic-data" }],
};
const clinicalMessagesWhy = "Forged or altered orders or results lead to decisions on false data (a missed treatment, a wrong diagnosis).";

export const interoperabilityRules: ThreatRule[] = [
  {
    id: "hl7-fhir-unauthenticated",
    family,
    title: "HL7/FHIR messages to {{to.name}} are accepted from anyone",
    stride: "spoofing",
    targets: ["flow"],
    when: { all: [hl7, overNetwork, notTherapyOrAlarm, { fact: "authentication.from.enabled", is: false }] },
    description:
      "{{to.name}} accepts {{protocol}} messages from {{from.name}} over {{channel}} without authenticating the sender; HL7 v2 over MLLP has no security of its own. Anyone on the network can send orders, results or patient identities that are processed as if {{from.name}} had sent them.",
    capec: ["CAPEC-151", "CAPEC-148"],
    cwe: ["CWE-306"],
    capabilities: ["NAUT"],
    safety: { when: clinicalMessages, why: clinicalMessagesWhy },
    annexI: ["MDR-14.5", "MDR-14.1", "MDR-18.8", "MDR-17.2"],
    controls: ["ctl-mutual-tls", "ctl-ifu-network-segmentation"],
    source:
      "MDCG 2019-16 Annex II (implantable sensor: falsified data lead to a missed treatment; PACS: unauthorised user on the LAN manipulates traffic); FDA premarket guidance (2025) §V.A.1 (assume a hostile network) and §V.A.3 (interoperability)",
    supersedes: ["interaction-sender-spoofing"],
  },
  {
    id: "hl7-fhir-unprotected",
    family,
    title: "HL7/FHIR messages from {{from.name}} to {{to.name}} can be altered on the network",
    stride: "tampering",
    targets: ["flow"],
    when: { all: [hl7, overNetwork, notTherapyOrAlarm, { fact: "encryption.enabled", is: false }, { fact: "messageIntegrity", is: false }] },
    description:
      "{{protocol}} messages from {{from.name}} to {{to.name}} cross {{channel}} with neither encryption nor integrity protection. Someone on the path can read them and change values, units, patient identifiers or orders in flight, and the receiver cannot tell.",
    capec: ["CAPEC-94"],
    cwe: ["CWE-924", "CWE-319"],
    capabilities: ["TXIG", "TXCF"],
    safety: { when: clinicalMessages, why: clinicalMessagesWhy },
    annexI: ["MDR-14.5", "MDR-17.2", "MDR-18.8", "MDR-14.2(d)"],
    controls: ["ctl-encrypted-transport", "ctl-mutual-tls", "ctl-ifu-network-segmentation"],
    source:
      "MDCG 2019-16 Annex II (implantable sensor: data in transit modified, control TLS; PACS: traffic between device and PACS manipulated); FDA premarket guidance (2025) §V.A.1 (adversary can alter, drop and replay traffic)",
    supersedes: ["flow-tampering"],
  },
  {
    id: "dicom-without-tls",
    family,
    title: "DICOM traffic from {{from.name}} to {{to.name}} runs without TLS",
    stride: "tampering",
    targets: ["flow"],
    when: { all: [dicom, overNetwork, { fact: "encryption.enabled", is: false }, { fact: "messageIntegrity", is: false }] },
    description:
      "DICOM associations from {{from.name}} to {{to.name}} over {{channel}} are not protected by TLS: the nodes identify each other only by AE title and address, and images and their patient data travel in clear. Someone on the LAN can pose as a modality or archive, or change images in transit.",
    capec: ["CAPEC-94"],
    cwe: ["CWE-319", "CWE-924"],
    capabilities: ["TXIG", "TXCF", "NAUT"],
    safety: {
      when: { any: [{ fact: "assetKinds", has: "diagnostic-data" }, { fact: "to.hasClinicalFunction", is: true }] },
      why: "Manipulated images lead to a false diagnosis.",
    },
    annexI: ["MDR-17.2", "MDR-14.5", "MDR-14.2(d)", "MDR-18.8"],
    controls: ["ctl-mutual-tls", "ctl-encrypted-transport", "ctl-ifu-network-segmentation"],
    source: "MDCG 2019-16 Annex II (PACS: unauthorised user on the LAN manipulates traffic between device and PACS, false diagnosis; control: network access security)",
    supersedes: ["flow-tampering"],
  },
  {
    id: "dicom-executable-content",
    family,
    title: "DICOM objects received by {{to.name}} can carry executable malware",
    stride: "elevation-of-privilege",
    targets: ["flow"],
    when: { all: [dicom, { fact: "to.parsesUntrustedInput", is: true }, { fact: "to.technology", notIn: ["embedded-firmware", "mobile-app"] }] },
    description:
      "{{to.name}} takes in DICOM objects from {{from.name}} over {{channel}}. A DICOM file can at the same time be a valid executable (its 128-byte preamble may hold anything), so malware hidden in images spreads to every system of the imaging network that stores, opens or runs them.",
    capec: ["CAPEC-35", "CAPEC-636"],
    cwe: [],
    capabilities: ["MLDP", "SAHD"],
    safety: { when: "always", why: "Malware spreading through imaging systems makes them unavailable and delays diagnosis and treatment." },
    annexI: ["MDR-17.2", "MDR-14.2(d)", "MDR-18.8", "MDR-17.1"],
    controls: ["ctl-dicom-import-sanitisation", "ctl-application-allowlisting", "ctl-anti-malware-compatibility"],
    source:
      "MDCG 2019-16 Annex II (X-ray machine: DICOM objects carrying executable malware spread across the PACS and device network; control: hardening and whitelisting that block execution of DICOM objects)",
  },
  {
    id: "hospital-network-interaction",
    family,
    title: "The hospital network can disrupt the exchange between {{from.name}} and {{to.name}}",
    stride: "denial-of-service",
    targets: ["flow"],
    when: {
      all: [
        { fact: "channel", in: ["ethernet", "wifi"] },
        // a lost alarm is alarm-delivery-suppression's (alarms family)
        { fact: "assetKinds", hasNone: ["alarm"] },
        { fact: "max.availability", atLeast: 2 },
        {
          any: [
            { all: [{ fact: "from.kind", is: "hospital-system" }, { fact: "to.type", is: "process" }] },
            { all: [{ fact: "to.kind", is: "hospital-system" }, { fact: "from.type", is: "process" }] },
          ],
        },
      ],
    },
    description:
      "{{from.name}} and {{to.name}} exchange {{assets}} over the hospital's {{channel}} network, which the manufacturer does not control. Traffic of other systems, broadcast storms, vulnerability scans run by hospital IT, and changes to addresses, firewall rules, interface engines or network services can delay, drop or cut this exchange, often without either side noticing.",
    capec: ["CAPEC-125"],
    cwe: [],
    capabilities: ["SGUD", "CNFS"],
    safety: {
      when: {
        any: [
          { fact: "from.hasClinicalFunction", is: true },
          { fact: "to.hasClinicalFunction", is: true },
          { fact: "assetKinds", hasAny: ["therapy-command", "diagnostic-data"] },
        ],
      },
      why: "Orders, results or measurements that arrive late or not at all delay diagnosis or therapy.",
    },
    annexI: ["MDR-14.2(d)", "MDR-14.5", "MDR-17.1", "MDR-17.4", "MDR-23.4(ab)"],
    controls: ["ctl-store-and-forward-messaging", "ctl-network-traffic-resilience", "ctl-link-supervision-alarm", "ctl-ifu-minimum-it-requirements", "ctl-ifu-port-and-firewall-list"],
    source:
      "MDCG 2019-16 Table 1 (MDR 14.2(d)), §3.6 (minimum IT requirements; the environment must not impair the device's performance) and Annex II (mobile C-arm: router configuration changed, no connectivity; MR: network infection attempt delays treatment); FDA premarket guidance (2025) §V.A.1 (assume an adversary can drop packets)",
    supersedes: ["flow-denial-of-service"],
  },
];
