// One call for whatever came back from an API call: a success body of the expected resource, or the API's error
// envelope (`{ "error": { code, message, status, details } }`), each validated as what it is. Without the HTTP
// status, a body is an error body when `error` is its only key and the expected resource has no field of that name.
import type { ErrorResponse } from "../generated/types.ts";
import { validators, type ValidatedResourceName } from "../generated/validate.ts";
import type { Drift, Issue, Mode } from "./result.ts";
import type { ResourceValidator } from "./validator.ts";
import { includeModel, resourceModel } from "./runtime-model.ts";
import { resourceByName } from "./resources.ts";

/** The type a resource's validator gives in its default mode. */
export type Validated<R extends ValidatedResourceName> =
  (typeof validators)[R] extends ResourceValidator<unknown, unknown, infer D> ? D : never;

export type ApiResponseResult<T> =
  | { ok: true; kind: "success"; value: T; drift: Drift[] }
  | { ok: true; kind: "error"; error: ErrorResponse; drift: Drift[] }
  | { ok: false; kind: "success" | "error"; issues: Issue[] };

export interface ApiResponseOptions {
  mode?: Mode;
  /** The HTTP status, when known: 400 and above means an error body. */
  httpStatus?: number;
}

function looksLikeError(resource: string, body: unknown): boolean {
  if (body === null || typeof body !== "object" || Array.isArray(body)) return false;
  const keys = Object.keys(body);
  return keys.length === 1 && keys[0] === "error" && !declaresError(resource);
}

/** Whether the resource has a field named `error` itself. */
function declaresError(resource: string): boolean {
  const definition = resourceByName(resource);
  if (definition) includeModel(definition.model);
  return resourceModel(resource)?.fields["error"] !== undefined;
}

export function validateApiResponse<R extends ValidatedResourceName>(
  resource: R,
  body: unknown,
  options: ApiResponseOptions = {},
): ApiResponseResult<Validated<R>> {
  const isError = options.httpStatus !== undefined ? options.httpStatus >= 400 : looksLikeError(resource, body);
  // What the API sends: one value where a list belongs is invalid there (only requests may be written that way).
  const check = { ...(options.mode ? { mode: options.mode } : {}), side: "response" as const };
  if (isError) {
    const result = validators.ErrorResponse.validate(body, check);
    return result.ok
      ? { ok: true, kind: "error", error: result.value as ErrorResponse, drift: result.drift }
      : { ok: false, kind: "error", issues: result.issues };
  }
  const result = (validators[resource] as ResourceValidator<unknown, unknown, unknown>).validate(body, check);
  return result.ok
    ? { ok: true, kind: "success", value: result.value as Validated<R>, drift: result.drift }
    : { ok: false, kind: "success", issues: result.issues };
}
