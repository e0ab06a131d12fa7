// What the reference checker finds wrong, as typed data: the violations of every keyword family, each with exactly
// what the issue about it needs. ./issues.ts turns each into an issue through the families' builders; nothing reads a
// schema path or an error message back. The tests' ajv oracle reports the same findings as ajv error objects;
// test/support/violations.ts writes a violation in that form to compare the two.
import type { AnyTypeViolation } from "./any-types.ts";
import type { TypeViolation } from "./json-types.ts";
import type { ObjectViolation } from "./objects.ts";
import type { RangeViolation } from "./scalars.ts";
import type { StringViolation } from "./strings.ts";

export type Violation = TypeViolation | RangeViolation | StringViolation | ObjectViolation | AnyTypeViolation;

export type ViolationKind = Violation["kind"];
