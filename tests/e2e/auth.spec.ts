import { expect, test } from "@playwright/test";
import { ADMIN } from "./fixtures/admin";

test.use({ storageState: { cookies: [], origins: [] } });

test("signed-out visitors are sent to sign in and come back to the page they asked for; sign-out ends the session", async ({ page }) => {
  await page.goto("/rules");
  await expect(page).toHaveURL(/\/signin\?next=%2Frules$/);
  const form = page.getByRole("form", { name: "Sign in" });
  await form.getByLabel("E-mail").fill(ADMIN.email);
  await form.getByLabel("Password").fill("not the password at all");
  await form.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "the e-mail address or the password is wrong" })).toBeVisible();
  await expect(form.getByLabel("E-mail")).toHaveValue(ADMIN.email);

  await form.getByLabel("Password").fill(ADMIN.password);
  await form.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/rules$/);
  await expect(page.getByRole("heading", { name: "Threat rules", level: 1 })).toBeVisible();

  const cookie = (await page.context().cookies()).find((c) => c.name === "medthreat_session")!;
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax" });

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin$/);
  await page.goto("/");
  await expect(page).toHaveURL(/\/signin$/);
  await page.goto("/signup");
  await expect(page).toHaveURL(/\/signin$/);
});

test("pages carry a nonce-based Content Security Policy and refuse framing; the diagram still renders under it", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  await page.goto("/signin");
  await page.getByLabel("E-mail").fill(ADMIN.email);
  await page.getByLabel("Password").fill(ADMIN.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Device projects" })).toBeVisible();
  const headers = (await page.goto("/"))!.headers();
  expect(headers["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["x-frame-options"]).toBe("DENY");
  await page.getByRole("link", { name: "GlucoFlow connected insulin pump system" }).click();
  await expect(page.locator("svg g.node", { hasText: "Insulin pump firmware" }).first()).toBeVisible();
  expect(violations).toEqual([]);
});

test("a state-changing API request from another site is refused even with a valid session cookie", async ({ page }) => {
  await page.goto("/signin");
  await page.getByLabel("E-mail").fill(ADMIN.email);
  await page.getByLabel("Password").fill(ADMIN.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Device projects" })).toBeVisible();
  const body = { project: { name: "Forged from elsewhere", device: { name: "X" } } };
  const forged = await page.request.post("/api/projects", { data: body, headers: { origin: "https://attacker.example", "sec-fetch-site": "cross-site" } });
  expect(forged.status()).toBe(403);
  expect((await forged.json()).type).toContain("cross-site-request");
  const list = await (await page.request.get("/api/projects")).json();
  expect(list.projects.map((p: { name: string }) => p.name)).not.toContain("Forged from elsewhere");
  const own = await page.request.post("/api/projects", { data: { project: { name: "Made here", device: { name: "X" } } } });
  expect(own.status()).toBe(201);
});
