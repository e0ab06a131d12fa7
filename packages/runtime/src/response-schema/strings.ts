// Lengths and patterns of strings: `minLength`, `maxLength` (in code points, as JSON Schema counts them: an emoji is
// one character) and `pattern` (an ECMAScript regular expression with the `u` flag, unanchored).
import type { Keyword } from "./keywords.ts";
import { sizeLimit } from "./size-limits.ts";
import { report, type Messages, type Rule } from "./types.ts";

export type StringKeyword = "minLength" | "maxLength" | "pattern";

/** Length in code points: a surrogate pair counts once. */
export function codePoints(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++, n++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
  }
  return n;
}

/** A string's length for minLength and maxLength; undefined for other values. */
const lengthOf = (v: unknown) => (typeof v === "string" ? codePoints(v) : undefined);

/** A schema's regular expression (`pattern`, `patternProperties`), or a refusal of the schema. */
export function compilePattern(source: unknown, where: string): RegExp {
  if (typeof source !== "string") throw new TypeError(`invalid schema at ${where}: a pattern must be a string`);
  try {
    return new RegExp(source, "u");
  } catch (error) {
    throw new TypeError(`invalid schema at ${where}: ${(error as Error).message}`, { cause: error });
  }
}

export const stringRules: { [K in StringKeyword]: Rule<Keyword> } = {
  maxLength: sizeLimit("maxLength", lengthOf),
  minLength: sizeLimit("minLength", lengthOf),
  pattern: {
    kind: "assert",
    prepare(value, scope) {
      const path = scope.path("pattern");
      const regexp = compilePattern(value, path);
      const params = { pattern: value as string };
      return (v, at, out) => {
        if (typeof v === "string" && !regexp.test(v)) report(out, "pattern", at, path, params);
      };
    },
  },
};

export const stringMessages: Messages<StringKeyword> = {
  minLength: ({ limit }) => `must NOT have fewer than ${limit} characters`,
  maxLength: ({ limit }) => `must NOT have more than ${limit} characters`,
  pattern: ({ pattern }) => `must match pattern "${pattern}"`,
};
