import { rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useTempDatabaseUrl } from "../helpers/temp-db";
import { exampleModel } from "../helpers/models";
import type { Model } from "@/lib/model/schema";
import { adminUser } from "../helpers/auth";

const { dir } = useTempDatabaseUrl();
const projects = await import("@/app/_server/projects");
const threats = await import("@/app/_server/threats");
const threatRoute = await import("@/app/api/projects/[id]/threats/[threatId]/route");
const threatsRoute = await import("@/app/api/projects/[id]/threats/route");
const rulesRoute = await import("@/app/api/projects/[id]/rules/route");
const admin = await adminUser();
const A = admin.actor;

afterAll(() => rmSync(dir, { recursive: true, force: true }));

let id: string;
const replay = "therapy-command-replay@app-therapy-commands";

async function save(change: (m: Model) => void) {
  const stored = (await projects.loadProject(A, id))!;
  const next = structuredClone(stored.model);
  change(next);
  const outcome = await projects.replaceModel(A, id, stored.revision, JSON.stringify(next), "test change");
  expect(outcome.ok).toBe(true);
}

beforeAll(async () => {
  const created = await projects.createProjectFromDetails(A, { name: "Threat sync", device: { name: "Pump" } });
  if (!created.ok) throw new Error("project not created");
  id = created.value.id;
  await save((m) => Object.assign(m, exampleModel(), { project: m.project }));
});

describe("threat records and decisions", () => {
  it("records every threat of the current revision as open", async () => {
    const data = (await threats.projectThreats(A, id))!;
    expect(data.analysis.threats.length).toBeGreaterThan(10);
    expect(data.records.size).toBe(data.analysis.threats.length);
    expect(data.records.get(replay)).toMatchObject({ status: "open", version: 1, obsoleteSinceRevision: null });
  });

  it("refuses a decision without justification, and one based on a stale version", async () => {
    const missing = await threats.decide(A, id, replay, 1, { status: "mitigated", justification: "" });
    expect(missing).toMatchObject({ ok: false, kind: "invalid" });
    const first = await threats.decide(A, id, replay, 1, { status: "mitigated", justification: "Session counter added to every command (REQ-214)." });
    expect(first.ok).toBe(true);
    const stale = await threats.decide(A, id, replay, 1, { status: "accepted", justification: "Range is short enough for the patient to notice." });
    expect(stale).toMatchObject({ ok: false, kind: "conflict" });
    if (!stale.ok && stale.kind === "conflict") expect(stale.message).toContain('set it to "mitigated"');
  });

  it("keeps decisions when the model changes, marks vanished threats obsolete and brings them back with their decision", async () => {
    await save((m) => {
      const f = m.flows.find((x) => x.id === "app-therapy-commands")!;
      f.replayProtection = true;
    });
    let data = (await threats.projectThreats(A, id))!;
    expect(data.analysis.threats.map((t) => t.id)).not.toContain(replay);
    const obsolete = data.records.get(replay)!;
    expect(obsolete.obsoleteSinceRevision).toBe(data.revision);
    expect(obsolete.status).toBe("mitigated");

    await save((m) => {
      m.flows.find((x) => x.id === "app-therapy-commands")!.replayProtection = false;
    });
    data = (await threats.projectThreats(A, id))!;
    expect(data.records.get(replay)).toMatchObject({ obsoleteSinceRevision: null, status: "mitigated" });
    const history = (await threats.historyOf(A, id, replay)).map((e) => e.kind);
    expect(history).toEqual(["found", "decision", "obsolete", "found-again"]);
  });

  it("gives the same threat ids after an unrelated edit", async () => {
    const before = (await threats.projectThreats(A, id))!.analysis.threats.map((t) => t.id);
    await save((m) => {
      m.project.intendedPurpose += " Edited.";
    });
    const after = (await threats.projectThreats(A, id))!.analysis.threats.map((t) => t.id);
    expect(after).toEqual(before);
  });

  it("serves threats as CSV and a single threat with its decision over the API", async () => {
    const csv = await (await threatsRoute.GET(new Request(`http://x/api/projects/${id}/threats?format=csv`, { headers: admin.headers }), { params: Promise.resolve({ id }) })).text();
    expect(csv.split("\r\n")[0]).toContain("id,rule,stride");
    expect(csv).toContain(`${replay},therapy-command-replay,tampering`);
    expect(csv).toContain("mitigated");
    const res = await threatRoute.GET(new Request("http://x", { headers: admin.headers }), { params: Promise.resolve({ id, threatId: replay }) });
    const body = await res.json();
    expect(body.decision.status).toBe("mitigated");
    expect(res.headers.get("etag")).toBe(`"${body.decision.version}"`);
    const transfer = (version: number) =>
      threatRoute.PUT(
        new Request("http://x", { method: "PUT", body: JSON.stringify({ status: "transferred", justification: "IFU section 7.3 tells users to keep the phone paired only with their pump." }), headers: { ...admin.headers, "if-match": `"${version}"` } }),
        { params: Promise.resolve({ id, threatId: replay }) },
      );
    const refused = await transfer(body.decision.version);
    expect(refused.status).toBe(422);
    expect((await refused.json()).detail).toMatch(/link a control that transfers risk to the operator/);
    const assessment = await import("@/app/_server/assessment");
    const control = { id: "ctl-ifu-pairing", title: "IFU: pair only with your own pump", type: "information-for-security", transfersToOperator: true, ifuText: "Pair the app only with the pump you wear." };
    expect((await assessment.saveControl(A, id, control, 0)).ok).toBe(true);
    const linked = await assessment.saveThreatRisk(A, id, replay, body.decision.version, { controls: [{ control: "ctl-ifu-pairing", status: "implemented", rationale: "users told in the IFU" }] });
    expect(linked.ok).toBe(true);
    const put = await transfer(linked.ok ? linked.version : 0);
    expect(put.status).toBe(200);
    expect((await put.json()).status).toBe("transferred");
  });
});

