import { projectForPage } from "@/app/_server/pages";
import { isRefusal } from "@/app/_server/off-thread";
import { projectThreats } from "@/app/_server/threats";
import { AnalysisRefused } from "./_components/AnalysisNotice";
import { ModelEditor } from "./_editor/ModelEditor";

export const dynamic = "force-dynamic";

/** The Model tab; when the threat analysis is refused the model can still be edited, without the marks of open threats. */
export default async function ModelPage({ params }: { params: Promise<{ id: string }> }) {
  const { id, stored, actor } = await projectForPage(params);
  const threats = await projectThreats(actor, id).catch((e: unknown) => {
    if (isRefusal(e)) return e;
    throw e;
  });
  if (threats instanceof Error)
    return (
      <>
        <AnalysisRefused message={threats.message} />
        <ModelEditor projectId={id} initialModel={stored.model} initialRevision={stored.revision} flagged={[]} openThreats={0} />
      </>
    );
  const open = threats?.analysis.threats.filter((t) => (threats.records.get(t.id)?.status ?? "open") === "open") ?? [];
  const flagged = [...new Set(open.map((t) => t.targetId))];
  return <ModelEditor projectId={id} initialModel={stored.model} initialRevision={stored.revision} flagged={flagged} openThreats={open.length} />;
}
