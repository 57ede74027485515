import { toCsv } from "../../trace/matrix";
import type { Block, ReportDocument } from "../document";

/**
 * Every table of a document as its own CSV file, `<document-id>-<table-id>.csv`, with the columns'
 * headers as the header line. Cells a spreadsheet would read as a formula get a leading apostrophe
 * (toCsv); lines end in CRLF. A table id used twice in one document gets `-2`, `-3`… appended.
 */
export function tablesAsCsv(doc: ReportDocument): { name: string; csv: string }[] {
  const used = new Map<string, number>();
  const files: { name: string; csv: string }[] = [];
  for (const block of doc.blocks) {
    if (block.kind !== "table") continue;
    const count = (used.get(block.id) ?? 0) + 1;
    used.set(block.id, count);
    files.push({ name: `${doc.id}-${block.id}${count > 1 ? `-${count}` : ""}.csv`, csv: tableCsv(block) });
  }
  return files;
}

export function tableCsv(table: Extract<Block, { kind: "table" }>): string {
  return toCsv(
    table.rows,
    table.columns.map((c) => ({ header: c.header, value: (row: Record<string, string>) => row[c.key] ?? "" })),
  );
}
