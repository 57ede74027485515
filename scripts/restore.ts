/**
 * npm run restore -- <file> [--force]
 *
 * Restores a backup made by `npm run backup` into the database (DATABASE_URL / DATABASE_AUTH_TOKEN,
 * like the app) and applies this code's migrations to it. Stop the app first.
 */
import path from "node:path";
import { BackupError, displayUrl, restoreDatabase } from "../db/backup";
import { DEFAULT_DATABASE_URL } from "../db/client";

const USAGE = `usage: npm run restore -- <file> [--force]

Replaces the database (DATABASE_URL, default ${DEFAULT_DATABASE_URL}) with the backup <file>, then
applies this code's migrations. Stop the app first: a database file that is still open is refused.
A database that already holds data is only replaced with --force (a file database is then kept
next to it as <file>.pre-restore-<timestamp>). A backup made by a newer version is refused.`;

async function main(args: string[]): Promise<number> {
  if (args.includes("-h") || args.includes("--help")) {
    console.log(USAGE);
    return 0;
  }
  const force = args.includes("--force");
  const rest = args.filter((a) => a !== "--force");
  const unknown = rest.filter((a) => a.startsWith("-"));
  if (unknown.length > 0 || rest.length !== 1) {
    console.error(`restore: ${unknown.length > 0 ? `unknown option ${unknown[0]}` : "give exactly one backup file"}\n\n${USAGE}`);
    return 2;
  }
  const file = path.resolve(process.env.INIT_CWD ?? process.cwd(), rest[0]);
  const target = process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL;
  const r = await restoreDatabase(file, { url: target }, { force });
  console.log(`restored ${file}`);
  console.log(`  into:       ${r.kind === "file" ? r.target : displayUrl(target)} (${r.kind === "file" ? "file database, replaced" : "libSQL server, table contents replaced in one transaction"})`);
  console.log(`  tables:     ${r.tables}`);
  console.log(`  rows:       ${r.rows}`);
  console.log(`  migrations: ${r.backupMigrations} in the backup, ${r.appliedMigrations} applied now`);
  if (r.replacedKeptAt) console.log(`  previous database kept at ${r.replacedKeptAt} (delete it when you no longer need it)`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(`restore failed: ${e instanceof BackupError ? e.message : e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    process.exit(1);
  },
);
