import { projectForPage } from "@/app/_server/pages";
import { ModelEditor } from "./_editor/ModelEditor";

export const dynamic = "force-dynamic";

export default async function ModelPage({ params }: { params: Promise<{ id: string }> }) {
  const { id, stored } = await projectForPage(params);
  return <ModelEditor projectId={id} initialModel={stored.model} initialRevision={stored.revision} />;
}
