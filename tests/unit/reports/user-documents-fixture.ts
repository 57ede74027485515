import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import { formatIssue } from "../../../lib/model/issues";
import { validateProject } from "../../../lib/project/file";
import { inlineText, type Block, type ReportDocument } from "../../../lib/reports/document";
import type { ReportInput } from "../../../lib/reports/input";
import { analyzeModel } from "../../../lib/threats";
import { smallModel, type RawModel } from "../model/helpers";

/** Inputs and lookups for the tests of the user-facing documents (IFU, MDS2, FDA views). */

export { smallModel, type RawModel };

const SOURCE = { kind: "file" as const, label: "file test.yaml", contentHash: "ab".repeat(32), date: "2026-11-26" };

/** A ReportInput from a plain project file value (model, optionally with `assessment`), analysed with the built-in rules. */
export function inputFrom(raw: RawModel): ReportInput {
  const result = validateProject(structuredClone(raw));
  if (!result.ok) throw new Error(result.errors.map(formatIssue).join("\n"));
  const file = { model: result.model, assessment: result.assessment };
  return { file, analysis: analyzeModel(file.model), source: SOURCE, generatorVersion: "0.0.0-test" };
}

const exampleText = () => readFileSync(fileURLToPath(new URL("../../../examples/insulin-pump-system.yaml", import.meta.url)), "utf8");

/** The demo project as a plain value, to change before `inputFrom`. */
export const demoRaw = (): RawModel => parse(exampleText()) as RawModel;

export const demoInput = () => inputFrom(demoRaw());

export function table(doc: ReportDocument, id: string): Extract<Block, { kind: "table" }> {
  const found = doc.blocks.find((b): b is Extract<Block, { kind: "table" }> => b.kind === "table" && b.id === id);
  if (!found) throw new Error(`no table "${id}" in ${doc.id}: ${doc.blocks.flatMap((b) => (b.kind === "table" ? [b.id] : [])).join(", ")}`);
  return found;
}

export const hasTable = (doc: ReportDocument, id: string) => doc.blocks.some((b) => b.kind === "table" && b.id === id);

/** Every text of a document, one block per line, tables as their cells. */
export function textOf(doc: ReportDocument): string {
  return doc.blocks
    .map((b) => {
      switch (b.kind) {
        case "heading":
          return b.text;
        case "paragraph":
        case "note":
          return inlineText(b.content);
        case "list":
          return b.items.map(inlineText).join("\n");
        case "definitions":
          return b.items.map((i) => `${i.term}: ${inlineText(i.description)}`).join("\n");
        case "table":
          return [b.caption, ...b.rows.map((r) => Object.values(r).join(" | "))].join("\n");
        case "diagram":
          return `${b.title}\n${b.caption ?? ""}`;
        default:
          return "";
      }
    })
    .join("\n");
}

export const headings = (doc: ReportDocument) => doc.blocks.flatMap((b) => (b.kind === "heading" ? [b] : []));
