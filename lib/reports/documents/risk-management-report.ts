import { STRIDE_PER_ELEMENT } from "../../catalog";
import { label } from "../../model/vocabulary";
import { DEFAULT_RISK_SETTINGS, EXPLOITABILITY_LEVELS, ISO_SEVERITIES, type CvssBand, type RiskSettings } from "../../risk/assessment";
import { BUILT_IN_RULES } from "../../threats";
import { THREAT_STATUSES } from "../../threats/decision";
import { requirementIdsFor, requirementTrace, type RequirementTrace } from "../../trace/matrix";
import type { Block, ReportDocument } from "../document";
import type { ReportInput } from "../input";
import {
  afterText,
  capabilityText,
  controlTypeName,
  diagramBlocks,
  joined,
  makeDocument,
  NONE,
  openThreats,
  phaseText,
  plural,
  REGULATION_NAMES,
  reportContext,
  riskKindText,
  sectionHeading,
  statusLabel,
  strideName,
  targetKindLabel,
  unacceptableRisks,
  verdict,
  words,
  yesNo,
  type ReportContext,
  type Section,
} from "./common";

/**
 * The cybersecurity risk management report (MDCG 2019-16 §3.2–3.5 and §4.1; FDA premarket guidance
 * §V.A security risk management report): scope, method, architecture, assets, threats and
 * decisions, risk before and after controls, controls with verification evidence, residual risk,
 * the overall conclusion and traceability. Every statement about the device comes from the input.
 */

export const RMR_SECTIONS = {
  scope: { number: "1", title: "Scope and device description", id: "scope" },
  method: { number: "2", title: "Method", id: "method" },
  architecture: { number: "3", title: "Architecture", id: "architecture" },
  assets: { number: "4", title: "Data assets", id: "assets" },
  threats: { number: "5", title: "Threats and decisions", id: "threats" },
  risks: { number: "6", title: "Risk before and after controls", id: "risks" },
  controls: { number: "7", title: "Controls and verification evidence", id: "controls" },
  residual: { number: "8", title: "Residual risk", id: "residual-risk" },
  conclusion: { number: "9", title: "Overall conclusion", id: "conclusion" },
  traceability: { number: "10", title: "Traceability", id: "traceability" },
} as const satisfies Record<string, Section>;

const METHOD = {
  modelling: { number: "2.1", title: "Threat modelling", id: "method-threat-modelling" },
  scoring: { number: "2.2", title: "Scoring and exploitability", id: "method-scoring" },
  criteria: { number: "2.3", title: "Risk acceptance criteria", id: "method-acceptance" },
  safety: { number: "2.4", title: "How security risk feeds safety risk", id: "method-safety" },
  control: { number: "2.5", title: "Risk control and verification", id: "method-control" },
} as const satisfies Record<string, Section>;

export function build(input: ReportInput): ReportDocument {
  const ctx = reportContext(input);
  const trace = requirementTrace({ model: ctx.model, analysis: ctx.analysis, assessment: ctx.assessment });
  return makeDocument("risk-management-report", input, [
    ...scope(ctx),
    ...method(ctx),
    sectionHeading(RMR_SECTIONS.architecture),
    { kind: "paragraph", content: "The diagrams show the device and its environment as data-flow diagrams (DFD3 notation): external entities as rectangles, processes as rounded rectangles, data stores as cylinders, trust boundaries as dashed regions." },
    ...diagramBlocks(ctx.model),
    ...assets(ctx),
    ...threats(ctx),
    ...risks(ctx),
    ...controls(ctx),
    ...residual(ctx),
    ...conclusion(ctx, trace),
    ...traceability(ctx, trace),
  ]);
}

