import { requireActor } from "@/app/_server/access";
import { addMember, listMembers } from "@/app/_server/members";
import { handle, notFound, readJson } from "../../../_http";
import { memberProblem } from "./_problem";

export const dynamic = "force-dynamic";
type Params = { params: Promise<{ id: string }> };

/** The project's members and their roles (any member may read them). */
export const GET = handle(async (request: Request, { params }: Params) => {
  const { id } = await params;
  const members = await listMembers(await requireActor(request), id);
  if (!members) return notFound(`there is no project "${id}"`);
  return Response.json({ members });
});

/** Adds an existing account `{ email, role }` (owners only). */
export const POST = handle(async (request: Request, { params }: Params) => {
  const { id } = await params;
  const actor = await requireActor(request);
  const outcome = await addMember(actor, id, await readJson(request));
  if (!outcome.ok) return memberProblem(outcome);
  return Response.json(outcome.value, { status: 201, headers: { location: `/api/projects/${id}/members/${outcome.value.userId}` } });
});
