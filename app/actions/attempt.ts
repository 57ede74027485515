import type { Actor } from "@/db/users";
import { AuthError } from "../_server/auth";
import { asActor, type Refused } from "./guard";

export type Attempted<T> = { ok: true; value: T } | Refused | { ok: false; kind: "invalid"; message: string };

/** Like asActor, and an AuthError the user can fix (a wrong password, a taken e-mail address, the last administrator) becomes a message too. */
export async function attempt<T>(run: (actor: Actor) => Promise<T>): Promise<Attempted<T>> {
  try {
    return await asActor(async (actor) => ({ ok: true as const, value: await run(actor) }));
  } catch (e) {
    if (e instanceof AuthError) return { ok: false, kind: "invalid", message: e.message };
    throw e;
  }
}
