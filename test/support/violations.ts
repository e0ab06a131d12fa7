// The reference checker's violations (packages/runtime/src/vocabulary/violations.ts) written as ajv writes the same
// errors — keyword, instance path, params and message — so the differential tests can hold the two to each other.
// This is the only place that knows ajv's error shapes for the validator schemas' keywords.
import type { Violation } from "../../packages/runtime/src/vocabulary/violations.ts";
import { encodeSegment } from "../../packages/runtime/src/runtime-model.ts";

export interface AjvError {
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
  message: string;
}

const error = (instancePath: string, keyword: string, params: Record<string, unknown>, message: string): AjvError => ({
  instancePath,
  keyword,
  params,
  message,
});

export function asAjvError(v: Violation): AjvError {
  switch (v.kind) {
    case "type":
      return error(v.path, "type", { type: v.type }, `must be ${v.type}`);
    case "required":
      return error(v.path, "required", { missingProperty: v.property }, `must have required property '${v.property}'`);
    case "unknown-field":
      return error(
        v.path,
        "additionalProperties",
        { additionalProperty: v.property },
        "must NOT have additional properties",
      );
    case "enum":
      return error(v.path, "enum", { allowedValues: v.values }, "must be equal to one of the allowed values");
    case "const":
      return error(v.path, "const", { allowedValue: v.value }, "must be equal to constant");
    case "pattern":
      return error(v.path, "pattern", { pattern: v.pattern }, `must match pattern "${v.pattern}"`);
    case "bytes":
      return error(v.path, "x-gemini-bytes", {}, 'must pass "x-gemini-bytes" keyword validation');
    case "minimum":
      return error(v.path, "minimum", { comparison: ">=", limit: v.limit }, `must be >= ${v.limit}`);
    case "maximum":
      return error(v.path, "maximum", { comparison: "<=", limit: v.limit }, `must be <= ${v.limit}`);
    case "oneof":
      // ajv's dependentSchemas encoding of a oneof: the present member forbids the other, reported at the other.
      return error(`${v.path}/${encodeSegment(v.other)}`, "false schema", {}, "boolean schema is false");
    case "branch":
      return error(v.path, "if", { failingKeyword: "then" }, 'must match "then" schema');
  }
}
