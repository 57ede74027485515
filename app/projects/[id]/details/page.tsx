import { mayDo } from "@/app/_server/access";
import { projectForPage } from "@/app/_server/pages";
import { ProjectDetailsForm } from "./ProjectDetailsForm";

export const dynamic = "force-dynamic";

export default async function DetailsPage({ params }: { params: Promise<{ id: string }> }) {
  const { id, stored, actor } = await projectForPage(params);
  return <ProjectDetailsForm projectId={id} initialModel={stored.model} initialRevision={stored.revision} canRename={await mayDo(actor, id, "manage")} />;
}
