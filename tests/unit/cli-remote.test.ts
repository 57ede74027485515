import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { serializeModel } from "../../lib/model/format";
import { validateProjectText } from "../../lib/project/file";
import { run } from "./cli-run";
import { EXAMPLE_PATH, fixturePath } from "./model/helpers";

/** A stand-in medthreat server: records every request and answers from `reply`. */
interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage["headers"];
  body: string;
}
type Reply = { status: number; body?: string; headers?: Record<string, string> };

const TOKEN = "mt_test-token";
const seen: Seen[] = [];
let reply: (req: Seen) => Reply = () => ({ status: 404 });
let server: Server;
let base: string;
const dir = mkdtempSync(path.join(tmpdir(), "medthreat-remote-"));
const example = readFileSync(EXAMPLE_PATH, "utf8");
const exampleModel = () => {
  const result = validateProjectText(example);
  if (!result.ok) throw new Error("the example should be valid");
  return result.model;
};
const problem = (status: number, title: string, detail: string, extra: object = {}): Reply => ({
  status,
  body: JSON.stringify({ type: "https://medthreat.dev/problems/x", title, status, detail, ...extra }),
  headers: { "content-type": "application/problem+json" },
});

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const request = { method: req.method!, url: req.url!, headers: req.headers, body: Buffer.concat(chunks).toString("utf8") };
      seen.push(request);
      const answer = request.headers.authorization === `Bearer ${TOKEN}` ? reply(request) : problem(401, "Not signed in", "sign in first");
      res.writeHead(answer.status, answer.headers ?? {});
      res.end(answer.body ?? "");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});
beforeEach(() => {
  seen.length = 0;
  process.env.MEDTHREAT_TOKEN = TOKEN;
  process.env.MEDTHREAT_SERVER = base;
});
afterEach(() => {
  delete process.env.MEDTHREAT_TOKEN;
  delete process.env.MEDTHREAT_SERVER;
});

describe("medthreat pull", () => {
  it("downloads the project file with the token and writes it to --out, JSON chosen by the file name", async () => {
    reply = () => ({ status: 200, body: '{"medthreat":1}', headers: { "content-type": "application/json" } });
    const out = path.join(dir, "pump.json");
    const result = await run("pull", "pump 1", "--out", out);
    expect(result).toMatchObject({ code: 0, out: "" });
    expect(result.err).toContain(`wrote project pump 1 to ${out}`);
    expect(readFileSync(out, "utf8")).toBe('{"medthreat":1}');
    expect(seen).toEqual([expect.objectContaining({ method: "GET", url: "/api/projects/pump%201/export?format=json" })]);
  });

  it("prints YAML to stdout by default and takes the server from --server", async () => {
    delete process.env.MEDTHREAT_SERVER;
    reply = () => ({ status: 200, body: "medthreat: 1\n", headers: { "content-type": "application/yaml" } });
    const result = await run("pull", "p1", "--server", `${base}/`);
    expect(result).toMatchObject({ code: 0, out: "medthreat: 1\n" });
    expect(seen[0].url).toBe("/api/projects/p1/export?format=yaml");
  });

  it("refuses to run without a token or a server, and never sends anything", async () => {
    delete process.env.MEDTHREAT_TOKEN;
    const noToken = await run("pull", "p1");
    expect(noToken.code).toBe(2);
    expect(noToken.err).toContain("MEDTHREAT_TOKEN");
    process.env.MEDTHREAT_TOKEN = TOKEN;
    delete process.env.MEDTHREAT_SERVER;
    const noServer = await run("pull", "p1");
    expect(noServer.code).toBe(2);
    expect(noServer.err).toContain("--server");
    expect(seen).toEqual([]);
  });

  it("explains a refused token (401), a missing project (404) and a forbidden one (403) with the server's detail", async () => {
    process.env.MEDTHREAT_TOKEN = "mt_revoked";
    const unauthorized = await run("pull", "p1");
    expect(unauthorized.code).toBe(1);
    expect(unauthorized.err).toContain("401 Not signed in: sign in first");
    expect(unauthorized.err).toContain("revoked");
    process.env.MEDTHREAT_TOKEN = TOKEN;
    reply = () => problem(404, "Not found", 'there is no project "nope"');
    const missing = await run("pull", "nope");
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('404 Not found: there is no project "nope"');
    reply = () => problem(403, "Not allowed", "your role in this project (none) does not allow you to read the project");
    const forbidden = await run("pull", "p1", "-o", path.join(dir, "never.yaml"));
    expect(forbidden.code).toBe(1);
    expect(forbidden.err).toContain("403 Not allowed: your role in this project (none)");
    expect(() => readFileSync(path.join(dir, "never.yaml"))).toThrow();
  });

  it("reports a server that cannot be reached", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const result = await run("pull", "p1", "--server", `http://127.0.0.1:${port}`);
    expect(result.code).toBe(1);
    expect(result.err).toContain(`cannot reach http://127.0.0.1:${port}: ECONNREFUSED`);
  });

  it("says --help that the token comes only from the environment", async () => {
    const help = await run("pull", "--help");
    expect(help.out).toContain("MEDTHREAT_TOKEN");
    expect(help.out).toContain("shell history");
    expect((await run("--help")).out).toMatch(/^ {2}push +\S/m);
  });
});

