import { expect, test } from "@playwright/test";

test("assess a threat's risk: hazard, CVSS before and after, a suggested control, and see it on the risks page", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("link", { name: "GlucoFlow connected insulin pump system" }).click();
  await page.getByRole("link", { name: "Threats" }).click();
  await page.getByLabel("Search").fill("embedded-firmware-extraction");
  await page.locator('[data-threat-id="embedded-firmware-extraction@pump"]').getByRole("link", { name: "Assess risk →" }).click();

  const risk = page.getByRole("region", { name: "Risk assessment" });
  await expect(risk.getByTestId("risk-after")).toContainText("unacceptable");

  const before = risk.getByRole("group", { name: "CVSS 3.1 before controls" });
  await before.getByLabel("Vector", { exact: true }).fill("CVSS:3.1/AV:P/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N");
  await expect(before.getByTestId("cvss-score")).toContainText("4.6 Medium");
  await before.getByLabel("Vector", { exact: true }).fill("CVSS:3.1/AV:P/AC:L/PR:N/UI:N/S:U/C:H/I:X/A:N");
  await expect(before.getByRole("alert")).toBeVisible();
  await before.getByLabel("Attack Complexity (AC)").selectOption("H");
  await expect(before.getByLabel("Vector", { exact: true })).toHaveValue("CVSS:3.1/AV:P/AC:H/PR:N/UI:N/S:U/C:H/I:N/A:N");
  await expect(before.getByTestId("cvss-score")).toContainText("4.2 Medium");

  await risk.getByRole("button", { name: "Add" }).first().click();
  await expect(risk.getByRole("button", { name: /^Unlink ctl-/ })).toHaveCount(1);
  await risk.getByRole("group", { name: "CVSS 3.1 after controls" }).getByLabel("Vector", { exact: true }).fill("CVSS:3.1/AV:P/AC:H/PR:H/UI:R/S:U/C:L/I:N/A:N");
  await expect(risk.getByTestId("risk-after")).toContainText("acceptable");
  await risk.getByRole("button", { name: "Save risk assessment" }).click();
  await expect(risk.getByRole("status")).toContainText("Saved the risk assessment");

  await page.reload();
  await expect(page.getByRole("group", { name: "CVSS 3.1 before controls" }).getByLabel("Vector", { exact: true })).toHaveValue("CVSS:3.1/AV:P/AC:H/PR:N/UI:N/S:U/C:H/I:N/A:N");

  await page.getByRole("link", { name: "Risks" }).click();
  await expect(page.getByTestId("risk-summary")).toContainText("risks evaluated");
  const row = page.getByRole("table", { name: "Risks" }).getByRole("row").filter({ hasText: "embedded-firmware-extraction@pump" });
  await expect(row).toContainText("acceptable");
  await expect(page.getByRole("table", { name: "Safety risks after controls" })).toBeVisible();
});

test("the MITRE rubric turns answers into a CVSS 3.1 vector and keeps them", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("link", { name: "GlucoFlow connected insulin pump system" }).click();
  await page.getByRole("link", { name: "Threats" }).click();
  await page.getByLabel("Search").fill("battery");
  await page.locator('[data-threat-id="embedded-battery-exhaustion@cgm"]').getByRole("link", { name: "Assess risk →" }).click();
  await page.getByRole("button", { name: /MITRE medical device rubric/ }).click();
  const rubric = page.getByTestId("rubric");
  await rubric.getByLabel("XAVN").selectOption("Y");
  await rubric.getByLabel("XAVT").selectOption("N");
  await rubric.getByLabel("XAVW").selectOption("Y");
  await rubric.getByLabel("XAVR").selectOption("Y");
  await expect(page.getByTestId("rubric-vector")).toContainText("AV:L");
  await page.getByRole("button", { name: "Use this vector as the CVSS 3.1 score before controls" }).click();
  await expect(page.getByRole("group", { name: "CVSS 3.1 before controls" }).getByLabel("Vector", { exact: true })).toHaveValue(/^CVSS:3\.1\/AV:L\//);
  await page.getByRole("button", { name: "Save risk assessment" }).click();
  await expect(page.getByRole("region", { name: "Risk assessment" }).getByRole("status")).toContainText("Saved");
  await page.reload();
  await expect(page.getByText(/Rubric answers: XAVN:Y\/XAVT:N\/XAVW:Y\/XAVR:Y/)).toBeVisible();
});

test("controls: add one from the library, record verification evidence", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("link", { name: "GlucoFlow connected insulin pump system" }).click();
  await page.getByRole("link", { name: "Controls" }).click();
  await page.getByRole("button", { name: "Add from library" }).click();
  await page.getByLabel("Search the library").fill("secure boot");
  await page.getByRole("region", { name: "Control library" }).or(page.locator('[aria-label="Control library"]')).getByRole("button", { name: "Add" }).first().click();
  const form = page.getByRole("form", { name: /Control ctl-secure-boot/ });
  await form.getByLabel("Status").selectOption("verified");
  await form.getByRole("button", { name: "Add evidence" }).click();
  await form.getByLabel("Method").selectOption("penetration-test");
  await form.getByLabel("Reference").fill("PT-2026-03 external penetration test");
  await form.getByRole("button", { name: "Save control" }).click();
  await expect(form.getByRole("status")).toContainText("Saved");
  await page.reload();
  await expect(page.getByRole("table", { name: "Project controls" }).getByRole("row").filter({ hasText: "Secure boot" })).toContainText("verified");
});
