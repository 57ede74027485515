import { describe, expect, it } from "vitest";
import { entity, expectRule, fires, flow, inside, person, proc, reported, scene } from "./harness";
/** A clinical process that receives something from outside its boundary. */
const exposedProcess = (extra: Record<string, unknown>, channel = "ethernet") =>
  scene({ elements: [entity("net"), proc("svc", extra)], boundaries: [inside("box", "svc")], flows: [flow("in", "net", "svc", { channel, assets: ["reading"] })] });

describe("resources", () => {
  it("resource-malformed-input-crash: a monitoring process parsing untrusted input", () => {
    const make = (clinicalFunctions: string[]) => exposedProcess({ clinicalFunctions, parsesUntrustedInput: true });
    expectRule("resource-malformed-input-crash", [make(["monitoring"]), "svc"], [make(["monitoring", "therapy-delivery"]), "svc"]);
    expect(fires("resource-malformed-input-crash", exposedProcess({ clinicalFunctions: ["diagnosis"], parsesUntrustedInput: false }), "svc")).toBe(false);
  });

  it("resource-network-flood: a clinical process on the hospital LAN", () => {
    const monitor = { clinicalFunctions: ["monitoring"] };
    expectRule("resource-network-flood", [exposedProcess(monitor, "ethernet"), "svc"], [exposedProcess(monitor, "ble"), "svc"]);
  });

  it("resource-malware-outbreak: a clinical function on a general-purpose computer", () => {
    const make = (technology: string) => exposedProcess({ technology, clinicalFunctions: ["diagnosis"] });
    expectRule("resource-malware-outbreak", [make("desktop-application"), "svc"], [make("embedded-firmware"), "svc"]);
    const standalone = scene({ elements: [person("radiologist", "clinician"), proc("svc", { technology: "desktop-application", clinicalFunctions: ["diagnosis"] })], flows: [flow("ui", "radiologist", "svc", { channel: "user-interface", assets: ["settings"] })] });
    expect(fires("resource-malware-outbreak", standalone, "svc")).toBe(false);
  });

  it("resource-cloud-exhaustion: an exposed cloud service serving many patients", () => {
    const make = (patientReach: string) => exposedProcess({ technology: "cloud-service", patientReach, clinicalFunctions: ["monitoring"] }, "internet");
    expectRule("resource-cloud-exhaustion", [make("many"), "svc"], [make("single"), "svc"]);
  });

  it("replaces the generic denial of service, and the cloud rule replaces the network flood", () => {
    const monitor = exposedProcess({ clinicalFunctions: ["monitoring"], parsesUntrustedInput: true });
    const ids = reported(monitor, "svc");
    expect(ids).toEqual(expect.arrayContaining(["resource-malformed-input-crash", "resource-network-flood"]));
    expect(ids).not.toContain("process-denial-of-service");
    const cloud = reported(exposedProcess({ technology: "cloud-service", patientReach: "many", clinicalFunctions: ["monitoring"] }, "ethernet"), "svc");
    expect(cloud).toContain("resource-cloud-exhaustion");
    expect(cloud).not.toContain("resource-network-flood");
  });

  it("does not duplicate therapy-process-malformed-input on a therapy process", () => {
    const pump = exposedProcess({ clinicalFunctions: ["therapy-delivery", "monitoring"], parsesUntrustedInput: true });
    const ids = reported(pump, "svc");
    expect(ids).toContain("therapy-process-malformed-input");
    expect(ids).not.toContain("resource-malformed-input-crash");
  });
});

