import { describe, expect, it } from "vitest";
import { expectRule, fires, flow, person, proc, reported, scene } from "./harness";
const login = (enabled: boolean) => ({ authentication: { from: { enabled, method: "password" } } });

describe("safety-interplay", () => {
  it("safety-emergency-access-blocked: a clinician must log in to a therapy function", () => {
    const make = (enabled: boolean) =>
      scene({
        elements: [person("doc", "clinician"), proc("pump", { clinicalFunctions: ["therapy-delivery"] })],
        flows: [flow("ui", "doc", "pump", { channel: "user-interface", assets: ["dose"], ...login(enabled) })],
      });
    expectRule("safety-emergency-access-blocked", [make(true), "ui"], [make(false), "ui"]);
  });

  it("safety-auto-logoff-hides-vitals: login on a vital-signs display", () => {
    const monitor = (enabled: boolean) =>
      scene({
        elements: [person("nurse", "clinician"), proc("mon", { clinicalFunctions: ["monitoring", "alarming"] })],
        flows: [
          flow("login", "nurse", "mon", { channel: "user-interface", assets: ["settings"], ...login(enabled) }),
          flow("screen", "mon", "nurse", { channel: "user-interface", assets: ["reading", "alarm"] }),
        ],
      });
    expectRule("safety-auto-logoff-hides-vitals", [monitor(true), "login"], [monitor(false), "login"]);
    // the display flow itself, when viewing needs the clinician's session
    const display = (enabled: boolean) =>
      scene({
        elements: [person("nurse", "clinician"), proc("mon", { clinicalFunctions: ["monitoring"] })],
        flows: [flow("screen", "mon", "nurse", { channel: "user-interface", assets: ["reading"], authentication: { to: { enabled, method: "badge" } } })],
      });
    expectRule("safety-auto-logoff-hides-vitals", [display(true), "screen"], [display(false), "screen"]);
  });

  it("safety-security-software-disrupts-function: a clinical function on a general-purpose computer", () => {
    const make = (technology: string) => scene({ elements: [proc("ws", { technology, clinicalFunctions: ["diagnosis"] })] });
    expectRule("safety-security-software-disrupts-function", [make("desktop-application"), "ws"], [make("embedded-firmware"), "ws"]);
  });

  it("safety-update-interrupts-monitoring: updating a monitoring device in the field", () => {
    const make = (clinicalFunctions: string[]) => scene({ elements: [proc("mon", { clinicalFunctions, update: { method: "over-the-air", codeSigned: true } })] });
    expectRule("safety-update-interrupts-monitoring", [make(["monitoring"]), "mon"], [make(["monitoring", "alarming"]), "mon"]);
    // the alarming variant is update-interrupts-therapy's, so each device gets exactly one of the two
    expect(reported(make(["monitoring", "alarming"]), "mon")).toContain("update-interrupts-therapy");
    expect(fires("safety-update-interrupts-monitoring", scene({ elements: [proc("mon", { clinicalFunctions: ["monitoring"] })] }), "mon")).toBe(false);
  });
});

