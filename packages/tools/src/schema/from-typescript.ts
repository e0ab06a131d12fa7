// The TypeScript front door: find the named type in a file, Project or code text, convert it to IR, emit a dialect.
import { error, type Diagnostic } from "../diagnostics.ts";
import { emitJsonSchema } from "./emit-json-schema.ts";
import { emitLegacy } from "./emit-legacy.ts";
import type { JsonObject } from "./json-schema-types.ts";
import { declarationToIr } from "./ts-to-ir.ts";
import { declaredTypeNames, findDeclaration, loadSource, type TsSource } from "./ts-source.ts";
import type { SchemaDocument } from "./ir.ts";

export interface ToSchemaOptions {
  /** `$id` for the emitted JSON Schema. */
  id?: string;
  /** Working directory for relative paths (default: process.cwd()). */
  cwd?: string;
}

export interface ToSchemaResult {
  /** Absent when any error was found: the converter never hands out a schema Gemini would reject. */
  schema?: JsonObject;
  diagnostics: Diagnostic[];
}

function toIr(source: TsSource, typeName: string, options: ToSchemaOptions): { doc?: SchemaDocument; diagnostics: Diagnostic[] } {
  const loaded = loadSource(source, options.cwd);
  if (loaded.missing) return { diagnostics: [error("ts.file-not-found", `no such file: ${loaded.missing}`, { file: loaded.missing })] };
  const decl = findDeclaration(loaded.files, typeName);
  if (!decl) {
    const known = declaredTypeNames(loaded.files);
    const file = loaded.files.length === 1 ? loaded.files[0]!.getFilePath() : undefined;
    return {
      diagnostics: [
        error("ts.type-not-found", `no interface, type alias, class or enum named ${typeName}`, file ? { file } : {}, known.length ? `declared here: ${known.join(", ")}` : undefined),
      ],
    };
  }
  const result = declarationToIr(decl);
  return result.doc && options.id ? { ...result, doc: { ...result.doc, id: options.id } } : result;
}

/** TypeScript type → JSON Schema for `responseJsonSchema`. */
export function toResponseJsonSchema(source: TsSource, typeName: string, options: ToSchemaOptions = {}): ToSchemaResult {
  const { doc, diagnostics } = toIr(source, typeName, options);
  return doc ? { schema: emitJsonSchema(doc), diagnostics } : { diagnostics };
}

/** TypeScript type → legacy `responseSchema`. */
export function toResponseSchema(source: TsSource, typeName: string, options: ToSchemaOptions = {}): ToSchemaResult {
  const { doc, diagnostics } = toIr(source, typeName, options);
  if (!doc) return { diagnostics };
  const legacy = emitLegacy(doc);
  return legacy.schema ? { schema: legacy.schema, diagnostics: [...diagnostics, ...legacy.diagnostics] } : { diagnostics: [...diagnostics, ...legacy.diagnostics] };
}
