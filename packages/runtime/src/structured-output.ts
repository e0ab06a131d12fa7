// Structured output: the model was asked for JSON (`responseMimeType: "application/json"` with a
// `responseJsonSchema`), and the caller wants that JSON, checked against the schema that was sent. Three things go
// wrong in practice, and each gets its own issue: the candidate has no text, the text is not JSON (located by line
// and column), or the JSON was cut off because generation hit MAX_TOKENS. Then the value is validated against the
// schema, with located issues.
//
// The caller's schema is only known at run time; the library's own checker (response-schema/) prepares it, once per
// schema object, and needs nothing outside this package. It is imported on first use: loading it would cost every
// application that imports the package's main entry, and most never call this.
import type { GenerateContentResponse } from "../generated/types.ts";
import { normalizeAs } from "./validator.ts";
import { valueAt } from "./issues.ts";
import { describeValue } from "./vocabulary/issue-text.ts";
import type { ErrorKeyword, SchemaError } from "./response-schema/index.ts";
import type { Issue, IssueCode } from "./result.ts";

export interface StructuredOutputOptions {
  /** Which candidate to read (default 0). */
  candidate?: number;
}

export type StructuredOutputResult<T> =
  { ok: true; value: T; text: string } | { ok: false; issues: Issue[]; text?: string; finishReason?: string };

/** Node's JSON.parse messages carry a character position; turn it into line:column of the text. */
function jsonErrorWhere(text: string, error: unknown): string {
  const match = /position (\d+)/.exec(String((error as Error).message));
  if (!match) return "";
  const position = Number(match[1]);
  const before = text.slice(0, position).split("\n");
  return ` at line ${before.length}, column ${before.at(-1)!.length + 1}`;
}

/** Issue codes by the keyword that failed; the others (const, contains, uniqueItems, anyOf, unenforced, …) are invalid-value. */
const CODES: Partial<Record<ErrorKeyword, IssueCode>> = {
  type: "invalid-type",
  required: "missing-required",
  additionalProperties: "unknown-field",
  enum: "invalid-value",
  format: "invalid-format",
  pattern: "invalid-format",
  minimum: "out-of-range",
  maximum: "out-of-range",
  exclusiveMinimum: "out-of-range",
  exclusiveMaximum: "out-of-range",
  minItems: "out-of-range",
  maxItems: "out-of-range",
};

/** The pointer an error is about: for `required` and `additionalProperties`, the property, not its object. */
type Checker = typeof import("./response-schema/index.ts");

function errorPointer(e: SchemaError, { escapeSegment }: Checker): string {
  if (e.keyword === "required") return `${e.instancePath}/${escapeSegment(e.params.missingProperty)}`;
  if (e.keyword === "additionalProperties") return `${e.instancePath}/${escapeSegment(e.params.additionalProperty)}`;
  return e.instancePath;
}

function schemaIssue(e: SchemaError, value: unknown, checker: Checker): Issue {
  const pointer = errorPointer(e, checker);
  const issue: Issue = {
    pointer,
    code: CODES[e.keyword] ?? "invalid-value",
    message: `${checker.messageOf(e)} (schema ${e.schemaPath})`,
  };
  if (e.keyword !== "required" && e.keyword !== "additionalProperties")
    issue.received = describeValue(valueAt(value, pointer));
  if (e.keyword === "enum") issue.expected = `one of ${JSON.stringify(e.params.allowedValues)}`;
  if (e.keyword === "type") issue.expected = String(e.params.type);
  return issue;
}

/**
 * Parses candidate `options.candidate`'s text as JSON and validates it against `responseJsonSchema`, the schema the
 * request sent. Thought parts are skipped; the other text parts are joined, as the model streams JSON across them.
 * The schema is JSON Schema 2020-12 (response-schema/keywords.ts lists what is checked); a keyword that constrains
 * values and is not checked (`unevaluatedProperties`, `$dynamicRef`, …) gives an `invalid-value` issue where it
 * applies, so a value is never reported valid unchecked. A schema JSON Schema does not allow rejects with a TypeError.
 */
export async function parseStructuredOutput<T = unknown>(
  response: GenerateContentResponse | unknown,
  responseJsonSchema: object | boolean,
  options: StructuredOutputOptions = {},
): Promise<StructuredOutputResult<T>> {
  const index = options.candidate ?? 0;
  const body = normalizeAs("GenerateContentResponse", response) as GenerateContentResponse;
  const candidate = body?.candidates?.[index];
  const at = `/candidates/${index}`;
  if (!candidate) {
    const blocked = body?.promptFeedback?.blockReason;
    const message = blocked
      ? `no candidate: the prompt was blocked (${blocked})`
      : `the response has no candidate ${index}`;
    return {
      ok: false,
      issues: [{ pointer: at, code: "missing-required", message, spec: "GenerateContentResponse.candidates" }],
    };
  }
  const finishReason = typeof candidate.finishReason === "string" ? candidate.finishReason : undefined;
  const parts = candidate.content?.parts ?? [];
  const texts = parts.filter((p) => typeof p.text === "string" && !p.thought).map((p) => p.text as string);
  if (texts.length === 0) {
    const message = `candidate ${index} has no text${finishReason ? ` (finishReason ${finishReason})` : ""}`;
    return {
      ok: false,
      issues: [{ pointer: `${at}/content/parts`, code: "missing-required", message, spec: "Part.text" }],
      ...(finishReason ? { finishReason } : {}),
    };
  }
  const text = texts.join("");
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const truncated = finishReason === "MAX_TOKENS";
    const issue: Issue = truncated
      ? {
          pointer: `${at}/content/parts`,
          code: "truncated",
          message: `the JSON was cut off: generation stopped at MAX_TOKENS before the value ended${jsonErrorWhere(text, error)}; raise generationConfig.maxOutputTokens or ask for less`,
          spec: "Candidate.finishReason",
        }
      : {
          pointer: `${at}/content/parts`,
          code: "invalid-json",
          message: `the candidate's text is not JSON${jsonErrorWhere(text, error)}: ${(error as Error).message}${/^\s*```/.test(text) ? " (it is wrapped in a Markdown code fence: was responseMimeType set to application/json?)" : ""}`,
          received: describeValue(text),
        };
    return { ok: false, issues: [issue], text, ...(finishReason ? { finishReason } : {}) };
  }
  if (typeof responseJsonSchema === "object" && responseJsonSchema !== null) {
    const checker = await import("./response-schema/index.ts");
    const errors = checker.prepareResponseSchema(responseJsonSchema).check(value);
    if (errors.length > 0)
      return {
        ok: false,
        issues: errors.map((e) => schemaIssue(e, value, checker)),
        text,
        ...(finishReason ? { finishReason } : {}),
      };
  } else if (responseJsonSchema === false) {
    return {
      ok: false,
      issues: [{ pointer: "", code: "invalid-value", message: "the schema `false` accepts no value" }],
      text,
    };
  }
  return { ok: true, value: value as T, text };
}
