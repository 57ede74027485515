import { readFileSync } from "node:fs";
import path from "node:path";
import { formatIssue } from "../lib/model/issues";
import { validateModelText } from "../lib/model/validate";
import type { Db } from "./client";
import { getMeta, setMeta } from "./meta";
import { createProject } from "./projects";

export const DEMO_MODEL_FILE = path.join(process.cwd(), "examples", "insulin-pump-system.yaml");

/** Adds the demo device once, on a fresh database; a user who deletes it does not get it back. */
export async function seedDemo(db: Db): Promise<string | undefined> {
  if (await getMeta(db, "demo-seeded")) return undefined;
  const result = validateModelText(readFileSync(DEMO_MODEL_FILE, "utf8"));
  if (!result.ok) throw new Error(`the demo model is invalid: ${result.errors.map(formatIssue).join("; ")}`);
  const project = await createProject(db, result.model, { author: "medthreat", summary: "Demo device created" });
  await setMeta(db, "demo-seeded", project.id);
  return project.id;
}
