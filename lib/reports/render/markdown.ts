import type { Block, Content, Inline, ReportDocument } from "../document";

/**
 * GitHub-flavoured Markdown of a document. Text is escaped so that names show as typed: Markdown
 * punctuation gets a backslash, `<`, `>` and `&` become entities (no raw HTML), and in table cells
 * `|` is escaped and line breaks become `<br>`. Diagrams are ```mermaid fences, which GitHub draws.
 */

const MARKDOWN_PUNCTUATION = /[\\`*_[\]|~]/g;

export function escapeText(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(MARKDOWN_PUNCTUATION, (c) => `\\${c}`);
}

/** Escapes what would start a block at the beginning of a line: headings, lists, quotes, rules. */
const escapeLineStart = (line: string) =>
  line.replace(/^(\s*)(#{1,6}(?=\s|$)|[-+](?=\s|$)|\d{1,9}[.)](?=\s|$)|=+\s*$)/, (_, space: string, mark: string) =>
    /^\d/.test(mark) ? `${space}${mark.slice(0, -1)}\\${mark.slice(-1)}` : `${space}\\${mark}`,
  );

function codeSpan(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(longest + 1);
  const pad = text.startsWith("`") || text.endsWith("`") ? " " : "";
  return `${fence}${pad}${text.replace(/\|/g, "\\|")}${pad}${fence}`;
}

function inline(item: Inline): string {
  if (typeof item === "string") return escapeText(item);
  if (item.code) return codeSpan(item.text.replace(/\s+/g, " "));
  let text = escapeText(item.text);
  // Emphasis may not start or end with a space in Markdown: keep the spaces outside the marks.
  if (item.strong && text.trim()) text = text.replace(/^(\s*)(.*?)(\s*)$/s, "$1**$2**$3");
  if (item.href) text = `[${text}](<${item.href.replace(/[<>\s]/g, encodeURIComponent)}>)`;
  return text;
}

const content = (c: Content) => (typeof c === "string" ? escapeText(c) : c.map(inline).join(""));

/** A paragraph: line breaks kept as hard breaks, each line safe from block syntax. */
const paragraph = (c: Content) => content(c).split(/\r?\n/).map(escapeLineStart).join("  \n");

/** A table cell: one line, `|` escaped (by escapeText), line breaks as <br>. */
const cell = (text: string) => escapeText(text.trim()).replace(/\r?\n/g, "<br>") || " ";

function fence(body: string, info: string): string {
  const longest = Math.max(2, ...(body.match(/`{3,}/g) ?? []).map((run) => run.length));
  const marks = "`".repeat(longest + 1);
  return `${marks}${info}\n${body.replace(/\n+$/, "")}\n${marks}`;
}

function block(b: Block): string | undefined {
  switch (b.kind) {
    case "heading":
      return `${"#".repeat(b.level)} ${escapeText(b.text).replace(/#/g, "\\#")}`;
    case "paragraph":
      return paragraph(b.content);
    case "list":
      return b.items.map((item, i) => `${b.ordered ? `${i + 1}.` : "-"} ${paragraph(item).replace(/\n/g, "\n   ")}`).join("\n");
    case "definitions":
      return b.items.map((d) => `- **${escapeText(d.term)}:** ${paragraph(d.description).replace(/\n/g, "\n  ")}`).join("\n");
    case "table": {
      const lines = [`**${escapeText(b.caption)}**`, ""];
      lines.push(`| ${b.columns.map((c) => cell(c.header)).join(" | ")} |`, `|${b.columns.map(() => " --- |").join("")}`);
      for (const row of b.rows) lines.push(`| ${b.columns.map((c) => cell(row[c.key] ?? "")).join(" | ")} |`);
      if (!b.rows.length) lines.push("", "_None._");
      return lines.join("\n");
    }
    case "diagram":
      return [`**${escapeText(b.title)}**`, "", fence(b.mermaid, "mermaid"), ...(b.caption ? ["", paragraph(b.caption)] : [])].join("\n");
    case "note":
      return `> **${b.tone === "warning" ? "Warning" : "Note"}:** ${paragraph(b.content).replace(/\n/g, "\n> ")}`;
    case "page-break":
      return undefined;
  }
}

export function renderMarkdown(doc: ReportDocument): string {
  const parts = [`# ${escapeText(doc.title)}`];
  for (const b of doc.blocks) {
    const text = block(b);
    if (text !== undefined) parts.push(text);
  }
  return parts.join("\n\n") + "\n";
}
