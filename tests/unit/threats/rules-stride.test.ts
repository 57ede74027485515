import { describe, expect, it } from "vitest";
import { entity, expectRule, flow, inside, person, proc, scene, secured, store, threats } from "./harness";

/** Each baseline and interaction rule on a model where it must fire and on a minimal variation where it must not. */

const exposedProcess = (extra: Record<string, unknown> = {}, flowExtra: Record<string, unknown> = {}) =>
  scene({
    elements: [entity("net"), proc("svc", { parsesUntrustedInput: true, ...extra })],
    boundaries: [inside("dmz", "svc")],
    flows: [flow("in", "net", "svc", { assets: ["phi", "reading"], ...flowExtra })],
  });
const internalProcess = (extra: Record<string, unknown> = {}) =>
  scene({ elements: [entity("net"), proc("svc", { parsesUntrustedInput: true, ...extra })], flows: [flow("in", "net", "svc", { assets: ["phi", "reading"] })] });

describe("STRIDE per element", () => {
  it("entity-spoofing: an entity that sends without authenticating", () => {
    const open = scene({ elements: [person("nurse", "clinician"), proc("app")], flows: [flow("f", "nurse", "app", { assets: ["settings"] })] });
    const authed = scene({ elements: [person("nurse", "clinician"), proc("app")], flows: [flow("f", "nurse", "app", { assets: ["settings"], ...secured })] });
    expectRule("entity-spoofing", [open, "nurse"], [authed, "nurse"]);
  });

  it("entity-repudiation: commands sent to an element without an audit log", () => {
    const unlogged = scene({ elements: [person("doc", "clinician"), proc("pump")], flows: [flow("f", "doc", "pump", { assets: ["dose"] })] });
    const logged = scene({ elements: [person("doc", "clinician"), proc("pump", { auditLog: true })], flows: [flow("f", "doc", "pump", { assets: ["dose"] })] });
    expectRule("entity-repudiation", [unlogged, "doc"], [logged, "doc"]);
  });

  it("process-spoofing: a process that does not authenticate itself across a boundary", () => {
    const make = (authenticated: boolean) =>
      scene({
        elements: [proc("app"), proc("pump")],
        boundaries: [inside("phone", "app")],
        flows: [flow("f", "app", "pump", { channel: "ble", authentication: { from: { enabled: authenticated } } })],
      });
    expectRule("process-spoofing", [make(false), "app"], [make(true), "app"]);
  });

  it("process-tampering: untrusted input across a boundary", () => {
    expectRule("process-tampering", [exposedProcess(), "svc"], [internalProcess(), "svc"]);
  });

  it("process-repudiation: a clinical process without an audit log", () => {
    const make = (auditLog: boolean) => scene({ elements: [proc("pump", { clinicalFunctions: ["therapy-delivery"], auditLog })] });
    expectRule("process-repudiation", [make(false), "pump"], [make(true), "pump"]);
  });

  it("process-information-disclosure: highly confidential data in an exposed process", () => {
    const lowOnly = exposedProcess({}, { assets: ["misc"] });
    expectRule("process-information-disclosure", [exposedProcess(), "svc"], [lowOnly, "svc"]);
  });

  it("process-denial-of-service: an exposed clinical process", () => {
    const make = (clinicalFunctions: string[], assets: string[]) =>
      scene({ elements: [entity("net"), proc("mon", { clinicalFunctions })], boundaries: [inside("b", "mon")], flows: [flow("in", "net", "mon", { assets })] });
    expectRule("process-denial-of-service", [make(["monitoring"], ["misc"]), "mon"], [make([], ["misc"]), "mon"]);
  });

  it("process-elevation-of-privilege: privileged and parsing untrusted input", () => {
    expectRule("process-elevation-of-privilege", [exposedProcess({ runsPrivileged: true }), "svc"], [exposedProcess({ runsPrivileged: false }), "svc"]);
  });

  it("store-tampering: integrity-critical data at rest", () => {
    expectRule("store-tampering", [scene({ elements: [store("db", { assets: ["settings"] })] }), "db"], [scene({ elements: [store("db", { assets: ["misc"] })] }), "db"]);
  });

  it("store-repudiation: a store of logs or settings", () => {
    expectRule("store-repudiation", [scene({ elements: [store("log", { assets: ["events"] })] }), "log"], [scene({ elements: [store("db", { assets: ["phi"] })] }), "db"]);
  });

  it("store-information-disclosure: confidential data not encrypted at rest", () => {
    const make = (encryptedAtRest: boolean) => scene({ elements: [store("db", { assets: ["phi"], encryptedAtRest })] });
    expectRule("store-information-disclosure", [make(false), "db"], [make(true), "db"]);
  });

  it("store-denial-of-service: data that must be available", () => {
    expectRule("store-denial-of-service", [scene({ elements: [store("db", { assets: ["reading"] })] }), "db"], [scene({ elements: [store("db", { assets: ["events"] })] }), "db"]);
  });

  it("flow-tampering: no integrity protection across a boundary", () => {
    const make = (messageIntegrity: boolean) =>
      scene({ elements: [proc("a"), proc("b")], boundaries: [inside("x", "a")], flows: [flow("f", "a", "b", { assets: ["settings"], messageIntegrity })] });
    expectRule("flow-tampering", [make(false), "f"], [make(true), "f"]);
  });

  it("flow-information-disclosure: confidential data unencrypted on a wireless link", () => {
    const make = (enabled: boolean) => scene({ elements: [proc("a"), proc("b")], flows: [flow("f", "a", "b", { channel: "wifi", assets: ["phi"], encryption: { enabled } })] });
    expectRule("flow-information-disclosure", [make(false), "f"], [make(true), "f"]);
  });

  it("flow-denial-of-service: time-critical data on a wireless link", () => {
    const make = (assets: string[]) => scene({ elements: [proc("a"), proc("b")], flows: [flow("f", "a", "b", { channel: "ble", assets })] });
    expectRule("flow-denial-of-service", [make(["alarm"]), "f"], [make(["events"]), "f"]);
  });
});

