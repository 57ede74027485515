import { notFound } from "next/navigation";
import { loadProject } from "@/app/_server/projects";
import { ModelEditor } from "./_editor/ModelEditor";

export const dynamic = "force-dynamic";

export default async function ModelPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const stored = await loadProject(id);
  if (!stored) notFound();
  return <ModelEditor projectId={id} initialModel={stored.model} initialRevision={stored.revision} />;
}
