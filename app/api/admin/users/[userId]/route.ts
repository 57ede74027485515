import { requireActor } from "@/app/_server/access";
import { updateAccountAsAdmin } from "@/app/_server/accounts";
import { handle, notFound, readJson } from "../../../_http";
import { accountJson } from "../../../_accounts-json";

export const dynamic = "force-dynamic";

/** `{ disabled?, isAdmin? }`: disables or enables the account, grants or withdraws administration (administrators only). */
export const PATCH = handle(async (request: Request, { params }: { params: Promise<{ userId: string }> }) => {
  const { userId } = await params;
  const actor = await requireActor(request);
  const account = await updateAccountAsAdmin(actor, userId, await readJson(request));
  if (!account) return notFound(`there is no account "${userId}"`);
  return Response.json(accountJson(account));
});