describe("STRIDE per interaction", () => {
  const crossing = (extra: Record<string, unknown>) =>
    scene({ elements: [proc("a"), proc("b")], boundaries: [inside("x", "a")], flows: [flow("f", "a", "b", { assets: ["settings", "key"], ...extra })] });

  it("interaction-sender-spoofing: receiver does not authenticate the sender", () => {
    expectRule("interaction-sender-spoofing", [crossing({}), "f"], [crossing({ authentication: { from: { enabled: true } } }), "f"]);
  });

  it("interaction-receiver-spoofing: sender does not authenticate the receiver", () => {
    expectRule("interaction-receiver-spoofing", [crossing({}), "f"], [crossing({ authentication: { to: { enabled: true } } }), "f"]);
  });

  it("interaction-replay: configuration without replay protection", () => {
    expectRule("interaction-replay", [crossing({}), "f"], [crossing({ replayProtection: true }), "f"]);
  });

  it("interaction-wireless-man-in-the-middle: encrypted radio link with an unauthenticated end", () => {
    const radio = (authTo: boolean) =>
      scene({
        elements: [proc("a"), proc("b")],
        flows: [flow("f", "a", "b", { channel: "ble", encryption: { enabled: true }, authentication: { from: { enabled: true }, to: { enabled: authTo } } })],
      });
    expectRule("interaction-wireless-man-in-the-middle", [radio(false), "f"], [radio(true), "f"]);
  });
});

describe("explanations and coverage", () => {
  it("explains a threat with the facts that made it fire", () => {
    const model = scene({ elements: [store("db", { assets: ["reading"] })] });
    const threat = threats(model).find((t) => t.id === "store-information-disclosure@db")!;
    expect(threat.explanation).toEqual(["max.confidentiality is 2", "encryptedAtRest is false"]);
    expect(threat.description).toContain("Glucose reading");
  });

  it("a fully protected flow inside one boundary raises no flow threats", () => {
    const model = scene({ elements: [proc("a"), proc("b")], flows: [flow("f", "a", "b", { assets: ["phi"], ...secured })] });
    expect(threats(model).filter((t) => t.targetId === "f")).toEqual([]);
  });
});
