import { DOCUMENT_VIEW_CONTENT_SECURITY_POLICY } from "@/lib/security/policy";
import { rmSync } from "node:fs";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { useTempDatabaseUrl } from "../helpers/temp-db";
import { adminUser, type TestUser } from "../helpers/auth";
import { projectWithRoles, type RoleFixture } from "../helpers/fixture";

/**
 * Document generation through the API: who may start it, the job running in a real child process
 * (Markdown, CSV and HTML need no Chromium), the files it stores, reproducibility from a baseline,
 * the limit of jobs at a time, and jobs a stopped server left behind.
 */

const { dir } = useTempDatabaseUrl();
const listRoute = await import("@/app/api/projects/[id]/reports/route");
const jobRoute = await import("@/app/api/projects/[id]/reports/[jobId]/route");
const fileRoute = await import("@/app/api/projects/[id]/reports/[jobId]/files/[name]/route");
const runner = await import("@/app/_server/report-runner");
const baselines = await import("@/app/_server/baselines");
const { getDb } = await import("@/db/client");
const { auditOf } = await import("@/db/audit");
const admin = await adminUser();

afterAll(() => rmSync(dir, { recursive: true, force: true }));

let id: string;
let users: RoleFixture["users"];
beforeAll(async () => {
  ({ projectId: id, users } = await projectWithRoles());
});

const api = () => `http://localhost/api/projects/${id}/reports`;
const headers = (user: TestUser | null) => ({ "content-type": "application/json", ...(user?.headers ?? {}) });
const start = (user: TestUser | null, body: unknown) =>
  listRoute.POST(new Request(api(), { method: "POST", headers: headers(user), body: JSON.stringify(body) }), { params: Promise.resolve({ id }) });
const status = async (user: TestUser, jobId: string) =>
  (await jobRoute.GET(new Request(`${api()}/${jobId}`, { headers: headers(user) }), { params: Promise.resolve({ id, jobId }) })).json();
const download = (user: TestUser | null, jobId: string, name: string, query = "") =>
  fileRoute.GET(new Request(`${api()}/${jobId}/files/${name}${query}`, { headers: headers(user) }), { params: Promise.resolve({ id, jobId, name }) });
const jobCount = async () => Number((await (await getDb()).all<{ n: number }>(sql`SELECT count(*) AS n FROM report_jobs`))[0].n);

async function finished(user: TestUser, jobId: string) {
  await runner.reportJobSettled(jobId);
  return status(user, jobId);
}

async function files(user: TestUser, jobId: string): Promise<Map<string, Buffer>> {
  const job = await finished(user, jobId);
  expect(job.status, job.message).toBe("done");
  const out = new Map<string, Buffer>();
  for (const f of job.files as { name: string }[]) out.set(f.name, Buffer.from(await (await download(user, jobId, f.name)).arrayBuffer()));
  return out;
}

