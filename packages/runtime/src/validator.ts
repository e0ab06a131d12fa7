// The validation API behind every `validate<Name>` / `assert<Name>` / `is<Name>` / `normalize<Name>`.
//
// First, a generated fast-path checker (packages/runtime/generated/validators/fast.js) gives the verdict: valid, valid with drift
// (lenient mode; the drift recorded as it is reported), spelled otherwise (lenient mode: a snake_case key, an enum
// name in another case), or invalid. Valid data returns at once, with its drift.
//
// Anything else is first asked whether it is an instance of the resource at all (no-known-field.ts): a non-empty
// object none of whose keys the resource knows is one issue, in both modes, not a pass with every key as drift.
//
// Otherwise the value is normalized (see normalize.ts) and checked by the reference checker (reference/: ajv's errors,
// as ajv would give them for the same schemas, without loading ajv), which builds the issues; issues and drift then point at the keys as the input spelled them. Only a value nested too deeply for the
// fast path goes to the reference as it is first.
//
// A validator holds its resource's parts (resources.ts): the checker, and the schema and model entries that bring in
// what it reaches, included on the first value the fast path does not settle.
import { checkReference, type Violation } from "./reference/index.ts";
import { driftFromRecords, identity, NO_PATHS, hasOtherSpellings } from "./drift.ts";
import { Verdict, type DriftSink } from "./fast-path/verdict.ts";
import { includeModel } from "./runtime-model.ts";
import { defaultSide, normalizeResource, originalPointer, type WireSide } from "./normalize.ts";
import { noKnownField } from "./no-known-field.ts";
import { issuesFromViolations, valueAt, violationPointer, type IssueContext } from "./issues.ts";
import { resourceByName, type FastCheck, type ResourceDefinition } from "./resources.ts";
import { ValidationError, type Drift, type Issue, type Mode, type ValidationResult } from "./result.ts";
import { pointerToPath, type StandardSchemaV1, type StandardResult } from "./standard-schema.ts";

const NO_DRIFT: Drift[] = [];
/**
 * The sink every fast-path call is given, read at once after the call: a ValidWithDrift answer puts a new array in it
 * (byReference keeps that array, not the sink), so no validation sees another's drift. Private, and one object less
 * to allocate per validation.
 */
const FAST_SINK: DriftSink = { drift: NO_DRIFT };
/** The fast path could not answer (the value is nested too deeply for it): the reference decides. */
const NO_VERDICT = -1;

export interface ValidateOptions {
  /** Default: "strict" for resources users send (request bodies), "lenient" for those the API returns. */
  mode?: Mode;
  /**
   * Which side of the wire the value travels. Only what users send may give one value where a list belongs (the API
   * reads it as a list of one); a response that does is invalid. Default: the resource's side, "request" for
   * resources on both sides.
   */
  side?: WireSide;
}

/** The default mode of a resource: strict for what users send (request bodies), lenient for what the API returns. */
export function defaultMode(resource: string): Mode {
  return resourceByName(resource)?.mode ?? "lenient";
}

/**
 * Validates `value` as an instance of `resource`, on `side` (default: the resource's; see ValidateOptions). Never
 * throws, whatever JSON value it is given.
 */
export function validateResource(
  resource: string,
  value: unknown,
  mode: Mode = defaultMode(resource),
  side?: WireSide,
): ValidationResult<unknown> {
  const definition = resourceByName(resource);
  if (!definition) throw new TypeError(`gemini-typekit: no resource named ${JSON.stringify(resource)}`);
  return validateWith(definition, value, mode, side, definition.fast);
}

/** validateResource with the resource's checker already at hand (createValidator binds it once). */
function validateWith(
  definition: ResourceDefinition,
  value: unknown,
  mode: Mode,
  side: WireSide | undefined,
  fast: FastCheck,
): ValidationResult<unknown> {
  const sink = FAST_SINK;
  sink.drift = NO_DRIFT;
  let verdict: Verdict | typeof NO_VERDICT = NO_VERDICT;
  try {
    verdict = fast(value, sink);
  } catch {
    // nested too deeply for the fast path: the reference decides
  }
  if (verdict === Verdict.Valid) return { ok: true, value, drift: NO_DRIFT };
  const fastDrift = sink.drift;
  sink.drift = NO_DRIFT;
  return byReference(definition, value, mode, side, verdict, fastDrift);
}

