import { reportInputFromProjectFile, type ReportInput } from "@/lib/reports/input";
import { exampleText } from "../../helpers/models";

/** The README's minimal model, with an optional regulation and extra YAML appended. */
export function minimalText(options: { regulation?: "MDR" | "IVDR"; name?: string; assessment?: string } = {}): string {
  return `medthreat: 1
project:
  name: ${JSON.stringify(options.name ?? "Infusion pump 3.0")}
  device: { name: InfuSafe, version: "3.0" }
  regulation: ${options.regulation ?? "MDR"}
  deviceKind: hardware-with-software
  environments: [hospital-network]
  assumptions:
    - { id: asm-hostile-network, text: The hospital network is hostile. }
assets:
  - { id: rate-command, name: Infusion rate, kind: therapy-command, confidentiality: low, integrity: high, availability: high }
elements:
  - { id: pump, type: process, name: Pump firmware, technology: embedded-firmware, clinicalFunctions: [therapy-delivery] }
  - { id: pdms, type: external-entity, name: Patient data management system, kind: hospital-system }
boundaries:
  - { id: pump-enclosure, name: Pump, contains: [pump] }
flows:
  - id: pdms-to-pump
    from: pdms
    to: pump
    channel: ethernet
    protocol: HL7 v2 over MLLP
    assets: [rate-command]
    encryption: { enabled: false }
    authentication: { from: { enabled: false }, to: { enabled: false } }
diagrams:
  - { id: context, name: System context, elements: [pump, pdms] }
${options.assessment ?? ""}`;
}

export const OPTIONS = { label: "file pump.yaml", date: "2026-11-20", generatorVersion: "9.9.9" };

export function inputOf(text: string, options: Partial<typeof OPTIONS> & { rules?: string[] } = {}): ReportInput {
  const result = reportInputFromProjectFile(text, { ...OPTIONS, ...options });
  if (!result.ok) throw new Error(result.errors.map((e) => `${e.path}: ${e.message}`).join("; "));
  return result.input;
}

export const demoInput = () => inputOf(exampleText(), { label: "file insulin-pump-system.yaml" });
export const minimalInput = (options: Parameters<typeof minimalText>[0] = {}) => inputOf(minimalText(options));

export const CUSTOM_RULES = `medthreatRules: 1
rules:
  - id: acme-no-audit-log
    title: "{{name}} keeps no audit log"
    stride: repudiation
    targets: [process]
    when: { fact: auditLog, is: false }
    description: "{{name}} keeps no audit log, so nobody can tell who changed what."
    safety:
      when: never
      why: Traceability only.
    source: Acme review 2026
`;
