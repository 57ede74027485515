import { annexIRequirements, type AnnexIRegulation } from "../catalog";
import type { Model } from "../model/schema";
import type { Assessment, ControlLink, ControlStatus, ControlType, Evidence, Exploitability, IsoSeverity, ProjectControl, ThreatAssessment } from "../risk/assessment";
import { evaluateThreat, type PhaseRisk, type ThreatRisk } from "../risk/evaluate";
import { annexIForRegulation } from "../threats/annex";
import type { ThreatStatus } from "../threats/decision";
import type { Analysis, Threat } from "../threats/engine";
import type { TargetKind } from "../threats/facts";

/**
 * The traceability matrix of a project, in both directions:
 * - requirement → controls → threats → evidence (requirementTrace), for MDCG 2019-16 Table 1;
 * - element or flow → threats → risk before/after → controls (elementTrace).
 * Rows are plain data that a UI table renders directly; the *Csv functions flatten them to one
 * CSV row per combination. The same input always gives the same rows in the same order.
 */

export interface TraceInput {
  model: Model;
  analysis: Analysis;
  /** May hold only the threats someone worked on: a threat without an entry is open and unscored. */
  assessment: Assessment;
  /** Threats whose rule no longer fires; their entries are kept in the assessment but are not traced. */
  obsoleteThreatIds?: string[];
  comments?: { targetType: string; targetId: string; resolved: boolean }[];
}

// ---------------------------------------------------------------------------------------------
// What the matrix and the review both look up

/** Residual risk of a threat: after its controls, or "not-applicable" when the threat was decided so. */
export type Residual = "acceptable" | "unacceptable" | "not-applicable";

export interface TraceIndex {
  regulation: AnnexIRegulation;
  /** The threats of the analysis, without obsolete ones, in analysis order. */
  threats: Threat[];
  threatById: Map<string, Threat>;
  assessed: Map<string, ThreatAssessment>;
  risks: Map<string, ThreatRisk>;
  controlById: Map<string, ProjectControl>;
  /**
   * For each control id, the current threats that need it: linked to it and not decided
   * "not-applicable". A link from an obsolete or not-applicable threat does not count.
   */
  linksByControl: Map<string, { threat: Threat; link: ControlLink }[]>;
}

export function traceIndex(input: TraceInput): TraceIndex {
  const obsolete = new Set(input.obsoleteThreatIds ?? []);
  const threats = input.analysis.threats.filter((t) => !obsolete.has(t.id));
  const assessed = new Map(input.assessment.threats.filter((t) => !obsolete.has(t.id)).map((t) => [t.id, t]));
  const risks = new Map(threats.map((t) => [t.id, evaluateThreat(t, assessed.get(t.id), input.assessment)]));
  const linksByControl = new Map<string, { threat: Threat; link: ControlLink }[]>();
  for (const threat of threats) {
    const entry = assessed.get(threat.id);
    if (!entry || entry.status === "not-applicable") continue;
    for (const link of entry.controls) push(linksByControl, link.control, { threat, link });
  }
  return {
    regulation: input.model.project.regulation,
    threats,
    threatById: new Map(threats.map((t) => [t.id, t])),
    assessed,
    risks,
    controlById: new Map(input.assessment.controls.map((c) => [c.id, c])),
    linksByControl,
  };
}

export const threatStatus = (index: TraceIndex, threatId: string): ThreatStatus => index.assessed.get(threatId)?.status ?? "open";

export function residualOf(index: TraceIndex, threatId: string): Residual {
  const risk = index.risks.get(threatId);
  if (!risk || !risk.applicable) return "not-applicable";
  return risk.after.acceptable ? "acceptable" : "unacceptable";
}

/** Evidence that counts: a verification whose result is not "failed". */
export const passingEvidence = (control: ProjectControl): Evidence[] => control.evidence.filter((e) => e.result !== "failed");

/** Annex I ids as the project's regulation numbers them (controls cite MDR ids; IVDR projects get the Table 1 equivalent, or none). */
export const requirementIdsFor = (ids: readonly string[], regulation: AnnexIRegulation): string[] => annexIForRegulation(ids, regulation);

function push<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

// ---------------------------------------------------------------------------------------------
// Requirement → controls → threats → evidence

export interface TracedThreat {
  id: string;
  title: string;
  stride: Threat["stride"];
  targetId: string;
  status: ThreatStatus;
  residual: Residual;
}

