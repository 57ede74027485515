import { describe, expect, it } from "vitest";
import {
  ELEMENT_CSV_COLUMNS,
  REQUIREMENT_CSV_COLUMNS,
  elementCsvRows,
  elementTrace,
  elementTraceCsv,
  requirementCsvRows,
  requirementTrace,
  requirementTraceCsv,
  toCsv,
  type TraceInput,
} from "../../../lib/trace/matrix";
import { parseCsv } from "../../helpers/csv";
import { control, example, input } from "./fixtures";

describe("requirementTrace", () => {
  const base = input();

  it("lists the 17 MDR requirements of MDCG 2019-16 Table 1 in table order, applicable by default", () => {
    const rows = requirementTrace(base);
    expect(rows).toHaveLength(17);
    expect(rows[0].id).toBe("MDR-1");
    expect(rows.map((r) => r.tableRow)).toEqual([...rows.map((r) => r.tableRow)].sort((a, b) => a - b));
    expect(rows.every((r) => r.applicable && r.justification === "")).toBe(true);
  });

  it("traces MDR-18.8 to the controls citing it, their threats and their evidence", () => {
    const [row] = requirementTrace(base, { requirementId: "MDR-18.8" });
    const citing = example.assessment.controls.filter((c) => c.annexI.includes("MDR-18.8")).map((c) => c.id);
    expect(row.controls.map((c) => c.id)).toEqual(citing);
    expect(citing).toContain("ctl-pump-enforced-dose-limits");

    const doseLimits = row.controls.find((c) => c.id === "ctl-pump-enforced-dose-limits")!;
    expect(doseLimits.status).toBe("verified");
    expect(doseLimits.evidence.map((e) => e.reference)).toEqual(["TR-0412 dose limit verification"]);
    expect(doseLimits.threats.map((t) => t.id)).toEqual(["therapy-command-replay@app-therapy-commands", "therapy-remote-command-path@settings-proposal-to-app"]);
    expect(doseLimits.threats[0]).toMatchObject({ status: "open", linkStatus: "verified", residual: "acceptable", citedByRule: true });
    expect(doseLimits.threats[1]).toMatchObject({ status: "mitigated", residual: "acceptable" });
    expect(row.state).toBe("evidenced");
  });

  it("lists the threats whose rule cites the requirement, with or without a linked control", () => {
    const [row] = requirementTrace(base, { requirementId: "MDR-18.8" });
    const citing = base.analysis.threats.filter((t) => t.annexI.includes("MDR-18.8"));
    expect(row.citingThreats.map((t) => t.id)).toEqual(citing.map((t) => t.id));
    const replay = row.citingThreats.find((t) => t.id === "therapy-command-replay@app-therapy-commands")!;
    expect(replay.viaControls).toEqual(["ctl-message-authentication-counter", "ctl-pump-enforced-dose-limits"]);
    const unlinked = row.citingThreats.filter((t) => t.viaControls.length === 0);
    expect(unlinked.length).toBeGreaterThan(0);
    const unassessed = unlinked.filter((t) => !example.assessment.threats.some((a) => a.id === t.id));
    expect(unassessed.every((t) => t.status === "open" && t.residual === "unacceptable")).toBe(true);
  });

  it("tells requirements without controls from those without evidence", () => {
    const state = Object.fromEntries(requirementTrace(base).map((r) => [r.id, r.state]));
    expect(state["MDR-22.1"]).toBe("no-control");
    expect(state["MDR-17.2"]).toBe("no-evidence");
    expect(state["MDR-1"]).toBe("evidenced");
  });

  it("marks a requirement not applicable only with a justification, and onlyGaps leaves it out", () => {
    const justified = input((_, a) => a.requirements.push({ id: "MDR-22.1", applicable: false, justification: "The device is not intended for lay persons." }));
    const [row] = requirementTrace(justified, { requirementId: "MDR-22.1" });
    expect(row).toMatchObject({ applicable: false, state: "not-applicable" });
    expect(requirementTrace(justified, { onlyGaps: true }).map((r) => r.id)).not.toContain("MDR-22.1");
    expect(requirementTrace(base, { onlyGaps: true }).map((r) => r.id)).toContain("MDR-22.1");

    const unjustified = input((_, a) => a.requirements.push({ id: "MDR-22.1", applicable: false, justification: " " }));
    expect(requirementTrace(unjustified, { requirementId: "MDR-22.1" })[0].state).toBe("no-control");
  });

  it("maps MDR ids to IVDR ids for an IVDR project, with 14 requirements", () => {
    const ivdr = input((m, a) => {
      m.project.regulation = "IVDR";
      a.requirements.push({ id: "IVDR-16.4", applicable: false, justification: "Runs on dedicated hardware only, no IT environment." });
    });
    const rows = requirementTrace(ivdr);
    expect(rows).toHaveLength(14);
    expect(rows.every((r) => r.id.startsWith("IVDR-"))).toBe(true);
    const byId = Object.fromEntries(rows.map((r) => [r.id, r]));
    // ctl-local-alarm-independent cites MDR-1, MDR-4, MDR-14.2(d), MDR-17.1.
    for (const id of ["IVDR-1", "IVDR-4", "IVDR-13.2(d)", "IVDR-16.1"]) expect(byId[id].controls.map((c) => c.id)).toContain("ctl-local-alarm-independent");
    // ctl-service-interface-authentication cites MDR-18.8 (no IVDR row) and MDR-17.2 (IVDR-16.2).
    expect(rows.filter((r) => r.controls.some((c) => c.id === "ctl-service-interface-authentication")).map((r) => r.id)).toEqual(["IVDR-16.2"]);
    expect(byId["IVDR-16.4"].state).toBe("not-applicable");
    expect(rows.flatMap((r) => r.citingThreats).length).toBeGreaterThan(0);
  });

  it("leaves out obsolete threats", () => {
    const obsolete = { ...base, obsoleteThreatIds: ["therapy-command-replay@app-therapy-commands"] };
    const [row] = requirementTrace(obsolete, { requirementId: "MDR-18.8" });
    expect(row.citingThreats.map((t) => t.id)).not.toContain("therapy-command-replay@app-therapy-commands");
    expect(row.controls.find((c) => c.id === "ctl-message-authentication-counter")!.threats).toEqual([]);
  });
});