function scope(ctx: ReportContext): Block[] {
  const p = ctx.model.project;
  const m = ctx.model;
  return [
    sectionHeading(RMR_SECTIONS.scope),
    {
      kind: "paragraph",
      content: `This report documents the cybersecurity risk management of ${p.device.name}${p.device.version ? ` version ${p.device.version}` : ""} as described by the project model "${p.name}" (${ctx.input.source.label}, ${ctx.input.source.date}). It covers the threats found in the model, the decisions taken on them, their risk before and after controls, the controls with their verification evidence, and the residual risk.`,
    },
    {
      kind: "definitions",
      items: [
        { term: "Device", description: `${p.device.name}${p.device.version ? ` ${p.device.version}` : ""}` },
        { term: "Intended purpose", description: p.intendedPurpose.trim() || "not stated in the model" },
        { term: "Device kind", description: label(p.deviceKind) },
        { term: "Regulation", description: REGULATION_NAMES[p.regulation] },
        { term: "Intended environments", description: joined(p.environments.map(label)) },
        { term: "Intended users", description: joined(p.intendedUsers, "; ") },
        {
          term: "Model",
          description: `${plural(m.elements.length, "element")}, ${plural(m.flows.length, "data flow")}, ${plural(m.boundaries.length, "trust boundary", "trust boundaries")}, ${plural(m.assets.length, "data asset")}, ${plural(m.diagrams.length, "diagram")}`,
        },
      ],
    },
    { kind: "heading", level: 3, text: "Assumptions" },
    p.assumptions.length
      ? {
          kind: "table",
          id: "assumptions",
          caption: "Assumptions the assessment rests on",
          columns: [
            { key: "id", header: "Id" },
            { key: "text", header: "Assumption", width: 4 },
          ],
          rows: p.assumptions.map((a) => ({ id: a.id, text: a.text })),
        }
      : { kind: "note", tone: "warning", content: "The model states no assumptions. FDA premarket guidance expects the threat model to state its assumptions, e.g. that hospital networks are hostile (reference.md §6.3)." },
  ];
}

