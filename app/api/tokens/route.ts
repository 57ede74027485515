import { requireActor } from "@/app/_server/access";
import { listApiTokens, newApiToken } from "@/app/_server/accounts";
import { handle, problem, readJson } from "../_http";
import { tokenJson } from "../_accounts-json";

export const dynamic = "force-dynamic";

/** The signed-in user's API tokens (never the secrets). */
export const GET = handle(async (request: Request) => {
  const actor = await requireActor(request);
  return Response.json({ tokens: (await listApiTokens(actor)).map(tokenJson) });
});

/** Creates a token `{ name }`; the response holds the secret, once. Needs a signed-in session: a token cannot make more tokens. */
export const POST = handle(async (request: Request) => {
  const actor = await requireActor(request);
  if (/^Bearer\s/i.test(request.headers.get("authorization") ?? ""))
    return problem(403, "forbidden", "Not allowed", "an API token cannot create API tokens (a leaked token could outlive its revocation); create tokens on the Account page");
  const body = (await readJson(request)) as { name?: unknown } | null;
  const created = await newApiToken(actor, body && typeof body === "object" ? body.name : undefined);
  return Response.json({ ...tokenJson(created), token: created.token }, { status: 201, headers: { location: `/api/tokens/${created.id}`, "cache-control": "no-store" } });
});
