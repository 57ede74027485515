import { z } from "zod";
import { Id } from "../model/schema";
import { THREAT_STATUSES } from "../threats/decision";
import { VERIFICATION_METHODS } from "../controls/types";

/**
 * The assessment part of a project file: risk settings, hazards, project controls with their
 * verification evidence, and per threat the decision, scores, hazard link and controls. It sits
 * beside the architecture in the same file, under `assessment:`, so that each diffs on its own.
 */

export const ISO_SEVERITIES = ["negligible", "minor", "serious", "critical", "catastrophic"] as const;
export type IsoSeverity = (typeof ISO_SEVERITIES)[number];

export const EXPLOITABILITY_LEVELS = ["very-low", "low", "medium", "high"] as const;
export type Exploitability = (typeof EXPLOITABILITY_LEVELS)[number];

export const CVSS_BANDS = ["none", "low", "medium", "high", "critical"] as const;
export type CvssBand = (typeof CVSS_BANDS)[number];

export const ACCEPTABILITY = ["acceptable", "unacceptable"] as const;

export const CONTROL_TYPES = ["secure-design", "protective-measure", "information-for-security"] as const;
export type ControlType = (typeof CONTROL_TYPES)[number];

export const CONTROL_STATUSES = ["proposed", "implemented", "verified"] as const;
export type ControlStatus = (typeof CONTROL_STATUSES)[number];

export { VERIFICATION_METHODS };
export const EVIDENCE_RESULTS = ["passed", "passed-with-findings", "failed"] as const;

const Text = (max: number) => z.string().trim().max(max).default("");
const Vector = z.string().trim().max(300).default("");

const Row = z.strictObject({
  negligible: z.enum(ACCEPTABILITY),
  minor: z.enum(ACCEPTABILITY),
  serious: z.enum(ACCEPTABILITY),
  critical: z.enum(ACCEPTABILITY),
  catastrophic: z.enum(ACCEPTABILITY),
});

/** The manufacturer's risk acceptance criteria (MDCG 2019-16 §3.5); the defaults are a starting point to review. */
export const RiskSettings = z.strictObject({
  exploitabilityThresholds: z
    .strictObject({
      high: z.number().min(0).max(10),
      medium: z.number().min(0).max(10),
      low: z.number().min(0).max(10),
    })
    .refine((t) => t.high >= t.medium && t.medium >= t.low, { error: "thresholds must fall from high to low" })
    .describe("CVSS 3.x exploitability sub-score (0.1–3.9) at or above which exploitability is high, medium, low; below low it is very low."),
  matrix: z
    .strictObject({ "very-low": Row, low: Row, medium: Row, high: Row })
    .describe("For each exploitability level, whether a risk of each ISO 14971 severity is acceptable."),
  multiPatientEscalation: z.number().int().min(0).max(2).describe("Severity levels added when one compromise can harm many patients."),
  securityAcceptance: z
    .strictObject({
      maxBand: z.enum(CVSS_BANDS),
      maxBandManyPatientsData: z.enum(CVSS_BANDS),
    })
    .describe("Security risks without safety impact are acceptable up to this CVSS band; stricter when patient data of many patients is at stake."),
});
export type RiskSettings = z.infer<typeof RiskSettings>;

const A = "acceptable";
const U = "unacceptable";
export const DEFAULT_RISK_SETTINGS: RiskSettings = {
  exploitabilityThresholds: { high: 2.8, medium: 1.6, low: 0.7 },
  matrix: {
    "very-low": { negligible: A, minor: A, serious: A, critical: A, catastrophic: A },
    low: { negligible: A, minor: A, serious: A, critical: U, catastrophic: U },
    medium: { negligible: A, minor: A, serious: U, critical: U, catastrophic: U },
    high: { negligible: A, minor: U, serious: U, critical: U, catastrophic: U },
  },
  multiPatientEscalation: 1,
  securityAcceptance: { maxBand: "medium", maxBandManyPatientsData: "low" },
};

