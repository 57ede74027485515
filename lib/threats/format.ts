import { STRIDE_THREAT_CATEGORIES } from "../catalog";
import type { Analysis, Threat } from "./engine";
import type { ThreatRisk } from "../risk/evaluate";

/** Threat lists as JSON, Markdown and CSV: the CLI prints them, the API serves them. */

export type ThreatFormat = "json" | "md" | "csv";
export const THREAT_FORMATS: readonly ThreatFormat[] = ["json", "md", "csv"];

export interface ThreatListContext {
  projectName: string;
  decisions?: ReadonlyMap<string, { status: string; justification: string }>;
  /** Risk before and after controls, when the project has an assessment. */
  risks?: ReadonlyMap<string, ThreatRisk>;
}

const riskLine = (r: ThreatRisk) =>
  `before: ${phaseText(r.before)}; after: ${r.after.sameAsBefore ? "not scored after controls" : phaseText(r.after)} — ${r.after.acceptable ? "acceptable" : "UNACCEPTABLE"}${r.severity ? ` (${r.severity} harm${r.hazard ? `, hazard ${r.hazard.id}` : ", no hazard linked"}${r.multiPatient ? ", many patients" : ""})` : ""}`;
const phaseText = (p: ThreatRisk["before"]) => `${p.score !== undefined ? `CVSS ${p.score} (${p.band})` : "not scored"}, ${p.exploitability} exploitability${p.assumed ? " assumed" : ""}`;

const strideName = (id: string) => STRIDE_THREAT_CATEGORIES.find((s) => s.id === id)?.name ?? id;

export function formatThreats(analysis: Analysis, format: ThreatFormat, context: ThreatListContext): string {
  if (format === "json") return JSON.stringify(toJson(analysis, context), null, 2) + "\n";
  if (format === "csv") return toCsv(analysis.threats, context);
  return toMarkdown(analysis, context);
}

function toJson(analysis: Analysis, context: ThreatListContext) {
  return {
    project: context.projectName,
    libraryVersion: analysis.libraryVersion,
    summary: summary(analysis),
    threats: analysis.threats.map((t) => {
      const d = context.decisions?.get(t.id);
      const risk = context.risks?.get(t.id);
      return { ...t, ...(d ? { status: d.status, justification: d.justification } : {}), ...(risk ? { risk } : {}) };
    }),
    coverage: analysis.coverage,
  };
}

export function summary(analysis: Analysis) {
  const targets = analysis.coverage.length;
  return {
    targets,
    threats: analysis.threats.length,
    threatsPerTarget: targets ? Math.round((analysis.threats.length / targets) * 100) / 100 : 0,
    affectingSafety: analysis.threats.filter((t) => t.affectsSafety).length,
  };
}

const CSV_COLUMNS = ["id", "rule", "stride", "target", "target name", "title", "affects safety", "status", "justification", "risk before", "risk after", "residual risk acceptable", "annex I", "capabilities", "CAPEC", "CWE", "why", "description"];

function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function toCsv(threats: readonly Threat[], context: ThreatListContext): string {
  const rows = threats.map((t) => {
    const d = context.decisions?.get(t.id);
    const r = context.risks?.get(t.id);
    const risk = r ? [phaseText(r.before), r.after.sameAsBefore ? "" : phaseText(r.after), r.applicable ? (r.after.acceptable ? "yes" : "no") : "not applicable"] : ["", "", ""];
    return [t.id, t.ruleId, t.stride, t.targetId, t.targetName, t.title, t.affectsSafety ? "yes" : "no", d?.status ?? "open", d?.justification ?? "", ...risk, t.annexI.join("; "), t.capabilities.join("; "), t.capec.join("; "), t.cwe.join("; "), t.explanation.join("; "), t.description];
  });
  return [CSV_COLUMNS, ...rows].map((r) => r.map(csvCell).join(",")).join("\r\n") + "\r\n";
}

function toMarkdown(analysis: Analysis, context: ThreatListContext): string {
  const s = summary(analysis);
  const lines = [
    `# Threats: ${context.projectName}`,
    "",
    `Threat library ${analysis.libraryVersion}. ${s.threats} threats on ${s.targets} elements and flows (${s.threatsPerTarget} per element or flow), ${s.affectingSafety} can affect patient safety.`,
    "",
  ];
  const byTarget = new Map<string, Threat[]>();
  for (const t of analysis.threats) (byTarget.get(t.targetId) ?? byTarget.set(t.targetId, []).get(t.targetId)!).push(t);
  for (const entry of analysis.coverage) {
    const threats = byTarget.get(entry.targetId) ?? [];
    lines.push(`## ${entry.targetName} (\`${entry.targetId}\`, ${entry.targetKind})`, "");
    const considered = entry.categories.filter((c) => c.expected || c.threatIds.length).map((c) => `${strideName(c.stride)} ${c.threatIds.length ? `(${c.threatIds.length})` : "(none found)"}`);
    lines.push(`Considered: ${considered.join(", ")}.`, "");
    for (const t of threats) {
      const d = context.decisions?.get(t.id);
      lines.push(`### ${t.title}`, "", `- Id: \`${t.id}\``, `- Category: ${strideName(t.stride)}${t.affectsSafety ? " — can affect patient safety" : ""}`);
      if (d) lines.push(`- Decision: ${d.status}${d.justification ? ` — ${d.justification}` : ""}`);
      const r = context.risks?.get(t.id);
      if (r && r.applicable) lines.push(`- Risk: ${riskLine(r)}`);
      lines.push(`- Why: ${t.explanation.join("; ")}`, `- Annex I: ${t.annexI.join(", ") || "—"}; capabilities: ${t.capabilities.join(", ") || "—"}; ${[...t.capec, ...t.cwe].join(", ") || "no CAPEC/CWE"}`, "", t.description, "");
    }
  }
  return lines.join("\n");
}
