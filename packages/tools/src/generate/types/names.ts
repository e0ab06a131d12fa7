// Names the types emitter writes: property keys that need quotes, and the check that no top-level name is declared
// twice. The declared names themselves (helpers, resources' derived interfaces) are the spec's:
// spec/declared-names.ts.
import type { SpecIR } from "../../spec/ir.ts";
import { describeOwner, nameClashes } from "../../spec/declared-names.ts";

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

export function propertyKey(name: string): string {
  return IDENTIFIER.test(name) ? name : JSON.stringify(name);
}

/** Every top-level name the types file will declare must be unique; a clash is a spec problem worth stopping for. */
export function checkNameClashes(ir: SpecIR): void {
  const [first] = nameClashes(ir);
  if (first)
    throw new Error(
      `types: ${describeOwner(first.owner)} would declare ${first.name}, which ${describeOwner(first.previous)} already declares`,
    );
}
