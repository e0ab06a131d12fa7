// The validators output: the list of resources that have a validator (validators/names.ts, which the runtime reads),
// and the ajv set-up the validation keywords are defined for. The generator emits no ajv code: the validators the
// runtime runs are the fast-path checkers (./fast.ts) and the reference checker's data (./reference.ts). ajv compiles
// validatorSchemas() (./validator-schemas.ts) with validatorAjv() at test time, as the differential tests' independent oracle
// (test/support/ajv-oracle.ts), and at bench time, as the benches' baseline (scripts/bench/support/ajv-standalone.ts).
import AjvModule, { type Ajv, type Vocabulary } from "ajv";
import nextVocabularyModule from "ajv/dist/vocabularies/next.js";
import type { EmittedFile, GenerateContext } from "../context.ts";
import { addValidatorKeywords, type AjvDriftRecord } from "./keywords.ts";

/**
 * The ajv options of the oracle and the benches' ajv baseline. Patterns are ASCII, so they
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
 * An ajv instance set up for the validator schemas: options and keywords. ajv's core class with its "next"
 * vocabulary (draft-07 plus dependentSchemas, the 2019-09 keyword the schemas use) compiles the same checks as its
 * 2020-12 class without tracking evaluated properties for `unevaluated*` keywords, which no schema uses: every
 * validator call is cheaper. validatorSchemas() drops the `$schema` the published schemas carry. Lenient validators
 * compiled in memory record drift into `driftSink`.
 */
export function validatorAjv(options: Record<string, unknown> = {}, driftSink: AjvDriftRecord[] = []): Ajv {
  const ajv = new AjvClass({ ...AJV_OPTIONS, ...options });
  ajv.addVocabulary(nextVocabulary);
  return addValidatorKeywords(ajv, driftSink);
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
  return new Map<string, EmittedFile>([["validators/names.ts", { kind: "ts", content: nameList(ctx) }]]);
}
