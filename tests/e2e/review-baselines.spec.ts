import { expect, test } from "@playwright/test";

test("take a baseline, sign it off, edit the model, see that the working copy moved on, open the diff", async ({ page }) => {
  await page.goto("/");
  const form = page.getByRole("form", { name: "New project" });
  await form.getByLabel("Project name").fill("Baseline review");
  await form.getByRole("button", { name: "Create project" }).click();
  await expect(page.getByTestId("project-name")).toHaveText("Baseline review");

  await page.getByRole("link", { name: "Baselines" }).click();
  const create = page.getByRole("form", { name: "New baseline" });
  await create.getByLabel("Baseline name", { exact: true }).fill("Design review 1");
  await create.getByRole("button", { name: /Create baseline/ }).click();
  await expect(create.getByRole("status")).toContainText('Baseline "Design review 1" created');

  const baseline = page.getByRole("article", { name: "Baseline Design review 1" });
  await expect(baseline.getByTestId("working-copy-status")).toContainText("Unchanged since baseline");
  await expect(baseline.getByText(/^[0-9a-f]{64}$/)).toBeVisible();
  await baseline.getByLabel("Sign-off statement", { exact: true }).fill("Reviewed the first design; approved.");
  await baseline.getByRole("button", { name: "Sign off" }).click();
  await expect(baseline.getByRole("list", { name: "Sign-offs of Design review 1" })).toContainText("Reviewed the first design; approved.");
  await expect(baseline.getByRole("button", { name: "Sign off" })).toHaveCount(0);

  await page.getByRole("link", { name: "Project details" }).click();
  const details = page.getByRole("form", { name: "Project details" });
  await details.getByLabel("Intended purpose").fill("Monitoring of vital signs at home, changed after the review.");
  await details.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status")).toContainText("Changed project details");

  await page.getByRole("link", { name: "Baselines" }).click();
  await expect(baseline.getByTestId("working-copy-status")).toContainText("Working copy has changed since this baseline");
  await expect(baseline.getByRole("list", { name: "Sign-offs of Design review 1" })).toContainText("hash matches");

  await baseline.getByRole("link", { name: "Compare with the working copy" }).click();
  await expect(page).toHaveURL(/\/diff\?from=baseline:/);
  await expect(page.getByTestId("diff-summary")).toContainText("1 difference");
  await expect(page.getByRole("region", { name: "Project", exact: true })).toContainText("intendedPurpose");

  await page.getByRole("link", { name: "Audit log" }).click();
  await expect(page.getByRole("table", { name: "Audit entries" })).toContainText("baseline.sign-off");
});
