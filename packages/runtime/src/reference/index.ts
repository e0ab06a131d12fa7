// The reference checker: what is wrong with a value against the validator schemas (packages/tools/src/generate/
// validators/validator-schemas.ts), as typed violations (../vocabulary/violations.ts), found by interpreting those
// schemas with the keyword families' checks (../vocabulary/, dispatched by ./check.ts) instead of shipping ajv or
// generated validator code. The runtime reaches it only to build issues (invalid data, data to normalize, data too
// deep for the fast path); test/runtime/reference.test.ts holds it to ajv compiled at test time, violation for error
// and drift record for record.
import type { DriftRecord } from "../drift-record.ts";
import type { LinkedData } from "../linked.ts";
import type { Violation } from "../vocabulary/violations.ts";
import { startRun } from "./check.ts";
import { includeSchemas, named } from "./registry.ts";

export type { Violation };

export type ReferenceMode = "strict" | "lenient";

export interface ReferenceResult {
  valid: boolean;
  /** Every violation, in the order ajv reports the same errors (allErrors); empty when valid. */
  violations: Violation[];
  /** Lenient mode: the drift this check found, in the order it found it (../drift.ts reads it). */
  drift: DriftRecord[];
}

/**
 * Checks `value` against `root` (a resource's schema in packages/runtime/generated/validators/reference.js) in `mode`.
 * Throws a RangeError when the value is too deep.
 */
export function checkReference(root: LinkedData, mode: ReferenceMode, value: unknown): ReferenceResult {
  includeSchemas(root);
  const run = startRun(mode === "strict");
  run.check(named(root.name)!, value, "");
  return { valid: run.violations.length === 0, violations: run.violations, drift: run.drift };
}
