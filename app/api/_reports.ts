import type { ReportJobView, ReportOutcome } from "../_server/reports";
import { issueJson, notFound, problem } from "./_http";

/** The API's links of a document job: itself and each of its files. */
export function jobLinks(projectId: string, job: ReportJobView) {
  const self = `/api/projects/${projectId}/reports/${job.id}`;
  return { self, files: Object.fromEntries(job.files.map((f) => [f.name, `${self}/files/${encodeURIComponent(f.name)}`])) };
}

export function reportProblem(outcome: Exclude<ReportOutcome<unknown>, { ok: true }>): Response {
  if (outcome.kind === "invalid") return problem(422, "invalid-request", "The request is not valid", outcome.message, { errors: outcome.errors.map(issueJson) });
  if (outcome.kind === "busy") return problem(429, "too-many-jobs", "Too many document jobs", outcome.message);
  return notFound(outcome.message);
}