export interface RequirementControlTrace {
  id: string;
  title: string;
  type: ControlType;
  status: ControlStatus;
  evidence: Evidence[];
  /** The current threats linked to this control, with the status of each link. */
  threats: (TracedThreat & { linkStatus: ControlStatus; citedByRule: boolean })[];
}

/**
 * - not-applicable: marked not applicable with a justification;
 * - no-control: no project control supports it;
 * - no-evidence: controls support it, but none has passing verification evidence;
 * - evidenced: at least one supporting control has passing evidence.
 */
export type RequirementState = "not-applicable" | "no-control" | "no-evidence" | "evidenced";

export interface RequirementTrace {
  id: string;
  section: string;
  topic: string;
  tableRow: number;
  /** As recorded in assessment.requirements; applicable when not recorded. */
  applicable: boolean;
  justification: string;
  state: RequirementState;
  /** Project controls that cite the requirement (control.annexI), in assessment order. */
  controls: RequirementControlTrace[];
  /** Threats whose rule cites the requirement (threat.annexI), and which supporting controls they are linked to (maybe none). */
  citingThreats: (TracedThreat & { viaControls: string[] })[];
}

export interface RequirementTraceFilter {
  requirementId?: string;
  /** Only requirements that are neither not applicable nor evidenced. */
  onlyGaps?: boolean;
}

export const isRequirementGap = (row: RequirementTrace) => row.state === "no-control" || row.state === "no-evidence";

function tracedThreat(index: TraceIndex, threat: Threat): TracedThreat {
  return { id: threat.id, title: threat.title, stride: threat.stride, targetId: threat.targetId, status: threatStatus(index, threat.id), residual: residualOf(index, threat.id) };
}

export function requirementTrace(input: TraceInput, filter: RequirementTraceFilter = {}): RequirementTrace[] {
  const index = traceIndex(input);
  const { regulation } = index;
  const recorded = new Map<string, { applicable: boolean; justification: string }>();
  for (const r of input.assessment.requirements) for (const id of requirementIdsFor([r.id], regulation)) recorded.set(id, r);
  const supporting = new Map<string, ProjectControl[]>();
  for (const control of input.assessment.controls) for (const id of requirementIdsFor(control.annexI, regulation)) push(supporting, id, control);
  const citing = new Map<string, Threat[]>();
  for (const threat of index.threats) for (const id of requirementIdsFor(threat.annexI, regulation)) push(citing, id, threat);

  const rows = annexIRequirements(regulation).map((requirement): RequirementTrace => {
    const status = recorded.get(requirement.id) ?? { applicable: true, justification: "" };
    const citedBy = new Set((citing.get(requirement.id) ?? []).map((t) => t.id));
    const controls = (supporting.get(requirement.id) ?? []).map((control) => ({
      id: control.id,
      title: control.title,
      type: control.type,
      status: control.status,
      evidence: control.evidence,
      threats: (index.linksByControl.get(control.id) ?? []).map(({ threat, link }) => ({
        ...tracedThreat(index, threat),
        linkStatus: link.status,
        citedByRule: citedBy.has(threat.id),
      })),
    }));
    const citingThreats = (citing.get(requirement.id) ?? []).map((threat) => ({
      ...tracedThreat(index, threat),
      viaControls: controls.filter((c) => c.threats.some((t) => t.id === threat.id)).map((c) => c.id),
    }));
    const state: RequirementState =
      !status.applicable && status.justification.trim()
        ? "not-applicable"
        : controls.length === 0
          ? "no-control"
          : controls.some((c) => c.evidence.some((e) => e.result !== "failed"))
            ? "evidenced"
            : "no-evidence";
    return {
      id: requirement.id,
      section: requirement.section,
      topic: requirement.topic,
      tableRow: requirement.tableRow,
      applicable: status.applicable,
      justification: status.justification,
      state,
      controls,
      citingThreats,
    };
  });
  return rows.filter((row) => (!filter.requirementId || row.id === filter.requirementId) && (!filter.onlyGaps || isRequirementGap(row)));
}

// ---------------------------------------------------------------------------------------------
// Element or flow → threats → risk → controls

export interface RiskSummary {
  acceptable: boolean;
  /** CVSS base score (4.0 when given, else 3.x); absent when unscored. */
  score?: number;
  exploitability: Exploitability;
  /** No usable CVSS vector: exploitability taken as high. */
  assumed: boolean;
}

export interface ElementControlTrace {
  id: string;
  title: string;
  linkStatus: ControlStatus;
  /** Undefined when the link names a control the assessment does not have. */
  controlStatus?: ControlStatus;
  /** Verification evidence of the control whose result is not "failed". */
  evidenceCount: number;
  rationale: string;
}

