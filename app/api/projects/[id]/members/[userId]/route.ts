import { requireActor } from "@/app/_server/access";
import { changeRole, removeMember } from "@/app/_server/members";
import { handle, readJson } from "../../../../_http";
import { memberProblem } from "../_problem";

export const dynamic = "force-dynamic";
type Params = { params: Promise<{ id: string; userId: string }> };

/** Changes a member's role `{ role }` (owners only; the last owner stays owner). */
export const PUT = handle(async (request: Request, { params }: Params) => {
  const { id, userId } = await params;
  const actor = await requireActor(request);
  const outcome = await changeRole(actor, id, userId, await readJson(request));
  if (!outcome.ok) return memberProblem(outcome);
  return Response.json(outcome.value);
});

/** Removes a member (owners only; never the last owner). */
export const DELETE = handle(async (request: Request, { params }: Params) => {
  const { id, userId } = await params;
  const actor = await requireActor(request);
  const outcome = await removeMember(actor, id, userId);
  if (!outcome.ok) return memberProblem(outcome);
  return new Response(null, { status: 204 });
});
