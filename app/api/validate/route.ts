import { validateModelText } from "@/lib/model/validate";
import { requireActor } from "@/app/_server/access";
import { handle, issueJson, readBody } from "../_http";

export const dynamic = "force-dynamic";

/** Validates a model file without storing anything. */
export const POST = handle(async (request: Request) => {
  await requireActor(request);
  const result = validateModelText(await readBody(request));
  return Response.json({
    valid: result.ok,
    errors: result.ok ? [] : result.errors.map(issueJson),
    warnings: result.warnings.map(issueJson),
  });
});
