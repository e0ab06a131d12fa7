// What a lint rule is: an id, where it applies (dialect and target), how bad a finding is, what it finds, and the
// evidence that Gemini behaves that way. The rules page (docs/lint-rules.md) is generated from these definitions.
import type { Diagnostic } from "../../diagnostics.ts";
import type { LintDocument } from "./context.ts";

/** JSON Schema subset (`responseJsonSchema`, `parametersJsonSchema`) vs the legacy OpenAPI-ish `Schema` message. */
export type Dialect = "responseJsonSchema" | "responseSchema";

/** The request field a schema is sent in; each field has its own rules on top of its dialect's. */
export type Target = "responseJsonSchema" | "responseSchema" | "parametersJsonSchema" | "parameters" | "response";

export const TARGETS: readonly Target[] = [
  "responseJsonSchema",
  "responseSchema",
  "parametersJsonSchema",
  "parameters",
  "response",
];

/** `parameters` and `response` of a FunctionDeclaration are the legacy `Schema` message, like `responseSchema`. */
export const TARGET_DIALECT: Record<Target, Dialect> = {
  responseJsonSchema: "responseJsonSchema",
  parametersJsonSchema: "responseJsonSchema",
  responseSchema: "responseSchema",
  parameters: "responseSchema",
  response: "responseSchema",
};

/** The target a bare schema is linted for when only its dialect is known. */
export const DIALECT_TARGET: Record<Dialect, Target> = {
  responseJsonSchema: "responseJsonSchema",
  responseSchema: "responseSchema",
};

export type Evidence =
  /** A 400 the API returned, its message quoted exactly as published, and where (issue/PR URL). */
  | { kind: "error-message"; message: string; source: string; model?: string }
  /** Payloads the API answered 200, in ../shared/fixtures/real (paths relative to it) or a public thread. */
  | { kind: "accepted"; files?: string[]; source?: string; what: string }
  /** A sentence of Google's reference (API reference page, Discovery description, docs), quoted, with where. */
  | { kind: "reference"; quote: string; source: string };

/** Report one finding of the running rule: where (absolute JSON Pointer), what, and how to fix it. */
export type Report = (pointer: string, message: string, hint?: string) => void;

/**
 * What a rule looks at. "schema" rules (the default) run on every schema linted for one of their targets;
 * "generationConfig" rules run on a GenerationConfig object (doc.root is the config, doc.subschemas is empty);
 * "request" rules run on a whole request (lintRequest).
 */
export type RuleScope = "schema" | "generationConfig" | "request";

export interface RuleDefinition {
  /** e.g. "legacy.enum-empty-value"; prefix schema.* (JSON dialect), legacy.*, config.*, function.*, request.* */
  id: string;
  /** error = the API rejects it (observed, or stated as a rejection); warning = accepted and ignored, or the
   * evidence conflicts (then `conflict` says how). */
  severity: "error" | "warning";
  dialects: readonly Dialect[];
  targets: readonly Target[];
  /** One sentence in our own words: what the rule finds. */
  summary: string;
  /** At least one. */
  evidence: readonly Evidence[];
  /** When the evidence disagrees, or is missing: how (then severity is warning). */
  conflict?: string;
  /** Default "schema". */
  scope?: RuleScope;
  check(doc: LintDocument, report: Report): void;
}

/** Whether a rule runs on a document of this scope, dialect and target (config and request rules run on every
 * config or request: their dialects and targets say which schemas they concern, for the rules page). */
export function appliesTo(rule: RuleDefinition, scope: RuleScope, dialect: Dialect, target: Target): boolean {
  if ((rule.scope ?? "schema") !== scope) return false;
  return scope !== "schema" || (rule.dialects.includes(dialect) && rule.targets.includes(target));
}

/** Run one rule on one document; every report becomes a Diagnostic with the rule's id and severity. */
export function runRule(rule: RuleDefinition, doc: LintDocument): Diagnostic[] {
  const out: Diagnostic[] = [];
  rule.check(doc, (pointer, message, hint) => {
    const location = { ...(doc.file ? { file: doc.file } : {}), pointer };
    out.push(
      hint === undefined
        ? { code: rule.id, severity: rule.severity, message, location }
        : { code: rule.id, severity: rule.severity, message, location, hint },
    );
  });
  return out;
}

/** Every target of a dialect, for rules that hold wherever that dialect is sent. */
export const targetsOf = (...dialects: Dialect[]): Target[] =>
  TARGETS.filter((t) => dialects.includes(TARGET_DIALECT[t]));
