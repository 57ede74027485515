/** CVSS metric definitions (reference.md §5) as data: one UI control per metric, vector order = array order. */

export const CVSS_VERSIONS = ["3.0", "3.1", "4.0"] as const;
export type CvssVersion = (typeof CVSS_VERSIONS)[number];

export type MetricGroupId = "base" | "temporal" | "threat" | "environmental" | "supplemental";

export interface MetricValue {
  readonly abbr: string;
  readonly name: string;
}

export interface MetricDefinition {
  readonly abbr: string;
  readonly name: string;
  /** In spec order; optional metrics start with X (Not Defined). */
  readonly values: readonly MetricValue[];
  /** Base metrics are mandatory; every other metric may be left out (= X). */
  readonly mandatory: boolean;
}

export interface MetricGroup {
  readonly id: MetricGroupId;
  readonly name: string;
  readonly metrics: readonly MetricDefinition[];
}

export const NOT_DEFINED = "X";

const NOT_DEFINED_VALUE: MetricValue = { abbr: NOT_DEFINED, name: "Not Defined" };

type ValueList = readonly (readonly [abbr: string, name: string])[];

function metric(abbr: string, name: string, values: ValueList, mandatory = false): MetricDefinition {
  const list = values.map(([a, n]) => ({ abbr: a, name: n }));
  return { abbr, name, mandatory, values: mandatory ? list : [NOT_DEFINED_VALUE, ...list] };
}

function modified(base: MetricDefinition, abbr: string, name: string, values: ValueList = base.values.map((v) => [v.abbr, v.name] as const)): MetricDefinition {
  return metric(abbr, name, values);
}

const HLN = [["H", "High"], ["L", "Low"], ["N", "None"]] as const;
const REQUIREMENT = [["H", "High"], ["M", "Medium"], ["L", "Low"]] as const;

function cvss3Groups(adjacentName: string): readonly MetricGroup[] {
  const AV = metric("AV", "Attack Vector", [["N", "Network"], ["A", adjacentName], ["L", "Local"], ["P", "Physical"]], true);
  const AC = metric("AC", "Attack Complexity", [["L", "Low"], ["H", "High"]], true);
  const PR = metric("PR", "Privileges Required", [["N", "None"], ["L", "Low"], ["H", "High"]], true);
  const UI = metric("UI", "User Interaction", [["N", "None"], ["R", "Required"]], true);
  const S = metric("S", "Scope", [["U", "Unchanged"], ["C", "Changed"]], true);
  const C = metric("C", "Confidentiality", HLN, true);
  const I = metric("I", "Integrity", HLN, true);
  const A = metric("A", "Availability", HLN, true);
  return [
    { id: "base", name: "Base", metrics: [AV, AC, PR, UI, S, C, I, A] },
    {
      id: "temporal",
      name: "Temporal",
      metrics: [
        metric("E", "Exploit Code Maturity", [["H", "High"], ["F", "Functional"], ["P", "Proof-of-Concept"], ["U", "Unproven"]]),
        metric("RL", "Remediation Level", [["U", "Unavailable"], ["W", "Workaround"], ["T", "Temporary Fix"], ["O", "Official Fix"]]),
        metric("RC", "Report Confidence", [["C", "Confirmed"], ["R", "Reasonable"], ["U", "Unknown"]]),
      ],
    },
    {
      id: "environmental",
      name: "Environmental",
      metrics: [
        metric("CR", "Confidentiality Requirement", REQUIREMENT),
        metric("IR", "Integrity Requirement", REQUIREMENT),
        metric("AR", "Availability Requirement", REQUIREMENT),
        modified(AV, "MAV", "Modified Attack Vector"),
        modified(AC, "MAC", "Modified Attack Complexity"),
        modified(PR, "MPR", "Modified Privileges Required"),
        modified(UI, "MUI", "Modified User Interaction"),
        modified(S, "MS", "Modified Scope"),
        modified(C, "MC", "Modified Confidentiality"),
        modified(I, "MI", "Modified Integrity"),
        modified(A, "MA", "Modified Availability"),
      ],
    },
  ];
}

