import { expect, test } from "@playwright/test";

test("threats of the demo device: filter, explain, decide, and see open threats on the diagram", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("link", { name: "GlucoFlow connected insulin pump system" }).click();
  const diagram = page.getByTestId("diagram");
  await expect(diagram.locator("svg g.node.flagged", { hasText: "Insulin pump firmware" })).toHaveCount(1);
  await expect(page.getByTestId("open-threats-legend")).toBeVisible();

  await page.getByRole("link", { name: "Threats" }).click();
  const summary = page.getByTestId("threat-summary");
  await expect(summary).toContainText("threats on revision 1");
  const total = Number((await summary.locator("strong").first().textContent()) ?? "0");
  expect(total).toBeGreaterThan(20);

  await page.getByLabel("Patient safety").selectOption("no");
  const shownNoSafety = Number(((await page.getByText(/^\d+ shown\.$/).textContent()) ?? "").split(" ")[0]);
  expect(shownNoSafety).toBeLessThan(total);
  await page.getByLabel("Patient safety").selectOption("all");

  await page.getByLabel("Search").fill("replayed");
  const card = page.locator('[data-threat-id="therapy-command-replay@app-therapy-commands"]');
  await expect(card).toContainText("replayProtection is false");
  await expect(card).toContainText("MDR-18.8");

  await card.getByLabel("Decision", { exact: true }).selectOption("mitigated");
  await card.getByRole("button", { name: "Save decision" }).click();
  await expect(card.getByRole("alert")).toContainText("justification");
  await card.getByLabel(/Justification/).fill("A monotonic command counter is checked by the pump (REQ-214, test TR-88).");
  await card.getByRole("button", { name: "Save decision" }).click();
  await expect(card.getByRole("status")).toContainText("Saved: Mitigated");

  await page.reload();
  const again = page.locator('[data-threat-id="therapy-command-replay@app-therapy-commands"]');
  await expect(again.getByLabel("Decision", { exact: true })).toHaveValue("mitigated");
  await expect(again).toContainText("Decided by Ada Admin");
  await again.getByRole("button", { name: "History" }).click();
  await expect(again.getByRole("list", { name: "History" })).toContainText("decision: mitigated");

  await page.getByRole("tab", { name: "Coverage" }).click();
  await expect(page.getByTestId("coverage-complete")).toBeVisible();
  await page.getByRole("table", { name: "Coverage" }).getByRole("row", { name: /Pump flash memory/ }).getByRole("button").first().click();
  await expect(page.getByRole("region", { name: "Coverage detail" })).toContainText("store-tampering");
});
