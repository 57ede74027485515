/**
 * The controlled vocabulary of a device model. Each list is the single source for the
 * zod schema, the JSON Schema, the editor's select boxes and the reports.
 */

export const REGULATIONS = ["MDR", "IVDR"] as const;
export type Regulation = (typeof REGULATIONS)[number];

export const DEVICE_KINDS = ["hardware-with-software", "software"] as const;
export type DeviceKind = (typeof DEVICE_KINDS)[number];

export const ENVIRONMENTS = ["hospital-network", "clinic", "home", "mobile", "cloud", "other"] as const;
export type Environment = (typeof ENVIRONMENTS)[number];

export const ELEMENT_TYPES = ["external-entity", "process", "data-store"] as const;
export type ElementType = (typeof ELEMENT_TYPES)[number];

export const ASSET_KINDS = [
  "patient-data",
  "therapy-command",
  "diagnostic-data",
  "alarm",
  "credential",
  "firmware",
  "configuration",
  "log",
  "other",
] as const;
export type AssetKind = (typeof ASSET_KINDS)[number];

export const PROTECTION_LEVELS = ["none", "low", "medium", "high"] as const;
export type ProtectionLevel = (typeof PROTECTION_LEVELS)[number];

export const ENTITY_KINDS = [
  "person",
  "medical-device",
  "hospital-system",
  "cloud-service",
  "update-server",
  "app-store",
  "other-system",
] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];

export const PERSON_ROLES = [
  "patient",
  "caregiver",
  "clinician",
  "service-technician",
  "it-administrator",
  "other",
] as const;
export type PersonRole = (typeof PERSON_ROLES)[number];

export const CLINICAL_FUNCTIONS = ["therapy-delivery", "diagnosis", "monitoring", "alarming"] as const;
export type ClinicalFunction = (typeof CLINICAL_FUNCTIONS)[number];

export const TECHNOLOGIES = [
  "embedded-firmware",
  "mobile-app",
  "web-application",
  "desktop-application",
  "server-application",
  "cloud-service",
  "database",
  "file-storage",
  "removable-storage",
  "other",
] as const;
export type Technology = (typeof TECHNOLOGIES)[number];

export const UPDATE_METHODS = [
  "none",
  "over-the-air",
  "app-store",
  "service-tool",
  "usb",
  "removable-media",
  "manual-install",
  "cloud-deployment",
] as const;
export type UpdateMethod = (typeof UPDATE_METHODS)[number];

export const PATIENT_REACH = ["none", "single", "many"] as const;
export type PatientReach = (typeof PATIENT_REACH)[number];

export const CHANNELS = [
  "ble",
  "wifi",
  "cellular",
  "ethernet",
  "usb",
  "serial",
  "jtag-debug",
  "nfc-inductive",
  "removable-media",
  "internet",
  "internal",
  "user-interface",
  "other",
] as const;
export type Channel = (typeof CHANNELS)[number];

export const FLOW_DIRECTIONS = ["one-way", "two-way"] as const;
export type FlowDirection = (typeof FLOW_DIRECTIONS)[number];

export const FLOW_ENDS = ["from", "to"] as const;
export type FlowEnd = (typeof FLOW_ENDS)[number];

export const WIRELESS_CHANNELS: readonly Channel[] = ["ble", "wifi", "cellular", "nfc-inductive"];
export const PHYSICAL_CHANNELS: readonly Channel[] = ["usb", "serial", "jtag-debug", "removable-media"];

/** Human-readable labels, used by the editor and the reports. */
export const LABELS: Record<string, string> = {
  "hardware-with-software": "Hardware device with software",
  software: "Medical device software (MDSW)",
  "hospital-network": "Hospital network",
  clinic: "Clinic or practice",
  home: "Home",
  mobile: "Mobile / on the body",
  cloud: "Cloud",
  "external-entity": "External entity",
  process: "Process",
  "data-store": "Data store",
  "patient-data": "Patient data (PHI)",
  "therapy-command": "Therapy command or setting",
  "diagnostic-data": "Diagnostic or monitoring data",
  alarm: "Alarm",
  credential: "Credential or key",
  firmware: "Firmware or software",
  configuration: "Configuration",
  log: "Log",
  person: "Person (role)",
  "medical-device": "Other medical device",
  "hospital-system": "Hospital system (HIS, EHR, PACS)",
  "cloud-service": "Cloud service",
  "update-server": "Update server",
  "app-store": "App store",
  "other-system": "Other system",
  patient: "Patient",
  caregiver: "Caregiver",
  clinician: "Clinician",
  "service-technician": "Service technician",
  "it-administrator": "IT administrator",
  "therapy-delivery": "Therapy delivery",
  diagnosis: "Diagnosis",
  monitoring: "Monitoring",
  alarming: "Alarming",
  "embedded-firmware": "Embedded firmware",
  "mobile-app": "Mobile app",
  "web-application": "Web application",
  "desktop-application": "Desktop application",
  "server-application": "Server application",
  database: "Database",
  "file-storage": "File storage",
  "removable-storage": "Removable storage",
  none: "None",
  "over-the-air": "Over the air",
  "service-tool": "Service tool",
  usb: "USB",
  "removable-media": "Removable media",
  "manual-install": "Manual installation",
  "cloud-deployment": "Cloud deployment",
  single: "One patient",
  many: "Many patients",
  ble: "Bluetooth Low Energy",
  wifi: "Wi-Fi",
  cellular: "Cellular",
  ethernet: "Ethernet",
  serial: "Serial (UART)",
  "jtag-debug": "JTAG / debug",
  "nfc-inductive": "NFC / inductive",
  internet: "Internet",
  internal: "Internal (bus or IPC)",
  "user-interface": "User interface (screen, buttons)",
  "one-way": "One way",
  "two-way": "Two way",
  low: "Low",
  medium: "Medium",
  high: "High",
  other: "Other",
};

export function label(value: string): string {
  return LABELS[value] ?? value;
}
