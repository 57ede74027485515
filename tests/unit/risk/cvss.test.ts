import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import aeCvss from "ae-cvss-calculator";
import cvss from "cvss";
import { describe, expect, it } from "vitest";
import { buildVector, CVSS_METRIC_GROUPS, CVSS_VERSIONS, metricsOf, parseVector, scoreVector, severityOf, type CvssVersion } from "../../../lib/risk/cvss";

interface Oracle {
  vector: string;
  score: number;
  severity?: string;
  source: string;
}

const HERE = path.dirname(fileURLToPath(import.meta.url));
// A copy of ../shared/domain/cvss-oracles.json, so the tests run on a clean clone.
const ORACLE_FILE = path.join(HERE, "cvss-oracles.json");
const SHARED_ORACLE_FILE = path.join(HERE, "../../../../shared/domain/cvss-oracles.json");
const ORACLES: Oracle[] = JSON.parse(readFileSync(ORACLE_FILE, "utf8"));
const V3_ORACLES = ORACLES.filter((o) => o.vector.startsWith("CVSS:3.1/"));

function scored(vector: string) {
  const result = scoreVector(vector);
  if (!result.ok) throw new Error(`${vector}: ${result.reason}`);
  return result;
}

function parsed(vector: string) {
  const result = parseVector(vector);
  if (!result.ok) throw new Error(`${vector}: ${result.reason}`);
  return result;
}

function refusal(vector: string) {
  const result = parseVector(vector);
  if (result.ok) throw new Error(`${vector} was accepted`);
  expect(scoreVector(vector)).toEqual(result);
  return result;
}

const RCE_31 = "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H";
const RCE_40 = "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N";

describe("the oracle file", () => {
  it("holds 31 CVSS 3.1 and 40 CVSS 4.0 vectors", () => {
    expect(V3_ORACLES).toHaveLength(31);
    expect(ORACLES.filter((o) => o.vector.startsWith("CVSS:4.0/"))).toHaveLength(40);
  });

  it.runIf(existsSync(SHARED_ORACLE_FILE))("is the same as the shared domain file", () => {
    expect(JSON.parse(readFileSync(SHARED_ORACLE_FILE, "utf8"))).toEqual(ORACLES);
  });
});

describe("scoreVector against the FIRST-verified oracles", () => {
  it.each(ORACLES.map((o) => [o.vector, o] as const))("%s", (vector, oracle) => {
    const result = scored(vector);
    expect(result.score).toBe(oracle.score);
    if (oracle.severity !== undefined) expect(result.severity).toBe(oracle.severity);
  });

  // All 31 agree exactly: none of these vectors falls on a case where the 3.0 and 3.1 rounding differ.
  it.each(V3_ORACLES.map((o) => [o.vector] as const))("the cvss package agrees on the base score of %s (as CVSS:3.0)", (vector) => {
    const as30 = vector.replace("CVSS:3.1/", "CVSS:3.0/");
    const independent = cvss.getBaseScore(as30, { throw: true });
    expect(scored(vector).baseScore).toBe(independent);
    expect(scored(as30).baseScore).toBe(independent);
  });
});

describe("severity", () => {
  it.each([
    [0, "None"], [0.1, "Low"], [3.9, "Low"], [4, "Medium"], [6.9, "Medium"], [7, "High"], [8.9, "High"], [9, "Critical"], [10, "Critical"],
  ] as const)("%s is %s", (score, severity) => {
    expect(severityOf(score)).toBe(severity);
  });

  it("is the severity of the overall score", () => {
    expect(scored(RCE_31).severity).toBe("Critical");
    expect(scored("CVSS:3.1/AV:P/AC:H/PR:H/UI:R/S:U/C:N/I:N/A:N").severity).toBe("None");
    expect(scored(`${RCE_31}/E:U/RL:O/RC:U`)).toMatchObject({ baseScore: 9.8, score: 7.8, severity: "High" });
  });
});

