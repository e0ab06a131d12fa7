// The table of outputs: one emitter per kind of generated file. A new kind must be added here to be generated.
// Emitters are imported lazily, so their heavy dependencies (ts-morph, prettier, ajv's compiler) load only where
// they run. Outputs marked `worker` run in a worker thread started before the spec is loaded: their imports and
// work overlap with loading and with the other outputs (the machine has two cores).
import type { Emitter } from "./context.ts";
import { MODULE_EXTENSION } from "../paths.ts";

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

/** An emitter module beside this one, named without its extension (".ts" from the sources, ".js" built). */
const here = (path: string) => new URL(`${path}${MODULE_EXTENSION}`, import.meta.url).href;

export const OUTPUTS: Record<OutputKind, Output> = {
  schemas: { module: here("./schemas/emit"), exportName: "emitSchemas", worker: false },
  types: { module: here("./types/index"), exportName: "emitTypes", worker: true, preload: ["ts-morph"] },
  validators: { module: here("./validators/emit"), exportName: "emitValidators", worker: false },
  fastValidators: { module: here("./validators/fast"), exportName: "emitFastValidators", worker: false },
  reference: { module: here("./validators/reference"), exportName: "emitReference", worker: false },
  model: { module: here("./runtime-model/emit"), exportName: "emitModel", worker: false },
  api: { module: here("./api/emit"), exportName: "emitApi", worker: false },
};

export async function loadEmitter(output: Output): Promise<Emitter> {
  const mod = (await import(output.module)) as Record<string, Emitter>;
  const emit = mod[output.exportName];
  if (typeof emit !== "function") throw new Error(`${output.module} has no emitter ${output.exportName}`);
  return emit;
}