function method(ctx: ReportContext): Block[] {
  const settings = ctx.assessment.settings;
  const considered = new Set(ctx.analysis.coverage.flatMap((c) => c.categories.flatMap((k) => k.rulesConsidered)));
  const builtIn = new Set(BUILT_IN_RULES.map((r) => r.id));
  const own = [...considered].filter((id) => !builtIn.has(id)).length;
  const perElement = (kind: keyof typeof STRIDE_PER_ELEMENT) => STRIDE_PER_ELEMENT[kind].map((s) => strideName(s)).join(", ");
  const t = settings.exploitabilityThresholds;
  const regulation = ctx.model.project.regulation;
  const ifuClauses = regulation === "MDR" ? "MDR Annex I 17.4 and 23.4(ab)" : "IVDR Annex I 16.4 and 20.4.1(ah)";
  return [
    sectionHeading(RMR_SECTIONS.method),
    {
      kind: "paragraph",
      content:
        "Security risk management follows the same steps as safety risk management (analysis, evaluation, control, evaluation of residual risk, reporting), with methods of its own (MDCG 2019-16 §3.2; reference.md §1.6).",
    },
    sectionHeading(METHOD.modelling, 3),
    {
      kind: "paragraph",
      content: `The device is modelled as data-flow diagrams in DFD3 notation: external entities, processes, data stores, data flows and trust boundaries, with the data assets each flow carries and each store holds (MITRE/MDIC Playbook for Threat Modeling Medical Devices; reference.md §8.1). Threat modelling is the systematic analysis from an attacker's point of view that MDCG 2019-16 §3.4 describes (reference.md §1.6).`,
    },
    {
      kind: "paragraph",
      content: `Threats are found by medthreat's threat library, version ${ctx.analysis.libraryVersion}: each rule states a STRIDE category, the kinds of element it applies to and the conditions in the model under which it applies, and each threat found lists the facts of the model that made its rule apply. ${plural(considered.size, "rule was", "rules were")} considered${own ? `, ${own} of them written by the organisation or for this project` : ""}. Each element and flow is examined per STRIDE per element (reference.md §8.1): external entities for ${perElement("external-entity")}; processes for ${perElement("process")}; data stores for ${perElement("data-store")}; data flows for ${perElement("flow")}. The threat model report shows, per element, which categories were considered and what was found.`,
    },
    sectionHeading(METHOD.scoring, 3),
    {
      kind: "paragraph",
      content:
        "Each threat can be scored before and after its controls with CVSS 3.1 and CVSS 4.0 base vectors (FIRST; reference.md §5). The answers to the MITRE Rubric for Applying CVSS to Medical Devices are kept as an extended vector beside the score (reference.md §4). As the FDA premarket guidance asks, exploitability is assessed instead of probability (reference.md §6.3, §9).",
    },
    {
      kind: "paragraph",
      content:
        "The exploitability level comes from the CVSS 3.x exploitability sub-score, 8.22 × AV × AC × PR × UI (reference.md §5.1), cut by the project's thresholds below. For a threat with only a CVSS 4.0 vector, medthreat maps its AV, AC, AT, PR and UI onto the same formula; that mapping is medthreat's own approximation. A threat without a usable vector is taken at high exploitability (worst case).",
    },
    {
      kind: "table",
      id: "exploitability-levels",
      caption: "Exploitability levels from the CVSS 3.x exploitability sub-score",
      columns: [
        { key: "level", header: "Exploitability" },
        { key: "range", header: "Exploitability sub-score", width: 2 },
      ],
      rows: [
        { level: "High", range: `${t.high} or more` },
        { level: "Medium", range: `${t.medium} to below ${t.high}` },
        { level: "Low", range: `${t.low} to below ${t.medium}` },
        { level: "Very low", range: `below ${t.low}` },
      ],
    },
    sectionHeading(METHOD.criteria, 3),
    {
      kind: "paragraph",
      content: `The manufacturer defines and documents risk acceptance criteria related to the intended purpose and the operating environment (MDCG 2019-16 §3.5; reference.md §1.6). This project's criteria: a safety risk is judged on the acceptability matrix below (exploitability against the ISO 14971 severity of its hazard); when one compromise can harm many patients, the severity is raised by ${plural(settings.multiPatientEscalation, "level")}. A security risk without safety impact is acceptable up to CVSS band ${settings.securityAcceptance.maxBand}, and up to ${settings.securityAcceptance.maxBandManyPatientsData} when patient data of many patients is at stake.`,
    },
    matrixTable(settings),
    ...(sameSettings(settings, DEFAULT_RISK_SETTINGS)
      ? [{ kind: "note", tone: "warning", content: "These are medthreat's default criteria, meant as a starting point; the manufacturer reviews them for this device." } as Block]
      : []),
    {
      kind: "note",
      tone: "info",
      content:
        "FDA has described CVSS as a method for prioritising, not for accepting risk, and the Playbook advises that a score should not be the only criterion of acceptability (reference.md §4.3). Here the CVSS band decides acceptability only for security risks without safety impact.",
    },
    sectionHeading(METHOD.safety, 3),
    {
      kind: "paragraph",
      content:
        "A security risk that may affect safety or effectiveness belongs in the safety risk assessment (MDCG 2019-16 §3.2; reference.md §1.6). Here, a threat whose rule says it can affect patient safety, or that is linked to a hazard, is evaluated as a safety risk: the ISO 14971 severity of its hazard (negligible, minor, serious, critical, catastrophic; reference.md §9) against its exploitability on the acceptability matrix. A safety-relevant threat without a linked hazard is taken at the worst severity, catastrophic, so that an unassessed risk is never shown as acceptable. The safety risk assessment may list generic security-related hazards such as denial of service, code execution, memory corruption, information gain and privilege gain (MDCG 2019-16 §3.2; reference.md §1.6).",
    },
    hazardsTable(ctx),
    sectionHeading(METHOD.control, 3),
    {
      kind: "paragraph",
      content: `Controls follow the priority of MDCG 2019-16 §3.3: first secure design and manufacture, then protective measures (security notifications included), then information for security (reference.md §1.6). A control that works only if the user or operator does something transfers risk to them; what they must do belongs in the instructions for use (${ifuClauses}). Each control records its verification evidence: method (security feature testing, fuzz testing, vulnerability scanning, penetration testing, code review, static analysis, software composition analysis, inspection; MDCG 2019-16 §3.7, reference.md §1.6), reference, result and date. Evidence counts when its result is not "failed".`,
    },
  ];
}

function matrixTable(settings: RiskSettings): Block {
  return {
    kind: "table",
    id: "acceptability-matrix",
    caption: "Acceptability matrix: exploitability × ISO 14971 severity",
    columns: [{ key: "exploitability", header: "Exploitability" }, ...ISO_SEVERITIES.map((s) => ({ key: s, header: words(s).replace(/^./, (c) => c.toUpperCase()) }))],
    rows: [...EXPLOITABILITY_LEVELS].reverse().map((level) => ({
      exploitability: words(level).replace(/^./, (c) => c.toUpperCase()),
      ...Object.fromEntries(ISO_SEVERITIES.map((s) => [s, settings.matrix[level][s]])),
    })),
  };
}

