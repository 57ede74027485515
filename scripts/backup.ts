/**
 * npm run backup -- [file]
 *
 * Writes a consistent copy of the database (DATABASE_URL / DATABASE_AUTH_TOKEN, like the app) into a
 * new SQLite file, by default backups/medthreat-<UTC timestamp>.db. Safe while the app is running.
 */
import path from "node:path";
import { BackupError, backupDatabase, defaultBackupFile, displayUrl } from "../db/backup";
import { DEFAULT_DATABASE_URL } from "../db/client";

const USAGE = `usage: npm run backup -- [file]

Writes a consistent copy of the database into a new SQLite file (default: ${defaultBackupFile(new Date(0)).replace("19700101T000000Z", "<UTC timestamp>")}).
The database is DATABASE_URL (default ${DEFAULT_DATABASE_URL}), with DATABASE_AUTH_TOKEN for a libSQL server.
The app can keep running. An existing file is never overwritten.`;

async function main(args: string[]): Promise<number> {
  if (args.includes("-h") || args.includes("--help")) {
    console.log(USAGE);
    return 0;
  }
  const unknown = args.filter((a) => a.startsWith("-"));
  if (unknown.length > 0 || args.length > 1) {
    console.error(`backup: ${unknown.length > 0 ? `unknown option ${unknown[0]}` : "give at most one file"}\n\n${USAGE}`);
    return 2;
  }
  // A file named on the command line is relative to where npm was run; the default one to the project.
  const file = args[0] ? path.resolve(process.env.INIT_CWD ?? process.cwd(), args[0]) : path.resolve(defaultBackupFile());
  const source = process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL;
  const started = Date.now();
  const r = await backupDatabase({ url: source }, file);
  console.log(`backup written: ${r.file}`);
  console.log(`  source:   ${displayUrl(source)} (${r.method === "vacuum-into" ? "file database, VACUUM INTO" : "libSQL server, read in one transaction"})`);
  console.log(`  tables:   ${r.tables}`);
  console.log(`  rows:     ${r.rows}`);
  console.log(`  size:     ${r.bytes} bytes`);
  console.log(`  schema:   ${r.schemaVersion ?? "none"} (${r.migrations} migrations)`);
  console.log(`  checked:  PRAGMA integrity_check ok, in ${Date.now() - started} ms`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(`backup failed: ${e instanceof BackupError ? e.message : e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    process.exit(1);
  },
);
