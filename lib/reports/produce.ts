import { DOCUMENT_IDS, REPORT_FORMATS, type DocumentId, type ReportDocument, type ReportFormat } from "./document";
import { buildDocument } from "./documents";
import type { ReportInput } from "./input";
import { diagramId, openRenderer, type RenderedDiagram, type Renderer } from "./render/browser";
import { tablesAsCsv } from "./render/csv";
import { renderDocx } from "./render/docx";
import { renderHtml } from "./render/html";
import { renderMarkdown } from "./render/markdown";
import { zipFiles } from "./render/zip";

/**
 * Builds the requested documents and renders each in the requested formats. Chromium is started
 * only when something needs it (PDF, or diagrams for HTML and DOCX), once per call, and always
 * closed again. Markdown and CSV never need it.
 */

export interface ProducedFile {
  name: string;
  mediaType: string;
  data: Uint8Array;
}

export interface ProduceProgress {
  done: number;
  total: number;
  /** The step just finished, e.g. "threat-model.pdf", "threat-model tables (CSV)" or "documents.zip". */
  step: string;
}

export interface ProduceOptions {
  docs: readonly DocumentId[];
  formats: readonly ReportFormat[];
  /** One documents.zip holding every file instead of the files themselves. */
  zip?: boolean;
  onProgress?(progress: ProduceProgress): void;
  chromiumPath?: string;
  /** Builds one document; the builders' registry (documents/index.ts) when not given. For tests. */
  build?: (id: DocumentId, input: ReportInput) => ReportDocument;
}

export const MEDIA_TYPES = {
  html: "text/html; charset=utf-8",
  pdf: "application/pdf",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  md: "text/markdown; charset=utf-8",
  csv: "text/csv; charset=utf-8",
  zip: "application/zip",
} as const satisfies Record<ReportFormat | "zip", string>;

export const ZIP_NAME = "documents.zip";

const encoder = new TextEncoder();
const text = (name: string, format: keyof typeof MEDIA_TYPES, content: string): ProducedFile => ({ name, mediaType: MEDIA_TYPES[format], data: encoder.encode(content) });

const hasDiagrams = (doc: ReportDocument) => doc.blocks.some((b) => b.kind === "diagram");

/** Whether Chromium is needed: for PDF always, for HTML and DOCX only when there are diagrams to draw. */
export function needsChromium(docs: readonly ReportDocument[], formats: readonly ReportFormat[]): boolean {
  return formats.includes("pdf") || ((formats.includes("html") || formats.includes("docx")) && docs.some(hasDiagrams));
}

export async function produceReports(input: ReportInput, options: ProduceOptions): Promise<ProducedFile[]> {
  const ids = unique(options.docs, DOCUMENT_IDS, "document");
  const formats = unique(options.formats, REPORT_FORMATS, "format");
  const build = options.build ?? buildDocument;
  const docs = ids.map((id) => build(id, input));
  const total = docs.length * formats.length + (options.zip ? 1 : 0);
  let done = 0;
  const progress = (step: string) => options.onProgress?.({ done: ++done, total, step });

  const files: ProducedFile[] = [];
  const renderer = needsChromium(docs, formats) ? await openRenderer({ chromiumPath: options.chromiumPath }) : undefined;
  const drawnBySource = new Map<string, RenderedDiagram>();
  try {
    for (const doc of docs) {
      const drawn = await drawDiagrams(doc, renderer, drawnBySource);
      let html: string | undefined;
      const htmlOnce = () => (html ??= renderHtml(doc, drawn.svgs));
      for (const format of formats) {
        switch (format) {
          case "html":
            files.push(text(`${doc.id}.html`, "html", htmlOnce()));
            break;
          case "pdf":
            files.push({ name: `${doc.id}.pdf`, mediaType: MEDIA_TYPES.pdf, data: await renderer!.pdf(htmlOnce()) });
            break;
          case "docx":
            files.push({ name: `${doc.id}.docx`, mediaType: MEDIA_TYPES.docx, data: await renderDocx(doc, drawn.pngs) });
            break;
          case "md":
            files.push(text(`${doc.id}.md`, "md", renderMarkdown(doc)));
            break;
          case "csv":
            for (const table of tablesAsCsv(doc)) files.push(text(table.name, "csv", table.csv));
            break;
        }
        progress(format === "csv" ? `${doc.id} tables (CSV)` : `${doc.id}.${format}`);
      }
    }
  } finally {
    await renderer?.close();
  }
  if (!options.zip) return files;
  const zip = zipFiles(files, input.source.date);
  progress(ZIP_NAME);
  return [{ name: ZIP_NAME, mediaType: MEDIA_TYPES.zip, data: zip }];
}

/**
 * SVGs (for HTML and PDF) and PNGs (for DOCX) of a document's diagrams, each source drawn once per
 * call however many documents show it. A diagram Mermaid cannot draw is left out, so its source is shown.
 */
async function drawDiagrams(doc: ReportDocument, renderer: Renderer | undefined, drawnBySource: Map<string, RenderedDiagram>) {
  const svgs = new Map<string, string>();
  const pngs = new Map<string, Uint8Array>();
  const diagrams = doc.blocks.flatMap((b) => (b.kind === "diagram" ? [b] : []));
  if (!renderer || !diagrams.length) return { svgs, pngs };
  const missing = [...new Set(diagrams.map((d) => d.mermaid))].filter((source) => !drawnBySource.has(source));
  const drawn = missing.length ? await renderer.diagrams(missing) : [];
  missing.forEach((source, i) => drawnBySource.set(source, drawn[i]));
  const occurrences = new Map<string, number>();
  for (const diagram of diagrams) {
    const picture = drawnBySource.get(diagram.mermaid)!;
    const occurrence = (occurrences.get(diagram.mermaid) ?? 0) + 1;
    occurrences.set(diagram.mermaid, occurrence);
    if (picture.error) continue;
    // The same diagram twice in one page gets its own ids the second time.
    svgs.set(diagram.id, occurrence === 1 ? picture.svg : picture.svg.replaceAll(diagramId(diagram.mermaid), diagramId(diagram.mermaid, occurrence)));
    pngs.set(diagram.id, picture.png);
  }
  return { svgs, pngs };
}

function unique<T extends string>(values: readonly T[], known: readonly T[], what: string): T[] {
  const unknown = values.filter((v) => !known.includes(v));
  if (unknown.length) throw new Error(`unknown ${what} ${unknown.map((v) => `"${v}"`).join(", ")}; known: ${known.join(", ")}`);
  if (!values.length) throw new Error(`no ${what} requested`);
  return [...new Set(values)];
}

