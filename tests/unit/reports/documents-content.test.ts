import { strFromU8, unzipSync } from "fflate";
import pdfParse from "pdf-parse/lib/pdf-parse.js";
import { describe, expect, it } from "vitest";
import { annexIRequirements } from "@/lib/catalog";
import { produceReports } from "@/lib/reports/produce";
import { demoInput } from "./fixtures";
import { documentText } from "./render-fixture";

/** Text without any whitespace, so ids that a table cell wrapped onto two lines are still found. */
const squeeze = (text: string) => text.replace(/\s+/g, "");

describe("the generated PDF and DOCX files of the demo device", () => {
  const input = demoInput();
  let files: ReturnType<typeof produceReports> | undefined;
  const text = async (name: string) => {
    files ??= produceReports(input, { docs: ["annex-i-checklist", "threat-model"], formats: ["pdf", "docx"] });
    const file = (await files).find((f) => f.name === name)!;
    if (name.endsWith(".pdf")) return squeeze((await pdfParse(Buffer.from(file.data))).text);
    return squeeze(documentText(strFromU8(unzipSync(file.data)["word/document.xml"])));
  };

  it("the Annex I checklist names every requirement of the project's regulation, in PDF and DOCX", async () => {
    const ids = annexIRequirements(input.file.model.project.regulation).map((r) => r.id);
    expect(ids).toHaveLength(17);
    for (const name of ["annex-i-checklist.pdf", "annex-i-checklist.docx"]) {
      const content = await text(name);
      expect(ids.filter((id) => !content.includes(squeeze(id))), name).toEqual([]);
      expect(content).toContain(squeeze(input.source.contentHash));
    }
  }, 120_000);

  it("the threat model names every threat found, in PDF and DOCX", async () => {
    const ids = input.analysis.threats.map((t) => t.id);
    expect(ids.length).toBeGreaterThan(50);
    for (const name of ["threat-model.pdf", "threat-model.docx"]) {
      const content = await text(name);
      expect(ids.filter((id) => !content.includes(id)), name).toEqual([]);
    }
  }, 120_000);
});
