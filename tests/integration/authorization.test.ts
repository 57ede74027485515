import { readdirSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { useTempDatabaseUrl } from "../helpers/temp-db";
import { exampleModel, exampleText } from "../helpers/models";
import { serializeModel } from "@/lib/model/format";
import { testUser, type TestUser } from "../helpers/auth";
import { databaseSnapshot, projectWithRoles, refusedFor, type RoleFixture } from "../helpers/fixture";
import type { Role } from "@/lib/access";

/**
 * Every mutating API endpoint, tried by every project role, a signed-in outsider and an anonymous
 * client: what a role may not do is refused (403, or 401 without credentials) and changes nothing
 * in the database; the least privileged role that may do it succeeds.
 */

const { dir } = useTempDatabaseUrl();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const API = path.join(process.cwd(), "app", "api");
const MUTATING = ["POST", "PUT", "PATCH", "DELETE"] as const;
type Method = (typeof MUTATING)[number];
type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

function routeFiles(dirPath: string): string[] {
  return readdirSync(dirPath).flatMap((name) => {
    const full = path.join(dirPath, name);
    return statSync(full).isDirectory() ? routeFiles(full) : name === "route.ts" ? [full] : [];
  });
}
const routeKey = (file: string) => "/api/" + path.relative(API, path.dirname(file)).split(path.sep).join("/");

type Fixture = RoleFixture;
interface Call {
  params?: Record<string, string>;
  body?: unknown;
  text?: string;
  headers?: Record<string, string>;
  query?: string;
}
/** Who may: project roles, "anyone" signed in, "admin" only, or "self" (own things; checked by the case). */
type Allowed = readonly Role[] | "anyone" | "admin";
interface Case {
  allowed: Allowed;
  /** Builds the request; runs on a fresh project each time, so a case may set up what it needs. */
  call(f: Fixture): Promise<Call>;
}

let serial = 0;
const json = async (res: Response) => res.json();
const server = async () => ({
  projects: await import("@/app/_server/projects"),
  threats: await import("@/app/_server/threats"),
  comments: await import("@/app/_server/comments"),
  baselines: await import("@/app/_server/baselines"),
});
const validRule = `medthreatRules: 1
rules:
  - id: acme-authz-rule
    title: "{{name}} keeps keys in plain flash"
    stride: information-disclosure
    targets: [data-store]
    when: { all: [{ fact: storedAssetKinds, has: credential }, { fact: encryptedAtRest, is: false }] }
    description: "{{name}} stores {{assets}} without encryption."
    safety: { when: never, why: Disclosure harms nobody directly. }
    annexI: [MDR-17.2]
`;

async function revisionOf(f: Fixture) {
  return (await (await server()).projects.readProject(f.projectId))!.revision;
}
async function someThreat(f: Fixture) {
  const data = (await (await server()).threats.projectThreats(f.admin.actor, f.projectId))!;
  const record = [...data.records.values()][0];
  return { threatId: record.threatId, version: record.version };
}

const CASES: Record<string, Partial<Record<Method, Case>>> = {
  "/api/projects": { POST: { allowed: "anyone", call: async () => ({ body: { project: { name: "New one", device: { name: "X" } } } }) } },
  "/api/projects/import": { POST: { allowed: "anyone", call: async () => ({ text: exampleText(), query: "?filename=x.yaml" }) } },
  "/api/validate": { POST: { allowed: "anyone", call: async () => ({ text: exampleText() }) } },
  "/api/rules": { PUT: { allowed: "admin", call: async () => ({ text: validRule, headers: { "if-match": '"0"' } }) } },
  "/api/projects/[id]": {
    PATCH: { allowed: ["owner"], call: async (f) => ({ body: { name: "Renamed" }, headers: { "if-match": `"${await revisionOf(f)}"` } }) },
    DELETE: { allowed: ["owner"], call: async () => ({}) },
  },
  "/api/projects/[id]/restore": {
    POST: {
      allowed: ["owner"],
      call: async (f) => {
        const { projects } = await server();
        if (!(await projects.readProject(f.projectId))!.project.deletedAt) await projects.deleteProject(f.admin.actor, f.projectId);
        return {};
      },
    },
  },
  "/api/projects/[id]/model": {
    PUT: { allowed: ["owner", "editor"], call: async (f) => ({ text: serializeModel(exampleModel(), "yaml"), headers: { "if-match": `"${await revisionOf(f)}"` } }) },
  },
  "/api/projects/[id]/operations": {
    POST: {
      allowed: ["owner", "editor"],
      call: async (f) => {
        const stored = (await (await server()).projects.readProject(f.projectId))!;
        return { body: { op: "update-project", project: { ...stored.model.project, intendedPurpose: "Changed by operation" } }, headers: { "if-match": `"${stored.revision}"` } };
      },
    },
  },
  "/api/projects/[id]/threats/[threatId]": {
    PUT: {
      allowed: ["owner", "editor"],
      call: async (f) => {
        const t = await someThreat(f);
        return { params: { threatId: t.threatId }, body: { status: "accepted", justification: "Accepted for the test of permissions." }, headers: { "if-match": `"${t.version}"` } };
      },
    },
  },
  "/api/projects/[id]/rules": { PUT: { allowed: ["owner", "editor"], call: async () => ({ text: validRule.replace("acme-authz-rule", "acme-project-rule"), headers: { "if-match": '"0"' } }) } },
  "/api/projects/[id]/comments": {
    POST: { allowed: ["owner", "editor", "reviewer"], call: async (f) => ({ body: { targetType: "threat", targetId: (await someThreat(f)).threatId, body: "Is this really mitigated?" } }) },
  },
  "/api/projects/[id]/comments/[commentId]": {
    PATCH: {
      allowed: ["owner", "reviewer"],
      call: async (f) => {
        const added = await (await server()).comments.addComment(f.admin.actor, f.projectId, { targetType: "threat", targetId: (await someThreat(f)).threatId, body: "Please check." });
        if (!added.ok) throw new Error("comment not added");
        return { params: { commentId: added.value.id }, body: { resolved: true }, headers: { "if-match": `"${added.version}"` } };
      },
    },
  },
  "/api/projects/[id]/baselines": { POST: { allowed: ["owner", "editor"], call: async () => ({ body: { name: "Submission 1" } }) } },
  "/api/projects/[id]/baselines/[baselineId]/sign-offs": {
    POST: {
      allowed: ["owner", "reviewer"],
      call: async (f) => {
        const created = await (await server()).baselines.createBaseline(f.admin.actor, f.projectId, { name: `For sign-off ${++serial}` });
        if (!created.ok) throw new Error("baseline not created");
        return { params: { baselineId: created.value.id }, body: { statement: "Reviewed: threat model complete." } };
      },
    },
  },
  "/api/projects/[id]/reports": {
    POST: {
      allowed: ["owner", "editor", "reviewer", "viewer"],
      call: async () => {
        // Jobs stay queued, so no child process changes the database while later cases compare snapshots.
        (await import("@/app/_server/report-runner")).pauseReportJobs();
        return { body: { source: "current", docs: ["mds2"], formats: ["md"] } };
      },
    },
  },
  "/api/projects/[id]/members": { POST: { allowed: ["owner"], call: async () => ({ body: { email: (await spare()).actor.email, role: "viewer" } }) } },
  "/api/projects/[id]/members/[userId]": {
    PUT: { allowed: ["owner"], call: async (f) => ({ params: { userId: f.users.viewer.actor.id }, body: { role: "editor" } }) },
    DELETE: { allowed: ["owner"], call: async (f) => ({ params: { userId: f.users.viewer.actor.id } }) },
  },
  "/api/admin/users": { POST: { allowed: "admin", call: async () => ({ body: { email: `new${Date.now()}@example.test`, name: "New", password: "a long enough password" } }) } },
  "/api/admin/users/[userId]": { PATCH: { allowed: "admin", call: async () => ({ params: { userId: (await spare()).actor.id }, body: { disabled: true } }) } },
};

/** Routes where what is yours is decided by who you are, not by a project role. */
const OWN_THINGS: Record<string, Method[]> = { "/api/tokens": ["POST"], "/api/tokens/[tokenId]": ["DELETE"] };

let spareUser: TestUser | undefined;
const spare = async () => (spareUser ??= await testUser("spare"));

async function send(route: string, method: Method, call: Call, f: Fixture, as: TestUser | undefined): Promise<Response> {
  const file = path.join(API, ...route.slice("/api/".length).split("/"), "route.ts");
  const mod = (await import(/* @vite-ignore */ file)) as Record<string, Handler>;
  const body = call.text ?? (call.body === undefined ? undefined : JSON.stringify(call.body));
  const request = new Request(`http://test.local${route}${call.query ?? ""}`, { method, body, headers: { ...(as?.headers ?? {}), ...(call.headers ?? {}) } });
  return mod[method](request, { params: Promise.resolve({ id: f.projectId, ...(call.params ?? {}) }) });
}


describe("authorization of every mutating API endpoint", () => {
  it("has a case for every mutating method of every route", async () => {
    const missing: string[] = [];
    for (const file of routeFiles(API)) {
      const mod = (await import(/* @vite-ignore */ file)) as Record<string, unknown>;
      for (const method of MUTATING)
        if (typeof mod[method] === "function" && !CASES[routeKey(file)]?.[method] && !OWN_THINGS[routeKey(file)]?.includes(method)) missing.push(`${method} ${routeKey(file)}`);
    }
    expect(missing).toEqual([]);
  });

  for (const [route, methods] of Object.entries(CASES))
    for (const [method, c] of Object.entries(methods) as [Method, Case][])
      it(`${method} ${route}: allowed for ${Array.isArray(c.allowed) ? c.allowed.join(", ") : c.allowed}; everyone else refused, nothing changed`, async () => {
        const f = await projectWithRoles();
        const { users } = f;
        for (const who of [undefined, ...refusedFor(c.allowed)]) {
          const call = await c.call(f);
          const before = await databaseSnapshot();
          const res = await send(route, method, call, f, who ? users[who] : undefined);
          expect({ who: who ?? "anonymous", status: res.status }).toEqual({ who: who ?? "anonymous", status: who ? 403 : 401 });
          expect((await json(res)).type).toMatch(who ? /forbidden/ : /unauthenticated/);
          expect(await databaseSnapshot(), `${who ?? "anonymous"} changed the database`).toBe(before);
        }
        const least = c.allowed === "anyone" ? users.outsider : c.allowed === "admin" ? f.admin : users[c.allowed[c.allowed.length - 1]];
        const res = await send(route, method, await c.call(f), f, least);
        expect(res.status, `${method} ${route} as ${least.actor.name}: ${res.status >= 400 ? JSON.stringify(await json(res)) : ""}`).toBeLessThan(300);
      });
});

describe("a project in the Trash is read-only", () => {
  const projectRoutes = Object.entries(CASES).filter(([route]) => route.startsWith("/api/projects/[id]") && route !== "/api/projects/[id]/restore");

  it("covers every project route that changes something", () => {
    expect(projectRoutes.length).toBeGreaterThan(10);
  });

  for (const [route, methods] of projectRoutes)
    for (const [method, c] of Object.entries(methods) as [Method, Case][])
      it(`${method} ${route}: refused with 409 for its owner and an administrator while the project is in the Trash; nothing changes`, async () => {
        const f = await projectWithRoles();
        for (const who of [f.users.owner, f.admin]) {
          const call = await c.call(f);
          await (await server()).projects.deleteProject(f.admin.actor, f.projectId);
          const before = await databaseSnapshot();
          const res = await send(route, method, call, f, who);
          expect({ who: who.actor.name, status: res.status }).toEqual({ who: who.actor.name, status: 409 });
          expect((await json(res)).detail).toMatch(/^the project is in the Trash/);
          expect(await databaseSnapshot(), `${who.actor.name} changed a project in the Trash`).toBe(before);
          await (await server()).projects.restoreProject(f.admin.actor, f.projectId);
        }
      });

  it("can be restored by its owner, and then changed again", async () => {
    const f = await projectWithRoles();
    await (await server()).projects.deleteProject(f.admin.actor, f.projectId);
    expect((await send("/api/projects/[id]/restore", "POST", {}, f, f.users.owner)).status).toBe(204);
    const res = await send("/api/projects/[id]/baselines", "POST", { body: { name: "After the Trash" } }, f, f.users.owner);
    expect(res.status).toBe(201);
  });
});

describe("renaming a project is for its owners, whichever way the name changes", () => {
  const renamed = (model: ReturnType<typeof exampleModel>, name: string) => ({ ...model, project: { ...model.project, name } });

  it("refuses an editor's rename, model replacement and operation that change the name (403, nothing saved), and takes the same changes from an owner", async () => {
    const f = await projectWithRoles();
    const current = async () => (await (await server()).projects.readProject(f.projectId))!;
    const attempts = async (who: TestUser) => {
      const { revision, model } = await current();
      return [
        await send("/api/projects/[id]", "PATCH", { body: { name: "Renamed by PATCH" }, headers: { "if-match": `"${revision}"` } }, f, who),
        await send("/api/projects/[id]/model", "PUT", { text: serializeModel(renamed(model, "Renamed by PUT"), "yaml"), headers: { "if-match": `"${revision}"` } }, f, who),
        await send("/api/projects/[id]/operations", "POST", { body: { op: "update-project", project: { ...model.project, name: "Renamed by operation" } }, headers: { "if-match": `"${revision}"` } }, f, who),
      ];
    };
    const before = await databaseSnapshot();
    const refused = await attempts(f.users.editor);
    expect(refused.map((r) => r.status)).toEqual([403, 403, 403]);
    expect((await json(refused[1])).detail).toMatch(/does not allow you to manage members, rename/);
    expect(await databaseSnapshot()).toBe(before);

    const { revision, model } = await current();
    const unrenamed = { ...model, project: { ...model.project, intendedPurpose: "Changed by the editor, name kept" } };
    expect((await send("/api/projects/[id]/model", "PUT", { text: serializeModel(unrenamed, "yaml"), headers: { "if-match": `"${revision}"` } }, f, f.users.editor)).status).toBe(200);
    for (const res of await attempts(f.users.owner).then((list) => list.slice(0, 1))) expect(res.status).toBe(200);
    expect((await current()).model.project.name).toBe("Renamed by PATCH");
  });

  it("refuses an editor's restore of a revision with another name, and lets the owner restore it", async () => {
    const f = await projectWithRoles();
    const { revision, model } = (await (await server()).projects.readProject(f.projectId))!;
    const saved = await (await server()).projects.replaceModel(f.admin.actor, f.projectId, revision, JSON.stringify(renamed(model, "Second name")), "renamed");
    if (!saved.ok) throw new Error("not saved");
    const projects = (await server()).projects;
    await expect(projects.restoreRevision(f.users.editor.actor, f.projectId, revision + 1, revision)).rejects.toMatchObject({ status: 403 });
    expect((await projects.restoreRevision(f.users.owner.actor, f.projectId, revision + 1, revision)).ok).toBe(true);
  });
});
