// A worker thread of the off-thread pool (app/_server/off-thread.ts): runs one task at a time.
import { parentPort } from "node:worker_threads";
import { register } from "tsx/esm/api";

register();
const { TASKS } = await import("./tasks.ts");

parentPort.on("message", ({ id, task, input }) => {
  try {
    parentPort.postMessage({ id, ok: true, value: TASKS[task](input) });
  } catch (e) {
    parentPort.postMessage({ id, ok: false, error: { name: e?.name ?? "Error", message: e?.message ?? String(e), limit: e?.limit } });
  }
});