export interface ElementThreatTrace extends TracedThreat {
  riskKind: ThreatRisk["kind"];
  /** Safety risks: ISO 14971 severity of the hazard (worst case when no hazard is linked). */
  severity?: IsoSeverity;
  hazardId?: string;
  before: RiskSummary;
  after: RiskSummary;
  controls: ElementControlTrace[];
}

export interface ElementTrace {
  targetKind: TargetKind;
  targetId: string;
  targetName: string;
  threats: ElementThreatTrace[];
}

export interface ElementTraceFilter {
  /** An element or flow id. */
  targetId?: string;
  /** Only threats with this decision status. */
  status?: ThreatStatus;
  /** Only threats that need work: undecided, unacceptable residual risk, or a linked control not verified with evidence. */
  onlyGaps?: boolean;
}

const summary = (phase: PhaseRisk): RiskSummary => ({ acceptable: phase.acceptable, score: phase.score, exploitability: phase.exploitability, assumed: phase.assumed });

function needsWork(threat: ElementThreatTrace): boolean {
  return (
    threat.status === "open" ||
    threat.residual === "unacceptable" ||
    (threat.status !== "not-applicable" && threat.controls.some((c) => c.controlStatus !== "verified" || c.evidenceCount === 0))
  );
}

export function elementTrace(input: TraceInput, filter: ElementTraceFilter = {}): ElementTrace[] {
  const index = traceIndex(input);
  const byTarget = new Map<string, Threat[]>();
  for (const threat of index.threats) push(byTarget, threat.targetId, threat);
  const targets = [
    ...input.model.elements.map((e) => ({ targetKind: e.type as TargetKind, targetId: e.id, targetName: e.name })),
    ...input.model.flows.map((f) => ({ targetKind: "flow" as TargetKind, targetId: f.id, targetName: f.name || f.id })),
  ];
  const rows: ElementTrace[] = [];
  for (const target of targets) {
    if (filter.targetId && target.targetId !== filter.targetId) continue;
    let threats = (byTarget.get(target.targetId) ?? []).map((threat): ElementThreatTrace => {
      const risk = index.risks.get(threat.id)!;
      const entry = index.assessed.get(threat.id);
      return {
        ...tracedThreat(index, threat),
        riskKind: risk.kind,
        severity: risk.severity,
        hazardId: risk.hazard?.id,
        before: summary(risk.before),
        after: summary(risk.after),
        controls: (entry?.controls ?? []).map((link) => {
          const control = index.controlById.get(link.control);
          return {
            id: link.control,
            title: control?.title ?? "",
            linkStatus: link.status,
            controlStatus: control?.status,
            evidenceCount: control ? passingEvidence(control).length : 0,
            rationale: link.rationale,
          };
        }),
      };
    });
    if (filter.status) threats = threats.filter((t) => t.status === filter.status);
    if (filter.onlyGaps) threats = threats.filter(needsWork);
    if ((filter.status || filter.onlyGaps) && threats.length === 0) continue;
    rows.push({ ...target, threats });
  }
  return rows;
}

// ---------------------------------------------------------------------------------------------
// CSV

export type CsvValue = string | number | boolean | null | undefined;
export interface CsvColumn<Row> {
  header: string;
  value: (row: Row) => CsvValue;
}

/** A cell that a spreadsheet would read as a formula gets a leading apostrophe (CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

function csvCell(value: CsvValue): string {
  let text = value === null || value === undefined ? "" : typeof value === "boolean" ? (value ? "yes" : "no") : String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** RFC 4180 CSV: a header line, then one line per row, CRLF line ends, fields quoted where needed. */
export function toCsv<Row>(rows: readonly Row[], columns: readonly CsvColumn<Row>[]): string {
  const lines = [columns.map((c) => csvCell(c.header)), ...rows.map((row) => columns.map((c) => csvCell(c.value(row))))];
  return lines.map((cells) => cells.join(",") + "\r\n").join("");
}

const evidenceText = (evidence: readonly Evidence[]) => evidence.map((e) => `${e.reference} (${e.method}, ${e.result}, ${e.date})`).join("; ");

/** One row per (requirement, control, threat); a requirement, a control or a citing threat without a partner still gets a row. */
export interface RequirementCsvRow {
  requirement: RequirementTrace;
  control?: RequirementControlTrace;
  threat?: TracedThreat & { linkStatus?: ControlStatus; citedByRule: boolean };
}

