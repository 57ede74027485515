import { withAnalysisNotice } from "@/app/projects/[id]/_components/AnalysisNotice";
import Link from "next/link";
import { projectForPage } from "@/app/_server/pages";
import { baselineStatuses, listBaselines } from "@/app/_server/baselines";
import { mayDo } from "@/app/_server/access";
import { DEFAULT_SIGN_OFF_STATEMENT } from "@/lib/review/baseline";
import { CreateBaselineForm, SignOffForm } from "./BaselineForms";

export const dynamic = "force-dynamic";

const when = (iso: string) => iso.slice(0, 19).replace("T", " ");

async function BaselinesPage({ params }: { params: Promise<{ id: string }> }) {
  const { id, stored, actor } = await projectForPage(params);
  const [baselines, canEdit, canReview] = await Promise.all([listBaselines(actor, id), mayDo(actor, id, "edit"), mayDo(actor, id, "review")]);
  const statuses = await baselineStatuses(actor, id, baselines.map((b) => b.id));
  const api = `/api/projects/${id}/baselines`;
  return (
    <div className="space-y-4">
      <section className="card space-y-2">
        <h2>Baselines</h2>
        <p className="text-sm text-slate-600">
          A baseline is a named snapshot of the whole project that never changes: the model, the assessment, the custom threat rules in force and the threat library
          version. Its SHA-256 content hash is recorded with every sign-off. Later edits change only the working copy.{" "}
          <Link href={`/projects/${id}/diff`}>Compare any two versions</Link>
        </p>
        {canEdit ? <CreateBaselineForm projectId={id} revision={stored.revision} /> : <p className="text-xs text-slate-500">Editors and owners create baselines.</p>}
      </section>
      {baselines.length === 0 && <p className="card text-sm text-slate-500">No baselines yet.</p>}
      {baselines.map((b) => {
        const status = statuses.get(b.id);
        const signedByMe = b.signOffs.some((s) => s.userId === actor.id);
        return (
          <article key={b.id} className="card space-y-2" aria-label={`Baseline ${b.name}`}>
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <h3 className="text-base font-semibold">{b.name}</h3>
              <p className="text-xs text-slate-600">
                revision {b.revision} · created by {b.createdBy} at {when(b.createdAt)} UTC
              </p>
            </div>
            <p className="text-xs">
              Content hash (SHA-256): <code className="break-all font-mono">{b.contentHash}</code>
            </p>
            {status && !status.intact && (
              <p role="alert" className="text-sm text-red-700">
                This baseline was changed outside medthreat and cannot be signed off: {status.integrityProblems.join("; ")}.
              </p>
            )}
            {status && (
              <p data-testid="working-copy-status" className={`text-sm ${status.changed ? "text-amber-800" : "text-green-800"}`}>
                {status.changed ? "⚠ " : "✓ "}
                {status.text[0].toUpperCase() + status.text.slice(1)}
                {status.changed && stored.revision !== b.revision ? ` (now at revision ${stored.revision})` : ""}.{" "}
                <Link href={`/projects/${id}/diff?from=baseline:${b.id}&to=current`}>Compare with the working copy</Link>
              </p>
            )}
            <p className="space-x-3 text-sm">
              <a href={`${api}/${b.id}?format=yaml&download=1`}>Download project file (YAML)</a>
              <a href={`${api}/${b.id}?format=json&download=1`}>JSON</a>
              <a href={`${api}/${b.id}?format=baseline&download=1`}>Whole baseline (hashed content)</a>
            </p>
            <div>
              <h4 className="text-sm font-semibold">Sign-offs</h4>
              {b.signOffs.length === 0 ? (
                <p className="text-xs text-slate-500">Not signed off yet.</p>
              ) : (
                <ul className="space-y-1 text-sm" aria-label={`Sign-offs of ${b.name}`}>
                  {b.signOffs.map((s) => (
                    <li key={s.userId + s.at}>
                      Signed off by <span className="font-medium">{s.userName}</span> at {when(s.at)} UTC: “{s.statement}”{" "}
                      <span className={`text-xs ${s.contentHash === b.contentHash ? "text-slate-500" : "text-red-700"}`}>
                        {s.contentHash === b.contentHash ? "(hash matches)" : `(signed hash ${s.contentHash} differs)`}
                      </span>
                    </li>
                  ))}
                </ul>
              )}
            </div>
            {canReview && !signedByMe && status?.intact !== false && (
              <SignOffForm projectId={id} baselineId={b.id} baselineName={b.name} defaultStatement={DEFAULT_SIGN_OFF_STATEMENT} />
            )}
          </article>
        );
      })}
    </div>
  );
}

export default withAnalysisNotice(BaselinesPage);
