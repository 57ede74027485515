import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { EXAMPLE_RULE_FILE } from "../../lib/threats/example-rules";
import { run } from "./cli-run";
import { EXAMPLE_PATH, fixturePath } from "./model/helpers";

const dir = mkdtempSync(path.join(tmpdir(), "medthreat-analyze-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("medthreat analyze", () => {
  it("prints the threats as JSON, the same bytes every time", async () => {
    const a = await run("analyze", EXAMPLE_PATH, "--format", "json");
    const b = await run("analyze", EXAMPLE_PATH, "--format", "json");
    expect(a.code).toBe(0);
    expect(a.out).toBe(b.out);
    const json = JSON.parse(a.out);
    expect(json.threats.length).toBe(json.summary.threats);
    expect(json.threats.map((t: { id: string }) => t.id)).toContain("therapy-command-replay@app-therapy-commands");
    expect(json.coverage.length).toBe(17 + 21);
  });

  it("prints Markdown grouped by element with why each threat applies, and CSV with one row per threat", async () => {
    const md = await run("analyze", EXAMPLE_PATH, "--format", "md");
    expect(md.out).toMatch(/^# Threats: GlucoFlow/);
    expect(md.out).toContain("- Id: `therapy-command-replay@app-therapy-commands`");
    expect(md.out).toContain("- Why: assetKinds includes therapy-command");
    const csv = await run("analyze", EXAMPLE_PATH, "--format", "csv");
    const json = JSON.parse((await run("analyze", EXAMPLE_PATH, "--format", "json")).out);
    expect(csv.out.trimEnd().split("\r\n").length).toBe(json.threats.length + 1);
  });

  it("adds the threats of a rule file", async () => {
    const rules = path.join(dir, "rules.yaml");
    writeFileSync(rules, EXAMPLE_RULE_FILE.replace("{ fact: inbound.channels, has: usb }", "{ fact: inbound.channels, has: serial }").replace("{ fact: auditLog, is: false }", "{ fact: auditLog, is: true }"));
    const out = JSON.parse((await run("analyze", EXAMPLE_PATH, "--format", "json", "--rules", rules)).out);
    expect(out.threats.map((t: { id: string }) => t.id)).toContain("acme-service-laptop-usb@pump");
  });

  it("refuses a wrong format (2), an invalid rule file and an invalid model (1)", async () => {
    expect((await run("analyze", EXAMPLE_PATH, "--format", "pdf")).code).toBe(2);
    const rules = path.join(dir, "bad.yaml");
    writeFileSync(rules, "medthreatRules: 1\nrules: [{ id: x }]\n");
    const bad = await run("analyze", EXAMPLE_PATH, "--rules", rules);
    expect(bad.code).toBe(1);
    expect(bad.err).toContain("rules[0].title");
    const model = await run("analyze", fixturePath("broken-unknown-element.yaml"));
    expect(model.code).toBe(1);
    expect(model.out).toBe("");
  });
});
