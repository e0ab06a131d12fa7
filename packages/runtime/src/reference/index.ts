// The reference checker: the errors the ajv standalone validators (generated/validators/strict.js, lenient.js) give,
// computed by interpreting their schemas (./schema.ts, ./check.ts) instead of importing 1.5 MiB of generated code at
// start-up. The runtime reaches it only to build issues (invalid data, data to normalize, data too deep for the fast
// path); test/runtime/reference.test.ts holds it to the ajv modules, error for error and drift record for record.
import type { ErrorObject } from "ajv";
import { RESOURCE_NAMES } from "../../generated/validators/names.ts";
import { check, type Run } from "./check.ts";
import { named } from "./schema.ts";

export type ReferenceMode = "strict" | "lenient";

export interface ReferenceResult {
  valid: boolean;
  /** ajv's error objects, in ajv's order (allErrors); empty when valid. */
  errors: ErrorObject[];
}

/**
 * Lenient drift of the last check, in the format of lenient.js's `driftSink` (runtime/drift.ts reads it): kind ("f"
 * unknown field, "e" unknown enum value), instance path, value, resource or enum — four entries per record. Cleared by
 * every check.
 */
export const driftSink: unknown[] = [];

let resources: ReadonlySet<string> | undefined;

/** Whether `name` is a resource the validators check (enums and any types are reached only through resources). */
export function isReferenceResource(name: string): boolean {
  return (resources ??= new Set<string>(RESOURCE_NAMES)).has(name);
}

/** Checks `value` as `resource` in `mode`. Throws a TypeError for an unknown resource, a RangeError when too deep. */
export function checkReference(resource: string, mode: ReferenceMode, value: unknown): ReferenceResult {
  const node = isReferenceResource(resource) ? named(resource) : undefined;
  if (node === undefined) throw new TypeError(`gemini-typekit: no resource named ${JSON.stringify(resource)}`);
  driftSink.length = 0;
  const run: Run = { strict: mode === "strict", errors: [], sink: driftSink };
  check(node, value, "", run);
  return { valid: run.errors.length === 0, errors: run.errors };
}
