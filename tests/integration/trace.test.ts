import { rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useTempDatabaseUrl } from "../helpers/temp-db";
import { adminUser, type TestUser } from "../helpers/auth";
import { parseCsv } from "../helpers/csv";
import { projectWithRoles } from "../helpers/fixture";

const { dir } = useTempDatabaseUrl();
const projects = await import("@/app/_server/projects");
const threats = await import("@/app/_server/threats");
const traceRoute = await import("@/app/api/projects/[id]/trace/route");
const reviewRoute = await import("@/app/api/projects/[id]/review/route");
const { ELEMENT_CSV_COLUMNS, REQUIREMENT_CSV_COLUMNS } = await import("@/lib/trace/matrix");
const { getDb } = await import("@/db/client");
const { addComment } = await import("@/db/comments");
const admin = await adminUser();

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const REPLAY = "therapy-command-replay@app-therapy-commands";
const BATTERY = "embedded-battery-exhaustion@cgm";
let id: string;
let viewer: TestUser;
let outsider: TestUser;

beforeAll(async () => {
  ({ projectId: id, users: { viewer, outsider } } = await projectWithRoles());
});

const params = (projectId = id) => ({ params: Promise.resolve({ id: projectId }) });
const request = (path: string, user: TestUser | null = admin) => new Request(`http://test.local${path}`, { headers: user ? user.headers : {} });
const trace = (search: string, user: TestUser | null = admin, projectId = id) => traceRoute.GET(request(`/api/projects/${projectId}/trace${search}`, user), params(projectId));
const review = (user: TestUser | null = admin, projectId = id) => reviewRoute.GET(request(`/api/projects/${projectId}/review`, user), params(projectId));

interface RequirementRow {
  id: string;
  state: string;
  controls: { id: string; threats: { id: string }[] }[];
}
interface ElementRow {
  targetId: string;
  threats: { id: string; status: string; before: { acceptable: boolean }; after: { acceptable: boolean } }[];
}

describe("GET /api/projects/{id}/trace, requirements direction", () => {
  it("lists the 17 MDR requirements of MDCG 2019-16 Table 1 with their controls, threats and state", async () => {
    const res = await trace("");
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ project: { id, regulation: "MDR" }, direction: "requirements", filter: { requirement: null, gaps: false } });
    const rows = body.rows as RequirementRow[];
    expect(rows).toHaveLength(17);
    expect(rows[0].id).toBe("MDR-1");
    const byId = Object.fromEntries(rows.map((r) => [r.id, r]));
    expect(byId["MDR-22.1"].state).toBe("no-control");
    expect(byId["MDR-1"].state).toBe("evidenced");
    const doseLimits = byId["MDR-18.8"].controls.find((c) => c.id === "ctl-pump-enforced-dose-limits")!;
    expect(doseLimits.threats.map((t) => t.id)).toContain(REPLAY);
    expect(body.links.csv).toBe(`/api/projects/${id}/trace?format=csv`);
  });

  it("filters by requirement and by gaps", async () => {
    const one = (await (await trace("?requirement=MDR-18.8")).json()).rows as RequirementRow[];
    expect(one.map((r) => r.id)).toEqual(["MDR-18.8"]);
    const gaps = (await (await trace("?gaps=true")).json()).rows as RequirementRow[];
    expect(gaps.length).toBeGreaterThan(0);
    expect(gaps.length).toBeLessThan(17);
    expect(gaps.map((r) => r.id)).toContain("MDR-22.1");
    expect(gaps.every((r) => r.state === "no-control" || r.state === "no-evidence")).toBe(true);
  });

  it("exports CSV with the requirement columns, one line per requirement, control and threat, keeping the filter", async () => {
    const res = await trace("?format=csv&requirement=MDR-18.8");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="trace-requirements-r\d+\.csv"$/);
    const [header, ...lines] = parseCsv(await res.text());
    expect(header).toEqual(REQUIREMENT_CSV_COLUMNS.map((c) => c.header));
    expect(lines.length).toBeGreaterThan(1);
    expect(new Set(lines.map((l) => l[0]))).toEqual(new Set(["MDR-18.8"]));
    const threatColumn = header.indexOf("Threat");
    expect(lines.map((l) => l[threatColumn])).toContain(REPLAY);
  });
});

