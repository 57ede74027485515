import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { DOCUMENT_IDS } from "../../lib/reports/document";
import { contentHash, writeBaselineContent } from "../../lib/review/baseline";
import { validateProjectText } from "../../lib/project/file";
import { analyzeModel, LIBRARY_VERSION } from "../../lib/threats";
import { run } from "./cli-run";
import { EXAMPLE_PATH, fixturePath } from "./model/helpers";

const dir = mkdtempSync(path.join(tmpdir(), "medthreat-report-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => {
  delete process.env.SOURCE_DATE_EPOCH;
});
let serial = 0;
const out = () => path.join(dir, `out-${++serial}`);
const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";

function baselineFile(): { file: string; content: string } {
  const project = validateProjectText(readFileSync(EXAMPLE_PATH, "utf8"));
  if (!project.ok) throw new Error("example invalid");
  const file = { model: project.model, assessment: project.assessment };
  const content = writeBaselineContent({ revision: 4, libraryVersion: LIBRARY_VERSION, rules: { organisation: "", project: "" }, file, threats: analyzeModel(file.model).threats });
  const target = path.join(dir, "submission-1.baseline.json");
  writeFileSync(target, content);
  return { file: target, content };
}

describe("medthreat report", () => {
  it("writes every document as Markdown into a directory, the same bytes for the same date", async () => {
    const a = out();
    const b = out();
    const first = await run("report", EXAMPLE_PATH, "--doc", "all", "--format", "md", "--date", "2026-03-01", "-o", a);
    expect(first.code, first.err).toBe(0);
    expect(readdirSync(a).sort()).toEqual(DOCUMENT_IDS.map((d) => `${d}.md`).sort());
    expect((await run("report", EXAMPLE_PATH, "--format", "md", "--date", "2026-03-01", "-o", b)).code).toBe(0);
    for (const d of DOCUMENT_IDS) expect(readFileSync(path.join(b, `${d}.md`), "utf8")).toBe(readFileSync(path.join(a, `${d}.md`), "utf8"));
    const md = readFileSync(path.join(a, "annex-i-checklist.md"), "utf8");
    expect(md).toContain("GlucoFlow");
    expect(md).toContain("2026-03-01");
    expect(md).toContain("insulin-pump-system.yaml");
    expect(first.out).toContain(`wrote ${path.join(a, "annex-i-checklist.md")}`);
  });

  it("writes the tables as CSV files named after document and table, and one document's HTML to a file", async () => {
    const csvDir = out();
    const csv = await run("report", EXAMPLE_PATH, "--doc", "annex-i-checklist,threat-model", "--format", "csv", "--date", "2026-03-01", "-o", csvDir);
    expect(csv.code, csv.err).toBe(0);
    const names = readdirSync(csvDir);
    expect(names.length).toBeGreaterThan(1);
    for (const name of names) expect(name).toMatch(/^(annex-i-checklist|threat-model)-[\w-]+\.csv$/);
    expect(readFileSync(path.join(csvDir, names[0]), "utf8")).toContain("\r\n");

    const file = path.join(dir, "annex.html");
    const html = await run("report", EXAMPLE_PATH, "--doc", "annex-i-checklist", "--format", "html", "--date", "2026-03-01", "-o", file);
    expect(html.code, html.err).toBe(0);
    const text = readFileSync(file, "utf8");
    expect(text.toLowerCase()).toMatch(/^<!doctype html>/);
    expect(text).not.toMatch(/<script/i);
    expect(text).toContain("MDR-17.2");
  });

  it("reports progress as one JSON line per step with --progress json, with the content hash first", async () => {
    const result = await run("report", EXAMPLE_PATH, "--doc", "mds2", "--format", "md", "--format", "csv", "--date", "2026-03-01", "-o", out(), "--progress", "json");
    expect(result.code, result.err).toBe(0);
    const lines = result.err.trim().split("\n").map((l) => JSON.parse(l));
    expect(lines[1].contentHash).toMatch(/^[0-9a-f]{64}$/);
    const last = lines[lines.length - 1];
    expect(last.done).toBe(last.total);
    expect(last.total).toBe(2);
    const human = await run("report", EXAMPLE_PATH, "--doc", "mds2", "--format", "md", "--date", "2026-03-01", "-o", out());
    expect(human.err).toContain("[1/1] mds2.md");
  });

  it("makes documents from a baseline file: its name, its content hash, the date given", async () => {
    const { file, content } = baselineFile();
    const target = path.join(out(), "report.md");
    const result = await run("report", file, "--doc", "risk-management-report", "--format", "md", "--name", "Submission 1", "--date", "2026-02-03", "-o", target);
    expect(result.code, result.err).toBe(0);
    const md = readFileSync(target, "utf8");
    expect(md).toContain('baseline "Submission 1"');
    expect(md).toContain(contentHash(content));
    expect(md).toContain("2026-02-03");
    const byFileName = await run("report", file, "--doc", "mds2", "--format", "md", "-o", out());
    expect(byFileName.code).toBe(0);
    expect((await run("report", file, "--format", "md", "--rules", EXAMPLE_PATH, "-o", out())).code).toBe(2);
  });

  it("takes the date from SOURCE_DATE_EPOCH when --date is not given", async () => {
    process.env.SOURCE_DATE_EPOCH = String(Date.UTC(2025, 11, 24, 15) / 1000);
    const target = path.join(dir, "epoch.md");
    expect((await run("report", EXAMPLE_PATH, "--doc", "mds2", "--format", "md", "-o", target)).code).toBe(0);
    expect(readFileSync(target, "utf8")).toContain("2025-12-24");
  });

  it("adds documents.zip of the chosen formats", async () => {
    const target = out();
    const result = await run("report", EXAMPLE_PATH, "--doc", "mds2", "--format", "md,zip", "--date", "2026-03-01", "-o", target);
    expect(result.code, result.err).toBe(0);
    expect(readdirSync(target).sort()).toEqual(["documents.zip", "mds2.md"]);
    expect(readFileSync(path.join(target, "documents.zip")).subarray(0, 2).toString()).toBe("PK");
  });

  it("refuses wrong usage (2) and invalid input (1)", async () => {
    expect((await run("report", EXAMPLE_PATH, "--format", "md")).code).toBe(2);
    expect((await run("report", EXAMPLE_PATH, "--format", "rtf", "-o", out())).code).toBe(2);
    expect((await run("report", EXAMPLE_PATH, "--format", "md", "--doc", "novel", "-o", out())).code).toBe(2);
    expect((await run("report", EXAMPLE_PATH, "--format", "md", "--date", "2026-02-30", "-o", out())).code).toBe(2);
    expect((await run("report", EXAMPLE_PATH, "-o", out())).code).toBe(2);
    const existing = path.join(dir, "existing.txt");
    writeFileSync(existing, "x");
    expect((await run("report", EXAMPLE_PATH, "--format", "md", "-o", existing)).code).toBe(2);
    const broken = await run("report", fixturePath("broken-unknown-element.yaml"), "--format", "md", "-o", out());
    expect(broken.code).toBe(1);
    expect(broken.err).toContain("error");
    const rules = path.join(dir, "bad-rules.yaml");
    writeFileSync(rules, "medthreatRules: 1\nrules: [{ id: x }]\n");
    expect((await run("report", EXAMPLE_PATH, "--format", "md", "--rules", rules, "-o", out())).code).toBe(1);
    expect((await run("report", path.join(dir, "missing.yaml"), "--format", "md", "-o", out())).code).toBe(1);
  });

  it.skipIf(!existsSync(CHROMIUM))("prints a document to PDF with Chromium", { timeout: 120_000 }, async () => {
    const target = path.join(dir, "annex.pdf");
    const result = await run("report", EXAMPLE_PATH, "--doc", "annex-i-checklist", "--format", "pdf", "--date", "2026-03-01", "-o", target);
    expect(result.code, result.err).toBe(0);
    expect(readFileSync(target).subarray(0, 5).toString()).toBe("%PDF-");
  });
});
