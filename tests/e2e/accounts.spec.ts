import { expect, test } from "@playwright/test";

test("an administrator creates an account and adds it to the demo project as viewer", async ({ page }) => {
  const email = `viewer-${Date.now()}@example.test`;
  await page.goto("/admin/users");
  const form = page.getByRole("form", { name: "New account" });
  await form.getByLabel("E-mail", { exact: true }).fill(email);
  await form.getByLabel("Name", { exact: true }).fill("Vera Viewer");
  await form.getByLabel("Initial password", { exact: true }).fill("a long initial password");
  await form.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("status")).toContainText(`Created the account of ${email}`);
  await expect(page.getByRole("table", { name: "Accounts" })).toContainText(email);

  await page.goto("/");
  await page.getByRole("link", { name: "GlucoFlow connected insulin pump system" }).click();
  await page.getByRole("link", { name: "Members" }).click();
  const add = page.getByRole("form", { name: "Add a member" });
  await add.getByLabel("E-mail", { exact: true }).fill(email);
  await add.getByLabel("Role", { exact: true }).selectOption("viewer");
  await add.getByRole("button", { name: "Add member" }).click();
  await expect(page.getByRole("status")).toContainText(`Added ${email} as viewer`);
  await expect(page.getByLabel(`Role of ${email}`, { exact: true })).toHaveValue("viewer");
});

test("create an API token, see it once, and revoke it", async ({ page }) => {
  const name = `e2e token ${Date.now()}`;
  await page.goto("/account");
  const tokens = page.getByRole("region", { name: "API tokens" });
  await tokens.getByLabel("Token name", { exact: true }).fill(name);
  await tokens.getByRole("button", { name: "Create token" }).click();
  await expect(tokens.getByLabel("New token", { exact: true })).toHaveValue(/^mt_/);
  const row = page.getByRole("table", { name: "Your API tokens" }).getByRole("row").filter({ hasText: name });
  await expect(row).toContainText("active");

  page.once("dialog", (dialog) => void dialog.accept());
  await row.getByRole("button", { name: `Revoke ${name}` }).click();
  await expect(row).toContainText("revoked");
  await expect(row.getByRole("button")).toHaveCount(0);
});
