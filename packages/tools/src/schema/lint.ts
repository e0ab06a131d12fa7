// lintSchema: check a schema (or a whole GenerationConfig) from any source against what Gemini accepts for the
// field it is sent in. Each finding is a Diagnostic: code = rule id, location.pointer = where, severity error = Gemini
// rejects it, warning = Gemini accepts and ignores it or the evidence conflicts, hint = how to fix.
import { error, type Diagnostic } from "../diagnostics.ts";
import { isObject, type Json } from "./json-schema-types.ts";
import { lintDocument, type LintDocument, type Rule } from "./rules/context.ts";
import { cycleRule } from "./rules/cycles.ts";
import { checkGenerationConfig, isGenerationConfig } from "./rules/generation-config.ts";
import { RULE_DEFINITIONS } from "./rules/index.ts";
import { jsonKeywords, legacyFields } from "./rules/keywords.ts";
import { refRules } from "./rules/refs.ts";
import { appliesTo, DIALECT_TARGET, runRule, TARGET_DIALECT, type Dialect, type RuleScope, type Target } from "./rules/rule.ts";
import { constRule, enumValues, typeNames } from "./rules/values.ts";

export type { Dialect, Target } from "./rules/rule.ts";
export { RULE_DEFINITIONS } from "./rules/index.ts";

/** @deprecated rules not yet moved to RuleDefinition. */
export const RULES: readonly Rule[] = [jsonKeywords, legacyFields, refRules, cycleRule, enumValues, constRule, typeNames];

export interface LintOptions {
  /** The field a bare schema is sent in (default: from `dialect`). In a GenerationConfig the key decides. */
  target?: Target;
  /** Dialect of a bare schema (default responseJsonSchema); kept for compatibility, `target` wins. */
  dialect?: Dialect;
  /** File name to put in findings. */
  file?: string;
}

/** Run every rule of a scope that applies to the document's dialect and target. */
export function runRules(doc: LintDocument, scope: RuleScope): Diagnostic[] {
  const out = RULE_DEFINITIONS.filter((r) => appliesTo(r, scope, doc.dialect, doc.target)).flatMap((r) => runRule(r, doc));
  if (scope === "schema") out.push(...RULES.filter((r) => r.dialects.includes(doc.dialect)).flatMap((r) => r.check(doc)));
  return out;
}

/** Lint one schema sent in `target`, found at `base` inside the linted value. */
export function lintSchemaAt(root: Json, base: string, target: Target, file?: string): Diagnostic[] {
  return runRules(lintDocument(root, base, TARGET_DIALECT[target], target, file), "schema");
}

const byPointer = (a: Diagnostic, b: Diagnostic) => ((a.location.pointer ?? "") < (b.location.pointer ?? "") ? -1 : (a.location.pointer ?? "") > (b.location.pointer ?? "") ? 1 : 0);

export function lintSchema(value: unknown, options: LintOptions = {}): Diagnostic[] {
  if (isGenerationConfig(value)) {
    const out = checkGenerationConfig(value, options.file);
    if (value.responseSchema !== undefined) out.push(...lintSchemaAt(value.responseSchema, "/responseSchema", "responseSchema", options.file));
    for (const key of ["responseJsonSchema", "_responseJsonSchema"])
      if (value[key] !== undefined) out.push(...lintSchemaAt(value[key], `/${key}`, "responseJsonSchema", options.file));
    return out.sort(byPointer);
  }
  if (!isObject(value)) return [error("schema.not-object", "a schema must be a JSON object", { ...(options.file ? { file: options.file } : {}), pointer: "" })];
  const target = options.target ?? DIALECT_TARGET[options.dialect ?? "responseJsonSchema"];
  return lintSchemaAt(value, "", target, options.file).sort(byPointer);
}
