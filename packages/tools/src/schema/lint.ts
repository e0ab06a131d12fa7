// lintSchema: check a response schema (or a whole GenerationConfig) from any source against what Gemini accepts.
// Each finding is a Diagnostic: code = rule id, location.pointer = where, severity error = Gemini rejects it,
// warning = Gemini ignores it (so the model may return more than the schema says), hint = how to fix.
import { error, type Diagnostic } from "../diagnostics.ts";
import { isObject, type Json } from "./json-schema-types.ts";
import { collectSubschemas, type Dialect, type LintDocument, type Rule } from "./rules/context.ts";
import { cycleRule } from "./rules/cycles.ts";
import { checkGenerationConfig, isGenerationConfig } from "./rules/generation-config.ts";
import { jsonKeywords, legacyFields } from "./rules/keywords.ts";
import { refRules } from "./rules/refs.ts";
import { constRule, enumValues, typeNames } from "./rules/values.ts";

export type { Dialect } from "./rules/context.ts";

export const RULES: readonly Rule[] = [jsonKeywords, legacyFields, refRules, cycleRule, enumValues, constRule, typeNames];

export interface LintOptions {
  /** Dialect of a bare schema (default responseJsonSchema). In a GenerationConfig the key decides. */
  dialect?: Dialect;
  /** File name to put in findings. */
  file?: string;
}

function lintDocument(root: Json, base: string, dialect: Dialect, file?: string): Diagnostic[] {
  const doc: LintDocument = { dialect, root, base, subschemas: collectSubschemas(root, base, dialect), ...(file ? { file } : {}) };
  return RULES.filter((r) => r.dialects.includes(dialect)).flatMap((r) => r.check(doc));
}

const byPointer = (a: Diagnostic, b: Diagnostic) => ((a.location.pointer ?? "") < (b.location.pointer ?? "") ? -1 : (a.location.pointer ?? "") > (b.location.pointer ?? "") ? 1 : 0);

export function lintSchema(value: unknown, options: LintOptions = {}): Diagnostic[] {
  if (isGenerationConfig(value)) {
    const out = checkGenerationConfig(value, options.file);
    if (value.responseSchema !== undefined) out.push(...lintDocument(value.responseSchema, "/responseSchema", "responseSchema", options.file));
    for (const key of ["responseJsonSchema", "_responseJsonSchema"])
      if (value[key] !== undefined) out.push(...lintDocument(value[key], `/${key}`, "responseJsonSchema", options.file));
    return out.sort(byPointer);
  }
  if (!isObject(value)) return [error("schema.not-object", "a response schema must be a JSON object", { ...(options.file ? { file: options.file } : {}), pointer: "" })];
  return lintDocument(value, "", options.dialect ?? "responseJsonSchema", options.file).sort(byPointer);
}
