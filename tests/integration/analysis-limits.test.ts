import { rmSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { useTempDatabaseUrl } from "../helpers/temp-db";
import { largeModelText } from "../helpers/models";
import { alwaysFiringRules } from "../helpers/rules";
import { adminUser } from "../helpers/auth";

/**
 * A large project under many custom rules that fire everywhere used to make one threats request
 * allocate past the heap and take the server down, again at every later request. Now the analysis
 * stops at its limit with a message, the refusal is remembered, and the rest of the project still works.
 */

const { dir } = useTempDatabaseUrl();
const importRoute = await import("@/app/api/projects/import/route");
const rulesRoute = await import("@/app/api/projects/[id]/rules/route");
const threatsRoute = await import("@/app/api/projects/[id]/threats/route");
const modelRoute = await import("@/app/api/projects/[id]/model/route");
const { stopWorkers } = await import("@/app/_server/off-thread");
const admin = await adminUser();
afterAll(() => {
  stopWorkers();
  rmSync(dir, { recursive: true, force: true });
});

const req = (path: string, init: RequestInit = {}) => new Request(`http://test.local${path}`, { ...init, headers: { ...admin.headers, ...Object.fromEntries(new Headers(init.headers).entries()) } });
const params = (id: string) => ({ params: Promise.resolve({ id }) });

describe("analysis limits through the API", () => {
  it("refuses the threats of a 2,000-element project under 500 rules that fire everywhere with 422, twice, and the model still reads", async () => {
    const created = await importRoute.POST(req("/api/projects/import?filename=large.yaml", { method: "POST", body: largeModelText(2000) }));
    expect(created.status).toBe(201);
    const { id } = await created.json();
    const saved = await rulesRoute.PUT(req(`/api/projects/${id}/rules`, { method: "PUT", body: alwaysFiringRules(500), headers: { "if-match": '"0"' } }), params(id));
    expect(saved.status).toBe(200);

    for (let attempt = 0; attempt < 2; attempt++) {
      const res = await threatsRoute.GET(req(`/api/projects/${id}/threats`), params(id));
      expect(res.status).toBe(422);
      const body = await res.json();
      expect(body).toMatchObject({ type: expect.stringContaining("over-limit"), limit: "threats" });
      expect(body.detail).toMatch(/^the analysis stopped: the rules raised more than 200,000 threats after [\d,]+ of 3,999 elements and flows/);
    }
    const model = await modelRoute.GET(req(`/api/projects/${id}/model?format=json`), params(id));
    expect(model.status).toBe(200);
    expect((await model.json()).elements).toHaveLength(2000);
  });
});
