import { describe, expect, it } from "vitest";
import { expectRule, fires, flow, inside, person, proc, raised, scene, secured, store } from "./harness";

/** Each rule of the credentials family on a model where it must fire and on a minimal variation where it must not. */

describe("credentials", () => {
  it("credentials-default-or-hard-coded: firmware holding secrets, reached by a person or a service port", () => {
    const make = (holdsSecrets: boolean) =>
      scene({
        elements: [person("tech", "service-technician"), proc("fw", { technology: "embedded-firmware", holdsSecrets })],
        flows: [flow("console", "tech", "fw", { channel: "serial", assets: ["settings"] })],
      });
    expectRule("credentials-default-or-hard-coded", [make(true), "fw"], [make(false), "fw"]);
    const serviceTool = scene({
      elements: [proc("tool"), proc("ctl", { technology: "desktop-application", holdsSecrets: true, update: { method: "service-tool" } })],
      flows: [flow("debug", "tool", "ctl", { channel: "jtag-debug" })],
    });
    expect(fires("credentials-default-or-hard-coded", serviceTool, "ctl")).toBe(true);
    const noLogin = scene({
      elements: [proc("app"), proc("fw", { technology: "embedded-firmware", holdsSecrets: true })],
      flows: [flow("f", "app", "fw", { channel: "ble" })],
    });
    expect(fires("credentials-default-or-hard-coded", noLogin, "fw")).toBe(false);
  });

  it("credentials-password-only: a password without a second factor across a boundary", () => {
    const make = (method: string, channel = "internet") =>
      scene({
        elements: [person("doc", "clinician"), proc("portal")],
        boundaries: [inside("cloud", "portal")],
        flows: [flow("login", "doc", "portal", { channel, assets: ["phi"], authentication: { from: { enabled: true, method } } })],
      });
    expectRule("credentials-password-only", [make("Username and password"), "login"], [make("Password and TOTP"), "login"]);
    expect(fires("credentials-password-only", make("PIN"), "login")).toBe(true);
    expect(fires("credentials-password-only", make("Client certificate"), "login")).toBe(false);
    expect(fires("credentials-password-only", make("Password", "user-interface"), "login")).toBe(false);
  });

  it("credentials-in-clear: credentials on an unencrypted link, replacing flow-information-disclosure", () => {
    const make = (enabled: boolean) =>
      scene({
        elements: [proc("app"), proc("dev")],
        boundaries: [inside("phone", "app")],
        flows: [flow("f", "app", "dev", { channel: "wifi", assets: ["key"], encryption: { enabled } })],
      });
    expectRule("credentials-in-clear", [make(false), "f"], [make(true), "f"]);
    const basicAuth = scene({
      elements: [proc("app"), proc("api")],
      boundaries: [inside("phone", "app")],
      flows: [flow("f", "app", "api", { assets: ["misc"], authentication: { from: { enabled: true, method: "HTTP basic (password)" } } })],
    });
    expect(fires("credentials-in-clear", basicAuth, "f")).toBe(true);
    expect(raised(make(false))).toContain("credentials-in-clear@f");
    expect(raised(make(false))).not.toContain("flow-information-disclosure@f");
    const usbExport = scene({
      elements: [proc("dev"), proc("tool")],
      boundaries: [inside("device", "dev")],
      flows: [flow("f", "dev", "tool", { channel: "usb", assets: ["key"] })],
    });
    expect(fires("credentials-in-clear", usbExport, "f"), "USB exports are the embedded family's").toBe(false);
  });

  it("credentials-store-unencrypted: keys at rest without encryption, replacing store-information-disclosure", () => {
    const make = (encryptedAtRest: boolean) => scene({ elements: [store("keys", { assets: ["key"], encryptedAtRest })] });
    expectRule("credentials-store-unencrypted", [make(false), "keys"], [make(true), "keys"]);
    expect(raised(make(false))).toContain("credentials-store-unencrypted@keys");
    expect(raised(make(false))).not.toContain("store-information-disclosure@keys");
    const onPhone = scene({ elements: [store("keys", { technology: "mobile-app", assets: ["key"] })] });
    expect(fires("credentials-store-unencrypted", onPhone, "keys"), "phone storage is the mobile family's").toBe(false);
    const inDeviceMemory = scene({ elements: [store("flash", { technology: "removable-storage", assets: ["key"], holdsSecrets: true })] });
    expect(fires("credentials-store-unencrypted", inDeviceMemory, "flash"), "device memory is the embedded family's").toBe(false);
  });

  it("credentials-browser-session-theft: a web application people log in to from outside", () => {
    const make = (technology: string) =>
      scene({
        elements: [person("doc", "clinician"), proc("portal", { technology })],
        boundaries: [inside("cloud", "portal")],
        flows: [flow("login", "doc", "portal", { assets: ["phi"], ...secured })],
      });
    expectRule("credentials-browser-session-theft", [make("web-application"), "portal"], [make("server-application"), "portal"]);
    const machineOnly = scene({
      elements: [proc("app"), proc("portal", { technology: "web-application" })],
      boundaries: [inside("cloud", "portal")],
      flows: [flow("api", "app", "portal", { assets: ["phi"], ...secured })],
    });
    expect(fires("credentials-browser-session-theft", machineOnly, "portal")).toBe(false);
  });

  it("credentials-weak-radio-pairing: Just Works or default keys, replacing the generic man-in-the-middle threat", () => {
    const make = (method: string) =>
      scene({
        elements: [proc("app"), proc("pump", { clinicalFunctions: ["therapy-delivery"] })],
        flows: [
          flow("f", "app", "pump", {
            channel: "ble",
            assets: ["settings"],
            encryption: { enabled: true, method: "AES-CCM" },
            authentication: { from: { enabled: true, method }, to: { enabled: true, method } },
          }),
        ],
      });
    expectRule("credentials-weak-radio-pairing", [make("BLE Just Works bonding"), "f"], [make("LE Secure Connections, numeric comparison"), "f"]);
    expect(fires("credentials-weak-radio-pairing", make("Fixed PIN 0000"), "f")).toBe(true);
    const flaggedOff = scene({
      elements: [proc("app"), proc("pump")],
      flows: [
        flow("f", "app", "pump", {
          channel: "ble",
          assets: ["settings"],
          encryption: { enabled: true },
          authentication: { from: { enabled: false, method: "Just Works" }, to: { enabled: false, method: "Just Works" } },
        }),
      ],
    });
    expect(raised(flaggedOff)).toContain("credentials-weak-radio-pairing@f");
    expect(raised(flaggedOff)).not.toContain("interaction-wireless-man-in-the-middle@f");
  });
});

