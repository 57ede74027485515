import { describe, expect, it } from "vitest";
import { entity, expectRule, flow, inside, person, proc, scene, secured, store, threats } from "./harness";

const pump = (extra: Record<string, unknown> = {}) => proc("pump", { clinicalFunctions: ["therapy-delivery"], technology: "embedded-firmware", ...extra });
const commandLink = (extra: Record<string, unknown>, sender = proc("app")) =>
  scene({ elements: [sender, pump()], boundaries: [inside("body", "pump")], flows: [flow("cmd", String(sender.id), "pump", { channel: "ble", assets: ["dose"], ...extra })] });

describe("therapy", () => {
  it("therapy-command-unauthenticated-wireless", () => {
    expectRule("therapy-command-unauthenticated-wireless", [commandLink({}), "cmd"], [commandLink({ authentication: { from: { enabled: true, method: "bonding" } } }), "cmd"]);
  });

  it("therapy-command-unencrypted", () => {
    expectRule("therapy-command-unencrypted", [commandLink({}), "cmd"], [commandLink({ encryption: { enabled: true } }), "cmd"]);
  });

  it("therapy-command-tampering", () => {
    expectRule("therapy-command-tampering", [commandLink({}), "cmd"], [commandLink({ messageIntegrity: true }), "cmd"]);
  });

  it("therapy-command-replay", () => {
    expectRule("therapy-command-replay", [commandLink({ ...secured, replayProtection: false }), "cmd"], [commandLink(secured), "cmd"]);
  });

  it("therapy-remote-command-path", () => {
    const remote = (channel: string) =>
      scene({ elements: [proc("cloud"), pump()], boundaries: [inside("home", "pump")], flows: [flow("cmd", "cloud", "pump", { channel, assets: ["dose"], ...secured })] });
    expectRule("therapy-remote-command-path", [remote("internet"), "cmd"], [remote("ble"), "cmd"]);
  });

  it("therapy-local-reconfiguration", () => {
    const byPatient = (authenticated: boolean) =>
      scene({
        elements: [person("patient", "patient"), pump()],
        flows: [flow("buttons", "patient", "pump", { channel: "user-interface", assets: ["settings"], authentication: { from: { enabled: authenticated, method: "PIN" } } })],
      });
    expectRule("therapy-local-reconfiguration", [byPatient(false), "buttons"], [byPatient(true), "buttons"]);
  });

  it("therapy-process-malformed-input", () => {
    const make = (parsesUntrustedInput: boolean) => scene({ elements: [proc("app"), pump({ parsesUntrustedInput })], flows: [flow("cmd", "app", "pump", { assets: ["dose"] })] });
    expectRule("therapy-process-malformed-input", [make(true), "pump"], [make(false), "pump"]);
  });

  it("a specific therapy threat replaces the generic one on the same flow", () => {
    const ids = threats(commandLink({})).map((t) => t.id);
    expect(ids).toContain("therapy-command-unauthenticated-wireless@cmd");
    expect(ids).not.toContain("interaction-sender-spoofing@cmd");
    expect(ids).toContain("therapy-command-tampering@cmd");
    expect(ids).not.toContain("flow-tampering@cmd");
  });
});

describe("updates", () => {
  const updatable = (update: Record<string, unknown>) => scene({ elements: [pump({ update })] });

  it("update-not-code-signed", () => {
    expectRule("update-not-code-signed", [updatable({ method: "over-the-air" }), "pump"], [updatable({ method: "over-the-air", codeSigned: true }), "pump"]);
  });

  it("update-downgrade", () => {
    expectRule(
      "update-downgrade",
      [updatable({ method: "over-the-air", codeSigned: true }), "pump"],
      [updatable({ method: "over-the-air", codeSigned: true, rollbackProtection: true }), "pump"],
    );
  });

  it("update-spoofed-source", () => {
    const make = (authenticated: boolean) =>
      scene({ elements: [entity("server", { kind: "update-server" }), pump()], flows: [flow("fw", "server", "pump", { assets: ["image"], authentication: { from: { enabled: authenticated } } })] });
    expectRule("update-spoofed-source", [make(false), "fw"], [make(true), "fw"]);
  });

  it("update-image-in-clear", () => {
    const make = (encrypted: boolean) =>
      scene({ elements: [proc("app"), pump()], flows: [flow("fw", "app", "pump", { channel: "ble", assets: ["image"], encryption: { enabled: encrypted } })] });
    expectRule("update-image-in-clear", [make(false), "fw"], [make(true), "fw"]);
  });

  it("update-signing-key-theft", () => {
    const make = (holdsSecrets: boolean) =>
      scene({
        elements: [store("hsm", { assets: ["key"], holdsSecrets: true }), proc("build", { holdsSecrets }), store("repo", { assets: ["image"] })],
        flows: [flow("use-key", "hsm", "build", { channel: "usb", assets: ["key"] }), flow("publish", "build", "repo", { assets: ["image"] })],
      });
    expectRule("update-signing-key-theft", [make(true), "build"], [make(false), "build"]);
  });

  it("update-not-patchable", () => {
    const make = (method: string) =>
      scene({ elements: [pump({ update: { method }, thirdPartySoftware: [{ name: "FreeRTOS", version: "10.4" }] })] });
    expectRule("update-not-patchable", [make("none"), "pump"], [make("over-the-air"), "pump"]);
  });

  it("update-interrupts-therapy", () => {
    expectRule("update-interrupts-therapy", [updatable({ method: "usb", codeSigned: true }), "pump"], [updatable({ method: "none" }), "pump"]);
  });
});
