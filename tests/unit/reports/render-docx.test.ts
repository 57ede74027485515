import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { imageSize, renderDocx } from "../../../lib/reports/render/docx";
import { documentText, sampleDocument, solidPng } from "./render-fixture";

describe("renderDocx", async () => {
  const png = solidPng(1600, 400);
  const docx = await renderDocx(sampleDocument(), new Map([["context", png]]));
  const parts = unzipSync(docx);
  const xml = strFromU8(parts["word/document.xml"]);
  const text = documentText(xml);

  it("writes a Word package with the document, its styles and the diagram as PNG", () => {
    expect(Object.keys(parts)).toEqual(expect.arrayContaining(["[Content_Types].xml", "word/document.xml", "word/styles.xml", "word/numbering.xml", "docProps/core.xml"]));
    const media = Object.keys(parts).filter((name) => /^word\/media\/.+\.png$/.test(name));
    expect(media).toHaveLength(1);
    expect(parts[media[0]]).toEqual(png);
  });

  it("holds every text of every block kind, unescaped, including the header", () => {
    for (const expected of [
      "Threat model report",
      `Project Pump <b>"A"</b> & | co`,
      `Scope of Pump <b>"A"</b> & | co`,
      "bold <strong>",
      "code | pipe",
      "a link",
      "First <item>",
      "Step two",
      "Threats <per element>",
      "Status | decision",
      "T-0002",
      "=cmd|' /C calc'!A0",
      "No entries.",
      "Note: Scores use CVSS 3.1 <base>.",
      "Warning: Open threats remain.",
      `Context of Pump <b>"A"</b> & | co`,
      "Trust boundaries are dashed.",
      "The diagram could not be drawn; its Mermaid source:",
      "A -->",
    ])
      expect(text).toContain(expected);
  });

  it("repeats table header rows, keeps rows whole and links to web pages only", () => {
    expect(xml.match(/<w:tblHeader\/>/g)?.length).toBe(2);
    expect(xml).toContain("<w:cantSplit/>");
    expect(xml).toContain('<w:pStyle w:val="Heading1"/>');
    expect(xml).toContain('<w:br w:type="page"/>');
    expect(xml).toContain('<w:numPr><w:ilvl w:val="0"/>');
    const rels = strFromU8(parts["word/_rels/document.xml.rels"]);
    expect(rels).toContain('Target="https://example.org/?a=1&amp;b=2" TargetMode="External"');
    expect(rels).not.toContain("javascript");
    expect(xml).toMatch(/<w:hyperlink [^>]*w:anchor="_scope"/);
    expect(xml).toContain('<w:bookmarkStart w:name="_scope" w:id="1"/>');
  });

  it("has fixed core properties: creator medthreat, the title and the source date", () => {
    const core = strFromU8(parts["docProps/core.xml"]);
    expect(core).toContain("<dc:creator>medthreat</dc:creator>");
    expect(core).toContain("<dc:title>Threat model report</dc:title>");
    expect(core).toContain(">2026-03-14T00:00:00Z</dcterms:created>");
    expect(core).toContain(">2026-03-14T00:00:00Z</dcterms:modified>");
  });

  it("gives byte-identical files for the same document", async () => {
    const again = await renderDocx(sampleDocument(), new Map([["context", png]]));
    expect(Buffer.from(again).equals(Buffer.from(docx))).toBe(true);
  });

  it("scales a diagram to the page's text width, never up", () => {
    expect(imageSize(solidPng(1600, 400))).toEqual({ width: 672, height: 168 });
    expect(imageSize(solidPng(200, 100))).toEqual({ width: 100, height: 50 });
    expect(imageSize(new Uint8Array([1, 2, 3]))).toBeUndefined();
  });

  it("shows the Mermaid source in monospace when there is no PNG", async () => {
    const parts = unzipSync(await renderDocx(sampleDocument(), new Map()));
    const xml = strFromU8(parts["word/document.xml"]);
    expect(Object.keys(parts).some((name) => name.startsWith("word/media/"))).toBe(false);
    expect(documentText(xml)).toContain("el_nurse fl_bolus@-->|\"Bolus command\"| el_pump");
    expect(xml).toContain('<w:pStyle w:val="Code"/>');
  });
});
