import type { TestUser } from "./auth";

/**
 * A stand-in for next/headers, so server actions run as a signed-in browser:
 *   vi.mock("next/headers", () => import("../helpers/session"));
 * Each call made through `as(user, run)` carries that user's session cookie; outside it there is none.
 */

let session: { name: string; value: string } | undefined;

export const cookies = async () => ({
  get: (name: string) => (session && name === session.name ? { ...session } : undefined),
  set: () => undefined,
  delete: () => undefined,
});

export const headers = async () => new Headers();

/** Runs `run` with a fresh session of `user` (none for null or undefined), then signs out again. */
export async function as<T>(user: TestUser | null | undefined, run: () => Promise<T>): Promise<T> {
  // Imported here, not at the top: app code must load only after the test has set DATABASE_URL.
  const { SESSION_COOKIE, startSession } = await import("@/app/_server/auth");
  session = user ? { name: SESSION_COOKIE, value: await startSession(user.actor) } : undefined;
  try {
    return await run();
  } finally {
    session = undefined;
  }
}
