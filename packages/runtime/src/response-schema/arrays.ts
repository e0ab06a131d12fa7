// Arrays: `prefixItems` (a tuple's leading items), `items` (the items after them), `minItems`, `maxItems`,
// `uniqueItems`, and `contains` with its companions `minContains` / `maxContains`. `unevaluatedItems` is not
// implemented (it needs what every in-place subschema evaluated): an array it constrains is reported as not checked.
import type { Keyword } from "./keywords.ts";
import { equal } from "./equal.ts";
import { sizeLimit } from "./size-limits.ts";
import { isTypeName, TYPES, type TypeName } from "./type.ts";
import {
  acceptsAll,
  isObject,
  report,
  run,
  verdictOf,
  type Check,
  type Messages,
  type PreparedSchema,
  type Rule,
} from "./types.ts";

export type ArrayKeyword =
  | "prefixItems"
  | "items"
  | "minItems"
  | "maxItems"
  | "uniqueItems"
  | "contains"
  | "minContains"
  | "maxContains"
  | "unevaluatedItems";

/** Checks each item from index `from` against `node`. */
function eachItem(node: PreparedSchema, from: number): Check {
  return (v, at, out) => {
    if (!Array.isArray(v)) return;
    for (let i = from; i < v.length; i++) node.check(v[i], `${at}/${i}`, out);
  };
}

/** An array's length for minItems and maxItems; undefined for other values. */
const itemCount = (v: unknown) => (Array.isArray(v) ? v.length : undefined);

/** The types `items` allows when they are all scalars (no object, no array), with `nullable`'s "null". */
function scalarItemTypes(items: unknown): TypeName[] | undefined {
  if (!isObject(items)) return undefined;
  const type = items["type"];
  const names: unknown[] = typeof type === "string" ? [type] : Array.isArray(type) ? [...(type as unknown[])] : [];
  if (names.length === 0 || !names.every(isTypeName)) return undefined;
  const scalars = names.filter(isTypeName);
  if (scalars.some((name) => name === "object" || name === "array")) return undefined;
  if (items["nullable"] === true && !scalars.includes("null")) scalars.push("null");
  return scalars;
}

const bound = (
  value: unknown,
  fallback: number | undefined,
  keyword: string,
  invalid: (keyword: string, expected: string) => never,
): number | undefined =>
  value === undefined
    ? fallback
    : typeof value === "number" && value >= 0
      ? value
      : invalid(keyword, "a number from 0");

