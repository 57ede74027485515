import { rmSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { useTempDatabaseUrl } from "../helpers/temp-db";
import { TEST_PASSWORD } from "../helpers/auth";

/** The first account of a fresh installation becomes administrator; the database lets only one request make it. */

const { dir } = useTempDatabaseUrl();
const auth = await import("@/app/_server/auth");
const { getDb } = await import("@/db/client");
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the first account", () => {
  it("is created once when eight people sign up at the same moment; the others are told it exists", async () => {
    const outcomes = await Promise.allSettled(
      Array.from({ length: 8 }, (_, i) => auth.createAccount({ email: `first${i}@example.test`, name: `First ${i}`, password: TEST_PASSWORD }, null)),
    );
    const created = outcomes.filter((o) => o.status === "fulfilled");
    expect(created).toHaveLength(1);
    for (const o of outcomes.filter((o) => o.status === "rejected")) expect((o as PromiseRejectedResult).reason).toMatchObject({ status: 403, message: expect.stringMatching(/first account exists already/) });
    const db = await getDb();
    const rows = await db.all<{ n: number; admins: number }>(sql`SELECT count(*) AS n, sum(is_admin) AS admins FROM users`);
    expect(rows[0]).toEqual({ n: 1, admins: 1 });
    const audit = await db.all<{ n: number }>(sql`SELECT count(*) AS n FROM audit_log WHERE action = 'user.create'`);
    expect(audit[0].n).toBe(1);
    expect(await auth.needsFirstAccount()).toBe(false);
  });
});
