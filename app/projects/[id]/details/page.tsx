import { notFound } from "next/navigation";
import { loadProject } from "@/app/_server/projects";
import { ProjectDetailsForm } from "./ProjectDetailsForm";

export const dynamic = "force-dynamic";

export default async function DetailsPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const stored = await loadProject(id);
  if (!stored) notFound();
  return <ProjectDetailsForm projectId={id} initialModel={stored.model} initialRevision={stored.revision} />;
}
