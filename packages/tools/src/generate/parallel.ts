// Running an output's emitter in a worker thread: started early (so its imports load while the spec does), fed
// the context once there is one, and always terminated.
import { Worker } from "node:worker_threads";
import type { EmittedFile, GenerateContext } from "./context.ts";
import type { Output } from "./outputs.ts";

export interface WorkerRun {
  run(ctx: GenerateContext): Promise<{ files: Map<string, EmittedFile>; ms: number; timings: Record<string, number> }>;
  stop(): Promise<void>;
}

type Reply =
  | { ok: true; files: Map<string, EmittedFile>; ms: number; timings: Record<string, number> }
  | { ok: false; error: string };

const LOADER_FLAGS = ["--import", "--loader", "--experimental-loader", "--require", "-r"];

/**
 * The parent's flags without module loaders (`node --import tsx …`): a worker inherits them by default, and they
 * would run its preloads through the TypeScript loader. worker.js installs that loader itself, after them.
 */
function workerExecArgv(): string[] {
  const out: string[] = [];
  for (let i = 0; i < process.execArgv.length; i++) {
    const flag = process.execArgv[i]!;
    if (LOADER_FLAGS.includes(flag)) i++;
    else if (!LOADER_FLAGS.some((f) => flag.startsWith(`${f}=`))) out.push(flag);
  }
  return out;
}

export function startWorker(output: Output): WorkerRun {
  const worker = new Worker(new URL("./worker.js", import.meta.url), {
    execArgv: workerExecArgv(),
    workerData: { module: output.module, exportName: output.exportName, preload: output.preload ?? [] },
  });
  const reply = new Promise<Reply>((resolve, reject) => {
    worker.once("message", resolve);
    worker.once("error", reject);
    worker.once("exit", (code) =>
      reject(new Error(`emitter worker for ${output.exportName} exited with code ${code}`)),
    );
  });
  reply.catch(() => undefined); // surfaced by run(); avoid an unhandled rejection when the run is abandoned
  return {
    async run(ctx) {
      worker.postMessage(ctx);
      const r = await reply;
      await worker.terminate();
      if (!r.ok) throw new Error(`${output.exportName} failed in its worker:\n${r.error}`);
      return { files: r.files, ms: r.ms, timings: r.timings };
    },
    async stop() {
      await worker.terminate();
    },
  };
}
