import { expect, test } from "@playwright/test";

const PROJECT = "GlucoFlow connected insulin pump system";

async function openTab(page: import("@playwright/test").Page, tab: string) {
  await page.goto("/");
  await page.getByRole("link", { name: PROJECT }).click();
  await page.getByRole("navigation", { name: "Project sections" }).getByRole("link", { name: tab, exact: true }).click();
}

test("coverage review: readiness figure, then follow a gap to where it is fixed", async ({ page }) => {
  await openTab(page, "Review");
  await expect(page.getByTestId("readiness-percent")).toHaveText(/^\d{1,3}%$/);
  await expect(page.getByTestId("readiness-checks")).toContainText(/\d+ of \d+ checks pass/);
  await expect(page.getByRole("table", { name: "Readiness by category" })).toContainText("Threat decisions");

  const decisions = page.getByRole("list", { name: "Gaps: Threat decisions" });
  await decisions.getByRole("link").first().click();
  await expect(page).toHaveURL(/\/projects\/[^/]+\/threats\/[^/?#]+$/);
  await expect(page.getByRole("region", { name: "Risk assessment" })).toBeVisible();
});

test("requirements: mark an Annex I requirement not applicable with a justification", async ({ page }) => {
  await openTab(page, "Requirements");
  const requirement = page.getByRole("region", { name: /^MDR-22\.1 / });
  await requirement.getByLabel("Not applicable", { exact: true }).check();
  await requirement.getByRole("button", { name: "Save MDR-22.1" }).click();
  await expect(requirement.getByRole("alert")).toContainText("at least 10 characters");

  await requirement.getByLabel(/^Justification/).fill("Clinicians set up the pump; no lay-person use without training (IFU section 2).");
  await requirement.getByRole("button", { name: "Save MDR-22.1" }).click();
  await expect(requirement.getByRole("status")).toContainText("Saved");

  await page.reload();
  const reloaded = page.getByRole("region", { name: /^MDR-22\.1 / });
  await expect(reloaded.getByLabel("Not applicable", { exact: true })).toBeChecked();
  await expect(reloaded.getByLabel(/^Justification/)).toHaveValue(/Clinicians set up the pump/);
  await expect(reloaded.getByTestId("requirement-state")).toHaveText("Not applicable");
});

test("traceability: both directions, a filter in the URL and an Export CSV link that keeps it", async ({ page }) => {
  await openTab(page, "Traceability");
  await expect(page.getByRole("table", { name: "Requirement traceability" })).toBeVisible();
  const exportLink = page.getByRole("link", { name: "Export CSV" });
  await expect(exportLink).toHaveAttribute("href", /\/api\/projects\/[^/]+\/trace\?format=csv$/);

  await page.getByLabel("Requirement", { exact: true }).selectOption("MDR-18.8");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/requirement=MDR-18\.8/);
  await expect(exportLink).toHaveAttribute("href", /requirement=MDR-18\.8/);
  const csv = await page.request.get((await exportLink.getAttribute("href"))!);
  expect(csv.status()).toBe(200);
  expect(await csv.text()).toMatch(/^Requirement,/);

  await page.getByRole("link", { name: "Element → threats → risks → controls" }).click();
  await expect(page).toHaveURL(/direction=elements/);
  await expect(page.getByRole("region", { name: /\(pump\)$/ })).toBeVisible();
  await expect(exportLink).toHaveAttribute("href", /direction=elements.*format=csv/);
});
