// JSON Schema for each wire type of the spec (see spec/README.md's type table). One entry per type, in a typed
// table, so a new type cannot be added to the spec without saying how it is validated.
import type { ScalarType } from "../spec/layers.ts";

export type JsonSchema = Record<string, unknown> | boolean;

const TWO_DIGITS = "[0-9]{2}";
/** RFC 3339 date-time as protobuf's JSON mapping writes it: up to 9 fractional digits, Z or an offset. */
export const TIMESTAMP_PATTERN = `^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])T([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)(\\.[0-9]{1,9})?(Z|[+-]${TWO_DIGITS}:${TWO_DIGITS})$`;
export const DURATION_PATTERN = "^-?[0-9]+(\\.[0-9]{1,9})?s$";
/** Base64, standard or URL-safe alphabet, padding optional: what protobuf JSON parsers accept. */
export const BASE64_PATTERN = "^[A-Za-z0-9+/_-]*={0,2}$";
/** Decimal int64; 19 digits at most is a cheap range check (the exact bound needs arithmetic). */
export const INT64_PATTERN = "^-?[0-9]{1,19}$";
export const UINT64_PATTERN = "^[0-9]{1,20}$";

export const SCALAR_SCHEMAS: Record<ScalarType, JsonSchema> = {
  string: { type: "string" },
  boolean: { type: "boolean" },
  int32: { type: "integer", minimum: -2147483648, maximum: 2147483647 },
  uint32: { type: "integer", minimum: 0, maximum: 4294967295 },
  int64: { type: "string", pattern: INT64_PATTERN },
  uint64: { type: "string", pattern: UINT64_PATTERN },
  float: { type: "number" },
  double: { type: "number" },
  bytes: { type: "string", pattern: BASE64_PATTERN, contentEncoding: "base64" },
  timestamp: { type: "string", pattern: TIMESTAMP_PATTERN },
  duration: { type: "string", pattern: DURATION_PATTERN },
  fieldMask: { type: "string" },
  value: true,
  struct: { type: "object" },
};
