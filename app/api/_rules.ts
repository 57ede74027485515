import type { Actor } from "@/db/users";
import { requireActor } from "@/app/_server/access";
import { ruleSetText, saveRules } from "@/app/_server/threats";
import { etag, handle, notFound, problem, readBody, requireRevision } from "./_http";

/** GET and PUT of one rule set (the YAML text), shared by the organisation and project routes. */
export function ruleSetRoutes(scopeOf: (params: Record<string, string>) => string, missing: (params: Record<string, string>, actor: Actor) => Promise<string | undefined> = async () => undefined) {
  type Ctx = { params: Promise<Record<string, string>> };
  return {
    GET: handle(async (request: Request, ctx: Ctx) => {
      const params = await ctx.params;
      const actor = await requireActor(request);
      const absent = await missing(params, actor);
      if (absent) return notFound(absent);
      const set = await ruleSetText(actor, scopeOf(params));
      return new Response(set.text, { headers: { "content-type": "application/yaml; charset=utf-8", etag: etag(set.version) } });
    }),
    PUT: handle(async (request: Request, ctx: Ctx) => {
      const params = await ctx.params;
      const actor = await requireActor(request);
      const absent = await missing(params, actor);
      if (absent) return notFound(absent);
      const version = requireRevision(request);
      const outcome = await saveRules(actor, scopeOf(params), version, await readBody(request, 2 * 1024 * 1024));
      if (outcome.ok) return Response.json({ version: outcome.version, rules: outcome.count }, { headers: { etag: etag(outcome.version) } });
      if (outcome.kind === "invalid") return problem(422, "invalid-rules", "The rules are not valid", outcome.message, { errors: outcome.errors });
      return problem(409, "conflict", "Edit conflict", outcome.message, { currentVersion: outcome.currentVersion });
    }),
  };
}
