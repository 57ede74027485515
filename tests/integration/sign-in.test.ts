import { rmSync } from "node:fs";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { useTempDatabaseUrl } from "../helpers/temp-db";
import { TEST_PASSWORD, testUser } from "../helpers/auth";

const { dir } = useTempDatabaseUrl();
const { signIn, actorFromCredentials, AuthError } = await import("@/app/_server/auth");
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

  it("blocks an e-mail address after five failures in 15 minutes, even with the right password, and lets it in again after the window", async () => {
    vi.useFakeTimers({ toFake: ["Date"], now: new Date("2026-11-26T10:00:00Z") });
    const user = await testUser("signin-limited");
    for (let i = 0; i < 5; i++) expect(await attempt(user.actor.email, `wrong ${i}`, `client-${i}`)).toMatchObject({ status: 401 });
    const blocked = await attempt(user.actor.email, TEST_PASSWORD, "another-client");
    expect(blocked).toMatchObject({ ok: false, status: 429 });
    expect(blocked.ok ? 0 : blocked.retryAfter).toBeGreaterThan(14 * 60);
    expect((await attempt((await testUser("signin-other")).actor.email, TEST_PASSWORD, "another-client")).ok).toBe(true);
    vi.setSystemTime(new Date("2026-11-26T10:15:01Z"));
    expect((await attempt(user.actor.email, TEST_PASSWORD)).ok).toBe(true);
  });

  it("blocks a client after twenty failures across addresses", async () => {
    for (let i = 0; i < 20; i++) expect(await attempt(`guess${i}@example.test`, "password123456", "203.0.113.9")).toMatchObject({ status: 401 });
    const user = await testUser("signin-client");
    expect(await attempt(user.actor.email, TEST_PASSWORD, "203.0.113.9")).toMatchObject({ ok: false, status: 429 });
    expect((await attempt(user.actor.email, TEST_PASSWORD, "198.51.100.1")).ok).toBe(true);
  });
});