function sameSettings(a: RiskSettings, b: RiskSettings): boolean {
  const canonical = (s: RiskSettings) =>
    JSON.stringify([
      s.exploitabilityThresholds.high,
      s.exploitabilityThresholds.medium,
      s.exploitabilityThresholds.low,
      EXPLOITABILITY_LEVELS.map((l) => ISO_SEVERITIES.map((v) => s.matrix[l][v])),
      s.multiPatientEscalation,
      s.securityAcceptance.maxBand,
      s.securityAcceptance.maxBandManyPatientsData,
    ]);
  return canonical(a) === canonical(b);
}

function hazardsTable(ctx: ReportContext): Block {
  const linked = new Map<string, number>();
  for (const t of ctx.assessment.threats) if (t.hazard) linked.set(t.hazard, (linked.get(t.hazard) ?? 0) + 1);
  return {
    kind: "table",
    id: "hazards",
    caption: "Hazards that threats can lead to, with ISO 14971 severity",
    columns: [
      { key: "id", header: "Hazard" },
      { key: "title", header: "Title", width: 2 },
      { key: "harm", header: "Harm", width: 3 },
      { key: "severity", header: "Severity" },
      { key: "threats", header: "Threats linked" },
    ],
    rows: ctx.assessment.hazards.map((h) => ({ id: h.id, title: h.title, harm: h.harm, severity: h.severity, threats: String(linked.get(h.id) ?? 0) })),
  };
}

function assets(ctx: ReportContext): Block[] {
  const carriedBy = new Map<string, string[]>();
  const heldIn = new Map<string, string[]>();
  for (const f of ctx.model.flows) for (const a of f.assets) (carriedBy.get(a) ?? carriedBy.set(a, []).get(a)!).push(f.id);
  for (const e of ctx.model.elements) if (e.type === "data-store") for (const a of e.assets) (heldIn.get(a) ?? heldIn.set(a, []).get(a)!).push(e.id);
  return [
    sectionHeading(RMR_SECTIONS.assets),
    { kind: "paragraph", content: "The data assets of the device and how much confidentiality, integrity and availability each needs." },
    {
      kind: "table",
      id: "assets",
      caption: "Data assets",
      columns: [
        { key: "id", header: "Asset" },
        { key: "name", header: "Name", width: 2 },
        { key: "kind", header: "Kind" },
        { key: "c", header: "Confidentiality" },
        { key: "i", header: "Integrity" },
        { key: "a", header: "Availability" },
        { key: "flows", header: "Carried by flows", width: 2 },
        { key: "stores", header: "Held in stores" },
      ],
      rows: ctx.model.assets.map((a) => ({
        id: a.id,
        name: a.name,
        kind: label(a.kind),
        c: label(a.confidentiality),
        i: label(a.integrity),
        a: label(a.availability),
        flows: joined(carriedBy.get(a.id) ?? []),
        stores: joined(heldIn.get(a.id) ?? []),
      })),
    },
  ];
}

function threats(ctx: ReportContext): Block[] {
  const counts = THREAT_STATUSES.map((s) => [s, ctx.analysis.threats.filter((t) => ctx.decision(t.id).status === s).length] as const);
  const safety = ctx.analysis.threats.filter((t) => t.affectsSafety).length;
  return [
    sectionHeading(RMR_SECTIONS.threats),
    {
      kind: "paragraph",
      content: `The threat library found ${plural(ctx.analysis.threats.length, "threat")} on ${plural(ctx.analysis.coverage.length, "element or flow", "elements and flows")}; ${safety} can affect patient safety. Decisions: ${counts.map(([s, n]) => `${statusLabel(s).toLowerCase()} ${n}`).join(", ")}.`,
    },
    {
      kind: "table",
      id: "threats",
      caption: "Threats and the decisions taken on them",
      columns: [
        { key: "id", header: "Threat", width: 2 },
        { key: "title", header: "Title", width: 2 },
        { key: "target", header: "Element or flow", width: 2 },
        { key: "stride", header: "STRIDE" },
        { key: "safety", header: "Can affect safety" },
        { key: "status", header: "Decision" },
        { key: "justification", header: "Justification", width: 3 },
        { key: "decided", header: "Decided by, on" },
      ],
      rows: ctx.analysis.threats.map((t) => {
        const d = ctx.decision(t.id);
        return {
          id: t.id,
          title: t.title,
          target: `${t.targetName} (${targetKindLabel(t.targetKind).toLowerCase()})`,
          stride: strideName(t.stride),
          safety: yesNo(t.affectsSafety),
          status: statusLabel(d.status),
          justification: d.justification,
          decided: [d.decidedBy, d.decidedAt.slice(0, 10)].filter(Boolean).join(", "),
        };
      }),
    },
  ];
}

