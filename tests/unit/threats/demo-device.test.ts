import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { validateProjectText } from "../../../lib/project/file";
import { analyzeModel } from "../../../lib/threats";

/** The seeded demo device: what an expert expects on its therapy command path, its update path and its cloud. */

const text = readFileSync(fileURLToPath(new URL("../../../examples/insulin-pump-system.yaml", import.meta.url)), "utf8");
const result = validateProjectText(text);
if (!result.ok) throw new Error("demo model invalid");
const model = result.model;
const ids = analyzeModel(model).threats.map((t) => t.id);
const on = (target: string) => ids.filter((id) => id.endsWith(`@${target}`)).map((id) => id.split("@")[0]);

describe("demo device threats", () => {
  it("therapy command path: replay of BLE commands, the unauthenticated service console, therapy settings from the cloud", () => {
    expect(on("app-therapy-commands")).toContain("therapy-command-replay");
    expect(on("app-therapy-commands")).not.toContain("therapy-command-unauthenticated-wireless");
    expect(on("service-console")).toEqual(expect.arrayContaining(["embedded-serial-console-unauthenticated"]));
    expect(on("settings-proposal-to-app")).toContain("therapy-remote-command-path");
    expect(on("pump-buttons")).toContain("therapy-local-reconfiguration");
    expect(on("pump")).toEqual(expect.arrayContaining(["therapy-process-malformed-input", "embedded-battery-exhaustion", "process-elevation-of-privilege"]));
  });

  it("update path: downgrade of the pump, signing key and build pipeline, app store distribution", () => {
    expect(on("pump")).toEqual(expect.arrayContaining(["update-downgrade", "update-interrupts-therapy"]));
    expect(on("pump")).not.toContain("update-not-code-signed");
    expect(on("release-pipeline")).toEqual(expect.arrayContaining(["update-signing-key-theft", "build-pipeline-compromise"]));
    expect(on("firmware-to-pump")).not.toContain("update-spoofed-source");
    expect(on("app-install")).toContain("app-store-distribution");
  });

  it("cloud: multi-patient harm, mass data breach, cross-patient authorization, availability", () => {
    expect(on("cloud-api")).toEqual(expect.arrayContaining(["multi-patient-harm", "cross-patient-authorization", "resource-cloud-exhaustion"]));
    expect(on("cloud-db")).toEqual(expect.arrayContaining(["cloud-mass-data-breach", "phi-backup-recovery"]));
    expect(on("clinician-portal")).toContain("web-injection");
    expect(on("clinician-portal")).not.toContain("portal-account-takeover");
  });

  it("alarms reach the patient through the phone app, which an attacker can suppress", () => {
    expect(on("pump-status-to-app")).toEqual(expect.arrayContaining(["alarm-delivery-suppression", "alarm-non-medical-relay"]));
  });

  it("stays under 5 threats per element and flow on average", () => {
    expect(ids.length / (model.elements.length + model.flows.length)).toBeLessThanOrEqual(5);
  });
});
