import { afterEach, describe, expect, it, vi } from "vitest";
import { IVDR_TABLE_1_SECTIONS, MDR_TABLE_1_SECTIONS } from "@/lib/catalog";
import { DOCUMENT_IDS, DOCUMENT_TITLES, inlineText, type Block, type ReportDocument } from "@/lib/reports/document";
import { buildDocument } from "@/lib/reports/documents";
import { MAX_DRAWN_ELEMENTS, reportContext } from "@/lib/reports/documents/common";
import type { ReportInput } from "@/lib/reports/input";
import { renderMarkdown } from "@/lib/reports/render/markdown";
import { Assessment } from "@/lib/risk/assessment";
import { reportInputFromBaseline } from "@/lib/reports/input";
import { contentHash, writeBaselineContent } from "@/lib/review/baseline";
import { demoInput, inputOf, minimalInput, minimalText } from "./fixtures";

const table = (doc: ReportDocument, id: string) => {
  const t = doc.blocks.find((b): b is Extract<Block, { kind: "table" }> => b.kind === "table" && b.id === id);
  if (!t) throw new Error(`no table "${id}" in ${doc.id}`);
  return t;
};

function withAssessment(input: ReportInput, assessment: unknown): ReportInput {
  return { ...input, file: { ...input.file, assessment: Assessment.parse(assessment) } };
}

afterEach(() => vi.useRealTimers());

describe.each([
  ["the demo project", demoInput],
  ["a minimal model", () => minimalInput()],
])("every document on %s", (_, makeInput) => {
  it.each(DOCUMENT_IDS)("%s starts with the header and renders", (id) => {
    const input = makeInput();
    const doc = buildDocument(id, input);
    expect(doc.id).toBe(id);
    expect(doc.title).toBe(DOCUMENT_TITLES[id]);
    expect(doc.meta).toMatchObject({ project: input.file.model.project.name, regulation: input.file.model.project.regulation, source: input.source, generator: "medthreat 9.9.9" });
    const header = doc.blocks[0];
    expect(header.kind).toBe("definitions");
    const terms = header.kind === "definitions" ? header.items.map((i) => `${i.term}: ${inlineText(i.description)}`) : [];
    expect(terms).toContain(`Content hash (SHA-256): ${input.source.contentHash}`);
    expect(terms).toContain("Source date: 2026-11-20");
    expect(terms).toContain(`Threat library: version ${input.analysis.libraryVersion}`);
    const md = renderMarkdown(doc);
    expect(md.startsWith(`# ${DOCUMENT_TITLES[id]}\n`)).toBe(true);
    expect(md).toContain(input.source.contentHash);
  });
});

describe("determinism", () => {
  it("gives identical Markdown when built twice, and the clock changes nothing", () => {
    for (const id of DOCUMENT_IDS) {
      const first = renderMarkdown(buildDocument(id, demoInput()));
      vi.useFakeTimers();
      vi.setSystemTime(new Date("2031-07-15T03:04:05Z"));
      const later = renderMarkdown(buildDocument(id, demoInput()));
      vi.useRealTimers();
      expect(later).toBe(first);
    }
  });
});

describe("documents from a baseline", () => {
  it("state the baseline and its hash, and the same baseline gives the same content", () => {
    const demo = demoInput();
    const content = writeBaselineContent({ revision: 3, libraryVersion: demo.analysis.libraryVersion, rules: { organisation: "", project: "" }, file: demo.file, threats: demo.analysis.threats });
    const build = () => {
      const r = reportInputFromBaseline(content, { name: "Submission 1", createdAt: "2026-10-05T08:00:00.000Z" }, "9.9.9");
      if (!r.ok) throw new Error(r.errors[0].message);
      return renderMarkdown(buildDocument("risk-management-report", r.input));
    };
    const md = build();
    expect(md).toContain(`\`${contentHash(content)}\``);
    expect(md).toContain('- **Source:** baseline "Submission 1"');
    expect(md).toContain("- **Source date:** 2026-10-05");
    expect(build()).toBe(md);
  });
});

