import { requireActor } from "@/app/_server/access";
import { getBaseline } from "@/app/_server/baselines";
import { baselineProjectText } from "@/lib/review/baseline";
import { handle, notFound, problem, textResponse } from "../../../../_http";

export const dynamic = "force-dynamic";
type Params = { params: Promise<{ id: string; baselineId: string }> };

const FORMATS = ["yaml", "json", "baseline"] as const;
const TYPES = { yaml: "application/yaml; charset=utf-8", json: "application/json; charset=utf-8", baseline: "application/json; charset=utf-8" };
const slug = (name: string) => name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "baseline";

/**
 * A baseline as a file: `?format=yaml` (default) or `json` gives its project file (importable),
 * `?format=baseline` the stored content exactly, whose SHA-256 is the baseline's content hash.
 */
export const GET = handle(async (request: Request, { params }: Params) => {
  const { id, baselineId } = await params;
  const url = new URL(request.url);
  const format = (url.searchParams.get("format") ?? "yaml") as (typeof FORMATS)[number];
  if (!FORMATS.includes(format)) return problem(400, "bad-format", "Unknown format", `format must be one of ${FORMATS.join(", ")}`);
  const baseline = await getBaseline(await requireActor(request), id, baselineId);
  if (!baseline) return notFound(`there is no baseline "${baselineId}" in this project`);
  const text = format === "baseline" ? baseline.content : baselineProjectText(baseline.content, format);
  if (text === undefined) return problem(500, "unreadable-baseline", "Unreadable baseline", "the stored baseline cannot be read; download it with ?format=baseline");
  const headers: Record<string, string> = { "content-type": TYPES[format], "x-content-sha256": baseline.contentHash, etag: `"${baseline.contentHash}"` };
  if (url.searchParams.get("download")) {
    const extension = format === "baseline" ? "baseline.json" : format;
    headers["content-disposition"] = `attachment; filename="${slug(baseline.name)}.${extension}"`;
  }
  return textResponse(text, { headers });
});
