import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { serializeProject, validateProjectText } from "../../lib/project/file";
import { EXAMPLE_PATH } from "./model/helpers";
import { run } from "./cli-run";

const example = readFileSync(EXAMPLE_PATH, "utf8");

function mustLoad(text: string) {
  const result = validateProjectText(text);
  if (!result.ok) throw new Error(result.errors.map((e) => `${e.path}: ${e.message}`).join("; "));
  return result;
}

describe("project files", () => {
  it("reads the demo's architecture and assessment", () => {
    const p = mustLoad(example);
    expect(p.model.elements).toHaveLength(17);
    expect(p.assessment?.hazards.map((h) => h.id)).toEqual(["insulin-overdose", "insulin-underdose", "missed-alarm"]);
    expect(p.assessment?.threats.find((t) => t.id === "therapy-remote-command-path@settings-proposal-to-app")?.controls).toHaveLength(3);
  });

  it("export → import → export gives identical bytes, with the assessment, in YAML and JSON", () => {
    for (const format of ["yaml", "json"] as const) {
      const first = serializeProject(mustLoad(example), format);
      const second = serializeProject(mustLoad(first), format);
      expect(second).toBe(first);
    }
  });

  it("writes the assessment after the architecture, threats sorted by id", () => {
    const text = serializeProject(mustLoad(example), "yaml");
    expect(text.indexOf("\nassessment:")).toBeGreaterThan(text.indexOf("\ndiagrams:"));
    const ids = [...text.matchAll(/^ {4}- id: (\S+@\S+)$/gm)].map((m) => m[1]);
    expect(ids).toEqual([...ids].sort());
  });

  it("refuses unknown hazards and controls, duplicate ids and invalid enums in the assessment, with paths and lines", () => {
    const bad = example
      .replace("hazard: insulin-underdose", "hazard: no-such-hazard")
      .replace("control: ctl-signed-updates-anti-rollback", "control: ctl-nope")
      .replace("severity: critical }", "severity: deadly }");
    const result = validateProjectText(bad);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const messages = result.errors.map((e) => `${e.path}: ${e.message}`);
    expect(messages).toEqual(
      expect.arrayContaining([expect.stringMatching(/^assessment\.hazards\[2\]\.severity: "deadly" is not one of/)]),
    );
    expect(result.errors.every((e) => e.line)).toBe(true);
    const refs = validateProjectText(example.replace("hazard: insulin-underdose", "hazard: no-such-hazard").replace("control: ctl-signed-updates-anti-rollback", "control: ctl-nope"));
    expect(refs.ok).toBe(false);
    if (!refs.ok)
      expect(refs.errors.map((e) => e.message)).toEqual(expect.arrayContaining(['unknown hazard "no-such-hazard"', 'unknown control "ctl-nope"']));
  });

  it("still reads a file with only the architecture", () => {
    const architecture = example.split(/^(?:# .*\n)*assessment:/m)[0];
    const p = mustLoad(architecture);
    expect(p.assessment).toBeUndefined();
  });
});

describe("medthreat analyze with an assessment", () => {
  it("shows each threat's risk before and after controls", async () => {
    const out = JSON.parse((await run("analyze", EXAMPLE_PATH, "--format", "json")).out);
    const remote = out.threats.find((t: { id: string }) => t.id === "therapy-remote-command-path@settings-proposal-to-app");
    expect(remote.status).toBe("mitigated");
    expect(remote.risk).toMatchObject({ kind: "safety", severity: "catastrophic", multiPatient: true });
    expect(remote.risk.before.acceptable).toBe(false);
    expect(remote.risk.after.acceptable).toBe(true);
  });

  it("--fail-on exits 1 and names each unacceptable residual risk at or above the band", async () => {
    const failing = await run("analyze", EXAMPLE_PATH, "--format", "csv", "--fail-on", "critical");
    expect(failing.code).toBe(1);
    expect(failing.err).toContain("unacceptable residual risk: process-tampering@pump (not scored)");
    expect(failing.err).not.toContain("therapy-remote-command-path@settings-proposal-to-app");
    expect(failing.err).not.toContain("therapy-command-replay@app-therapy-commands");
    expect(failing.err).toMatch(/\d+ threats have unacceptable residual risk at or above critical/);
    expect(failing.out.split("\r\n")[0]).toContain("residual risk acceptable");
    expect((await run("analyze", EXAMPLE_PATH, "--fail-on", "severe")).code).toBe(2);
  });

  it("--fail-on exits 0 when no residual risk is unacceptable", async () => {
    const { mkdtempSync, writeFileSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const file = `${mkdtempSync(`${tmpdir()}/mt-`)}/p.yaml`;
    writeFileSync(file, "medthreat: 1\nproject: { name: Quiet, device: { name: Q } }\nelements:\n  - { id: nurse, type: external-entity, name: Nurse, kind: person, role: clinician }\n");
    const quiet = await run("analyze", file, "--fail-on", "low");
    expect(quiet.code).toBe(0);
    expect(quiet.err).toBe("");
  });
});
