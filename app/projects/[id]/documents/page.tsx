import { withAnalysisNotice } from "@/app/projects/[id]/_components/AnalysisNotice";
import { projectForPage } from "@/app/_server/pages";
import { listReports, reportSources } from "@/app/_server/reports";
import { DOCUMENT_IDS, DOCUMENT_TITLES } from "@/lib/reports/document";
import { GenerateDocuments } from "./GenerateDocuments";
import { JobFiles } from "./JobFiles";

export const dynamic = "force-dynamic";

const when = (iso: string) => iso.slice(0, 19).replace("T", " ");
const STATUS: Record<string, string> = { queued: "waiting", running: "running", done: "done", failed: "failed" };

async function DocumentsPage({ params }: { params: Promise<{ id: string }> }) {
  const { id, actor } = await projectForPage(params);
  const [jobs, sources] = await Promise.all([listReports(actor, id), reportSources(actor, id)]);
  const unfinished = jobs.find((j) => (j.status === "queued" || j.status === "running") && j.createdBy === actor.name);
  return (
    <div className="space-y-4">
      <section className="card space-y-2">
        <h2>Documents</h2>
        <p className="text-sm text-slate-600">
          Generate the cybersecurity documents of the technical documentation from the current revision or from a baseline: the risk management report, the threat
          model report, the Annex I checklist, security information for users, the MDS2 capability disclosure and the FDA security architecture views. Each states the
          project, device version, source, content hash and source date; the same baseline always gives the same content. Generation runs in the background, so you
          and others can keep working.
        </p>
        <GenerateDocuments
          projectId={id}
          sources={sources}
          documents={DOCUMENT_IDS.map((d) => ({ id: d, title: DOCUMENT_TITLES[d] }))}
          resumeJobId={unfinished?.id}
        />
      </section>
      <section className="card space-y-2">
        <h2>Earlier documents</h2>
        {jobs.length === 0 ? (
          <p className="text-sm text-slate-500">No documents generated yet.</p>
        ) : (
          <table className="w-full text-left text-sm" aria-label="Earlier documents">
            <thead>
              <tr className="border-b border-slate-200">
                <th className="py-1 pr-2">When (UTC)</th>
                <th className="py-1 pr-2">Source</th>
                <th className="py-1 pr-2">Content hash</th>
                <th className="py-1 pr-2">By</th>
                <th className="py-1 pr-2">Documents and formats</th>
                <th className="py-1 pr-2">Status</th>
                <th className="py-1">Files</th>
              </tr>
            </thead>
            <tbody>
              {jobs.map((j) => (
                <tr key={j.id} className="border-b border-slate-100 align-top">
                  <td className="py-1 pr-2 whitespace-nowrap">{when(j.createdAt)}</td>
                  <td className="py-1 pr-2">{j.sourceLabel}</td>
                  <td className="py-1 pr-2">
                    {j.contentHash ? (
                      <code className="font-mono text-xs" title={j.contentHash}>
                        {j.contentHash.slice(0, 12)}…
                      </code>
                    ) : (
                      "—"
                    )}
                  </td>
                  <td className="py-1 pr-2">{j.createdBy}</td>
                  <td className="py-1 pr-2 text-xs">
                    {j.docs.length === DOCUMENT_IDS.length ? "all documents" : j.docs.map((d) => DOCUMENT_TITLES[d]).join("; ")} · {j.formats.join(", ")}
                  </td>
                  <td className="py-1 pr-2">
                    {STATUS[j.status] ?? j.status}
                    {j.status === "failed" && j.message && <span className="block text-xs text-red-700">{j.message}</span>}
                  </td>
                  <td className="py-1">
                    <JobFiles projectId={id} jobId={j.id} files={j.files} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}

export default withAnalysisNotice(DocumentsPage);
