// `type` (a name or a list of names) and OpenAPI's `nullable: true`, which adds "null" to it (as ajv reads it).
import type { Keyword } from "./keywords.ts";
import { isObject, report, type Messages, type Rule } from "./types.ts";

export const TYPES = {
  string: (v: unknown) => typeof v === "string",
  number: (v: unknown) => typeof v === "number",
  // A JSON number too large for a double parses as ±Infinity, and is a whole number (its exponent says so).
  integer: (v: unknown) => typeof v === "number" && (Number.isInteger(v) || v === Infinity || v === -Infinity),
  boolean: (v: unknown) => typeof v === "boolean",
  object: isObject,
  array: (v: unknown) => Array.isArray(v),
  null: (v: unknown) => v === null,
} satisfies Record<string, (v: unknown) => boolean>;

export type TypeName = keyof typeof TYPES;
export const isTypeName = (name: unknown): name is TypeName =>
  typeof name === "string" && Object.prototype.hasOwnProperty.call(TYPES, name);

export type TypeKeyword = "type" | "nullable";

export const typeRules: { [K in TypeKeyword]: Rule<Keyword> } = {
  type: {
    kind: "assert",
    prepare(value, scope) {
      const names = typeof value === "string" ? [value] : Array.isArray(value) ? [...(value as unknown[])] : undefined;
      if (!names || !names.every(isTypeName))
        return scope.invalid("type", `one of ${Object.keys(TYPES).join(", ")}, or a list of them`);
      const nullable = scope.schema["nullable"];
      if (nullable !== undefined && typeof nullable !== "boolean") return scope.invalid("nullable", "a boolean");
      if (nullable === false && names.includes("null"))
        return scope.invalid("nullable", 'true (or absent) when type allows "null"');
      if (names.length === 0) return undefined;
      if (nullable === true && !names.includes("null")) names.push("null");
      const tests = names.map((name) => TYPES[name]);
      const path = scope.path("type");
      const params = { type: value as string | readonly string[] };
      return (v, at, out) => {
        if (!tests.some((test) => test(v))) report(out, "type", at, path, params);
      };
    },
  },
  nullable: { kind: "companion", of: "type" },
};

export const typeMessages: Messages<"type"> = {
  type: ({ type }) => `must be ${String(type)}`,
};
