// The API's error envelope where a chunk should be: `{"error": {code, message, status, details}}`. Recorded in
// ../shared/fixtures/real: as a stream's one event (stream/js-genai-Chats_Tests_sendMessage_Send_message_stream_with_error-i0.sse,
// an HTTP 404 sent as `data: {"error": …}`), and pretty-printed after two good events, outside any `data:` field
// (vertex/stream/firebase-sdk-test-data-streaming-failure-error-mid-stream.sse, 499 CANCELLED). A lenient response
// validator would take it for a response with one unknown field, so it is told apart first and reported as the
// error it is.
import type { ErrorResponse, ErrorStatus } from "../../generated/types.ts";
import { validateErrorResponse } from "../../generated/validate.ts";
import type { Issue, ValidationResult } from "../result.ts";
import { StreamError } from "./errors.ts";

/** An object whose only key is `error`: no response has that shape, every Google API error body has. */
export function isErrorEnvelope(value: unknown): boolean {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  return keys.length === 1 && keys[0] === "error";
}

/** Checks an error envelope; the default of ParseStreamOptions.errorResponse. */
export function validateErrorEnvelope(value: unknown): ValidationResult<ErrorResponse> {
  return validateErrorResponse(value, { mode: "lenient" });
}

/** The issue that reports an API error: HTTP code, status name, message and the kinds of its details. */
export function apiErrorIssue(error: ErrorStatus): Issue {
  const head = [error.code, error.status].filter((part) => part !== undefined).join(" ");
  const said = [head, error.message].filter(Boolean).join(": ") || "no code, status or message";
  const details = error.details?.length ? ` (details: ${error.details.map(detailKind).join(", ")})` : "";
  return {
    pointer: "/error",
    code: "api-error",
    message: `the API sent an error instead of a response: ${said}${details}`,
    spec: "ErrorResponse",
  };
}

/** The issues of an error envelope that is not a valid ErrorResponse: what it is, then what is wrong with it. */
export function invalidErrorIssues(issues: readonly Issue[]): Issue[] {
  return [
    {
      pointer: "/error",
      code: "api-error",
      message: "the API sent an error body instead of a response, and it is not a valid ErrorResponse",
      spec: "ErrorResponse",
    },
    ...issues,
  ];
}

/**
 * Ends a stream at an error the API sent in place of chunk `chunk`; every chunk before it has been delivered. `error`
 * is the envelope's `error` object, validated: `code` (the HTTP status), `status`, `message` and `details`.
 */
export class ApiStreamError extends StreamError {
  override name = "ApiStreamError";
  constructor(
    chunk: number,
    offset: number,
    readonly error: ErrorStatus,
  ) {
    super(chunk, offset, [apiErrorIssue(error)]);
  }
}

/** The error that ends a stream at an error envelope: an ApiStreamError, or the envelope's own issues if it is invalid. */
export function errorEnvelopeError(
  value: unknown,
  chunk: number,
  offset: number,
  validate: (value: unknown) => ValidationResult<ErrorResponse> = validateErrorEnvelope,
): StreamError {
  const result = validate(value);
  return result.ok
    ? new ApiStreamError(chunk, offset, result.value.error)
    : new StreamError(chunk, offset, invalidErrorIssues(result.issues));
}

function detailKind(detail: unknown): string {
  const type = typeof detail === "object" && detail !== null ? (detail as Record<string, unknown>)["@type"] : undefined;
  return typeof type === "string" ? type.slice(type.lastIndexOf("/") + 1) : "a detail without @type";
}
