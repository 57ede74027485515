import type { ReportFileView } from "@/app/_server/reports";

const size = (bytes: number) => (bytes < 1024 ? `${bytes} B` : bytes < 1048576 ? `${Math.round(bytes / 1024)} kB` : `${(bytes / 1048576).toFixed(1)} MB`);

/** Download links for a job's files, the ZIP first, and "View" for HTML documents (sandboxed, in a new tab). */
export function JobFiles({ projectId, jobId, files }: { projectId: string; jobId: string; files: readonly ReportFileView[] }) {
  if (!files.length) return <span className="text-slate-500">—</span>;
  const base = `/api/projects/${projectId}/reports/${jobId}/files/`;
  const ordered = [...files].sort((a, b) => Number(b.name.endsWith(".zip")) - Number(a.name.endsWith(".zip")) || a.name.localeCompare(b.name));
  return (
    <ul className="space-y-0.5" aria-label="Generated files">
      {ordered.map((f) => (
        <li key={f.name} className="whitespace-nowrap">
          <a href={base + encodeURIComponent(f.name)} download={f.name}>
            {f.name.endsWith(".zip") ? `Download all (${f.name})` : f.name}
          </a>{" "}
          <span className="text-xs text-slate-500">{size(f.size)}</span>
          {f.name.endsWith(".html") && (
            <>
              {" "}
              <a href={`${base}${encodeURIComponent(f.name)}?inline=1`} target="_blank" rel="noopener noreferrer" aria-label={`View ${f.name}`}>
                View
              </a>
            </>
          )}
        </li>
      ))}
    </ul>
  );
}
