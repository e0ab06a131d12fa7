// Objects: `properties`, `patternProperties`, `additionalProperties` (boolean or schema: the keys neither of the other
// two name), `required`, `minProperties`, `maxProperties`, `propertyNames`, `dependentRequired`, `dependentSchemas`
// and draft-07's `dependencies` (which ajv also reads in 2020-12 schemas). A property is an own member: a schema naming
// `constructor` or `__proto__` does not find them on every object. `unevaluatedProperties` is not implemented: an
// object it constrains is reported as not checked.
import type { Keyword } from "./keywords.ts";
import { sizeLimit } from "./size-limits.ts";
import { compilePattern } from "./strings.ts";
import {
  acceptsAll,
  escapeSegment,
  hasProperty,
  isObject,
  report,
  run,
  verdictOf,
  type Check,
  type Messages,
  type PreparedSchema,
  type Rule,
  type Scope,
} from "./types.ts";

export type ObjectKeyword =
  | "properties"
  | "patternProperties"
  | "additionalProperties"
  | "required"
  | "minProperties"
  | "maxProperties"
  | "propertyNames"
  | "dependentRequired"
  | "dependentSchemas"
  | "dependencies"
  | "unevaluatedProperties";

const propertyPath = (at: string, key: string) => `${at}/${escapeSegment(key)}`;

/** A keyword's map of subschemas (`properties`, `dependentSchemas`, …), prepared, keyed without the prototype's names. */
function schemaMap(keyword: string, value: unknown, scope: Scope): Map<string, PreparedSchema> {
  if (!isObject(value)) return scope.invalid(keyword, "an object of schemas");
  return new Map(Object.keys(value).map((name) => [name, scope.below(value[name], keyword, name)]));
}

/** An object's number of properties for minProperties and maxProperties; undefined for other values. */
const propertyCount = (v: unknown) => (isObject(v) ? Object.keys(v).length : undefined);

const isNames = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((name) => typeof name === "string");

/** dependentRequired, and the lists of draft-07's dependencies: when `property` is there, each of `names` must be. */
function requireWith(
  keyword: "dependentRequired" | "dependencies",
  property: string,
  names: readonly string[],
  path: string,
): Check {
  const deps = names.join(", ");
  return (v, at, out) => {
    if (!isObject(v) || !hasProperty(v, property)) return;
    for (const missingProperty of names)
      if (!hasProperty(v, missingProperty))
        report(out, keyword, at, path, { property, missingProperty, depsCount: names.length, deps });
  };
}

/** dependentSchemas, and the schemas of draft-07's dependencies: when `property` is there, the object must match. */
function schemaWith(property: string, node: PreparedSchema): Check {
  return (v, at, out) => {
    if (isObject(v) && hasProperty(v, property)) node.check(v, at, out);
  };
}

