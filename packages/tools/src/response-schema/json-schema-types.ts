// Plain JSON shapes the schema tools read and write.

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export const isObject = (v: unknown): v is JsonObject => typeof v === "object" && v !== null && !Array.isArray(v);

/** Keywords Gemini's `responseJsonSchema` understands (plus the non-standard `propertyOrdering`). */
export const JSON_SCHEMA_KEYWORDS = [
  "$id",
  "$defs",
  "$ref",
  "$anchor",
  "type",
  "format",
  "title",
  "description",
  "enum",
  "items",
  "prefixItems",
  "minItems",
  "maxItems",
  "minimum",
  "maximum",
  "anyOf",
  "oneOf",
  "properties",
  "additionalProperties",
  "required",
  "propertyOrdering",
] as const;

/** Fields of the legacy `responseSchema` (Gemini's OpenAPI-subset `Schema` message) that constrain output. */
export const LEGACY_FIELDS = [
  "type",
  "format",
  "title",
  "description",
  "nullable",
  "enum",
  "items",
  "properties",
  "required",
  "propertyOrdering",
  "anyOf",
  "minItems",
  "maxItems",
  "minimum",
  "maximum",
] as const;

/** Fields the `Schema` message has (see spec/imported/resources/Schema.json) that are outside what we rely on. */
export const LEGACY_OTHER_FIELDS = [
  "default",
  "example",
  "minLength",
  "maxLength",
  "pattern",
  "minProperties",
  "maxProperties",
] as const;

export const LEGACY_TYPES = ["STRING", "NUMBER", "INTEGER", "BOOLEAN", "ARRAY", "OBJECT", "NULL"] as const;
