import { expect, test } from "@playwright/test";

test("rename, edit details with assumptions, group elements in a boundary, restore a revision, delete and restore the project", async ({ page }) => {
  page.on("dialog", (d) => d.accept());
  await page.goto("/");
  const form = page.getByRole("form", { name: "New project" });
  await form.getByLabel("Project name").fill("Lifecycle");
  await form.getByRole("button", { name: "Create project" }).click();
  await expect(page.getByTestId("project-name")).toHaveText("Lifecycle");

  await page.getByRole("button", { name: "Rename" }).click();
  await page.getByLabel("New project name").fill("Lifecycle renamed");
  await page.getByRole("button", { name: "Save name" }).click();
  await expect(page.getByTestId("project-name")).toHaveText("Lifecycle renamed");

  await page.getByRole("link", { name: "Project details" }).click();
  const details = page.getByRole("form", { name: "Project details" });
  await details.getByLabel("Intended purpose").fill("Monitoring of vital signs at home.");
  await details.getByLabel("Home").check();
  await details.getByRole("button", { name: "Add assumption" }).click();
  await details.getByLabel("Assumption asm-1", { exact: true }).fill("The home Wi-Fi is hostile.");
  await details.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status")).toContainText("Changed project details");

  await page.getByRole("link", { name: "Model", exact: true }).click();
  for (const name of ["Monitor", "Gateway"]) {
    await page.getByRole("button", { name: "+ Process" }).click();
    await page.getByRole("form", { name: "New process" }).getByLabel("Name *").fill(name);
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByRole("status")).toContainText(`Added process "${name.toLowerCase()}"`);
    await page.getByRole("button", { name: "Close" }).click();
  }
  await page.getByRole("button", { name: "+ Trust boundary" }).click();
  const boundary = page.getByRole("form", { name: "New trust boundary" });
  await boundary.getByLabel("Name *").fill("Patient home");
  await boundary.getByLabel("Monitor").check();
  await boundary.getByLabel("Gateway").check();
  await boundary.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status")).toContainText('Added trust boundary "patient-home"');
  await page.getByRole("tab", { name: "Whole model" }).click();
  await expect(page.getByTestId("diagram").locator("svg g.cluster", { hasText: "Patient home" })).toHaveCount(1);

  const api = page.url().replace("/projects/", "/api/projects/");
  const model = await (await page.request.get(`${api}/model?format=json`)).json();
  expect(model.project).toMatchObject({ name: "Lifecycle renamed", intendedPurpose: "Monitoring of vital signs at home.", environments: ["home"] });
  expect(model.project.assumptions).toEqual([{ id: "asm-1", text: "The home Wi-Fi is hostile." }]);
  expect(model.boundaries).toEqual([{ id: "patient-home", name: "Patient home", contains: ["gateway", "monitor"] }]);

  await page.getByRole("link", { name: "History" }).click();
  const rows = page.getByRole("row");
  await expect(rows).toHaveCount(7);
  await rows.filter({ hasText: "Project created" }).getByRole("button", { name: "Restore" }).click();
  await expect(page.getByTestId("revision")).toHaveText("7");
  await expect(page.getByRole("row").filter({ hasText: "Restored revision 1" })).toHaveCount(1);
  expect((await (await page.request.get(`${api}/model?format=json`)).json()).project.name).toBe("Lifecycle");

  await page.getByRole("button", { name: "Delete" }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole("list", { name: "Projects" }).getByText("Lifecycle", { exact: true })).toHaveCount(0);
  await page.getByText(/^Trash/).click();
  await page.getByRole("list", { name: "Deleted projects" }).getByRole("listitem").filter({ hasText: "Lifecycle" }).getByRole("button", { name: "Restore" }).click();
  await expect(page.getByRole("list", { name: "Projects" }).getByRole("link", { name: "Lifecycle", exact: true })).toBeVisible();
});
