import { describe, expect, it } from "vitest";
import { CAPABILITY_CODES } from "../../../lib/catalog";
import { reportContext } from "../../../lib/reports/documents/common";
import { build, capabilityDisclosures, MDS2_ANSWER_LABELS, MDS2_SECTIONS } from "../../../lib/reports/documents/mds2";
import { renderMarkdown } from "../../../lib/reports/render/markdown";
import { demoInput, demoRaw, headings, inputFrom, smallModel, table, textOf, type RawModel } from "./user-documents-fixture";

const doc = build(demoInput());
const answers = (raw: RawModel) => new Map(capabilityDisclosures(reportContext(inputFrom(raw))).map((d) => [d.code, d]));

describe("security capability disclosure (MDS2 structure)", () => {
  it("says it follows the structure of the MDS2 form and is not the official form", () => {
    const text = textOf(doc);
    expect(text).toContain("In the structure of the MDS2 form, not the official form.");
    expect(text).toContain("the designation ANSI/NEMA HN 1-2019 is unverified [U]");
    expect(text).toContain("the form's exact answer set is unverified [U]");
  });

  it("answers all 19 IEC TR 80001-2-2 capabilities with a valid answer", () => {
    const rows = table(doc, "capabilities").rows;
    expect(rows.map((r) => r.code)).toEqual([...CAPABILITY_CODES]);
    const valid = Object.values(MDS2_ANSWER_LABELS).flatMap((a) => [a, `${a} — see note`]);
    for (const r of rows) expect(valid).toContain(r.answer);
  });

  it("has the sections of the 2019 form in its order, the added ones included", () => {
    const sections = headings(doc).filter((h) => h.level === 2).map((h) => h.text.split(" — ")[0]);
    expect(sections.filter((s) => (MDS2_SECTIONS as readonly string[]).includes(s))).toEqual([...MDS2_SECTIONS]);
    for (const added of ["DOC", "MPII", "CONN", "SBOM", "RMOT"]) expect(sections).toContain(added);
    expect(textOf(doc)).toContain("no CNFS section");
  });

  it("answers from the project's controls: implemented or verified gives yes, proposed only gives planned", () => {
    const demo = answers(demoRaw());
    expect(demo.get("AUTH")!.answer).toBe("yes");
    expect(demo.get("AUTH")!.note).toContain("Dose limits enforced by the therapy device (verified; evidence: TR-0412 dose limit verification (passed, 2026-09-14))");
    expect(demo.get("NAUT")!.answer).toBe("planned");
    expect(demo.get("NAUT")!.note).toContain("Planned: Message authentication with a freshness counter (proposed).");
    expect(demo.get("DTBK")!.answer).toBe("no");

    const raw = demoRaw();
    raw.assessment.controls.find((c: { id: string }) => c.id === "ctl-message-authentication-counter").status = "implemented";
    expect(answers(raw).get("NAUT")!.answer).toBe("yes");
  });

  it("takes a control's capabilities from its library entry when it lists none, and from a hand-written control's own list", () => {
    const raw = demoRaw();
    raw.assessment.controls.push({ id: "ctl-backup-tested-restore", libraryId: "ctl-backup-tested-restore", title: "Backups with tested restore", type: "protective-measure", status: "implemented" });
    raw.assessment.controls.push({ id: "acme-usb-lock", title: "Epoxy-sealed service port", type: "secure-design", capabilities: ["MLDP"], status: "verified" });
    const got = answers(raw);
    expect(got.get("DTBK")!.answer).toBe("yes");
    expect(got.get("DTBK")!.note).toContain("Backups with tested restore (implemented)");
    expect(got.get("MLDP")!.answer).toBe("yes");
    expect(got.get("MLDP")!.basis).toBe("project controls");
  });

  it("answers yes from the model when it states the protection everywhere it applies", () => {
    const demo = answers(demoRaw());
    expect(demo.get("TXCF")).toMatchObject({ answer: "yes", basis: "model" });
    expect(demo.get("STCF")!.answer).toBe("no");
    expect(demo.get("STCF")!.note).toContain("2 of 3 data stores with health data (not: pump-memory) are encrypted at rest");
  });

  it("answers not applicable when the model has nothing the capability could apply to", () => {
    const raw = smallModel();
    raw.project.deviceKind = "software";
    raw.elements = raw.elements.filter((e: { type: string }) => e.type !== "data-store");
    raw.boundaries = [{ id: "home", name: "Patient home", contains: ["patient", "pump"] }];
    raw.flows = raw.flows.filter((f: { id: string }) => f.id !== "logging");
    raw.diagrams = [];
    const got = answers(raw);
    expect(got.get("DTBK")).toMatchObject({ answer: "not-applicable", basis: "model" });
    expect(got.get("DTBK")!.note).toBe("Not applicable: the model has no data store.");
    expect(got.get("RDMP")!.answer).toBe("not-applicable");
    expect(got.get("PLOK")!.answer).toBe("not-applicable");
    expect(got.get("STCF")!.answer).toBe("not-applicable");
    expect(got.get("SGUD")!.answer).toBe("no");
    const rows = table(build(inputFrom(raw)), "capabilities").rows;
    expect(rows.find((r) => r.code === "DTBK")!.answer).toBe("N/A — see note");
  });

  it("describes personal data, connectivity, software components and remote service from the model", () => {
    expect(table(doc, "personal-data").rows.map((r) => r.asset)).toEqual([
      "Therapy and event history (therapy-history)",
      "Patient account and profile (patient-account)",
      "Therapy report for the health record (clinical-report)",
    ]);
    expect(table(doc, "connectivity").rows.map((r) => r.flow)).not.toContain("Bolus from pump buttons (pump-buttons)");
    const sbom = table(doc, "sbom").rows;
    expect(sbom.find((r) => r.component === "FreeRTOS")).toEqual({ component: "FreeRTOS", version: "10.4.6", supplier: "Amazon", usedIn: "Insulin pump firmware" });
    expect(sbom).toHaveLength(8);
    const remote = table(doc, "remote-service").rows;
    expect(remote.find((r) => r.flow.endsWith("(service-console)"))).toMatchObject({ remote: "no", authenticated: "no" });
    expect(remote.find((r) => r.flow.endsWith("(firmware-download)"))!.remote).toBe("yes");
    expect(textOf(doc)).toContain("Remote service per the model: yes.");
  });

  it("says when the model has no personal data or third-party software", () => {
    const text = textOf(build(inputFrom(smallModel())));
    expect(text).toContain("The device handles personal data: no");
    expect(text).toContain("The model lists no third-party software.");
  });

  it("is deterministic", () => {
    expect(JSON.stringify(build(demoInput()))).toBe(JSON.stringify(doc));
    expect(renderMarkdown(build(demoInput()))).toBe(renderMarkdown(doc));
  });
});
