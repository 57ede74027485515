import { requireActor } from "@/app/_server/access";
import { getReport } from "@/app/_server/reports";
import { handle, notFound } from "../../../../_http";
import { jobLinks } from "../../../../_reports";

export const dynamic = "force-dynamic";
type Params = { params: Promise<{ id: string; jobId: string }> };

/** A document job: status (queued, running, done, failed), progress and, when done, its files. */
export const GET = handle(async (request: Request, { params }: Params) => {
  const { id, jobId } = await params;
  const job = await getReport(await requireActor(request), id, jobId);
  if (!job) return notFound(`there is no document job "${jobId}" in this project`);
  return Response.json({ ...job, links: jobLinks(id, job) }, { headers: { "cache-control": "no-store" } });
});
