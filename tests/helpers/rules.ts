/** A rule file of `count` custom rules that fire on every element and flow: the worst case for the analysis limits. */
export function alwaysFiringRules(count: number, prefix = "acme-everywhere"): string {
  const rule = (i: number) => `  - id: ${prefix}-${i}
    title: "{{name}} is flagged by rule ${i}"
    stride: tampering
    targets: [external-entity, process, data-store, flow]
    when: { fact: id, isNot: never-an-id }
    description: "Rule ${i} fires on every element and flow, {{name}} included."
    safety: { when: never, why: A test rule. }
    annexI: [MDR-17.2]
`;
  return `medthreatRules: 1\nrules:\n${Array.from({ length: count }, (_, i) => rule(i)).join("")}`;
}
