import { describe, expect, it } from "vitest";
import { serializeProject, validateProjectText } from "@/lib/project/file";
import { reportInputFromBaseline, reportInputFromProjectFile, sourceSlug } from "@/lib/reports/input";
import { contentHash, writeBaselineContent } from "@/lib/review/baseline";
import { analyzeModel, LIBRARY_VERSION } from "@/lib/threats";
import { parseRuleFile } from "@/lib/threats/custom-rules";
import { exampleText } from "../../helpers/models";
import { CUSTOM_RULES, minimalText, OPTIONS } from "./fixtures";

describe("reportInputFromProjectFile", () => {
  it("validates, analyses and names the source", () => {
    const result = reportInputFromProjectFile(exampleText(), OPTIONS);
    if (!result.ok) throw new Error("expected ok");
    const { input } = result;
    expect(input.source).toEqual({ kind: "file", label: "file pump.yaml", contentHash: expect.stringMatching(/^[0-9a-f]{64}$/), date: "2026-11-20" });
    expect(input.generatorVersion).toBe("9.9.9");
    expect(input.file.assessment?.controls.length).toBeGreaterThan(0);
    expect(input.analysis.threats.map((t) => t.id)).toEqual(analyzeModel(input.file.model).threats.map((t) => t.id));
  });

  it("hashes the canonical project file, so formatting does not change the hash but content and rules do", () => {
    const parsed = validateProjectText(exampleText());
    if (!parsed.ok) throw new Error("invalid example");
    const hash = (text: string, rules?: string[]) => {
      const r = reportInputFromProjectFile(text, { ...OPTIONS, rules });
      if (!r.ok) throw new Error(r.errors[0].message);
      return r.input.source.contentHash;
    };
    const yaml = hash(exampleText());
    expect(hash(serializeProject(parsed, "json"))).toBe(yaml);
    expect(hash(exampleText().replace("version: 2.3.0", "version: 2.3.1"))).not.toBe(yaml);
    expect(hash(exampleText(), [CUSTOM_RULES])).not.toBe(yaml);
  });

  it("applies custom rules", () => {
    const r = reportInputFromProjectFile(minimalText(), { ...OPTIONS, rules: [CUSTOM_RULES] });
    if (!r.ok) throw new Error("expected ok");
    expect(r.input.analysis.threats.map((t) => t.id)).toContain("acme-no-audit-log@pump");
  });

  it("refuses an invalid project, an invalid rule file and a bad date, saying where", () => {
    const bad = reportInputFromProjectFile(minimalText().replace("to: pump", "to: pmp"), OPTIONS);
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.errors.some((e) => e.message.includes('"pmp"'))).toBe(true);
    const rules = reportInputFromProjectFile(minimalText(), { ...OPTIONS, rules: [CUSTOM_RULES, "medthreatRules: 2\nrules: []\n"] });
    expect(rules.ok).toBe(false);
    if (!rules.ok) expect(rules.errors[0].path).toMatch(/^rule file 2: /);
    const date = reportInputFromProjectFile(minimalText(), { ...OPTIONS, date: "20 Nov 2026" });
    expect(date.ok).toBe(false);
  });

  it("names a revision when one is given", () => {
    const r = reportInputFromProjectFile(minimalText(), { ...OPTIONS, label: "revision 7", revision: 7 });
    if (!r.ok) throw new Error("expected ok");
    expect(r.input.source).toMatchObject({ kind: "revision", revision: 7, label: "revision 7" });
  });
});

describe("reportInputFromBaseline", () => {
  function baselineContent(rules = { organisation: "", project: CUSTOM_RULES }) {
    const parsed = validateProjectText(exampleText());
    if (!parsed.ok) throw new Error("invalid example");
    const custom = parseRuleFile(rules.project);
    if (!custom.ok) throw new Error("invalid rules");
    const threats = analyzeModel(parsed.model, custom.rules).threats;
    return writeBaselineContent({ revision: 5, libraryVersion: LIBRARY_VERSION, rules, file: { model: parsed.model, assessment: parsed.assessment }, threats });
  }

  it("uses the baseline's hash, revision, date and stored threats", () => {
    const content = baselineContent();
    const r = reportInputFromBaseline(content, { name: "Submission 1", createdAt: "2026-10-05T08:00:00.000Z" }, "1.2.3");
    if (!r.ok) throw new Error(r.errors[0].message);
    expect(r.input.source).toEqual({ kind: "baseline", label: 'baseline "Submission 1"', contentHash: contentHash(content), date: "2026-10-05", revision: 5 });
    const stored = JSON.parse(content).threats.map((t: { id: string }) => t.id);
    expect(r.input.analysis.threats.map((t) => t.id)).toEqual(stored);
    expect(stored).toContain("acme-no-audit-log@cgm");
    const covered = r.input.analysis.coverage.flatMap((c) => c.categories.flatMap((k) => k.threatIds));
    expect([...covered].sort()).toEqual([...stored].sort());
  });

  it("reports the stored threats even when the rules would now find others", () => {
    const content = JSON.parse(baselineContent());
    content.threats = content.threats.slice(0, 3);
    content.libraryVersion = "2020.1.0";
    const text = JSON.stringify(content, null, 2) + "\n";
    const r = reportInputFromBaseline(text, { name: "Old", createdAt: "2020-01-02T00:00:00.000Z" }, "1.2.3");
    if (!r.ok) throw new Error(r.errors[0].message);
    expect(r.input.analysis.libraryVersion).toBe("2020.1.0");
    expect(r.input.analysis.threats).toHaveLength(3);
    expect(r.input.analysis.coverage.flatMap((c) => c.categories.flatMap((k) => k.threatIds))).toHaveLength(3);
  });

  it("refuses content that is not a baseline", () => {
    const r = reportInputFromBaseline("{}", { name: "x", createdAt: "2026-01-01" }, "1");
    expect(r.ok).toBe(false);
  });
});

describe("sourceSlug", () => {
  it("gives short file-name-safe names", () => {
    expect(sourceSlug({ kind: "baseline", label: 'baseline "Submission 1"', contentHash: "", date: "" })).toBe("baseline-submission-1");
    expect(sourceSlug({ kind: "revision", label: "revision 7", contentHash: "", date: "", revision: 7 })).toBe("revision-7");
    expect(sourceSlug({ kind: "file", label: "file pump.yaml", contentHash: "", date: "" })).toBe("file-pump-yaml");
    expect(sourceSlug({ kind: "file", label: "file ../../etc/passwd", contentHash: "", date: "" })).toBe("file-etc-passwd");
    expect(sourceSlug({ kind: "baseline", label: "baseline «»", contentHash: "", date: "" })).toBe("baseline");
  });
});
