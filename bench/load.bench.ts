import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { Agent, request } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";

/**
 * Pages and API under load: starts the built app (`npm run build` first) on a fresh database with the
 * demo device and measures each scenario twice for SECONDS:
 * - paced: CLIENTS people each asking once a second (a request as soon as the last one came back
 *   when it took longer), which is the load of a busy team, and
 * - flat out: CLIENTS clients each sending the next request as soon as the last one came back, which
 *   measures throughput (latency is then CLIENTS divided by requests per second).
 * It prints latency percentiles, throughput and errors. LOAD_CLIENTS and LOAD_SECONDS change the
 * defaults (50, 60); LOAD_ONLY keeps the scenarios whose name contains it. A last scenario sends
 * hostile 3.9 MB files to /api/validate while other clients ask /api/health, to show whether the
 * server stays responsive meanwhile.
 */

const CLIENTS = Number(process.env.LOAD_CLIENTS ?? 50);
const SECONDS = Number(process.env.LOAD_SECONDS ?? 60);
const PORT = Number(process.env.LOAD_PORT ?? 3300);
const ROOT = path.join(import.meta.dirname, "..");

interface Scenario {
  name: string;
  path: string;
  auth: "cookie" | "token" | "none";
  method?: string;
  body?: string;
  /** Milliseconds each client waits from one request's start to the next's; 0 for flat out. */
  pace?: number;
}

interface Sample {
  ms: number;
  ok: boolean;
  /** The HTTP status, or the network error's code. */
  outcome: string;
}

