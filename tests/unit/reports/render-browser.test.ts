import { strFromU8, unzipSync } from "fflate";
import pdfParse from "pdf-parse/lib/pdf-parse.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { diagramId, openRenderer, stampPdfDates, type RenderedDiagram, type Renderer } from "../../../lib/reports/render/browser";
import { renderDocx } from "../../../lib/reports/render/docx";
import { renderHtml } from "../../../lib/reports/render/html";
import { pngSize } from "../../../lib/reports/render/png";
import { DIAGRAM_SOURCE, documentText, sampleDocument } from "./render-fixture";

const BROKEN = "flowchart LR\n  A -->\n";

it("openRenderer names the missing Chromium and how to install it", async () => {
  await expect(openRenderer({ chromiumPath: "/nonexistent/chromium" })).rejects.toThrow(
    /Chromium not found at \/nonexistent\/chromium\..*apt-get install chromium.*CHROMIUM_PATH/,
  );
});

it("stampPdfDates writes the source date over the clock, keeping every byte offset", () => {
  const pdf = Buffer.from("%PDF-1.4\n<< /Producer (Skia/PDF m156)\n/CreationDate (D:20261126164357+00'00')\n/ModDate (D:20261126164358+00'00') >>\n", "latin1");
  const stamped = Buffer.from(stampPdfDates(new Uint8Array(pdf), "2026-03-14")).toString("latin1");
  expect(stamped).toBe(pdf.toString("latin1").replace("20261126164357", "20260314000000").replace("20261126164358", "20260314000000"));
  expect(stampPdfDates(new Uint8Array(pdf), "not a date")).toEqual(new Uint8Array(pdf));
});

describe("chromium renderer (one browser for all these tests)", () => {
  let renderer: Renderer;
  let drawn: RenderedDiagram[];

  beforeAll(async () => {
    renderer = await openRenderer();
    drawn = await renderer.diagrams([DIAGRAM_SOURCE, BROKEN, DIAGRAM_SOURCE]);
  }, 60_000);
  afterAll(() => renderer?.close());

  it("draws Mermaid to SVG with the labels as text, and to PNG", () => {
    const [context, broken, again] = drawn;
    expect(context.error).toBeUndefined();
    const id = diagramId(DIAGRAM_SOURCE);
    expect(id).toMatch(/^medthreat-diagram-[0-9a-f]{12}$/);
    expect(context.svg.startsWith(`<svg id="${id}"`)).toBe(true);
    for (const label of ["Infusion pump | v2", "Dose log", "Bolus command", "Nurse &lt;script&gt;", "Hospital &lt;LAN&gt; &amp; \"ward\""])
      expect(context.svg).toContain(label);
    expect(context.svg).not.toMatch(/<script/i);
    const size = pngSize(context.png);
    expect(size?.width).toBeGreaterThan(400);
    expect(size?.height).toBeGreaterThan(50);

    expect(broken).toMatchObject({ svg: "", png: new Uint8Array() });
    expect(broken.error).toMatch(/Parse error/);

    expect(again.svg.startsWith(`<svg id="${id}-2"`)).toBe(true);
    expect(again.svg.replaceAll(`${id}-2`, id)).toBe(context.svg);
  });

  it("gives every SVG its own ids, so several fit in one page", () => {
    const ids = drawn.flatMap((d) => [...d.svg.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]));
    expect(ids.length).toBeGreaterThan(10);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("draws the same diagram to the same SVG and PNG every time", async () => {
    const [first] = await renderer.diagrams([DIAGRAM_SOURCE]);
    expect(first.svg).toBe(drawn[0].svg);
    expect(Buffer.from(first.png).equals(Buffer.from(drawn[0].png))).toBe(true);
  });

  it("prints HTML to an A4 PDF whose text includes the title, a table cell and the diagram's labels (vector, not an image)", async () => {
    const doc = sampleDocument();
    const html = renderHtml(doc, new Map([["context", drawn[0].svg]]));
    const pdf = await renderer.pdf(html);
    expect(strFromU8(pdf.slice(0, 5))).toBe("%PDF-");
    const { text: raw, numpages } = await pdfParse(Buffer.from(pdf));
    const text = raw.replace(/\s+/g, " ");
    expect(numpages).toBe(2);
    expect(text).toContain("Threat model report");
    expect(text).toContain("T-0002");
    expect(text).toContain(`Spoofing of Pump <b>"A"</b> & | co`);
    for (const label of ["Infusion pump | v2", "Dose log", "Bolus command", "Nurse <script>"]) expect(text).toContain(label);
    expect(text).toContain("flowchart LR A -->");
    expect(text).toContain("Page 1 of 2");
    expect(text).toContain('baseline "Submission <1>" · 2026-03-14 · SHA-256 abababababab');
  });

  it("prints the same HTML to the same PDF bytes, dated with the source date", async () => {
    const html = renderHtml(sampleDocument(), new Map([["context", drawn[0].svg]]));
    const first = await renderer.pdf(html);
    const second = await renderer.pdf(html);
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
    const { info } = await pdfParse(Buffer.from(first));
    expect(info).toMatchObject({ Title: `Threat model report · Project Pump <b>"A"</b> & | co`, CreationDate: "D:20260314000000+00'00'", ModDate: "D:20260314000000+00'00'" });
  });

  it("puts the diagram's PNG into the DOCX", async () => {
    const docx = await renderDocx(sampleDocument(), new Map([["context", drawn[0].png]]));
    const parts = unzipSync(docx);
    const media = Object.keys(parts).filter((name) => /^word\/media\/.+\.png$/.test(name));
    expect(media).toHaveLength(1);
    expect(Buffer.from(parts[media[0]]).equals(Buffer.from(drawn[0].png))).toBe(true);
    expect(documentText(strFromU8(parts["word/document.xml"]))).toContain(`Context of Pump <b>"A"</b> & | co`);
  });
});
