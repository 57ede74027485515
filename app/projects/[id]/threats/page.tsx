import { notFound } from "next/navigation";
import { projectAssessment } from "@/app/_server/assessment";
import { toObsoleteView, toRecordView } from "@/app/_server/threat-views";
import { ThreatsView } from "./ThreatsView";

export const dynamic = "force-dynamic";

export default async function ThreatsPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const data = await projectAssessment(id);
  if (!data) notFound();
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
    />
  );
}
