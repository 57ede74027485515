import { describe, expect, it } from "vitest";
import { entity, expectRule, fires, flow, inside, proc, raised, scene, secured, store } from "./harness";

/** Each rule of the supply-chain family on a model where it must fire and on a minimal variation where it must not. */

const openssl = { name: "OpenSSL", version: "3.0.13", supplier: "OpenSSL Foundation" };
const exposedWith = (extra: Record<string, unknown>) =>
  scene({
    elements: [entity("net"), proc("svc", { parsesUntrustedInput: true, ...extra })],
    boundaries: [inside("device", "svc")],
    flows: [flow("f", "net", "svc", { channel: "ethernet", assets: ["reading"] })],
  });

describe("supply chain", () => {
  it("ots-known-vulnerabilities: an exposed process with third-party software", () => {
    expectRule("ots-known-vulnerabilities", [exposedWith({ thirdPartySoftware: [openssl] }), "svc"], [exposedWith({}), "svc"]);
  });

  it("sbom-unversioned-components: third-party components without a version, replacing ots-known-vulnerabilities", () => {
    const make = (version: string) => exposedWith({ thirdPartySoftware: [{ name: "zlib", version }] });
    expectRule("sbom-unversioned-components", [make(""), "svc"], [make("1.3.1"), "svc"]);
    const database = scene({ elements: [store("db", { assets: ["phi"], thirdPartySoftware: [{ name: "SQLite" }] })] });
    expect(fires("sbom-unversioned-components", database, "db")).toBe(true);
    expect(raised(make(""))).toContain("sbom-unversioned-components@svc");
    expect(raised(make(""))).not.toContain("ots-known-vulnerabilities@svc");
  });

  it("ots-slow-patch-path: an exposed clinical process with OTS updated only on site, replacing ots-known-vulnerabilities", () => {
    const make = (method: string) =>
      exposedWith({ clinicalFunctions: ["diagnosis"], thirdPartySoftware: [openssl], update: { method, codeSigned: true, rollbackProtection: true } });
    expectRule("ots-slow-patch-path", [make("service-tool"), "svc"], [make("over-the-air"), "svc"]);
    expect(fires("ots-slow-patch-path", make("none"), "svc")).toBe(false);
    expect(raised(make("service-tool"))).toContain("ots-slow-patch-path@svc");
    expect(raised(make("service-tool"))).not.toContain("ots-known-vulnerabilities@svc");
  });

  it("app-store-distribution: the app is delivered by an app store", () => {
    const make = (kind: string) =>
      scene({
        elements: [entity("store", { kind }), proc("app", { technology: "mobile-app", clinicalFunctions: ["monitoring"] })],
        flows: [flow("f", "store", "app", { assets: ["image"], ...secured })],
      });
    expectRule("app-store-distribution", [make("app-store"), "f"], [make("update-server"), "f"]);
  });

  it("build-pipeline-compromise: the process where released firmware originates", () => {
    const make = (relay: boolean) =>
      scene({
        elements: [proc("ci", { holdsSecrets: true }), store("repo", { assets: ["image"] }), store("upstream", { assets: ["image"] })],
        flows: [
          flow("publish", "ci", "repo", { assets: ["image"], ...secured }),
          ...(relay ? [flow("fetch", "upstream", "ci", { channel: "internal", assets: ["image"] })] : []),
        ],
      });
    expectRule("build-pipeline-compromise", [make(false), "ci"], [make(true), "ci"]);
  });
});

