// Bounds and divisors of numbers: `minimum`, `maximum`, `exclusiveMinimum`, `exclusiveMaximum`, `multipleOf`. They
// constrain numbers only; other values pass them.
import type { Keyword } from "./keywords.ts";
import { report, type Check, type ErrorParams, type Messages, type Rule, type Scope } from "./types.ts";

export type NumberKeyword = "minimum" | "maximum" | "exclusiveMinimum" | "exclusiveMaximum" | "multipleOf";
type Bound = "minimum" | "maximum" | "exclusiveMinimum" | "exclusiveMaximum";

const BOUNDS: {
  [K in Bound]: { comparison: ErrorParams[K]["comparison"]; holds: (n: number, limit: number) => boolean };
} = {
  minimum: { comparison: ">=", holds: (n, limit) => n >= limit },
  maximum: { comparison: "<=", holds: (n, limit) => n <= limit },
  exclusiveMinimum: { comparison: ">", holds: (n, limit) => n > limit },
  exclusiveMaximum: { comparison: "<", holds: (n, limit) => n < limit },
};

function bound(keyword: Bound): Rule<Keyword> {
  const { comparison, holds } = BOUNDS[keyword];
  return {
    kind: "assert",
    prepare(value: unknown, scope: Scope): Check {
      // draft-04's boolean exclusiveMinimum/exclusiveMaximum is refused, not read as a bound.
      if (typeof value !== "number") return scope.invalid(keyword, "a number");
      const limit = value;
      const path = scope.path(keyword);
      return (v, at, out) => {
        if (typeof v === "number" && !holds(v, limit))
          report(out, keyword, at, path, { comparison, limit } as ErrorParams[Bound]);
      };
    },
  };
}

export const numberRules: { [K in NumberKeyword]: Rule<Keyword> } = {
  maximum: bound("maximum"),
  minimum: bound("minimum"),
  exclusiveMaximum: bound("exclusiveMaximum"),
  exclusiveMinimum: bound("exclusiveMinimum"),
  multipleOf: {
    kind: "assert",
    prepare(value, scope) {
      if (typeof value !== "number" || !(value > 0)) return scope.invalid("multipleOf", "a number above 0");
      const divisor = value;
      const path = scope.path("multipleOf");
      // The quotient is whole, as a double: 0.3 is not a multiple of 0.1 (0.3 / 0.1 is 2.9999999999999996), as ajv has it.
      // Unlike ajv (parseInt of the quotient's decimal text), a quotient from 1e21 up is whole: 1e300 is a multiple of 2.
      return (v, at, out) => {
        if (typeof v === "number" && !Number.isInteger(v / divisor))
          report(out, "multipleOf", at, path, { multipleOf: divisor });
      };
    },
  },
};

export const numberMessages: Messages<NumberKeyword> = {
  minimum: ({ comparison, limit }) => `must be ${comparison} ${limit}`,
  maximum: ({ comparison, limit }) => `must be ${comparison} ${limit}`,
  exclusiveMinimum: ({ comparison, limit }) => `must be ${comparison} ${limit}`,
  exclusiveMaximum: ({ comparison, limit }) => `must be ${comparison} ${limit}`,
  multipleOf: ({ multipleOf }) => `must be multiple of ${multipleOf}`,
};