export const arrayRules: { [K in ArrayKeyword]: Rule<Keyword> } = {
  maxItems: sizeLimit("maxItems", itemCount),
  minItems: sizeLimit("minItems", itemCount),
  contains: {
    kind: "assert",
    holds: "schema",
    prepare(value, scope) {
      const min = bound(scope.schema["minContains"], 1, "minContains", scope.invalid)!;
      const max = bound(scope.schema["maxContains"], undefined, "maxContains", scope.invalid);
      const node = scope.below(value, "contains");
      const path = scope.path("contains");
      const params = max === undefined ? { minContains: min } : { minContains: min, maxContains: max };
      if (max === undefined && min === 0) return undefined;
      if (max !== undefined && min > max) {
        // No count is both: every array fails, and ajv looks at no item.
        return (v, at, out) => {
          if (Array.isArray(v)) report(out, "contains", at, path, params);
        };
      }
      const all = acceptsAll(value);
      const within = (n: number) => n >= min && (max === undefined || n <= max);
      return (v, at, out) => {
        if (!Array.isArray(v)) return;
        if (all) {
          if (!within(v.length)) report(out, "contains", at, path, params);
          return;
        }
        const results = v.map((item, i) => run(node, item, `${at}/${i}`));
        const verdicts = results.map(verdictOf);
        const valid = verdicts.filter((r) => r === "valid").length;
        const unknown = verdicts.filter((r) => r === "unknown").length;
        if (within(valid) && within(valid + unknown)) return;
        if (valid + unknown < min || (max !== undefined && valid > max)) {
          // The items that failed, up to where the count went over maxContains (where ajv stops looking), then the verdict.
          let seen = 0;
          for (const [i, errors] of results.entries()) {
            if (max !== undefined && seen > max) break;
            if (verdicts[i] === "valid") seen++;
            else out.push(...errors);
          }
          report(out, "contains", at, path, params);
          return;
        }
        for (const [i, errors] of results.entries()) if (verdicts[i] === "unknown") out.push(...errors);
      };
    },
  },
  minContains: { kind: "companion", of: "contains" },
  maxContains: { kind: "companion", of: "contains" },
  uniqueItems: {
    kind: "assert",
    prepare(value, scope) {
      if (typeof value !== "boolean") return scope.invalid("uniqueItems", "a boolean");
      if (!value) return undefined;
      const path = scope.path("uniqueItems");
      const scalars = scalarItemTypes(scope.schema["items"]);
      if (scalars) {
        // Items typed as scalars only: from the end, each item against the nearest later one of its value; items of
        // another type are left to `items` (ajv's shortcut, so the same pair is named).
        const tests = scalars.map((name) => TYPES[name]);
        return (v, at, out) => {
          if (!Array.isArray(v)) return;
          const seen = new Map<unknown, number>();
          for (let i = v.length - 1; i >= 0; i--) {
            const item: unknown = v[i];
            if (!tests.some((test) => test(item))) continue;
            const j = seen.get(item);
            if (j !== undefined) {
              report(out, "uniqueItems", at, path, { i, j });
              return;
            }
            seen.set(item, i);
          }
        };
      }
      return (v, at, out) => {
        if (!Array.isArray(v)) return;
        // From the end, each item against those before it, nearest first (ajv's order, so the same pair is named).
        for (let i = v.length - 1; i > 0; i--)
          for (let j = i - 1; j >= 0; j--)
            if (equal(v[i], v[j])) {
              report(out, "uniqueItems", at, path, { i, j });
              return;
            }
      };
    },
  },
  prefixItems: {
    kind: "assert",
    holds: "schemas",
    prepare(value, scope) {
      if (!Array.isArray(value)) return scope.invalid("prefixItems", "an array of schemas");
      const nodes = value.map((schema, i) => scope.below(schema, "prefixItems", i));
      return (v, at, out) => {
        if (!Array.isArray(v)) return;
        for (let i = 0; i < nodes.length && i < v.length; i++) nodes[i]!.check(v[i], `${at}/${i}`, out);
      };
    },
  },
  items: {
    kind: "assert",
    holds: "schema",
    prepare(value, scope) {
      // draft-07's list of schemas is `prefixItems` since 2020-12: refused rather than read one way or the other.
      if (Array.isArray(value)) return scope.invalid("items", "a schema (a list of them is prefixItems)");
      const tuple = scope.schema["prefixItems"];
      const prefix = Array.isArray(tuple) ? tuple.length : 0;
      // After a tuple (even an empty one), `false` is one error for the array; alone, one per item (as ajv words it).
      if (value === false && Array.isArray(tuple)) {
        const path = scope.path("items");
        return (v, at, out) => {
          if (Array.isArray(v) && v.length > prefix) report(out, "items", at, path, { limit: prefix });
        };
      }
      return eachItem(scope.below(value, "items"), prefix);
    },
  },
  unevaluatedItems: { kind: "unenforced", holds: "schema", appliesTo: Array.isArray, trivial: acceptsAll },
};

export const arrayMessages: Messages<"minItems" | "maxItems" | "items" | "uniqueItems" | "contains"> = {
  minItems: ({ limit }) => `must NOT have fewer than ${limit} items`,
  maxItems: ({ limit }) => `must NOT have more than ${limit} items`,
  items: ({ limit }) => `must NOT have more than ${limit} items`,
  uniqueItems: ({ i, j }) => `must NOT have duplicate items (items ## ${j} and ${i} are identical)`,
  contains: ({ minContains, maxContains }) =>
    maxContains === undefined
      ? `must contain at least ${minContains} valid item(s)`
      : `must contain at least ${minContains} and no more than ${maxContains} valid item(s)`,
};
