import { notFound } from "next/navigation";
import { loadProject } from "./projects";

/** The current model of the project a page is for; a 404 page for an unknown project. */
export async function projectForPage(params: Promise<{ id: string }>) {
  const { id } = await params;
  const stored = await loadProject(id);
  if (!stored) notFound();
  return { id, stored };
}
