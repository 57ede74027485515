import { bodyTooLargeMessage, MAX_MODEL_BYTES } from "@/lib/model/limits";
import type { ModelIssue } from "@/lib/model/issues";
import type { Outcome } from "../_server/projects";
import { AuthError } from "../_server/auth";
import { isRefusal, refusalReason, type WorkRefused } from "../_server/off-thread";
import type { AnalysisLimitError } from "@/lib/threats/limits";

/** RFC 9457 problem details. `type` names the kind of problem; `errors` lists model issues with their paths. */
export function problem(status: number, slug: string, title: string, detail: string, extra: Record<string, unknown> = {}): Response {
  return Response.json(
    { type: `https://medthreat.dev/problems/${slug}`, title, status, detail, ...extra },
    { status, headers: { "content-type": "application/problem+json" } },
  );
}

export const notFound = (detail: string) => problem(404, "not-found", "Not found", detail);

/** A text response sent as UTF-8 bytes: a string body would be re-checked character by character on every request. */
export const textResponse = (text: string, init?: ResponseInit) => new Response(Buffer.from(text, "utf8"), init);

export function outcomeProblem(outcome: Exclude<Outcome<unknown>, { ok: true }>): Response {
  switch (outcome.kind) {
    case "invalid":
      return problem(422, "invalid-model", "The model is not valid", outcome.message, { errors: outcome.errors.map(issueJson) });
    case "not-found":
      return notFound(outcome.message);
    case "conflict":
      return problem(409, "conflict", "Edit conflict", outcome.message, {
        currentRevision: outcome.currentRevision,
        savedBy: outcome.savedBy,
        savedAt: outcome.savedAt,
      });
  }
}

export function issueJson(issue: ModelIssue) {
  return { path: issue.path, message: issue.message, ...(issue.line ? { line: issue.line, column: issue.column } : {}) };
}

export class BodyError extends Error {
  constructor(public readonly response: Response) {
    super("bad request body");
  }
}

/**
 * Reads a request body as text, refusing it (413) as soon as it passes the limit, and refusing (400)
 * a body shorter than its declared Content-Length: a body is taken whole or not at all.
 */
export async function readBody(request: Request, limit = MAX_MODEL_BYTES): Promise<string> {
  const header = request.headers.get("content-length");
  const declared = header === null ? undefined : Number(header);
  const tooLarge = () =>
    new BodyError(problem(413, "too-large", "Request body too large", bodyTooLargeMessage(limit)));
  if (declared !== undefined && declared > limit) throw tooLarge();
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  if (declared !== undefined && Number.isFinite(declared) && size !== declared)
    throw new BodyError(problem(400, "incomplete-body", "Incomplete request body", `the body ended after ${size} of the ${declared} bytes its Content-Length announced; nothing was stored, send it again`));
  return new TextDecoder("utf-8", { fatal: false }).decode(Buffer.concat(chunks));
}

export async function readJson(request: Request): Promise<unknown> {
  const text = await readBody(request, 1024 * 1024);
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new BodyError(problem(400, "bad-json", "Malformed JSON", `the request body is not valid JSON: ${(e as Error).message}`));
  }
}

/** The revision named by an If-Match header (`"3"` or `3`); a missing header is refused with 428. */
export function requireRevision(request: Request): number {
  const header = request.headers.get("if-match");
  if (!header)
    throw new BodyError(
      problem(428, "revision-required", "Revision required", 'send the revision your change is based on in an If-Match header, e.g. If-Match: "3" (the ETag of GET .../model)'),
    );
  const m = /^(?:W\/)?"?(\d+)"?$/.exec(header.trim());
  if (!m) throw new BodyError(problem(400, "bad-revision", "Malformed If-Match", `If-Match must be a revision number such as "3", not ${header}`));
  return Number(m[1]);
}

export const etag = (revision: number) => `"${revision}"`;

const AUTH_TITLES: Record<number, [string, string]> = {
  400: ["bad-request", "Bad request"],
  401: ["unauthenticated", "Not signed in"],
  403: ["forbidden", "Not allowed"],
  409: ["conflict", "Conflict"],
  429: ["too-many-attempts", "Too many attempts"],
};

/** Work refused for a processing limit (422), or because the server is busy (503, try again later). */
function refusalProblem(e: AnalysisLimitError | WorkRefused): Response {
  const reason = refusalReason(e);
  if (reason === "busy") {
    const response = problem(503, "busy", "Server busy", e.message);
    response.headers.set("retry-after", "30");
    return response;
  }
  if (reason === "failed") return problem(500, "internal", "Internal error", `${e.message}; nothing was changed`);
  return problem(422, "over-limit", "Over a processing limit", e.message, { limit: reason });
}

/** Wraps a handler so BodyErrors and AuthErrors become their responses and anything unexpected a 500 problem. */
export function handle<A extends unknown[]>(fn: (...args: A) => Promise<Response>) {
  return async (...args: A): Promise<Response> => {
    try {
      return await fn(...args);
    } catch (e) {
      if (e instanceof BodyError) return e.response;
      if (isRefusal(e)) return refusalProblem(e);
      if (e instanceof AuthError) {
        const [slug, title] = AUTH_TITLES[e.status];
        const response = problem(e.status, slug, title, e.message);
        if (e.status === 401) response.headers.set("www-authenticate", 'Bearer realm="medthreat"');
        if (e.retryAfterSeconds) response.headers.set("retry-after", String(e.retryAfterSeconds));
        return response;
      }
      console.error(e);
      return problem(500, "internal", "Internal error", "the server failed to handle the request; nothing was changed");
    }
  };
}
