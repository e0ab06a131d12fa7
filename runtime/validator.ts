// The validation API behind every `validate<Name>` / `assert<Name>` / `is<Name>` / `normalize<Name>`.
//
// One precompiled validator per resource does the checking: the strict one (generated/validators/strict.js). Lenient
// mode differs from strict in exactly two ways — unknown fields and unknown enum values are accepted — so a value is
// lenient-valid exactly when every strict error is one of those two, and those errors are its drift; an `if` error
// (an Any's `then` branch failed) goes with the errors of its branch. (The lenient validators the generator also
// emits are the reference test/runtime/equivalence.test.ts holds this equivalence against.) The common case, a
// clean payload, costs one call to the standalone validator and no allocation beyond the result.
//
// Only when the strict check fails is the value normalized (snake_case keys, integer-encoded enums and the other
// spellings normalize.ts lists) and checked again; issues and drift then point at the keys as the input spelled them.
import type { ErrorObject, ValidateFunction } from "ajv";
import * as strictValidators from "../generated/validators/strict.js";
import { resourceModel } from "./model.ts";
import { normalizeResource, originalPointer } from "./normalize.ts";
import { driftFromError, errorPointer, issuesFromErrors, valueAt, type IssueContext } from "./issues.ts";
import { ValidationError, type Drift, type Issue, type Mode, type ValidationResult } from "./result.ts";
import { pointerToPath, type StandardSchemaV1, type StandardResult } from "./standard-schema.ts";

const STRICT = strictValidators as unknown as Record<string, ValidateFunction | undefined>;
const NO_DRIFT: Drift[] = [];

export interface ValidateOptions {
  /** Default: "strict" for resources users send (request bodies), "lenient" for those the API returns. */
  mode?: Mode;
}

/** The default mode of a resource: strict for what users send (request bodies), lenient for what the API returns. */
export function defaultMode(resource: string): Mode {
  return resourceModel(resource)?.mode ?? "lenient";
}

/** Validates `value` as an instance of `resource`. Never throws, whatever JSON value it is given. */
export function validateResource(resource: string, value: unknown, mode: Mode = defaultMode(resource)): ValidationResult<unknown> {
  const check = STRICT[resource];
  if (!check) throw new TypeError(`gemini-typekit: no resource named ${JSON.stringify(resource)}`);
  try {
    if (check(value)) return { ok: true, value, drift: NO_DRIFT };
    return slowPath(resource, check, value, mode);
  } catch (error) {
    if (error instanceof RangeError) {
      return { ok: false, issues: [{ pointer: "", code: "too-deep", message: `the value is nested too deeply to check (${error.message})`, spec: resource }] };
    }
    throw error;
  }
}

function slowPath(resource: string, check: ValidateFunction, input: unknown, mode: Mode): ValidationResult<unknown> {
  let errors: ErrorObject[] = [...(check.errors ?? [])];
  const normalized = normalizeResource(resource, input);
  if (normalized.value !== input) errors = check(normalized.value) ? [] : [...(check.errors ?? [])];
  const value = normalized.value;
  const ctx: IssueContext = {
    resource,
    value,
    toOriginal: value === input ? (p) => p : (p) => originalPointer(resource, input, p),
  };
  // Integers no enum value has: drift in lenient mode (kept as they are), errors in strict mode.
  const unknownNumbers = normalized.unknownEnumNumbers;
  const issues: Issue[] = [...normalized.conflicts];
  const drift: Drift[] = [];
  const driftSeen = new Set<string>(); // the same drift can come from several schemas applied to one value
  const realErrors: ErrorObject[] = [];
  // A field set under both spellings is one duplicate-field issue: the spelling left as it was is not also unknown.
  const duplicates = new Set(normalized.conflicts.map((c) => c.pointer));
  // `if` errors (a google.protobuf.Any whose "@type" names a known message) only say that the `then` branch failed;
  // that branch's own errors, at or below the same pointer, are reported beside them and tell what is wrong.
  const branches: ErrorObject[] = [];
  for (const e of errors) {
    const number = unknownNumbers.get(e.instancePath);
    if (number && (e.keyword === "type" || e.keyword === "enum")) continue;
    if (e.keyword === "if") {
      branches.push(e);
      continue;
    }
    if (e.keyword === "additionalProperties" && duplicates.size > 0 && duplicates.has(ctx.toOriginal(errorPointer(e)))) continue;
    const d = mode === "lenient" ? driftFromError(e, ctx) : undefined;
    if (!d) realErrors.push(e);
    else if (!driftSeen.has(`${d.kind} ${d.path}`)) {
      driftSeen.add(`${d.kind} ${d.path}`);
      drift.push(d);
    }
  }
  // So a failed branch whose errors were all drift is no error in lenient mode, as in the lenient validators; one
  // with a real error is already reported by it. Only a branch error with nothing under it (none is known) stays.
  for (const e of branches) {
    const under = (p: string) => p === e.instancePath || p.startsWith(`${e.instancePath}/`);
    if (!errors.some((other) => other !== e && other.keyword !== "if" && under(other.instancePath))) realErrors.push(e);
  }
  for (const [pointer, { enumName, spec }] of unknownNumbers) {
    const original = ctx.toOriginal(pointer);
    const number = valueAt(value, pointer);
    if (mode === "lenient") drift.push({ path: original, kind: "unknown-enum-value", value: number, spec });
    else
      issues.push({
        pointer: original,
        code: "unknown-enum-value",
        message: `${String(number)} is not the number of any ${enumName} value`,
        expected: `a ${enumName} value (name or proto number)`,
        received: `number ${String(number)}`,
        spec,
      });
  }
  issues.push(...issuesFromErrors(realErrors, ctx));
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, value, drift: drift.length > 0 ? drift : NO_DRIFT };
}

