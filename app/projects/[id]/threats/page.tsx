import { withAnalysisNotice } from "@/app/projects/[id]/_components/AnalysisNotice";
import { forPage, pageActor } from "@/app/_server/pages";
import { projectAssessment } from "@/app/_server/assessment";
import { toObsoleteView, toRecordView } from "@/app/_server/threat-views";
import { ThreatsView } from "./ThreatsView";

const TABS = ["threats", "coverage", "obsolete"] as const;

export const dynamic = "force-dynamic";

async function ThreatsPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ tab?: string }> }) {
  const { id } = await params;
  const { tab } = await searchParams;
  const data = await forPage(async () => projectAssessment(await pageActor(), id));
  const { analysis } = data;
  const residuals = Object.fromEntries(
    data.overview.risks.map((r) => [
      r.threatId,
      { acceptable: r.after.acceptable, text: `${r.after.score !== undefined ? `CVSS ${r.after.score.toFixed(1)}` : "not scored"}, ${r.after.exploitability} exploitability${r.severity ? `, ${r.severity} harm` : ""}` },
    ]),
  );
  return (
    <ThreatsView
      projectId={id}
      revision={data.revision}
      libraryVersion={analysis.libraryVersion}
      threats={analysis.threats}
      records={Object.fromEntries([...data.records].map(([k, r]) => [k, toRecordView(r)]))}
      obsolete={data.obsolete.map(toObsoleteView)}
      coverage={analysis.coverage}
      warnings={data.customRules.warnings}
      residuals={residuals}
      initialTab={TABS.find((t) => t === tab)}
    />
  );
}

export default withAnalysisNotice(ThreatsPage);