/** Everything the fast path does not settle (kept apart so that the fast path stays small enough to inline). */
function byReference(
  definition: ResourceDefinition,
  value: unknown,
  mode: Mode,
  side: WireSide | undefined,
  verdict: Verdict | typeof NO_VERDICT,
  fastDrift: Drift[],
): ValidationResult<unknown> {
  const resource = definition.name;
  includeModel(definition.model);
  const foreign = noKnownField(resource, value);
  if (foreign) return { ok: false, issues: [foreign] };
  // Valid with drift, and a known key among the root's: the fast path's drift is the answer in lenient mode.
  if (verdict === Verdict.ValidWithDrift && mode === "lenient") return { ok: true, value, drift: fastDrift };
  try {
    if (verdict === NO_VERDICT) {
      const reference = checkReference(definition.schema, mode, value);
      if (reference.valid && reference.drift.length === 0) return { ok: true, value, drift: NO_DRIFT };
      if (reference.valid && !hasOtherSpellings(reference.drift))
        return { ok: true, value, drift: driftFromRecords(reference.drift, resource, value, identity, NO_PATHS) };
    }
    return slowPath(definition, value, mode, side ?? defaultSide(resource));
  } catch (error) {
    if (error instanceof RangeError) {
      return {
        ok: false,
        issues: [
          {
            pointer: "",
            code: "too-deep",
            message: `the value is nested too deeply to check (${error.message})`,
            spec: resource,
          },
        ],
      };
    }
    throw error;
  }
}

function slowPath(
  definition: ResourceDefinition,
  input: unknown,
  mode: Mode,
  side: WireSide,
): ValidationResult<unknown> {
  const resource = definition.name;
  const normalized = normalizeResource(resource, input, side);
  const value = normalized.value;
  const { violations, drift: records } = checkReference(definition.schema, mode, value);
  const ctx: IssueContext = {
    resource,
    value,
    toOriginal: value === input ? identity : (p) => originalPointer(resource, input, p),
  };
  // Integers no enum value has: drift in lenient mode (kept as they are), errors in strict mode.
  const unknownNumbers = normalized.unknownEnumNumbers;
  const issues: Issue[] = [...normalized.conflicts];
  // A field set under both spellings is one duplicate-field issue: the spelling left as it was is not also unknown.
  const duplicates = new Set(normalized.conflicts.map((c) => c.pointer));
  const reported: Violation[] = [];
  // A branch violation (a google.protobuf.Any whose "@type" names a known message) only says that the message's
  // schema failed; that schema's own violations, at or below the same pointer, are reported beside it and say what.
  const branches: Violation[] = [];
  for (const v of violations) {
    if (unknownNumbers.has(v.path) && (v.kind === "type" || v.kind === "enum")) continue;
    if (v.kind === "branch") branches.push(v);
    else if (!(v.kind === "unknown-field" && duplicates.has(ctx.toOriginal(violationPointer(v))))) reported.push(v);
  }
  // Only a branch violation with nothing of its own under it stays (none is expected, but it must not vanish).
  for (const b of branches) {
    const under = (p: string) => p === b.path || p.startsWith(`${b.path}/`);
    if (!violations.some((other) => other.kind !== "branch" && under(other.path))) reported.push(b);
  }
  const drift = mode === "lenient" ? driftFromRecords(records, resource, value, ctx.toOriginal, duplicates) : [];
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
  issues.push(...issuesFromViolations(reported, ctx));
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, value, drift: drift.length > 0 ? drift : NO_DRIFT };
}

/**
 * Normalizes without validating (see normalize.ts), as a value of the resource's own side. Never throws: values it cannot walk (not objects, or nested too
 * deeply for the call stack) come back unchanged, and so does everything given a name no resource has.
 */
