import { describe, expect, it } from "vitest";
import type { Block, ReportDocument } from "@/lib/reports/document";
import { buildDocument } from "@/lib/reports/documents";
import { tablesAsCsv } from "@/lib/reports/render/csv";
import { escapeText, renderMarkdown } from "@/lib/reports/render/markdown";
import { demoInput } from "./fixtures";

const doc = (blocks: Block[]): ReportDocument => ({
  id: "threat-model",
  title: "Threat model report",
  meta: {
    project: "P",
    device: "D",
    deviceVersion: "1",
    regulation: "MDR",
    source: { kind: "file", label: "file p.yaml", contentHash: "ab", date: "2026-01-01" },
    libraryVersion: "1",
    generator: "medthreat 1",
  },
  blocks,
});

describe("renderMarkdown", () => {
  it("escapes | and line breaks in table cells", () => {
    const md = renderMarkdown(
      doc([{ kind: "table", id: "t", caption: "A | table", columns: [{ key: "a", header: "A|B" }, { key: "b", header: "B" }], rows: [{ a: "x | y", b: "line 1\nline 2" }] }]),
    );
    expect(md).toContain("| A\\|B | B |");
    expect(md).toContain("| x \\| y | line 1<br>line 2 |");
    expect(md).toContain("**A \\| table**");
  });

  it("shows HTML-ish and Markdown-ish text as typed", () => {
    const md = renderMarkdown(
      doc([
        { kind: "heading", level: 2, text: "<b>Pump</b> #1 ###" },
        { kind: "paragraph", content: "1. not a list\n# not a heading\n- not an item & <script>x</script> *not emphasis* [not](a link)" },
        { kind: "paragraph", content: [{ text: "a `tick` | here", code: true }, " and ", { text: "bold ", strong: true }, "after"] },
      ]),
    );
    expect(md).toContain("## &lt;b&gt;Pump&lt;/b&gt; \\#1 \\#\\#\\#");
    expect(md).toContain("1\\. not a list  \n\\# not a heading  \n\\- not an item &amp; &lt;script&gt;x&lt;/script&gt; \\*not emphasis\\* \\[not\\](a link)");
    expect(md).toContain("``a `tick` \\| here`` and **bold** after");
    expect(md).not.toMatch(/<script|<b>/);
    expect(escapeText("2.3.0")).toBe("2.3.0");
  });

  it("puts diagrams in mermaid fences, longer than any fence inside", () => {
    const md = renderMarkdown(doc([{ kind: "diagram", id: "d", title: "Context", mermaid: "flowchart LR\n  a --> b\n", caption: "Two boxes." }]));
    expect(md).toContain("**Context**\n\n```mermaid\nflowchart LR\n  a --> b\n```\n\nTwo boxes.");
    expect(renderMarkdown(doc([{ kind: "diagram", id: "d", title: "T", mermaid: "x ``` y" }]))).toContain("````mermaid\nx ``` y\n````");
  });

  it("renders lists, definitions, notes and skips page breaks", () => {
    const md = renderMarkdown(
      doc([
        { kind: "list", ordered: true, items: ["one", "two"] },
        { kind: "definitions", items: [{ term: "Hash", description: [{ text: "abc", code: true }] }] },
        { kind: "note", tone: "warning", content: "Careful." },
        { kind: "page-break" },
      ]),
    );
    expect(md).toBe("# Threat model report\n\n1. one\n2. two\n\n- **Hash:** `abc`\n\n> **Warning:** Careful.\n");
  });
});

describe("tablesAsCsv", () => {
  it("writes one CSV per table, named <document>-<table>.csv, with the formula guard and CRLF", () => {
    const files = tablesAsCsv(
      doc([
        { kind: "table", id: "threats", caption: "T", columns: [{ key: "a", header: "Name" }, { key: "b", header: "Note" }], rows: [{ a: "=HYPERLINK(\"http://x\")", b: "+1, -2\n@here" }] },
        { kind: "paragraph", content: "between" },
        { kind: "table", id: "threats", caption: "T2", columns: [{ key: "a", header: "A" }], rows: [] },
      ]),
    );
    expect(files.map((f) => f.name)).toEqual(["threat-model-threats.csv", "threat-model-threats-2.csv"]);
    expect(files[0].csv).toBe('Name,Note\r\n"\'=HYPERLINK(""http://x"")","\'+1, -2\n@here"\r\n');
    expect(files[1].csv).toBe("A\r\n");
  });

  it("covers every table of a built document", () => {
    const built = buildDocument("risk-management-report", demoInput());
    const names = tablesAsCsv(built).map((f) => f.name);
    expect(names).toContain("risk-management-report-threats.csv");
    expect(names).toHaveLength(built.blocks.filter((b) => b.kind === "table").length);
    expect(new Set(names).size).toBe(names.length);
  });
});
