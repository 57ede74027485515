import { describe, expect, it } from "vitest";
import { entity, expectRule, fires, flow, inside, proc, raised, scene, secured, store } from "./harness";

/** Each rule of the logging family on a model where it must fire and on a minimal variation where it must not. */

const exposed = (extra: Record<string, unknown>, outbound: Record<string, unknown>[] = []) =>
  scene({
    elements: [entity("net"), proc("dev", extra), proc("collector")],
    boundaries: [inside("device", "dev")],
    flows: [flow("in", "net", "dev", { assets: ["settings"] }), ...outbound],
  });

describe("logging", () => {
  it("logging-no-security-events: an exposed clinical process without an audit log, replacing process-repudiation", () => {
    const make = (auditLog: boolean) => exposed({ clinicalFunctions: ["monitoring"], auditLog });
    expectRule("logging-no-security-events", [make(false), "dev"], [make(true), "dev"]);
    const internal = scene({ elements: [proc("dev", { clinicalFunctions: ["monitoring"] })] });
    expect(fires("logging-no-security-events", internal, "dev")).toBe(false);
    expect(raised(make(false))).toContain("logging-no-security-events@dev");
    expect(raised(make(false))).not.toContain("process-repudiation@dev");
    expect(raised(internal)).toContain("process-repudiation@dev");
  });

  it("logging-remote-log-tampering: a log store written across a trust boundary, replacing store-repudiation", () => {
    const make = (crossing: boolean) =>
      scene({
        elements: [proc("dev"), store("logs", { assets: ["events"] })],
        boundaries: crossing ? [inside("device", "dev")] : [],
        flows: [flow("f", "dev", "logs", { assets: ["events"], ...secured })],
      });
    expectRule("logging-remote-log-tampering", [make(true), "logs"], [make(false), "logs"]);
    expect(raised(make(true))).toContain("logging-remote-log-tampering@logs");
    expect(raised(make(true))).not.toContain("store-repudiation@logs");
  });

  it("logging-device-logs-stay-local: an exposed device that logs but never sends its logs anywhere", () => {
    const device = { technology: "embedded-firmware", auditLog: true };
    const exported = exposed(device, [flow("out", "dev", "collector", { assets: ["events"], ...secured })]);
    expectRule("logging-device-logs-stay-local", [exposed(device), "dev"], [exported, "dev"]);
    expect(fires("logging-device-logs-stay-local", exposed({ ...device, technology: "cloud-service" }), "dev")).toBe(false);
  });
});

