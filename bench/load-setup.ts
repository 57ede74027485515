import { getDb } from "../db/client";
import { seedDemo } from "../app/_server/seed";
import { createAccount, createApiToken, startSession } from "../app/_server/auth";

/** For the load benchmark: a migrated database with the demo device, its administrator, an API token and a session. */
await getDb();
const projectId = await seedDemo();
const actor = await createAccount({ email: "load@example.test", name: "Load test", password: "a long load-test password" }, null);
const { token } = await createApiToken(actor, "load test");
console.log(JSON.stringify({ token, session: await startSession(actor), projectId }));
