import { describe, expect, it } from "vitest";
import { entity, expectRule, fires, flow, inside, proc, raised, scene, secured } from "./harness";

/** Each rule of the interoperability family on a model where it must fire and on a minimal variation where it must not. */

const his = () => entity("his", { kind: "hospital-system" });
const monitor = () => proc("mon", { clinicalFunctions: ["monitoring"], parsesUntrustedInput: true, technology: "desktop-application" });
const interface_ = (extra: Record<string, unknown>) =>
  scene({
    elements: [his(), monitor()],
    boundaries: [inside("device", "mon")],
    flows: [flow("f", "his", "mon", { channel: "ethernet", assets: ["reading"], ...extra })],
  });

describe("interoperability", () => {
  it("hl7-fhir-unauthenticated: HL7 messages accepted from any sender, replacing interaction-sender-spoofing", () => {
    const make = (enabled: boolean, protocol = "HL7 v2 over MLLP") => interface_({ protocol, authentication: { from: { enabled } } });
    expectRule("hl7-fhir-unauthenticated", [make(false), "f"], [make(true), "f"]);
    expect(fires("hl7-fhir-unauthenticated", make(false, "HL7v2 ORU"), "f")).toBe(true);
    expect(fires("hl7-fhir-unauthenticated", make(false, "FHIR R4 REST"), "f")).toBe(true);
    expect(fires("hl7-fhir-unauthenticated", make(false, "DICOM"), "f")).toBe(false);
    const alarms = interface_({ protocol: "HL7 v2 over MLLP", assets: ["alarm"] });
    expect(fires("hl7-fhir-unauthenticated", alarms, "f"), "alarm flows are the alarms family's").toBe(false);
    expect(raised(make(false))).toContain("hl7-fhir-unauthenticated@f");
    expect(raised(make(false))).not.toContain("interaction-sender-spoofing@f");
  });

  it("hl7-fhir-unprotected: HL7 without encryption or integrity, replacing flow-tampering", () => {
    const make = (messageIntegrity: boolean) => interface_({ protocol: "HL7 v2 over MLLP", messageIntegrity });
    expectRule("hl7-fhir-unprotected", [make(false), "f"], [make(true), "f"]);
    expect(raised(make(false))).toContain("hl7-fhir-unprotected@f");
    expect(raised(make(false))).not.toContain("flow-tampering@f");
  });

  it("dicom-without-tls: DICOM over the network without TLS, replacing flow-tampering", () => {
    const make = (enabled: boolean) => interface_({ protocol: "DICOM C-STORE", encryption: { enabled, method: enabled ? "DICOM TLS" : "" } });
    expectRule("dicom-without-tls", [make(false), "f"], [make(true), "f"]);
    expect(raised(make(false))).toContain("dicom-without-tls@f");
    expect(raised(make(false))).not.toContain("flow-tampering@f");
  });

  it("dicom-executable-content: DICOM objects parsed by a workstation", () => {
    const make = (parsesUntrustedInput: boolean, technology = "desktop-application") =>
      scene({
        elements: [entity("pacs", { kind: "hospital-system" }), proc("viewer", { parsesUntrustedInput, technology })],
        flows: [flow("f", "pacs", "viewer", { channel: "ethernet", protocol: "DICOM", assets: ["reading"], ...secured })],
      });
    expectRule("dicom-executable-content", [make(true), "f"], [make(false), "f"]);
    expect(fires("dicom-executable-content", make(true, "embedded-firmware"), "f")).toBe(false);
  });

  it("hospital-network-interaction: a device process on the hospital network, replacing flow-denial-of-service", () => {
    const make = (channel: string) =>
      scene({
        elements: [his(), monitor()],
        boundaries: [inside("device", "mon")],
        flows: [flow("f", "mon", "his", { channel, assets: ["reading"], ...secured })],
      });
    expectRule("hospital-network-interaction", [make("ethernet"), "f"], [make("internet"), "f"]);
    expect(fires("hospital-network-interaction", interface_({}), "f")).toBe(true);
    expect(fires("hospital-network-interaction", interface_({ assets: ["alarm"] }), "f"), "alarm flows are the alarms family's").toBe(false);
    expect(fires("hospital-network-interaction", interface_({ assets: ["misc"] }), "f"), "data that need not be available").toBe(false);
    expect(raised(make("ethernet"))).toContain("hospital-network-interaction@f");
    expect(raised(make("ethernet"))).not.toContain("flow-denial-of-service@f");
  });
});

