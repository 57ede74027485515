import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { validateProjectText, type ProjectFile } from "../../../lib/project/file";
import { diffProjects, formatDiff, type Change } from "../../../lib/trace/diff";
import { EXAMPLE_PATH } from "../model/helpers";

type Project = Required<ProjectFile>;

function loadExample(): Project {
  const result = validateProjectText(readFileSync(EXAMPLE_PATH, "utf8"));
  if (!result.ok || !result.assessment) throw new Error("the example project file should be valid");
  return { model: result.model, assessment: result.assessment };
}

const BASE = loadExample();

/** A copy of the example with `edit` applied. */
function variant(edit: (p: Project) => void): Project {
  const p = structuredClone(BASE);
  edit(p);
  return p;
}

const brief = (changes: Change[]) => changes.map((c) => `${c.area} ${c.kind} ${c.id}`);
const find = (changes: Change[], area: Change["area"], id: string) => changes.find((c) => c.area === area && c.id === id);
const flow = (p: Project, id: string) => p.model.flows.find((f) => f.id === id)!;
const threat = (p: Project, id: string) => p.assessment.threats.find((t) => t.id === id)!;

describe("diffProjects", () => {
  it("finds no change between identical projects", () => {
    const diff = diffProjects(BASE, structuredClone(BASE));
    expect(diff.changes).toEqual([]);
    expect(diff.summary).toMatchObject({ added: 0, removed: 0, changed: 0 });
    expect(diff.summary.byArea.flow).toEqual({ added: 0, removed: 0, changed: 0 });
    expect(formatDiff(diff, "text")).toBe("No differences.\n");
  });

  it("finds no change when every list is in another order", () => {
    const reversed = variant((p) => {
      const m = p.model;
      const a = p.assessment;
      for (const list of [m.assets, m.elements, m.flows, m.boundaries, m.diagrams, m.project.assumptions, m.project.environments, m.project.intendedUsers])
        list.reverse();
      for (const b of m.boundaries) b.contains.reverse();
      for (const d of m.diagrams) d.elements.reverse();
      for (const f of m.flows) f.assets.reverse();
      for (const e of m.elements) if (e.type === "process") e.thirdPartySoftware.reverse();
      for (const list of [a.hazards, a.controls, a.threats, a.requirements]) list.reverse();
      for (const c of a.controls) c.evidence.reverse();
      for (const t of a.threats) t.controls.reverse();
    });
    expect(diffProjects(BASE, reversed).changes).toEqual([]);
  });

  it("reports an added element and flow, and the threats they bring", () => {
    const after = variant((p) => {
      p.model.elements.push({
        id: "smartwatch",
        type: "process",
        name: "Smartwatch companion",
        technology: "mobile-app",
        clinicalFunctions: ["monitoring"],
        patientReach: "single",
        parsesUntrustedInput: false,
        runsPrivileged: false,
        auditLog: false,
        batteryPowered: true,
        holdsSecrets: false,
        encryptedAtRest: false,
        update: { method: "app-store", codeSigned: true, rollbackProtection: true },
        thirdPartySoftware: [],
        description: "",
        tags: [],
      });
      p.model.flows.push({ ...structuredClone(flow(p, "cgm-readings-to-app")), id: "app-to-watch", name: "Glucose on the wrist", from: "phone-app", to: "smartwatch" });
    });
    const { changes, summary } = diffProjects(BASE, after);
    expect(brief(changes.filter((c) => c.area !== "threat"))).toEqual(["element added smartwatch", "flow added app-to-watch"]);
    expect(find(changes, "element", "smartwatch")?.text).toBe("Added element smartwatch (Smartwatch companion).");
    const threats = changes.filter((c) => c.area === "threat");
    expect(threats.length).toBeGreaterThan(0);
    for (const t of threats) {
      expect(t.kind).toBe("added");
      expect(t.id).toMatch(/@(smartwatch|app-to-watch)$/);
    }
    expect(summary.byArea.element).toEqual({ added: 1, removed: 0, changed: 0 });
    expect(summary.added).toBe(2 + threats.length);
  });

  it("reports a changed flow attribute and the threat it makes obsolete", () => {
    const after = variant((p) => (flow(p, "app-therapy-commands").replayProtection = true));
    const { changes } = diffProjects(BASE, after);
    expect(brief(changes)).toEqual(["flow changed app-therapy-commands", "threat removed therapy-command-replay@app-therapy-commands"]);
    expect(changes[0].details).toEqual([{ path: "replayProtection", before: false, after: true }]);
    expect(changes[0].text).toBe("Flow app-therapy-commands changed: replayProtection: false → true.");
    expect(changes[1].text).toContain("Threat therapy-command-replay@app-therapy-commands");
    expect(changes[1].text).toContain("obsolete");
  });

  it("reports nested attributes and list items of a changed flow", () => {
    const after = variant((p) => {
      const f = flow(p, "signing-key-use");
      f.encryption = { enabled: true, method: "PKCS#11 secure messaging" };
      f.assets = [...f.assets, "pump-firmware"];
    });
    const change = find(diffProjects(BASE, after).changes, "flow", "signing-key-use")!;
    expect(change.details).toEqual([
      { path: "assets", after: "pump-firmware" },
      { path: "encryption.enabled", before: false, after: true },
      { path: "encryption.method", before: "", after: "PKCS#11 secure messaging" },
    ]);
    expect(change.text).toBe('Flow signing-key-use changed: assets: +pump-firmware; encryption.enabled: false → true; encryption.method: "" → "PKCS#11 secure messaging".');
  });

  it("reports a removed boundary membership on the boundary and on the element", () => {
    const after = variant((p) => {
      const onBody = p.model.boundaries.find((b) => b.id === "on-body")!;
      onBody.contains = onBody.contains.filter((id) => id !== "cgm");
    });
    const { changes } = diffProjects(BASE, after);
    expect(find(changes, "boundary", "on-body")?.details).toEqual([{ path: "contains", before: "cgm" }]);
    expect(find(changes, "element", "cgm")?.details).toEqual([{ path: "boundary", before: "on-body", after: null }]);
    expect(find(changes, "element", "cgm")?.text).toBe("Element cgm changed: taken out of boundary on-body.");
  });

  it("reports an element moved to another boundary", () => {
    const after = variant((p) => {
      const phone = p.model.boundaries.find((b) => b.id === "smartphone")!;
      const home = p.model.boundaries.find((b) => b.id === "patient-home")!;
      phone.contains = phone.contains.filter((id) => id !== "phone-storage");
      home.contains.push("phone-storage");
    });
    expect(find(diffProjects(BASE, after).changes, "element", "phone-storage")?.text).toBe(
      "Element phone-storage changed: moved from boundary smartphone to patient-home.",
    );
  });

  it("reports a decision change", () => {
    const after = variant((p) => {
      const t = threat(p, "update-downgrade@pump");
      t.status = "mitigated";
      t.justification = "Anti-rollback counter shipped in 2.4 (TR-0450).";
    });
    const { changes } = diffProjects(BASE, after);
    expect(brief(changes)).toEqual(["decision changed update-downgrade@pump"]);
    expect(changes[0].details).toEqual([
      { path: "status", before: "open", after: "mitigated" },
      { path: "justification", before: "", after: "Anti-rollback counter shipped in 2.4 (TR-0450)." },
    ]);
  });

  it("reports control link changes of a threat with its decision", () => {
    const after = variant((p) => {
      const t = threat(p, "update-downgrade@pump");
      t.controls[0].status = "implemented";
      t.controls.push({ control: "ctl-sbom-vulnerability-monitoring", status: "proposed", rationale: "" });
    });
    const change = find(diffProjects(BASE, after).changes, "decision", "update-downgrade@pump")!;
    expect(change.details).toEqual([
      { path: "controls", after: "ctl-sbom-vulnerability-monitoring" },
      { path: "controls[ctl-signed-updates-anti-rollback].status", before: "proposed", after: "implemented" },
    ]);
  });

  it("reports a residual risk that becomes acceptable through a new after-vector", () => {
    const vector = "CVSS:3.1/AV:P/AC:H/PR:H/UI:R/S:U/C:N/I:L/A:L";
    const after = variant((p) => (threat(p, "embedded-serial-console-unauthenticated@service-console").after.cvss31 = vector));
    const { changes } = diffProjects(BASE, after);
    expect(brief(changes)).toEqual(["risk changed embedded-serial-console-unauthenticated@service-console"]);
    expect(changes[0].details).toEqual([
      { path: "after.cvss31", before: "", after: vector },
      { path: "residualRisk", before: "unacceptable", after: "acceptable" },
    ]);
    expect(changes[0].text).toContain("residual risk became acceptable");
  });

  it("reports a residual risk that becomes unacceptable through a worse after-vector", () => {
    const vector = "CVSS:3.1/AV:A/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H";
    const after = variant((p) => (threat(p, "alarm-delivery-suppression@pump-status-to-app").after.cvss31 = vector));
    const change = find(diffProjects(BASE, after).changes, "risk", "alarm-delivery-suppression@pump-status-to-app")!;
    expect(change.details.at(-1)).toEqual({ path: "residualRisk", before: "acceptable", after: "unacceptable" });
    expect(change.text).toContain("residual risk became unacceptable");
  });

  it("reports a control status change and added evidence", () => {
    const evidence = { method: "penetration-test" as const, reference: "PT-2026-11 update path", result: "passed" as const, date: "2026-11-05", notes: "" };
    const after = variant((p) => {
      const c = p.assessment.controls.find((x) => x.id === "ctl-signed-updates-anti-rollback")!;
      c.status = "verified";
      c.evidence.push(evidence);
    });
    const { changes } = diffProjects(BASE, after);
    expect(brief(changes)).toEqual([
      "control changed ctl-signed-updates-anti-rollback",
      "evidence added ctl-signed-updates-anti-rollback/penetration-test/PT-2026-11 update path/2026-11-05",
    ]);
    expect(changes[0].details).toEqual([{ path: "status", before: "implemented", after: "verified" }]);
    expect(changes[1].text).toBe('Added evidence to control ctl-signed-updates-anti-rollback: penetration-test "PT-2026-11 update path" of 2026-11-05, passed.');
  });

  it("reports a changed evidence result, matched by method, reference and date", () => {
    const after = variant((p) => (p.assessment.controls.find((x) => x.id === "ctl-link-supervision-alarm")!.evidence[0].result = "passed"));
    const { changes } = diffProjects(BASE, after);
    expect(brief(changes)).toEqual(["evidence changed ctl-link-supervision-alarm/fuzz-test/FZ-2026-07 BLE status service fuzzing/2026-07-22"]);
    expect(changes[0].details).toEqual([{ path: "result", before: "passed-with-findings", after: "passed" }]);
  });

  it("reports a hazard severity change and the risks it makes unacceptable", () => {
    const after = variant((p) => (p.assessment.hazards.find((h) => h.id === "insulin-underdose")!.severity = "catastrophic"));
    const { changes } = diffProjects(BASE, after);
    expect(brief(changes)).toEqual(["risk changed update-downgrade@pump", "hazard changed insulin-underdose"]);
    expect(changes[0].details).toEqual([
      { path: "initialRisk", before: "acceptable", after: "unacceptable" },
      { path: "residualRisk", before: "acceptable", after: "unacceptable" },
    ]);
    expect(changes[1].details).toEqual([{ path: "severity", before: "serious", after: "catastrophic" }]);
  });

  it("reports project details, assumptions, settings and requirement applicability", () => {
    const after = variant((p) => {
      p.model.project.device.version = "2.4.0";
      p.model.project.environments = p.model.project.environments.filter((e) => e !== "clinic");
      p.model.project.assumptions[0].text = "Every network is hostile.";
      p.model.project.assumptions.push({ id: "asm-new", text: "A new assumption." });
      p.assessment.settings.multiPatientEscalation = 2;
      p.assessment.requirements.push({ id: "MDR-17.4", applicable: false, justification: "The device has no IT network of its own." });
    });
    const { changes } = diffProjects(BASE, after);
    const notRisk = changes.filter((c) => c.area !== "risk");
    expect(brief(notRisk)).toEqual([
      "project changed assumptions/asm-hostile-networks",
      "project added assumptions/asm-new",
      "project changed project",
      "settings changed settings",
      "requirement changed MDR-17.4",
    ]);
    expect(find(changes, "project", "project")?.details).toEqual([
      { path: "device.version", before: "2.3.0", after: "2.4.0" },
      { path: "environments", before: "clinic" },
    ]);
    expect(find(changes, "settings", "settings")?.text).toBe("Risk settings changed: multiPatientEscalation: 1 → 2.");
    expect(find(changes, "requirement", "MDR-17.4")?.details).toEqual([
      { path: "applicable", before: true, after: false },
      { path: "justification", before: "", after: "The device has no IT network of its own." },
    ]);
  });

  it("uses the threats it is given instead of analysing the model", () => {
    const diff = diffProjects({ ...BASE, threats: [] }, { ...BASE, threats: [] });
    expect(diff.changes).toEqual([]);
  });

  it("formats Markdown and JSON", () => {
    const after = variant((p) => (flow(p, "app-therapy-commands").replayProtection = true));
    const diff = diffProjects(BASE, after);
    const md = formatDiff(diff, "md");
    expect(md).toMatch(/^# Differences/);
    expect(md).toContain("- changed: `app-therapy-commands` Bolus and settings commands\n  - replayProtection: false → true");
    expect(md).toContain("- removed: `therapy-command-replay@app-therapy-commands`");
    expect(JSON.parse(formatDiff(diff, "json"))).toEqual(diff);
  });
});
