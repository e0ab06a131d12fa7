// The reference checker: the errors ajv gives for the validator schemas (packages/tools/src/generate/validators/
// schema.ts), computed by interpreting those schemas (./schema.ts, ./check.ts) instead of shipping ajv or generated
// validator code. The runtime reaches it only to build issues (invalid data, data to normalize, data too deep for the
// fast path); test/runtime/reference.test.ts holds it to ajv compiled at test time, error for error and drift record
// for record.
import type { DriftRecord } from "../drift-record.ts";
import type { LinkedData } from "../linked.ts";
import { check, type ErrorObject, type Run } from "./check.ts";
import { includeSchemas, named } from "./schema.ts";

export type { ErrorObject };

export type ReferenceMode = "strict" | "lenient";

export interface ReferenceResult {
  valid: boolean;
  /** ajv's error objects, in ajv's order (allErrors); empty when valid. */
  errors: ErrorObject[];
  /** Lenient mode: the drift this check found, in the order it found it (../drift.ts reads it). */
  drift: DriftRecord[];
}

/**
 * Checks `value` against `root` (a resource's schema in packages/runtime/generated/validators/reference.js) in `mode`. Throws a
 * RangeError when the value is too deep.
 */
export function checkReference(root: LinkedData, mode: ReferenceMode, value: unknown): ReferenceResult {
  includeSchemas(root);
  const node = named(root.name)!;
  const run: Run = { strict: mode === "strict", errors: [], drift: [] };
  check(node, value, "", run);
  return { valid: run.errors.length === 0, errors: run.errors, drift: run.drift };
}
