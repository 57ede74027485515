import { rmSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { useTempDatabaseUrl } from "../helpers/temp-db";

const { dir } = useTempDatabaseUrl();
const { seedDemo } = await import("@/app/_server/seed");
const projects = await import("@/app/_server/projects");
const { projectAssessment } = await import("@/app/_server/assessment");
const { SYSTEM } = await import("@/app/_server/access");
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("demo device", () => {
  it("is seeded once with its architecture and assessment, and not again after it is deleted", async () => {
    const id = await seedDemo();
    expect(id).toBeTruthy();
    const data = (await projectAssessment(SYSTEM, id!))!;
    expect(data.assessment.hazards.map((h) => h.id)).toEqual(expect.arrayContaining(["insulin-overdose", "missed-alarm"]));
    const remote = data.overview.risks.find((r) => r.threatId === "therapy-remote-command-path@settings-proposal-to-app")!;
    expect(remote).toMatchObject({ kind: "safety", multiPatient: true, severity: "catastrophic" });
    expect(remote.before.acceptable).toBe(false);
    expect(data.records.get("therapy-remote-command-path@settings-proposal-to-app")?.status).toBe("mitigated");
    await projects.deleteProject(SYSTEM, id!);
    expect(await seedDemo()).toBeUndefined();
    expect(await projects.listProjects(SYSTEM, true)).toHaveLength(1);
  });
});
