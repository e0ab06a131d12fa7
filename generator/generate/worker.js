// Worker-thread entry for outputs that run off the main thread (see outputs.ts). Plain JavaScript, because it
// must register the TypeScript loader before importing the emitter. It imports the emitter right away, then
// waits for the context.
import { parentPort, workerData } from "node:worker_threads";
import { performance } from "node:perf_hooks";
import { register } from "tsx/esm/api";

register();
const ready = import(workerData.module).then((mod) => mod[workerData.exportName]);
parentPort.once("message", async (ctx) => {
  try {
    const emit = await ready;
    const started = performance.now();
    const files = await emit(ctx);
    parentPort.postMessage({ ok: true, files, ms: performance.now() - started, timings: ctx.timings });
  } catch (e) {
    parentPort.postMessage({ ok: false, error: e instanceof Error ? (e.stack ?? e.message) : String(e) });
  }
});