/**
 * Normalizes without validating (see normalize.ts). Never throws: values it cannot walk (not objects, or nested too
 * deeply for the call stack) come back unchanged.
 */
export function normalizeAs(resource: string, value: unknown): unknown {
  try {
    return normalizeResource(resource, value).value;
  } catch (error) {
    if (error instanceof RangeError) return value;
    throw error;
  }
}

// ---------------------------------------------------------------- the per-resource API

/** A validate function that is also a Standard Schema. */
export interface ValidateFn<Strict, Lenient, Default> extends StandardSchemaV1<unknown, Default> {
  (value: unknown, options: { mode: "strict" }): ValidationResult<Strict>;
  (value: unknown, options: { mode: "lenient" }): ValidationResult<Lenient>;
  (value: unknown, options?: { mode?: undefined }): ValidationResult<Default>;
  (value: unknown, options?: ValidateOptions): ValidationResult<Strict | Lenient>;
}

export interface AssertFn<Strict, Lenient, Default> {
  (value: unknown, options: { mode: "strict" }): Strict;
  (value: unknown, options: { mode: "lenient" }): Lenient;
  (value: unknown, options?: { mode?: undefined }): Default;
  (value: unknown, options?: ValidateOptions): Strict | Lenient;
}

export interface IsFn<Strict, Lenient, Default> {
  (value: unknown, options: { mode: "strict" }): value is Strict;
  (value: unknown, options: { mode: "lenient" }): value is Lenient;
  (value: unknown, options?: { mode?: undefined }): value is Default;
  (value: unknown, options?: ValidateOptions): value is Strict | Lenient;
}

export interface NormalizeFn<Lenient> {
  (value: Lenient): Lenient;
  (value: unknown): unknown;
}

/**
 * Everything one resource offers. `Strict` is the type a strict-valid value has (every enum known), `Lenient` the
 * one a lenient-valid value has (enums open), `Default` the one of the resource's default mode.
 */
export interface ResourceValidator<Strict, Lenient, Default> extends StandardSchemaV1<unknown, Default> {
  readonly name: string;
  readonly defaultMode: Mode;
  readonly validate: ValidateFn<Strict, Lenient, Default>;
  /** Returns the valid (normalized) value, or throws a ValidationError listing every issue. */
  readonly assert: AssertFn<Strict, Lenient, Default>;
  /** True when the value is valid as it is (no normalization needed): a type guard. */
  readonly is: IsFn<Strict, Lenient, Default>;
  /** snake_case keys → JSON names, integer enums → names; no validation, input never mutated. */
  readonly normalize: NormalizeFn<Lenient>;
}

export function createValidator<Strict, Lenient, Default>(name: string): ResourceValidator<Strict, Lenient, Default> {
  const mode = defaultMode(name);
  const standard: StandardSchemaV1<unknown, Default>["~standard"] = {
    version: 1,
    vendor: "gemini-typekit",
    validate(value: unknown): StandardResult<Default> {
      const result = validateResource(name, value, mode);
      return result.ok
        ? { value: result.value as Default }
        : { issues: result.issues.map((i) => ({ message: `${i.code}: ${i.message}`, path: pointerToPath(i.pointer) })) };
    },
  };
  const validate = Object.assign((value: unknown, options?: ValidateOptions) => validateResource(name, value, options?.mode ?? mode), {
    "~standard": standard,
  }) as ValidateFn<Strict, Lenient, Default>;
  const assert = ((value: unknown, options?: ValidateOptions) => {
    const result = validateResource(name, value, options?.mode ?? mode);
    if (!result.ok) throw new ValidationError(result.issues, name);
    return result.value;
  }) as AssertFn<Strict, Lenient, Default>;
  const is = ((value: unknown, options?: ValidateOptions) => {
    const result = validateResource(name, value, options?.mode ?? mode);
    return result.ok && result.value === value;
  }) as IsFn<Strict, Lenient, Default>;
  const normalize = ((value: unknown) => normalizeAs(name, value)) as NormalizeFn<Lenient>;
  return { name, defaultMode: mode, validate, assert, is, normalize, "~standard": standard };
}