function cvss4Groups(): readonly MetricGroup[] {
  const AV = metric("AV", "Attack Vector", [["N", "Network"], ["A", "Adjacent"], ["L", "Local"], ["P", "Physical"]], true);
  const AC = metric("AC", "Attack Complexity", [["L", "Low"], ["H", "High"]], true);
  const AT = metric("AT", "Attack Requirements", [["N", "None"], ["P", "Present"]], true);
  const PR = metric("PR", "Privileges Required", [["N", "None"], ["L", "Low"], ["H", "High"]], true);
  const UI = metric("UI", "User Interaction", [["N", "None"], ["P", "Passive"], ["A", "Active"]], true);
  const VC = metric("VC", "Vulnerable System Confidentiality Impact", HLN, true);
  const VI = metric("VI", "Vulnerable System Integrity Impact", HLN, true);
  const VA = metric("VA", "Vulnerable System Availability Impact", HLN, true);
  const SC = metric("SC", "Subsequent System Confidentiality Impact", HLN, true);
  const SI = metric("SI", "Subsequent System Integrity Impact", HLN, true);
  const SA = metric("SA", "Subsequent System Availability Impact", HLN, true);
  const NEGLIGIBLE = [["H", "High"], ["L", "Low"], ["N", "Negligible"]] as const;
  const SAFETY = [["S", "Safety"], ...NEGLIGIBLE] as const;
  return [
    { id: "base", name: "Base", metrics: [AV, AC, AT, PR, UI, VC, VI, VA, SC, SI, SA] },
    { id: "threat", name: "Threat", metrics: [metric("E", "Exploit Maturity", [["A", "Attacked"], ["P", "Proof-of-Concept"], ["U", "Unreported"]])] },
    {
      id: "environmental",
      name: "Environmental",
      metrics: [
        metric("CR", "Confidentiality Requirement", REQUIREMENT),
        metric("IR", "Integrity Requirement", REQUIREMENT),
        metric("AR", "Availability Requirement", REQUIREMENT),
        modified(AV, "MAV", "Modified Attack Vector"),
        modified(AC, "MAC", "Modified Attack Complexity"),
        modified(AT, "MAT", "Modified Attack Requirements"),
        modified(PR, "MPR", "Modified Privileges Required"),
        modified(UI, "MUI", "Modified User Interaction"),
        modified(VC, "MVC", "Modified Vulnerable System Confidentiality"),
        modified(VI, "MVI", "Modified Vulnerable System Integrity"),
        modified(VA, "MVA", "Modified Vulnerable System Availability"),
        modified(SC, "MSC", "Modified Subsequent System Confidentiality", NEGLIGIBLE),
        modified(SI, "MSI", "Modified Subsequent System Integrity", SAFETY),
        modified(SA, "MSA", "Modified Subsequent System Availability", SAFETY),
      ],
    },
    {
      id: "supplemental",
      name: "Supplemental (no effect on the score)",
      metrics: [
        metric("S", "Safety", [["N", "Negligible"], ["P", "Present"]]),
        metric("AU", "Automatable", [["N", "No"], ["Y", "Yes"]]),
        metric("R", "Recovery", [["A", "Automatic"], ["U", "User"], ["I", "Irrecoverable"]]),
        metric("V", "Value Density", [["D", "Diffuse"], ["C", "Concentrated"]]),
        metric("RE", "Vulnerability Response Effort", [["L", "Low"], ["M", "Moderate"], ["H", "High"]]),
        metric("U", "Provider Urgency", [["Clear", "Clear"], ["Green", "Green"], ["Amber", "Amber"], ["Red", "Red"]]),
      ],
    },
  ];
}

export const CVSS_METRIC_GROUPS: Readonly<Record<CvssVersion, readonly MetricGroup[]>> = {
  "3.0": cvss3Groups("Adjacent Network"),
  "3.1": cvss3Groups("Adjacent"),
  "4.0": cvss4Groups(),
};

export function vectorPrefix(version: CvssVersion): string {
  return `CVSS:${version}/`;
}

/** All metrics of a version in vector order. */
export function metricsOf(version: CvssVersion): readonly MetricDefinition[] {
  return CVSS_METRIC_GROUPS[version].flatMap((g) => g.metrics);
}

export function groupOf(version: CvssVersion, metricAbbr: string): MetricGroupId | undefined {
  return CVSS_METRIC_GROUPS[version].find((g) => g.metrics.some((m) => m.abbr === metricAbbr))?.id;
}
