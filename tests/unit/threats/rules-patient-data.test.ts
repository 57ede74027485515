import { describe, expect, it } from "vitest";
import { entity, expectRule, fires, flow, inside, proc, raised, scene, secured, store } from "./harness";

/** Each rule of the patient-data family on a model where it must fire and on a minimal variation where it must not. */

describe("patient data", () => {
  it("phi-at-rest-unencrypted: patient data not encrypted at rest, replacing store-information-disclosure", () => {
    const make = (encryptedAtRest: boolean) => scene({ elements: [store("db", { assets: ["phi"], encryptedAtRest })] });
    expectRule("phi-at-rest-unencrypted", [make(false), "db"], [make(true), "db"]);
    expect(raised(make(false))).toContain("phi-at-rest-unencrypted@db");
    expect(raised(make(false))).not.toContain("store-information-disclosure@db");
    const onPhone = scene({ elements: [store("db", { technology: "mobile-app", assets: ["phi"] })] });
    expect(fires("phi-at-rest-unencrypted", onPhone, "db"), "phone storage is the mobile family's").toBe(false);
    const deviceMemory = scene({ elements: [store("db", { technology: "removable-storage", assets: ["phi"], holdsSecrets: true })] });
    expect(fires("phi-at-rest-unencrypted", deviceMemory, "db"), "device memory with secrets is the embedded family's").toBe(false);
  });

  it("phi-in-transit-unencrypted: patient data on an unencrypted radio link, replacing flow-information-disclosure", () => {
    const make = (enabled: boolean) =>
      scene({ elements: [proc("mon"), proc("central")], flows: [flow("f", "mon", "central", { channel: "wifi", assets: ["phi"], encryption: { enabled } })] });
    expectRule("phi-in-transit-unencrypted", [make(false), "f"], [make(true), "f"]);
    expect(raised(make(false))).toContain("phi-in-transit-unencrypted@f");
    expect(raised(make(false))).not.toContain("flow-information-disclosure@f");
    const usbExport = scene({
      elements: [proc("dev"), proc("tool")],
      boundaries: [inside("device", "dev")],
      flows: [flow("f", "dev", "tool", { channel: "usb", assets: ["phi"] })],
    });
    expect(fires("phi-in-transit-unencrypted", usbExport, "f"), "USB exports are the embedded family's").toBe(false);
  });

  it("phi-bulk-exposure: one store with the records of many patients", () => {
    const make = (patientReach: string) => scene({ elements: [store("db", { assets: ["phi"], patientReach, encryptedAtRest: true })] });
    expectRule("phi-bulk-exposure", [make("many"), "db"], [make("single"), "db"]);
  });

  it("phi-third-party-disclosure: patient data sent to a third-party cloud", () => {
    const make = (kind: string) =>
      scene({ elements: [proc("api"), entity("vendor", { kind })], flows: [flow("f", "api", "vendor", { assets: ["phi"], ...secured })] });
    expectRule("phi-third-party-disclosure", [make("cloud-service"), "f"], [make("hospital-system"), "f"]);
  });

  it("phi-in-logs: logs kept with patient data", () => {
    const make = (assets: string[]) => scene({ elements: [store("flash", { assets, encryptedAtRest: true })] });
    expectRule("phi-in-logs", [make(["phi", "events"]), "flash"], [make(["phi"]), "flash"]);
  });

  it("phi-secondary-use-identifiable: patient data to an analytics receiver, replacing phi-third-party-disclosure", () => {
    const make = (tags: string[]) =>
      scene({ elements: [proc("api"), entity("lake", { kind: "cloud-service", tags })], flows: [flow("f", "api", "lake", { assets: ["phi"], ...secured })] });
    expectRule("phi-secondary-use-identifiable", [make(["analytics"]), "f"], [make([]), "f"]);
    const taggedFlow = scene({
      elements: [proc("api"), proc("warehouse")],
      flows: [flow("f", "api", "warehouse", { assets: ["phi"], tags: ["secondary-use"], ...secured })],
    });
    expect(fires("phi-secondary-use-identifiable", taggedFlow, "f")).toBe(true);
    expect(raised(make(["analytics"]))).toContain("phi-secondary-use-identifiable@f");
    expect(raised(make(["analytics"]))).not.toContain("phi-third-party-disclosure@f");
  });

  it("phi-backup-recovery: a multi-patient store of patient data, replacing store-denial-of-service", () => {
    const make = (patientReach: string) => scene({ elements: [store("pacs", { assets: ["phi", "reading"], patientReach, encryptedAtRest: true })] });
    expectRule("phi-backup-recovery", [make("many"), "pacs"], [make("single"), "pacs"]);
    const exposed = scene({
      elements: [proc("modality"), store("archive", { assets: ["phi"], encryptedAtRest: true })],
      boundaries: [inside("ward", "modality")],
      flows: [flow("f", "modality", "archive", { channel: "ethernet", assets: ["phi"], ...secured })],
    });
    expect(fires("phi-backup-recovery", exposed, "archive")).toBe(true);
    expect(raised(make("many"))).toContain("phi-backup-recovery@pacs");
    expect(raised(make("many"))).not.toContain("store-denial-of-service@pacs");
  });
});

