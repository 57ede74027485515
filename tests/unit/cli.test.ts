import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { VERSION } from "../../lib/cli/main";
import { run } from "./cli-run";
import { modelJsonSchemaText } from "../../lib/model/json-schema";
import { validateModelText } from "../../lib/model/validate";
import { validateProjectText } from "../../lib/project/file";
import { EXAMPLE_PATH, fixturePath, mustValidateText, positionOf, readExample, readFixture, REPO_ROOT } from "./model/helpers";

const BROKEN = fixturePath("broken-unknown-element.yaml");

describe("help and usage", () => {
  it("--help exits 0 and lists the commands", async () => {
    const { code, out, err } = await run("--help");
    expect(code).toBe(0);
    expect(err).toBe("");
    for (const command of ["validate", "diagram", "export", "schema"]) expect(out).toMatch(new RegExp(`^  ${command} +\\S`, "m"));
  });

  it("<command> --help shows that command's usage", async () => {
    const { code, out } = await run("diagram", "--help");
    expect(code).toBe(0);
    expect(out).toContain("Usage: medthreat diagram <file>");
    expect(out).toContain("--diagram");
  });

  it("--version prints the version", async () => {
    const { code, out } = await run("--version");
    expect(code).toBe(0);
    expect(out.trim()).toBe(VERSION);
  });

  it("without a command it prints the general help on stderr and exits 2", async () => {
    const { code, out, err } = await run();
    expect(code).toBe(2);
    expect(out).toBe("");
    expect(err).toContain("Usage: medthreat <command>");
  });

  it("an unknown command exits 2 and names it", async () => {
    const { code, out, err } = await run("frobnicate");
    expect(code).toBe(2);
    expect(out).toBe("");
    expect(err).toContain('unknown command "frobnicate"');
    expect(err).toContain("Commands:");
  });

  it("validate without a file exits 2", async () => {
    const { code, err } = await run("validate");
    expect(code).toBe(2);
    expect(err).toContain("expected one model file, got 0");
    expect(err).toContain("Usage: medthreat validate <file>");
  });

  it("validate with two files exits 2", async () => {
    expect((await run("validate", EXAMPLE_PATH, EXAMPLE_PATH)).code).toBe(2);
  });

  it("an unknown option exits 2", async () => {
    const { code, err } = await run("validate", "--frobnicate", EXAMPLE_PATH);
    expect(code).toBe(2);
    expect(err).toContain("frobnicate");
  });
});

describe("validate", () => {
  it("a valid file exits 0 and says what it contains", async () => {
    const { code, out, err } = await run("validate", EXAMPLE_PATH);
    expect(code).toBe(0);
    expect(err).toBe("");
    expect(out).toContain(`${EXAMPLE_PATH}: valid (17 elements, 21 flows, 7 trust boundaries, 3 diagrams)`);
  });

  it("an invalid file exits 1 and prints each error with its path, line and column", async () => {
    const { code, out, err } = await run("validate", BROKEN);
    expect(code).toBe(1);
    expect(out).toBe("");
    const { line, column } = positionOf(readFixture("broken-unknown-element.yaml"), "to: pmp");
    expect(err).toContain(`${BROKEN}: flows[3].to: unknown element "pmp" (line ${line}, column ${column + "to: ".length})`);
    expect(err).toMatch(/flows\[\d+\]\.to: unknown element "pmp" \(line \d+, column \d+\)/);
    expect(err.trimEnd().endsWith(`${BROKEN}: 1 error`)).toBe(true);
  });

  it("counts every error of a file with several", async () => {
    const file = fixturePath("broken-three-errors.yaml");
    const { code, err } = await run("validate", file);
    expect(code).toBe(1);
    expect(err).toContain(`${file}: 3 errors`);
    expect(err.split("\n").filter((l) => / \(line \d+, column \d+\)$/.test(l))).toHaveLength(3);
  });

  it("prints warnings on stderr but still exits 0", async () => {
    const file = fixturePath("warnings-only.yaml");
    const { code, out, err } = await run("validate", file);
    expect(code).toBe(0);
    expect(out).toContain("valid");
    expect(err).toContain(`${file}: warning: elements[1]: "spare" is on no diagram`);
    expect(err).toContain("warning: boundaries[0].contains");
  });

  it("a syntax error exits 1 with its position", async () => {
    const { code, err } = await run("validate", fixturePath("broken-syntax.json"));
    expect(code).toBe(1);
    expect(err).toMatch(/\(file\): syntax error: .*\(line 5, column \d+\)/);
  });

  it("a missing file exits 1 with \"no such file\"", async () => {
    const missing = path.join(REPO_ROOT, "tests/fixtures/models/does-not-exist.yaml");
    const { code, err } = await run("validate", missing);
    expect(code).toBe(1);
    expect(err).toContain(`${missing}: no such file`);
  });

  it("a directory exits 1", async () => {
    const { code, err } = await run("validate", path.join(REPO_ROOT, "tests/fixtures/models"));
    expect(code).toBe(1);
    expect(err).toContain("is a directory");
  });
});

