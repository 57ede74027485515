import { withAnalysisNotice } from "@/app/projects/[id]/_components/AnalysisNotice";
import { forPage, pageActor } from "@/app/_server/pages";
import { projectAssessment } from "@/app/_server/assessment";
import { CONTROL_LIBRARY } from "@/lib/controls";
import { ControlsView } from "./ControlsView";
import { commentThreads } from "@/app/_server/comments";

export const dynamic = "force-dynamic";

async function ControlsPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const data = await forPage(async () => projectAssessment(await pageActor(), id));
  const comments = await commentThreads(await pageActor(), id, "control");
  const linkedThreats: Record<string, { id: string; title: string; status: string }[]> = {};
  for (const t of data.assessment.threats)
    for (const link of t.controls)
      (linkedThreats[link.control] ??= []).push({ id: t.id, title: data.records.get(t.id)?.title ?? t.id, status: link.status });
  return (
    <ControlsView
      projectId={id}
      controls={data.assessment.controls.map((c) => ({ control: c, version: data.controlVersions.get(c.id) ?? 1 }))}
      linkedThreats={linkedThreats}
      library={CONTROL_LIBRARY.map((c) => ({ ...c }))}
      comments={comments}
    />
  );
}

export default withAnalysisNotice(ControlsPage);
