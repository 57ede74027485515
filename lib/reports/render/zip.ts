import { zipSync, type Zippable } from "fflate";

/**
 * ZIP archives whose bytes depend only on their files: every entry has the same modification time
 * (the source date, never the clock), and zipFiles sorts the names.
 */

export interface ZipEntry {
  name: string;
  data: Uint8Array;
}

/** Formats that are compressed already are stored as they are. */
const STORED = /\.(png|jpe?g|gif|pdf|docx|xlsx|zip|gz)$/i;

/** The time of every entry: noon on the source date (YYYY-MM-DD) in local time, as ZIP stores local time; 1980-01-01 without a date. */
export function zipTime(date?: string): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date ?? "");
  const year = m ? Math.min(Math.max(Number(m[1]), 1980), 2099) : 1980;
  return m ? new Date(year, Number(m[2]) - 1, Number(m[3]), 12, 0, 0) : new Date(1980, 0, 1, 12, 0, 0);
}

/** A ZIP of the files in name order; the same files and date always give the same bytes. */
export function zipFiles(files: readonly ZipEntry[], date?: string): Uint8Array {
  const sorted = [...files].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return zipInOrder(sorted, date);
}

/** A ZIP of the files in the order given (for formats such as DOCX that keep their own part order). */
export function zipInOrder(files: readonly ZipEntry[], date?: string): Uint8Array {
  const mtime = zipTime(date);
  const entries: Zippable = {};
  for (const file of files) {
    if (Object.hasOwn(entries, file.name)) throw new Error(`two files named "${file.name}" in one archive`);
    entries[file.name] = [file.data, { mtime, level: STORED.test(file.name) ? 0 : 6 }];
  }
  return zipSync(entries);
}
