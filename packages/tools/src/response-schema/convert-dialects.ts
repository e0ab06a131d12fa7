// Converters between Gemini's two schema dialects, both through the IR: JSON Schema → legacy inlines `$ref`s
// (and refuses recursion); legacy → JSON Schema turns `nullable` into anyOf with null. The output is linted for its
// target like to-schema's (lint-emitted.ts).
import type { Diagnostic } from "../diagnostics.ts";
import { emitJsonSchema, type OriginMap } from "./emit-json-schema.ts";
import { emitLegacy } from "./emit-legacy.ts";
import { checked } from "./lint-emitted.ts";
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
  if (!parsed.doc) return { diagnostics: parsed.diagnostics };
  const origins: OriginMap = new Map();
  const legacy = emitLegacy(parsed.doc, origins);
  return checked(legacy.schema, legacy.diagnostics, "responseSchema", origins);
}

export function responseSchemaToJsonSchema(schema: unknown, options: ConvertOptions = {}): ConvertResult {
  const parsed = parseLegacy(schema, options.file);
  if (!parsed.doc) return { diagnostics: parsed.diagnostics };
  const origins: OriginMap = new Map();
  return checked(emitJsonSchema(parsed.doc, origins), [], "responseJsonSchema", origins);
}
