// What the reference checker finds wrong, as typed data: one kind per validation keyword of the validator schemas,
// with exactly what the issue about it needs. issues.ts turns each into an issue through a table with a builder per
// kind; nothing reads a schema path or an error message back. The tests' ajv oracle reports the same findings as
// ajv error objects; test/support/violations.ts writes a violation in that form to compare the two.

export type Violation =
  /** The value is not of the schema's JSON type. */
  | { kind: "type"; path: string; type: string }
  /** An object lacks a required property (`path` is the object's). */
  | { kind: "required"; path: string; property: string }
  /** Strict mode: an object has a property its resource does not declare (`path` is the object's). */
  | { kind: "unknown-field"; path: string; property: string }
  /** Strict mode: a string outside the enum's values. */
  | { kind: "enum"; path: string; values: readonly string[] }
  /** A string other than the one value allowed. */
  | { kind: "const"; path: string; value: string }
  /** A string the format's pattern does not match. */
  | { kind: "pattern"; path: string; pattern: string }
  /** A bytes field that is not base64. */
  | { kind: "bytes"; path: string }
  /** A number below the minimum or above the maximum. */
  | { kind: "minimum" | "maximum"; path: string; limit: number }
  /** An object sets `member` and `other`, two members of one oneof (`path` is the object's). */
  | { kind: "oneof"; path: string; member: string; other: string }
  | /** A google.protobuf.Any whose "@type" names a known message that is not valid as that message (branch `index`). */
    { kind: "branch"; path: string; index: number };

export type ViolationKind = Violation["kind"];
