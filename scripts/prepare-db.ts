import { DEFAULT_DATABASE_URL, migrateDb, openDb } from "../db/client";
import { seedDemo } from "../db/seed";

const { db, client } = await openDb();
await migrateDb(db);
const seeded = process.env.MEDTHREAT_SEED === "0" ? undefined : await seedDemo(db);
console.log(
  `database ${process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL}: migrated${seeded ? `, demo device added (project ${seeded})` : ""}`,
);
client.close();