export const Hazard = z.strictObject({
  id: Id,
  title: z.string().trim().min(1).max(200),
  harm: Text(2000).describe("The harm to the patient, e.g. severe hypoglycaemia from an insulin overdose."),
  severity: z.enum(ISO_SEVERITIES).describe("ISO 14971 severity of the harm."),
});
export type Hazard = z.infer<typeof Hazard>;

export const Evidence = z.strictObject({
  method: z.enum(VERIFICATION_METHODS),
  reference: z.string().trim().min(1).max(300).describe("Where the evidence is, e.g. a test report number."),
  result: z.enum(EVIDENCE_RESULTS),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: "a date as YYYY-MM-DD" }),
  notes: Text(2000),
});
export type Evidence = z.infer<typeof Evidence>;

export const ProjectControl = z.strictObject({
  id: Id,
  libraryId: z.string().max(80).optional().describe("The control library entry it was made from."),
  title: z.string().trim().min(1).max(200),
  description: Text(4000),
  type: z.enum(CONTROL_TYPES),
  fdaCategory: z.string().max(60).default(""),
  capabilities: z.array(z.string().max(10)).default([]),
  annexI: z.array(z.string().max(30)).default([]),
  transfersToOperator: z.boolean().default(false).describe("The control relies on the operator or user; it must be disclosed in the IFU."),
  ifuText: Text(4000).describe("What the IFU tells users to do, for controls that transfer risk to them."),
  status: z.enum(CONTROL_STATUSES).default("proposed"),
  evidence: z.array(Evidence).default([]),
});
export type ProjectControl = z.infer<typeof ProjectControl>;

export const ControlLink = z.strictObject({
  control: Id,
  status: z.enum(CONTROL_STATUSES).default("proposed"),
  rationale: Text(2000),
});
export type ControlLink = z.infer<typeof ControlLink>;

const Scores = {
  cvss31: Vector.describe("CVSS 3.1 vector"),
  cvss40: Vector.describe("CVSS 4.0 vector"),
};

export const ThreatAssessment = z.strictObject({
  id: z.string().min(3).max(200).describe("Threat id: <rule id>@<element or flow id>."),
  status: z.enum(THREAT_STATUSES).default("open"),
  justification: Text(5000),
  decidedBy: Text(200),
  decidedAt: Text(40),
  hazard: Id.optional().describe("Id of the hazard the threat can lead to, when it can affect safety."),
  multiPatient: z.boolean().optional().describe("Override: one compromise can harm many patients. Derived from the model when absent."),
  before: z.strictObject({ ...Scores, rubric: Vector.describe("MITRE rubric answers as an extended vector") }).default({ cvss31: "", cvss40: "", rubric: "" }),
  after: z.strictObject(Scores).default({ cvss31: "", cvss40: "" }).describe("Scores with the linked controls in place."),
  controls: z.array(ControlLink).default([]),
});
export type ThreatAssessment = z.infer<typeof ThreatAssessment>;

/** Whether an Annex I requirement of MDCG 2019-16 Table 1 applies to the device; every one applies unless justified. */
export const RequirementStatus = z.strictObject({
  id: z.string().min(3).max(30).describe("Annex I id of the project's regulation, e.g. MDR-22.1"),
  applicable: z.boolean().default(true),
  justification: Text(4000).describe("Why it does not apply, or how it is met where no control shows it."),
});
export type RequirementStatus = z.infer<typeof RequirementStatus>;

export const Assessment = z.strictObject({
  settings: RiskSettings.default(DEFAULT_RISK_SETTINGS),
  requirements: z.array(RequirementStatus).default([]),
  hazards: z.array(Hazard).default([]),
  controls: z.array(ProjectControl).default([]),
  threats: z.array(ThreatAssessment).default([]),
});
export type Assessment = z.infer<typeof Assessment>;
export type AssessmentInput = z.input<typeof Assessment>;

export const emptyAssessment = (): Assessment => Assessment.parse({});
