import { strFromU8, unzipSync } from "fflate";
import pdfParse from "pdf-parse/lib/pdf-parse.js";
import { describe, expect, it } from "vitest";
import type { DocumentId, ReportDocument } from "../../../lib/reports/document";
import type { ReportInput } from "../../../lib/reports/input";
import { MEDIA_TYPES, produceReports, type ProduceProgress } from "../../../lib/reports/produce";
import { minimalInput } from "./fixtures";
import { sampleDocument } from "./render-fixture";

const NO_CHROMIUM = "/nonexistent/chromium";
const input = { source: { kind: "file", label: "file pump.yaml", contentHash: "ab".repeat(32), date: "2026-03-14" } } as ReportInput;

/** The sample document under the requested id; `diagrams: false` leaves its diagrams out. */
const stub =
  (options: { diagrams?: boolean } = {}) =>
  (id: DocumentId): ReportDocument => {
    const doc = sampleDocument();
    return { ...doc, id, blocks: options.diagrams === false ? doc.blocks.filter((b) => b.kind !== "diagram") : doc.blocks };
  };

describe("produceReports", () => {
  it("renders Markdown and CSV without Chromium, naming files by document and table, reporting each step", async () => {
    const steps: ProduceProgress[] = [];
    const files = await produceReports(input, {
      docs: ["threat-model", "mds2"],
      formats: ["md", "csv"],
      chromiumPath: NO_CHROMIUM,
      build: stub(),
      onProgress: (p) => steps.push(p),
    });
    expect(files.map((f) => [f.name, f.mediaType])).toEqual([
      ["threat-model.md", MEDIA_TYPES.md],
      ["threat-model-threats.csv", MEDIA_TYPES.csv],
      ["threat-model-empty.csv", MEDIA_TYPES.csv],
      ["mds2.md", MEDIA_TYPES.md],
      ["mds2-threats.csv", MEDIA_TYPES.csv],
      ["mds2-empty.csv", MEDIA_TYPES.csv],
    ]);
    expect(strFromU8(files[1].data)).toContain("T-0002");
    expect(steps).toEqual([
      { done: 1, total: 4, step: "threat-model.md" },
      { done: 2, total: 4, step: "threat-model tables (CSV)" },
      { done: 3, total: 4, step: "mds2.md" },
      { done: 4, total: 4, step: "mds2 tables (CSV)" },
    ]);
  });

  it("renders HTML and DOCX of a document without diagrams without Chromium", async () => {
    const files = await produceReports(input, { docs: ["mds2"], formats: ["html", "docx"], chromiumPath: NO_CHROMIUM, build: stub({ diagrams: false }) });
    expect(files.map((f) => [f.name, f.mediaType])).toEqual([
      ["mds2.html", MEDIA_TYPES.html],
      ["mds2.docx", MEDIA_TYPES.docx],
    ]);
  });

  it("needs Chromium for PDF, and for diagrams in HTML, and says where it looked", async () => {
    for (const formats of [["pdf"], ["html"], ["docx"]] as const)
      await expect(produceReports(input, { docs: ["mds2"], formats, chromiumPath: NO_CHROMIUM, build: stub() })).rejects.toThrow(
        /Chromium not found at \/nonexistent\/chromium.*apt-get install chromium/,
      );
  });

  it("zips every file into documents.zip, byte-identical for the same input", async () => {
    const options = { docs: ["threat-model", "mds2"] as DocumentId[], formats: ["md", "csv"] as const, zip: true, chromiumPath: NO_CHROMIUM, build: stub() };
    const steps: string[] = [];
    const [zip, ...rest] = await produceReports(input, { ...options, onProgress: (p) => steps.push(`${p.done}/${p.total} ${p.step}`) });
    expect(rest).toEqual([]);
    expect(zip).toMatchObject({ name: "documents.zip", mediaType: MEDIA_TYPES.zip });
    expect(Object.keys(unzipSync(zip.data))).toEqual(["mds2-empty.csv", "mds2-threats.csv", "mds2.md", "threat-model-empty.csv", "threat-model-threats.csv", "threat-model.md"]);
    expect(steps.at(-1)).toBe("5/5 documents.zip");
    const [again] = await produceReports(input, options);
    expect(Buffer.from(again.data).equals(Buffer.from(zip.data))).toBe(true);
  });

  it("refuses unknown documents and formats, and an empty request", async () => {
    await expect(produceReports(input, { docs: ["nope" as DocumentId], formats: ["md"], build: stub() })).rejects.toThrow(/unknown document "nope"/);
    await expect(produceReports(input, { docs: ["mds2"], formats: ["rtf" as "md"], build: stub() })).rejects.toThrow(/unknown format "rtf"/);
    await expect(produceReports(input, { docs: [], formats: ["md"], build: stub() })).rejects.toThrow(/no document requested/);
  });

  it("builds the real documents through the registry", async () => {
    const files = await produceReports(minimalInput(), { docs: ["threat-model", "annex-i-checklist"], formats: ["md"], chromiumPath: NO_CHROMIUM });
    expect(files.map((f) => f.name)).toEqual(["threat-model.md", "annex-i-checklist.md"]);
    expect(strFromU8(files[0].data)).toContain("Infusion pump 3.0");
  });

  it("renders HTML, PDF and DOCX with diagrams, starting Chromium once", async () => {
    const steps: string[] = [];
    const twice = (id: DocumentId): ReportDocument => {
      const doc = stub()(id);
      const context = doc.blocks.find((b) => b.kind === "diagram")!;
      return { ...doc, blocks: [...doc.blocks, { ...context, id: "context-again" }] };
    };
    const files = await produceReports(input, {
      docs: ["threat-model", "mds2"],
      formats: ["html", "pdf", "docx"],
      build: twice,
      onProgress: (p) => steps.push(p.step),
    });
    expect(steps).toEqual(["threat-model.html", "threat-model.pdf", "threat-model.docx", "mds2.html", "mds2.pdf", "mds2.docx"]);
    const [html, pdf, docx, otherHtml] = files;
    const page = strFromU8(html.data);
    expect(page).toMatch(/<figure class="diagram" id="diagram-context">\n.*\n<div class="diagram-image"><svg id="medthreat-diagram-[0-9a-f]{12}"/);
    expect(page).toMatch(/<figure class="diagram" id="diagram-context-again">\n.*\n<div class="diagram-image"><svg id="medthreat-diagram-[0-9a-f]{12}-2"/);
    expect(page).toContain('<pre class="mermaid-source">');
    const ids = [...page.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
    const svgs = (text: string) => text.match(/<svg[\s\S]*?<\/svg>/g);
    expect(svgs(strFromU8(otherHtml.data))).toEqual(svgs(page));
    expect((await pdfParse(Buffer.from(pdf.data))).text.replace(/\s+/g, " ")).toContain("Bolus command");
    expect(Object.keys(unzipSync(docx.data)).filter((n) => n.startsWith("word/media/"))).toHaveLength(1);
  }, 60_000);

  it("gives a byte-identical documents.zip for the same input, PDF and DOCX included", async () => {
    const options = { docs: ["threat-model"] as DocumentId[], formats: ["html", "pdf", "docx", "md", "csv"] as const, zip: true, build: stub() };
    const [first] = await produceReports(input, options);
    const [second] = await produceReports(input, options);
    expect(Object.keys(unzipSync(first.data))).toEqual(["threat-model-empty.csv", "threat-model-threats.csv", "threat-model.docx", "threat-model.html", "threat-model.md", "threat-model.pdf"]);
    expect(Buffer.from(second.data).equals(Buffer.from(first.data))).toBe(true);
  }, 60_000);
});
