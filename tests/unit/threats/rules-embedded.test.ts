import { describe, expect, it } from "vitest";
import { entity, expectRule, fires, flow, inside, proc, reported, scene, store, threats } from "./harness";
const firmware = (extra: Record<string, unknown> = {}) => proc("fw", { technology: "embedded-firmware", clinicalFunctions: ["therapy-delivery"], ...extra });
/** Something outside the device connects to its firmware over a port. */
const port = (channel: string, extra: Record<string, unknown> = {}, fw: Record<string, unknown> = {}) =>
  scene({ elements: [entity("outside"), firmware(fw)], boundaries: [inside("device", "fw")], flows: [flow("p", "outside", "fw", { channel, assets: ["settings"], ...extra })] });
const authenticated = { authentication: { from: { enabled: true, method: "challenge-response" } } };

describe("embedded", () => {
  it("embedded-debug-port-open: unauthenticated JTAG into the firmware", () => {
    expectRule("embedded-debug-port-open", [port("jtag-debug"), "p"], [port("jtag-debug", authenticated), "p"]);
  });

  it("embedded-serial-console-unauthenticated: UART console without login", () => {
    expectRule("embedded-serial-console-unauthenticated", [port("serial"), "p"], [port("serial", authenticated), "p"]);
    const onBoard = scene({ elements: [proc("mcu"), firmware()], flows: [flow("p", "mcu", "fw", { channel: "serial", assets: ["reading"] })] });
    expect(fires("embedded-serial-console-unauthenticated", onBoard, "p")).toBe(false);
  });

  it("embedded-usb-malware: USB input into a process that parses it", () => {
    expectRule("embedded-usb-malware", [port("usb", {}, { parsesUntrustedInput: true }), "p"], [port("usb", {}, { parsesUntrustedInput: false }), "p"]);
    expect(fires("embedded-usb-malware", port("usb", {}, { technology: "desktop-application" }), "p")).toBe(true);
    // a token or HSM wired inside the same boundary is not a foreign USB device
    const hsm = scene({ elements: [store("hsm", { assets: ["key"] }), proc("signer", { technology: "server-application" })], flows: [flow("p", "hsm", "signer", { channel: "usb", assets: ["key"] })] });
    expect(fires("embedded-usb-malware", hsm, "p")).toBe(false);
  });

  it("embedded-removable-media-unverified: files loaded without a signature check", () => {
    expectRule("embedded-removable-media-unverified", [port("removable-media"), "p"], [port("removable-media", { messageIntegrity: true }), "p"]);
  });

  it("embedded-nfc-unauthenticated: NFC link without authentication", () => {
    const nfc = (extra: Record<string, unknown>) =>
      scene({ elements: [entity("reader"), proc("sensor", { technology: "embedded-firmware", clinicalFunctions: ["monitoring"] })], flows: [flow("n", "reader", "sensor", { channel: "nfc-inductive", assets: ["settings"], ...extra })] });
    expectRule("embedded-nfc-unauthenticated", [nfc({}), "n"], [nfc(authenticated), "n"]);
    // therapy commands to a therapy function belong to therapy-command-unauthenticated-wireless
    const therapy = scene({ elements: [entity("reader"), firmware()], flows: [flow("n", "reader", "fw", { channel: "nfc-inductive", assets: ["dose"] })] });
    expect(fires("embedded-nfc-unauthenticated", therapy, "n")).toBe(false);
  });

  it("embedded-secrets-extractable: keys in device memory, not encrypted", () => {
    const flash = (encryptedAtRest: boolean) => scene({ elements: [store("flash", { technology: "embedded-firmware", holdsSecrets: true, assets: ["key"], encryptedAtRest })] });
    expectRule("embedded-secrets-extractable", [flash(false), "flash"], [flash(true), "flash"]);
    const cloudDb = scene({ elements: [store("flash", { technology: "database", holdsSecrets: true, assets: ["key"] })] });
    expect(fires("embedded-secrets-extractable", cloudDb, "flash")).toBe(false);
    expect(fires("embedded-secrets-extractable", scene({ elements: [firmware({ holdsSecrets: true })] }), "fw")).toBe(true);
  });

  it("embedded-firmware-extraction: embedded firmware behind a physical port", () => {
    expectRule("embedded-firmware-extraction", [port("usb"), "fw"], [port("ble"), "fw"]);
    expect(fires("embedded-firmware-extraction", port("usb", {}, { encryptedAtRest: true }), "fw")).toBe(false);
  });

  it("embedded-battery-exhaustion: battery-powered and reachable by radio", () => {
    const implant = (batteryPowered: boolean) =>
      scene({ elements: [proc("programmer"), firmware({ batteryPowered })], flows: [flow("r", "programmer", "fw", { channel: "ble", assets: ["settings"] })] });
    expectRule("embedded-battery-exhaustion", [implant(true), "fw"], [implant(false), "fw"]);
  });

  it("embedded-port-data-export: patient data exported over USB in clear", () => {
    const exportTo = (extra: Record<string, unknown>) =>
      scene({ elements: [firmware(), entity("stick")], boundaries: [inside("device", "fw")], flows: [flow("x", "fw", "stick", { channel: "usb", assets: ["phi"], ...extra })] });
    expectRule("embedded-port-data-export", [exportTo({}), "x"], [exportTo({ encryption: { enabled: true, method: "AES-256" } }), "x"]);
  });

  it("replaces the generic threats it makes more precise", () => {
    const flash = scene({ elements: [store("flash", { technology: "removable-storage", holdsSecrets: true, assets: ["key", "phi"] })] });
    expect(reported(flash, "flash")).toContain("embedded-secrets-extractable");
    expect(reported(flash, "flash")).not.toContain("store-information-disclosure");
    const exportModel = scene({ elements: [firmware(), entity("stick")], boundaries: [inside("device", "fw")], flows: [flow("x", "fw", "stick", { channel: "usb", assets: ["phi"] })] });
    expect(reported(exportModel, "x")).toContain("embedded-port-data-export");
    expect(reported(exportModel, "x")).not.toContain("flow-information-disclosure");
    const nfc = scene({ elements: [entity("reader"), proc("sensor")], boundaries: [inside("body", "sensor")], flows: [flow("n", "reader", "sensor", { channel: "nfc-inductive", assets: ["settings"] })] });
    expect(reported(nfc, "n")).toContain("embedded-nfc-unauthenticated");
    expect(reported(nfc, "n")).not.toContain("interaction-sender-spoofing");
  });
});

