// The hand-written part of packages/runtime/generated/validators: strict and lenient checking on top of the standalone
// validators, with lenient mode's drift (unknown fields and enum values, recorded by the lenient validators in their
// drift sink while they check) reported. It is emitted verbatim; it
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

/** The records the lenient validators leave in the drift sink, as Drift. */
function driftOfSink(): Drift[] {
  const drift: Drift[] = [];
  const sink = lenient.driftSink;
  for (let i = 0; i + 3 < sink.length; i += 4) {
    drift.push({ path: sink[i + 1] as string, kind: sink[i] === "f" ? "unknown-field" : "unknown-enum-value", value: sink[i + 2] });
  }
  return drift;
}

export function runValidator(name: ResourceName, mode: Mode, value: unknown): ValidatorOutcome {
  const validate = validatorFor(name, mode);
  lenient.driftSink.length = 0;
  if (!validate(value)) return { valid: false, errors: [...(validate.errors ?? [])], drift: [] };
  return { valid: true, errors: [], drift: mode === "lenient" ? driftOfSink() : [] };
}
`;