describe("diagram", () => {
  it("prints the Mermaid flowchart of the whole model", async () => {
    const { code, out } = await run("diagram", EXAMPLE_PATH);
    expect(code).toBe(0);
    expect(out.startsWith("flowchart LR\n")).toBe(true);
    for (const id of ["el_pump", "el_cgm", "el_hospital_ehr", "el_signing_keys"]) expect(out).toContain(id);
  });

  it("--diagram prints only that diagram's elements", async () => {
    const model = mustValidateText(readExample());
    const shown = model.diagrams.find((d) => d.id === "update-path")!.elements;
    const { code, out } = await run("diagram", EXAMPLE_PATH, "--diagram", "update-path");
    expect(code).toBe(0);
    expect(out.startsWith("flowchart LR\n")).toBe(true);
    const drawn = [...out.matchAll(/^\s*el_(\w+)[[(]/gm)].map((m) => m[1].replace(/_/g, "-")).sort();
    expect(drawn).toEqual([...shown].sort());
    expect(out).not.toContain("el_cgm");
  });

  it("-d is short for --diagram", async () => {
    const long = await run("diagram", EXAMPLE_PATH, "--diagram", "therapy-path");
    const short = await run("diagram", EXAMPLE_PATH, "-d", "therapy-path");
    expect(short).toEqual(long);
  });

  it("an unknown diagram exits 2 and lists the diagrams there are", async () => {
    const { code, out, err } = await run("diagram", EXAMPLE_PATH, "--diagram", "nope");
    expect(code).toBe(2);
    expect(out).toBe("");
    expect(err).toContain('the model has no diagram "nope"');
    expect(err).toContain('"update-path"');
  });

  it("--list prints the diagram ids and names", async () => {
    const { code, out } = await run("diagram", EXAMPLE_PATH, "--list");
    expect(code).toBe(0);
    expect(out.trim().split("\n")).toEqual(["system-context\tSystem context", "therapy-path\tTherapy command path", "update-path\tFirmware update path"]);
  });

  it("an invalid model exits 1 and prints no diagram", async () => {
    const { code, out } = await run("diagram", BROKEN);
    expect(code).toBe(1);
    expect(out).toBe("");
  });
});

describe("export and schema", () => {
  const tmp = mkdtempSync(path.join(tmpdir(), "medthreat-cli-"));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it("--format json prints JSON that re-validates to the same project", async () => {
    const { code, out } = await run("export", EXAMPLE_PATH, "--format", "json");
    expect(code).toBe(0);
    const data = JSON.parse(out);
    expect(data.medthreat).toBe(1);
    expect(data.assessment.hazards.length).toBeGreaterThan(0);
    const result = validateProjectText(out);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.model.elements.map((e) => e.id).sort()).toEqual(mustValidateText(readExample()).elements.map((e) => e.id).sort());
  });

  it("the default format is YAML; its export to JSON with -o equals the direct JSON export", async () => {
    const yaml = await run("export", EXAMPLE_PATH);
    expect(yaml.code).toBe(0);
    expect(yaml.out.startsWith("medthreat: 1\n")).toBe(true);
    const yamlFile = path.join(tmp, "exported.yaml");
    writeFileSync(yamlFile, yaml.out);

    const direct = path.join(tmp, "direct.json");
    const viaYaml = path.join(tmp, "via-yaml.json");
    const first = await run("export", EXAMPLE_PATH, "--format", "json", "-o", direct);
    const second = await run("export", yamlFile, "-f", "json", "-o", viaYaml);
    expect([first.code, second.code]).toEqual([0, 0]);
    expect(first.out + second.out).toBe("");
    expect(readFileSync(viaYaml, "utf8")).toBe(readFileSync(direct, "utf8"));
  });

  it("an unknown --format exits 2", async () => {
    const { code, err } = await run("export", EXAMPLE_PATH, "--format", "xml");
    expect(code).toBe(2);
    expect(err).toContain('--format must be yaml or json, not "xml"');
  });

  it("schema prints the JSON Schema", async () => {
    const { code, out } = await run("schema");
    expect(code).toBe(0);
    expect(out).toBe(modelJsonSchemaText());
  });
});

describe("the real bin", () => {
  const bin = (...args: string[]) =>
    spawnSync(process.execPath, ["bin/medthreat.mjs", ...args], { cwd: REPO_ROOT, encoding: "utf8", timeout: 60_000 });

  it("exits 0 for the example and 1 for a broken fixture", () => {
    const ok = bin("validate", "examples/insulin-pump-system.yaml");
    expect(ok.error).toBeUndefined();
    expect(ok.stderr).toBe("");
    expect(ok.stdout).toContain("examples/insulin-pump-system.yaml: valid");
    expect(ok.status).toBe(0);

    const broken = bin("validate", "tests/fixtures/models/broken-unknown-element.yaml");
    expect(broken.status).toBe(1);
    expect(broken.stderr).toMatch(/flows\[3\]\.to: unknown element "pmp" \(line \d+, column \d+\)/);
  });
});
