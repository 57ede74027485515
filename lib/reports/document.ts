/**
 * A generated document, independent of its output format. Builders in documents/ turn a project
 * into a ReportDocument; renderers in render/ turn it into Markdown, HTML, PDF, DOCX or CSV tables.
 * Everything a document says comes from the ReportInput, never from the clock or the environment,
 * so the same baseline always gives the same content.
 */

export const DOCUMENT_IDS = ["risk-management-report", "threat-model", "annex-i-checklist", "ifu-security", "mds2", "fda-architecture-views"] as const;
export type DocumentId = (typeof DOCUMENT_IDS)[number];

export const DOCUMENT_TITLES: Record<DocumentId, string> = {
  "risk-management-report": "Cybersecurity risk management report",
  "threat-model": "Threat model report",
  "annex-i-checklist": "Annex I checklist (MDCG 2019-16 Table 1)",
  "ifu-security": "Security information for users (IFU and labelling draft)",
  mds2: "Security capability disclosure (MDS2 structure)",
  "fda-architecture-views": "Security architecture views (FDA premarket guidance)",
};

export const REPORT_FORMATS = ["html", "pdf", "docx", "md", "csv"] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** Where the content came from: a signed baseline, a stored revision, or a project file given to the CLI. */
export interface ReportSource {
  kind: "baseline" | "revision" | "file";
  /** e.g. `baseline "Submission 1"`, `revision 7`, `file pump.yaml`. */
  label: string;
  /** SHA-256 (hex) of the content the documents were generated from. */
  contentHash: string;
  /** The date of that content (YYYY-MM-DD): when the baseline was taken or the revision saved. */
  date: string;
  revision?: number;
}

export interface ReportMeta {
  project: string;
  device: string;
  deviceVersion: string;
  regulation: "MDR" | "IVDR";
  source: ReportSource;
  /** The threat library version and medthreat's own version. */
  libraryVersion: string;
  generator: string;
}

export type Inline = string | { text: string; strong?: boolean; code?: boolean; href?: string };
export type Content = string | readonly Inline[];

export interface TableColumn {
  key: string;
  header: string;
  /** Relative width hint for paged formats (default 1). */
  width?: number;
}

export type Block =
  | { kind: "heading"; level: 1 | 2 | 3 | 4; text: string; id?: string }
  | { kind: "paragraph"; content: Content }
  | { kind: "list"; ordered?: boolean; items: readonly Content[] }
  /** A table; `id` names its CSV file (e.g. `threats` → `<document>-threats.csv`). */
  | { kind: "table"; id: string; caption: string; columns: readonly TableColumn[]; rows: readonly Record<string, string>[] }
  | { kind: "definitions"; items: readonly { term: string; description: Content }[] }
  /** A diagram as Mermaid source (from lib/model/mermaid); renderers draw it (SVG in HTML/PDF, PNG in DOCX, source in Markdown). */
  | { kind: "diagram"; id: string; title: string; mermaid: string; caption?: string }
  | { kind: "note"; tone: "info" | "warning"; content: Content }
  | { kind: "page-break" };

export interface ReportDocument {
  id: DocumentId;
  title: string;
  meta: ReportMeta;
  blocks: Block[];
}

export const inlineText = (c: Content): string => (typeof c === "string" ? c : c.map((i) => (typeof i === "string" ? i : i.text)).join(""));
