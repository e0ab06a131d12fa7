// The table of outputs: one emitter per kind of generated file. A new kind must be added here to be generated.
// Emitters are imported lazily, so their heavy dependencies (ts-morph, prettier, ajv's compiler) load only where
// they run. Outputs marked `worker` run in a worker thread started before the spec is loaded: their imports and
// work overlap with loading and with the other outputs (the machine has two cores).
import type { Emitter } from "./context.ts";

export type OutputKind = "schemas" | "types" | "validators" | "fastValidators" | "reference" | "model" | "api";

export interface Output {
  /** Module (URL) and export name of the emitter. */
  module: string;
  exportName: string;
  /** Run in a worker thread. There the emitter is loaded as CommonJS (see worker.js): no top-level await. */
  worker: boolean;
  /**
   * Worker outputs only: packages the worker requires before it installs the TypeScript loader, so they load
   * natively instead of each of their files going through the loader's hook (see worker.js).
   */
  preload?: string[];
}

const here = (path: string) => new URL(path, import.meta.url).href;

export const OUTPUTS: Record<OutputKind, Output> = {
  schemas: { module: here("./schemas/emit.ts"), exportName: "emitSchemas", worker: false },
  types: { module: here("./types/index.ts"), exportName: "emitTypes", worker: true, preload: ["ts-morph", "prettier"] },
  validators: { module: here("./validators/emit.ts"), exportName: "emitValidators", worker: false },
  fastValidators: { module: here("./validators/fast.ts"), exportName: "emitFastValidators", worker: false },
  reference: { module: here("./validators/reference.ts"), exportName: "emitReference", worker: false },
  model: { module: here("./model/emit.ts"), exportName: "emitModel", worker: false },
  api: { module: here("./api/emit.ts"), exportName: "emitApi", worker: false },
};

export async function loadEmitter(output: Output): Promise<Emitter> {
  const mod = (await import(output.module)) as Record<string, Emitter>;
  const emit = mod[output.exportName];
  if (typeof emit !== "function") throw new Error(`${output.module} has no emitter ${output.exportName}`);
  return emit;
}
