import { requireActor } from "@/app/_server/access";
import { exportProject } from "@/app/_server/projects";
import type { FileFormat } from "@/lib/model/format";
import { serializeProject } from "@/lib/project/file";
import { handle, notFound, problem, textResponse } from "../../../_http";

export const dynamic = "force-dynamic";

const slug = (name: string) => name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "project";

/** The whole project as one file: architecture and assessment (decisions, scores, hazards, controls). */
export const GET = handle(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const { id } = await params;
  const url = new URL(request.url);
  const format = (url.searchParams.get("format") ?? "yaml") as FileFormat;
  if (format !== "yaml" && format !== "json") return problem(400, "bad-format", "Unknown format", "format must be yaml or json");
  const file = await exportProject(await requireActor(request), id);
  if (!file) return notFound(`there is no project "${id}"`);
  const headers: Record<string, string> = { "content-type": format === "json" ? "application/json; charset=utf-8" : "application/yaml; charset=utf-8" };
  if (url.searchParams.get("download")) headers["content-disposition"] = `attachment; filename="${slug(file.model.project.name)}.${format}"`;
  return textResponse(serializeProject(file, format), { headers });
});
