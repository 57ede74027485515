import type { ModelIssue } from "@/lib/model/issues";
import { issueJson, notFound, problem } from "./_http";

/** Problem responses for refused comments, baselines, sign-offs and diffs. */
export function reviewProblem(outcome: { kind: "invalid" | "not-found" | "conflict" | "tampered"; message: string; errors?: ModelIssue[]; version?: number }): Response {
  switch (outcome.kind) {
    case "invalid":
      return problem(422, "invalid-request", "Invalid request", outcome.message, { errors: (outcome.errors ?? []).map(issueJson) });
    case "not-found":
      return notFound(outcome.message);
    case "conflict":
      return problem(409, "conflict", "Conflict", outcome.message, outcome.version === undefined ? {} : { currentVersion: outcome.version });
    case "tampered":
      return problem(409, "integrity", "Content does not match its hash", outcome.message);
  }
}
