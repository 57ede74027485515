import { readFileSync } from "node:fs";
import path from "node:path";
import type { Model } from "@/lib/model/schema";
import { validateProjectText } from "@/lib/project/file";

export const EXAMPLE_FILE = path.join(__dirname, "..", "..", "examples", "insulin-pump-system.yaml");
export const exampleText = () => readFileSync(EXAMPLE_FILE, "utf8");

export function exampleModel(): Model {
  const result = validateProjectText(exampleText());
  if (!result.ok) throw new Error("example model invalid");
  return result.model;
}