describe("Annex I checklist", () => {
  it("lists exactly the 17 MDR requirements for an MDR project", () => {
    const rows = table(buildDocument("annex-i-checklist", demoInput()), "requirements").rows;
    expect(rows.map((r) => r.id)).toEqual(MDR_TABLE_1_SECTIONS.map((s) => `MDR-${s}`));
    expect(rows).toHaveLength(17);
    expect(rows.every((r) => r.where.length > 0)).toBe(true);
    expect(rows.find((r) => r.id === "MDR-23.4(ab)")!.where).toContain(DOCUMENT_TITLES["ifu-security"]);
  });

  it("lists exactly the 14 IVDR requirements for an IVDR project", () => {
    const doc = buildDocument("annex-i-checklist", minimalInput({ regulation: "IVDR" }));
    const rows = table(doc, "requirements").rows;
    expect(rows.map((r) => r.id)).toEqual(IVDR_TABLE_1_SECTIONS.map((s) => `IVDR-${s}`));
    expect(rows).toHaveLength(14);
    expect(renderMarkdown(doc)).not.toContain("MDR-18.8");
  });

  it("shows applicability with its justification and the controls with their evidence", () => {
    const input = withAssessment(minimalInput(), {
      requirements: [{ id: "MDR-22.1", applicable: false, justification: "Used by trained hospital staff only, never by lay persons." }],
      controls: [
        {
          id: "ctl-x",
          title: "Signed commands",
          type: "secure-design",
          annexI: ["MDR-18.8"],
          status: "verified",
          evidence: [{ method: "penetration-test", reference: "PT-7", result: "passed", date: "2026-01-02" }],
        },
      ],
    });
    const rows = table(buildDocument("annex-i-checklist", input), "requirements").rows;
    const lay = rows.find((r) => r.id === "MDR-22.1")!;
    expect(lay).toMatchObject({ applicable: "no", state: "Not applicable", justification: "Used by trained hospital staff only, never by lay persons." });
    const access = rows.find((r) => r.id === "MDR-18.8")!;
    expect(access.state).toBe("Evidenced");
    expect(access.controls).toContain("ctl-x");
    expect(access.evidence).toContain("PT-7 (penetration test, passed, 2026-01-02)");
  });
});

describe("threat model report", () => {
  it("lists every threat id, with its explanation, and every element", () => {
    const input = demoInput();
    const doc = buildDocument("threat-model", input);
    const md = renderMarkdown(doc);
    expect(input.analysis.threats.length).toBeGreaterThan(50);
    for (const t of input.analysis.threats) expect(md).toContain(`\`${t.id}\``);
    for (const e of input.file.model.elements) expect(md).toContain(e.id);
    const replay = input.analysis.threats.find((t) => t.id === "therapy-command-replay@app-therapy-commands")!;
    for (const line of replay.explanation) expect(md).toContain(`- ${line}`);
    expect(table(doc, "coverage").rows).toHaveLength(input.analysis.coverage.length);
    expect(doc.blocks.filter((b) => b.kind === "diagram").map((b) => (b.kind === "diagram" ? b.id : ""))).toEqual([
      ...input.file.model.diagrams.map((d) => `diagram-${d.id}`),
      "whole-model",
    ]);
  });

  it("shows flows with protocol, channel, encryption and authentication", () => {
    const flows = table(buildDocument("threat-model", minimalInput()), "flows").rows;
    expect(flows[0]).toMatchObject({ id: "pdms-to-pump", protocol: "HL7 v2 over MLLP", channel: "Ethernet", encryption: "no", authFrom: "no", authTo: "no", crosses: "yes" });
  });
});

