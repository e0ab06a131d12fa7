// Converters between Gemini's two schema dialects, both through the IR: JSON Schema → legacy inlines `$ref`s
// (and refuses recursion); legacy → JSON Schema turns `nullable` into anyOf with null.
import type { Diagnostic } from "../diagnostics.ts";
import { emitJsonSchema } from "./emit-json-schema.ts";
import { emitLegacy } from "./emit-legacy.ts";
import type { JsonObject } from "./json-schema-types.ts";
import { parseJsonSchema } from "./parse-json-schema.ts";
import { parseLegacy } from "./parse-legacy.ts";

export interface ConvertResult {
  /** Absent when there are errors. */
  schema?: JsonObject;
  diagnostics: Diagnostic[];
}

export interface ConvertOptions {
  /** File name to put in diagnostics. */
  file?: string;
}

export function jsonSchemaToResponseSchema(schema: unknown, options: ConvertOptions = {}): ConvertResult {
  const parsed = parseJsonSchema(schema, options.file);
  return parsed.doc ? emitLegacy(parsed.doc) : { diagnostics: parsed.diagnostics };
}

export function responseSchemaToJsonSchema(schema: unknown, options: ConvertOptions = {}): ConvertResult {
  const parsed = parseLegacy(schema, options.file);
  return parsed.doc ? { schema: emitJsonSchema(parsed.doc), diagnostics: [] } : { diagnostics: parsed.diagnostics };
}