describe("GET /api/projects/{id}/trace, elements direction", () => {
  it("lists every element and flow with its threats and risk before and after controls", async () => {
    const body = await (await trace("?direction=elements")).json();
    expect(body.direction).toBe("elements");
    const rows = body.rows as ElementRow[];
    expect(rows.map((r) => r.targetId)).toEqual(expect.arrayContaining(["pump", "app-therapy-commands"]));
    const flow = rows.find((r) => r.targetId === "app-therapy-commands")!;
    const replay = flow.threats.find((t) => t.id === REPLAY)!;
    expect(replay).toMatchObject({ before: { acceptable: expect.any(Boolean) }, after: { acceptable: expect.any(Boolean) } });
  });

  it("filters by element, by threat status and by gaps", async () => {
    const one = (await (await trace("?direction=elements&element=app-therapy-commands")).json()).rows as ElementRow[];
    expect(one.map((r) => r.targetId)).toEqual(["app-therapy-commands"]);

    const mitigated = (await (await trace("?direction=elements&status=mitigated")).json()).rows as ElementRow[];
    const statuses = mitigated.flatMap((r) => r.threats.map((t) => t.status));
    expect(statuses.length).toBeGreaterThan(0);
    expect(new Set(statuses)).toEqual(new Set(["mitigated"]));

    const decided = await threats.decide(admin.actor, id, BATTERY, 1, { status: "not-applicable", justification: "The CGM battery is replaced with the sensor every 10 days." });
    expect(decided.ok).toBe(true);
    const ids = async (search: string) => ((await (await trace(search)).json()).rows as ElementRow[]).flatMap((r) => r.threats.map((t) => t.id));
    const all = await ids("?direction=elements");
    const gaps = await ids("?direction=elements&gaps=1");
    expect(all).toContain(BATTERY);
    expect(gaps).not.toContain(BATTERY);
    expect(gaps).toContain(REPLAY);
    expect(gaps.length).toBeLessThan(all.length);
  });

  it("exports CSV with the element columns", async () => {
    const res = await trace("?direction=elements&format=csv&element=pump");
    expect(res.headers.get("content-disposition")).toContain("trace-elements-");
    const [header, ...lines] = parseCsv(await res.text());
    expect(header).toEqual(ELEMENT_CSV_COLUMNS.map((c) => c.header));
    expect(lines.length).toBeGreaterThan(0);
    expect(new Set(lines.map((l) => l[1]))).toEqual(new Set(["pump"]));
  });
});

describe("trace query errors and access", () => {
  it.each([
    ["?direction=sideways", "direction"],
    ["?format=xml", "format"],
    ["?direction=elements&status=done", "status"],
    ["?gaps=maybe", "gaps"],
    ["?requirement=IVDR-16.4", "IVDR-16.4"],
    ["?direction=elements&element=toaster", "toaster"],
  ])("refuses %s with 400", async (search, word) => {
    const res = await trace(search);
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    expect((await res.json()).detail).toContain(word);
  });

  it("needs credentials (401), a role in the project (403) and an existing project (404); read access is enough", async () => {
    expect((await trace("", null)).status).toBe(401);
    expect((await trace("", outsider)).status).toBe(403);
    expect((await trace("?format=csv", outsider)).status).toBe(403);
    expect((await trace("", admin, "no-such-project")).status).toBe(404);
    expect((await trace("?direction=elements&format=csv", viewer)).status).toBe(200);
  });
});

describe("GET /api/projects/{id}/review", () => {
  it("gives the readiness figure, its breakdown and every gap with a link to where it is fixed", async () => {
    const res = await review();
    expect(res.status).toBe(200);
    const body = await res.json();
    const { readiness, gaps } = body;
    expect(readiness.total).toBeGreaterThan(0);
    expect(readiness.total - readiness.passed).toBe(gaps.length);
    expect(readiness.percent).toBe(Math.floor((readiness.passed * 100) / readiness.total));
    expect(readiness.categories.reduce((n: number, c: { total: number }) => n + c.total, 0)).toBe(readiness.total);
    const undecided = gaps.find((g: { id: string }) => g.id.startsWith("undecided-threat:"));
    expect(undecided.href).toBe(`/projects/${id}/threats/${encodeURIComponent(undecided.target.id)}`);
    expect(undecided.href).toContain("%40");
    const requirement = gaps.find((g: { id: string }) => g.id === "requirement-without-control:MDR-22.1");
    expect(requirement.href).toBe(`/projects/${id}/requirements#MDR-22.1`);
    for (const gap of gaps) expect(gap.href).toMatch(new RegExp(`^/projects/${id}(/|$|#|\\?)`));
  });

  it("counts unresolved comments from the database", async () => {
    const before = (await (await review()).json()).gaps.map((g: { id: string }) => g.id);
    expect(before).not.toContain("unresolved-comments:requirement:MDR-1");
    await addComment(await getDb(), id, { targetType: "requirement", targetId: "MDR-1", body: "Is the evidence current?" }, admin.actor);
    const after = (await (await review()).json()).gaps;
    const gap = after.find((g: { id: string }) => g.id === "unresolved-comments:requirement:MDR-1");
    expect(gap).toMatchObject({ category: "comment", href: `/projects/${id}/requirements#MDR-1` });
  });

  it("leaves out threats that became obsolete", async () => {
    const stored = (await projects.loadProject(admin.actor, id))!;
    const model = structuredClone(stored.model);
    model.flows.find((f) => f.id === "app-therapy-commands")!.replayProtection = true;
    const saved = await projects.replaceModel(admin.actor, id, stored.revision, JSON.stringify(model), "replay protection");
    expect(saved.ok).toBe(true);
    const gaps = (await (await review()).json()).gaps.map((g: { target: { id: string } }) => g.target.id);
    expect(gaps).not.toContain(REPLAY);
    const rows = (await (await trace("?direction=elements&element=app-therapy-commands")).json()).rows as ElementRow[];
    expect(rows[0].threats.map((t) => t.id)).not.toContain(REPLAY);
  });

  it("needs credentials (401) and a role in the project (403)", async () => {
    expect((await review(null)).status).toBe(401);
    expect((await review(outsider)).status).toBe(403);
    expect((await review(viewer)).status).toBe(200);
  });
});
