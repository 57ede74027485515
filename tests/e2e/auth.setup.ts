import { expect, test as setup } from "@playwright/test";
import { ADMIN, ADMIN_STATE } from "./fixtures/admin";

setup("a fresh installation sends everyone to create the first account, which becomes administrator", async ({ page }) => {
  await page.goto("/projects/anything");
  await expect(page).toHaveURL(/\/signup$/);
  const form = page.getByRole("form", { name: "Create the first account" });
  await form.getByLabel("Name", { exact: true }).fill(ADMIN.name);
  await form.getByLabel("E-mail").fill(ADMIN.email);
  await form.getByLabel("Password", { exact: true }).fill(ADMIN.password);
  await form.getByLabel("Repeat the password").fill(ADMIN.password);
  await form.getByRole("button", { name: "Create administrator account" }).click();
  await expect(page.getByRole("heading", { name: "Device projects" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Users" })).toBeVisible();
  await expect(page.getByRole("link", { name: "GlucoFlow connected insulin pump system" })).toBeVisible();
  await page.context().storageState({ path: ADMIN_STATE });
});
