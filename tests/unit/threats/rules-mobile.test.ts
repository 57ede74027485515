import { describe, expect, it } from "vitest";
import { expectRule, flow, proc, reported, scene, store } from "./harness";
const app = (extra: Record<string, unknown> = {}) => proc("app", { technology: "mobile-app", ...extra });
const pump = () => proc("pump", { technology: "embedded-firmware", clinicalFunctions: ["therapy-delivery"] });

describe("mobile", () => {
  it("mobile-therapy-relay-untrusted-phone: a phone app sending therapy commands", () => {
    const make = (assets: string[]) => scene({ elements: [app(), pump()], flows: [flow("cmd", "app", "pump", { channel: "ble", assets })] });
    expectRule("mobile-therapy-relay-untrusted-phone", [make(["dose"]), "app"], [make(["reading"]), "app"]);
  });

  it("mobile-insecure-local-storage: secrets or health data on the phone, unencrypted", () => {
    expectRule("mobile-insecure-local-storage", [scene({ elements: [app({ holdsSecrets: true })] }), "app"], [scene({ elements: [app({ holdsSecrets: true, encryptedAtRest: true })] }), "app"]);
    const cache = (assets: string[]) => scene({ elements: [store("cache", { technology: "mobile-app", assets })] });
    expectRule("mobile-insecure-local-storage", [cache(["phi"]), "cache"], [cache(["misc"]), "cache"]);
    expect(reported(cache(["phi"]), "cache")).not.toContain("store-information-disclosure");
  });

  it("mobile-ble-link-shared-with-other-apps: BLE pairing is the only protection", () => {
    const link = (method: string) =>
      scene({
        elements: [proc("sensor", { technology: "embedded-firmware", clinicalFunctions: ["monitoring"] }), app()],
        flows: [flow("b", "sensor", "app", { channel: "ble", assets: ["reading"], encryption: { enabled: true, method }, authentication: { from: { enabled: true, method: "LE Secure Connections bonding" } } })],
      });
    expectRule("mobile-ble-link-shared-with-other-apps", [link("BLE link-layer AES-CCM"), "b"], [link("AES-GCM at the application layer"), "b"]);
  });

  it("mobile-notification-exposure: alarms with readings as phone notifications", () => {
    const make = (assets: string[]) =>
      scene({ elements: [proc("sensor"), app({ clinicalFunctions: ["alarming"] })], flows: [flow("b", "sensor", "app", { channel: "ble", assets })] });
    expectRule("mobile-notification-exposure", [make(["reading", "alarm"]), "app"], [make(["alarm"]), "app"]);
  });
});

