import { rmSync } from "node:fs";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { useTempDatabaseUrl } from "../helpers/temp-db";
import { TEST_PASSWORD, testUser } from "../helpers/auth";

const { dir } = useTempDatabaseUrl();
const { signIn, actorFromCredentials, AuthError, SIGN_IN_LIMITS } = await import("@/app/_server/auth");
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => vi.useRealTimers());

async function attempt(email: string, password: string, client = "10.0.0.1") {
  try {
    const { token } = await signIn(email, password, client);
    return { ok: true as const, token };
  } catch (e) {
    if (!(e instanceof AuthError)) throw e;
    return { ok: false as const, status: e.status, message: e.message, retryAfter: e.retryAfterSeconds };
  }
}

describe("sign-in", () => {
  it("gives a session token only for the right password, and never says which of e-mail or password was wrong", async () => {
    const user = await testUser("signin-basic");
    const good = await attempt(user.actor.email, TEST_PASSWORD);
    expect(good.ok).toBe(true);
    expect(await actorFromCredentials({ session: good.ok ? good.token : "" })).toMatchObject({ id: user.actor.id });
    const wrongPassword = await attempt(user.actor.email, "not the password");
    const unknownUser = await attempt("nobody@example.test", "not the password");
    expect(wrongPassword).toMatchObject({ ok: false, status: 401 });
    expect(unknownUser).toMatchObject({ ok: false, status: 401, message: wrongPassword.ok ? "" : wrongPassword.message });
  });

  it("blocks an e-mail address at one client after five failures there, even with the right password, until the window has passed; other clients still sign in", async () => {
    vi.useFakeTimers({ toFake: ["Date"], now: new Date("2026-11-26T10:00:00Z") });
    const user = await testUser("signin-limited");
    for (let i = 0; i < 5; i++) expect(await attempt(user.actor.email, `wrong ${i}`, "198.51.100.7")).toMatchObject({ status: 401 });
    const blocked = await attempt(user.actor.email, TEST_PASSWORD, "198.51.100.7");
    expect(blocked).toMatchObject({ ok: false, status: 429, message: expect.stringMatching(/^too many failed sign-ins for this address; try again in 15 minute/) });
    expect(blocked.ok ? 0 : blocked.retryAfter).toBeGreaterThan(14 * 60);
    expect((await attempt(user.actor.email, TEST_PASSWORD, "198.51.100.8")).ok).toBe(true);
    vi.setSystemTime(new Date("2026-11-26T10:15:01Z"));
    expect((await attempt(user.actor.email, TEST_PASSWORD, "198.51.100.7")).ok).toBe(true);
  });

  it("one client guessing an administrator's password from many spoofed networks cannot lock the administrator out", async () => {
    const admin = await testUser("signin-admin-target");
    for (let i = 0; i < 40; i++) await attempt(admin.actor.email, `guess ${i}`, "203.0.113.50");
    expect(await attempt(admin.actor.email, TEST_PASSWORD, "203.0.113.50")).toMatchObject({ ok: false, status: 429 });
    expect((await attempt(admin.actor.email, TEST_PASSWORD, "192.0.2.10")).ok).toBe(true);
  });

  it("blocks a client after twenty failures across addresses", async () => {
    for (let i = 0; i < 20; i++) expect(await attempt(`guess${i}@example.test`, "password123456", "203.0.113.9")).toMatchObject({ status: 401 });
    const user = await testUser("signin-client");
    expect(await attempt(user.actor.email, TEST_PASSWORD, "203.0.113.9")).toMatchObject({ ok: false, status: 429, message: expect.stringMatching(/from your network/) });
    expect((await attempt(user.actor.email, TEST_PASSWORD, "198.51.100.1")).ok).toBe(true);
  });

  it("blocks an address for everybody after a hundred failures from many networks, which one client cannot make", async () => {
    const user = await testUser("signin-distributed");
    for (let i = 0; i < SIGN_IN_LIMITS.address; i++) await attempt(user.actor.email, `guess ${i}`, `10.1.${Math.floor(i / 4)}.${i % 4}`);
    expect(await attempt(user.actor.email, TEST_PASSWORD, "192.0.2.99")).toMatchObject({ ok: false, status: 429 });
  });

  it("counts parallel guesses before checking any of them, so no more than five get through", async () => {
    const user = await testUser("signin-parallel");
    const results = await Promise.all(Array.from({ length: 30 }, (_, i) => attempt(user.actor.email, `parallel ${i}`, "198.51.100.30")));
    expect(results.filter((r) => !r.ok && r.status === 401).length).toBeLessThanOrEqual(SIGN_IN_LIMITS.addressFromClient);
    expect(results.filter((r) => !r.ok && r.status === 429).length).toBeGreaterThanOrEqual(30 - SIGN_IN_LIMITS.addressFromClient);
  });

  it("keeps the counts in the database, where another server process sees them", async () => {
    const user = await testUser("signin-shared");
    for (let i = 0; i < 5; i++) await attempt(user.actor.email, `wrong ${i}`, "198.51.100.40");
    vi.resetModules();
    const fresh = await import("@/app/_server/auth");
    await expect(fresh.signIn(user.actor.email, TEST_PASSWORD, "198.51.100.40")).rejects.toMatchObject({ status: 429 });
  });
});
