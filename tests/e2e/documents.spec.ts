import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";

test("generate the Annex I checklist of the demo project as PDF, follow the progress and download it", async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto("/");
  await page.getByRole("link", { name: "GlucoFlow connected insulin pump system" }).click();
  await page.getByRole("link", { name: "Documents", exact: true }).click();

  const form = page.getByRole("form", { name: "Generate documents" });
  await form.getByRole("button", { name: "Clear documents", exact: true }).click();
  await form.getByLabel("Annex I checklist (MDCG 2019-16 Table 1)", { exact: true }).check();
  await form.getByLabel("HTML", { exact: true }).uncheck();
  await form.getByLabel("PDF", { exact: true }).check();
  await form.getByRole("button", { name: "Generate", exact: true }).click();

  const generation = page.getByRole("region", { name: "Generation" });
  await expect(generation.getByText(/^Done\./)).toBeVisible({ timeout: 150_000 });
  const download = page.waitForEvent("download");
  await generation.getByRole("link", { name: "annex-i-checklist.pdf", exact: true }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe("annex-i-checklist.pdf");
  expect(readFileSync((await file.path())!).subarray(0, 5).toString()).toBe("%PDF-");

  await expect(page.getByRole("table", { name: "Earlier documents" })).toContainText("revision");
});
