import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { baselineProjectText, BaselineName, contentHash, readBaselineContent, SignOffInput, workingCopyStatus, writeBaselineContent, type BaselineSnapshot } from "@/lib/review/baseline";
import { serializeProject, validateProjectText } from "@/lib/project/file";
import { analyzeModel, LIBRARY_VERSION } from "@/lib/threats";
import { diffProjects } from "@/lib/trace/diff";
import { exampleText } from "../../helpers/models";

function example(): BaselineSnapshot {
  const result = validateProjectText(exampleText());
  if (!result.ok) throw new Error("example invalid");
  return {
    revision: 4,
    libraryVersion: LIBRARY_VERSION,
    rules: { organisation: "", project: "medthreatRules: 1\nrules: []\n" },
    file: { model: result.model, assessment: result.assessment },
    threats: analyzeModel(result.model).threats,
  };
}

const snapshot = (s: BaselineSnapshot) => ({ model: s.file.model, assessment: s.file.assessment, threats: s.threats });

describe("baseline content", () => {
  it("reads back what was written, with no semantic difference", () => {
    const original = example();
    const content = writeBaselineContent(original);
    const read = readBaselineContent(content);
    if (!read.ok) throw new Error(read.message);
    expect(read.revision).toBe(4);
    expect(read.libraryVersion).toBe(LIBRARY_VERSION);
    expect(read.rules).toEqual(original.rules);
    expect(read.threats.map((t) => t.id)).toEqual(original.threats.map((t) => t.id));
    expect(diffProjects(snapshot(original), snapshot(read)).changes).toEqual([]);
  });

  it("is the same text for the same project, so its hash is stable", () => {
    const a = writeBaselineContent(example());
    const b = writeBaselineContent(example());
    expect(a).toBe(b);
    expect(contentHash(a)).toBe(createHash("sha256").update(a).digest("hex"));
    expect(contentHash(a)).toMatch(/^[0-9a-f]{64}$/);
    expect(contentHash(a + " ")).not.toBe(contentHash(a));
  });

  it("gives the project file as canonical YAML or JSON", () => {
    const s = example();
    const content = writeBaselineContent(s);
    expect(baselineProjectText(content, "yaml")).toBe(serializeProject(s.file, "yaml"));
    expect(JSON.parse(baselineProjectText(content, "json")!).project.name).toBe(s.file.model.project.name);
  });

  it("refuses content that is not a baseline", () => {
    expect(readBaselineContent("not json").ok).toBe(false);
    expect(readBaselineContent(JSON.stringify({ medthreatBaseline: 2 })).ok).toBe(false);
    const broken = JSON.parse(writeBaselineContent(example()));
    broken.project = "medthreat: 1\nproject: {}\n";
    expect(readBaselineContent(JSON.stringify(broken)).ok).toBe(false);
    expect(baselineProjectText("{}", "yaml")).toBeUndefined();
  });
});

describe("working copy status", () => {
  it("says unchanged, or how many changes there are", () => {
    const before = example();
    expect(workingCopyStatus(diffProjects(snapshot(before), snapshot(before)))).toMatchObject({ changed: false, text: "unchanged since baseline" });
    const after = structuredClone(before);
    after.file.model.flows[0].name += " (edited)";
    after.file.model.project.intendedPurpose += " More.";
    const status = workingCopyStatus(diffProjects(snapshot(before), snapshot(after)));
    expect(status).toMatchObject({ changed: true, changes: 2, text: "working copy has changed since this baseline (2 changes)" });
  });

  it("counts edited rules and a new threat library as moving on", () => {
    const same = diffProjects(snapshot(example()), snapshot(example()));
    expect(workingCopyStatus(same, { rulesChanged: true })).toMatchObject({ changed: true, text: "working copy has changed since this baseline (custom rules edited)" });
    expect(workingCopyStatus(same, { libraryChanged: true }).changed).toBe(true);
  });
});

describe("names and statements", () => {
  it("needs a name and a statement of some substance", () => {
    expect(BaselineName.safeParse("  Design review 1 ").data).toBe("Design review 1");
    expect(BaselineName.safeParse("   ").success).toBe(false);
    expect(BaselineName.safeParse("x".repeat(121)).success).toBe(false);
    expect(SignOffInput.safeParse({ statement: "ok" }).success).toBe(false);
    expect(SignOffInput.safeParse({ statement: "Reviewed and approved." }).success).toBe(true);
  });
});
