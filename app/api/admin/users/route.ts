import { requireActor } from "@/app/_server/access";
import { createAccountAsAdmin, listAccounts } from "@/app/_server/accounts";
import { handle, readJson } from "../../_http";
import { accountJson } from "../../_accounts-json";

export const dynamic = "force-dynamic";

/** Every account (administrators only). */
export const GET = handle(async (request: Request) => {
  const actor = await requireActor(request);
  return Response.json({ users: (await listAccounts(actor)).map(accountJson) });
});

/** Creates an account `{ email, name, password, isAdmin? }` (administrators only). */
export const POST = handle(async (request: Request) => {
  const actor = await requireActor(request);
  const account = await createAccountAsAdmin(actor, await readJson(request));
  return Response.json(accountJson(account), { status: 201, headers: { location: `/api/admin/users/${account.id}` } });
});
