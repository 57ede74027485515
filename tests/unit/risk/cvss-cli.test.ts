import { describe, expect, it } from "vitest";
import { run } from "../cli-run";

async function scored(vector: string) {
  const { code, out, err } = await run("cvss", vector);
  expect(err).toBe("");
  expect(code).toBe(0);
  return JSON.parse(out);
}

describe("medthreat cvss", () => {
  it("scores a CVSS 3.0 vector", async () => {
    expect(await scored("CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H")).toEqual({
      version: "3.0",
      vector: "CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
      score: 9.8,
      baseScore: 9.8,
      severity: "Critical",
      exploitability: 3.9,
    });
  });

  it("scores a CVSS 3.1 vector with temporal metrics and prints it normalised", async () => {
    expect(await scored(" CVSS:3.1/RL:O/E:P/A:H/I:H/C:H/S:U/UI:N/PR:N/AC:L/AV:N/RC:X ")).toEqual({
      version: "3.1",
      vector: "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:P/RL:O",
      score: 8.8,
      baseScore: 9.8,
      severity: "High",
      exploitability: 3.9,
      temporalScore: 8.8,
    });
  });

  it("scores a CVSS 4.0 vector with the Safety value", async () => {
    expect(await scored("CVSS:4.0/AV:A/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:N/SC:N/SI:N/SA:N/MSI:S/S:P")).toEqual({
      version: "4.0",
      vector: "CVSS:4.0/AV:A/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:N/SC:N/SI:N/SA:N/MSI:S/S:P",
      score: 9.7,
      baseScore: 8.6,
      severity: "Critical",
      nomenclature: "CVSS-BE",
    });
  });

  it("an invalid vector exits 1 with the reason on stderr", async () => {
    const { code, out, err } = await run("cvss", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:Q");
    expect(code).toBe(1);
    expect(out).toBe("");
    expect(err).toBe('medthreat cvss: invalid value "Q" for A (Availability): allowed values are H, L, N\n');
  });

  it("without a vector exits 2 with the usage", async () => {
    const { code, out, err } = await run("cvss");
    expect(code).toBe(2);
    expect(out).toBe("");
    expect(err).toContain("expected one CVSS vector, got 0");
    expect(err).toContain('Usage: medthreat cvss "<vector>"');
  });

  it("is listed in the help", async () => {
    const { out } = await run("--help");
    expect(out).toMatch(/^ {2}cvss +score a CVSS 3\.0, 3\.1 or 4\.0 vector$/m);
  });
});
