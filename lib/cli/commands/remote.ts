import { writeFileSync } from "node:fs";
import { basename } from "node:path";
import type { Command, CommandContext } from "../command";
import { loadProjectFile, onePositional, readInput } from "../command";
import { UsageError } from "../io";
import { modelCounts, type ModelCounts } from "../../model/counts";
import { detectFormat, serializeModel } from "../../model/format";
import type { Model } from "../../model/schema";

/** `pull` and `push`: the CLI against a medthreat server, authenticated with an API token from the environment. */

const TIMEOUT_MS = 120_000;
const CONNECTION = [
  "The server comes from --server or MEDTHREAT_SERVER (e.g. https://medthreat.example.com).",
  "The API token comes only from the environment variable MEDTHREAT_TOKEN (create one on the server's Account page);",
  "there is deliberately no option for it, so it never lands in your shell history or the process list.",
].join("\n");

interface Remote {
  base: URL;
  token: string;
}

const isLocal = (host: string) => host === "localhost" || host === "127.0.0.1" || host === "[::1]";

function remoteOf(ctx: CommandContext): Remote {
  const server = (ctx.values.server as string | undefined) ?? process.env.MEDTHREAT_SERVER;
  if (!server) throw new UsageError("name the server with --server https://medthreat.example.com or the environment variable MEDTHREAT_SERVER");
  let base: URL;
  try {
    base = new URL(server.endsWith("/") ? server : `${server}/`);
  } catch {
    throw new UsageError(`the server must be a URL such as https://medthreat.example.com, not "${server}"`);
  }
  if (base.protocol !== "https:" && base.protocol !== "http:") throw new UsageError(`the server must be an http or https URL, not "${server}"`);
  const token = process.env.MEDTHREAT_TOKEN?.trim();
  if (!token)
    throw new UsageError("set the environment variable MEDTHREAT_TOKEN to an API token (create one on the server's Account page); it is not an option, so it stays out of your shell history");
  if (base.protocol === "http:" && !isLocal(base.hostname)) ctx.io.err(`warning: ${base.origin} is not https, so the API token travels unencrypted`);
  return { base, token };
}

const HINTS: Record<number, string> = {
  401: "the server does not accept the token in MEDTHREAT_TOKEN (mistyped, revoked, or its account is disabled)",
  403: "your role in the project does not allow this",
  404: "there is no such project, or it is not visible to you",
  409: "someone else changed it at the same time; try again",
};

/** The problem+json of a refused request as readable lines: status, detail, hint, and any model errors. */
async function describeRefusal(response: Response): Promise<string> {
  const text = await response.text().catch(() => "");
  let body: { title?: string; detail?: string; errors?: { path: string; message: string; line?: number }[] } = {};
  if (/json/.test(response.headers.get("content-type") ?? ""))
    try {
      body = JSON.parse(text);
    } catch {
      // not JSON after all: the status line has to do
    }
  const lines = [`the server answered ${response.status} ${body.title ?? response.statusText}${body.detail ? `: ${body.detail}` : ""}`];
  if (HINTS[response.status]) lines.push(`(${HINTS[response.status]})`);
  for (const e of body.errors ?? []) lines.push(`  ${e.path}${e.line ? ` (line ${e.line})` : ""}: ${e.message}`);
  return lines.join("\n");
}

function networkReason(e: unknown): string {
  const error = e as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (error.name === "TimeoutError") return `no answer within ${TIMEOUT_MS / 1000} s`;
  return error.cause?.code ?? error.cause?.message ?? error.message ?? String(e);
}

async function call(remote: Remote, method: string, path: string, init: { body?: string; headers?: Record<string, string> } = {}): Promise<Response> {
  const url = new URL(path, remote.base);
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers: { authorization: `Bearer ${remote.token}`, ...init.headers },
      body: init.body,
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (e) {
    throw new Error(`cannot reach ${remote.base.origin}: ${networkReason(e)}`);
  }
  if (!response.ok) throw new Error(await describeRefusal(response));
  if (/text\/html/.test(response.headers.get("content-type") ?? ""))
    throw new Error(`${url.origin}${url.pathname} answered with a web page instead of data; is ${remote.base.href} the address of a medthreat server?`);
  return response;
}

/** Refuses to report success when the server says it stored fewer things than were sent (an upload cut on the way). */
function checkCounts(model: Model, stored: ModelCounts | undefined, what: string) {
  if (!stored) return;
  const sent = modelCounts(model);
  const lost = (Object.keys(sent) as (keyof ModelCounts)[]).filter((k) => stored[k] !== sent[k]);
  if (lost.length)
    throw new Error(`the server stored ${what} with ${lost.map((k) => `${stored[k]} of the ${sent[k]} ${k}`).join(", ")} that were sent: the upload was cut on the way. Check the server's body size limit, then push again.`);
}

