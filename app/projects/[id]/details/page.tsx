import { projectForPage } from "@/app/_server/pages";
import { ProjectDetailsForm } from "./ProjectDetailsForm";

export const dynamic = "force-dynamic";

export default async function DetailsPage({ params }: { params: Promise<{ id: string }> }) {
  const { id, stored } = await projectForPage(params);
  return <ProjectDetailsForm projectId={id} initialModel={stored.model} initialRevision={stored.revision} />;
}
