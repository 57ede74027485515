import { requireActor } from "@/app/_server/access";
import { reportFileOf } from "@/app/_server/reports";
import { handle, notFound } from "../../../../../../_http";
import { DOCUMENT_VIEW_CONTENT_SECURITY_POLICY } from "@/lib/security/policy";

export const dynamic = "force-dynamic";
type Params = { params: Promise<{ id: string; jobId: string; name: string }> };

/** A generated file as a download; `?inline=1` shows an HTML document in the browser instead, sandboxed. */
export const GET = handle(async (request: Request, { params }: Params) => {
  const { id, jobId, name } = await params;
  const file = await reportFileOf(await requireActor(request), id, jobId, name);
  if (!file) return notFound(`the document job "${jobId}" has no file "${name}"`);
  const inline = new URL(request.url).searchParams.get("inline") === "1" && file.name.endsWith(".html");
  const headers: Record<string, string> = {
    "content-type": file.mediaType,
    "content-length": String(file.bytes.byteLength),
    "content-disposition": `${inline ? "inline" : "attachment"}; filename="${file.name.replace(/[^\w.-]/g, "_")}"`,
    "x-content-type-options": "nosniff",
    "cache-control": "private, no-store",
  };
  if (inline) headers["content-security-policy"] = DOCUMENT_VIEW_CONTENT_SECURITY_POLICY;
  return new Response(new Uint8Array(file.bytes), { headers });
});