describe("medthreat push", () => {
  it("imports a file as a new project, sending it as it is", async () => {
    reply = () => ({ status: 201, body: JSON.stringify({ id: "new1", name: "GlucoFlow", currentRevision: 1 }), headers: { "content-type": "application/json" } });
    const result = await run("push", EXAMPLE_PATH);
    expect(result.code).toBe(0);
    expect(result.out).toContain(`created project new1 "GlucoFlow" (revision 1): ${base}/projects/new1`);
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ method: "POST", url: "/api/projects/import?filename=insulin-pump-system.yaml", body: example });
    expect(seen[0].headers["content-type"]).toBe("application/yaml");
  });

  it("with --project replaces only the model, based on the revision it just read", async () => {
    const older = structuredClone(exampleModel());
    older.project.name = "Older name";
    reply = (req): Reply =>
      req.method === "GET"
        ? { status: 200, body: serializeModel(older, "json"), headers: { "content-type": "application/json", etag: '"7"' } }
        : { status: 200, body: JSON.stringify({ revision: 8 }), headers: { "content-type": "application/json" } };
    const result = await run("push", EXAMPLE_PATH, "--project", "p1");
    expect(result.code).toBe(0);
    expect(result.out).toContain("saved revision 8 of project p1");
    expect(result.err).toContain("the assessment in insulin-pump-system.yaml is not sent");
    expect(seen.map((s) => `${s.method} ${s.url}`)).toEqual(["GET /api/projects/p1/model?format=json", "PUT /api/projects/p1/model"]);
    expect(seen[1].headers["if-match"]).toBe('"7"');
    const sent = JSON.parse(seen[1].body);
    expect(sent.assessment).toBeUndefined();
    expect(sent.project.name).toBe(exampleModel().project.name);
  });

  it("fails when the server reports fewer elements or flows than were sent, as after an upload cut on the way", async () => {
    const sent = exampleModel();
    const counts = { elements: sent.elements.length, flows: sent.flows.length, boundaries: sent.boundaries.length, assets: sent.assets.length, diagrams: sent.diagrams.length };
    reply = () => ({ status: 201, body: JSON.stringify({ id: "cut1", name: "GlucoFlow", currentRevision: 1, counts: { ...counts, flows: 0 } }), headers: { "content-type": "application/json" } });
    const cut = await run("push", EXAMPLE_PATH);
    expect(cut.code).toBe(1);
    expect(cut.err).toContain(`the server stored project cut1 with 0 of the ${counts.flows} flows that were sent: the upload was cut on the way`);
    expect(cut.out).toBe("");

    reply = () => ({ status: 201, body: JSON.stringify({ id: "whole1", name: "GlucoFlow", currentRevision: 1, counts }), headers: { "content-type": "application/json" } });
    expect((await run("push", EXAMPLE_PATH)).code).toBe(0);
  });

  it("does not write a revision when the server already has the same model", async () => {
    reply = () => ({ status: 200, body: serializeModel(exampleModel(), "json"), headers: { "content-type": "application/json", etag: '"3"' } });
    const result = await run("push", EXAMPLE_PATH, "-p", "p1");
    expect(result.code).toBe(0);
    expect(result.out).toContain("already has this model (revision 3)");
    expect(seen.map((s) => s.method)).toEqual(["GET"]);
  });

  it("does not send a file with errors", async () => {
    const result = await run("push", fixturePath("broken-unknown-element.yaml"));
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/error/);
    expect(seen).toEqual([]);
  });

  it("prints the server's model errors and a refusal of the edit", async () => {
    reply = () => problem(422, "The model is not valid", "the file was not imported: 1 problem", { errors: [{ path: "flows[0].to", message: 'unknown element "pmp"', line: 12 }] });
    const invalid = await run("push", EXAMPLE_PATH);
    expect(invalid.code).toBe(1);
    expect(invalid.err).toContain("422 The model is not valid: the file was not imported: 1 problem");
    expect(invalid.err).toContain('flows[0].to (line 12): unknown element "pmp"');
    reply = (req): Reply =>
      req.method === "GET"
        ? { status: 200, body: "{}", headers: { "content-type": "application/json", etag: '"2"' } }
        : problem(403, "Not allowed", "your role in this project (viewer) does not allow you to change the model");
    const forbidden = await run("push", EXAMPLE_PATH, "--project", "p1");
    expect(forbidden.code).toBe(1);
    expect(forbidden.err).toContain("403 Not allowed: your role in this project (viewer)");
  });

  it("recognises a web page instead of the API", async () => {
    reply = () => ({ status: 200, body: "<html>sign in</html>", headers: { "content-type": "text/html" } });
    const result = await run("pull", "p1");
    expect(result.code).toBe(1);
    expect(result.err).toContain("answered with a web page");
  });
});
