import { requireActor } from "@/app/_server/access";
import { restoreProject } from "@/app/_server/projects";
import { handle, notFound } from "../../../_http";

export const dynamic = "force-dynamic";

export const POST = handle(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const { id } = await params;
  if (!(await restoreProject(await requireActor(request), id))) return notFound(`there is no deleted project "${id}"`);
  return new Response(null, { status: 204 });
});
