import { cache } from "react";
import { getDb } from "@/db/client";
import { getProjectSummary } from "@/db/projects";
import { roleOf, type Actor } from "@/db/users";
import { ACTION_LABELS, allows, type Action } from "@/lib/access";
import { bearerToken } from "@/lib/security/policy";
import { actorFromCredentials, AuthError, InTrashError, SESSION_COOKIE } from "./auth";

/** The medthreat process itself, for the first analysis and seeding. */
export const SYSTEM: Actor = { id: "system", name: "medthreat", email: "", isAdmin: true };

function cookieValue(header: string | null, name: string): string | undefined {
  for (const part of (header ?? "").split(";")) {
    const [k, ...v] = part.trim().split("=");
    if (k === name) return decodeURIComponent(v.join("="));
  }
  return undefined;
}

/**
 * The signed-in user of a request: an API token (`Authorization: Bearer …`) or the session cookie.
 * Route handlers pass their Request; pages and server actions read the request through next/headers.
 */
export async function actorOf(request?: Request): Promise<Actor | undefined> {
  if (request) {
    const authorization = request.headers.get("authorization");
    // A request that sends an Authorization header authenticates with it or not at all: never with a cookie besides.
    if (authorization !== null) {
      const bearer = bearerToken(authorization);
      return bearer ? actorFromCredentials({ bearer }) : undefined;
    }
    return actorFromCredentials({ session: cookieValue(request.headers.get("cookie"), SESSION_COOKIE) });
  }
  return sessionActor();
}

/** The user of the session cookie, looked up once per page render (React's cache; elsewhere it runs every time). */
const sessionActor = cache(async (): Promise<Actor | undefined> => {
  const { cookies } = await import("next/headers");
  return actorFromCredentials({ session: (await cookies()).get(SESSION_COOKIE)?.value });
});

/** A user's role in a project, looked up once per page render. */
const roleInProject = cache(async (projectId: string, userId: string) => roleOf(await getDb(), projectId, userId));

export async function requireActor(request?: Request): Promise<Actor> {
  const actor = await actorOf(request);
  if (!actor) throw new AuthError(401, "sign in first (or send an API token as Authorization: Bearer …)");
  return actor;
}

/**
 * Refuses (403) unless the actor's role in the project allows the action, and refuses (409) any change
 * to a project in the Trash, administrators included: it is read-only until restored. `change`
 * defaults to every action but reading; generating documents reads but counts as a change, and
 * restoring is the one change a project in the Trash takes.
 */
export async function authorize(actor: Actor, projectId: string, action: Action, options: { change?: boolean } = {}): Promise<void> {
  if (!actor.isAdmin) {
    const role = await roleInProject(projectId, actor.id);
    if (!allows(role, action)) throw new AuthError(403, `your role in this project (${role ?? "none"}) does not allow you to ${ACTION_LABELS[action]}`);
  }
  if ((options.change ?? action !== "read") && (await trashedAt(projectId)))
    throw new InTrashError();
}

/** When the project went to the Trash, if it is there; looked up once per page render. */
const trashedAt = cache(async (projectId: string) => (await getProjectSummary(await getDb(), projectId))?.deletedAt ?? null);

export async function requireAdmin(actor: Actor): Promise<void> {
  if (!actor.isAdmin) throw new AuthError(403, "only an administrator can do this");
}

/** Whether the actor may do the action in the project: for showing or hiding forms (the server still checks every change). */
export async function mayDo(actor: Actor, projectId: string, action: Action): Promise<boolean> {
  return actor.isAdmin || allows(await roleInProject(projectId, actor.id), action);
}
