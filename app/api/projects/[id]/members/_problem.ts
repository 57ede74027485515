import type { MemberOutcome } from "@/app/_server/members";
import { notFound, problem } from "../../../_http";

export function memberProblem(outcome: Exclude<MemberOutcome<unknown>, { ok: true }>): Response {
  if (outcome.kind === "not-found") return notFound(outcome.message);
  if (outcome.kind === "conflict") return problem(409, "member-conflict", "Membership not changed", outcome.message);
  return problem(422, "invalid-member", "Invalid membership", outcome.message);
}
