// `type`: the JSON types the validator schemas name, as ajv (strict, so strictNumbers) tests them — object: non-null,
// not an array; integer: Number.isInteger; number: finite; string; boolean; array — once for the reference check and
// once as the fast path's code, side by side. Every family reports a value of the wrong type the same way.
import { js, type Code } from "./code.ts";
import type { CheckRun, IssueBuilders } from "./keyword.ts";
import { wrongValueIssue } from "./issue-text.ts";
import { stringHint } from "../stream/looks-like.ts";

export type JsonType = "object" | "array" | "string" | "integer" | "number" | "boolean";

export const isJsonObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === "object" && !Array.isArray(v);

/** Whether a value is of the type. */
export const IS_OF_TYPE: Record<JsonType, (v: unknown) => boolean> = {
  object: isJsonObject,
  array: Array.isArray,
  string: (v) => typeof v === "string",
  integer: Number.isInteger,
  number: (v) => typeof v === "number" && isFinite(v),
  boolean: (v) => typeof v === "boolean",
};

/** The same tests negated, as the fast path writes them: true when `x` (an identifier) is not of the type. */
export const NOT_OF_TYPE: Record<JsonType, (x: Code) => Code> = {
  object: (x) => js`typeof ${x} !== "object" || ${x} === null || Array.isArray(${x})`,
  array: (x) => js`!Array.isArray(${x})`,
  string: (x) => js`typeof ${x} !== "string"`,
  integer: (x) => js`!Number.isInteger(${x})`,
  number: (x) => js`typeof ${x} !== "number" || !isFinite(${x})`,
  boolean: (x) => js`typeof ${x} !== "boolean"`,
};

/** The value is not of the schema's JSON type. */
export type TypeViolation = { kind: "type"; path: string; type: JsonType };

export function typeViolation(run: CheckRun, path: string, type: JsonType): void {
  run.violations.push({ kind: "type", path, type });
}

export const typeIssues: IssueBuilders<TypeViolation> = {
  type: (_, site) => {
    const issue = wrongValueIssue(
      site,
      "invalid-type",
      (received, expected) => `${received} where ${expected} is expected`,
    );
    // A whole body given as a string is usually its unparsed text, or a page some proxy sent instead.
    const hint = site.pointer === "" && typeof site.received === "string" ? stringHint(site.received) : undefined;
    if (hint) issue.message += ` — ${hint}`;
    return issue;
  },
};
