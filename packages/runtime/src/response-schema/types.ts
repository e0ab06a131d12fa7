// The shapes every keyword family shares: errors as data (ajv's error objects, field for field, so that
// structured-output.ts turns them into the same issues as before), the check a prepared keyword runs, and the rule
// each keyword has in the table (keywords.ts).

/** The params of each error, by the keyword that reports it (ajv's params, so messages and issues stay as they were). */
export interface ErrorParams {
  /** The schema `false`. */
  "false schema": Record<string, never>;
  type: { type: string | readonly string[] };
  enum: { allowedValues: readonly unknown[] };
  const: { allowedValue: unknown };
  minimum: Limit<">=">;
  maximum: Limit<"<=">;
  exclusiveMinimum: Limit<">">;
  exclusiveMaximum: Limit<"<">;
  multipleOf: { multipleOf: number };
  minLength: { limit: number };
  maxLength: { limit: number };
  pattern: { pattern: string };
  format: { format: string };
  minItems: { limit: number };
  maxItems: { limit: number };
  /** `items: false` after `prefixItems`: more items than the prefix. */
  items: { limit: number };
  uniqueItems: { i: number; j: number };
  contains: { minContains: number; maxContains?: number };
  required: { missingProperty: string };
  additionalProperties: { additionalProperty: string };
  propertyNames: { propertyName: string };
  minProperties: { limit: number };
  maxProperties: { limit: number };
  dependentRequired: Dependency;
  dependencies: Dependency;
  anyOf: Record<string, never>;
  oneOf: { passingSchemas: readonly [number, number] | null };
  not: Record<string, never>;
  if: { failingKeyword: "then" | "else" };
  /**
   * Not a verdict: the schema uses `keyword`, which this checker does not enforce, so the value is not known valid.
   * For `format`, the format it names (the keyword is checked for other formats).
   */
  unenforced: { keyword: string; format?: string };
}

interface Limit<C extends string> {
  comparison: C;
  limit: number;
}

interface Dependency {
  property: string;
  missingProperty: string;
  depsCount: number;
  deps: string;
}

export type ErrorKeyword = keyof ErrorParams;

/**
 * One failed check: where in the value (`instancePath`, a JSON Pointer), which keyword of the schema (`schemaPath`, a
 * URI fragment such as `#/properties/name/type`) and its params. The message is derived (see messageOf).
 */
export type SchemaError = {
  [K in ErrorKeyword]: { keyword: K; instancePath: string; schemaPath: string; params: ErrorParams[K] };
}[ErrorKeyword];

/** Each keyword family's messages: a function of the params, as ajv words them. */
export type Messages<K extends ErrorKeyword> = { [P in K]: (params: ErrorParams[P]) => string };

export function report<K extends ErrorKeyword>(
  out: SchemaError[],
  keyword: K,
  instancePath: string,
  schemaPath: string,
  params: ErrorParams[K],
): void {
  out.push({ keyword, instancePath, schemaPath, params } as SchemaError);
}

/** Checks `value`, found at `at` (a JSON Pointer into the whole value), and appends what fails to `out`. */
export type Check = (value: unknown, at: string, out: SchemaError[]) => void;

/** A prepared schema: its location and its check. `check` is set once the schema's keywords are prepared (a `$ref` may reach a node before). */
export interface PreparedSchema {
  readonly path: string;
  check: Check;
}

/** A verdict from errors: "unknown" when every error is an unenforced keyword (the value may or may not be valid). */
export type Verdict = "valid" | "invalid" | "unknown";

export function verdictOf(errors: readonly SchemaError[]): Verdict {
  if (errors.length === 0) return "valid";
  return errors.some((e) => e.keyword !== "unenforced") ? "invalid" : "unknown";
}

/** Runs `node` on `value` alone: its errors, for keywords that decide from a subschema's verdict. */
export function run(node: PreparedSchema, value: unknown, at: string): SchemaError[] {
  const out: SchemaError[] = [];
  node.check(value, at, out);
  return out;
}

/** What a keyword's value holds, for the walk that finds `$id` and `$anchor` (refs.ts). */
export type Holds = "schema" | "schemas" | "schemaMap";

/** What preparing a keyword can ask of the schema around it. */
export interface Scope {
  /** The schema object holding the keyword (a keyword may read its companions: `then`, `minContains`, `nullable`, …). */
  readonly schema: Readonly<Record<string, unknown>>;
  /** The schema path of `keyword` (and `rest`) in the schema object (`path("minimum")` → `#/properties/n/minimum`). */
  path(keyword: string, ...rest: (string | number)[]): string;
  /** Prepares the subschema at `keyword` (and `rest`: an index, a name) of the schema object, applied to a part of the value (a property, an item). */
  below(schema: unknown, keyword: string, ...rest: (string | number)[]): PreparedSchema;
  /** Prepares the subschema at `keyword` (and `rest`), applied to the value itself (anyOf, not, if, …): one edge of the loop check. */
  inPlace(schema: unknown, keyword: string, ...rest: (string | number)[]): PreparedSchema;
  /** Resolves a `$ref` from this schema and prepares its target, applied in place. */
  ref(ref: string): PreparedSchema;
  /** Refuses the schema: the keyword's value is not one JSON Schema allows. */
  invalid(keyword: string, expected: string): never;
}

/**
 * What the checker does with a keyword:
 * - `assert`: prepares a check from the keyword's value (undefined: nothing to check, e.g. `uniqueItems: false`);
 * - `companion`: read by the keyword `of` (`then` by `if`), nothing of its own;
 * - `annotation`: constrains nothing (`title`, `$defs`, `propertyOrdering`, …);
 * - `unenforced`: constrains values but is not implemented: where it applies (`appliesTo` the value, unless its value
 *   is `trivial`), the checker reports it instead of a verdict, so that nothing invalid passes for valid.
 */
export type Rule<K extends string = string> =
  | { kind: "assert"; holds?: Holds; prepare: (value: unknown, scope: Scope) => Check | undefined }
  | { kind: "companion"; of: K; holds?: Holds }
  | { kind: "annotation"; holds?: Holds }
  | {
      kind: "unenforced";
      holds?: Holds;
      appliesTo: (value: unknown) => boolean;
      trivial?: (keywordValue: unknown) => boolean;
    };

export const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

export const hasOwn = (object: object, key: string): boolean => Object.prototype.hasOwnProperty.call(object, key);

/** A property as ajv reads it, but own only: inherited members (`constructor`, `__proto__`) are not properties of JSON. */
export const hasProperty = (object: Record<string, unknown>, key: string): boolean =>
  hasOwn(object, key) && object[key] !== undefined;

/** A JSON Pointer segment. */
export const escapeSegment = (segment: string | number): string =>
  String(segment).replace(/~/g, "~0").replace(/\//g, "~1");

/** A schema path segment: a JSON Pointer segment, percent-encoded as a URI fragment holds it. */
export const schemaSegment = (segment: string | number): string => encodeURIComponent(escapeSegment(segment));

/** Does the schema (true, false, or an object) accept every value without looking? `true` and `{}`. */
export const acceptsAll = (schema: unknown): boolean =>
  schema === true || (isObject(schema) && Object.keys(schema).length === 0);
