// The table of outputs: one emitter per kind of generated file. A new kind must be added here to be generated.
import type { Emitter } from "./context.ts";
import { emitSchemas } from "./schemas/emit.ts";
import { emitTypes } from "./types/index.ts";
import { emitValidators } from "./validators/emit.ts";

export type OutputKind = "schemas" | "types" | "validators";

export const OUTPUTS: Record<OutputKind, Emitter> = {
  schemas: emitSchemas,
  types: emitTypes,
  validators: emitValidators,
};
