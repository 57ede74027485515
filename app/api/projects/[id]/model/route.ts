import { requireActor } from "@/app/_server/access";
import { loadProject, replaceModel } from "@/app/_server/projects";
import { modelCounts } from "@/lib/model/counts";
import { serializeModel, type FileFormat } from "@/lib/model/format";
import { etag, handle, notFound, outcomeProblem, problem, readBody, requireRevision, textResponse } from "../../../_http";

export const dynamic = "force-dynamic";
type Params = { params: Promise<{ id: string }> };

function wantedFormat(request: Request): FileFormat | undefined {
  const query = new URL(request.url).searchParams.get("format");
  if (query) return query === "json" || query === "yaml" ? query : undefined;
  return /json/.test(request.headers.get("accept") ?? "") ? "json" : "yaml";
}

const slug = (name: string) => name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "model";

/** The model in its canonical file form; `?format=yaml|json`, `?revision=N`, `?download=1` for an attachment. */
export const GET = handle(async (request: Request, { params }: Params) => {
  const { id } = await params;
  const url = new URL(request.url);
  const format = wantedFormat(request);
  if (!format) return problem(400, "bad-format", "Unknown format", "format must be yaml or json");
  const revisionParam = url.searchParams.get("revision");
  const revision = revisionParam === null ? undefined : Number(revisionParam);
  if (revision !== undefined && !Number.isInteger(revision)) return problem(400, "bad-revision", "Bad revision", "revision must be a whole number");
  const stored = await loadProject(await requireActor(request), id, revision);
  if (!stored) return notFound(revision ? `project "${id}" has no revision ${revision}` : `there is no project "${id}"`);
  const headers: Record<string, string> = {
    "content-type": format === "json" ? "application/json; charset=utf-8" : "application/yaml; charset=utf-8",
    etag: etag(stored.revision),
  };
  if (url.searchParams.get("download"))
    headers["content-disposition"] = `attachment; filename="${slug(stored.model.project.name)}-r${stored.revision}.${format === "json" ? "json" : "yaml"}"`;
  return textResponse(serializeModel(stored.model, format), { headers });
});

/** Replaces the model with a whole file (YAML or JSON); If-Match names the revision it is based on. */
export const PUT = handle(async (request: Request, { params }: Params) => {
  const { id } = await params;
  const actor = await requireActor(request);
  const revision = requireRevision(request);
  const summary = request.headers.get("x-change-summary")?.slice(0, 200) || "Model replaced through the API";
  const outcome = await replaceModel(actor, id, revision, await readBody(request), summary);
  if (!outcome.ok) return outcomeProblem(outcome);
  return Response.json({ revision: outcome.value.revision, counts: modelCounts(outcome.value.model) }, { headers: { etag: etag(outcome.value.revision) } });
});