describe("scores per version", () => {
  it("3.x: base, then temporal, then environmental, with the exploitability sub-score", () => {
    expect(scored(RCE_31)).toEqual({ ok: true, version: "3.1", vector: RCE_31, metrics: parsed(RCE_31).metrics, score: 9.8, baseScore: 9.8, severity: "Critical", exploitability: 3.9 });
    const temporal = scored(`${RCE_31}/E:P/RL:O`);
    expect(temporal).toMatchObject({ baseScore: 9.8, temporalScore: 8.8, score: 8.8 });
    expect(temporal.environmentalScore).toBeUndefined();
    const environmental = scored(`${RCE_31}/E:P/RL:O/CR:H/MAV:L`);
    expect(environmental.environmentalScore).toBeLessThan(environmental.temporalScore!);
    expect(environmental.score).toBe(environmental.environmentalScore);
    expect(scored(`${RCE_31}/MAV:P`).score).toBeLessThan(9.8);
  });

  it("3.x: explicit X values score as if left out", () => {
    expect(scored(`${RCE_31}/E:X/RL:X/RC:X/CR:X/MAV:X`)).toEqual(scored(RCE_31));
  });

  it("3.0 vectors are scored with the 3.0 formula", () => {
    expect(scored(RCE_31.replace("3.1", "3.0"))).toMatchObject({ version: "3.0", score: 9.8, severity: "Critical" });
  });

  it("4.0: the nomenclature follows the metric groups given", () => {
    expect(scored(RCE_40)).toEqual({ ok: true, version: "4.0", vector: RCE_40, metrics: parsed(RCE_40).metrics, score: 9.3, baseScore: 9.3, severity: "Critical", nomenclature: "CVSS-B" });
    expect(scored(`${RCE_40}/E:U`)).toMatchObject({ nomenclature: "CVSS-BT", baseScore: 9.3 });
    expect(scored(`${RCE_40}/MAV:L`)).toMatchObject({ nomenclature: "CVSS-BE", baseScore: 9.3 });
    expect(scored(`${RCE_40}/E:U/CR:L`)).toMatchObject({ nomenclature: "CVSS-BTE", baseScore: 9.3 });
    expect(scored(`${RCE_40}/E:X/S:P/AU:Y/U:Red`)).toMatchObject({ nomenclature: "CVSS-B", score: 9.3 });
    expect(scored(`${RCE_40}/E:U`).score).toBeLessThan(9.3);
  });

  it("4.0: adding MSI:S to the adjacent-network vector raises 8.6 to 9.7 (reference §5.2)", () => {
    const without = "CVSS:4.0/AV:A/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:N/SC:N/SI:N/SA:N/S:P";
    const withSafety = "CVSS:4.0/AV:A/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:N/SC:N/SI:N/SA:N/MSI:S/S:P";
    expect(ORACLES.map((o) => o.vector)).toEqual(expect.arrayContaining([without, withSafety]));
    expect(scored(without)).toMatchObject({ score: 8.6, severity: "High", nomenclature: "CVSS-B" });
    expect(scored(withSafety)).toMatchObject({ score: 9.7, baseScore: 8.6, severity: "Critical", nomenclature: "CVSS-BE" });
  });

  it("4.0: MSA:S scores higher than MSA:H", () => {
    const vector = "CVSS:4.0/AV:L/AC:L/AT:N/PR:L/UI:N/VC:N/VI:N/VA:L/SC:N/SI:N/SA:N";
    expect(scored(`${vector}/MSA:S`).score).toBeGreaterThan(scored(`${vector}/MSA:H`).score);
  });
});

