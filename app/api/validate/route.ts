import { requireActor } from "@/app/_server/access";
import { readModelText } from "@/app/_server/off-thread";
import { handle, issueJson, readBody } from "../_http";

export const dynamic = "force-dynamic";

/** Validates a model file without storing anything. */
export const POST = handle(async (request: Request) => {
  await requireActor(request);
  const result = await readModelText(await readBody(request));
  return Response.json({
    valid: result.ok,
    errors: result.ok ? [] : result.errors.map(issueJson),
    warnings: result.warnings.map(issueJson),
  });
});
