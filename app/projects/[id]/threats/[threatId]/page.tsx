import { withAnalysisNotice } from "@/app/projects/[id]/_components/AnalysisNotice";
import { notFound } from "next/navigation";
import { forPage, pageActor } from "@/app/_server/pages";
import Link from "next/link";
import { projectAssessment } from "@/app/_server/assessment";
import { toRecordView } from "@/app/_server/threat-views";
import { controlsFor } from "@/lib/controls";
import { BUILT_IN_RULES } from "@/lib/threats";
import { ThreatCard } from "../ThreatCard";
import { ThreatRiskEditor } from "./ThreatRiskEditor";
import { Comments } from "../../_components/Comments";

export const dynamic = "force-dynamic";

async function ThreatPage({ params }: { params: Promise<{ id: string; threatId: string }> }) {
  const { id, threatId: raw } = await params;
  const threatId = decodeURIComponent(raw);
  const data = await forPage(async () => projectAssessment(await pageActor(), id));
  const record = data.records.get(threatId);
  const threat = data.analysis.threats.find((t) => t.id === threatId);
  if (!record) notFound();
  const assessed = data.assessment.threats.find((t) => t.id === threatId)!;
  const rule = [...BUILT_IN_RULES, ...data.customRules.rules].find((r) => r.id === record.ruleId);
  const risk = data.overview.risks.find((r) => r.threatId === threatId);
  return (
    <div className="space-y-4">
      <p className="text-sm">
        <Link href={`/projects/${id}/threats`}>← All threats</Link>
      </p>
      {threat ? (
        <ThreatCard projectId={id} threat={threat} record={toRecordView(record)} />
      ) : (
        <p role="alert" className="card">
          This threat is obsolete since revision {record.obsoleteSinceRevision}: its rule no longer fires on the current model. Its decision and risk are kept.
        </p>
      )}
      {threat && (
        <ThreatRiskEditor
          projectId={id}
          threat={threat}
          version={record.version}
          assessed={assessed}
          hazards={data.assessment.hazards}
          controls={data.assessment.controls.map((c) => ({ id: c.id, title: c.title, type: c.type, transfersToOperator: c.transfersToOperator, status: c.status }))}
          suggestions={(rule ? controlsFor(rule) : []).map((c) => ({ id: c.id, title: c.title, type: c.type, transfersToOperator: c.transfersToOperator }))}
          settings={data.assessment.settings}
          serverRisk={risk ?? null}
        />
      )}
      <section className="card">
        <Comments actor={await pageActor()} projectId={id} targetType="threat" targetId={threatId} />
      </section>
    </div>
  );
}

export default withAnalysisNotice(ThreatPage);
