import { rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { useTempDatabaseUrl } from "../helpers/temp-db";
import { exampleText } from "../helpers/models";
import { adminUser, member, testUser, type TestUser } from "../helpers/auth";

/** Server actions read the session cookie through next/headers: each call runs as `signedIn`. */
let signedIn: string | undefined;
vi.mock("next/headers", () => ({
  cookies: async () => ({ get: (name: string) => (name === "medthreat_session" && signedIn ? { name, value: signedIn } : undefined) }),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const { dir } = useTempDatabaseUrl();
const projects = await import("@/app/_server/projects");
const { projectAssessment } = await import("@/app/_server/assessment");
const { startSession } = await import("@/app/_server/auth");
const { saveRequirementAction } = await import("@/app/actions/assessment");
const { getDb } = await import("@/db/client");
const { auditOf } = await import("@/db/audit");
const admin = await adminUser();

afterAll(() => rmSync(dir, { recursive: true, force: true }));

let id: string;
const users: Record<"editor" | "reviewer" | "viewer" | "outsider", TestUser> = {} as never;

beforeAll(async () => {
  const imported = await projects.importProject(admin.actor, exampleText(), "pump.yaml");
  if (!imported.ok) throw new Error(imported.message);
  id = imported.value.id;
  for (const role of ["editor", "reviewer", "viewer"] as const) users[role] = await member(id, role);
  users.outsider = await testUser();
});

async function as<T>(user: TestUser | null, run: () => Promise<T>): Promise<T> {
  signedIn = user ? await startSession(user.actor) : undefined;
  try {
    return await run();
  } finally {
    signedIn = undefined;
  }
}

/** The stored statuses and the number of audit entries: what must stay unchanged when a save is refused. */
async function snapshot() {
  const data = (await projectAssessment(admin.actor, id))!;
  return { requirements: data.assessment.requirements, versions: [...data.requirementVersions], audit: (await auditOf(await getDb(), id)).length };
}

const NOT_FOR_LAY_PERSONS = { id: "MDR-22.1", applicable: false, justification: "The pump is prescribed and set up by clinicians; the lay-person clause is covered by the IFU review." };

describe("saveRequirementAction", () => {
  it("lets an editor mark a requirement not applicable with a justification, with an audit entry", async () => {
    const before = await snapshot();
    const outcome = await as(users.editor, () => saveRequirementAction(id, NOT_FOR_LAY_PERSONS, 0));
    expect(outcome).toMatchObject({ ok: true, version: 1 });
    const after = await snapshot();
    expect(after.requirements).toContainEqual(NOT_FOR_LAY_PERSONS);
    expect(after.versions).toContainEqual(["MDR-22.1", 1]);
    expect(after.audit).toBe(before.audit + 1);
    const [entry] = (await auditOf(await getDb(), id)).slice(-1);
    expect(entry).toMatchObject({ action: "requirement.update", entityId: "MDR-22.1", actorId: users.editor.actor.id });
  });

  it.each(["reviewer", "viewer", "outsider"] as const)("refuses a %s and changes nothing", async (role) => {
    const before = await snapshot();
    const outcome = await as(users[role], () => saveRequirementAction(id, { id: "MDR-22.1", applicable: true, justification: "" }, 1));
    expect(outcome).toMatchObject({ ok: false, kind: "forbidden", message: expect.stringContaining("does not allow") });
    expect(await snapshot()).toEqual(before);
  });

  it("refuses a caller who is not signed in", async () => {
    const before = await snapshot();
    expect(await as(null, () => saveRequirementAction(id, NOT_FOR_LAY_PERSONS, 1))).toMatchObject({ ok: false, kind: "unauthenticated" });
    expect(await snapshot()).toEqual(before);
  });

  it("reports a conflict on a stale version and saves nothing", async () => {
    const second = await as(users.editor, () => saveRequirementAction(id, { ...NOT_FOR_LAY_PERSONS, justification: "Clinician-only device: no lay users at all." }, 1));
    expect(second).toMatchObject({ ok: true, version: 2 });
    const before = await snapshot();
    const stale = await as(users.editor, () => saveRequirementAction(id, { id: "MDR-22.1", applicable: true, justification: "" }, 1));
    expect(stale).toMatchObject({ ok: false, kind: "conflict", version: 2 });
    const again = await as(users.editor, () => saveRequirementAction(id, { id: "MDR-22.1", applicable: true, justification: "" }, 0));
    expect(again).toMatchObject({ ok: false, kind: "conflict" });
    expect(await snapshot()).toEqual(before);
  });

  it("needs a justification to mark a requirement not applicable", async () => {
    const before = await snapshot();
    for (const justification of ["", "   ", "n/a"]) {
      const outcome = await as(users.editor, () => saveRequirementAction(id, { id: "MDR-17.4", applicable: false, justification }, 0));
      expect(outcome).toMatchObject({ ok: false, kind: "invalid", errors: [expect.objectContaining({ path: "justification" })] });
    }
    expect(await snapshot()).toEqual(before);
  });

  it("refuses an id that is not an Annex I requirement of MDCG 2019-16 Table 1", async () => {
    const outcome = await as(users.editor, () => saveRequirementAction(id, { id: "MDR-99", applicable: false, justification: "Not a real requirement at all." }, 0));
    expect(outcome).toMatchObject({ ok: false, kind: "invalid" });
  });
});
