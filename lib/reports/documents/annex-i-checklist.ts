import { annexIRequirements, type AnnexIRequirement } from "../../catalog";
import { requirementTrace, type RequirementState, type RequirementTrace } from "../../trace/matrix";
import { DOCUMENT_TITLES, type Block, type ReportDocument } from "../document";
import type { ReportInput } from "../input";
import { joined, makeDocument, plural, reportContext, sectionRef, words, yesNo } from "./common";
import { RMR_SECTIONS } from "./risk-management-report";
import { TM_SECTIONS } from "./threat-model";

/**
 * The Annex I checklist for the cybersecurity requirements of MDCG 2019-16 Table 1 (reference.md
 * §1.3): the MDR list (17 rows) or the IVDR list (14 rows) per the project's regulation, each with
 * applicability and justification, the supporting controls and their evidence, and where the
 * generated documents address it.
 */

export const REQUIREMENT_STATE_LABELS: Record<RequirementState, string> = {
  "not-applicable": "Not applicable",
  "no-control": "No control",
  "no-evidence": "No evidence",
  evidenced: "Evidenced",
};

const rmr = (...keys: (keyof typeof RMR_SECTIONS)[]) => keys.map((k) => sectionRef("risk-management-report", RMR_SECTIONS[k]));
const tm = (...keys: (keyof typeof TM_SECTIONS)[]) => keys.map((k) => sectionRef("threat-model", TM_SECTIONS[k]));
const IFU = DOCUMENT_TITLES["ifu-security"];
const MDS2 = DOCUMENT_TITLES.mds2;
const FDA_VIEWS = DOCUMENT_TITLES["fda-architecture-views"];

/** Where the generated documents address each Table 1 row, keyed by the row number (the same for MDR and IVDR). */
const WHERE_DOCUMENTED: Record<number, string[]> = {
  1: rmr("risks", "residual", "conclusion"),
  2: rmr("controls", "risks"),
  3: [...rmr("method", "threats", "risks"), ...tm("threats")],
  4: [...rmr("controls", "residual"), IFU],
  5: [...rmr("risks", "residual"), ...tm("threats")],
  6: [...tm("flows", "boundaries"), ...rmr("architecture"), IFU],
  7: [...tm("flows", "boundaries"), ...rmr("threats"), IFU],
  8: [...tm("flows"), ...rmr("threats"), FDA_VIEWS],
  9: [...rmr("threats", "controls"), ...tm("threats")],
  10: [...rmr("method", "controls"), ...tm("coverage"), MDS2],
  11: [IFU, MDS2],
  12: [...rmr("threats", "controls"), ...tm("threats"), MDS2],
  13: [...rmr("scope"), IFU],
  14: [IFU, ...rmr("residual")],
  15: [IFU],
  16: [IFU, ...rmr("residual")],
  17: [IFU, MDS2],
};

export function build(input: ReportInput): ReportDocument {
  const ctx = reportContext(input);
  const regulation = ctx.model.project.regulation;
  const catalog = new Map<string, AnnexIRequirement>(annexIRequirements(regulation).map((r) => [r.id, r]));
  const rows = requirementTrace({ model: ctx.model, analysis: ctx.analysis, assessment: ctx.assessment });
  const count = (state: RequirementState) => rows.filter((r) => r.state === state).length;
  const notes = rows.flatMap((r) => (catalog.get(r.id)?.note ? [`${r.id}: ${catalog.get(r.id)!.note}`] : []));
  const blocks: Block[] = [
    { kind: "heading", level: 2, text: "Requirements", id: "requirements" },
    {
      kind: "paragraph",
      content: `The ${regulation} Annex I requirements that MDCG 2019-16 Table 1 lists as relevant to cybersecurity (${plural(rows.length, "requirement")}; reference.md §1.3). Each is applicable unless the project marks it not applicable with a justification. "Evidenced" means at least one supporting control has verification evidence whose result is not "failed".`,
    },
    {
      kind: "paragraph",
      content: `Evidenced: ${count("evidenced")}; no evidence: ${count("no-evidence")}; no control: ${count("no-control")}; not applicable: ${count("not-applicable")}.`,
    },
    {
      kind: "table",
      id: "requirements",
      caption: `${regulation} Annex I requirements of MDCG 2019-16 Table 1`,
      columns: [
        { key: "id", header: "Requirement" },
        { key: "section", header: "Annex I section" },
        { key: "topic", header: "Topic", width: 2 },
        { key: "requirement", header: "What it asks (paraphrase)", width: 4 },
        { key: "applicable", header: "Applicable" },
        { key: "justification", header: "Justification", width: 3 },
        { key: "state", header: "State" },
        { key: "controls", header: "Controls", width: 3 },
        { key: "evidence", header: "Evidence", width: 3 },
        { key: "threats", header: "Threats citing it" },
        { key: "where", header: "Where documented", width: 3 },
      ],
      rows: rows.map((r) => row(r, catalog.get(r.id))),
    },
    ...(notes.length ? [{ kind: "heading", level: 3, text: "Notes on the requirement list" } as Block, { kind: "list", items: notes } as Block] : []),
    {
      kind: "note",
      tone: "info",
      content: "The paraphrases are medthreat's, not quotations of the regulation. \"Where documented\" names the generated documents and the sections of them that address each requirement.",
    },
  ];
  return makeDocument("annex-i-checklist", input, blocks);
}

function row(r: RequirementTrace, requirement: AnnexIRequirement | undefined): Record<string, string> {
  const open = r.citingThreats.filter((t) => t.status === "open").length;
  const unacceptable = r.citingThreats.filter((t) => t.residual === "unacceptable").length;
  return {
    id: r.id,
    section: `${requirement?.regulation ?? ""} Annex I ${r.section}`.trim(),
    topic: r.topic,
    requirement: requirement?.paraphrase ?? "",
    applicable: yesNo(r.applicable),
    justification: r.justification,
    state: REQUIREMENT_STATE_LABELS[r.state],
    controls: joined(r.controls.map((c) => `${c.id} ${c.title} (${c.status})`), "; "),
    evidence: joined(
      r.controls.flatMap((c) => c.evidence.map((e) => `${c.id}: ${e.reference} (${words(e.method)}, ${words(e.result)}, ${e.date})`)),
      "; ",
    ),
    threats: r.citingThreats.length ? `${r.citingThreats.length} (${open} open, ${unacceptable} with unacceptable residual risk)` : "0",
    where: joined(WHERE_DOCUMENTED[r.tableRow] ?? [], "; "),
  };
}
