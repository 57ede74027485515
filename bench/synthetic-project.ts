import { CONTROL_LIBRARY } from "../lib/controls/library";
import type { Model } from "../lib/model/schema";
import type { ProjectFile } from "../lib/project/file";
import { DEFAULT_RISK_SETTINGS, type Assessment, type ProjectControl, type ThreatAssessment } from "../lib/risk/assessment";
import type { Threat } from "../lib/threats";
import { prng, syntheticModel } from "./synthetic";

/**
 * A synthetic project for the document benchmark: the synthetic model with as many flows as give
 * about `threats` threats, and an assessment that decides most of them, scores them before and
 * after controls, links hazards and controls with verification evidence. Same seed, same project.
 */

const BEFORE = ["CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", "CVSS:3.1/AV:A/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:N", "CVSS:3.1/AV:L/AC:H/PR:L/UI:R/S:U/C:L/I:H/A:L"];
const AFTER = ["CVSS:3.1/AV:N/AC:H/PR:H/UI:R/S:U/C:L/I:L/A:N", "CVSS:3.1/AV:P/AC:H/PR:H/UI:R/S:U/C:N/I:L/A:N", ""];

export function syntheticProject(elements: number, targetThreats: number, analyze: (m: Model) => Threat[], seed = 1): { file: ProjectFile; threats: number } {
  const full = syntheticModel(elements, seed);
  let model = full;
  let threats = analyze(full);
  for (let flows = 0; flows <= full.flows.length; flows += 25) {
    const trimmed = { ...full, flows: full.flows.slice(0, flows) };
    const found = analyze(trimmed);
    if (found.length >= targetThreats || flows + 25 > full.flows.length) {
      model = trimmed;
      threats = found;
      break;
    }
  }
  const r = prng(seed * 7919 + elements);
  const hazards = Array.from({ length: 12 }, (_, i) => ({
    id: `hz-${i + 1}`,
    title: `Hazard ${i + 1}: ${r.pick(["insulin overdose", "missed alarm", "therapy interruption", "wrong dose displayed"])}`,
    harm: "Injury to the patient.",
    severity: r.pick(["minor", "serious", "critical", "catastrophic"] as const),
  }));
  const controls: ProjectControl[] = CONTROL_LIBRARY.slice(0, 40).map((c) => ({
    id: c.id,
    libraryId: c.id,
    title: c.title,
    description: c.description,
    type: c.type,
    fdaCategory: c.fdaCategory,
    capabilities: [...c.capabilities],
    annexI: [...c.annexI],
    transfersToOperator: c.transfersToOperator,
    ifuText: c.operatorAction ?? "",
    status: r.pick(["proposed", "implemented", "verified"] as const),
    evidence: r.chance(0.6) ? [{ method: "security-feature-test", reference: `TR-${r.int(100, 999)}`, result: "passed", date: "2026-01-15", notes: "" }] : [],
  }));
  const decided: ThreatAssessment[] = threats.flatMap((t) => {
    if (r.chance(0.2)) return [];
    const status = r.pick(["mitigated", "mitigated", "mitigated", "accepted", "transferred", "not-applicable"] as const);
    const links = status === "mitigated" ? r.some(controls, 1, 3).map((c) => ({ control: c.id, status: c.status, rationale: "Reduces the likelihood of exploitation." })) : [];
    return [
      {
        id: t.id,
        status,
        justification: `Decided in the synthetic security review: ${status}.`,
        decidedBy: "Benchmark",
        decidedAt: "2026-01-20T10:00:00.000Z",
        ...(t.affectsSafety ? { hazard: r.pick(hazards).id } : {}),
        before: { cvss31: r.pick(BEFORE), cvss40: "", rubric: "" },
        after: { cvss31: status === "mitigated" ? r.pick(AFTER) : "", cvss40: "" },
        controls: links,
      },
    ];
  });
  const assessment: Assessment = { settings: DEFAULT_RISK_SETTINGS, requirements: [], hazards, controls, threats: decided };
  return { file: { model, assessment }, threats: threats.length };
}
