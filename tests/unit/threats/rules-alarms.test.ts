import { describe, expect, it } from "vitest";
import { entity, expectRule, fires, flow, inside, person, proc, reported, scene, threats } from "./harness";
const monitor = (extra: Record<string, unknown> = {}) => proc("mon", { clinicalFunctions: ["monitoring", "alarming"], technology: "embedded-firmware", ...extra });
/** Bedside monitor sends an alarm to a central station in another boundary. */
const alarmLink = (extra: Record<string, unknown> = {}, crossing = true) =>
  scene({
    elements: [monitor(), proc("central", { clinicalFunctions: ["monitoring"], technology: "server-application" })],
    boundaries: crossing ? [inside("bedside", "mon")] : [],
    flows: [flow("f", "mon", "central", { channel: "wifi", assets: ["alarm"], ...extra })],
  });

describe("alarms", () => {
  it("alarm-message-tampering: alarm over Wi-Fi without message integrity", () => {
    expectRule("alarm-message-tampering", [alarmLink(), "f"], [alarmLink({ messageIntegrity: true }), "f"]);
  });

  it("alarm-delivery-suppression: alarm over a path an attacker can reach", () => {
    expectRule("alarm-delivery-suppression", [alarmLink(), "f"], [alarmLink({ channel: "internal" }, false), "f"]);
  });

  it("alarm-spoofing: receiver does not authenticate the alarm sender", () => {
    expectRule("alarm-spoofing", [alarmLink(), "f"], [alarmLink({ authentication: { from: { enabled: true, method: "client certificate" } } }), "f"]);
  });

  it("alarm-non-medical-relay: alarm delivered to a phone app", () => {
    const to = (technology: string) =>
      scene({ elements: [monitor(), proc("rx", { technology })], flows: [flow("f", "mon", "rx", { channel: "ble", assets: ["alarm"] })] });
    expectRule("alarm-non-medical-relay", [to("mobile-app"), "f"], [to("server-application"), "f"]);
    const viaCloud = scene({ elements: [monitor(), entity("cloud", { kind: "cloud-service" })], flows: [flow("f", "mon", "cloud", { assets: ["alarm"] })] });
    expect(fires("alarm-non-medical-relay", viaCloud, "f")).toBe(true);
  });

  it("alarm-process-denial-of-service: an exposed alarming process", () => {
    const make = (clinicalFunctions: string[]) =>
      scene({ elements: [entity("lan"), monitor({ clinicalFunctions })], boundaries: [inside("bedside", "mon")], flows: [flow("in", "lan", "mon", { channel: "ethernet", assets: ["settings"] })] });
    expectRule("alarm-process-denial-of-service", [make(["monitoring", "alarming"]), "mon"], [make(["monitoring"]), "mon"]);
    // a bedside monitor reached only through its own screen and buttons cannot be flooded
    const buttonsOnly = scene({ elements: [person("nurse", "clinician"), monitor()], boundaries: [inside("bedside", "mon")], flows: [flow("ui", "nurse", "mon", { channel: "user-interface", assets: ["settings"] })] });
    expect(fires("alarm-process-denial-of-service", buttonsOnly, "mon")).toBe(false);
  });

  it("alarm-diverted-to-impostor: sender does not authenticate the alarm receiver", () => {
    expectRule("alarm-diverted-to-impostor", [alarmLink(), "f"], [alarmLink({ authentication: { to: { enabled: true, method: "server certificate" } } }), "f"]);
  });

  it("alarm-remote-silencing: unauthenticated configuration of an alarming process", () => {
    const make = (authenticated: boolean) =>
      scene({
        elements: [entity("lan"), monitor()],
        boundaries: [inside("bedside", "mon")],
        flows: [flow("cfg", "lan", "mon", { channel: "ethernet", assets: ["settings"], authentication: { from: { enabled: authenticated } } })],
      });
    expectRule("alarm-remote-silencing", [make(false), "cfg"], [make(true), "cfg"]);
  });

  it("replaces the generic flow and interaction threats on an alarm flow", () => {
    const ids = reported(alarmLink(), "f");
    expect(ids).toEqual(expect.arrayContaining(["alarm-message-tampering", "alarm-delivery-suppression", "alarm-spoofing", "alarm-diverted-to-impostor"]));
    for (const generic of ["flow-tampering", "flow-denial-of-service", "interaction-sender-spoofing", "interaction-receiver-spoofing"]) expect(ids).not.toContain(generic);
  });

  it("replaces the generic and network-flood denial of service on an alarming process", () => {
    const model = scene({ elements: [entity("lan"), monitor()], boundaries: [inside("bedside", "mon")], flows: [flow("in", "lan", "mon", { channel: "ethernet", assets: ["misc"] })] });
    const ids = reported(model, "mon");
    expect(ids).toContain("alarm-process-denial-of-service");
    expect(ids).not.toContain("process-denial-of-service");
    expect(ids).not.toContain("resource-network-flood");
  });

  it("a fully protected alarm path on a local bus raises no alarm threats", () => {
    const model = alarmLink(
      {
        channel: "internal",
        messageIntegrity: true,
        authentication: { from: { enabled: true }, to: { enabled: true } },
      },
      false,
    );
    expect(reported(model, "f").filter((id) => id.startsWith("alarm-"))).toEqual([]);
  });
});

