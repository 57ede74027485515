import { toCsv, type CsvColumn } from "../trace/matrix";

/** One audit log entry as it is shown and exported: before/after are the recorded JSON values. */
export interface AuditEntryView {
  id: number;
  at: string;
  actorId: string;
  actorName: string;
  action: string;
  entityType: string;
  entityId: string;
  summary: string;
  before: unknown;
  after: unknown;
}

const jsonCell = (v: unknown) => (v === null || v === undefined ? "" : JSON.stringify(v));

export const AUDIT_CSV_COLUMNS: readonly CsvColumn<AuditEntryView>[] = [
  { header: "id", value: (e) => e.id },
  { header: "at", value: (e) => e.at },
  { header: "actor id", value: (e) => e.actorId },
  { header: "actor", value: (e) => e.actorName },
  { header: "action", value: (e) => e.action },
  { header: "entity type", value: (e) => e.entityType },
  { header: "entity id", value: (e) => e.entityId },
  { header: "summary", value: (e) => e.summary },
  { header: "before", value: (e) => jsonCell(e.before) },
  { header: "after", value: (e) => jsonCell(e.after) },
];

/** RFC 4180 CSV of audit entries; cells a spreadsheet would run as a formula are defused. */
export const auditCsv = (entries: readonly AuditEntryView[]) => toCsv(entries, AUDIT_CSV_COLUMNS);

/** Parses a stored before/after column; a value that is not JSON is kept as text. */
export function storedJson(text: string | null): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