describe("parseVector refuses bad vectors with a precise reason", () => {
  it.each([
    ["", "prefix", "empty vector"],
    ["AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", "prefix", 'missing prefix: a vector starts with one of "CVSS:3.0/", "CVSS:3.1/", "CVSS:4.0/"'],
    [RCE_31.toLowerCase(), "prefix", "the prefix is case-sensitive"],
    ["CVSS:2.0/AV:N/AC:L/Au:N/C:C/I:C/A:C", "prefix", 'unknown CVSS version "2.0" in the prefix: supported are 3.0, 3.1, 4.0'],
    [`${RCE_31}/XX:Y`, "unknown-metric", 'unknown metric "XX" for CVSS 3.1'],
    [`${RCE_31}/AT:N`, "unknown-metric", 'unknown metric "AT" for CVSS 3.1 (it is a CVSS 4.0 metric)'],
    [`${RCE_40}/RL:O`, "unknown-metric", 'unknown metric "RL" for CVSS 4.0 (it is a CVSS 3.0/3.1 metric)'],
    [RCE_31.replace("AV:N", "AV:Q"), "invalid-value", 'invalid value "Q" for AV (Attack Vector): allowed values are N, A, L, P'],
    [RCE_31.replace("AV:N", "AV:X"), "invalid-value", "(a base metric cannot be Not Defined)"],
    [`${RCE_31}/E:A`, "invalid-value", 'invalid value "A" for E (Exploit Code Maturity): allowed values are X, H, F, P, U'],
    [RCE_40.replace("SI:N", "SI:S"), "invalid-value", 'invalid value "S" for SI (Subsequent System Integrity Impact): allowed values are H, L, N'],
    [`${RCE_40}/MSC:S`, "invalid-value", "allowed values are X, H, L, N"],
    [`${RCE_40}/U:red`, "invalid-value", "allowed values are X, Clear, Green, Amber, Red"],
    [`${RCE_31}/AV:N`, "duplicate-metric", "duplicate metric AV (Attack Vector): given as AV:N and AV:N"],
    [`${RCE_40}/E:A/E:X`, "duplicate-metric", "duplicate metric E (Exploit Maturity)"],
    ["CVSS:3.1/AV:N/AC:L/PR:N/UI:N/C:H/I:H/A:H", "missing-metric", "missing mandatory base metric: S (Scope)"],
    ["CVSS:4.0/AV:N/AC:L/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N", "missing-metric", "missing mandatory base metrics: AT (Attack Requirements), SA (Subsequent System Availability Impact)"],
    ["CVSS:3.1", "missing-metric", "missing mandatory base metrics: AV (Attack Vector), AC (Attack Complexity), PR"],
    [`${RCE_31}/`, "syntax", 'malformed vector: empty component at position 9 (a doubled or trailing "/")'],
    [RCE_31.replace("/AC", "//AC"), "syntax", "empty component at position 2"],
    [RCE_31.replace("AC:L", "ACL"), "syntax", 'malformed vector: "ACL" at position 2 is not METRIC:VALUE'],
    [RCE_31.replace("AC:L", "AC:L:H"), "syntax", '"AC:L:H" at position 2 is not METRIC:VALUE'],
    [RCE_31.replace("/AC:L", "/ AC:L"), "syntax", '" AC:L" at position 2 is not METRIC:VALUE'],
  ] as const)("%s", (vector, kind, reason) => {
    const result = refusal(vector);
    expect(result.kind).toBe(kind);
    expect(result.reason).toContain(reason);
  });
});

describe("normalisation", () => {
  it("orders metrics as the spec does, trims whitespace and drops explicit X", () => {
    expect(parsed("  CVSS:3.1/A:H/I:H/C:H/S:U/UI:N/PR:N/AC:L/AV:N\n").vector).toBe(RCE_31);
    expect(parsed("CVSS:3.1/RC:C/E:X/C:H/MAV:L/AV:N/AC:L/PR:N/UI:N/S:U/I:H/A:H/CR:X").vector).toBe(`${RCE_31}/RC:C/MAV:L`);
    expect(parsed(`CVSS:4.0/U:Red/S:P/MSI:S/CR:H/E:P/${RCE_40.slice(9).split("/").reverse().join("/")}/AU:X`)).toEqual({
      ok: true,
      version: "4.0",
      vector: `${RCE_40}/E:P/CR:H/MSI:S/S:P/U:Red`,
      metrics: { AV: "N", AC: "L", AT: "N", PR: "N", UI: "N", VC: "H", VI: "H", VA: "H", SC: "N", SI: "N", SA: "N", E: "P", CR: "H", MSI: "S", S: "P", U: "Red" },
    });
  });

  it.each(ORACLES.map((o) => [o.vector] as const))("a reversed %s gives the same vector and score", (vector) => {
    const [prefix, ...parts] = vector.split("/");
    const shuffled = [prefix, ...parts.reverse()].join("/");
    expect(parsed(shuffled).vector).toBe(parsed(vector).vector);
    expect(scored(shuffled).score).toBe(scored(vector).score);
  });
});

