import { describe, expect, it } from "vitest";
import { entity, expectRule, fires, flow, inside, person, proc, raised, scene, secured, store } from "./harness";

/** Each rule of the cloud-remote family on a model where it must fire and on a minimal variation where it must not. */

describe("cloud and remote access", () => {
  it("multi-patient-harm: a many-patient system that sends settings to a clinical function", () => {
    const make = (patientReach: string) =>
      scene({
        elements: [proc("cloud", { patientReach }), proc("pump", { clinicalFunctions: ["therapy-delivery"] })],
        flows: [flow("f", "cloud", "pump", { assets: ["settings"], ...secured })],
      });
    expectRule("multi-patient-harm", [make("many"), "cloud"], [make("single"), "cloud"]);
  });

  it("cloud-mass-data-breach: a many-patient cloud store of patient data, replacing phi-bulk-exposure", () => {
    const make = (technology: string) => scene({ elements: [store("db", { technology, patientReach: "many", assets: ["phi"], encryptedAtRest: true })] });
    expectRule("cloud-mass-data-breach", [make("cloud-service"), "db"], [make("database"), "db"]);
    const writtenByCloud = scene({
      elements: [proc("api", { technology: "cloud-service" }), store("db", { technology: "database", patientReach: "many", assets: ["phi"], encryptedAtRest: true })],
      flows: [flow("f", "api", "db", { channel: "internal", assets: ["phi"], ...secured })],
    });
    expect(fires("cloud-mass-data-breach", writtenByCloud, "db")).toBe(true);
    expect(raised(make("cloud-service"))).toContain("cloud-mass-data-breach@db");
    expect(raised(make("cloud-service"))).not.toContain("phi-bulk-exposure@db");
  });

  it("remote-service-access: a service technician over the internet with a password only, replacing credentials-password-only", () => {
    const make = (method: string) =>
      scene({
        elements: [person("tech", "service-technician"), proc("dev", { auditLog: true, clinicalFunctions: ["monitoring"] })],
        boundaries: [inside("site", "dev")],
        flows: [flow("f", "tech", "dev", { ...secured, authentication: { from: { enabled: true, method }, to: { enabled: true, method: "server certificate" } } })],
      });
    expectRule("remote-service-access", [make("service password"), "f"], [make("client certificate and TOTP"), "f"]);
    const unaudited = scene({
      elements: [person("tech", "it-administrator"), proc("dev")],
      flows: [flow("f", "tech", "dev", { channel: "cellular", ...secured })],
    });
    expect(fires("remote-service-access", unaudited, "f")).toBe(true);
    expect(raised(make("service password"))).toContain("remote-service-access@f");
    expect(raised(make("service password"))).not.toContain("credentials-password-only@f");
  });

  it("portal-account-takeover: a web portal on the internet with password-only logins, replacing credentials-password-only", () => {
    const make = (method: string) =>
      scene({
        elements: [person("doc", "clinician"), proc("portal", { technology: "web-application", patientReach: "many" })],
        boundaries: [inside("cloud", "portal")],
        flows: [flow("f", "doc", "portal", { ...secured, authentication: { from: { enabled: true, method }, to: { enabled: true, method: "server certificate" } } })],
      });
    expectRule("portal-account-takeover", [make("e-mail and password"), "f"], [make("password and TOTP"), "f"]);
    expect(raised(make("e-mail and password"))).toContain("portal-account-takeover@f");
    expect(raised(make("e-mail and password"))).not.toContain("credentials-password-only@f");
  });

  it("web-injection: an exposed server application parsing untrusted input, replacing process-tampering", () => {
    const make = (technology: string) =>
      scene({
        elements: [entity("net"), proc("api", { technology, parsesUntrustedInput: true })],
        boundaries: [inside("cloud", "api")],
        flows: [flow("f", "net", "api", { assets: ["phi"] })],
      });
    expectRule("web-injection", [make("server-application"), "api"], [make("embedded-firmware"), "api"]);
    expect(raised(make("server-application"))).toContain("web-injection@api");
    expect(raised(make("server-application"))).not.toContain("process-tampering@api");
  });

  it("cross-patient-authorization: a many-patient API fed by patients' apps", () => {
    const make = (patientReach: string) =>
      scene({
        elements: [proc("app", { technology: "mobile-app" }), proc("api", { technology: "cloud-service", patientReach })],
        boundaries: [inside("phone", "app")],
        flows: [flow("f", "app", "api", { assets: ["phi", "reading"], ...secured })],
      });
    expectRule("cross-patient-authorization", [make("many"), "api"], [make("single"), "api"]);
  });

  it("cloud-dependency-availability: a clinical function fed by a cloud service", () => {
    const make = (kind: string) =>
      scene({
        elements: [entity("cloud", { kind }), proc("app", { clinicalFunctions: ["monitoring"] })],
        flows: [flow("f", "cloud", "app", { assets: ["reading"], ...secured })],
      });
    expectRule("cloud-dependency-availability", [make("cloud-service"), "app"], [make("hospital-system"), "app"]);
  });
});

