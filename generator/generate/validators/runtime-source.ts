// The hand-written part of generated/validators: strict and lenient checking on top of the standalone
// validators, with lenient mode's drift (unknown fields and enum values) reported. It is emitted verbatim; it
// imports only the generated modules beside it and ajv's types.
export const RUNTIME_SOURCE = `import type { ErrorObject, ValidateFunction } from "ajv";
import * as strict from "./strict.js";
import * as lenient from "./lenient.js";
import type { ResourceName } from "./names.js";

export { RESOURCE_NAMES, type ResourceName } from "./names.js";

export type Mode = "strict" | "lenient";

/** Something the spec does not know yet, accepted in lenient mode. */
export interface Drift {
  /** JSON Pointer of the unknown field or enum value. */
  path: string;
  kind: "unknown-field" | "unknown-enum-value";
  value: unknown;
}

export interface ValidatorOutcome {
  valid: boolean;
  /** Every error (ajv runs with allErrors); empty when valid. */
  errors: ErrorObject[];
  /** Lenient mode only: what was accepted although the spec does not know it. */
  drift: Drift[];
}

const STRICT = strict as unknown as Record<ResourceName, ValidateFunction>;
const LENIENT = lenient as unknown as Record<ResourceName, ValidateFunction>;

export function validatorFor(name: ResourceName, mode: Mode): ValidateFunction {
  return (mode === "strict" ? STRICT : LENIENT)[name];
}

function escape(segment: string): string {
  return segment.replace(/~/g, "~0").replace(/\\//g, "~1");
}

function valueAt(root: unknown, pointer: string): unknown {
  let node = root;
  for (const raw of pointer.split("/").slice(1)) {
    const key = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    node = node !== null && typeof node === "object" ? (node as Record<string, unknown>)[key] : undefined;
  }
  return node;
}

/** Strict errors of a lenient-valid value can only be drift: classify them. */
function driftOf(errors: readonly ErrorObject[], value: unknown): Drift[] {
  const drift: Drift[] = [];
  for (const e of errors) {
    if (e.keyword === "additionalProperties") {
      const path = \`\${e.instancePath}/\${escape(String((e.params as { additionalProperty: string }).additionalProperty))}\`;
      drift.push({ path, kind: "unknown-field", value: valueAt(value, path) });
    } else if (e.keyword === "enum") {
      drift.push({ path: e.instancePath, kind: "unknown-enum-value", value: valueAt(value, e.instancePath) });
    }
  }
  return drift;
}

export function runValidator(name: ResourceName, mode: Mode, value: unknown): ValidatorOutcome {
  const validate = validatorFor(name, mode);
  if (!validate(value)) return { valid: false, errors: [...(validate.errors ?? [])], drift: [] };
  if (mode === "strict") return { valid: true, errors: [], drift: [] };
  const check = STRICT[name];
  return { valid: true, errors: [], drift: check(value) ? [] : driftOf(check.errors ?? [], value) };
}
`;
