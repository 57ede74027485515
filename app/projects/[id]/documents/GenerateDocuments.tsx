"use client";

import { useEffect, useId, useState } from "react";
import { useRouter } from "next/navigation";
import { generateReportAction, reportJobAction } from "@/app/actions/reports";
import type { JobFormat, ReportJobView, ReportSourceChoice } from "@/app/_server/reports";
import type { DocumentId } from "@/lib/reports/document";
import { JobFiles } from "./JobFiles";

const FORMATS: { id: Exclude<JobFormat, "zip">; label: string }[] = [
  { id: "html", label: "HTML" },
  { id: "pdf", label: "PDF" },
  { id: "docx", label: "Word (DOCX)" },
  { id: "md", label: "Markdown" },
  { id: "csv", label: "CSV (tables)" },
];

type Failure = { ok: false; message: string; errors?: { message: string }[] };
const explain = (f: Failure) => (f.errors?.length ? `${f.message}: ${f.errors.map((e) => e.message).join("; ")}` : f.message);
const finished = (job: ReportJobView) => job.status === "done" || job.status === "failed";

export function GenerateDocuments({
  projectId,
  sources,
  documents,
  resumeJobId,
}: {
  projectId: string;
  sources: readonly ReportSourceChoice[];
  documents: readonly { id: DocumentId; title: string }[];
  resumeJobId?: string;
}) {
  const router = useRouter();
  const sourceId = useId();
  const [source, setSource] = useState(sources[0]?.value ?? "current");
  const [docs, setDocs] = useState<DocumentId[]>(documents.map((d) => d.id));
  const [formats, setFormats] = useState<JobFormat[]>(["html", "pdf"]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [jobId, setJobId] = useState(resumeJobId);
  const [job, setJob] = useState<ReportJobView>();

  useEffect(() => {
    if (!jobId) return;
    let stop = false;
    const poll = async () => {
      const latest = await reportJobAction(projectId, jobId).catch(() => undefined);
      if (stop) return;
      if (!latest) return setError("The job's progress could not be read; reload the page to see whether it finished.");
      setJob(latest);
      if (finished(latest)) return router.refresh();
      timer = setTimeout(poll, 1000);
    };
    let timer = setTimeout(poll, 0);
    return () => {
      stop = true;
      clearTimeout(timer);
    };
  }, [projectId, jobId, router]);

  const toggle = <T,>(list: T[], value: T, on: boolean) => (on ? [...list, value] : list.filter((v) => v !== value));
  const running = !!job && !finished(job);
  const percent = job && job.progress.total ? Math.round((100 * Math.min(job.progress.done, job.progress.total)) / job.progress.total) : undefined;

  return (
    <div className="space-y-3">
      <form
        aria-label="Generate documents"
        className="space-y-3"
        onSubmit={async (e) => {
          e.preventDefault();
          setBusy(true);
          setError(undefined);
          const outcome = await generateReportAction(projectId, { source, docs, formats }).catch(() => ({ ok: false as const, message: "The server did not answer; try again." }));
          setBusy(false);
          if (!outcome.ok) return setError(explain(outcome));
          setJob(outcome.value);
          setJobId(outcome.value.id);
        }}
      >
        <div>
          <label className="field-label" htmlFor={sourceId}>
            Source
          </label>
          <select id={sourceId} className="input" value={source} onChange={(e) => setSource(e.target.value)}>
            {sources.map((s) => (
              <option key={s.value} value={s.value}>
                {s.signed ? "✓ " : ""}
                {s.label}
              </option>
            ))}
          </select>
        </div>
        <fieldset className="space-y-1">
          <legend className="field-label">Documents</legend>
          <p className="space-x-2 text-xs">
            <button type="button" className="underline" onClick={() => setDocs(documents.map((d) => d.id))}>
              Select all documents
            </button>
            <button type="button" className="underline" onClick={() => setDocs([])}>
              Clear documents
            </button>
          </p>
          {documents.map((d) => (
            <label key={d.id} className="flex items-center gap-2 text-sm">
              <input type="checkbox" checked={docs.includes(d.id)} onChange={(e) => setDocs(toggle(docs, d.id, e.target.checked))} />
              {d.title}
            </label>
          ))}
        </fieldset>
        <fieldset className="space-y-1">
          <legend className="field-label">Formats</legend>
          <div className="flex flex-wrap gap-x-4 gap-y-1">
            {FORMATS.map((f) => (
              <label key={f.id} className="flex items-center gap-2 text-sm">
                <input type="checkbox" checked={formats.includes(f.id)} onChange={(e) => setFormats(toggle(formats, f.id, e.target.checked))} />
                {f.label}
              </label>
            ))}
            <label className="flex items-center gap-2 text-sm">
              <input type="checkbox" checked={formats.includes("zip")} onChange={(e) => setFormats(toggle(formats, "zip", e.target.checked))} />
              ZIP of everything
            </label>
          </div>
          <p className="text-xs text-slate-500">The ZIP holds the chosen formats, or every format when no other is chosen.</p>
        </fieldset>
        <button className="btn btn-primary" disabled={busy || running || !docs.length || !formats.length}>
          {busy ? "Starting…" : running ? "Generating…" : "Generate"}
        </button>
        {error && (
          <p role="alert" className="text-sm text-red-700">
            {error}
          </p>
        )}
      </form>
      {job && (
        <section className="space-y-2 rounded border border-slate-200 p-3" aria-label="Generation">
          <p className="text-sm">
            {job.sourceLabel}: {job.status === "queued" ? "waiting for a free slot" : job.status === "running" ? "generating" : job.status === "done" ? "done" : "failed"}
          </p>
          {!finished(job) && (
            <>
              <progress className="w-full" aria-label="Generation progress" max={job.progress.total || undefined} value={job.progress.total ? job.progress.done : undefined} />
              <p role="status" className="text-xs text-slate-600">
                {percent !== undefined ? `${percent}% · ` : ""}
                {job.progress.step}
              </p>
            </>
          )}
          {job.status === "failed" && (
            <p role="alert" className="text-sm text-red-700">
              The documents were not generated: {job.message}
            </p>
          )}
          {job.status === "done" && (
            <div role="status" className="text-sm">
              <p className="text-green-800">Done. Content hash {job.contentHash}.</p>
              <JobFiles projectId={projectId} jobId={job.id} files={job.files} />
            </div>
          )}
        </section>
      )}
    </div>
  );
}
