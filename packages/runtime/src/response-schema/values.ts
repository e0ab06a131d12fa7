// `enum` (one of a list of values) and `const` (one value), compared as JSON. Gemini ignores `const` (lint-schema
// warns: schema.const), so the model may answer something else: all the more reason to check the answer against it.
import type { Keyword } from "./keywords.ts";
import { equal } from "./equal.ts";
import { report, type Messages, type Rule } from "./types.ts";

export type ValueKeyword = "enum" | "const";

export const valueRules: { [K in ValueKeyword]: Rule<Keyword> } = {
  const: {
    kind: "assert",
    prepare(value, scope) {
      const path = scope.path("const");
      return (v, at, out) => {
        if (!equal(v, value)) report(out, "const", at, path, { allowedValue: value });
      };
    },
  },
  enum: {
    kind: "assert",
    prepare(value, scope) {
      if (!Array.isArray(value)) return scope.invalid("enum", "an array");
      const allowedValues: readonly unknown[] = value;
      const path = scope.path("enum");
      return (v, at, out) => {
        if (!allowedValues.some((allowed) => equal(v, allowed))) report(out, "enum", at, path, { allowedValues });
      };
    },
  },
};

export const valueMessages: Messages<ValueKeyword> = {
  enum: () => "must be equal to one of the allowed values",
  const: () => "must be equal to constant",
};