describe("buildVector", () => {
  it.each(ORACLES.map((o) => [o.vector] as const))("round-trips with parseVector: %s", (vector) => {
    const first = parsed(vector);
    const built = buildVector(first.version, first.metrics);
    expect(built).toBe(first.vector);
    expect(parsed(built)).toEqual(first);
  });

  it("leaves out X and empty selections and keeps spec order", () => {
    expect(buildVector("4.0", { U: "Red", AV: "N", E: "X", MSI: "S", AC: undefined, AT: "" })).toBe("CVSS:4.0/AV:N/MSI:S/U:Red");
  });

  it("throws on a metric or value the version does not have", () => {
    expect(() => buildVector("3.1", { AT: "N" })).toThrow('unknown metric "AT" for CVSS 3.1');
    expect(() => buildVector("4.0", { SC: "S" })).toThrow('invalid value "S" for SC');
  });
});

describe("metric definitions", () => {
  it("list the groups in vector order with the base metrics mandatory", () => {
    expect(CVSS_METRIC_GROUPS["3.1"].map((g) => g.id)).toEqual(["base", "temporal", "environmental"]);
    expect(CVSS_METRIC_GROUPS["4.0"].map((g) => g.id)).toEqual(["base", "threat", "environmental", "supplemental"]);
    for (const version of CVSS_VERSIONS) {
      for (const group of CVSS_METRIC_GROUPS[version]) {
        for (const m of group.metrics) {
          expect(m.mandatory, `${version} ${m.abbr}`).toBe(group.id === "base");
          expect(m.values[0].abbr === "X", `${version} ${m.abbr}`).toBe(!m.mandatory);
        }
      }
    }
  });

  it("4.0 has the medical-safety values", () => {
    const values = (abbr: string) => metricsOf("4.0").find((m) => m.abbr === abbr)!.values;
    expect(values("MSI")).toEqual([
      { abbr: "X", name: "Not Defined" }, { abbr: "S", name: "Safety" }, { abbr: "H", name: "High" }, { abbr: "L", name: "Low" }, { abbr: "N", name: "Negligible" },
    ]);
    expect(values("MSA").map((v) => v.abbr)).toEqual(["X", "S", "H", "L", "N"]);
    expect(values("S")).toEqual([{ abbr: "X", name: "Not Defined" }, { abbr: "N", name: "Negligible" }, { abbr: "P", name: "Present" }]);
    expect(values("U").map((v) => v.name)).toEqual(["Not Defined", "Clear", "Green", "Amber", "Red"]);
    expect(metricsOf("4.0").map((m) => m.abbr).slice(-6)).toEqual(["S", "AU", "R", "V", "RE", "U"]);
  });

  const calculatorFor = (version: CvssVersion) => (version === "4.0" ? new aeCvss.Cvss4P0() : version === "3.0" ? new aeCvss.Cvss3P0() : new aeCvss.Cvss3P1());

  it.each(CVSS_VERSIONS.map((v) => [v] as const))("CVSS %s agrees with ae-cvss-calculator on metrics and values", (version) => {
    const calculator = calculatorFor(version);
    const theirs = new Map([...calculator.getRegisteredComponents().values()].flat().map((c) => [c.shortName, c.values.filter((v) => !v.hide).map((v) => v.shortName).sort()]));
    const ours = new Map(metricsOf(version).map((m) => [m.abbr, m.values.map((v) => v.abbr).filter((v) => !m.mandatory || v !== "X").sort()]));
    const theirsWithoutBaseX = new Map([...theirs].map(([abbr, values]) => [abbr, ours.get(abbr)?.includes("X") ? values : values.filter((v) => v !== "X")]));
    expect(Object.fromEntries(ours)).toEqual(Object.fromEntries(theirsWithoutBaseX));
  });

  it("CVSS 4.0 metric order is ae-cvss-calculator's vector-string order", () => {
    const order = [...new aeCvss.Cvss4P0().getVectorStringOrderProperties().values()].flat().map((c) => c.shortName);
    expect(metricsOf("4.0").map((m) => m.abbr)).toEqual(order);
  });
});
