// The keyword table: every keyword the checker knows, mapped to what it does with it (types.ts's Rule: assert,
// companion, annotation, unenforced), one family module each holding its semantics. A keyword added to `Keyword`
// and missing from the table does not compile; the error messages are a table the same way. The table's order is
// the order keywords are checked in, hence the order of errors (close to ajv's: type, then keywords for any value,
// then those for numbers, strings, arrays, objects).
//
// The table follows JSON Schema, not what Gemini enforces: a keyword Gemini ignores (lint-schema's warnings: `const`,
// `pattern`, `minLength`, …) still says what the caller expects, and the value is checked against the schema sent.
import { arrayMessages, arrayRules, type ArrayKeyword } from "./arrays.ts";
import { combinatorMessages, combinatorRules, type CombinatorKeyword } from "./combinators.ts";
import { annotationRules, coreMessages, coreRules, type AnnotationKeyword, type CoreKeyword } from "./core.ts";
import { formatMessages, formatRules, type FormatKeyword } from "./formats.ts";
import { numberMessages, numberRules, type NumberKeyword } from "./numbers.ts";
import { objectMessages, objectRules, type ObjectKeyword } from "./objects.ts";
import { stringMessages, stringRules, type StringKeyword } from "./strings.ts";
import { typeMessages, typeRules, type TypeKeyword } from "./type.ts";
import { hasOwn, type ErrorKeyword, type Holds, type Messages, type Rule, type SchemaError } from "./types.ts";
import { valueMessages, valueRules, type ValueKeyword } from "./values.ts";

export type Keyword =
  | CoreKeyword
  | AnnotationKeyword
  | TypeKeyword
  | ValueKeyword
  | CombinatorKeyword
  | NumberKeyword
  | StringKeyword
  | FormatKeyword
  | ArrayKeyword
  | ObjectKeyword;

export const RULES: Record<Keyword, Rule<Keyword>> = {
  ...typeRules,
  ...coreRules,
  ...valueRules,
  ...combinatorRules,
  ...numberRules,
  ...stringRules,
  ...formatRules,
  ...arrayRules,
  ...objectRules,
  ...annotationRules,
};

/** The keywords in checking order. */
export const KEYWORDS = Object.keys(RULES) as Keyword[];

export const isKeyword = (name: string): name is Keyword => hasOwn(RULES, name);

/** What a keyword's value holds (subschemas, a list or a map of them), for the walk that indexes `$id`s and anchors. */
export const holdsOf = (name: string): Holds | undefined => (isKeyword(name) ? RULES[name].holds : undefined);

const MESSAGES: Messages<ErrorKeyword> = {
  ...coreMessages,
  ...typeMessages,
  ...valueMessages,
  ...combinatorMessages,
  ...numberMessages,
  ...stringMessages,
  ...formatMessages,
  ...arrayMessages,
  ...objectMessages,
};

/** An error's message, as ajv worded it (`must be string`, `must have required property 'name'`, …). */
export function messageOf(error: SchemaError): string {
  return (MESSAGES[error.keyword] as (params: SchemaError["params"]) => string)(error.params);
}
