// Precompiled validators: ajv standalone code for every resource, strict and lenient, so importing them compiles
// nothing at start-up. Generated code needs nothing at run time but what ajv's standalone output imports (today:
// nothing, because no schema uses keywords that need ajv's runtime helpers), and never imports generator/.
import { Ajv2020 } from "ajv/dist/2020.js";
import standaloneCodeModule from "ajv/dist/standalone/index.js";
import type { EmittedFile, GenerateContext } from "../context.ts";
import { allSchemas, schemaId, type SchemaMode } from "../schemas/emit.ts";
import { RUNTIME_SOURCE } from "./runtime-source.ts";

// ajv's standalone entry is CommonJS with a default export; under ESM interop it may arrive wrapped.
const standaloneCode = ((standaloneCodeModule as unknown as { default?: unknown }).default ?? standaloneCodeModule) as (
  ajv: Ajv2020,
  refsOrFunc: Record<string, string>,
) => string;

export const MODES: readonly SchemaMode[] = ["strict", "lenient"];

/** The ajv options both the generated validators and the runtime-compiled reference use. */
export const AJV_OPTIONS = { allErrors: true, strict: true } as const;

export function compileMode(ctx: GenerateContext, mode: SchemaMode): string {
  const ajv = new Ajv2020({ ...AJV_OPTIONS, code: { source: true, esm: true } });
  for (const schema of allSchemas(ctx.ir, mode).values()) ajv.addSchema(schema);
  const exports = Object.fromEntries([...ctx.ir.resources.keys()].map((name) => [name, schemaId(name, mode)]));
  return standaloneCode(ajv, exports);
}

function declarations(ctx: GenerateContext): string {
  const lines = ['import type { ValidateFunction } from "ajv";', ""];
  for (const name of ctx.ir.resources.keys()) lines.push(`export declare const ${name}: ValidateFunction;`);
  return `${lines.join("\n")}\n`;
}

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
  const files = new Map<string, EmittedFile>();
  for (const mode of MODES) {
    files.set(`validators/${mode}.js`, { kind: "js", content: `${compileMode(ctx, mode)}\n` });
    files.set(`validators/${mode}.d.ts`, { kind: "ts", content: declarations(ctx) });
  }
  files.set("validators/names.ts", { kind: "ts", content: nameList(ctx) });
  files.set("validators/index.ts", { kind: "ts", content: RUNTIME_SOURCE });
  return files;
}
