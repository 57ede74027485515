import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { serializeProject, validateProjectText } from "../../../lib/project/file";
import { run } from "../cli-run";
import { EXAMPLE_PATH, fixturePath } from "../model/helpers";

const dir = mkdtempSync(path.join(tmpdir(), "medthreat-diff-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Writes a changed copy of the example project file: app-therapy-commands gets replay protection, a hazard gets worse. */
function writeChanged(): string {
  const result = validateProjectText(readFileSync(EXAMPLE_PATH, "utf8"));
  if (!result.ok) throw new Error("the example project file should be valid");
  const project = structuredClone({ model: result.model, assessment: result.assessment });
  project.model.flows.find((f) => f.id === "app-therapy-commands")!.replayProtection = true;
  project.assessment!.hazards.find((h) => h.id === "missed-alarm")!.severity = "catastrophic";
  const file = path.join(dir, "changed.yaml");
  writeFileSync(file, serializeProject(project, "yaml"));
  return file;
}

describe("medthreat diff", () => {
  it("exits 0 without differences, also against the canonical export of the same project", async () => {
    const same = await run("diff", EXAMPLE_PATH, EXAMPLE_PATH);
    expect(same.code).toBe(0);
    expect(same.out).toBe("No differences.\n");
    const result = validateProjectText(readFileSync(EXAMPLE_PATH, "utf8"));
    if (!result.ok) throw new Error("invalid example");
    const json = path.join(dir, "same.json");
    writeFileSync(json, serializeProject(result, "json"));
    expect((await run("diff", EXAMPLE_PATH, json, "--format", "json")).code).toBe(0);
  });

  it("exits 1 with differences and names the changed ids in Markdown", async () => {
    const changed = writeChanged();
    const md = await run("diff", EXAMPLE_PATH, changed, "--format", "md");
    expect(md.code).toBe(1);
    expect(md.err).toBe("");
    expect(md.out).toContain("`app-therapy-commands`");
    expect(md.out).toContain("replayProtection: false → true");
    expect(md.out).toContain("`therapy-command-replay@app-therapy-commands`");
    expect(md.out).toContain("`missed-alarm`");
    const text = await run("diff", EXAMPLE_PATH, changed);
    expect(text.code).toBe(1);
    expect(text.out).toContain("~ [flow] Flow app-therapy-commands changed: replayProtection: false → true.");
    const json = JSON.parse((await run("diff", EXAMPLE_PATH, changed, "-f", "json")).out);
    expect(json.summary.byArea.hazard).toEqual({ added: 0, removed: 0, changed: 1 });
  });

  it("exits 2 on wrong usage and on a missing or invalid file", async () => {
    expect((await run("diff", EXAMPLE_PATH)).code).toBe(2);
    expect((await run("diff", EXAMPLE_PATH, EXAMPLE_PATH, "--format", "pdf")).code).toBe(2);
    const missing = await run("diff", EXAMPLE_PATH, path.join(dir, "nope.yaml"));
    expect(missing.code).toBe(2);
    expect(missing.err).toContain("no such file");
    const invalid = await run("diff", fixturePath("broken-unknown-element.yaml"), EXAMPLE_PATH);
    expect(invalid.code).toBe(2);
    expect(invalid.out).toBe("");
    expect(invalid.err).toContain("broken-unknown-element.yaml");
  });

  it("documents its exit codes", async () => {
    const help = await run("diff", "--help");
    expect(help.code).toBe(0);
    expect(help.out).toContain("0 no differences, 1 differences found, 2 wrong usage");
  });
});
