import type { SecurityControl } from "./types";

/**
 * Controls built into the device and its apps: firmware integrity, hardware protection, input
 * handling, availability of the clinical function, authorization on the device, local alarms and
 * logging. Secure design first, then protective measures (MDCG 2019-16 §3.3).
 */
export const DEVICE_CONTROLS: readonly SecurityControl[] = [
  // ── Secure design ────────────────────────────────────────────────────────
  {
    id: "ctl-message-authentication-counter",
    title: "Message authentication with a freshness counter",
    description:
      "Every command and setting message carries a message authentication code (e.g. AES-CMAC or HMAC-SHA-256 under a key unique to the device pair) computed over the payload and a monotonic counter. The receiver acts on a message only if the code verifies and the counter is higher than the last one accepted, so forged, altered and replayed messages are rejected.",
    type: "secure-design",
    fdaCategory: "authentication",
    capabilities: ["TXIG", "NAUT"],
    annexI: ["MDR-18.8", "MDR-17.2", "MDR-14.1"],
    transfersToOperator: false,
    verification: ["security-feature-test", "fuzz-test", "penetration-test"],
    source:
      "MDCG 2019-16 Annex II (deep-brain stimulator: message authentication programmer↔IPG); FDA premarket guidance (2025) §V.A.1 (assume an adversary can alter, drop and replay traffic)",
  },
  {
    id: "ctl-ble-secure-connections-pairing",
    title: "BLE LE Secure Connections with authenticated pairing",
    description:
      "Bluetooth Low Energy pairing uses LE Secure Connections with Numeric Comparison, Passkey Entry with a random passkey, or out-of-band data (e.g. NFC or a QR code on the device); Just Works and fixed PINs are refused. The device accepts writes only over an authenticated, encrypted bond, and pairing is possible only in a pairing mode started on the device.",
    type: "secure-design",
    fdaCategory: "authentication",
    capabilities: ["NAUT", "TXCF", "TXIG"],
    annexI: ["MDR-18.8", "MDR-17.2", "MDR-14.1"],
    transfersToOperator: false,
    verification: ["security-feature-test", "penetration-test", "inspection"],
    source:
      "FDA premarket guidance (2025) §V.A.3 (add security controls to common protocols such as BLE); Bluetooth Core Specification (LE Secure Connections association models; Just Works gives no man-in-the-middle protection)",
  },
  {
    id: "ctl-secure-boot",
    title: "Secure boot from a hardware root of trust",
    description:
      "An immutable boot loader verifies the signature of each later boot stage and of the application firmware against a public key held in ROM or one-time-programmable memory, and starts only verified code. A failed check leaves the device in a defined recovery state instead of running modified software.",
    type: "secure-design",
    fdaCategory: "code-data-execution-integrity",
    capabilities: ["SAHD", "IGAU"],
    annexI: ["MDR-17.2", "MDR-18.8", "MDR-17.1"],
    transfersToOperator: false,
    verification: ["security-feature-test", "penetration-test", "inspection"],
    source: "FDA premarket guidance (2025) Appendix 1 code, data and execution integrity; MDCG 2019-16 §3.6 (software integrity checks)",
  },
  {
    id: "ctl-stored-data-integrity",
    title: "Integrity protection of stored settings and data",
    description:
      "Therapy settings, configuration, calibration and stored measurements are written with a MAC or signature (or authenticated encryption) and checked each time they are loaded. A mismatch is treated as a fault: the device falls back to a verified copy or a safe state and records the event.",
    type: "secure-design",
    fdaCategory: "code-data-execution-integrity",
    capabilities: ["IGAU"],
    annexI: ["MDR-17.2", "MDR-17.1", "MDR-18.8"],
    transfersToOperator: false,
    verification: ["security-feature-test", "code-review"],
    source:
      "MDCG 2019-16 §3.3 Table 3 (personal data integrity and authenticity) and Annex I (NIS measures: data integrity via hashing); FDA premarket guidance (2025) Appendix 1 code, data and execution integrity",
  },
  {
    id: "ctl-signed-updates-anti-rollback",
    title: "Signed updates with anti-rollback",
    description:
      "The device installs only images signed with the manufacturer's release key and verifies the signature before installation. A version counter in tamper-resistant storage rejects images older than the lowest allowed version, so a genuinely signed but vulnerable old release cannot be reinstated.",
    type: "secure-design",
    fdaCategory: "updatability-patchability",
    capabilities: ["CSUP", "IGAU"],
    annexI: ["MDR-17.2", "MDR-18.8"],
    transfersToOperator: false,
    verification: ["security-feature-test", "penetration-test", "code-review"],
    source:
      "MDCG 2019-16 §4.2 (integrity of software updates, MDR 23.4(h),(k)); FDA premarket guidance (2025) Appendix 1 updatability and patchability; MITRE/MDIC Playbook high-value flows: obtaining and validating software updates",
  },
  {
    id: "ctl-fail-safe-update",
    title: "Fail-safe update installation",
    description:
      "Updates are written to an inactive partition and activated atomically; if the new image fails to boot or fails its self-test, the device returns to the last good image by itself. Installation starts only after user confirmation while the clinical function is idle, never during therapy delivery or with alarms pending.",
    type: "secure-design",
    fdaCategory: "resiliency-recovery",
    capabilities: ["CSUP", "DTBK"],
    annexI: ["MDR-17.1", "MDR-4"],
    transfersToOperator: false,
    verification: ["security-feature-test", "inspection"],
    source:
      "MDCG 2019-16 §4.2 (step-by-step update deployment; fail-safe mode) and §3.1 practice 7 (security update management); FDA premarket guidance (2025) Appendix 1 resiliency and recovery",
  },
  {
    id: "ctl-field-updatability",
    title: "Secure field update path",
    description:
      "Every component whose software is exposed or contains third-party code can be updated in the field through an authenticated channel (over the air, through the companion app or a service tool), so a vulnerability found after release can be fixed on the installed base. The path is sized for the expected frequency of security patches, not only for rare feature releases.",
    type: "secure-design",
    fdaCategory: "updatability-patchability",
    capabilities: ["CSUP"],
    annexI: ["MDR-17.2", "MDR-3"],
    transfersToOperator: false,
    verification: ["security-feature-test", "inspection"],
    source:
      "MDCG 2019-16 §3.1 practice 7 and §3.8 (updates deployed in a time appropriate to the risk); FDA premarket guidance (2025) Appendix 1 updatability and patchability; FD&C Act §524B(b)(2)",
  },
  {
    id: "ctl-debug-port-lock",
    title: "Debug interfaces locked in production",
    description:
      "JTAG/SWD and other debug access is permanently disabled by fuses, or locked behind a per-device challenge-response unlock, before units leave manufacturing. The lock state is checked in end-of-line testing.",
    type: "secure-design",
    fdaCategory: "code-data-execution-integrity",
    capabilities: ["PLOK", "SAHD"],
    annexI: ["MDR-18.8", "MDR-17.2"],
    transfersToOperator: false,
    verification: ["inspection", "penetration-test", "security-feature-test"],
    source: "IEC 81001-5-1 §7.2 (threat model covers physical ports including debug/JTAG); CWE-1191 (on-chip debug interface with improper access control)",
  },
  {
    id: "ctl-flash-readout-protection",
    title: "Flash readout protection and firmware encryption",
    description:
      "Microcontroller readout protection is set to the level that blocks debugger and boot-loader reads of internal flash, and firmware kept in external memory is encrypted with a device key. A device in an attacker's hands yields neither its firmware nor its embedded constants.",
    type: "secure-design",
    fdaCategory: "confidentiality",
    capabilities: ["PLOK", "STCF"],
    annexI: ["MDR-17.2", "MDR-18.8"],
    transfersToOperator: false,
    verification: ["inspection", "penetration-test"],
    source:
      "IEC 81001-5-1 §7.2 (hardware attack vectors); MDCG 2019-16 §2.4 (exploitable vulnerabilities will be found and exploited); FDA premarket guidance (2025) Appendix 1 confidentiality",
  },
  {
    id: "ctl-secure-element-key-storage",
    title: "Keys held in a secure element",
    description:
      "Private keys and long-term secrets are generated and kept in a secure element, TPM or trusted execution environment, are unique per device and never leave it; the application asks it to sign, decrypt or compute MACs. Dumping memory or flash does not reveal them, and a key taken from one unit opens no other.",
    type: "secure-design",
    fdaCategory: "cryptography",
    capabilities: ["STCF", "PLOK", "NAUT"],
    annexI: ["MDR-18.8", "MDR-17.2"],
    transfersToOperator: false,
    verification: ["inspection", "penetration-test", "security-feature-test"],
    source: "FDA premarket guidance (2025) Appendix 1 cryptography (key management); IEC 81001-5-1 §7.2 (hardware attack vectors)",
  },
  {
    id: "ctl-unique-device-credentials",
    title: "No hard-coded or shared credentials",
    description:
      "No password, key or token is compiled into the software or shared between units: each unit receives its own credentials in manufacturing, and any initial password must be changed at first use before the function it protects becomes available. Builds are scanned for embedded secrets.",
    type: "secure-design",
    fdaCategory: "authentication",
    capabilities: ["PAUT", "NAUT"],
    annexI: ["MDR-18.8", "MDR-17.2"],
    transfersToOperator: false,
    verification: ["static-analysis", "code-review", "penetration-test"],
    source:
      "FDA premarket guidance (2025) §V.C (testing for hard-coded, default and weak credentials); MDCG 2019-16 §4.2 (change default passwords at first login) and Annex II (anaesthesia device: weak service password guessed)",
  },
  {
    id: "ctl-service-interface-authentication",
    title: "Authenticated service interface",
    description:
      "Service and maintenance functions (serial console, service protocol, service software) require an authenticated technician, e.g. through a per-device challenge signed by the manufacturer's service system, and offer only the functions of the service role. The interactive console of development builds is removed from production firmware.",
    type: "secure-design",
    fdaCategory: "authentication",
    capabilities: ["PAUT", "AUTH", "PLOK"],
    annexI: ["MDR-18.8", "MDR-17.2"],
    transfersToOperator: false,
    verification: ["security-feature-test", "penetration-test", "inspection"],
    source:
      "MDCG 2019-16 Annex II (anaesthesia and warming therapy devices: weakly protected service access); IEC 81001-5-1 §7.2 (threat model covers physical ports)",
  },
  {
    id: "ctl-usb-port-restriction",
    title: "USB limited to what the intended use needs",
    description:
      "The device accepts only the USB device classes it needs (no keyboards or network adapters unless required), has no autorun, and mounts removable media without execute permission. Ports with no use in the field are disabled in firmware or not fitted.",
    type: "secure-design",
    fdaCategory: "code-data-execution-integrity",
    capabilities: ["SAHD", "MLDP", "PLOK"],
    annexI: ["MDR-18.8", "MDR-17.2", "MDR-14.2(d)"],
    transfersToOperator: false,
    verification: ["security-feature-test", "penetration-test", "inspection"],
    source:
      "MDCG 2019-16 Annex II (ventilator: malware installed via USB), §2.4 (loading data from an unsecured USB stick is reasonably foreseeable misuse) and §4.3 item 6 (unused interfaces disabled)",
  },
  {
    id: "ctl-signed-data-import",
    title: "Signed data and configuration import",
    description:
      "Files the device loads from removable media or a service tool (configuration, drug libraries, protocols) must carry a signature of the manufacturer or of an authorised configuration tool, which the device verifies before parsing the content. Unsigned or altered files are rejected and the attempt is logged.",
    type: "secure-design",
    fdaCategory: "code-data-execution-integrity",
    capabilities: ["IGAU", "MLDP"],
    annexI: ["MDR-18.8", "MDR-17.2", "MDR-14.2(d)"],
    transfersToOperator: false,
    verification: ["security-feature-test", "fuzz-test", "penetration-test"],
    source:
      "MDCG 2019-16 §2.4 (unsecured USB memory stick) and §3.6 (software integrity checks); FDA premarket guidance (2025) Appendix 1 code, data and execution integrity",
  },
  {
    id: "ctl-robust-input-parsing",
    title: "Validated, fuzz-hardened input parsing",
    description:
      "Every interface that takes data across a trust boundary checks length, type, range and protocol state before acting on it, with parsers generated from the protocol specification or written in a memory-safe language; log entries built from input are escaped. The parsers are fuzzed in the build pipeline and after every protocol change.",
    type: "secure-design",
    fdaCategory: "code-data-execution-integrity",
    capabilities: ["SAHD"],
    annexI: ["MDR-17.1", "MDR-17.2", "MDR-18.8"],
    transfersToOperator: false,
    verification: ["fuzz-test", "static-analysis", "code-review"],
    source:
      "FDA premarket guidance (2025) §V.C (malformed and unexpected inputs, fuzzing); MDCG 2019-16 §3.7 (fuzz testing) and Annex II (warming therapy device crashed by malformed requests)",
  },
  {
    id: "ctl-exploit-mitigations",
    title: "Memory protection and exploit mitigations",
    description:
      "Builds enable stack protection, non-executable data memory, address-space layout randomisation and control-flow protection where the platform offers them, and embedded targets use the memory protection unit to separate code, data and stacks. A memory-corruption bug then ends in a crash and a safe state rather than in code execution.",
    type: "secure-design",
    fdaCategory: "code-data-execution-integrity",
    capabilities: ["SAHD"],
    annexI: ["MDR-17.2", "MDR-18.8"],
    transfersToOperator: false,
    verification: ["static-analysis", "inspection", "penetration-test"],
    source: "MDCG 2019-16 §3.6 (memory protection that blocks arbitrary code execution) and §3.2 (generic hazards: execute code, memory corruption)",
  },
  {
    id: "ctl-least-privilege-sandboxing",
    title: "Least privilege and compartmentalisation",
    description:
      "Each process runs with only the privileges it needs, and the code that parses untrusted input runs in a separate, unprivileged compartment (process, sandbox or MPU region) apart from the code that holds keys or controls the clinical function. A compromised parser gains neither the keys nor control of therapy, and internal details do not leak through its errors.",
    type: "secure-design",
    fdaCategory: "authorization",
    capabilities: ["SAHD", "AUTH"],
    annexI: ["MDR-18.8", "MDR-17.2"],
    transfersToOperator: false,
    verification: ["code-review", "penetration-test", "inspection"],
    source:
      "MDCG 2019-16 Annex I (NIS measures: least privilege) and §3.1 practice 3 (defence in depth); IEC 81001-5-1 §5.3.1 (defence-in-depth architecture design)",
  },
  {
    id: "ctl-rate-limiting-battery-budget",
    title: "Request rate limiting and energy budget",
    description:
      "The radio interface limits connection attempts and requests per time window, rejects unauthenticated requests before doing expensive work, and backs off after repeated failures. A communication energy budget keeps the battery reserve for the clinical function even under a flood of requests.",
    type: "secure-design",
    fdaCategory: "resiliency-recovery",
    capabilities: ["SAHD"],
    annexI: ["MDR-17.1", "MDR-18.8", "MDR-4"],
    transfersToOperator: false,
    verification: ["security-feature-test", "penetration-test"],
    source: "MDCG 2019-16 Annex II (pacemaker: unauthorised person floods the device with requests; control: prevent overwhelming the device)",
  },
  {
    id: "ctl-network-traffic-resilience",
    title: "Network stack that withstands floods",
    description:
      "The network interface drops excess traffic through rate limits and bounded queues and gives clinical traffic priority. It is tested at and beyond the maximum traffic of the intended network, broadcast storms and scans included, so that overload degrades connectivity but not the clinical function.",
    type: "secure-design",
    fdaCategory: "resiliency-recovery",
    capabilities: ["SAHD"],
    annexI: ["MDR-17.1", "MDR-14.2(d)", "MDR-18.8"],
    transfersToOperator: false,
    verification: ["security-feature-test", "penetration-test"],
    source:
      "FDA premarket guidance (2025) §V.C (threat mitigation testing including maximum traffic); MDCG 2019-16 Annex II (warming therapy device: network flooded, therapy unavailable)",
  },
  {
    id: "ctl-device-firewall-minimal-services",
    title: "Minimal network services and host firewall",
    description:
      "Only the ports and services the intended use needs are open; all others are removed from the build, and a host firewall accepts connections only from configured peers. Each open port is documented with its purpose and direction.",
    type: "secure-design",
    fdaCategory: "authorization",
    capabilities: ["SAHD", "CNFS"],
    annexI: ["MDR-18.8", "MDR-17.2", "MDR-14.2(d)"],
    transfersToOperator: false,
    verification: ["vulnerability-scan", "penetration-test", "inspection"],
    source:
      "MDCG 2019-16 §4.3 item 6 (unused ports disabled) and §3.6 (traffic filtering); FDA premarket guidance (2025) §VI.A (list of network ports and interfaces)",
  },
  {
    id: "ctl-clinical-function-isolation",
    title: "Clinical function isolated from connectivity",
    description:
      "The therapy, monitoring or alarming function runs on its own processor or partition, apart from the networked, general-purpose part, and keeps working with its last valid settings when that part crashes, is flooded or is infected. Only a narrow, validated interface joins the two.",
    type: "secure-design",
    fdaCategory: "resiliency-recovery",
    capabilities: ["SAHD"],
    annexI: ["MDR-17.1", "MDR-18.8", "MDR-14.2(d)"],
    transfersToOperator: false,
    verification: ["security-feature-test", "penetration-test", "inspection"],
    source:
      "MDCG 2019-16 Annex II (MR: real-time computing not on the infectable machine, so an infection is only a nuisance) and §3.6 (partitioning in complex systems); FDA premarket guidance (2025) Appendix 1 resiliency and recovery",
  },
  {
    id: "ctl-emergency-access",
    title: "Emergency (break-glass) access",
    description:
      "Clinicians can reach the functions needed in an emergency without the normal login, through a mechanism that proves presence or urgency (e.g. a proximity wand or a dedicated emergency mode) instead of a password. Every emergency access is logged and reviewed afterwards.",
    type: "secure-design",
    fdaCategory: "authorization",
    capabilities: ["EMRG", "AUDT"],
    annexI: ["MDR-1", "MDR-4", "MDR-8", "MDR-18.8"],
    transfersToOperator: false,
    verification: ["security-feature-test", "inspection"],
    source:
      "MDCG 2019-16 §2.2 (restrictive security: clinicians must reach an implanted cardiac device in an emergency), §3.3 Table 3 (emergency access) and Annex II (pacemaker programmer: inductive wand required to start a session)",
  },
  {
    id: "ctl-role-based-authorization",
    title: "Role-based authorization with clinician and patient limits",
    description:
      "Users act in defined roles (patient, caregiver, clinician, service, administrator), and every command is checked against the caller's role where the function runs, not only in the user interface. A patient can change therapy only within the range the clinician prescribed; only clinicians change prescriptions or alarm limits.",
    type: "secure-design",
    fdaCategory: "authorization",
    capabilities: ["AUTH", "PAUT"],
    annexI: ["MDR-18.8", "MDR-22.1", "MDR-17.2"],
    transfersToOperator: false,
    verification: ["security-feature-test", "penetration-test"],
    source:
      "MDCG 2019-16 Annex II (smart infusion pump: patient reconfigures the device; control: well-defined user types and access rights); FDA premarket guidance (2025) Appendix 1 authorization",
  },
  {
    id: "ctl-vitals-visible-when-locked",
    title: "Vital signs and alarms stay visible when a session locks",
    description:
      "Automatic logoff or a screen lock hides patient details and blocks changes, but never hides the current vital signs and active alarms of a monitoring display. The lock behaviour is configurable per care area.",
    type: "secure-design",
    fdaCategory: "authorization",
    capabilities: ["ALOF", "CNFS"],
    annexI: ["MDR-1", "MDR-4", "MDR-8"],
    transfersToOperator: false,
    verification: ["security-feature-test", "inspection"],
    source: "MDCG 2019-16 §3.2 (blanking a screen protects personal data but is unsafe on vital-signs displays and must not be implemented there)",
  },
  {
    id: "ctl-encryption-at-rest",
    title: "Encryption of stored health data and secrets",
    description:
      "Health data, credentials and keys at rest, exports to removable media and backups included, are encrypted with a current authenticated cipher under keys kept in secure storage, not beside the data. Passwords are stored only as salted, deliberately slow hashes.",
    type: "secure-design",
    fdaCategory: "confidentiality",
    capabilities: ["STCF"],
    annexI: ["MDR-17.2"],
    transfersToOperator: false,
    verification: ["inspection", "security-feature-test", "penetration-test"],
    source:
      "MDCG 2019-16 §2.1 (confidentiality at rest) and §3.3 Table 3 (personal data storage confidentiality); FDA premarket guidance (2025) Appendix 1 confidentiality and cryptography",
  },
  {
    id: "ctl-mobile-secure-storage",
    title: "Secrets and health data in the phone's protected storage",
    description:
      "The mobile app keeps keys and tokens in the hardware-backed Android Keystore or iOS Keychain, stores health data only in encrypted app-private storage, and excludes both from device and cloud backups. Nothing sensitive goes to shared storage, the clipboard or logs.",
    type: "secure-design",
    fdaCategory: "confidentiality",
    capabilities: ["STCF"],
    annexI: ["MDR-17.2", "MDR-18.8"],
    transfersToOperator: false,
    verification: ["inspection", "penetration-test", "static-analysis"],
    source: "OWASP MASVS-STORAGE-1 (the app securely stores sensitive data); MDCG 2019-16 §3.3 Table 3 (personal data storage confidentiality)",
  },
  {
    id: "ctl-dedicated-locked-down-controller",
    title: "Dedicated, locked-down controller for therapy programming",
    description:
      "Therapy commands come from a manufacturer-supplied handheld or programmer whose hardened operating system runs no third-party apps and gives no general OS access, not from the patient's own phone. Where a personal phone is also supported, it is limited to viewing and other functions that cannot change therapy.",
    type: "secure-design",
    fdaCategory: "code-data-execution-integrity",
    capabilities: ["SAHD", "MLDP"],
    annexI: ["MDR-18.8", "MDR-14.2(d)", "MDR-17.2"],
    transfersToOperator: false,
    verification: ["penetration-test", "inspection"],
    source: "MDCG 2019-16 Annex II (deep-brain stimulator: programmer blocks third-party apps and limits OS access)",
  },
  {
    id: "ctl-notification-data-minimisation",
    title: "No health data in phone notifications",
    description:
      "Alarm and reminder notifications say that attention is needed without readings, names or diagnoses; the details appear only inside the app once it is unlocked. Users get more detail in notifications only by an explicit choice.",
    type: "secure-design",
    fdaCategory: "confidentiality",
    capabilities: ["DIDT", "CNFS"],
    annexI: ["MDR-17.2"],
    transfersToOperator: false,
    verification: ["inspection", "security-feature-test"],
    source:
      "MITRE ATT&CK for Mobile T1517 Access Notifications (mitigation: keep sensitive data out of notification text); OWASP MASVS-STORAGE-2 (the app prevents leakage of sensitive data)",
  },

  // ── Protective measures ──────────────────────────────────────────────────
  {
    id: "ctl-watchdog-safe-state",
    title: "Watchdog and defined safe state",
    description:
      "A hardware watchdog and plausibility monitors detect a hung, crashed or overloaded clinical function and restart it or move the device to a defined safe state (continue the last valid program, or stop delivery and alarm). The device announces the event locally and logs it.",
    type: "protective-measure",
    fdaCategory: "resiliency-recovery",
    capabilities: [],
    annexI: ["MDR-17.1", "MDR-4"],
    transfersToOperator: false,
    verification: ["security-feature-test", "fuzz-test", "inspection"],
    source:
      "MDR Annex I 17.1 via MDCG 2019-16 Table 1 (risks after a single fault reduced); FDA premarket guidance (2025) Appendix 1 resiliency and recovery; MDCG 2019-16 Annex II (warming therapy device crashed by malformed requests)",
  },
  {
    id: "ctl-pump-enforced-dose-limits",
    title: "Dose limits enforced by the therapy device",
    description:
      "The therapy device itself enforces hard limits set by the clinician (maximum bolus, maximum rate, maximum amount per hour and per day) and refuses any command outside them, whatever its source and however it was authenticated. A refused command raises an alert and is logged.",
    type: "protective-measure",
    fdaCategory: "authorization",
    capabilities: ["AUTH"],
    annexI: ["MDR-1", "MDR-4", "MDR-18.8"],
    transfersToOperator: false,
    verification: ["security-feature-test", "fuzz-test"],
    source:
      "MDCG 2019-16 Annex II (smart infusion pump: more or less insulin than prescribed) and §3.3 (protective measures after secure design, mirroring MDR Annex I 4(b))",
  },
  {
    id: "ctl-on-device-confirmation",
    title: "Confirmation of therapy changes on the device",
    description:
      "A therapy or alarm-setting change that arrives from an app, programmer or remote system is shown on the therapy device's own display (or announced by it) and takes effect only after the user confirms it there. The user thus confirms what the device received, not what the sending app displayed.",
    type: "protective-measure",
    fdaCategory: "authorization",
    capabilities: ["AUTH"],
    annexI: ["MDR-18.8", "MDR-4", "MDR-14.2(d)"],
    transfersToOperator: false,
    verification: ["security-feature-test", "inspection"],
    source:
      "MDCG 2019-16 Annex II (pacemaker programmer: an inductive wand in close proximity must start the session; deep-brain stimulator: malware changes stimulation) and §3.3 (protective measures)",
  },
  {
    id: "ctl-local-alarm-independent",
    title: "Local alarm independent of apps and cloud",
    description:
      "The device announces alarm conditions itself (sound, vibration, display) and does not need a phone, app or cloud service to do so; remote notifications are an additional channel. The local alarm cannot be switched off from a remote system.",
    type: "protective-measure",
    fdaCategory: "resiliency-recovery",
    capabilities: [],
    annexI: ["MDR-1", "MDR-4", "MDR-14.2(d)", "MDR-17.1"],
    transfersToOperator: false,
    verification: ["security-feature-test", "inspection"],
    source: "MDCG 2019-16 §3.6 (device as autonomous as possible, minimal reliance on its environment) and §2.3 (defence in depth)",
  },
  {
    id: "ctl-link-supervision-alarm",
    title: "Supervision of communication links",
    description:
      "Links that carry alarms, commands or clinical data exchange heartbeats with a defined timeout; loss of the link or of the expected heartbeats is detected within that time and raises a technical alarm at both ends. Silence on a link is never taken to mean that all is well.",
    type: "protective-measure",
    fdaCategory: "resiliency-recovery",
    capabilities: [],
    annexI: ["MDR-17.1", "MDR-14.1", "MDR-14.2(d)", "MDR-4"],
    transfersToOperator: false,
    verification: ["security-feature-test", "penetration-test"],
    source:
      "MITRE/MDIC Playbook (2021) high-value flows: transmitting and silencing alarms; FDA premarket guidance (2025) §V.A.1 (assume an adversary can drop packets)",
  },
  {
    id: "ctl-authenticated-alarm-acknowledgement",
    title: "Authenticated end-to-end alarm acknowledgement",
    description:
      "The alarm source repeats and escalates an alarm until it receives an acknowledgement authenticated by the intended receiver (central station, pager gateway or clinician app). Without it within the escalation time, the source alarms locally and tries the next receiver.",
    type: "protective-measure",
    fdaCategory: "authentication",
    capabilities: ["NAUT"],
    annexI: ["MDR-14.1", "MDR-18.8", "MDR-4"],
    transfersToOperator: false,
    verification: ["security-feature-test", "penetration-test"],
    source:
      "MITRE/MDIC Playbook (2021) high-value flows: transmitting alarms; MDCG 2019-16 Annex II (monitoring system: manipulated alarm messages, emergency measures too late)",
  },
  {
    id: "ctl-audit-logging",
    title: "Tamper-evident audit log",
    description:
      "Security-relevant events and clinical configuration changes are recorded with who, what, when and from where in an append-only log whose entries are hash-chained or signed, so that deletion or alteration is detectable. The log has a defined capacity and a documented behaviour when it is full.",
    type: "protective-measure",
    fdaCategory: "event-detection-logging",
    capabilities: ["AUDT", "IGAU"],
    annexI: ["MDR-17.2"],
    transfersToOperator: false,
    verification: ["security-feature-test", "inspection"],
    source:
      "FDA premarket guidance (2025) Appendix 1 event detection and logging; MDCG 2019-16 §2.5 (auditability supporting non-repudiation) and §4.2 (documented logging implementation)",
  },
  {
    id: "ctl-log-forwarding",
    title: "Log export and forwarding",
    description:
      "Logs leave the device over an authenticated, encrypted channel to the manufacturer's back end or the operator's log collector (e.g. syslog over TLS to a SIEM), and an authorised user can export them in a documented format. The evidence survives the loss or compromise of the device.",
    type: "protective-measure",
    fdaCategory: "event-detection-logging",
    capabilities: ["AUDT"],
    annexI: ["MDR-17.2"],
    transfersToOperator: false,
    verification: ["security-feature-test", "inspection"],
    source:
      "MDCG 2019-16 §4.3 item 8 (how logs are captured, stored, archived and consumed by intrusion detection); FDA premarket guidance (2025) §VI.A (forensic log capture in a format for IDS/SIEM)",
  },
  {
    id: "ctl-security-event-reporting",
    title: "Detection and reporting of security events",
    description:
      "The device detects security events such as failed authentications, configuration changes, rejected or malformed messages, integrity-check failures and unusual request rates, and reports them to the user or operator and to remote monitoring. Thresholds keep the reports few enough to act on.",
    type: "protective-measure",
    fdaCategory: "event-detection-logging",
    capabilities: ["AUDT"],
    annexI: ["MDR-17.2", "MDR-18.8"],
    transfersToOperator: false,
    verification: ["security-feature-test", "penetration-test"],
    source:
      "MDCG 2019-16 §3.3 (protective measures including security notifications) and §4.3 item 8 (how the device announces security events); FDA premarket guidance (2025) §VI.A (how the device detects and reports security events)",
  },
  {
    id: "ctl-mobile-runtime-integrity-checks",
    title: "Platform and app integrity checks in the mobile app",
    description:
      "Before sending therapy commands the app checks the platform and itself for signs of rooting or jailbreak, debugging, repackaging and screen overlays, and proves its integrity to the back end through platform attestation. When a check fails it refuses therapy-changing functions and tells the user why.",
    type: "protective-measure",
    fdaCategory: "code-data-execution-integrity",
    capabilities: ["SAHD"],
    annexI: ["MDR-18.8", "MDR-14.2(d)"],
    transfersToOperator: false,
    verification: ["penetration-test", "security-feature-test"],
    source:
      "OWASP MASVS-RESILIENCE (platform integrity, anti-tampering); MDCG 2019-16 Annex II (deep-brain stimulator: malware on the programmer modifies stimulation)",
  },
  {
    id: "ctl-anti-malware-compatibility",
    title: "Validated compatibility with anti-malware",
    description:
      "Device software on general-purpose computers is validated to run alongside common anti-malware products, with the exclusions and scan scheduling it needs documented so that scans do not disrupt clinical use. The operator installs and maintains the anti-malware.",
    type: "protective-measure",
    fdaCategory: "code-data-execution-integrity",
    capabilities: ["MLDP"],
    annexI: ["MDR-14.2(d)", "MDR-17.4", "MDR-23.4(ab)"],
    transfersToOperator: true,
    operatorAction:
      "Install an anti-malware product from the manufacturer's validated list, keep its signatures current, apply the documented exclusions and schedule full scans outside clinical use.",
    verification: ["security-feature-test", "inspection"],
    source:
      "MDCG 2019-16 §3.6 (workstations compatible with anti-malware) and Annex II (PACS ransomware: antivirus among the controls; interventional X-ray: unvalidated malware scanning blocked)",
  },
];
