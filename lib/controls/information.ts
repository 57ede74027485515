import type { SecurityControl } from "./types";

/**
 * Information for security (MDCG 2019-16 §3.3, third priority): what the IFU, security guide and
 * labeling tell users and operators to do. Each one transfers part of the risk to the operator and
 * says how in `operatorAction` (MDCG 2019-16 §2.3, §3.6, §4.2, §4.3; FDA premarket guidance (2025) §VI.A).
 */
export const INFORMATION_CONTROLS: readonly SecurityControl[] = [
  {
    id: "ctl-ifu-minimum-it-requirements",
    title: "Minimum IT requirements in the IFU",
    description:
      "The IFU states the environment the device is meant for (home, hospital), the minimum hardware, operating systems, network characteristics and IT-security measures it needs, and the risks of using it outside that environment.",
    type: "information-for-security",
    fdaCategory: "resiliency-recovery",
    capabilities: ["SGUD"],
    annexI: ["MDR-17.4", "MDR-23.4(ab)", "MDR-14.2(d)"],
    transfersToOperator: true,
    operatorAction: "Provide the stated hardware, network and IT-security measures, and do not operate the device outside the intended environment.",
    verification: ["inspection"],
    source: "MDCG 2019-16 §3.6 and §4.2 reading of MDR 23.4(ab); MDCG 2019-16 §4.3 items 1, 4 and 9",
  },
  {
    id: "ctl-ifu-network-segmentation",
    title: "Network segmentation guidance",
    description:
      "The security guide explains how to place the device in its own network segment with filtering towards other segments and no direct internet access unless a function needs it, with a network diagram of the expected deployment.",
    type: "information-for-security",
    fdaCategory: "authorization",
    capabilities: ["SGUD"],
    annexI: ["MDR-17.4", "MDR-23.4(ab)", "MDR-14.2(d)"],
    transfersToOperator: true,
    operatorAction: "Put the device in its own network segment, filter traffic to and from it as described, and keep it off the internet unless a function needs it.",
    verification: ["inspection"],
    source:
      "MDCG 2019-16 §3.6 (network segmentation, traffic filtering), §4.3 item 7 (network diagrams) and Annex II (network worm: disconnect from the network; PACS: network access security)",
  },
  {
    id: "ctl-ifu-port-and-firewall-list",
    title: "List of ports, interfaces and firewall rules",
    description:
      "The security documentation lists every network port and other data interface with its purpose, protocol, direction and expected endpoints, and the firewall rules that allow exactly that traffic; unused ports are stated as disabled.",
    type: "information-for-security",
    fdaCategory: "authorization",
    capabilities: ["SGUD", "CNFS"],
    annexI: ["MDR-17.4", "MDR-23.4(ab)"],
    transfersToOperator: true,
    operatorAction: "Configure firewalls to allow only the listed traffic, and report any unexpected open port to the manufacturer.",
    verification: ["inspection", "vulnerability-scan"],
    source:
      "MDCG 2019-16 §4.3 item 6 and §4.2 (firewall rules; matrix of network data streams); FDA premarket guidance (2025) §VI.A (list of network ports and interfaces)",
  },
  {
    id: "ctl-ifu-secure-configuration-guide",
    title: "Secure configuration and hardening guide",
    description:
      "The guide explains each security setting, its secure default and the risk of changing it, how to harden the installation (anti-malware, firewall, allowlisting, logging settings), and which changes the manufacturer does not support.",
    type: "information-for-security",
    fdaCategory: "authorization",
    capabilities: ["SGUD", "CNFS"],
    annexI: ["MDR-23.4(ab)", "MDR-17.4", "MDR-14.2(d)"],
    transfersToOperator: true,
    operatorAction: "Keep the secure defaults, harden the installation as the guide describes, and make only the configuration changes it allows.",
    verification: ["inspection"],
    source:
      "MDCG 2019-16 §4.2 (security configuration options, security by default, MDR 23.4(i)), §4.3 item 5, §3.1 practice 8 (security guidelines) and §2.6 (modifications only under published manufacturer guidance)",
  },
  {
    id: "ctl-ifu-change-default-passwords",
    title: "Change initial passwords at first use",
    description:
      "The IFU tells users to replace any initial password at first login with a strong one of their own, not to share accounts, and to keep credentials and pairing codes secret.",
    type: "information-for-security",
    fdaCategory: "authentication",
    capabilities: ["PAUT", "SGUD"],
    annexI: ["MDR-23.4(ab)", "MDR-18.8"],
    transfersToOperator: true,
    operatorAction: "Replace initial passwords at first use, use strong individual passwords, and never share accounts or pairing codes.",
    verification: ["inspection"],
    source: "MDCG 2019-16 §4.2 (initial configuration: change default passwords at first login, MDR 23.4(i)) and §2.6.3 (complex passwords)",
  },
  {
    id: "ctl-ifu-physical-security",
    title: "Physical security guidance",
    description:
      "The IFU tells the operator how to protect the device physically: keep it and its service connectors in controlled areas, use the provided locks or seals, and check tamper-evident seals during maintenance.",
    type: "information-for-security",
    fdaCategory: "authorization",
    capabilities: ["PLOK", "SGUD"],
    annexI: ["MDR-17.4", "MDR-23.4(ab)", "MDR-18.8"],
    transfersToOperator: true,
    operatorAction: "Keep the device and its service connectors in controlled areas, use the provided locks or seals, and inspect the seals during maintenance.",
    verification: ["inspection"],
    source: "MDCG 2019-16 §3.6 (physical security), §2.5 (healthcare provider practices) and §4.3 item 5 (physical security detection)",
  },
  {
    id: "ctl-ifu-security-update-instructions",
    title: "Instructions for security updates",
    description:
      "The IFU describes step by step how security updates are obtained, how their integrity is checked, when they may be installed (not during therapy or monitoring), how the fail-safe mode works and how to return to normal operation if an update fails.",
    type: "information-for-security",
    fdaCategory: "updatability-patchability",
    capabilities: ["CSUP", "SGUD"],
    annexI: ["MDR-4"],
    transfersToOperator: true,
    operatorAction: "Install security updates promptly, following the steps, at a time when the device is not needed for care.",
    verification: ["inspection"],
    source:
      "MDCG 2019-16 §4.2 (integrity of updates, step-by-step update deployment and fail-safe mode, read into MDR 23.4(h),(i),(k), which Table 1 does not list)",
  },
  {
    id: "ctl-ifu-backup-restore",
    title: "Backup and restore instructions",
    description:
      "The IFU explains which data and configuration to back up and how often, how to keep backups apart from the device, and how authorised users restore them and check the result.",
    type: "information-for-security",
    fdaCategory: "resiliency-recovery",
    capabilities: ["DTBK", "SGUD"],
    annexI: ["MDR-23.4(ab)", "MDR-17.4"],
    transfersToOperator: true,
    operatorAction: "Back up data and configuration as instructed, keep the copies apart from the device's network, and test restoring them.",
    verification: ["inspection"],
    source:
      "MDCG 2019-16 §4.2 reading of MDR 23.4(ab) (backup and restore of data and configuration) and §4.3 item 3; FDA premarket guidance (2025) §VI.A (backup and restore of authenticated configurations)",
  },
  {
    id: "ctl-ifu-decommissioning",
    title: "Secure decommissioning instructions",
    description:
      "The IFU explains how to take the device out of service: run its secure-erase function to delete health data, credentials and keys, revoke its accounts and certificates, and dispose of or return it only after erasure.",
    type: "information-for-security",
    fdaCategory: "confidentiality",
    capabilities: ["STCF", "SGUD"],
    annexI: ["MDR-23.4(ab)", "MDR-17.4"],
    transfersToOperator: true,
    operatorAction: "Before disposal, resale, return or repair, run the secure erase, revoke the device's accounts and certificates, and keep a record of it.",
    verification: ["inspection", "security-feature-test"],
    source:
      "FDA premarket guidance (2025) §VI.A (secure decommissioning and sanitisation); MDCG 2019-16 §2.6.2 (operators follow security guidance for decommissioning)",
  },
  {
    id: "ctl-ifu-patient-device-hygiene",
    title: "Security guidance for patients' phones",
    description:
      "Patient instructions, written for lay users, ask them to keep the phone's operating system and the app up to date, not to root or jailbreak the phone, to use a screen lock, to install the app only from the official store, and to switch off features they do not use.",
    type: "information-for-security",
    fdaCategory: "code-data-execution-integrity",
    capabilities: ["SGUD"],
    annexI: ["MDR-22.1", "MDR-23.4(ab)"],
    transfersToOperator: true,
    operatorAction: "Keep the phone and the app updated, use a screen lock, do not root or jailbreak the phone, and install the app only from the official store.",
    verification: ["inspection"],
    source:
      "MDCG 2019-16 §2.6.3 (patients secure their phones and tablets, stay up to date, switch off unused features); MDR Annex I 22.1 via MDCG 2019-16 Table 1 (information for lay persons easy to understand and apply)",
  },
  {
    id: "ctl-ifu-alarm-notification-setup",
    title: "Instructions that keep app alarm notifications working",
    description:
      "Where alarms are also sent to a phone app, the IFU names the phone settings that must stay on (notifications, background activity, exceptions from do-not-disturb and battery saving), asks users to check them after phone updates, and states that the device's own alarm remains the primary one.",
    type: "information-for-security",
    fdaCategory: "resiliency-recovery",
    capabilities: ["SGUD"],
    annexI: ["MDR-23.4(ab)", "MDR-23.1(g)", "MDR-23.4(g)", "MDR-14.2(d)"],
    transfersToOperator: true,
    operatorAction: "Keep the listed phone settings on, check them again after each phone or app update, and rely on the device's own alarm first.",
    verification: ["inspection"],
    source:
      "MDCG 2019-16 §4.2 reading of MDR 23.4(ab) (minimum platform, risks outside the intended environment) and of 23.4(g) (residual risks)",
  },
  {
    id: "ctl-ifu-security-event-response",
    title: "Security event and incident response guidance",
    description:
      "The documentation explains how the device announces security events, where its logs are and how to forward them to the operator's log collection or SIEM, what to do on an alert, and how to report a suspected incident to the manufacturer.",
    type: "information-for-security",
    fdaCategory: "event-detection-logging",
    capabilities: ["AUDT", "SGUD"],
    annexI: ["MDR-23.4(ab)", "MDR-17.4"],
    transfersToOperator: true,
    operatorAction:
      "Forward the device's logs to the operator's monitoring, act on security alerts as described, and report suspected security events to the manufacturer without delay.",
    verification: ["inspection"],
    source:
      "MDCG 2019-16 §4.3 item 8, §4.2 (action plan on alert messages, MDR 23.4(i)) and §2.6.2 (operators notify the manufacturer of suspected security events); FDA premarket guidance (2025) §VI.A (forensic log capture for IDS/SIEM)",
  },
  {
    id: "ctl-ifu-authorised-software-sources",
    title: "How to obtain genuine software",
    description:
      "The labeling says where genuine, version-identifiable apps and software come from (the named official stores and publisher, the manufacturer's portal), how to check publisher and version, and that no other source is supported.",
    type: "information-for-security",
    fdaCategory: "code-data-execution-integrity",
    capabilities: ["SGUD"],
    annexI: ["MDR-23.4(ab)", "MDR-14.2(d)"],
    transfersToOperator: true,
    operatorAction: "Install the app and software only from the named sources, and check publisher and version before use.",
    verification: ["inspection"],
    source:
      "FDA premarket guidance (2025) §VI.A (how to obtain authorised, version-identifiable software); MDCG 2019-16 §3.6 (genuine software only)",
  },
  {
    id: "ctl-end-of-support-notice",
    title: "End-of-support notice",
    description:
      "The manufacturer states until when it provides security updates for each product version, announces changes in advance, and explains which risks remain after that date and what the operator should do.",
    type: "information-for-security",
    fdaCategory: "updatability-patchability",
    capabilities: ["RDMP", "SGUD"],
    annexI: ["MDR-23.1(g)", "MDR-23.4(g)", "MDR-3"],
    transfersToOperator: true,
    operatorAction: "Plan replacement or isolation of the device before its end-of-support date, and follow the manufacturer's recommendations for the time after it.",
    general: true,
    verification: ["inspection"],
    source: "FDA premarket guidance (2025) §VI.A (end-of-support and end-of-life information, risk transfer); MDCG 2019-16 §3.8 (lifecycle)",
  },
  {
    id: "ctl-customer-sbom",
    title: "SBOM provided to customers",
    description:
      "Customers receive a current, machine-readable SBOM of the version they run, with the support level of each component, so that they can check new vulnerabilities against their installed base.",
    type: "information-for-security",
    fdaCategory: "updatability-patchability",
    capabilities: ["RDMP", "SGUD"],
    annexI: ["MDR-23.4(ab)", "MDR-3"],
    transfersToOperator: true,
    operatorAction: "Keep the SBOM of each installed version and check it against vulnerability notices in the operator's own vulnerability management.",
    general: true,
    verification: ["inspection", "sca-scan"],
    source: "FDA premarket guidance (2025) §VI.A (SBOM in labeling, kept current); MDCG 2019-16 §4.2 (SBOM in documents beyond the IFU)",
  },
];
