/** A small, valid rule file users can start from (shown in the app and the README). */
export const EXAMPLE_RULE_FILE = `medthreatRules: 1
rules:
  - id: acme-service-laptop-usb
    title: "{{name}} accepts configuration from a service laptop over USB"
    stride: tampering
    targets: [process]
    when:
      all:
        - { fact: inbound.channels, has: usb }
        - { fact: inbound.assetKinds, hasAny: [configuration, therapy-command] }
        - { fact: auditLog, is: false }
    description: "Service laptops at Acme sites are shared; a changed configuration on {{name}} would not be traced to a person."
    cwe: [CWE-778]
    capabilities: [AUDT, PAUT]
    safety:
      when: { fact: hasClinicalFunction, is: true }
      why: A wrong configuration of a clinical function changes therapy or measurements.
    annexI: [MDR-18.8, MDR-17.2]
    source: Acme field service review 2026
`;
