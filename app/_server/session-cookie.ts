import { cookies, headers } from "next/headers";
import { SESSION_COOKIE, SESSION_TTL_MS } from "./auth";

/**
 * The session cookie: httpOnly, SameSite=Lax, and Secure when the request came over https
 * (directly or through a proxy that sets X-Forwarded-Proto) or MEDTHREAT_SECURE_COOKIES=1.
 */
async function secure(): Promise<boolean> {
  if (process.env.MEDTHREAT_SECURE_COOKIES === "1") return true;
  const h = await headers();
  return h.get("x-forwarded-proto")?.split(",")[0].trim() === "https" || (h.get("origin") ?? "").startsWith("https:");
}

export async function setSessionCookie(token: string) {
  (await cookies()).set(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: "lax",
    secure: await secure(),
    path: "/",
    maxAge: Math.floor(SESSION_TTL_MS / 1000),
  });
}

export async function sessionToken(): Promise<string | undefined> {
  return (await cookies()).get(SESSION_COOKIE)?.value;
}

export async function clearSessionCookie() {
  (await cookies()).delete(SESSION_COOKIE);
}
