import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Model } from "@/lib/model/schema";
import { serializeModel } from "@/lib/model/format";
import { validateModel } from "@/lib/model/validate";
import { validateProjectText } from "@/lib/project/file";

export const EXAMPLE_FILE = fileURLToPath(new URL("../../examples/insulin-pump-system.yaml", import.meta.url));
export const exampleText = () => readFileSync(EXAMPLE_FILE, "utf8");

export function exampleModel(): Model {
  const result = validateProjectText(exampleText());
  if (!result.ok) throw new Error("example model invalid");
  return result.model;
}

/**
 * A valid model of `count` processes, each with a flow to the next, on one diagram; `descriptionChars`
 * pads every description to make a file of a wanted size (about count × descriptionChars bytes).
 */
export function largeModel(count: number, descriptionChars = 30) {
  const ids = Array.from({ length: count }, (_, i) => `process-${i}`);
  const describe = (text: string) => (text + " " + "lorem ipsum ".repeat(Math.ceil(descriptionChars / 12))).slice(0, Math.max(descriptionChars, text.length));
  return {
    medthreat: 1,
    project: { name: "Large test project", device: { name: "Large device" } },
    elements: ids.map((id, i) => ({
      id,
      type: "process",
      name: `Process ${i}`,
      description: describe(`Generated process number ${i}.`),
      technology: "server-application",
      patientReach: "single",
      holdsSecrets: i % 2 === 0,
      parsesUntrustedInput: true,
      tags: ["generated", `batch-${i % 10}`],
    })),
    flows: ids.slice(1).map((id, i) => ({ id: `flow-${i}`, name: `Flow ${i}`, from: ids[i], to: id, channel: "ethernet", protocol: "HTTPS", direction: "two-way" })),
    diagrams: [{ id: "all", name: "All", elements: ids }],
  };
}

/** largeModel validated (defaults filled in) and written in canonical form. */
export function largeModelText(count: number, descriptionChars = 30, format: "yaml" | "json" = "yaml"): string {
  const result = validateModel(largeModel(count, descriptionChars));
  if (!result.ok) throw new Error("largeModel is not valid");
  return serializeModel(result.model, format);
}