describe("risk management report", () => {
  it("lists every threat id and every unacceptable residual risk", () => {
    const input = demoInput();
    const doc = buildDocument("risk-management-report", input);
    const md = renderMarkdown(doc);
    for (const t of input.analysis.threats) expect(md).toContain(t.id);
    const unacceptable = reportContext(input).overview.risks.filter((r) => !r.after.acceptable).map((r) => r.threatId);
    expect(unacceptable.length).toBeGreaterThan(0);
    expect(table(doc, "unacceptable-residual-risks").rows.map((r) => r.id)).toEqual(unacceptable);
    expect(table(doc, "threats").rows).toHaveLength(input.analysis.threats.length);
    expect(md).toContain("cannot be judged acceptable yet");
    expect(md).toMatch(/\d+ threats are still open/);
  });

  it("states the project's acceptance criteria and hazards", () => {
    const doc = buildDocument("risk-management-report", demoInput());
    expect(table(doc, "acceptability-matrix").rows[0]).toMatchObject({ exploitability: "High", negligible: "acceptable", minor: "unacceptable" });
    expect(table(doc, "hazards").rows.map((r) => r.id)).toEqual(["insulin-overdose", "insulin-underdose", "missed-alarm"]);
    expect(table(doc, "evidence").rows.map((r) => r.reference)).toContain("TR-0412 dose limit verification");
  });

  it("concludes acceptable only when every threat is decided and no residual risk is unacceptable", () => {
    const input = minimalInput();
    const ids = input.analysis.threats.map((t) => t.id);
    const decided = withAssessment(input, { threats: ids.map((id) => ({ id, status: "not-applicable", justification: "Out of scope for this test model." })) });
    const md = renderMarkdown(buildDocument("risk-management-report", decided));
    expect(md).toContain("The overall residual cybersecurity risk is acceptable.");
    expect(md).toContain("No threat has an unacceptable residual risk.");

    const mitigatedButUnscored = withAssessment(input, { threats: ids.map((id) => ({ id, status: "mitigated", justification: "Mitigated by design, see the design review." })) });
    const md2 = renderMarkdown(buildDocument("risk-management-report", mitigatedButUnscored));
    expect(md2).toContain("cannot be judged acceptable yet");
    expect(md2).toContain("Every threat has a decision.");
    expect(md2).not.toMatch(/\d+ threats? (is|are) still open/);

    const open = renderMarkdown(buildDocument("risk-management-report", input));
    expect(open).toContain(`${ids.length} threats are still open`);
  });

  it("draws one diagram per model diagram and the whole model", () => {
    const doc = buildDocument("risk-management-report", minimalInput());
    const diagrams = doc.blocks.filter((b): b is Extract<Block, { kind: "diagram" }> => b.kind === "diagram");
    expect(diagrams.map((d) => d.id)).toEqual(["diagram-context", "whole-model"]);
    expect(diagrams[0].mermaid).toMatch(/^flowchart TB/);
  });

  it("says where a diagram too large to read on a page is listed instead of drawing it", () => {
    const many = Array.from({ length: MAX_DRAWN_ELEMENTS + 1 }, (_, i) => `  - { id: p${i}, type: process, name: Process ${i} }`).join("\n");
    const input = inputOf(minimalText().replace("elements:\n", `elements:\n${many}\n`));
    const doc = buildDocument("risk-management-report", input);
    expect(doc.blocks.some((b) => b.kind === "diagram" && b.id === "whole-model")).toBe(false);
    expect(doc.blocks.some((b) => b.kind === "diagram" && b.id === "diagram-context")).toBe(true);
    expect(renderMarkdown(doc)).toContain(`Whole model: ${MAX_DRAWN_ELEMENTS + 3} elements are too many to draw legibly on a page`);
  });
});

describe("names that look like Markdown or HTML", () => {
  it("are escaped in every document", () => {
    const input = minimalInput({ name: "<img src=x onerror=alert(1)> | *Pump*" });
    input.file.model.elements[0].name = "Pump <script>alert(1)</script> | v2";
    for (const id of DOCUMENT_IDS) {
      const md = renderMarkdown(buildDocument(id, input));
      expect(md).not.toMatch(/<img|<script/);
      expect(md).toContain("&lt;img src=x onerror=alert(1)&gt; \\| \\*Pump\\*");
    }
  });
});
