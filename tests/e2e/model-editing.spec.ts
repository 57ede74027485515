import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";

const diagram = (page: Page) => page.getByTestId("diagram");

async function createProject(page: Page, name: string) {
  await page.goto("/");
  const form = page.getByRole("form", { name: "New project" });
  await form.getByLabel("Project name").fill(name);
  await form.getByLabel("Device name").fill(`${name} device`);
  await form.getByRole("button", { name: "Create project" }).click();
  await expect(page.getByTestId("project-name")).toHaveText(name);
}

async function addElement(page: Page, kind: "External entity" | "Process" | "Data store", name: string) {
  await page.getByRole("button", { name: `+ ${kind}` }).click();
  const form = page.getByRole("form", { name: new RegExp(`New ${kind}`, "i") });
  await form.getByLabel("Name *").fill(name);
  await form.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status")).toContainText("Added");
  await page.getByRole("button", { name: "Close" }).click();
}

test("create a project, add two elements and a flow, see them drawn, export and import into a new project", async ({ page }) => {
  await createProject(page, "E2E pump");
  await addElement(page, "Process", 'Pump "controller" <b>1</b>');
  await addElement(page, "External entity", "Phone app");

  await page.getByRole("button", { name: "+ Data flow" }).click();
  const flowForm = page.getByRole("form", { name: "New data flow" });
  await flowForm.getByLabel("From", { exact: true }).selectOption({ label: "Phone app" });
  await flowForm.getByLabel("To", { exact: true }).selectOption({ label: 'Pump "controller" <b>1</b>' });
  await flowForm.getByLabel("Channel", { exact: true }).selectOption("ble");
  await flowForm.getByLabel("Protocol", { exact: true }).fill("BLE GATT");
  await flowForm.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status")).toContainText('Added flow "phone-app-to-pump-controller-b-1-b"');

  const svg = diagram(page).locator("svg");
  await expect(svg.locator("g.node", { hasText: 'Pump "controller" <b>1</b>' })).toHaveCount(1);
  await expect(svg.locator("g.node", { hasText: "Phone app" })).toHaveCount(1);
  await expect(svg.locator(".edgeLabel", { hasText: "BLE GATT" }).first()).toBeVisible();
  await expect(svg.locator("b")).toHaveCount(0);
  await expect(page.getByTestId("revision")).toHaveText("4");

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export YAML" }).click();
  const file = await (await download).path();
  const exported = readFileSync(file, "utf8");
  expect(exported).toContain("id: phone-app-to-pump-controller-b-1-b");

  await page.goto("/");
  await page.getByLabel("Model file", { exact: true }).setInputFiles({ name: "copy.yaml", mimeType: "application/yaml", buffer: Buffer.from(exported) });
  await page.getByRole("button", { name: "Import" }).click();
  await expect(page.getByTestId("project-name")).toHaveText("E2E pump");
  await expect(diagram(page).locator("svg g.node")).toHaveCount(2);
  await expect(diagram(page).locator("svg .edgeLabel", { hasText: "BLE GATT" }).first()).toBeVisible();

  const copyUrl = page.url().replace(/\/projects\//, "/api/projects/") + "/export?format=yaml";
  const copy = await (await page.request.get(copyUrl)).text();
  expect(copy).toBe(exported);
});

test("the seeded demo device is drawn and clicking an element opens it for editing", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("link", { name: "GlucoFlow connected insulin pump system" }).click();
  await expect(page.getByRole("tab", { name: "Firmware update path" })).toBeVisible();
  await diagram(page).locator("svg g.node", { hasText: "Insulin pump firmware" }).click();
  const form = page.getByRole("form", { name: "Edit process" });
  await expect(form.getByLabel("Id *")).toHaveValue("pump");
  await expect(form.getByLabel("Therapy delivery")).toBeChecked();
  await diagram(page).locator("svg g.cluster", { hasText: "Vendor cloud" }).locator(".cluster-label, .nodeLabel").first().click();
  await expect(page.getByRole("form", { name: "Edit trust boundary" }).getByLabel("Id *")).toHaveValue("vendor-cloud");
  await page.getByRole("tab", { name: "Firmware update path" }).click();
  await expect(diagram(page).locator("svg g.node", { hasText: "Diabetes care clinician" })).toHaveCount(0);
  await expect(diagram(page).locator("svg g.node", { hasText: "Signing key store" })).toHaveCount(1);
});

test("an edit based on a stale revision is refused, the input is kept and can be applied to the latest revision", async ({ browser }) => {
  const a = await browser.newPage();
  await createProject(a, "Conflict test");
  await addElement(a, "Process", "Controller");
  const url = a.url();
  const b = await browser.newPage();
  await b.goto(url);

  await a.getByRole("button", { name: "Controller" }).click();
  await a.getByRole("form", { name: "Edit process" }).getByLabel("Description").fill("Edited in A");
  await b.getByRole("button", { name: "Controller" }).click();
  await b.getByRole("form", { name: "Edit process" }).getByLabel("Description").fill("Edited in B");

  await a.getByRole("button", { name: "Save" }).click();
  await expect(a.getByRole("status")).toContainText("Changed process");
  await b.getByRole("button", { name: "Save" }).click();
  await expect(b.getByRole("alert").filter({ hasText: "Someone else changed this project" })).toContainText("revision 2 is no longer current: Ada Admin saved revision 3");
  await expect(b.getByRole("form", { name: "Edit process" }).getByLabel("Description")).toHaveValue("Edited in B");

  await b.getByRole("button", { name: "Load latest and apply my change" }).click();
  await expect(b.getByRole("status")).toContainText("Changed process");
  const model = await (await b.request.get(url.replace("/projects/", "/api/projects/") + "/model?format=json")).json();
  expect(model.elements[0].description).toBe("Edited in B");
  const revisions = await (await b.request.get(url.replace("/projects/", "/api/projects/") + "/revisions")).json();
  expect(revisions.revisions.map((r: { summary: string }) => r.summary)).toEqual([
    'Changed process "controller"',
    'Changed process "controller"',
    'Added process "controller"',
    "Project created",
  ]);
});

test("an invalid model file is refused with its errors and creates no project", async ({ page }) => {
  await page.goto("/");
  const before = await page.getByRole("list", { name: "Projects" }).getByRole("listitem").count();
  await page.getByLabel("Model file", { exact: true }).setInputFiles({
    name: "broken.yaml",
    mimeType: "application/yaml",
    buffer: Buffer.from("medthreat: 1\nproject: {name: Broken, device: {name: B}}\nelements:\n  - {id: pump, type: process, name: Pump}\nflows:\n  - {id: f1, from: pump, to: pmp, channel: bluetooth}\n"),
  });
  await page.getByRole("button", { name: "Import" }).click();
  const alert = page.getByRole("alert").filter({ hasText: "the file was not imported" });
  await expect(alert).toContainText("the file was not imported: 2 problems");
  await expect(alert).toContainText('flows[0].to: unknown element "pmp"; did you mean "pump"? (line 6');
  await expect(alert).toContainText('flows[0].channel: "bluetooth" is not one of the allowed values');
  await page.reload();
  await expect(page.getByRole("list", { name: "Projects" }).getByRole("listitem")).toHaveCount(before);
});
