// The reference checker: what is wrong with a value against the validator schemas (packages/tools/src/generate/
// validators/validator-schemas.ts), as typed violations (./violation.ts), found by interpreting those schemas (./schema-nodes.ts,
// ./check.ts) instead of shipping ajv or generated validator code. The runtime reaches it only to build issues
// (invalid data, data to normalize, data too deep for the fast path); test/runtime/reference.test.ts holds it to ajv
// compiled at test time, violation for error and drift record for record.
import type { DriftRecord } from "../drift-record.ts";
import type { LinkedData } from "../linked.ts";
import { check, type Run } from "./check.ts";
import { includeSchemas, named } from "./schema-nodes.ts";
import type { Violation } from "./violation.ts";

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
 * Checks `value` against `root` (a resource's schema in packages/runtime/generated/validators/reference.js) in `mode`. Throws a
 * RangeError when the value is too deep.
 */
export function checkReference(root: LinkedData, mode: ReferenceMode, value: unknown): ReferenceResult {
  includeSchemas(root);
  const node = named(root.name)!;
  const run: Run = { strict: mode === "strict", violations: [], drift: [] };
  check(node, value, "", run);
  return { valid: run.violations.length === 0, violations: run.violations, drift: run.drift };
}
