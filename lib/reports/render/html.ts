import type { Block, Content, Inline, ReportDocument, ReportMeta, TableColumn } from "../document";

/**
 * A document as one standalone, printable HTML5 page: inline CSS for screen and print (A4), no
 * scripts, every text escaped. Diagrams are the given SVGs (vector, so the PDF keeps their text);
 * a diagram without one shows its Mermaid source. The same document and SVGs give the same bytes.
 */

export function renderHtml(doc: ReportDocument, svgs: ReadonlyMap<string, string>): string {
  const body = doc.blocks.map((block) => renderBlock(block, svgs)).join("\n");
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="${escapeHtml(doc.meta.generator)}">
<meta name="medthreat-footer" content="${escapeHtml(footerText(doc.meta))}">
<meta name="medthreat-source-date" content="${escapeHtml(doc.meta.source.date)}">
<title>${escapeHtml(`${doc.title} · ${doc.meta.project}`)}</title>
<style>
${CSS}
</style>
</head>
<body>
<article class="document" id="document-${escapeHtml(doc.id)}">
<h1>${escapeHtml(doc.title)}</h1>
${body}
</article>
</body>
</html>
`;
}

/** The line each printed page ends with: which device and which content the document was made from (the header names the project). */
export function footerText(meta: ReportMeta): string {
  return `${meta.device} ${meta.deviceVersion} · ${meta.source.label} · ${meta.source.date} · SHA-256 ${meta.source.contentHash.slice(0, 12)}`.trim();
}

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c]);

/** Links are kept only to web pages, mail addresses and places in the document. */
export const safeHref = (href: string) => /^(https?:|mailto:|#)/i.test(href.trim());

function renderInline(inline: Inline): string {
  if (typeof inline === "string") return escapeHtml(inline);
  let html = escapeHtml(inline.text);
  if (inline.code) html = `<code>${html}</code>`;
  if (inline.strong) html = `<strong>${html}</strong>`;
  if (inline.href && safeHref(inline.href)) html = `<a href="${escapeHtml(inline.href.trim())}">${html}</a>`;
  return html;
}

export const renderContent = (content: Content) => (typeof content === "string" ? escapeHtml(content) : content.map(renderInline).join(""));

const idAttribute = (id: string | undefined, prefix = "") => (id ? ` id="${escapeHtml(prefix + id)}"` : "");

function renderBlock(block: Block, svgs: ReadonlyMap<string, string>): string {
  switch (block.kind) {
    case "heading": {
      const tag = `h${block.level + 1}`;
      return `<${tag}${idAttribute(block.id)}>${escapeHtml(block.text)}</${tag}>`;
    }
    case "paragraph":
      return `<p>${renderContent(block.content)}</p>`;
    case "list": {
      const tag = block.ordered ? "ol" : "ul";
      return `<${tag}>\n${block.items.map((item) => `<li>${renderContent(item)}</li>`).join("\n")}\n</${tag}>`;
    }
    case "table":
      return renderTable(block);
    case "definitions":
      return `<dl class="definitions">\n${block.items
        .map((item) => `<div><dt>${escapeHtml(item.term)}</dt><dd>${renderContent(item.description)}</dd></div>`)
        .join("\n")}\n</dl>`;
    case "diagram":
      return renderDiagram(block, svgs.get(block.id));
    case "note":
      return `<aside class="note note-${block.tone}" role="note"><strong>${block.tone === "warning" ? "Warning" : "Note"}:</strong> ${renderContent(block.content)}</aside>`;
    case "page-break":
      return `<div class="page-break" role="separator"></div>`;
  }
}

function columnWidths(columns: readonly TableColumn[]): string[] {
  const total = columns.reduce((sum, c) => sum + (c.width ?? 1), 0) || 1;
  return columns.map((c) => `${(((c.width ?? 1) / total) * 100).toFixed(2)}%`);
}

function renderTable(table: Extract<Block, { kind: "table" }>): string {
  const widths = columnWidths(table.columns);
  const head = table.columns.map((c) => `<th scope="col">${escapeHtml(c.header)}</th>`).join("");
  const rows = table.rows.length
    ? table.rows.map((row) => `<tr>${table.columns.map((c) => `<td>${escapeHtml(row[c.key] ?? "")}</td>`).join("")}</tr>`)
    : [`<tr><td class="empty" colspan="${table.columns.length}">No entries.</td></tr>`];
  return [
    `<table${idAttribute(table.id, "table-")}>`,
    `<caption>${escapeHtml(table.caption)}</caption>`,
    `<colgroup>${widths.map((w) => `<col style="width: ${w}">`).join("")}</colgroup>`,
    `<thead><tr>${head}</tr></thead>`,
    `<tbody>`,
    ...rows,
    `</tbody>`,
    `</table>`,
  ].join("\n");
}

/** Only an SVG from the renderer is inlined; anything else (or a script inside it) falls back to the source. */
const usableSvg = (svg: string | undefined): svg is string => !!svg && /^\s*<svg[\s>]/i.test(svg) && !/<script|<[^>]*\son[a-z]+\s*=/i.test(svg);

function renderDiagram(diagram: Extract<Block, { kind: "diagram" }>, svg: string | undefined): string {
  const caption = diagram.caption ? `<span class="caption">${escapeHtml(diagram.caption)}</span>` : "";
  const title = `<figcaption><strong>${escapeHtml(diagram.title)}</strong>${caption ? " " + caption : ""}</figcaption>`;
  const body = usableSvg(svg)
    ? `<div class="diagram-image">${svg.trim()}</div>`
    : `<p class="diagram-missing">The diagram could not be drawn; its Mermaid source:</p>\n<pre class="mermaid-source"><code>${escapeHtml(diagram.mermaid)}</code></pre>`;
  return `<figure class="diagram"${idAttribute(diagram.id, "diagram-")}>\n${title}\n${body}\n</figure>`;
}

const CSS = `@page { size: A4; margin: 20mm 16mm; }
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; background: #f3f4f6; color: #111827; font-family: "Segoe UI", system-ui, -apple-system, "Helvetica Neue", Arial, "Liberation Sans", "DejaVu Sans", sans-serif; font-size: 10pt; line-height: 1.45; }
.document { max-width: 210mm; margin: 16px auto; padding: 16mm; background: #fff; box-shadow: 0 1px 4px rgba(0, 0, 0, 0.12); }
h1 { font-size: 20pt; line-height: 1.2; margin: 0 0 12pt; }
h2 { font-size: 15pt; margin: 18pt 0 6pt; padding-bottom: 2pt; border-bottom: 1px solid #d1d5db; }
h3 { font-size: 12.5pt; margin: 14pt 0 5pt; }
h4 { font-size: 11pt; margin: 12pt 0 4pt; }
h5 { font-size: 10pt; margin: 10pt 0 4pt; }
h1, h2, h3, h4, h5 { break-after: avoid; page-break-after: avoid; }
p, li, dd { overflow-wrap: break-word; orphans: 3; widows: 3; }
a { color: #1d4ed8; }
code, pre { font-family: "DejaVu Sans Mono", "Liberation Mono", Consolas, Menlo, monospace; font-size: 0.9em; }
code { overflow-wrap: anywhere; }
pre { white-space: pre-wrap; overflow-wrap: anywhere; background: #f9fafb; border: 1px solid #e5e7eb; padding: 6pt; }
table { width: 100%; border-collapse: collapse; margin: 8pt 0 12pt; font-size: 8.5pt; table-layout: fixed; }
caption { caption-side: top; text-align: left; font-weight: 600; padding: 2pt 0 4pt; break-after: avoid; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
th, td { border: 1px solid #d1d5db; padding: 3pt 4pt; text-align: left; vertical-align: top; overflow-wrap: anywhere; white-space: pre-line; }
th { background: #f3f4f6; font-weight: 600; }
td.empty { color: #6b7280; font-style: italic; }
.definitions { display: grid; grid-template-columns: max-content 1fr; gap: 2pt 12pt; margin: 0 0 14pt; padding: 8pt 10pt; border: 1px solid #e5e7eb; background: #f9fafb; }
.definitions > div { display: contents; }
.definitions dt { font-weight: 600; }
.definitions dd { margin: 0; }
.note { margin: 8pt 0; padding: 6pt 10pt; border-left: 4px solid #2563eb; background: #eff6ff; break-inside: avoid; }
.note-warning { border-left-color: #c2410c; background: #fff7ed; }
figure.diagram { margin: 10pt 0 14pt; break-inside: avoid; page-break-inside: avoid; }
figure.diagram figcaption { margin-bottom: 4pt; }
figure.diagram .caption { color: #374151; }
.diagram-image svg { display: block; max-width: 100%; max-height: 230mm; height: auto; margin: 0 auto; }
.diagram-missing { color: #6b7280; font-style: italic; margin: 0 0 4pt; }
.page-break { margin: 24pt 0; border-top: 1px dashed #d1d5db; }
@media print {
  body { background: #fff; }
  .document { max-width: none; margin: 0; padding: 0; box-shadow: none; }
  .page-break { break-after: page; page-break-after: always; margin: 0; border: 0; }
  a { color: inherit; text-decoration: none; }
}`;
