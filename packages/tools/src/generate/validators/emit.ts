// The validators output: the list of resources that have a validator (validators/names.ts, which the runtime reads).
// The generator emits no ajv code: the validators the runtime runs are the fast-path checkers (./fast.ts) and the
// reference checker's data (./reference.ts). ajv is only the tests' independent oracle and the benches' baseline,
// compiled from validatorSchemas() (./validator-schemas.ts) when they run; its set-up is test/support/ajv-keywords.ts.
import type { EmittedFile, GenerateContext } from "../context.ts";

function nameList(ctx: GenerateContext): string {
  const names = [...ctx.ir.resources.keys()];
  return [
    "/** Every resource that has a validator. */",
    `export const RESOURCE_NAMES = ${JSON.stringify(names)} as const;`,
    "export type ResourceName = (typeof RESOURCE_NAMES)[number];",
    "",
  ].join("\n");
}

export function emitValidators(ctx: GenerateContext): Map<string, EmittedFile> {
  return new Map<string, EmittedFile>([["validators/names.ts", { kind: "ts", content: nameList(ctx) }]]);
}
