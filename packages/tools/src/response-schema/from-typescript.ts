// The TypeScript front door: find the named type in a file, Project or code text, convert it to IR, emit a dialect.
import { error, type Diagnostic } from "../diagnostics.ts";
import { emitJsonSchema, type OriginMap } from "./emit-json-schema.ts";
import { emitLegacy } from "./emit-legacy.ts";
import type { JsonObject } from "./json-schema-types.ts";
import { checked } from "./lint-emitted.ts";
import type { Target } from "./rules/rule.ts";
import { declarationToIr } from "./ts-to-ir.ts";
import { declaredTypeNames, findDeclaration, loadSource, type TsSource } from "./ts-source.ts";
import type { SchemaDocument } from "./ir.ts";

export interface ToSchemaOptions {
  /** `$id` for the emitted JSON Schema. */
  id?: string;
  /** Working directory for relative paths (default: process.cwd()). */
  cwd?: string;
}

/** Where the JSON Schema is sent; the emitted schema is linted for it. */
export type JsonSchemaTarget = Extract<Target, "responseJsonSchema" | "parametersJsonSchema">;
/** Where the legacy Schema is sent. */
export type LegacyTarget = Extract<Target, "responseSchema" | "parameters" | "response">;

export interface ToSchemaResult {
  /** Absent when any error was found: the converter never hands out a schema Gemini would reject. */
  schema?: JsonObject;
  diagnostics: Diagnostic[];
}

function toIr(
  source: TsSource,
  typeName: string,
  options: ToSchemaOptions,
): { doc?: SchemaDocument; diagnostics: Diagnostic[] } {
  const loaded = loadSource(source, options.cwd);
  if (loaded.missing)
    return { diagnostics: [error("ts.file-not-found", `no such file: ${loaded.missing}`, { file: loaded.missing })] };
  const decl = findDeclaration(loaded.files, typeName);
  if (!decl) {
    const known = declaredTypeNames(loaded.files);
    const file = loaded.files.length === 1 ? loaded.files[0]!.getFilePath() : undefined;
    return {
      diagnostics: [
        error(
          "ts.type-not-found",
          `no interface, type alias, class or enum named ${typeName}`,
          file ? { file } : {},
          known.length ? `declared here: ${known.join(", ")}` : undefined,
        ),
      ],
    };
  }
  const result = declarationToIr(decl);
  return result.doc && options.id ? { ...result, doc: { ...result.doc, id: options.id } } : result;
}

/** TypeScript type → JSON Schema for `responseJsonSchema` (or `parametersJsonSchema`). */
export function toResponseJsonSchema(
  source: TsSource,
  typeName: string,
  options: ToSchemaOptions & { target?: JsonSchemaTarget } = {},
): ToSchemaResult {
  const { doc, diagnostics } = toIr(source, typeName, options);
  if (!doc) return { diagnostics };
  const origins: OriginMap = new Map();
  return checked(emitJsonSchema(doc, origins), diagnostics, options.target ?? "responseJsonSchema", origins);
}

/** TypeScript type → legacy `responseSchema` (or a function's `parameters` / `response`). */
export function toResponseSchema(
  source: TsSource,
  typeName: string,
  options: ToSchemaOptions & { target?: LegacyTarget } = {},
): ToSchemaResult {
  const { doc, diagnostics } = toIr(source, typeName, options);
  if (!doc) return { diagnostics };
  const origins: OriginMap = new Map();
  const legacy = emitLegacy(doc, origins);
  return checked(legacy.schema, [...diagnostics, ...legacy.diagnostics], options.target ?? "responseSchema", origins);
}