describe("elementTrace", () => {
  const base = input();

  it("has one row per element and flow, in model order, with the threats on each", () => {
    const rows = elementTrace(base);
    expect(rows.map((r) => r.targetId)).toEqual([...example.model.elements.map((e) => e.id), ...example.model.flows.map((f) => f.id)]);
    expect(rows.flatMap((r) => r.threats.map((t) => t.id)).sort()).toEqual(base.analysis.threats.map((t) => t.id).sort());
    expect(rows.find((r) => r.targetId === "app-therapy-commands")!.targetKind).toBe("flow");
  });

  it("gives each threat its risk before and after and its linked controls", () => {
    const [pump] = elementTrace(base, { targetId: "pump" });
    const downgrade = pump.threats.find((t) => t.id === "update-downgrade@pump")!;
    expect(downgrade).toMatchObject({ stride: "tampering", status: "open", riskKind: "safety", severity: "serious", hazardId: "insulin-underdose" });
    expect(downgrade.before).toMatchObject({ acceptable: true, score: 6.4, exploitability: "low", assumed: false });
    expect(downgrade.controls).toEqual([
      { id: "ctl-signed-updates-anti-rollback", title: "Signed updates with anti-rollback", linkStatus: "proposed", controlStatus: "implemented", evidenceCount: 0, rationale: expect.any(String) },
    ]);

    const [flow] = elementTrace(base, { targetId: "pump-status-to-app" });
    const suppression = flow.threats.find((t) => t.id === "alarm-delivery-suppression@pump-status-to-app")!;
    expect(suppression.after.acceptable).toBe(true);
    expect(suppression.controls.map((c) => [c.id, c.evidenceCount])).toEqual([
      ["ctl-local-alarm-independent", 1],
      ["ctl-link-supervision-alarm", 1],
      ["ctl-ifu-alarm-notification-setup", 0],
    ]);
  });

  it("takes a threat without an assessment entry as open and unscored (worst case)", () => {
    const [pump] = elementTrace(base, { targetId: "pump" });
    const unassessed = pump.threats.find((t) => !example.assessment.threats.some((a) => a.id === t.id))!;
    expect(unassessed).toMatchObject({ status: "open", residual: "unacceptable", controls: [] });
    expect(unassessed.before).toMatchObject({ acceptable: false, assumed: true, exploitability: "high" });
  });

  it("filters by status and by gaps", () => {
    const mitigated = elementTrace(base, { status: "mitigated" });
    expect(mitigated.flatMap((r) => r.threats.map((t) => t.id)).sort()).toEqual(
      example.assessment.threats.filter((t) => t.status === "mitigated").map((t) => t.id).sort(),
    );
    expect(mitigated.every((r) => r.threats.length > 0)).toBe(true);

    const gapsOf = (i: TraceInput) => elementTrace(i, { onlyGaps: true }).flatMap((r) => r.threats.map((t) => t.id));
    const suppression = "alarm-delivery-suppression@pump-status-to-app";
    expect(gapsOf(base)).toContain(suppression); // mitigated and acceptable, but its IFU control is only implemented
    expect(gapsOf(base)).toContain("update-downgrade@pump");
    const verified = input((_, a) => {
      const ifu = control(a, "ctl-ifu-alarm-notification-setup");
      ifu.status = "verified";
      ifu.evidence.push({ method: "inspection", reference: "IFU-REV-7", result: "passed", date: "2026-10-01", notes: "" });
    });
    expect(gapsOf(verified)).not.toContain(suppression);
  });
});