function risks(ctx: ReportContext): Block[] {
  const o = ctx.overview;
  const notApplicable = ctx.analysis.threats.length - o.risks.length;
  const invalid = o.risks.flatMap((r) => [...r.before.invalid, ...(r.after.sameAsBefore ? [] : r.after.invalid)].map((i) => `${r.threatId} ${i.field}: ${i.reason}`));
  const bands: (CvssBand | "unscored")[] = ["critical", "high", "medium", "low", "none", "unscored"];
  return [
    sectionHeading(RMR_SECTIONS.risks),
    {
      kind: "paragraph",
      content: `${plural(o.risks.length, "threat is", "threats are")} evaluated; ${plural(notApplicable, "threat was", "threats were")} decided not applicable and ${notApplicable === 1 ? "is" : "are"} left out. The list gives unacceptable residual risks first.`,
    },
    ...(invalid.length ? [{ kind: "note", tone: "warning", content: `Vectors that could not be scored, taken at their worst: ${invalid.join("; ")}.` } as Block] : []),
    {
      kind: "table",
      id: "risks",
      caption: "Risk of each threat before and after its controls",
      columns: [
        { key: "id", header: "Threat", width: 2 },
        { key: "kind", header: "Risk kind", width: 2 },
        { key: "before", header: "Before controls", width: 2 },
        { key: "beforeVerdict", header: "Acceptable before" },
        { key: "after", header: "After controls", width: 2 },
        { key: "residual", header: "Residual risk" },
        { key: "because", header: "Because", width: 3 },
      ],
      rows: o.risks.map((r) => ({
        id: r.threatId,
        kind: riskKindText(r),
        before: phaseText(r.before),
        beforeVerdict: yesNo(r.before.acceptable),
        after: afterText(r),
        residual: verdict(r.after.acceptable),
        because: r.after.because,
      })),
    },
    {
      kind: "table",
      id: "cvss-bands",
      caption: "Threats by CVSS band, before and after controls",
      columns: [
        { key: "band", header: "CVSS band" },
        { key: "before", header: "Before controls" },
        { key: "after", header: "After controls" },
      ],
      rows: bands.map((b) => ({ band: b === "unscored" ? "not scored" : b, before: String(o.bands.before[b]), after: String(o.bands.after[b]) })),
    },
    heatTable("safety-risks-before", "Safety risks before controls: ISO 14971 severity × exploitability (number of threats)", o.heatmap.before),
    heatTable("safety-risks-after", "Safety risks after controls: ISO 14971 severity × exploitability (number of threats)", o.heatmap.after),
  ];
}

function heatTable(id: string, caption: string, heat: Record<string, Record<string, number>>): Block {
  return {
    kind: "table",
    id,
    caption,
    columns: [{ key: "severity", header: "Severity" }, ...[...EXPLOITABILITY_LEVELS].map((l) => ({ key: l, header: `${words(l)} exploitability` }))],
    rows: [...ISO_SEVERITIES].reverse().map((s) => ({ severity: s, ...Object.fromEntries(EXPLOITABILITY_LEVELS.map((l) => [l, String(heat[s][l])])) })),
  };
}

const evidenceLine = (e: { reference: string; method: string; result: string; date: string }) => `${e.reference} (${words(e.method)}, ${words(e.result)}, ${e.date})`;

