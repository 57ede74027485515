import { rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { useTempDatabaseUrl } from "../helpers/temp-db";
import { adminUser } from "../helpers/auth";
import { projectWithRoles, type RoleFixture } from "../helpers/fixture";
import { as } from "../helpers/session";

/** Server actions read the session cookie through next/headers: `as(user, run)` signs each call in as that user. */
vi.mock("next/headers", () => import("../helpers/session"));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const { dir } = useTempDatabaseUrl();
const { projectAssessment } = await import("@/app/_server/assessment");
const { saveRequirementAction } = await import("@/app/actions/assessment");
const { getDb } = await import("@/db/client");
const { auditOf } = await import("@/db/audit");
const admin = await adminUser();

afterAll(() => rmSync(dir, { recursive: true, force: true }));

let id: string;
let users: RoleFixture["users"];

beforeAll(async () => {
  ({ projectId: id, users } = await projectWithRoles());
});

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
