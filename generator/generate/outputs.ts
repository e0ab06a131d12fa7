// The table of outputs: one emitter per kind of generated file. A new kind must be added here to be generated.
import type { Emitter } from "./context.ts";
import { emitSchemas } from "./schemas/emit.ts";
import { emitValidators } from "./validators/emit.ts";

export type OutputKind = "schemas" | "validators";

export const OUTPUTS: Record<OutputKind, Emitter> = {
  schemas: emitSchemas,
  validators: emitValidators,
};
