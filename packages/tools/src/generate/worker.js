// Worker-thread entry for outputs that run off the main thread (see outputs.ts). Plain JavaScript, because from the
// sources it must install the TypeScript loader before loading the emitter. It loads the emitter right away, then waits for
// the context.
//
// The emitter is loaded with require() through tsx's CommonJS hook, which runs in this thread: tsx's ESM loader
// would first start a loader thread of its own and then proxy every import to it (~0.3 s before the first import
// on two cores). Packages in `preload` are required before the hook is installed, so they load natively.
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { parentPort, workerData } from "node:worker_threads";
import { performance } from "node:perf_hooks";

const require = createRequire(import.meta.url);
const ready = (async () => {
  // Built, the emitters are JavaScript modules (dist/): imported as they are, no loader.
  if (!workerData.module.endsWith(".ts")) return (await import(workerData.module))[workerData.exportName];
  for (const specifier of workerData.preload) require(specifier);
  require("tsx/cjs/api").register();
  return require(fileURLToPath(workerData.module))[workerData.exportName];
})();
ready.catch(() => undefined); // reported when the context arrives
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
