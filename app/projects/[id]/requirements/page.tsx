import { withAnalysisNotice } from "@/app/projects/[id]/_components/AnalysisNotice";
import { listComments } from "@/app/_server/comments";
import { forPage, pageActor } from "@/app/_server/pages";
import { projectTrace } from "@/app/_server/trace";
import { mayDo } from "@/app/_server/access";
import { annexIById, VERIFICATION_MARKERS } from "@/lib/catalog";
import { passingEvidence, requirementTrace } from "@/lib/trace/matrix";
import { REQUIREMENT_STATE_LABELS } from "../trace/labels";
import { RequirementsChecklist, type ChecklistRow } from "./RequirementsChecklist";

export const dynamic = "force-dynamic";

async function RequirementsPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await pageActor();
  const trace = await forPage(async () => projectTrace(actor, id));
  const [canEdit, canComment, comments] = await Promise.all([mayDo(actor, id, "edit"), mayDo(actor, id, "comment"), listComments(actor, id, { targetType: "requirement" })]);
  const { regulation } = trace.input.model.project;
  const controls = new Map(trace.input.assessment.controls.map((c) => [c.id, c]));

  const rows: ChecklistRow[] = requirementTrace(trace.input).map((row) => {
    const entry = annexIById(row.id);
    return {
      id: row.id,
      section: row.section,
      topic: row.topic,
      paraphrase: entry?.paraphrase ?? "",
      source: entry ? `${entry.source} ${VERIFICATION_MARKERS[entry.verification]}` : "",
      note: entry?.note,
      state: row.state,
      stored: { applicable: row.applicable, justification: row.justification, version: trace.requirementVersions.get(row.id) ?? 0 },
      controls: row.controls.map((c) => ({ id: c.id, title: c.title, status: c.status, passingEvidence: passingEvidence(controls.get(c.id)!).length })),
      citingThreats: row.citingThreats.length,
      comments: comments.filter((c) => c.targetId === row.id),
    };
  });
  const counts = Object.entries(REQUIREMENT_STATE_LABELS)
    .map(([state, label]) => [label, rows.filter((r) => r.state === state).length] as const)
    .filter(([, n]) => n > 0);

  return (
    <div className="space-y-4">
      <div className="space-y-1">
        <p className="text-sm text-slate-700">
          The {rows.length} {regulation} Annex I requirements listed in MDCG 2019-16 Table 1. Each is either supported by controls with verification
          evidence, or marked not applicable with a justification.
        </p>
        <p className="text-sm text-slate-600" data-testid="requirement-summary">
          {counts.map(([label, n]) => `${label}: ${n}`).join(" · ")}
        </p>
        {!canEdit && (
          <p className="text-sm text-slate-600" role="note">
            Your role in this project lets you read this checklist but not change it.
          </p>
        )}
      </div>
      <RequirementsChecklist projectId={id} rows={rows} canEdit={canEdit} canComment={canComment} />
    </div>
  );
}

export default withAnalysisNotice(RequirementsPage);