describe("generating documents", () => {
  it("lets a viewer start a job (202, audited) and refuses an outsider (403) and an anonymous client (401)", { timeout: 120_000 }, async () => {
    const before = await jobCount();
    const outsider = await start(users.outsider, { source: "current", docs: ["mds2"], formats: ["md"] });
    expect(outsider.status).toBe(403);
    const anonymous = await start(null, { source: "current", docs: ["mds2"], formats: ["md"] });
    expect(anonymous.status).toBe(401);
    expect(await jobCount()).toBe(before);

    const res = await start(users.viewer, { source: "current", docs: ["annex-i-checklist", "mds2"], formats: ["md", "csv"] });
    expect(res.status).toBe(202);
    const job = await res.json();
    expect(res.headers.get("location")).toBe(`/api/projects/${id}/reports/${job.id}`);
    expect(job).toMatchObject({ source: "revision:1", sourceLabel: "revision 1", docs: ["annex-i-checklist", "mds2"], formats: ["md", "csv"], createdBy: users.viewer.actor.name });
    expect((await auditOf(await getDb(), id)).filter((e) => e.action === "report.generate").map((e) => e.entityId)).toContain(job.id);

    const done = await finished(users.viewer, job.id);
    expect(done.status, done.message).toBe("done");
    expect(done.progress.done).toBe(done.progress.total);
    expect(done.contentHash).toMatch(/^[0-9a-f]{64}$/);
    const names = done.files.map((f: { name: string }) => f.name);
    expect(names).toEqual(expect.arrayContaining(["annex-i-checklist.md", "mds2.md"]));
    expect(names.some((n: string) => /^annex-i-checklist-.+\.csv$/.test(n))).toBe(true);

    const md = await download(users.reviewer, job.id, "annex-i-checklist.md");
    expect(md.status).toBe(200);
    expect(md.headers.get("content-disposition")).toBe('attachment; filename="annex-i-checklist.md"');
    expect(md.headers.get("content-type")).toMatch(/^text\/markdown/);
    const text = await md.text();
    expect(text).toContain("GlucoFlow");
    expect(text).toContain(done.contentHash);
    expect((await download(users.outsider, job.id, "annex-i-checklist.md")).status).toBe(403);
    expect((await download(null, job.id, "annex-i-checklist.md")).status).toBe(401);
    expect((await download(users.viewer, job.id, "nothing.md")).status).toBe(404);

    const listed = await (await listRoute.GET(new Request(api(), { headers: headers(users.viewer) }), { params: Promise.resolve({ id }) })).json();
    expect(listed.jobs[0]).toMatchObject({ id: job.id, status: "done" });
    expect(listed.jobs[0].links.files["mds2.md"]).toBe(`/api/projects/${id}/reports/${job.id}/files/mds2.md`);
  });

  it("refuses a request that names no format, an unknown document or an older revision (422), and an unknown baseline (404)", async () => {
    const before = await jobCount();
    expect((await start(users.viewer, { source: "current", formats: [] })).status).toBe(422);
    expect((await start(users.viewer, { source: "current", docs: ["novel"], formats: ["md"] })).status).toBe(422);
    expect((await start(users.viewer, { source: "revision:99", formats: ["md"] })).status).toBe(422);
    expect((await start(users.viewer, { source: "baseline:nope", formats: ["md"] })).status).toBe(404);
    expect(await jobCount()).toBe(before);
  });

  it("gives byte-identical Markdown, HTML and CSV for the same baseline, and serves HTML inline under a strict policy", { timeout: 120_000 }, async () => {
    const created = await baselines.createBaseline(admin.actor, id, { name: "Submission 1" });
    if (!created.ok) throw new Error("baseline not created");
    const body = { source: `baseline:${created.value.id}`, docs: ["annex-i-checklist", "mds2"], formats: ["md", "html", "csv"] };
    const first = await (await start(users.editor, body)).json();
    const a = await files(users.editor, first.id);
    const second = await (await start(users.editor, body)).json();
    const b = await files(users.editor, second.id);
    expect([...b.keys()]).toEqual([...a.keys()]);
    for (const [name, bytes] of a) expect(b.get(name)?.equals(bytes), name).toBe(true);
    expect(first.contentHash).toBe(created.value.contentHash);
    expect(a.get("annex-i-checklist.md")!.toString()).toContain('baseline "Submission 1"');

    const inline = await download(users.viewer, first.id, "annex-i-checklist.html", "?inline=1");
    expect(inline.headers.get("content-disposition")).toMatch(/^inline/);
    expect(inline.headers.get("content-security-policy")).toBe(DOCUMENT_VIEW_CONTENT_SECURITY_POLICY);
    const notHtml = await download(users.viewer, first.id, "mds2.md", "?inline=1");
    expect(notHtml.headers.get("content-disposition")).toMatch(/^attachment/);
    expect(notHtml.headers.get("content-security-policy")).toBeNull();
  });

  it("runs at most two jobs at a time and refuses a fourth unfinished job of one person, also spread over projects (429)", { timeout: 120_000 }, async () => {
    const other = await projectWithRoles();
    await (await import("@/db/users")).setMember(await getDb(), other.projectId, users.reviewer.actor.id, "viewer", admin.actor, undefined);
    const startIn = (projectId: string) =>
      listRoute.POST(new Request(`http://localhost/api/projects/${projectId}/reports`, { method: "POST", headers: headers(users.reviewer), body: JSON.stringify({ docs: ["mds2"], formats: ["md"] }) }), { params: Promise.resolve({ id: projectId }) });
    runner.pauseReportJobs(true);
    const jobs = [];
    try {
      for (let i = 0; i < 2; i++) jobs.push(await (await start(users.reviewer, { docs: ["mds2"], formats: ["md"] })).json());
      const third = await startIn(other.projectId);
      expect(third.status).toBe(202);
      const before = await jobCount();
      for (const projectId of [id, other.projectId]) {
        const refused = await startIn(projectId);
        expect(refused.status).toBe(429);
        expect((await refused.json()).detail).toMatch(/you have 3 document jobs waiting or running already \(in this or other projects\)/);
      }
      const parallel = await Promise.all([startIn(id), startIn(other.projectId)]);
      expect(parallel.map((r) => r.status)).toEqual([429, 429]);
      expect(await jobCount()).toBe(before);
      jobs.push({ ...(await third.json()), projectId: other.projectId });
    } finally {
      runner.pauseReportJobs(false);
    }
    expect(runner.reportRunnerLoad()).toEqual({ running: 2, queued: 1 });
    for (const job of jobs) await runner.reportJobSettled(job.id);
  });

  it("refuses jobs past the installation's cap (MEDTHREAT_REPORT_QUEUE), whoever asks, and never lets parallel requests pass it", { timeout: 120_000 }, async () => {
    process.env.MEDTHREAT_REPORT_QUEUE = "2";
    runner.pauseReportJobs(true);
    const jobs: { id: string }[] = [];
    try {
      const outcomes = await Promise.all([users.owner, users.editor, users.viewer, users.reviewer].map((u) => start(u, { docs: ["mds2"], formats: ["md"] })));
      expect(outcomes.filter((r) => r.status === 202)).toHaveLength(2);
      for (const r of outcomes.filter((r) => r.status === 429)) expect((await r.json()).detail).toMatch(/the server has 2 document jobs waiting or running/);
      for (const r of outcomes.filter((r) => r.status === 202)) jobs.push(await r.json());
    } finally {
      delete process.env.MEDTHREAT_REPORT_QUEUE;
      runner.pauseReportJobs(false);
    }
    for (const job of jobs) await runner.reportJobSettled(job.id);
  });

  it("marks jobs a stopped server left queued or running as failed (interrupted) on first use", async () => {
    const db = await getDb();
    await db.run(sql`INSERT INTO report_jobs (id, project_id, source, docs, formats, status, created_by_id, created_by, created_at)
      VALUES ('left-behind', ${id}, 'revision:1', '["mds2"]', '["pdf"]', 'running', ${admin.actor.id}, 'admin', ${Date.now()})`);
    // A new server process: no runner state, fresh modules.
    delete (globalThis as { __medthreatReportRunner?: unknown }).__medthreatReportRunner;
    vi.resetModules();
    const fresh = await import("@/app/_server/reports");
    const job = await fresh.getReport(admin.actor, id, "left-behind");
    expect(job).toMatchObject({ status: "failed" });
    expect(job!.message).toMatch(/^interrupted/);
    expect(job!.finishedAt).not.toBeNull();
  });
});
