import { requireActor } from "../_server/access";
import { AuthError } from "../_server/auth";
import type { Actor } from "@/db/users";

export type Refused = { ok: false; kind: "forbidden" | "unauthenticated"; message: string };

/** Runs a server action for the signed-in user; a refused permission becomes a value the form shows. */
export async function asActor<T>(run: (actor: Actor) => Promise<T>): Promise<T | Refused> {
  try {
    return await run(await requireActor());
  } catch (e) {
    if (e instanceof AuthError && (e.status === 401 || e.status === 403))
      return { ok: false, kind: e.status === 401 ? "unauthenticated" : "forbidden", message: e.message };
    throw e;
  }
}