describe("custom rules", () => {
  const rule = `medthreatRules: 1
rules:
  - id: acme-pump-memory-rule
    title: "{{name}} keeps pairing keys in plain flash"
    stride: information-disclosure
    targets: [data-store]
    when: { all: [{ fact: storedAssetKinds, has: credential }, { fact: encryptedAtRest, is: false }] }
    description: "{{name}} stores {{assets}} without encryption."
    cwe: [CWE-312]
    safety: { when: never, why: Disclosure of keys enables later attacks but harms nobody directly. }
    annexI: [MDR-17.2]
`;
  const put = (text: string, version: string) =>
    rulesRoute.PUT(new Request("http://x", { method: "PUT", body: text, headers: { ...admin.headers, "if-match": version } }), { params: Promise.resolve({ id }) });

  it("refuses an invalid rule file with the path of each problem and saves nothing", async () => {
    const res = await put(rule.replace("storedAssetKinds", "storedKinds").replace("MDR-17.2", "MDR-99"), '"0"');
    expect(res.status).toBe(422);
    const body = await res.json();
    expect(body.errors.map((e: { path: string }) => e.path)).toEqual(expect.arrayContaining(["rules[0].when.all[0].fact", "rules[0].annexI[0]"]));
    expect((await threats.ruleSetText(A, `project:${id}`)).version).toBe(0);
  });

  it("runs a saved rule through the same engine as the built-in ones", async () => {
    expect((await put(rule, '"0"')).status).toBe(200);
    const data = (await threats.projectThreats(A, id))!;
    const custom = data.analysis.threats.find((t) => t.id === "acme-pump-memory-rule@pump-memory");
    expect(custom).toMatchObject({ family: "custom", stride: "information-disclosure", annexI: ["MDR-17.2"] });
    expect(custom!.explanation).toEqual(["storedAssetKinds includes credential (storedAssetKinds: therapy-command, credential, patient-data, configuration)", "encryptedAtRest is false"]);
    expect((await put(rule, '"0"')).status).toBe(409);
  });
});
