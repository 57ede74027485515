import type { ModelIssue } from "@/lib/model/issues";

export function IssueList({ message, issues, title }: { message?: string; issues?: readonly ModelIssue[]; title?: string }) {
  if (!message && !issues?.length) return null;
  return (
    <div role="alert" className="rounded border border-red-300 bg-red-50 p-3 text-sm text-red-900">
      {title && <p className="font-semibold">{title}</p>}
      {message && <p>{message}</p>}
      {issues && issues.length > 0 && (
        <ul className="mt-2 list-disc space-y-0.5 pl-5 font-mono text-xs">
          {issues.map((issue, i) => (
            <li key={i}>
              {issue.path}: {issue.message}
              {issue.line ? ` (line ${issue.line}, column ${issue.column ?? 1})` : ""}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