export function requirementCsvRows(rows: readonly RequirementTrace[]): RequirementCsvRow[] {
  const out: RequirementCsvRow[] = [];
  for (const requirement of rows) {
    for (const control of requirement.controls) {
      if (control.threats.length === 0) out.push({ requirement, control });
      for (const threat of control.threats) out.push({ requirement, control, threat });
    }
    for (const threat of requirement.citingThreats)
      if (threat.viaControls.length === 0) out.push({ requirement, threat: { ...threat, citedByRule: true } });
    if (requirement.controls.length === 0 && requirement.citingThreats.length === 0) out.push({ requirement });
  }
  return out;
}

export const REQUIREMENT_CSV_COLUMNS: readonly CsvColumn<RequirementCsvRow>[] = [
  { header: "Requirement", value: (r) => r.requirement.id },
  { header: "Topic", value: (r) => r.requirement.topic },
  { header: "Applicable", value: (r) => r.requirement.applicable },
  { header: "Justification", value: (r) => r.requirement.justification },
  { header: "Requirement state", value: (r) => r.requirement.state },
  { header: "Control", value: (r) => r.control?.id },
  { header: "Control title", value: (r) => r.control?.title },
  { header: "Control status", value: (r) => r.control?.status },
  { header: "Verification evidence", value: (r) => (r.control ? evidenceText(r.control.evidence) : "") },
  { header: "Threat", value: (r) => r.threat?.id },
  { header: "Threat title", value: (r) => r.threat?.title },
  { header: "Link status", value: (r) => r.threat?.linkStatus },
  { header: "Threat status", value: (r) => r.threat?.status },
  { header: "Residual risk", value: (r) => r.threat?.residual },
  { header: "Rule cites requirement", value: (r) => r.threat?.citedByRule },
];

export function requirementTraceCsv(input: TraceInput, filter: RequirementTraceFilter = {}): string {
  return toCsv(requirementCsvRows(requirementTrace(input, filter)), REQUIREMENT_CSV_COLUMNS);
}

/** One row per (element or flow, threat, control); a target without threats and a threat without controls still get a row. */
export interface ElementCsvRow {
  target: ElementTrace;
  threat?: ElementThreatTrace;
  control?: ElementControlTrace;
}

export function elementCsvRows(rows: readonly ElementTrace[]): ElementCsvRow[] {
  const out: ElementCsvRow[] = [];
  for (const target of rows) {
    if (target.threats.length === 0) out.push({ target });
    for (const threat of target.threats) {
      if (threat.controls.length === 0) out.push({ target, threat });
      for (const control of threat.controls) out.push({ target, threat, control });
    }
  }
  return out;
}

const acceptability = (risk?: RiskSummary) => (risk ? (risk.acceptable ? "acceptable" : "unacceptable") : "");

export const ELEMENT_CSV_COLUMNS: readonly CsvColumn<ElementCsvRow>[] = [
  { header: "Target kind", value: (r) => r.target.targetKind },
  { header: "Target", value: (r) => r.target.targetId },
  { header: "Target name", value: (r) => r.target.targetName },
  { header: "Threat", value: (r) => r.threat?.id },
  { header: "Threat title", value: (r) => r.threat?.title },
  { header: "STRIDE", value: (r) => r.threat?.stride },
  { header: "Threat status", value: (r) => r.threat?.status },
  { header: "Risk kind", value: (r) => r.threat?.riskKind },
  { header: "Severity", value: (r) => r.threat?.severity },
  { header: "Risk before", value: (r) => acceptability(r.threat?.before) },
  { header: "Score before", value: (r) => r.threat?.before.score },
  { header: "Exploitability before", value: (r) => r.threat?.before.exploitability },
  { header: "Risk after", value: (r) => acceptability(r.threat?.after) },
  { header: "Score after", value: (r) => r.threat?.after.score },
  { header: "Exploitability after", value: (r) => r.threat?.after.exploitability },
  { header: "Control", value: (r) => r.control?.id },
  { header: "Control title", value: (r) => r.control?.title },
  { header: "Link status", value: (r) => r.control?.linkStatus },
  { header: "Control status", value: (r) => r.control?.controlStatus },
  { header: "Passing evidence", value: (r) => r.control?.evidenceCount },
];

export function elementTraceCsv(input: TraceInput, filter: ElementTraceFilter = {}): string {
  return toCsv(elementCsvRows(elementTrace(input, filter)), ELEMENT_CSV_COLUMNS);
}
