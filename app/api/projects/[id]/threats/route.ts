import { requireActor } from "@/app/_server/access";
import { projectThreats } from "@/app/_server/threats";
import { formatThreats, THREAT_FORMATS, type ThreatFormat } from "@/lib/threats/format";
import { handle, notFound, problem, textResponse } from "../../../_http";

export const dynamic = "force-dynamic";

const TYPES: Record<ThreatFormat, string> = { json: "application/json", md: "text/markdown", csv: "text/csv" };

/** The project's current threats with their decisions: `?format=json|md|csv` (default json). */
export const GET = handle(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const { id } = await params;
  const format = (new URL(request.url).searchParams.get("format") ?? "json") as ThreatFormat;
  if (!THREAT_FORMATS.includes(format)) return problem(400, "bad-format", "Unknown format", `format must be one of ${THREAT_FORMATS.join(", ")}`);
  const data = await projectThreats(await requireActor(request), id);
  if (!data) return notFound(`there is no project "${id}"`);
  const decisions = new Map([...data.records].map(([k, r]) => [k, { status: r.status, justification: r.justification, version: r.version }]));
  const body = formatThreats(data.analysis, format, { projectName: data.projectName, decisions });
  return textResponse(body, {
    headers: {
      "content-type": `${TYPES[format]}; charset=utf-8`,
      ...(format === "json" ? {} : { "content-disposition": `attachment; filename="threats-r${data.revision}.${format}"` }),
    },
  });
});
