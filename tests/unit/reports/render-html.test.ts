import { describe, expect, it } from "vitest";
import { renderHtml } from "../../../lib/reports/render/html";
import { DIAGRAM_SOURCE, sampleDocument, TRICKY } from "./render-fixture";

const SVG = `<svg id="medthreat-diagram-1" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><text>Infusion pump</text></svg>`;

describe("renderHtml", () => {
  const doc = sampleDocument();
  const html = renderHtml(doc, new Map([["context", SVG]]));

  it("is a standalone HTML5 page with inline CSS for print and no scripts", () => {
    expect(html.startsWith("<!DOCTYPE html>\n<html lang=\"en\">")).toBe(true);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toMatch(/<style>[\s\S]*@page \{ size: A4;[\s\S]*thead \{ display: table-header-group; \}[\s\S]*<\/style>/);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/\son[a-z]+=/i);
    expect(html).not.toMatch(/<link|<img|src=/i);
  });

  it("escapes every text: names, captions, headers, meta and the footer line", () => {
    expect(html).not.toContain(TRICKY);
    expect(html).toContain("Pump &lt;b&gt;&quot;A&quot;&lt;/b&gt; &amp; | co");
    expect(html).toContain("<title>Threat model report · Project Pump &lt;b&gt;&quot;A&quot;&lt;/b&gt; &amp; | co</title>");
    expect(html).toContain("<caption>Threats &lt;per element&gt;</caption>");
    expect(html).toContain('<th scope="col">Status | decision</th>');
    expect(html).toContain("<li>First &lt;item&gt;</li>");
    expect(html).toMatch(/<meta name="medthreat-footer" content="Infusion pump 2\.1 · baseline &quot;Submission &lt;1&gt;&quot; · 2026-03-14 · SHA-256 abababababab">/);
    // The only raw tags are the renderer's own: no <b> from the data.
    expect(html).not.toMatch(/<b>/);
  });

  it("renders the title first, then every block kind", () => {
    expect(html).toMatch(/<article class="document" id="document-threat-model">\n<h1>Threat model report<\/h1>\n<dl class="definitions">/);
    expect(html).toContain('<h2 id="scope">Scope of Pump');
    expect(html).toContain("<h3>Threats</h3>");
    expect(html).toContain("<strong>bold &lt;strong&gt;</strong>");
    expect(html).toContain("<code>code | pipe</code>");
    expect(html).toContain('<a href="https://example.org/?a=1&amp;b=2">a link</a>');
    expect(html).toContain('<a href="#scope">back to scope</a>');
    expect(html).not.toContain("javascript:");
    expect(html).toContain(" and bad link and ");
    expect(html).toMatch(/<ol>\n<li>Step one<\/li>/);
    expect(html).toContain("<dt>Content hash (SHA-256)</dt><dd><code>" + "ab".repeat(32) + "</code></dd>");
    expect(html).toContain('<col style="width: 20.00%"><col style="width: 60.00%"><col style="width: 20.00%">');
    expect(html).toContain("<td>=cmd|&#39; /C calc&#39;!A0</td>");
    expect(html).toContain('<td class="empty" colspan="1">No entries.</td>');
    expect(html).toContain('<aside class="note note-info" role="note"><strong>Note:</strong> Scores use CVSS 3.1 &lt;base&gt;.</aside>');
    expect(html).toContain('<aside class="note note-warning" role="note"><strong>Warning:</strong> <strong>Open threats</strong> remain.</aside>');
    expect(html).toContain('<div class="page-break" role="separator"></div>');
  });

  it("inlines a diagram's SVG and shows the Mermaid source of one without", () => {
    expect(html).toContain(`<figure class="diagram" id="diagram-context">\n<figcaption><strong>Context of Pump &lt;b&gt;`);
    expect(html).toContain(`<div class="diagram-image">${SVG}</div>`);
    expect(html).toMatch(/<figure class="diagram" id="diagram-broken">[\s\S]*<pre class="mermaid-source"><code>flowchart LR\n  A --&gt;\n<\/code><\/pre>/);
    const withoutSvgs = renderHtml(doc, new Map());
    expect(withoutSvgs).toContain("Infusion pump #124; v2");
    expect(withoutSvgs).toContain(`el_nurse fl_bolus@--&gt;|&quot;Bolus command&quot;| el_pump`);
    expect(DIAGRAM_SOURCE).toContain(`el_nurse fl_bolus@-->|"Bolus command"| el_pump`);
  });

  it("refuses an SVG that carries a script or an event handler", () => {
    for (const bad of [`<svg><script>alert(1)</script></svg>`, `<svg onload="alert(1)"></svg>`, `<div>not svg</div>`]) {
      const out = renderHtml(doc, new Map([["context", bad]]));
      expect(out).not.toMatch(/<script|onload=|<div>not svg/);
      expect(out).toContain('<figure class="diagram" id="diagram-context">');
      expect(out).toContain("Infusion pump #124; v2");
    }
  });

  it("is deterministic", () => {
    expect(renderHtml(sampleDocument(), new Map([["context", SVG]]))).toBe(html);
  });
});
