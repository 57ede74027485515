import { describe, expect, it } from "vitest";
import { HEALTHCARE_PROVIDER_INFORMATION } from "../../../lib/catalog";
import { parentMap } from "../../../lib/model/mermaid";
import { build } from "../../../lib/reports/documents/ifu-security";
import { flowPorts, GAP } from "../../../lib/reports/documents/security-facts";
import { renderMarkdown } from "../../../lib/reports/render/markdown";
import { demoInput, demoRaw, inputFrom, smallModel, table, textOf } from "./user-documents-fixture";

const demo = demoInput();
const doc = build(demo);

describe("security information for users (IFU draft)", () => {
  it("starts with the header of the project and source", () => {
    expect(doc.id).toBe("ifu-security");
    expect(doc.meta.project).toBe("GlucoFlow connected insulin pump system");
    expect(doc.meta.deviceVersion).toBe("2.3.0");
    expect(textOf(doc)).toContain("ab".repeat(32));
  });

  it("lists exactly the flows that cross a trust boundary as ports and interfaces, and names the others", () => {
    const model = demo.file.model;
    const parent = parentMap(model);
    const crossing = model.flows.filter((f) => (parent.get(f.from) ?? "") !== (parent.get(f.to) ?? ""));
    const rows = table(doc, "interfaces").rows;
    expect(rows).toHaveLength(crossing.length);
    expect(rows.map((r) => r.flow)).toEqual(crossing.map((f) => `${f.name} (${f.id})`));
    for (const internal of model.flows.filter((f) => !crossing.includes(f))) expect(textOf(doc)).toContain(`(${internal.id})`);
    expect(rows.map((r) => r.flow)).not.toContain("Settings, keys and log (pump-memory-access)");
  });

  it("gives each interface its function, direction, endpoints and protection", () => {
    const row = table(doc, "interfaces").rows.find((r) => r.flow.endsWith("(settings-proposal-to-app)"))!;
    expect(row.interface).toBe("Internet");
    expect(row.function).toBe("Basal settings proposal: Basal rate and therapy settings");
    expect(row.direction).toBe("Cloud therapy data service → GlucoFlow mobile app (one way; opened by GlucoFlow mobile app)");
    expect(row.endpoints).toBe("Cloud therapy data service (Vendor cloud); GlucoFlow mobile app (Patient smartphone)");
    expect(row.encryption).toBe("yes (TLS 1.3)");
    expect(row.port).toBe("not in the model");
    expect(textOf(doc)).toContain(`${GAP} the port numbers of 7 network interfaces`);
  });

  it("takes ports from port: tags first, then from the protocol", () => {
    const raw = smallModel();
    raw.flows.find((f: { id: string }) => f.id === "upload").tags = ["port:443/tcp"];
    raw.flows.find((f: { id: string }) => f.id === "commands").protocol = "BLE GATT";
    raw.flows.push({ id: "hl7", from: "ehr", to: "app", channel: "ethernet", protocol: "HL7 v2 over MLLP (TCP 2575)" });
    const rows = table(build(inputFrom(raw)), "interfaces").rows;
    expect(rows.find((r) => r.flow.endsWith("(upload)"))!.port).toBe("443/tcp");
    expect(rows.find((r) => r.flow.endsWith("(hl7)"))!.port).toBe("2575");
    expect(rows.find((r) => r.flow.endsWith("(commands)"))!.port).toBe("—");
    expect(flowPorts({ tags: [], protocol: "HTTPS" } as never)).toEqual([]);
  });

  it("has an empty interface table, and says so, when nothing crosses a trust boundary", () => {
    const raw = smallModel();
    raw.boundaries = [];
    const built = build(inputFrom(raw));
    expect(table(built, "interfaces").rows).toEqual([]);
    expect(textOf(built)).toContain("No data flow of the model crosses a trust boundary.");
  });

  it("answers all nine items of MDCG 2019-16 §4.3, each with what it provides or a gap marker", () => {
    const rows = table(doc, "mdcg-4-3").rows;
    expect(rows.map((r) => parseInt(r.item, 10))).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(rows.map((r) => r.information.split(":")[0])).toEqual(HEALTHCARE_PROVIDER_INFORMATION.map((i) => i.name));
    for (const r of rows) {
      expect(r.provided !== "—" || r.gap.startsWith(GAP)).toBe(true);
      expect(r.gap === "—" || r.gap.startsWith(GAP)).toBe(true);
    }
    expect(rows[7].item).toBe("8 (where appropriate)");
    expect(rows[0].provided).toContain("2 controls");
  });

  it("marks every §4.3 item a bare model cannot answer as a gap", () => {
    const rows = table(build(inputFrom({ medthreat: 1, project: { name: "Bare", device: { name: "Bare device" } } })), "mdcg-4-3").rows;
    expect(rows).toHaveLength(9);
    for (const item of [1, 2, 3, 5, 9]) expect(rows[item - 1].gap.startsWith(GAP)).toBe(true);
  });

  it("recommends the controls that transfer to the operator with their IFU text, library wording or a gap", () => {
    const raw = demoRaw();
    raw.assessment.controls.push(
      { id: "ctl-ifu-backup-restore", libraryId: "ctl-ifu-backup-restore", title: "Backup and restore instructions", type: "information-for-security", transfersToOperator: true, status: "proposed" },
      { id: "acme-badge-access", title: "Badge access to the pharmacy", type: "protective-measure", transfersToOperator: true, status: "implemented" },
    );
    const rows = table(build(inputFrom(raw)), "operator-controls").rows;
    expect(rows.find((r) => r.control.endsWith("(ctl-ifu-alarm-notification-setup)"))!.action).toBe(
      "Keep the listed phone settings on, check them again after each phone or app update, and rely on the device's own alarm first.",
    );
    const library = rows.find((r) => r.control.endsWith("(ctl-ifu-backup-restore)"))!;
    expect(library.action).toContain("(control library wording; adapt it for the IFU)");
    expect(library.status).toBe("proposed (not yet in place)");
    expect(rows.find((r) => r.control.endsWith("(acme-badge-access)"))!.action).toBe(`${GAP} the text the IFU gives users for this control.`);
  });

  it("discloses accepted and transferred threats as residual risks", () => {
    const accepted = table(doc, "residual-risks").rows;
    expect(accepted.map((r) => r.threat)).toEqual([expect.stringContaining("(ots-known-vulnerabilities@pump)")]);
    expect(accepted[0].decision).toBe("Accepted");

    const raw = demoRaw();
    const entry = raw.assessment.threats.find((t: { id: string }) => t.id === "embedded-serial-console-unauthenticated@service-console");
    Object.assign(entry, { status: "transferred", justification: "Users keep the pump closed; physical access is their responsibility." });
    const rows = table(build(inputFrom(raw)), "residual-risks").rows;
    const transferred = rows.find((r) => r.threat.endsWith("(embedded-serial-console-unauthenticated@service-console)"))!;
    expect(transferred.decision).toBe("Transferred");
    expect(transferred.user).toContain("Keep the device and its service connectors in controlled areas");
  });

  it("derives update instructions from the processes and backup facts from the data stores", () => {
    const updates = table(doc, "updates").rows;
    const pump = updates.find((r) => r.component.endsWith("(pump)"))!;
    expect(pump).toMatchObject({ method: "Over the air", signed: "yes", rollback: "no", path: "Firmware update transfer (firmware-to-pump)" });
    expect(updates.find((r) => r.component.endsWith("(phone-app)"))!.path).toBe("App install and updates (app-install)");
    expect(updates.find((r) => r.component.endsWith("(cgm)"))!.instruction).toBe("Cannot be updated in the field.");
    expect(updates.find((r) => r.component.endsWith("(cloud-api)"))!.path).toBe("—");
    const stores = table(doc, "data-stores").rows;
    expect(stores.map((r) => r.store)).toContain("Pump flash memory (pump-memory)");
    expect(stores.find((r) => r.store.endsWith("(pump-memory)"))!.encrypted).toBe("no");
    expect(textOf(doc)).toContain(`${GAP} how users back up and restore data and configuration`);
  });

  it("derives the minimum IT requirements from platforms and other systems", () => {
    const platforms = table(doc, "platforms").rows;
    expect(platforms.find((r) => r.component.endsWith("(phone-app)"))!.platform).toContain(`${GAP} the supported smartphone`);
    expect(platforms.find((r) => r.component.endsWith("(pump)"))!.software).toContain("FreeRTOS 10.4.6 (Amazon)");
    expect(table(doc, "external-systems").rows.map((r) => r.system)).toEqual(["Mobile app store (app-store)", "Hospital electronic health record (hospital-ehr)"]);
    expect(textOf(doc)).toContain("MDR Annex I 17.4 and 23.4(ab)");
  });

  it("cites the IVDR clauses for an IVDR project", () => {
    const raw = demoRaw();
    raw.project.regulation = "IVDR";
    const text = textOf(build(inputFrom(raw)));
    expect(text).toContain("IVDR Annex I 16.4 and 20.4.1(ah)");
    expect(text).toContain("IVDR Annex I 20.1(g) and 20.2(m)");
    expect(text).not.toContain("MDR Annex I");
  });

  it("is deterministic", () => {
    expect(JSON.stringify(build(demoInput()))).toBe(JSON.stringify(doc));
    expect(renderMarkdown(build(demoInput()))).toBe(renderMarkdown(doc));
  });
});
