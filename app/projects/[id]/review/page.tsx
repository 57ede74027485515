import { withAnalysisNotice } from "@/app/projects/[id]/_components/AnalysisNotice";
import Link from "next/link";
import { forPage, pageActor } from "@/app/_server/pages";
import { projectReview } from "@/app/_server/review";
import type { FixPage } from "@/lib/trace/review";

export const dynamic = "force-dynamic";

const FIX_LABELS: Record<FixPage, string> = {
  model: "Open the model",
  threats: "Open threat coverage",
  threat: "Open the threat",
  controls: "Open the control",
  risks: "Open risks",
  requirements: "Open the requirement",
  details: "Open project details",
};

async function ReviewPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const review = await forPage(async () => projectReview(await pageActor(), id));
  const { readiness, gaps } = review;
  const failing = readiness.categories.filter((c) => c.passed < c.total);
  const clean = readiness.categories.filter((c) => c.total > 0 && c.passed === c.total);

  return (
    <div className="space-y-4">
      <section className="card flex flex-wrap items-start justify-between gap-6" aria-label="Readiness">
        <div>
          <p className="text-sm text-slate-600">Readiness of revision {review.project.revision}</p>
          <p className="text-4xl font-bold" data-testid="readiness-percent">
            {readiness.percent}%
          </p>
          <p className="text-sm text-slate-700" data-testid="readiness-checks">
            {readiness.passed} of {readiness.total} checks pass; {gaps.length} gap{gaps.length === 1 ? "" : "s"} to close.
          </p>
          <a className="mt-2 inline-block text-sm" href={`/api/projects/${encodeURIComponent(id)}/review`}>
            Review as JSON
          </a>
        </div>
        <table className="min-w-[24rem] grow text-left text-sm" aria-label="Readiness by category">
          <thead className="text-xs text-slate-500">
            <tr>
              <th className="py-1">Category</th>
              <th className="text-right">Passed</th>
              <th className="w-40 pl-3">Share</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {readiness.categories.map((c) => (
              <tr key={c.category}>
                <td className="py-1">{c.passed < c.total ? <a href={`#gaps-${c.category}`}>{c.label}</a> : c.label}</td>
                <td className="text-right whitespace-nowrap">
                  {c.passed} / {c.total}
                </td>
                <td className="pl-3">
                  {c.total === 0 ? (
                    <span className="text-xs text-slate-500">nothing to check</span>
                  ) : (
                    <span className="flex items-center gap-2">
                      <span className="h-2 w-24 overflow-hidden rounded bg-slate-200" aria-hidden>
                        <span className={`block h-2 ${c.percent === 100 ? "bg-green-600" : "bg-amber-500"}`} style={{ width: `${c.percent}%` }} />
                      </span>
                      <span className="text-xs">{c.percent}%</span>
                    </span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      {gaps.length === 0 ? (
        <p className="card text-sm text-green-800" role="status">
          No gaps: every check passes.
        </p>
      ) : (
        <div className="space-y-3" aria-label="Gaps">
          {clean.length > 0 && <p className="text-sm text-slate-600">No gaps in: {clean.map((c) => c.label).join("; ")}.</p>}
          {failing.map((c) => {
            const list = gaps.filter((g) => g.category === c.category);
            return (
              <details key={c.category} open className="card" id={`gaps-${c.category}`}>
                <summary className="cursor-pointer">
                  <h2 className="inline text-base font-semibold">{c.label}</h2>{" "}
                  <span className="text-sm text-slate-500">
                    ({list.length} gap{list.length === 1 ? "" : "s"})
                  </span>
                </summary>
                <ul className="mt-2 divide-y divide-slate-100 text-sm" aria-label={`Gaps: ${c.label}`}>
                  {list.map((gap) => (
                    <li key={gap.id} className="flex flex-wrap items-baseline justify-between gap-2 py-1.5" data-gap={gap.id}>
                      <span>{gap.message}</span>
                      <Link href={gap.href} className="shrink-0 text-sm" aria-label={`${FIX_LABELS[gap.fix.page]}: ${gap.target.id}`}>
                        {FIX_LABELS[gap.fix.page]} →
                      </Link>
                    </li>
                  ))}
                </ul>
              </details>
            );
          })}
        </div>
      )}
    </div>
  );
}

export default withAnalysisNotice(ReviewPage);
