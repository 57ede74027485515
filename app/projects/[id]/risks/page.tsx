import { withAnalysisNotice } from "@/app/projects/[id]/_components/AnalysisNotice";
import { forPage, pageActor } from "@/app/_server/pages";
import { projectAssessment } from "@/app/_server/assessment";
import { RisksView } from "./RisksView";

export const dynamic = "force-dynamic";

async function RisksPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const data = await forPage(async () => projectAssessment(await pageActor(), id));
  const titles = Object.fromEntries(data.analysis.threats.map((t) => [t.id, t.title]));
  return (
    <RisksView
      projectId={id}
      overview={data.overview}
      titles={titles}
      hazards={data.assessment.hazards.map((h) => ({ hazard: h, version: data.hazardVersions.get(h.id) ?? 1 }))}
      settings={data.assessment.settings}
      settingsVersion={data.settingsVersion}
    />
  );
}

export default withAnalysisNotice(RisksPage);
