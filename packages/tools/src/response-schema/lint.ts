// lintSchema: check a schema (or a whole GenerationConfig) from any source against what Gemini accepts for the
// field it is sent in. Each finding is a Diagnostic: code = rule id, location.pointer = where, severity error = Gemini
// rejects it, warning = Gemini accepts and ignores it or the evidence conflicts, hint = how to fix.
import { error, type Diagnostic } from "../diagnostics.ts";
import { isObject, type Json, type JsonObject } from "./json-schema-types.ts";
import { lintDocument, type LintDocument } from "./rules/context.ts";
import { configSchemas, isGenerationConfig } from "./rules/generation-config.ts";
import { RULE_DEFINITIONS } from "./rules/index.ts";
import {
  appliesTo,
  DIALECT_TARGET,
  runRule,
  TARGET_DIALECT,
  type Dialect,
  type RuleScope,
  type Target,
} from "./rules/rule.ts";

export type { Dialect, Target } from "./rules/rule.ts";
export { RULE_DEFINITIONS } from "./rules/index.ts";

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
  return RULE_DEFINITIONS.filter((r) => appliesTo(r, scope, doc.dialect, doc.target)).flatMap((r) => runRule(r, doc));
}

/** Lint one schema sent in `target`, found at `base` inside the linted value. */
export function lintSchemaAt(root: Json, base: string, target: Target, file?: string): Diagnostic[] {
  return runRules(lintDocument(root, base, TARGET_DIALECT[target], target, file), "schema");
}

/** Lint a GenerationConfig found at `base`: the config rules, then every schema in it for its own target. */
export function lintGenerationConfigAt(config: JsonObject, base: string, file?: string): Diagnostic[] {
  const doc: LintDocument = {
    dialect: "responseJsonSchema",
    target: "responseJsonSchema",
    root: config,
    base,
    subschemas: [],
    ...(file ? { file } : {}),
  };
  return [
    ...runRules(doc, "generationConfig"),
    ...configSchemas(config, base).flatMap((s) => lintSchemaAt(s.root, s.pointer, s.target, file)),
  ];
}

const pointerOf = (d: Diagnostic) => d.location.pointer ?? "";
export const byPointer = (a: Diagnostic, b: Diagnostic) =>
  pointerOf(a) < pointerOf(b) ? -1 : pointerOf(a) > pointerOf(b) ? 1 : 0;

export function lintSchema(value: unknown, options: LintOptions = {}): Diagnostic[] {
  if (isGenerationConfig(value)) return lintGenerationConfigAt(value, "", options.file).sort(byPointer);
  if (!isObject(value))
    return [
      error("schema.not-object", "a schema must be a JSON object", {
        ...(options.file ? { file: options.file } : {}),
        pointer: "",
      }),
    ];
  const target = options.target ?? DIALECT_TARGET[options.dialect ?? "responseJsonSchema"];
  return lintSchemaAt(value, "", target, options.file).sort(byPointer);
}