function controls(ctx: ReportContext): Block[] {
  const regulation = ctx.model.project.regulation;
  const list = ctx.assessment.controls;
  const verified = list.filter((c) => c.status === "verified").length;
  const withEvidence = list.filter((c) => c.evidence.some((e) => e.result !== "failed")).length;
  return [
    sectionHeading(RMR_SECTIONS.controls),
    {
      kind: "paragraph",
      content: `${plural(list.length, "control is", "controls are")} in place or planned: ${list.filter((c) => c.status === "proposed").length} proposed, ${list.filter((c) => c.status === "implemented").length} implemented, ${verified} verified; ${withEvidence} with passing verification evidence.`,
    },
    {
      kind: "table",
      id: "controls",
      caption: "Security controls",
      columns: [
        { key: "id", header: "Control", width: 2 },
        { key: "title", header: "Title", width: 2 },
        { key: "type", header: "Type" },
        { key: "status", header: "Status" },
        { key: "capabilities", header: "IEC TR 80001-2-2 capabilities", width: 2 },
        { key: "annexI", header: "Annex I" },
        { key: "transfers", header: "Transfers to operator" },
        { key: "threats", header: "Threats", width: 3 },
        { key: "evidence", header: "Verification evidence", width: 3 },
      ],
      rows: list.map((c) => ({
        id: c.id,
        title: c.title,
        type: controlTypeName(c.type),
        status: c.status,
        capabilities: capabilityText(c.capabilities),
        annexI: joined(requirementIdsFor(c.annexI, regulation)),
        transfers: yesNo(c.transfersToOperator),
        threats: joined((ctx.threatsByControl.get(c.id) ?? []).map((t) => t.id)),
        evidence: joined(c.evidence.map(evidenceLine), "; "),
      })),
    },
    {
      kind: "table",
      id: "evidence",
      caption: "Verification evidence",
      columns: [
        { key: "control", header: "Control", width: 2 },
        { key: "method", header: "Method" },
        { key: "reference", header: "Reference", width: 2 },
        { key: "result", header: "Result" },
        { key: "date", header: "Date" },
        { key: "notes", header: "Notes", width: 3 },
      ],
      rows: list.flatMap((c) => c.evidence.map((e) => ({ control: c.id, method: words(e.method), reference: e.reference, result: words(e.result), date: e.date, notes: e.notes }))),
    },
  ];
}

function residual(ctx: ReportContext): Block[] {
  const risks = ctx.overview.risks;
  const bad = unacceptableRisks(ctx);
  const open = openThreats(ctx);
  const assumed = risks.filter((r) => r.after.assumed).length;
  const noHazard = risks.filter((r) => r.hazardMissing).length;
  const transferred = ctx.assessment.controls.filter((c) => c.transfersToOperator);
  const threatById = new Map(ctx.analysis.threats.map((t) => [t.id, t]));
  return [
    sectionHeading(RMR_SECTIONS.residual),
    {
      kind: "list",
      items: [
        `Threats found: ${ctx.analysis.threats.length}; evaluated (not decided "not applicable"): ${risks.length}.`,
        `Residual risk acceptable: ${risks.length - bad.length}; unacceptable: ${bad.length}.`,
        `Threats still open (no decision): ${open.length}.`,
        `Safety risks: ${risks.filter((r) => r.kind === "safety").length}, of which ${noHazard} have no hazard linked and are taken at catastrophic severity.`,
        `Risks whose residual exploitability is assumed at its worst for lack of a CVSS vector: ${assumed}.`,
        `Controls that transfer risk to the user or operator (to be disclosed in the information for users): ${transferred.length}.`,
      ],
    },
    { kind: "heading", level: 3, text: "Unacceptable residual risks" },
    bad.length
      ? {
          kind: "table",
          id: "unacceptable-residual-risks",
          caption: "Every threat whose risk after controls is unacceptable",
          columns: [
            { key: "id", header: "Threat", width: 2 },
            { key: "title", header: "Title", width: 2 },
            { key: "target", header: "Element or flow", width: 2 },
            { key: "status", header: "Decision" },
            { key: "kind", header: "Risk kind", width: 2 },
            { key: "after", header: "After controls", width: 2 },
            { key: "because", header: "Because", width: 3 },
          ],
          rows: bad.map((r) => {
            const t = threatById.get(r.threatId);
            return {
              id: r.threatId,
              title: t?.title ?? "",
              target: t?.targetName ?? "",
              status: statusLabel(ctx.decision(r.threatId).status),
              kind: riskKindText(r),
              after: afterText(r),
              because: r.after.because,
            };
          }),
        }
      : { kind: "paragraph", content: "No threat has an unacceptable residual risk." },
    ...(transferred.length
      ? [
          { kind: "heading", level: 3, text: "Residual risk transferred to users and operators" } as Block,
          {
            kind: "table",
            id: "transferred-controls",
            caption: "Controls that rely on the user or operator, with the instruction the IFU gives",
            columns: [
              { key: "id", header: "Control", width: 2 },
              { key: "title", header: "Title", width: 2 },
              { key: "ifu", header: "What users must do", width: 4 },
            ],
            rows: transferred.map((c) => ({ id: c.id, title: c.title, ifu: c.ifuText || "not written yet" })),
          } as Block,
        ]
      : []),
  ];
}

