import { readFileSync } from "node:fs";
import path from "node:path";
import { getDb } from "@/db/client";
import { getMeta, setMeta } from "@/db/meta";
import { formatIssue } from "@/lib/model/issues";
import { importProject } from "./projects";
import { SYSTEM } from "./access";

export const DEMO_PROJECT_FILE = path.join(process.cwd(), "examples", "insulin-pump-system.yaml");

/**
 * Adds the demo device, with its assessment, once on a fresh database; a user who deletes it does not
 * get it back. It has no owner until the first account is created, who becomes its owner.
 */
export async function seedDemo(): Promise<string | undefined> {
  const db = await getDb();
  if (await getMeta(db, "demo-seeded")) return undefined;
  const outcome = await importProject(SYSTEM, readFileSync(DEMO_PROJECT_FILE, "utf8"), "examples/insulin-pump-system.yaml");
  if (!outcome.ok) throw new Error(`the demo project is invalid: ${"errors" in outcome ? outcome.errors.map(formatIssue).join("; ") : outcome.message}`);
  await setMeta(db, "demo-seeded", outcome.value.id);
  return outcome.value.id;
}
