import { requireActor } from "@/app/_server/access";
import { loadProject } from "@/app/_server/projects";
import { toMermaid } from "@/lib/model/mermaid";
import { etag, handle, notFound, textResponse } from "../../../../_http";

export const dynamic = "force-dynamic";

/** Mermaid text of one diagram; the id `all` gives the whole model. */
export const GET = handle(async (request: Request, { params }: { params: Promise<{ id: string; diagramId: string }> }) => {
  const { id, diagramId } = await params;
  const stored = await loadProject(await requireActor(request), id);
  if (!stored) return notFound(`there is no project "${id}"`);
  if (diagramId !== "all" && !stored.model.diagrams.some((d) => d.id === diagramId))
    return notFound(`project "${id}" has no diagram "${diagramId}"`);
  return textResponse(toMermaid(stored.model, diagramId === "all" ? undefined : diagramId), {
    headers: { "content-type": "text/vnd.mermaid; charset=utf-8", etag: etag(stored.revision) },
  });
});