function conclusion(ctx: ReportContext, trace: RequirementTrace[]): Block[] {
  const bad = unacceptableRisks(ctx).length;
  const open = openThreats(ctx).length;
  const unverified = ctx.assessment.controls.filter((c) => (ctx.threatsByControl.get(c.id)?.length ?? 0) > 0 && !c.evidence.some((e) => e.result !== "failed")).length;
  const gaps = trace.filter((r) => r.state === "no-control" || r.state === "no-evidence").length;
  const acceptable = bad === 0 && open === 0;
  const facts = [
    open ? `${plural(open, "threat is", "threats are")} still open.` : "Every threat has a decision.",
    bad ? `${plural(bad, "threat has", "threats have")} an unacceptable residual risk.` : "No threat has an unacceptable residual risk.",
    `${plural(unverified, "control linked to threats has", "controls linked to threats have")} no passing verification evidence.`,
    `${plural(gaps, "applicable Annex I requirement has", "applicable Annex I requirements have")} no control or no verification evidence (see the Annex I checklist).`,
  ];
  return [
    sectionHeading(RMR_SECTIONS.conclusion),
    { kind: "list", items: facts },
    acceptable
      ? {
          kind: "paragraph",
          content: [{ text: "Conclusion:", strong: true }, " every threat is decided and every residual risk is acceptable under the risk acceptance criteria of section 2.3. The overall residual cybersecurity risk is acceptable."],
        }
      : {
          kind: "paragraph",
          content: [
            { text: "Conclusion:", strong: true },
            ` the overall residual cybersecurity risk cannot be judged acceptable yet: ${[open ? plural(open, "threat is", "threats are") + " still open" : "", bad ? plural(bad, "threat has", "threats have") + " an unacceptable residual risk" : ""].filter(Boolean).join(" and ")}.`,
          ],
        },
    {
      kind: "note",
      tone: "info",
      content:
        "This conclusion is derived from the recorded decisions and the acceptance criteria of this project. The overall benefit-risk analysis, which MDCG 2019-16 §3.5 asks for once for the device rather than per security risk (reference.md §1.6), remains the manufacturer's judgement.",
    },
  ];
}

function traceability(ctx: ReportContext, trace: RequirementTrace[]): Block[] {
  const STATE: Record<RequirementTrace["state"], string> = { "not-applicable": "Not applicable", "no-control": "No control", "no-evidence": "No evidence", evidenced: "Evidenced" };
  return [
    sectionHeading(RMR_SECTIONS.traceability),
    { kind: "paragraph", content: "Requirement → controls → verification evidence, for the Annex I requirements of MDCG 2019-16 Table 1; then threat → controls." },
    {
      kind: "table",
      id: "requirement-trace",
      caption: "Annex I requirement → controls → evidence",
      columns: [
        { key: "id", header: "Requirement" },
        { key: "topic", header: "Topic", width: 2 },
        { key: "state", header: "State" },
        { key: "controls", header: "Controls", width: 3 },
        { key: "evidence", header: "Evidence", width: 3 },
        { key: "threats", header: "Threats addressed through these controls", width: 3 },
      ],
      rows: trace.map((r) => ({
        id: r.id,
        topic: r.topic,
        state: STATE[r.state],
        controls: joined(r.controls.map((c) => `${c.id} (${c.status})`)),
        evidence: joined(r.controls.flatMap((c) => c.evidence.filter((e) => e.result !== "failed").map((e) => `${c.id}: ${evidenceLine(e)}`)), "; "),
        threats: joined([...new Set(r.controls.flatMap((c) => c.threats.map((t) => t.id)))]),
      })),
    },
    {
      kind: "table",
      id: "threat-controls",
      caption: "Threat → controls",
      columns: [
        { key: "id", header: "Threat", width: 2 },
        { key: "status", header: "Decision" },
        { key: "controls", header: "Controls (link status)", width: 3 },
        { key: "residual", header: "Residual risk" },
      ],
      rows: ctx.analysis.threats.map((t) => {
        const links = ctx.assessedById.get(t.id)?.controls ?? [];
        const risk = ctx.riskById.get(t.id);
        return {
          id: t.id,
          status: statusLabel(ctx.decision(t.id).status),
          controls: links.length ? links.map((l) => `${l.control} (${l.status})`).join(", ") : NONE,
          residual: risk ? verdict(risk.after.acceptable) : "not applicable",
        };
      }),
    },
  ];
}
