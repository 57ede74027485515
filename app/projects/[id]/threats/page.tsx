import { notFound } from "next/navigation";
import { projectThreats } from "@/app/_server/threats";
import { toObsoleteView, toRecordView } from "@/app/_server/threat-views";
import { ThreatsView } from "./ThreatsView";

export const dynamic = "force-dynamic";

export default async function ThreatsPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const data = await projectThreats(id);
  if (!data) notFound();
  const { analysis } = data;
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
    />
  );
}
