import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import type { Actor } from "@/db/users";
import { actorOf } from "./access";
import { AuthError } from "./auth";
import { loadProject } from "./projects";

/** The signed-in user of a page; sends everyone else to the sign-in page. */
export async function pageActor(): Promise<Actor> {
  const actor = await actorOf();
  if (!actor) {
    const path = (await headers()).get("x-medthreat-path");
    redirect(path && path !== "/" ? `/signin?next=${encodeURIComponent(path)}` : "/signin");
  }
  return actor;
}

/** Runs a page's data loading; a project the user may not read looks like one that does not exist. */
export async function forPage<T>(load: () => Promise<T | undefined>): Promise<T> {
  try {
    const value = await load();
    if (value === undefined) notFound();
    return value;
  } catch (e) {
    if (e instanceof AuthError && e.status === 403) notFound();
    throw e;
  }
}

/** The current model of the project a page is for. */
export async function projectForPage(params: Promise<{ id: string }>) {
  const { id } = await params;
  const actor = await pageActor();
  const stored = await forPage(() => loadProject(actor, id));
  return { id, stored, actor };
}
