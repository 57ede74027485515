import { afterEach, describe, expect, it } from "vitest";
import { validateModelText } from "@/lib/model/validate";
import { AnalysisLimitError, ANALYSIS_LIMITS } from "@/lib/threats";
import { parseRuleFile } from "@/lib/threats/custom-rules";
import { validateModel } from "@/lib/model/validate";
import { exampleText, largeModel } from "../helpers/models";
import { alwaysFiringRules } from "../helpers/rules";
import { offThreadLoad, readModelText, runOffThread, stopWorkers, WorkRefused } from "@/app/_server/off-thread";

/**
 * The worker threads that take large files and analyses off the request thread: the same results as
 * on the request thread, and a task that passes its memory or time limit is refused with a message
 * while the pool replaces the worker and goes on.
 */

const saved = { ...process.env };
afterEach(() => {
  process.env = { ...saved };
  stopWorkers();
});

const refusal = (run: Promise<unknown>) =>
  run.then(
    () => undefined,
    (e: unknown) => e,
  );

describe("off-thread work", () => {
  it("reads a model file on a worker thread with the same result as on the request thread, errors and lines included", async () => {
    process.env.MEDTHREAT_OFF_THREAD_BYTES = "0";
    const text = exampleText();
    expect(await readModelText(text)).toEqual(validateModelText(text));
    const broken = text.replace("to: pump\n    channel: serial", "to: pmp\n    channel: serial");
    const result = await readModelText(broken);
    expect(result).toEqual(validateModelText(broken));
    expect(result.ok).toBe(false);
    expect(offThreadLoad().workers).toBeGreaterThan(0);
  });

  it("refuses a task that needs more memory than a worker may have, replaces the worker and carries on", async () => {
    process.env.MEDTHREAT_WORKER_MEMORY_MB = "128";
    const error = await refusal(runOffThread("hold", { megabytes: 4000, milliseconds: 0 }, "the test allocation"));
    expect(error).toBeInstanceOf(WorkRefused);
    expect(error).toMatchObject({ reason: "memory" });
    expect((error as Error).message).toBe("the test allocation needed more than 128 MB of memory and was stopped; it only tests the pool");
    expect(await runOffThread("hold", { megabytes: 1, milliseconds: 0 }, "a small task")).toBe(1);
  });

  it("stops a task that runs past its time, and the next task runs", async () => {
    process.env.MEDTHREAT_WORKER_TIMEOUT_MS = "5000";
    const error = await refusal(runOffThread("hold", { megabytes: 0, milliseconds: 60_000 }, "the test loop"));
    expect(error).toMatchObject({ reason: "time" });
    expect((error as Error).message).toMatch(/^the test loop took longer than 5 s and was stopped/);
    expect(await runOffThread("hold", { megabytes: 2, milliseconds: 0 }, "a small task")).toBe(2);
  });

  it("refuses work as busy when too many tasks are waiting, without starting it", async () => {
    process.env.MEDTHREAT_WORKERS = "1";
    const tasks = Array.from({ length: 20 }, () => refusal(runOffThread("hold", { megabytes: 0, milliseconds: 50 }, "a queued task")));
    const outcomes = await Promise.all(tasks);
    const busy = outcomes.filter((e) => e instanceof WorkRefused && e.reason === "busy");
    expect(busy.length).toBeGreaterThan(0);
    expect(outcomes.filter((e) => e === undefined).length).toBeGreaterThanOrEqual(16);
    expect((busy[0] as Error).message).toBe("the server is busy with other large files and analyses, so a queued task was not started; try again in a minute");
  });

  it("brings an analysis limit back from the worker as the same refusal, with its limit", async () => {
    const model = validateModel(largeModel(400));
    if (!model.ok) throw new Error("invalid model");
    const rules = parseRuleFile(alwaysFiringRules(500));
    if (!rules.ok) throw new Error("invalid rules");
    const error = await refusal(runOffThread("analyze", { model: model.model, rules: rules.rules }, "the analysis"));
    expect(error).toBeInstanceOf(AnalysisLimitError);
    expect(error).toMatchObject({ limit: "threats" });
    expect((error as Error).message).toContain(`more than ${ANALYSIS_LIMITS.threats.toLocaleString("en-US")} threats`);
  });
});
