// The validator schemas — what the fast path is compiled from, the reference checker interprets, and the tests' ajv
// oracle compiles: the published ones (packages/runtime/generated/schemas/) with
//   - annotations dropped (descriptions, titles, …): the runtime carries these schemas as data, and nothing reads
//     annotations there;
//   - bytes fields checked by x-gemini-bytes instead of their pattern (see packages/runtime/src/vocabulary/strings.ts);
//   - in lenient mode, unknown fields and enum values recorded by x-gemini-drift where the strict schema rejects them.
// Everything else — types, formats, ranges, required fields, oneofs — is the same in both modes and in the published
// schemas.
import { allSchemas, type SchemaMode } from "../json-schema.ts";
import type { SpecIR } from "../../spec/ir.ts";
import { BYTES, DRIFT } from "@gemini-typekit/runtime/vocabulary";

/** Dropped: annotations nothing reads at run time, and `$schema` (the validators' ajv instance is set to the dialect). */
const ANNOTATIONS = new Set([
  "$schema",
  "description",
  "title",
  "$comment",
  "deprecated",
  "readOnly",
  "writeOnly",
  "contentEncoding",
  "examples",
]);

type Json = unknown;

/** Keys under which a schema holds named subschemas (property names, not keywords). */
const NAMED = new Set(["properties", "$defs", "dependentSchemas", "patternProperties"]);

function transform(schema: Json, mode: SchemaMode, named = false): Json {
  if (Array.isArray(schema)) return schema.map((s) => transform(s, mode));
  if (schema === null || typeof schema !== "object") return schema;
  const s = schema as Record<string, Json>;
  const out: Record<string, Json> = {};
  for (const [key, value] of Object.entries(s)) {
    if (named) {
      out[key] = transform(value, mode);
      continue;
    }
    if (ANNOTATIONS.has(key)) continue;
    if (key === "pattern" && s["contentEncoding"] === "base64") out[BYTES] = true;
    else out[key] = transform(value, mode, NAMED.has(key));
  }
  return out;
}

/** Lenient mode: where the strict schema closes an object or an enum, record instead of rejecting. */
function openForDrift(strict: Json, named = false): Json {
  if (Array.isArray(strict)) return strict.map((s) => openForDrift(s));
  if (strict === null || typeof strict !== "object") return strict;
  const out: Record<string, Json> = {};
  for (const [key, value] of Object.entries(strict as Record<string, Json>)) {
    // Under `properties` and the like, keys are field names (Schema has fields named "enum" and "pattern").
    if (named) out[key] = openForDrift(value);
    else if (key === "additionalProperties" && value === false) out[key] = { [DRIFT]: "unknown-field" };
    else if (key === "enum") out[DRIFT] = value;
    else out[key] = openForDrift(value, NAMED.has(key));
  }
  return out;
}

/** Every schema a mode's validators are compiled from, keyed by name (ids as in packages/runtime/generated/schemas/). */
export function validatorSchemas(ir: SpecIR, mode: SchemaMode): Map<string, Json> {
  const out = new Map<string, Json>();
  // Lenient validators are strict ones that record instead of rejecting: built from the strict schemas, with the
  // lenient ids so both modes can live in one ajv instance.
  const lenientIds = mode === "lenient" ? allSchemas(ir, "lenient") : undefined;
  for (const [name, schema] of allSchemas(ir, "strict")) {
    const stripped = transform(schema, mode) as Record<string, Json>;
    if (mode === "strict") out.set(name, stripped);
    else
      out.set(name, {
        ...(openForDrift(stripped) as Record<string, Json>),
        $id: (lenientIds!.get(name) as Record<string, Json>)["$id"],
      });
  }
  return out;
}
