import { readdirSync, readFileSync, rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useTempDatabaseUrl } from "../helpers/temp-db";
import { exampleText } from "../helpers/models";
import { adminUser } from "../helpers/auth";

const { dir } = useTempDatabaseUrl();
const projects = await import("@/app/api/projects/route");
const importRoute = await import("@/app/api/projects/import/route");
const projectRoute = await import("@/app/api/projects/[id]/route");
const modelRoute = await import("@/app/api/projects/[id]/model/route");
const operationsRoute = await import("@/app/api/projects/[id]/operations/route");
const revisionsRoute = await import("@/app/api/projects/[id]/revisions/route");
const diagramRoute = await import("@/app/api/projects/[id]/diagrams/[diagramId]/route");
const validateRoute = await import("@/app/api/validate/route");
const exportRoute = await import("@/app/api/projects/[id]/export/route");

const base = "http://test.local";
const admin = await adminUser();
/** A request as the administrator (API token); `anonymous` leaves the credentials out. */
const req = (path: string, init: RequestInit = {}, anonymous = false) =>
  new Request(base + path, { ...init, headers: { ...(anonymous ? {} : admin.headers), ...Object.fromEntries(new Headers(init.headers).entries()) } });
const params = <T extends Record<string, string>>(p: T) => ({ params: Promise.resolve(p) });

async function importExample(): Promise<string> {
  const res = await importRoute.POST(req("/api/projects/import?filename=pump.yaml", { method: "POST", body: exampleText() }));
  expect(res.status).toBe(201);
  return (await res.json()).id;
}