describe("CSV", () => {
  const base = input();

  it("writes RFC 4180 CSV and defuses formulas", () => {
    const rows = [{ a: 'say "hi"', b: "one, two", c: "line 1\nline 2" }, { a: "=SUM(A1:A9)", b: "+1", c: "-2" }, { a: "@cmd", b: 3, c: true }];
    const csv = toCsv(rows, [
      { header: "A", value: (r) => r.a },
      { header: "B", value: (r) => r.b },
      { header: "C", value: (r) => r.c },
    ]);
    expect(csv).toBe('A,B,C\r\n"say ""hi""","one, two","line 1\nline 2"\r\n\'=SUM(A1:A9),\'+1,\'-2\r\n\'@cmd,3,yes\r\n');
    expect(parseCsv(csv)).toEqual([["A", "B", "C"], ['say "hi"', "one, two", "line 1\nline 2"], ["'=SUM(A1:A9)", "'+1", "'-2"], ["'@cmd", "3", "yes"]]);
  });

  it("quotes a defused formula that also needs quoting", () => {
    expect(toCsv([{ x: '=HYPERLINK("http://x","y")' }], [{ header: "X", value: (r) => r.x }])).toBe('X\r\n"\'=HYPERLINK(""http://x"",""y"")"\r\n');
  });

  it("has one requirement row per (requirement, control, threat)", () => {
    const csv = parseCsv(requirementTraceCsv(base));
    expect(csv[0]).toEqual(REQUIREMENT_CSV_COLUMNS.map((c) => c.header));
    expect(csv.every((row) => row.length === REQUIREMENT_CSV_COLUMNS.length)).toBe(true);
    const rows = requirementCsvRows(requirementTrace(base));
    expect(csv).toHaveLength(rows.length + 1);
    const mdr188 = csv.filter((r) => r[0] === "MDR-18.8");
    expect(mdr188).toContainEqual(expect.arrayContaining(["ctl-pump-enforced-dose-limits", "therapy-command-replay@app-therapy-commands"]));
    expect(mdr188.find((r) => r[5] === "ctl-pump-enforced-dose-limits")![8]).toContain("TR-0412");
    // A requirement with neither controls nor citing threats still has its row.
    const rowsFor = (id: string) => csv.filter((r) => r[0] === id);
    for (const r of requirementTrace(base)) expect(rowsFor(r.id).length).toBeGreaterThan(0);
  });

  it("has one element row per (element or flow, threat, control)", () => {
    const csv = parseCsv(elementTraceCsv(base));
    expect(csv[0]).toEqual(ELEMENT_CSV_COLUMNS.map((c) => c.header));
    expect(csv).toHaveLength(elementCsvRows(elementTrace(base)).length + 1);
    const suppression = csv.filter((r) => r[3] === "alarm-delivery-suppression@pump-status-to-app");
    expect(suppression.map((r) => r[15])).toEqual(["ctl-local-alarm-independent", "ctl-link-supervision-alarm", "ctl-ifu-alarm-notification-setup"]);
    const patient = csv.filter((r) => r[1] === "patient");
    expect(patient.length).toBeGreaterThan(0);
  });
});
