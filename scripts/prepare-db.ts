import { DEFAULT_DATABASE_URL, getDb } from "../db/client";
import { seedDemo } from "../app/_server/seed";

await getDb();
const seeded = process.env.MEDTHREAT_SEED === "0" ? undefined : await seedDemo();
console.log(`database ${process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL}: migrated${seeded ? `, demo device added (project ${seeded})` : ""}`);