export async function runLoadBench(): Promise<void> {
  if (!existsSync(path.join(ROOT, ".next", "BUILD_ID"))) {
    console.log("skipped: no production build; run `npm run build` first");
    return;
  }
  const dir = mkdtempSync(path.join(tmpdir(), "medthreat-load-"));
  const env = { ...process.env, DATABASE_URL: `file:${path.join(dir, "load.db")}`, NEXT_TELEMETRY_DISABLED: "1" };
  const setup = spawnSync(path.join(ROOT, "node_modules", ".bin", "tsx"), [path.join(ROOT, "bench", "load-setup.ts")], { cwd: ROOT, env, encoding: "utf8" });
  if (setup.status !== 0) throw new Error(`setting up the database failed: ${setup.stderr}`);
  const { token, session, projectId } = JSON.parse(setup.stdout.trim().split("\n").pop()!) as { token: string; session: string; projectId: string };
  const server = spawn(path.join(ROOT, "node_modules", ".bin", "next"), ["start", "-p", String(PORT)], { cwd: ROOT, env, stdio: ["ignore", "ignore", "inherit"], detached: true });
  try {
    await waitUntilUp();
    const headers = (auth: Scenario["auth"]): Record<string, string> =>
      auth === "cookie" ? { cookie: `medthreat_session=${session}` } : auth === "token" ? { authorization: `Bearer ${token}` } : {};
    const scenarios: Scenario[] = [
      { name: "project page (Model tab)", path: `/projects/${projectId}`, auth: "cookie" },
      { name: "Threats tab", path: `/projects/${projectId}/threats`, auth: "cookie" },
      { name: "Traceability tab", path: `/projects/${projectId}/trace`, auth: "cookie" },
      { name: "threats API (JSON)", path: `/api/projects/${projectId}/threats`, auth: "token" },
      { name: "model API (YAML)", path: `/api/projects/${projectId}/model`, auth: "token" },
    ];
    console.log(`${CLIENTS} clients for ${SECONDS} s per scenario, demo device, one server process on this machine\n`);
    console.log("| scenario | load | requests | per second | p50 | p95 | p99 | max | errors |");
    console.log("|---|---|---|---|---|---|---|---|---|");
    for (const s of scenarios.filter((x) => !process.env.LOAD_ONLY || x.name.includes(process.env.LOAD_ONLY))) {
      await load([{ ...s, clients: 2 }], 3, headers); // warm-up
      for (const [label, pace] of [["paced, 1/s each", 1000], ["flat out", 0]] as const) {
        const [samples] = await load([{ ...s, pace, clients: CLIENTS }], SECONDS, headers);
        console.log(row(`${s.name} | ${label}`, samples, SECONDS));
      }
    }
    const hostile = "medthreat: 1\nproject:\n  name: P\n  device: { name: D }\nelements:\n  - id: a\n    tags: " + "- ".repeat(1_950_000) + "x\n";
    const [validations, health] = await load(
      [
        { name: "hostile validation", path: "/api/validate", auth: "token", method: "POST", body: hostile, clients: 2 },
        { name: "health", path: "/api/health", auth: "none", clients: 10 },
      ],
      Math.min(SECONDS, 20),
      headers,
    );
    console.log(row("/api/validate, hostile 3.9 MB file | 2 clients flat out", validations, Math.min(SECONDS, 20)));
    console.log(row("/api/health meanwhile | 10 clients flat out", health, Math.min(SECONDS, 20)));
  } finally {
    try {
      process.kill(-server.pid!, "SIGTERM");
    } catch {
      // already gone
    }
    await sleep(500);
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Connections are kept alive within a run and closed after it, so no run reuses a socket the server is about to close. */
let agent = new Agent({ keepAlive: true, maxSockets: 1000 });

function once(s: Scenario, headers: Record<string, string>): Promise<Sample> {
  const started = performance.now();
  return new Promise((resolve) => {
    const req = request({ host: "127.0.0.1", port: PORT, path: s.path, method: s.method ?? "GET", agent, headers: { ...headers, ...(s.body ? { "content-type": "application/yaml" } : {}) } }, (res) => {
      res.resume();
      res.on("end", () => resolve({ ms: performance.now() - started, ok: (res.statusCode ?? 500) < 400, outcome: String(res.statusCode) }));
    });
    req.on("error", (e: Error & { code?: string }) => resolve({ ms: performance.now() - started, ok: false, outcome: e.code ?? e.message }));
    req.end(s.body);
  });
}

/** Runs the scenarios side by side, each with its own clients looping until the time is up. */
async function load(scenarios: (Scenario & { clients: number })[], seconds: number, headers: (auth: Scenario["auth"]) => Record<string, string>): Promise<Sample[][]> {
  agent.destroy();
  agent = new Agent({ keepAlive: true, maxSockets: 1000 });
  const until = performance.now() + seconds * 1000;
  return Promise.all(
    scenarios.map(async (s) => {
      const samples: Sample[] = [];
      await Promise.all(
        Array.from({ length: s.clients }, async () => {
          if (s.pace) await sleep(Math.random() * s.pace);
          while (performance.now() < until) {
            const sample = await once(s, headers(s.auth));
            samples.push(sample);
            if (s.pace) await sleep(s.pace - sample.ms);
          }
        }),
      );
      return samples;
    }),
  );
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

function row(name: string, samples: Sample[], seconds: number): string {
  const sorted = samples.map((s) => s.ms).sort((a, b) => a - b);
  const at = (p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : NaN);
  const ms = (v: number) => (v >= 1000 ? `${(v / 1000).toFixed(2)} s` : `${Math.round(v)} ms`);
  const errors = new Map<string, number>();
  for (const s of samples) if (!s.ok) errors.set(s.outcome, (errors.get(s.outcome) ?? 0) + 1);
  const errorText = errors.size ? [...errors].map(([outcome, n]) => `${n} (${outcome})`).join(", ") : "0";
  return `| ${name} | ${samples.length} | ${(samples.length / seconds).toFixed(1)} | ${ms(at(50))} | ${ms(at(95))} | ${ms(at(99))} | ${ms(sorted[sorted.length - 1])} | ${errorText} |`;
}

async function waitUntilUp(): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const sample = await once({ name: "up", path: "/api/health", auth: "none" }, {});
    if (sample.ok) return;
    await sleep(200);
  }
  throw new Error(`the app did not start on port ${PORT}`);
}

