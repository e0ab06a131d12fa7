// The shapes every validation in gemini-typekit returns: issues (what is wrong, where, and which spec field says
// so), drift (what lenient mode accepted although the spec does not know it), and the result that carries either.

/** Stable issue codes: tools may switch on them; messages may change wording. */
export type IssueCode =
  | "invalid-type"
  | "missing-required"
  | "unknown-field"
  /** A non-empty object none of whose keys is a field of the resource: likely another resource or API. */
  | "no-known-field"
  | "unknown-enum-value"
  | "invalid-format"
  | "oneof-conflict"
  | "duplicate-field"
  | "out-of-range"
  | "invalid-value"
  | "too-deep"
  | "invalid-json"
  | "truncated"
  | "stream-framing"
  | "stream-consistency"
  /** The API's error envelope (`{"error": …}`) where a response or stream chunk belongs. */
  | "api-error";

export interface Issue {
  /** JSON Pointer of the offending value, with the keys as the input spelled them (snake_case stays snake_case). */
  pointer: string;
  code: IssueCode;
  /** One readable sentence. */
  message: string;
  /** What the spec wants there, e.g. `string (int64 as a decimal string)`. */
  expected?: string;
  /** What the input has there, e.g. `number 12`. */
  received?: string;
  /** The spec field that decides, as `Resource.field` (e.g. `Candidate.finishReason`), or the resource name. */
  spec?: string;
  /** For streams: the chunk's index (from 0) and the byte offset where it starts. */
  chunk?: number;
  offset?: number;
}

/** What drift is: a field the spec does not know, or an enum value it does not know. */
export const DriftKind = {
  UnknownField: "unknown-field",
  UnknownEnumValue: "unknown-enum-value",
} as const;
export type DriftKind = (typeof DriftKind)[keyof typeof DriftKind];

/** Something accepted in lenient mode although the spec does not know it. The value is kept untouched. */
export interface Drift {
  /** JSON Pointer of the unknown field or enum value. */
  path: string;
  kind: DriftKind;
  value: unknown;
  /** The resource (unknown field) or `Resource.field` (unknown enum value) where it was found. */
  spec?: string;
}

export type ValidationResult<T> = { ok: true; value: T; drift: Drift[] } | { ok: false; issues: Issue[] };

export type Mode = "strict" | "lenient";

/** Thrown by `assert<Name>`: the message lists every issue, and `issues` has them as data. */
export class ValidationError extends Error {
  override name = "ValidationError";
  constructor(
    readonly issues: readonly Issue[],
    readonly subject = "value",
  ) {
    super(
      `${subject} is invalid (${issues.length} issue${issues.length === 1 ? "" : "s"}):\n${issues.map(formatIssue).join("\n")}`,
    );
  }
}

/** `  /candidates/0/finishReason: unknown-enum-value — … (Candidate.finishReason; expected …, received …)` */
export function formatIssue(issue: Issue): string {
  const where = [
    issue.chunk !== undefined ? `chunk ${issue.chunk}${issue.offset !== undefined ? ` @${issue.offset}` : ""}` : "",
    issue.pointer || "/",
  ]
    .filter(Boolean)
    .join(" ");
  const extra = [
    issue.spec,
    issue.expected && `expected ${issue.expected}`,
    issue.received && `received ${issue.received}`,
  ]
    .filter(Boolean)
    .join("; ");
  return `  ${where}: ${issue.code} — ${issue.message}${extra ? ` (${extra})` : ""}`;
}
