import { readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { useTempDatabaseUrl } from "../helpers/temp-db";
import { exampleModel, exampleText } from "../helpers/models";
import { testUser, type TestUser } from "../helpers/auth";
import { databaseSnapshot, projectWithRoles, refusedFor, type RoleFixture } from "../helpers/fixture";
import { as as signedInAs } from "../helpers/session";
import type { Role } from "@/lib/access";

/**
 * Every server action (the UI's way to change things), called as every project role, an outsider
 * and a visitor without a session: a refused call says so and changes nothing; the least
 * privileged role that may do it succeeds. The session cookie is the one the browser would send.
 */

vi.mock("next/headers", () => import("../helpers/session"));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const { dir } = useTempDatabaseUrl();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const server = {
  projects: await import("@/app/_server/projects"),
  threats: await import("@/app/_server/threats"),
  comments: await import("@/app/_server/comments"),
  baselines: await import("@/app/_server/baselines"),
  accounts: await import("@/app/_server/accounts"),
  reports: await import("@/app/_server/reports"),
  runner: await import("@/app/_server/report-runner"),
};
const actions = {
  projects: await import("@/app/actions/projects"),
  threats: await import("@/app/actions/threats"),
  assessment: await import("@/app/actions/assessment"),
  comments: await import("@/app/actions/comments"),
  baselines: await import("@/app/actions/baselines"),
  reports: await import("@/app/actions/reports"),
  members: await import("@/app/actions/members"),
  admin: await import("@/app/actions/admin"),
  account: await import("@/app/actions/account"),
};

type Refusal = "refused" | "empty" | "message" | "silent";
interface Case {
  allowed: readonly Role[] | "anyone" | "admin";
  /** How a refusal shows: a Refused value, an empty read, a form message, or only in the database. */
  refusal?: Refusal;
  run(f: RoleFixture): Promise<() => Promise<unknown>>;
}

const form = (fields: Record<string, string | Blob>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.set(k, v);
  return data;
};
const revision = async (f: RoleFixture) => (await server.projects.readProject(f.projectId))!.revision;
async function threat(f: RoleFixture) {
  const data = (await server.threats.projectThreats(f.admin.actor, f.projectId))!;
  const r = [...data.records.values()][0];
  return { id: r.threatId, version: r.version };
}
let serial = 0;
let spare: TestUser | undefined;

const CASES: Record<string, Case> = {
  createProjectAction: { allowed: "anyone", refusal: "message", run: async () => () => actions.projects.createProjectAction({}, form({ name: `Made by action ${++serial}` })) },
  importProjectAction: {
    allowed: "anyone",
    refusal: "message",
    run: async () => () => actions.projects.importProjectAction({}, form({ file: new File([exampleText()], "pump.yaml") })),
  },
  deleteProjectAction: { allowed: ["owner"], run: async (f) => () => actions.projects.deleteProjectAction(f.projectId) },
  restoreProjectAction: {
    allowed: ["owner"],
    refusal: "silent",
    run: async (f) => {
      if (!(await server.projects.readProject(f.projectId))!.project.deletedAt) await server.projects.deleteProject(f.admin.actor, f.projectId);
      return () => actions.projects.restoreProjectAction(f.projectId);
    },
  },
  applyOperationAction: {
    allowed: ["owner", "editor"],
    run: async (f) => {
      const stored = (await server.projects.readProject(f.projectId))!;
      return () => actions.projects.applyOperationAction(f.projectId, stored.revision, { op: "update-project", project: { ...stored.model.project, intendedPurpose: "Changed by operation" } });
    },
  },
  loadLatestAction: { allowed: ["owner", "editor", "reviewer", "viewer"], refusal: "empty", run: async (f) => () => actions.projects.loadLatestAction(f.projectId) },
  restoreRevisionAction: {
    allowed: ["owner", "editor"],
    run: async (f) => {
      const r = await revision(f);
      const replaced = await server.projects.replaceModel(f.admin.actor, f.projectId, r, JSON.stringify({ ...exampleModel(), project: { ...exampleModel().project, intendedPurpose: "Second" } }), "second");
      if (!replaced.ok) throw new Error("not saved");
      return () => actions.projects.restoreRevisionAction(f.projectId, r + 1, r);
    },
  },
  renameProjectAction: { allowed: ["owner"], run: async (f) => { const r = await revision(f); return () => actions.projects.renameProjectAction(f.projectId, r, "Renamed"); } },
  decideThreatAction: {
    allowed: ["owner", "editor"],
    run: async (f) => {
      const t = await threat(f);
      return () => actions.threats.decideThreatAction(f.projectId, t.id, t.version, { status: "accepted", justification: "Accepted for the permission test." });
    },
  },
  threatHistoryAction: { allowed: ["owner", "editor", "reviewer", "viewer"], refusal: "empty", run: async (f) => { const t = await threat(f); return () => actions.threats.threatHistoryAction(f.projectId, t.id); } },
  whyNotRaisedAction: {
    allowed: ["owner", "editor", "reviewer", "viewer"],
    refusal: "empty",
    run: async (f) => () => actions.threats.whyNotRaisedAction(f.projectId, "embedded-serial-console-unauthenticated", "flow", "app-therapy-commands"),
  },
  saveRulesAction: {
    allowed: ["owner", "editor"],
    run: async (f) => () => actions.threats.saveRulesAction({ projectId: f.projectId }, 0, "medthreatRules: 1\nrules: []\n"),
  },
  saveThreatRiskAction: {
    allowed: ["owner", "editor"],
    run: async (f) => { const t = await threat(f); return () => actions.assessment.saveThreatRiskAction(f.projectId, t.id, t.version, { multiPatient: true }); },
  },
  saveHazardAction: {
    allowed: ["owner", "editor"],
    run: async (f) => () => actions.assessment.saveHazardAction(f.projectId, { id: `hz-${++serial}`, title: "Overdose", harm: "Hypoglycaemia", severity: "critical" }, 0),
  },
  saveControlAction: {
    allowed: ["owner", "editor"],
    run: async (f) => () => actions.assessment.saveControlAction(f.projectId, { id: `ctl-${++serial}`, title: "Pairing PIN", type: "secure-design" }, 0),
  },
  adoptLibraryControlAction: { allowed: ["owner", "editor"], run: async (f) => () => actions.assessment.adoptLibraryControlAction(f.projectId, "ctl-encrypted-transport") },
  saveSettingsAction: {
    allowed: ["owner", "editor"],
    run: async (f) => {
      const { projectAssessment } = await import("@/app/_server/assessment");
      const data = (await projectAssessment(f.admin.actor, f.projectId))!;
      return () => actions.assessment.saveSettingsAction(f.projectId, data.assessment.settings, data.settingsVersion);
    },
  },
  saveRequirementAction: {
    allowed: ["owner", "editor"],
    run: async (f) => () => actions.assessment.saveRequirementAction(f.projectId, { id: "MDR-22.1", applicable: false, justification: "Not a device for lay persons." }, 0),
  },
  addCommentAction: {
    allowed: ["owner", "editor", "reviewer"],
    run: async (f) => { const t = await threat(f); return () => actions.comments.addCommentAction(f.projectId, { targetType: "threat", targetId: t.id, body: "Why accepted?" }); },
  },
  setCommentResolvedAction: {
    allowed: ["owner", "reviewer"],
    run: async (f) => {
      const added = await server.comments.addComment(f.admin.actor, f.projectId, { targetType: "threat", targetId: (await threat(f)).id, body: "Please check." });
      if (!added.ok) throw new Error("comment not added");
      return () => actions.comments.setCommentResolvedAction(f.projectId, added.value.id, true, added.version);
    },
  },
  createBaselineAction: { allowed: ["owner", "editor"], run: async (f) => () => actions.baselines.createBaselineAction(f.projectId, `Baseline ${++serial}`) },
  signOffBaselineAction: {
    allowed: ["owner", "reviewer"],
    run: async (f) => {
      const created = await server.baselines.createBaseline(f.admin.actor, f.projectId, { name: `To sign ${++serial}` });
      if (!created.ok) throw new Error("baseline not created");
      return () => actions.baselines.signOffBaselineAction(f.projectId, created.value.id, "Reviewed and complete.");
    },
  },
  generateReportAction: {
    allowed: ["owner", "editor", "reviewer", "viewer"],
    run: async (f) => {
      server.runner.pauseReportJobs(); // jobs stay queued: no child process changes the database during later cases
      return () => actions.reports.generateReportAction(f.projectId, { source: "current", docs: ["mds2"], formats: ["md"] });
    },
  },
  reportJobAction: {
    allowed: ["owner", "editor", "reviewer", "viewer"],
    refusal: "empty",
    run: async (f) => {
      server.runner.pauseReportJobs();
      const job = await server.reports.createReport(f.admin.actor, f.projectId, { docs: ["mds2"], formats: ["md"] });
      if (!job.ok) throw new Error("job not created");
      return () => actions.reports.reportJobAction(f.projectId, job.value.id);
    },
  },
  addMemberAction: {
    allowed: ["owner"],
    run: async (f) => {
      spare ??= await testUser("spare-member");
      return () => actions.members.addMemberAction(f.projectId, { email: spare!.actor.email, role: "viewer" });
    },
  },
  changeRoleAction: { allowed: ["owner"], run: async (f) => () => actions.members.changeRoleAction(f.projectId, f.users.viewer.actor.id, "editor") },
  removeMemberAction: { allowed: ["owner"], run: async (f) => () => actions.members.removeMemberAction(f.projectId, f.users.viewer.actor.id) },
  createAccountAction: {
    allowed: "admin",
    run: async () => () => actions.admin.createAccountAction({ email: `made${++serial}@example.test`, name: "Made", password: "a long enough password", isAdmin: false }),
  },
  updateAccountAction: {
    allowed: "admin",
    run: async () => {
      spare ??= await testUser("spare-member");
      return () => actions.admin.updateAccountAction(spare!.actor.id, { disabled: true });
    },
  },
  createTokenAction: { allowed: "anyone", run: async () => () => actions.account.createTokenAction("laptop") },
};

/** Actions about one's own session or account, tested in tests/integration/accounts.test.ts and the e2e sign-in tests. */
const OWN = ["signInAction", "signUpAction", "signOutAction", "changePasswordAction", "revokeTokenAction"];

function exportedActions(): string[] {
  const dirPath = path.join(process.cwd(), "app", "actions");
  return readdirSync(dirPath)
    .filter((f) => f.endsWith(".ts") && readFileSync(path.join(dirPath, f), "utf8").startsWith('"use server"'))
    .flatMap((f) => [...readFileSync(path.join(dirPath, f), "utf8").matchAll(/^export async function (\w+)/gm)].map((m) => m[1]));
}

/** Calls as the user (signed out for undefined); a redirect (NEXT_REDIRECT) counts as `{ redirected: true }`. */
async function as(user: TestUser | undefined, call: () => Promise<unknown>): Promise<unknown> {
  try {
    return await signedInAs(user, call);
  } catch (e) {
    if ((e as { digest?: string }).digest?.startsWith("NEXT_REDIRECT")) return { redirected: true };
    throw e;
  }
}

function expectRefused(result: unknown, how: Refusal, signedIn: boolean) {
  if (how === "silent") return;
  if (how === "empty") return expect(result === undefined || (Array.isArray(result) && result.length === 0)).toBe(true);
  if (how === "message") return expect((result as { message?: string }).message).toMatch(/sign in/);
  expect(result).toMatchObject({ ok: false, kind: signedIn ? "forbidden" : "unauthenticated" });
}

function expectDone(result: unknown, how: Refusal) {
  if (how === "empty") return expect(result === undefined || (Array.isArray(result) && result.length === 0)).toBe(false);
  if (result && typeof result === "object" && "redirected" in result) return;
  if (result === undefined) return;
  expect(result).toMatchObject({ ok: true });
}

describe("authorization of every server action", () => {
  it("has a case for every exported server action", () => {
    expect(exportedActions().filter((name) => !CASES[name] && !OWN.includes(name))).toEqual([]);
  });

  for (const [name, c] of Object.entries(CASES))
    it(`${name}: allowed for ${Array.isArray(c.allowed) ? c.allowed.join(", ") : c.allowed}; everyone else refused, nothing changed`, async () => {
      const f = await projectWithRoles();
      const how = c.refusal ?? "refused";
      for (const who of [undefined, ...refusedFor(c.allowed)]) {
        const call = await c.run(f);
        const before = await databaseSnapshot();
        expectRefused(await as(who ? f.users[who] : undefined, call), how, who !== undefined);
        expect(await databaseSnapshot(), `${who ?? "anonymous"} changed the database through ${name}`).toBe(before);
      }
      const least = c.allowed === "anyone" ? f.users.outsider : c.allowed === "admin" ? f.admin : f.users[c.allowed[c.allowed.length - 1]];
      const before = await databaseSnapshot();
      const result = await as(least, await c.run(f));
      expectDone(result, how);
      if (how !== "empty") expect(await databaseSnapshot(), `${name} as ${least.actor.name} changed nothing`).not.toBe(before);
    });
});

describe("server actions on a project in the Trash", () => {
  /** Project actions that change something (reads stay allowed; restoring is what the Trash is for). */
  const changing = Object.entries(CASES).filter(([name, c]) => Array.isArray(c.allowed) && c.refusal !== "empty" && name !== "restoreProjectAction");

  for (const [name, c] of changing)
    it(`${name}: refused for an administrator while the project is in the Trash, nothing changed`, async () => {
      const f = await projectWithRoles();
      const call = await c.run(f);
      await server.projects.deleteProject(f.admin.actor, f.projectId);
      const before = await databaseSnapshot();
      const result = await as(f.admin, call);
      if (c.refusal !== "silent") expect(result).toMatchObject({ ok: false, message: expect.stringMatching(/the project is in the Trash/) });
      expect(await databaseSnapshot(), `${name} changed a project in the Trash`).toBe(before);
    });
});