export const objectRules: { [K in ObjectKeyword]: Rule<Keyword> } = {
  maxProperties: sizeLimit("maxProperties", propertyCount),
  minProperties: sizeLimit("minProperties", propertyCount),
  required: {
    kind: "assert",
    prepare(value, scope) {
      if (!isNames(value)) return scope.invalid("required", "an array of strings");
      const names = value;
      const path = scope.path("required");
      return (v, at, out) => {
        if (!isObject(v)) return;
        for (const missingProperty of names)
          if (!hasProperty(v, missingProperty)) report(out, "required", at, path, { missingProperty });
      };
    },
  },
  propertyNames: {
    kind: "assert",
    holds: "schema",
    prepare(value, scope) {
      const node = scope.below(value, "propertyNames");
      const path = scope.path("propertyNames");
      return (v, at, out) => {
        if (!isObject(v)) return;
        for (const key of Object.keys(v)) {
          // The key is checked as a string; its errors point at the object, as ajv's do.
          const errors = run(node, key, at);
          const verdict = verdictOf(errors);
          if (verdict === "valid") continue;
          out.push(...errors);
          if (verdict === "invalid") report(out, "propertyNames", at, path, { propertyName: key });
        }
      };
    },
  },
  additionalProperties: {
    kind: "assert",
    holds: "schema",
    prepare(value, scope) {
      const properties = scope.schema["properties"];
      const named = new Set(isObject(properties) ? Object.keys(properties) : []);
      const patterns = scope.schema["patternProperties"];
      const regexps = isObject(patterns)
        ? Object.keys(patterns).map((p) => compilePattern(p, scope.path("patternProperties", p)))
        : [];
      const additional = (key: string) => !named.has(key) && !regexps.some((r) => r.test(key));
      if (value === false) {
        const path = scope.path("additionalProperties");
        return (v, at, out) => {
          if (!isObject(v)) return;
          for (const key of Object.keys(v))
            if (additional(key)) report(out, "additionalProperties", at, path, { additionalProperty: key });
        };
      }
      const node = scope.below(value, "additionalProperties");
      if (acceptsAll(value)) return undefined;
      return (v, at, out) => {
        if (!isObject(v)) return;
        for (const key of Object.keys(v)) if (additional(key)) node.check(v[key], propertyPath(at, key), out);
      };
    },
  },
  dependencies: {
    kind: "assert",
    holds: "schemaMap",
    prepare(value, scope) {
      if (!isObject(value)) return scope.invalid("dependencies", "an object of string arrays or schemas");
      const path = scope.path("dependencies");
      const checks = Object.keys(value).map((property) => {
        const dependency = value[property];
        return Array.isArray(dependency)
          ? isNames(dependency)
            ? requireWith("dependencies", property, dependency, path)
            : scope.invalid("dependencies", "an object of string arrays or schemas")
          : schemaWith(property, scope.inPlace(dependency, "dependencies", property));
      });
      return (v, at, out) => {
        for (const check of checks) check(v, at, out);
      };
    },
  },
  properties: {
    kind: "assert",
    holds: "schemaMap",
    prepare(value, scope) {
      const entries = [...schemaMap("properties", value, scope)];
      return (v, at, out) => {
        if (!isObject(v)) return;
        for (const [name, node] of entries) if (hasProperty(v, name)) node.check(v[name], propertyPath(at, name), out);
      };
    },
  },
  patternProperties: {
    kind: "assert",
    holds: "schemaMap",
    prepare(value, scope) {
      const entries = [...schemaMap("patternProperties", value, scope)].map(
        ([pattern, node]) => [compilePattern(pattern, scope.path("patternProperties", pattern)), node] as const,
      );
      return (v, at, out) => {
        if (!isObject(v)) return;
        for (const [regexp, node] of entries)
          for (const key of Object.keys(v)) if (regexp.test(key)) node.check(v[key], propertyPath(at, key), out);
      };
    },
  },
  dependentRequired: {
    kind: "assert",
    prepare(value, scope) {
      if (!isObject(value)) return scope.invalid("dependentRequired", "an object of string arrays");
      const path = scope.path("dependentRequired");
      const checks = Object.keys(value).map((property) => {
        const names = value[property];
        return isNames(names)
          ? requireWith("dependentRequired", property, names, path)
          : scope.invalid("dependentRequired", "an object of string arrays");
      });
      return (v, at, out) => {
        for (const check of checks) check(v, at, out);
      };
    },
  },
  dependentSchemas: {
    kind: "assert",
    holds: "schemaMap",
    prepare(value, scope) {
      if (!isObject(value)) return scope.invalid("dependentSchemas", "an object of schemas");
      const checks = Object.keys(value).map((property) =>
        schemaWith(property, scope.inPlace(value[property], "dependentSchemas", property)),
      );
      return (v, at, out) => {
        for (const check of checks) check(v, at, out);
      };
    },
  },
  unevaluatedProperties: { kind: "unenforced", holds: "schema", appliesTo: isObject, trivial: acceptsAll },
};

export const objectMessages: Messages<
  | "required"
  | "additionalProperties"
  | "propertyNames"
  | "minProperties"
  | "maxProperties"
  | "dependentRequired"
  | "dependencies"
> = {
  required: ({ missingProperty }) => `must have required property '${missingProperty}'`,
  additionalProperties: () => "must NOT have additional properties",
  propertyNames: () => "property name must be valid",
  minProperties: ({ limit }) => `must NOT have fewer than ${limit} properties`,
  maxProperties: ({ limit }) => `must NOT have more than ${limit} properties`,
  dependentRequired: ({ property, depsCount, deps }) =>
    `must have ${depsCount === 1 ? "property" : "properties"} ${deps} when property ${property} is present`,
  dependencies: ({ property, depsCount, deps }) =>
    `must have ${depsCount === 1 ? "property" : "properties"} ${deps} when property ${property} is present`,
};
