// Precompiled validators: ajv standalone code for every resource, strict and lenient, so importing them compiles
// nothing at start-up. Generated code needs nothing at run time but what ajv's standalone output imports (today:
// nothing: no schema uses keywords that need ajv's runtime helpers, and our own keywords emit inline code), and never
// imports packages/tools/src/. They are built from validatorSchemas() (./schema.ts): the published schemas without
// annotations, with the keywords of ./keywords.ts. The lenient module also exports `driftSink`, where its validators
// record unknown fields and enum values while they check (kind, instance path, value, resource or enum — four
// entries per record).
import AjvModule, { type Ajv, type Vocabulary } from "ajv";
import nextVocabularyModule from "ajv/dist/vocabularies/next.js";
import standaloneCodeModule from "ajv/dist/standalone/index.js";
import type { EmittedFile, GenerateContext } from "../context.ts";
import { schemaId, type SchemaMode } from "../schemas/emit.ts";
import { RUNTIME_SOURCE } from "./runtime-source.ts";
import { addValidatorKeywords } from "./keywords.ts";
import { validatorSchemas } from "./schema.ts";

// ajv's standalone entry is CommonJS with a default export; under ESM interop it may arrive wrapped.
const standaloneCode = ((standaloneCodeModule as unknown as { default?: unknown }).default ?? standaloneCodeModule) as (
  ajv: Ajv,
  refsOrFunc: Record<string, string>,
) => string;

export const MODES: readonly SchemaMode[] = ["strict", "lenient"];

/**
 * The ajv options both the generated validators and the runtime-compiled reference use. Patterns are ASCII, so they
 * need no `u` flag, which makes regular expressions slower.
 */
export const AJV_OPTIONS = { allErrors: true, strict: true, unicodeRegExp: false } as const;

// ajv's modules are CommonJS with default exports; under ESM interop they may arrive wrapped.
const AjvClass = ((AjvModule as unknown as { default?: unknown }).default ?? AjvModule) as new (
  options: Record<string, unknown>,
) => Ajv;
const nextVocabulary = ((nextVocabularyModule as unknown as { default?: unknown }).default ??
  nextVocabularyModule) as Vocabulary;

/**
 * An ajv instance set up as the generated validators are: options and keywords. ajv's core class with its "next"
 * vocabulary (draft-07 plus dependentSchemas, the 2019-09 keyword the schemas use) compiles the same checks as its
 * 2020-12 class without tracking evaluated properties for `unevaluated*` keywords, which no schema uses: every
 * validator call is cheaper. validatorSchemas() drops the `$schema` the published schemas carry.
 */
export function validatorAjv(options: Record<string, unknown> = {}): Ajv {
  const ajv = new AjvClass({ ...AJV_OPTIONS, ...options });
  ajv.addVocabulary(nextVocabulary);
  return addValidatorKeywords(ajv);
}

export function compileMode(ctx: GenerateContext, mode: SchemaMode): string {
  const ajv = validatorAjv({ code: { source: true, esm: true } });
  for (const schema of validatorSchemas(ctx.ir, mode).values()) ajv.addSchema(schema as object);
  const exports = Object.fromEntries([...ctx.ir.resources.keys()].map((name) => [name, schemaId(name, mode)]));
  const code = standaloneCode(ajv, exports);
  if (mode === "strict") return code;
  // The drift sink is the one scope value initialised to an empty array.
  const sinks = [...code.matchAll(/const (obj\d+) = \[\];/g)].map((m) => m[1]);
  if (sinks.length !== 1) throw new Error(`lenient validators: expected one drift sink, found ${sinks.length}`);
  return `${code}\nexport { ${sinks[0]} as driftSink };`;
}

function declarations(ctx: GenerateContext, mode: SchemaMode): string {
  const lines = ['import type { ValidateFunction } from "ajv";', ""];
  for (const name of ctx.ir.resources.keys()) lines.push(`export declare const ${name}: ValidateFunction;`);
  if (mode === "lenient") {
    lines.push(
      "",
      '/** Drift recorded by the last lenient validation: kind ("f" field, "e" enum value), path, value — repeated. */',
    );
    lines.push("export declare const driftSink: unknown[];");
  }
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
    files.set(`validators/${mode}.d.ts`, { kind: "ts", content: declarations(ctx, mode) });
  }
  files.set("validators/names.ts", { kind: "ts", content: nameList(ctx) });
  files.set("validators/index.ts", { kind: "ts", content: RUNTIME_SOURCE });
  return files;
}