async function count(): Promise<number> {
  return (await (await projects.GET(req("/api/projects"))).json()).projects.length;
}

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("REST API", () => {
  let id: string;
  beforeAll(async () => {
    id = await importExample();
  });

  it("creates an empty project from details and lists it", async () => {
    const res = await projects.POST(
      req("/api/projects", { method: "POST", body: JSON.stringify({ project: { name: "Infusion pump", device: { name: "InfuSafe", version: "3" } } }) }),
    );
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(res.headers.get("location")).toBe(`/api/projects/${body.id}`);
    const list = await (await projects.GET(req("/api/projects"))).json();
    expect(list.projects.map((p: { name: string }) => p.name)).toContain("Infusion pump");
  });

  it("answers invalid project details with problem+json listing the paths", async () => {
    const res = await projects.POST(req("/api/projects", { method: "POST", body: JSON.stringify({ project: { name: "", device: {} } }) }));
    expect(res.status).toBe(422);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    const body = await res.json();
    expect(body).toMatchObject({ status: 422, title: expect.any(String), type: expect.stringContaining("invalid-model") });
    expect(body.errors.map((e: { path: string }) => e.path)).toEqual(expect.arrayContaining(["project.name", "project.device.name"]));
  });

  it("answers malformed JSON with 400", async () => {
    const res = await projects.POST(req("/api/projects", { method: "POST", body: "{nope" }));
    expect(res.status).toBe(400);
    expect((await res.json()).detail).toMatch(/not valid JSON/);
  });

  it("refuses an invalid import with every error and stores nothing", async () => {
    const before = await count();
    const bad = exampleText().replace("to: pump\n    channel: serial", "to: pmp\n    channel: serial");
    const res = await importRoute.POST(req("/api/projects/import", { method: "POST", body: bad }));
    expect(res.status).toBe(422);
    const body = await res.json();
    expect(body.errors).toEqual([expect.objectContaining({ path: expect.stringMatching(/^flows\[\d+\]\.to$/), message: 'unknown element "pmp"; did you mean "pump"?', line: expect.any(Number) })]);
    expect(await count()).toBe(before);
  });

  it("refuses an import above the size limit with 413", async () => {
    const before = await count();
    const res = await importRoute.POST(req("/api/projects/import", { method: "POST", body: "#".repeat(32 * 1024 * 1024 + 1) }));
    expect(res.status).toBe(413);
    expect(await count()).toBe(before);
  });

  it("refuses a body shorter than its Content-Length (one cut on the way) with 400 and stores nothing", async () => {
    const before = await count();
    const text = exampleText();
    const declared = String(Buffer.byteLength(text) + 1000);
    const res = await importRoute.POST(req("/api/projects/import", { method: "POST", body: text, headers: { "content-length": declared } }));
    expect(res.status).toBe(400);
    expect((await res.json()).detail).toBe(`the body ended after ${Buffer.byteLength(text)} of the ${declared} bytes its Content-Length announced; nothing was stored, send it again`);
    expect(await count()).toBe(before);
  });

  it("reports how many elements, flows, boundaries, assets and diagrams it stored", async () => {
    const res = await importRoute.POST(req("/api/projects/import", { method: "POST", body: exampleText() }));
    expect((await res.json()).counts).toEqual({ elements: 17, flows: 21, boundaries: expect.any(Number), assets: expect.any(Number), diagrams: expect.any(Number) });
  });

  it("exports YAML and JSON with the revision as ETag, and the export imports to the same model", async () => {
    const yaml = await modelRoute.GET(req(`/api/projects/${id}/model?format=yaml`), params({ id }));
    expect(yaml.headers.get("etag")).toBe('"1"');
    expect(yaml.headers.get("content-type")).toMatch(/yaml/);
    const text = await yaml.text();
    const json = await (await modelRoute.GET(req(`/api/projects/${id}/model?format=json`), params({ id }))).json();
    expect(json.elements.length).toBe(17);
    const again = await importRoute.POST(req("/api/projects/import", { method: "POST", body: text }));
    const copyId = (await again.json()).id;
    const copy = await (await modelRoute.GET(req(`/api/projects/${copyId}/model?format=yaml`), params({ id: copyId }))).text();
    expect(copy).toBe(text);
  });

  it("exports the whole project with its assessment, and an import of the export exports the same bytes", async () => {
    const first = await (await exportRoute.GET(req(`/api/projects/${id}/export?format=yaml`), params({ id }))).text();
    expect(first).toContain("\nassessment:\n");
    expect(first).toContain("id: therapy-remote-command-path@settings-proposal-to-app");
    expect(first).toContain("justification: Settings proposed in the portal are signed");
    const copy = await importRoute.POST(req("/api/projects/import", { method: "POST", body: first }));
    const copyId = (await copy.json()).id;
    const second = await (await exportRoute.GET(req(`/api/projects/${copyId}/export?format=yaml`), params({ id: copyId }))).text();
    expect(second).toBe(first);
    const json = await (await exportRoute.GET(req(`/api/projects/${copyId}/export?format=json`), params({ id: copyId }))).json();
    expect(json.assessment.controls.find((c: { id: string }) => c.id === "ctl-link-supervision-alarm").evidence[0].result).toBe("passed-with-findings");
  });

  it("saves operations with If-Match, refuses stale ones with 409 and a missing If-Match with 428", async () => {
    const op = { op: "upsert-asset", asset: { id: "alarm-log", name: "Alarm log", kind: "log", confidentiality: "low", integrity: "high", availability: "medium" } };
    const missing = await operationsRoute.POST(req(`/api/projects/${id}/operations`, { method: "POST", body: JSON.stringify(op) }), params({ id }));
    expect(missing.status).toBe(428);
    const ok = await operationsRoute.POST(req(`/api/projects/${id}/operations`, { method: "POST", body: JSON.stringify(op), headers: { "if-match": '"1"' } }), params({ id }));
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ revision: 2, summary: 'Added asset "alarm-log"' });
    const stale = await operationsRoute.POST(
      req(`/api/projects/${id}/operations`, { method: "POST", body: JSON.stringify({ ...op, asset: { ...op.asset, id: "other" } }), headers: { "if-match": '"1"' } }),
      params({ id }),
    );
    expect(stale.status).toBe(409);
    const problem = await stale.json();
    expect(problem).toMatchObject({ currentRevision: 2, savedBy: "admin" });
    expect(problem.detail).toMatch(/revision 1 is no longer current/);
    const revisions = await (await revisionsRoute.GET(req(`/api/projects/${id}/revisions`), params({ id }))).json();
    expect(revisions.revisions.map((r: { revision: number }) => r.revision)).toEqual([2, 1]);
  });

  it("replaces the whole model with PUT and validates it first", async () => {
    const current = await modelRoute.GET(req(`/api/projects/${id}/model`), params({ id }));
    const rev = current.headers.get("etag")!;
    const text = (await current.text()).replace("name: GlucoFlow connected insulin pump system", "name: Pump system v2");
    const bad = await modelRoute.PUT(req(`/api/projects/${id}/model`, { method: "PUT", body: "medthreat: 2\n", headers: { "if-match": rev } }), params({ id }));
    expect(bad.status).toBe(422);
    const res = await modelRoute.PUT(req(`/api/projects/${id}/model`, { method: "PUT", body: text, headers: { "if-match": rev } }), params({ id }));
    expect(res.status).toBe(200);
    const project = await (await projectRoute.GET(req(`/api/projects/${id}`), params({ id }))).json();
    expect(project.name).toBe("Pump system v2");
  });

  it("renames, deletes to the trash (once: it is then read-only) and 404s unknown projects", async () => {
    const created = await (await projects.POST(req("/api/projects", { method: "POST", body: JSON.stringify({ project: { name: "Temp", device: { name: "T" } } }) }))).json();
    const pid = created.id;
    const renamed = await projectRoute.PATCH(req(`/api/projects/${pid}`, { method: "PATCH", body: JSON.stringify({ name: "Temp 2" }), headers: { "if-match": '"1"' } }), params({ id: pid }));
    expect(renamed.status).toBe(200);
    expect(await renamed.json()).toMatchObject({ revision: 2, name: "Temp 2" });
    expect((await projectRoute.DELETE(req(`/api/projects/${pid}`, { method: "DELETE" }), params({ id: pid }))).status).toBe(204);
    const again = await projectRoute.DELETE(req(`/api/projects/${pid}`, { method: "DELETE" }), params({ id: pid }));
    expect(again.status).toBe(409);
    expect((await again.json()).detail).toMatch(/^the project is in the Trash/);
    const unknown = await modelRoute.GET(req(`/api/projects/nope/model`), params({ id: "nope" }));
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get("content-type")).toBe("application/problem+json");
  });

  it("serves a diagram's Mermaid text", async () => {
    const res = await diagramRoute.GET(req(`/api/projects/${id}/diagrams/update-path`), params({ id, diagramId: "update-path" }));
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).toMatch(/^flowchart LR/);
    expect(text).toContain("el_release_pipeline");
    expect(text).not.toContain("el_clinician");
    expect((await diagramRoute.GET(req(`/x`), params({ id, diagramId: "nope" }))).status).toBe(404);
  });

  it("validates a file without storing it", async () => {
    const before = await count();
    const res = await validateRoute.POST(req("/api/validate", { method: "POST", body: "medthreat: 1\nproject: {name: x, device: {name: y}}\nflows: [{id: f, from: a, to: b, channel: ble}]\n" }));
    const body = await res.json();
    expect(body.valid).toBe(false);
    expect(body.errors.map((e: { path: string }) => e.path)).toEqual(["flows[0].from", "flows[0].to"]);
    expect(await count()).toBe(before);
  });

  it("answers requests without credentials, or with an unknown token, with 401 and changes nothing", async () => {
    const before = await count();
    const anonymous = await projects.POST(req("/api/projects", { method: "POST", body: JSON.stringify({ project: { name: "Sneaky", device: { name: "X" } } }) }, true));
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get("www-authenticate")).toMatch(/^Bearer/);
    expect((await anonymous.json()).type).toContain("unauthenticated");
    const forged = await projectRoute.GET(req(`/api/projects/${id}`, { headers: { authorization: "Bearer mt_forged" } }, true), params({ id }));
    expect(forged.status).toBe(401);
    const { startSession, SESSION_COOKIE } = await import("@/app/_server/auth");
    const cookie = `${SESSION_COOKIE}=${await startSession(admin.actor)}`;
    expect((await projectRoute.GET(req(`/api/projects/${id}`, { headers: { cookie } }, true), params({ id }))).status).toBe(200);
    for (const authorization of ["Basic YWRtaW46YWRtaW4=", "Bearer whatever", "Bearer mt_forged"]) {
      const withCookie = await projectRoute.GET(req(`/api/projects/${id}`, { headers: { cookie, authorization } }, true), params({ id }));
      expect(withCookie.status, `${authorization} with a valid session cookie`).toBe(401);
    }
    expect(await count()).toBe(before);
  });

  it("documents every API route in docs/openapi.yaml", () => {
    const spec = readFileSync("docs/openapi.yaml", "utf8");
    const routes = readdirSync("app/api", { recursive: true, encoding: "utf8" })
      .filter((f) => f.endsWith("route.ts"))
      .map((f) => "/api/" + f.replace(/\/?route\.ts$/, "").replace(/\[(\w+)\]/g, "{$1}"));
    expect(routes.length).toBeGreaterThan(8);
    for (const route of routes) expect(spec, route).toContain(`  ${route}:\n`);
  });
});