export function normalizeAs(resource: string, value: unknown): unknown {
  const definition = resourceByName(resource);
  return definition ? normalizeWith(definition, value) : value;
}

function normalizeWith(definition: ResourceDefinition, value: unknown): unknown {
  includeModel(definition.model);
  try {
    return normalizeResource(definition.name, value).value;
  } catch (error) {
    if (error instanceof RangeError) return value;
    throw error;
  }
}

// ---------------------------------------------------------------- the per-resource API

/** A validate function that is also a Standard Schema. */
export interface ValidateFn<Strict, Lenient, Default> extends StandardSchemaV1<unknown, Default> {
  (value: unknown, options: { mode: "strict"; side?: WireSide }): ValidationResult<Strict>;
  (value: unknown, options: { mode: "lenient"; side?: WireSide }): ValidationResult<Lenient>;
  (value: unknown, options?: { mode?: undefined; side?: WireSide }): ValidationResult<Default>;
  (value: unknown, options?: ValidateOptions): ValidationResult<Strict | Lenient>;
}

export interface AssertFn<Strict, Lenient, Default> {
  (value: unknown, options: { mode: "strict"; side?: WireSide }): Strict;
  (value: unknown, options: { mode: "lenient"; side?: WireSide }): Lenient;
  (value: unknown, options?: { mode?: undefined; side?: WireSide }): Default;
  (value: unknown, options?: ValidateOptions): Strict | Lenient;
}

export interface IsFn<Strict, Lenient, Default> {
  (value: unknown, options: { mode: "strict"; side?: WireSide }): value is Strict;
  (value: unknown, options: { mode: "lenient"; side?: WireSide }): value is Lenient;
  (value: unknown, options?: { mode?: undefined; side?: WireSide }): value is Default;
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
  /** snake_case keys → JSON names, integer enums → names, null fields dropped; no validation, input never mutated. */
  readonly normalize: NormalizeFn<Lenient>;
}

/** The validator of one resource (packages/runtime/generated/validate.ts creates one per resource from its definition). */
export function createValidator<Strict, Lenient, Default>(
  definition: ResourceDefinition,
): ResourceValidator<Strict, Lenient, Default> {
  const { name, mode, fast } = definition;
  const run = (value: unknown, options?: ValidateOptions) =>
    validateWith(definition, value, options?.mode ?? mode, options?.side, fast);
  const standard: StandardSchemaV1<unknown, Default>["~standard"] = {
    version: 1,
    vendor: "gemini-typekit",
    validate(value: unknown): StandardResult<Default> {
      const result = run(value);
      return result.ok
        ? { value: result.value as Default }
        : {
            issues: result.issues.map((i) => ({ message: `${i.code}: ${i.message}`, path: pointerToPath(i.pointer) })),
          };
    },
  };
  const validate = Object.assign((value: unknown, options?: ValidateOptions) => run(value, options), {
    "~standard": standard,
  }) as ValidateFn<Strict, Lenient, Default>;
  const assert = ((value: unknown, options?: ValidateOptions) => {
    const result = run(value, options);
    if (!result.ok) throw new ValidationError(result.issues, name);
    return result.value;
  }) as AssertFn<Strict, Lenient, Default>;
  const is = ((value: unknown, options?: ValidateOptions) => {
    const result = run(value, options);
    return result.ok && result.value === value;
  }) as IsFn<Strict, Lenient, Default>;
  const normalize = ((value: unknown) => normalizeWith(definition, value)) as NormalizeFn<Lenient>;
  return { name, defaultMode: mode, validate, assert, is, normalize, "~standard": standard };
}

/**
 * `validator[part]` as a call, which packages/runtime/generated/validate.ts marks pure: a bundler drops it when its result is unused,
 * where it must keep a plain property read (a getter could run) and with it every resource's validator.
 */
export function pick<V, K extends keyof V>(validator: V, part: K): V[K] {
  return validator[part];
}