const projectPath = (id: string) => `api/projects/${encodeURIComponent(id)}`;
const asciiOnly = (text: string) => text.replace(/[^\x20-\x7e]/g, "?");

export const pull: Command = {
  name: "pull",
  summary: "download a project (model and assessment) from a medthreat server",
  usage: "medthreat pull <project-id> [--server <url>] [--out <file>] [--format yaml|json]",
  details: [
    "Writes the whole project file (what GET /api/projects/<id>/export returns) to --out, or prints it.",
    "The format defaults to json when --out ends in .json, otherwise yaml.",
    "",
    CONNECTION,
  ].join("\n"),
  options: { server: { type: "string", short: "s" }, out: { type: "string", short: "o" }, format: { type: "string", short: "f" } },
  async run(ctx) {
    const id = onePositional(ctx, "project id");
    const out = ctx.values.out as string | undefined;
    const format = (ctx.values.format as string | undefined) ?? (out && /\.json$/i.test(out) ? "json" : "yaml");
    if (format !== "yaml" && format !== "json") throw new UsageError(`--format must be yaml or json, not "${format}"`);
    const remote = remoteOf(ctx);
    const response = await call(remote, "GET", `${projectPath(id)}/export?format=${format}`, { headers: { accept: format === "json" ? "application/json" : "application/yaml" } });
    const text = await response.text();
    if (!out) {
      ctx.io.out(text);
      return 0;
    }
    writeFileSync(out, text);
    ctx.io.err(`wrote project ${id} to ${out} (${Buffer.byteLength(text)} bytes)`);
    return 0;
  },
};

export const push: Command = {
  name: "push",
  summary: "upload a project file to a medthreat server, as a new project or as the model of one",
  usage: "medthreat push <file> [--server <url>] [--project <id>]",
  details: [
    "Checks the file first; a file with errors is not sent.",
    "Without --project the file (model and assessment) becomes a new project, like POST /api/projects/import.",
    "With --project only the model part replaces that project's model as a new revision (PUT /api/projects/<id>/model,",
    "based on the revision current a moment before); its assessment on the server is kept, the file's assessment is not sent.",
    "",
    CONNECTION,
  ].join("\n"),
  options: { server: { type: "string", short: "s" }, project: { type: "string", short: "p" } },
  async run(ctx) {
    const file = onePositional(ctx, "project file");
    const text = readInput(ctx.io, file);
    const project = loadProjectFile(ctx.io, file);
    if (!project) return 1;
    const remote = remoteOf(ctx);
    const name = file === "-" ? "stdin" : basename(file);
    const target = ctx.values.project as string | undefined;
    if (!target) {
      const json = detectFormat(text, name) === "json";
      const response = await call(remote, "POST", `api/projects/import?filename=${encodeURIComponent(name)}`, {
        body: text,
        headers: { "content-type": json ? "application/json" : "application/yaml" },
      });
      const created = (await response.json()) as { id: string; name: string; currentRevision: number; counts?: ModelCounts };
      checkCounts(project.model, created.counts, `project ${created.id}`);
      ctx.io.out(`created project ${created.id} "${created.name}" (revision ${created.currentRevision}): ${new URL(`projects/${created.id}`, remote.base).href}`);
      return 0;
    }
    if (project.assessment) ctx.io.err(`note: the assessment in ${name} is not sent; --project replaces only the model`);
    const current = await call(remote, "GET", `${projectPath(target)}/model?format=json`, { headers: { accept: "application/json" } });
    const revision = current.headers.get("etag");
    if (!revision) throw new Error("the server sent the model without its revision (ETag); it may be too old for push --project");
    const body = serializeModel(project.model, "json");
    if ((await current.text()) === body) {
      ctx.io.out(`project ${target} already has this model (revision ${revision.replace(/"/g, "")}); nothing to push`);
      return 0;
    }
    const response = await call(remote, "PUT", `${projectPath(target)}/model`, {
      body,
      headers: { "content-type": "application/json", "if-match": revision, "x-change-summary": asciiOnly(`Pushed ${name} with the medthreat CLI`) },
    });
    const saved = (await response.json()) as { revision: number; counts?: ModelCounts };
    checkCounts(project.model, saved.counts, `revision ${saved.revision} of project ${target}`);
    ctx.io.out(`saved revision ${saved.revision} of project ${target}`);
    return 0;
  },
};
