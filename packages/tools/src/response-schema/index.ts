// Public API of the response-schema tools: TypeScript → schema (both dialects), dialect conversion, linting, and
// schema → TypeScript.
export {
  toResponseJsonSchema,
  toResponseSchema,
  type ToSchemaOptions,
  type ToSchemaResult,
} from "./from-typescript.ts";
export {
  jsonSchemaToResponseSchema,
  responseSchemaToJsonSchema,
  type ConvertOptions,
  type ConvertResult,
} from "./convert-dialects.ts";
export { lintSchema, RULE_DEFINITIONS, type Dialect, type Target, type LintOptions } from "./lint.ts";
export type { Evidence, RuleDefinition } from "./rules/rule.ts";
export { fromSchema, looksLegacy, type FromSchemaOptions, type FromSchemaResult } from "./from-schema.ts";
export { createProject, type TsSource } from "./ts-source.ts";
export type { Integer } from "./brands.ts";
export type { Json, JsonObject } from "./json-schema-types.ts";
