// minLength/maxLength, minItems/maxItems and minProperties/maxProperties: one rule, a bound on a value's size, where
// only the measure depends on the kind of value (code points of a string, items of an array, keys of an object).
import type { Keyword } from "./keywords.ts";
import { report, type Rule } from "./types.ts";

export type SizeKeyword = "minLength" | "maxLength" | "minItems" | "maxItems" | "minProperties" | "maxProperties";

/** `keyword`'s rule, with `measure` giving the size of a value of the kind it applies to (undefined for other kinds). */
export function sizeLimit(keyword: SizeKeyword, measure: (value: unknown) => number | undefined): Rule<Keyword> {
  const isMinimum = keyword.startsWith("min");
  return {
    kind: "assert",
    prepare(value, scope) {
      if (typeof value !== "number") return scope.invalid(keyword, "a number");
      const limit = value;
      const path = scope.path(keyword);
      const holds = isMinimum ? (n: number) => n >= limit : (n: number) => n <= limit;
      return (v, at, out) => {
        const size = measure(v);
        if (size !== undefined && !holds(size)) report(out, keyword, at, path, { limit });
      };
    },
  };
}
