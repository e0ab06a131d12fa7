// A checker for the JSON Schema that Gemini's `responseJsonSchema` takes (2020-12: `$ref`/`$defs`, `type`, `enum`,
// `properties`/`required`/`additionalProperties`, `items`/`prefixItems`, `anyOf`, bounds, `format`, …), and the other
// assertion keywords of 2020-12 a schema from elsewhere may carry (a schema Gemini half ignores is still the one the
// value must satisfy). It needs nothing outside this folder: no compiler, no code generation, so it runs wherever the
// library runs (browsers and edge runtimes too). What it checks, keyword by keyword, is the table in keywords.ts; a
// keyword that constrains values and is not implemented is reported where it applies, never ignored.
//
// Errors are data: ajv's error objects (instancePath, schemaPath, keyword, params), so issues read as they did when
// ajv checked structured output; messageOf words them as ajv did.
import { prepare } from "./compile.ts";
import { run, type PreparedSchema, type SchemaError } from "./types.ts";

export { messageOf } from "./keywords.ts";
export { escapeSegment } from "./types.ts";
export type { ErrorKeyword, ErrorParams, SchemaError } from "./types.ts";

/** A schema prepared for checking values. */
export interface ResponseSchema {
  /** The errors of `value` against the schema, in keyword order: empty when it is valid. */
  check(value: unknown): SchemaError[];
}

const prepared = new WeakMap<object, ResponseSchema>();

/**
 * Prepares `schema` (a JSON Schema object or boolean) for checking values; prepared once per schema object (cached by
 * identity: a schema changed after its first use keeps its first meaning). Throws a TypeError for a schema JSON Schema
 * does not allow (e.g. `"minimum": "3"`, a `$ref` that does not resolve inside it).
 */
export function prepareResponseSchema(schema: object | boolean): ResponseSchema {
  if (typeof schema === "boolean") return wrap(prepare(schema));
  let known = prepared.get(schema);
  if (!known) {
    known = wrap(prepare(schema));
    prepared.set(schema, known);
  }
  return known;
}

const wrap = (node: PreparedSchema): ResponseSchema => ({ check: (value) => run(node, value, "") });
