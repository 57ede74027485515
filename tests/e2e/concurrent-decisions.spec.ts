import { expect, test, type Browser, type Page } from "@playwright/test";
import { ADMIN_STATE } from "./fixtures/admin";

const EDITOR = { name: "Eddie Editor", email: "eddie@example.test", password: "eddie-password-long" };
const THREAT = "flow-denial-of-service@settings-proposal-to-app";

async function demoProjectId(page: Page): Promise<string> {
  const { projects } = await (await page.request.get("/api/projects")).json();
  return projects.find((p: { name: string }) => p.name === "GlucoFlow connected insulin pump system").id;
}

async function signedInAs(browser: Browser, user: typeof EDITOR): Promise<Page> {
  const page = await (await browser.newContext({ storageState: { cookies: [], origins: [] } })).newPage();
  await page.goto("/signin");
  await page.getByLabel("E-mail").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Device projects" })).toBeVisible();
  return page;
}

async function openThreat(page: Page, projectId: string) {
  await page.goto(`/projects/${projectId}/threats`);
  await page.getByLabel("Search").fill("blocked or jammed");
  return page.locator(`[data-threat-id="${THREAT}"]`);
}

test("two people decide the same threat at once in two browsers: one wins, the other is told and keeps their input", async ({ browser }) => {
  const admin = await (await browser.newContext({ storageState: ADMIN_STATE })).newPage();
  const projectId = await demoProjectId(admin);
  expect((await admin.request.post("/api/admin/users", { data: { ...EDITOR } })).status()).toBe(201);
  expect((await admin.request.post(`/api/projects/${projectId}/members`, { data: { email: EDITOR.email, role: "editor" } })).status()).toBe(201);
  const editor = await signedInAs(browser, EDITOR);

  const mine = await openThreat(admin, projectId);
  const theirs = await openThreat(editor, projectId);

  await mine.getByLabel("Decision", { exact: true }).selectOption("accepted");
  await mine.getByLabel(/Justification/).fill("Cloud outage only delays a proposal; the pump keeps its current settings.");
  await mine.getByRole("button", { name: "Save decision" }).click();
  await expect(mine.getByRole("status")).toContainText("Saved: Accepted");

  const editorText = "Proposals are re-sent until acknowledged; the app shows the last sync time (REQ-311).";
  await theirs.getByLabel("Decision", { exact: true }).selectOption("mitigated");
  await theirs.getByLabel(/Justification/).fill(editorText);
  await theirs.getByRole("button", { name: "Save decision" }).click();
  const conflict = theirs.getByRole("alert");
  await expect(conflict).toContainText('Ada Admin set it to "accepted"');
  await expect(conflict).toContainText("your input is kept");
  await expect(theirs.getByLabel(/Justification/)).toHaveValue(editorText);
  await expect(theirs.getByLabel("Decision", { exact: true })).toHaveValue("mitigated");

  await conflict.getByRole("button", { name: "Save my decision over it" }).click();
  await expect(theirs.getByRole("status")).toContainText("Saved: Mitigated");

  const after = await openThreat(admin, projectId);
  await expect(after.getByLabel("Decision", { exact: true })).toHaveValue("mitigated");
  await expect(after).toContainText("Decided by Eddie Editor");
});
