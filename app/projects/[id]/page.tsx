import { projectForPage } from "@/app/_server/pages";
import { projectThreats } from "@/app/_server/threats";
import { ModelEditor } from "./_editor/ModelEditor";

export const dynamic = "force-dynamic";

export default async function ModelPage({ params }: { params: Promise<{ id: string }> }) {
  const { id, stored, actor } = await projectForPage(params);
  const threats = await projectThreats(actor, id);
  const open = threats?.analysis.threats.filter((t) => (threats.records.get(t.id)?.status ?? "open") === "open") ?? [];
  const flagged = [...new Set(open.map((t) => t.targetId))];
  return <ModelEditor projectId={id} initialModel={stored.model} initialRevision={stored.revision} flagged={flagged} openThreats={open.length} />;
}
