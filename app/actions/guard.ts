import { requireActor } from "../_server/access";
import { AuthError } from "../_server/auth";
import { isRefusal } from "../_server/off-thread";
import type { Actor } from "@/db/users";

export type Refused = { ok: false; kind: "forbidden" | "unauthenticated" | "refused"; message: string };

/**
 * Runs a server action for the signed-in user; a refused permission, or work refused for its size
 * or because the server is busy, becomes a value the form shows.
 */
export async function asActor<T>(run: (actor: Actor) => Promise<T>): Promise<T | Refused> {
  try {
    return await run(await requireActor());
  } catch (e) {
    if (e instanceof AuthError && (e.status === 401 || e.status === 403))
      return { ok: false, kind: e.status === 401 ? "unauthenticated" : "forbidden", message: e.message };
    if (e instanceof AuthError && e.name === "InTrashError") return { ok: false, kind: "refused", message: e.message };
    if (isRefusal(e)) return { ok: false, kind: "refused", message: e.message };
    throw e;
  }
}
