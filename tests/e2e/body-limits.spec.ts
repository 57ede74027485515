import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { expect, test, type APIRequestContext } from "@playwright/test";
import type { Model } from "@/lib/model/schema";
import { largeModelText } from "../helpers/models";
import { baseUrl, createToken } from "./fixtures/api";

/**
 * Every documented limit holds through the whole server (its proxy included): a body up to 32 MiB
 * arrives whole, a larger one is refused with 413, nothing is ever cut.
 */

const MIB = 1024 * 1024;
/** About 11.2 MB: 600 elements and 599 flows, larger than the 10 MB the framework's proxy used to cut at. */
const elevenMegabytes = () => largeModelText(600, 18_500);
const tooLarge = () => "medthreat: 1\n# " + "x".repeat(33 * MIB) + "\n";

async function storedCounts(request: APIRequestContext, projectId: string) {
  const model = (await (await request.get(`/api/projects/${projectId}/model?format=json`)).json()) as Model;
  return { elements: model.elements.length, flows: model.flows.length };
}

const projectCount = async (request: APIRequestContext) => ((await (await request.get("/api/projects")).json()) as { projects: unknown[] }).projects.length;

test("an 11 MB model is imported and replaced whole through the API", async ({ page }) => {
  const text = elevenMegabytes();
  expect(Buffer.byteLength(text)).toBeGreaterThan(11 * 1_000_000);
  const created = await page.request.post("/api/projects/import?filename=large.yaml", { data: text, headers: { "content-type": "application/yaml" } });
  expect(created.status()).toBe(201);
  const { id, currentRevision } = await created.json();
  expect(await storedCounts(page.request, id)).toEqual({ elements: 600, flows: 599 });

  const changed = text.replace("name: Large test project", "name: Large test project, changed");
  const saved = await page.request.put(`/api/projects/${id}/model`, { data: changed, headers: { "content-type": "application/yaml", "if-match": `"${currentRevision}"` } });
  expect(saved.status()).toBe(200);
  expect(await saved.json()).toMatchObject({ revision: currentRevision + 1, counts: { elements: 600, flows: 599 } });
  expect(await storedCounts(page.request, id)).toEqual({ elements: 600, flows: 599 });
});

test("a body over 32 MiB is refused with 413, with or without a declared length, and nothing is stored", async ({ page }) => {
  const before = await projectCount(page.request);
  const declared = await page.request.post("/api/projects/import", { data: tooLarge(), headers: { "content-type": "application/yaml" } });
  expect(declared.status()).toBe(413);
  expect((await declared.json()).detail).toMatch(/larger than the limit of 33554432 bytes \(32 MiB\)/);

  const token = await createToken(page);
  const body = Buffer.from(tooLarge());
  const chunked = await fetch(`${baseUrl()}/api/projects/import`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/yaml" },
    body: new ReadableStream({
      start(controller) {
        for (let at = 0; at < body.length; at += MIB) controller.enqueue(body.subarray(at, at + MIB));
        controller.close();
      },
    }),
    duplex: "half",
  } as RequestInit);
  expect(chunked.status).toBe(413);
  expect(await projectCount(page.request)).toBe(before);
});

test("the web import takes an 11 MB file whole, and refuses a file over 32 MiB before sending it", async ({ page }) => {
  await page.goto("/");
  const input = page.getByLabel("Model file", { exact: true });
  await input.setInputFiles({ name: "large.yaml", mimeType: "application/yaml", buffer: Buffer.from(elevenMegabytes()) });
  await page.getByRole("button", { name: "Import" }).click();
  await expect(page).toHaveURL(/\/projects\/[\w-]+$/, { timeout: 60_000 });
  const id = new URL(page.url()).pathname.split("/").pop()!;
  expect(await storedCounts(page.request, id)).toEqual({ elements: 600, flows: 599 });

  await page.goto("/");
  await page.getByLabel("Model file", { exact: true }).setInputFiles({ name: "huge.yaml", mimeType: "application/yaml", buffer: Buffer.from(tooLarge()) });
  await page.getByRole("button", { name: "Import" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "huge.yaml" })).toContainText("the limit is 33554432 bytes (32 MiB)");
  await expect(page.getByRole("button", { name: "Import" })).toBeEnabled();
});

test("medthreat push sends an 11 MB file whole", async ({ page }) => {
  const token = await createToken(page);
  const dir = mkdtempSync(path.join(tmpdir(), "medthreat-push-"));
  try {
    const file = path.join(dir, "large.yaml");
    writeFileSync(file, elevenMegabytes());
    const { stdout } = await promisify(execFile)("node", ["bin/medthreat.mjs", "push", file], {
      env: { ...process.env, MEDTHREAT_SERVER: baseUrl(), MEDTHREAT_TOKEN: token },
      maxBuffer: 10 * MIB,
    });
    const id = /created project ([\w-]+)/.exec(stdout)?.[1];
    expect(id).toBeTruthy();
    expect(await storedCounts(page.request, id!)).toEqual({ elements: 600, flows: 599 });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
