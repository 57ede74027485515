import { expect, test, type Browser } from "@playwright/test";
import { largeModelText } from "../helpers/models";
import { alwaysFiringRules } from "../helpers/rules";
import { ADMIN, ADMIN_STATE } from "./fixtures/admin";

/** What an attacker or a busy team tried against the built app, each defect checked end to end. */

const signedOut = { storageState: { cookies: [], origins: [] } };

async function accountFor(browser: Browser, email: string, password: string) {
  const admin = await browser.newContext({ storageState: ADMIN_STATE });
  const created = await admin.request.post("/api/admin/users", { data: { email, name: "Target", password } });
  expect(created.status()).toBe(201);
  await admin.close();
}

test("the sign-in page sends nobody to another host, whatever the return address looks like", async ({ browser }) => {
  for (const next of ["/%5Cevil.example", "/%09/evil.example", "//evil.example", "/.//evil.example", "https://evil.example/"]) {
    const context = await browser.newContext(signedOut);
    const page = await context.newPage();
    await page.goto(`/signin?next=${next}`);
    await page.getByLabel("E-mail").fill(ADMIN.email);
    await page.getByLabel("Password").fill(ADMIN.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("heading", { name: "Device projects" })).toBeVisible();
    expect(new URL(page.url()).hostname, next).toBe("localhost");
    await context.close();
  }
});

test("rotating X-Forwarded-For does not buy more password guesses", async ({ browser }) => {
  const email = `guessed-${Date.now()}@example.test`;
  const password = "the right long password";
  await accountFor(browser, email, password);
  const context = await browser.newContext(signedOut);
  const page = await context.newPage();
  let n = 0;
  await page.route("**/*", (route) => route.continue({ headers: { ...route.request().headers(), "x-forwarded-for": `198.51.100.${++n % 250}` } }));
  await page.goto("/signin");
  const form = page.getByRole("form", { name: "Sign in" });
  const submit = async (secret: string) => {
    await expect(form.getByRole("button", { name: "Sign in" })).toBeEnabled();
    await form.getByLabel("E-mail").fill(email);
    await form.getByLabel("Password").fill(secret);
    await Promise.all([page.waitForResponse((r) => r.request().method() === "POST"), form.getByRole("button", { name: "Sign in" }).click()]);
    return form.getByRole("alert");
  };
  for (let i = 0; i < 5; i++) await expect(await submit(`wrong guess ${i}`)).toHaveText("the e-mail address or the password is wrong");
  await expect(await submit(password)).toContainText("too many failed sign-ins for this address");
  await context.close();
});

test("the server answers health checks at once while it reads a hostile 3.9 MB file", async ({ page }) => {
  const hostile = "medthreat: 1\nproject:\n  name: P\n  device: { name: D }\nelements:\n  - id: a\n    tags: " + "- ".repeat(1_950_000) + "x\n";
  const validation = page.request.post("/api/validate", { data: hostile, headers: { "content-type": "application/yaml" } });
  const latencies: number[] = [];
  for (let i = 0; i < 5; i++) {
    const started = Date.now();
    expect((await page.request.get("/api/health")).status()).toBe(200);
    latencies.push(Date.now() - started);
  }
  const result = await (await validation).json();
  expect(result).toMatchObject({ valid: false, errors: [expect.objectContaining({ path: "(file)", line: 7 })] });
  expect(Math.max(...latencies), `health latencies ${latencies.join(", ")} ms`).toBeLessThan(1000);
});

test("a project whose analysis passes the limits shows why on its threat pages, and its model still reads", async ({ page }) => {
  const imported = await page.request.post("/api/projects/import?filename=large.yaml", { data: largeModelText(2000), headers: { "content-type": "application/yaml" } });
  expect(imported.status()).toBe(201);
  const { id } = await imported.json();
  const rules = await page.request.put(`/api/projects/${id}/rules`, { data: alwaysFiringRules(500), headers: { "content-type": "application/yaml", "if-match": '"0"' } });
  expect(rules.status()).toBe(200);
  await page.goto(`/projects/${id}/threats`);
  const notice = page.getByRole("alert").filter({ hasText: "The threat analysis was not run" });
  await expect(notice).toContainText("the rules raised more than 200,000 threats");
  const threats = await page.request.get(`/api/projects/${id}/threats`);
  expect(threats.status()).toBe(422);
  expect((await page.request.get(`/api/projects/${id}/model?format=json`)).status()).toBe(200);
  expect((await page.request.get("/api/health")).status()).toBe(200);
});
