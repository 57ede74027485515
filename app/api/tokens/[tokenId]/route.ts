import { requireActor } from "@/app/_server/access";
import { revokeApiToken } from "@/app/_server/accounts";
import { handle, notFound } from "../../_http";

export const dynamic = "force-dynamic";

/** Revokes one of the user's own tokens; it is refused (401) from then on. */
export const DELETE = handle(async (request: Request, { params }: { params: Promise<{ tokenId: string }> }) => {
  const { tokenId } = await params;
  const actor = await requireActor(request);
  if (!(await revokeApiToken(actor, tokenId))) return notFound(`you have no active API token "${tokenId}"`);
  return new Response(null, { status: 204 });
});
