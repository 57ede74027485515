import { requireActor } from "@/app/_server/access";
import { createReport, listReports } from "@/app/_server/reports";
import { handle, readJson } from "../../../_http";
import { jobLinks, reportProblem } from "../../../_reports";

export const dynamic = "force-dynamic";
type Params = { params: Promise<{ id: string }> };

/** The project's document jobs, newest first, with their progress and files. */
export const GET = handle(async (request: Request, { params }: Params) => {
  const { id } = await params;
  const jobs = await listReports(await requireActor(request), id);
  return Response.json({ jobs: jobs.map((j) => ({ ...j, links: jobLinks(id, j) })) });
});

/** Starts generating documents: `{ source: "current" | "baseline:<id>", docs: [...] | "all", formats: [...] }`; answers 202 with the job. */
export const POST = handle(async (request: Request, { params }: Params) => {
  const { id } = await params;
  const actor = await requireActor(request);
  const outcome = await createReport(actor, id, await readJson(request));
  if (!outcome.ok) return reportProblem(outcome);
  const links = jobLinks(id, outcome.value);
  return Response.json({ ...outcome.value, links }, { status: 202, headers: { location: links.self } });
});
