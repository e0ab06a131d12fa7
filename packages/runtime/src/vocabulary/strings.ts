// Strings: `type: string` with `pattern` (the wire formats: int64 as a decimal string, timestamps, durations; no `u`
// flag, as ajv's unicodeRegExp: false), `x-gemini-bytes` (the library's base64 check, ../bytes.ts), `const`, and
// `x-gemini-drift` with an enum's values: a string outside them is drift in lenient mode and an `enum` error in
// strict mode (the strict schemas' `enum`); a value that is not a string is invalid in both.
// ajv checks the type in the place of the string keywords, after const and the enum, when the schema has a pattern or
// the bytes check, and first otherwise; the reference check keeps that order, so both report the same errors.
import { DriftKind } from "../drift-record.ts";
import { isBase64Bytes } from "../bytes.ts";
import { enumValueCount } from "../runtime-model.ts";
import { block, joined, js } from "./code.ts";
import { describeValue, issueAt, wrongValueIssue } from "./issue-text.ts";
import { IS_OF_TYPE, NOT_OF_TYPE, typeViolation } from "./json-types.ts";
import {
  onlyKeywords,
  stringList,
  support,
  unreadable,
  type Check,
  type Compile,
  type IssueBuilder,
  type IssueBuilders,
  type NodeBase,
  type RawSchema,
} from "./keyword.ts";

export const DRIFT = "x-gemini-drift";
export const BYTES = "x-gemini-bytes";

export interface StringSchemaNode extends NodeBase {
  kind: "string";
  pattern?: string;
  bytes: boolean;
  const?: string;
  /** An enum's values (x-gemini-drift with values): drift in lenient mode, an `enum` error in strict mode. */
  values?: readonly string[];
  valueSet?: ReadonlySet<string>;
}

export type StringViolation =
  /** Strict mode: a string outside the enum's values. */
  | { kind: "enum"; path: string; values: readonly string[] }
  /** A string other than the one value allowed. */
  | { kind: "const"; path: string; value: string }
  /** A string the format's pattern does not match. */
  | { kind: "pattern"; path: string; pattern: string }
  /** A bytes field that is not base64. */
  | { kind: "bytes"; path: string };

export function readString(schema: RawSchema, owner: string, at: string): StringSchemaNode {
  onlyKeywords(schema, ["$id", "type", "pattern", BYTES, "const", DRIFT], at);
  const node: StringSchemaNode = { kind: "string", bytes: false, owner, at };
  if (schema["pattern"] !== undefined) {
    if (typeof schema["pattern"] !== "string") unreadable(at, "pattern must be a string");
    node.pattern = schema["pattern"];
  }
  if (schema[BYTES] !== undefined) {
    if (schema[BYTES] !== true) unreadable(at, `${BYTES} must be true`);
    node.bytes = true;
  }
  if (schema["const"] !== undefined) {
    if (typeof schema["const"] !== "string") unreadable(at, "const must be a string");
    node.const = schema["const"];
  }
  if (schema[DRIFT] !== undefined) {
    node.values = stringList(schema[DRIFT], `${at}/${DRIFT}`);
    node.valueSet = new Set(node.values);
  }
  return node;
}

const patterns = new Map<string, RegExp>();
/** ajv's unicodeRegExp: false: no `u` flag. */
function regexp(source: string): RegExp {
  let re = patterns.get(source);
  if (re === undefined) patterns.set(source, (re = new RegExp(source)));
  return re;
}

export const checkString: Check<StringSchemaNode> = (node, data, path, run) => {
  const isString = IS_OF_TYPE.string(data);
  const typeFirst = node.pattern === undefined && !node.bytes;
  if (typeFirst && !isString) typeViolation(run, path, "string");
  if (node.const !== undefined && data !== node.const) run.violations.push({ kind: "const", path, value: node.const });
  if (node.values !== undefined) {
    if (run.strict) {
      if (!node.valueSet!.has(data as string)) run.violations.push({ kind: "enum", path, values: node.values });
    } else if (isString && !node.valueSet!.has(data as string))
      run.drift.push({ kind: DriftKind.UnknownEnumValue, path, value: data, owner: node.owner });
  }
  if (typeFirst) return;
  if (!isString) return typeViolation(run, path, "string");
  if (node.pattern !== undefined && !regexp(node.pattern).test(data as string))
    run.violations.push({ kind: "pattern", path, pattern: node.pattern });
  if (node.bytes && !isBase64Bytes(data as string)) run.violations.push({ kind: "bytes", path });
};

/**
 * One test of everything but the enum; an unknown enum value is drift, or another spelling of a value (its upper case
 * is one of the folded values), which normalization fixes.
 */
export const compileString: Compile<StringSchemaNode> = (node, x, _where, at, compiler) => {
  const conds = [NOT_OF_TYPE.string(x)];
  if (node.pattern !== undefined) conds.push(js`!${compiler.pattern(node.pattern)}.test(${x})`);
  if (node.bytes) conds.push(js`!${compiler.bytesCheck()}(${x})`);
  if (node.const !== undefined) conds.push(js`${x} !== ${node.const}`);
  const out = [js`if (${joined(conds, " || ")}) return false;`];
  if (node.values !== undefined) {
    const folded = compiler.foldedSet(node.owner);
    const keys = joined(at.keys, ", ");
    const ords = joined(at.ords, ", ");
    out.push(
      block(js`if (!${compiler.enumSet(node, node.values)}.has(${x}))`, [
        js`if (${folded}.has(${x}.toUpperCase())) return ${support("spelledOtherwiseFound")}();`,
        js`${support("recordDrift")}(n, [${keys}], [${ords}], false, ${x}, ${compiler.field});`,
      ]),
    );
  }
  return out;
};

/**
 * Upper-cased enum values that no other value of the enum shares: a string outside the enum whose upper case is one of
 * them is that value in another case (../normalize.ts's enumSpelling reads it the same way).
 */
export function foldedValues(values: readonly string[]): string[] {
  const count = new Map<string, number>();
  for (const v of values) count.set(v.toUpperCase(), (count.get(v.toUpperCase()) ?? 0) + 1);
  return [...count].filter(([, n]) => n === 1).map(([folded]) => folded);
}

const invalidFormat: IssueBuilder<StringViolation> = (_, site) =>
  wrongValueIssue(site, "invalid-format", (received, _expected, detail) => `${received} is not ${detail}`);

export const stringIssues: IssueBuilders<StringViolation> = {
  enum: (_, site) => {
    const ref = site.place.field?.ref;
    const issue = issueAt(
      site,
      "unknown-enum-value",
      `${describeValue(site.received)} is not a value of ${ref ?? "the enum"}`,
    );
    issue.expected = ref ? `one of the ${enumValueCount(ref)} ${ref} values` : undefined;
    issue.received = describeValue(site.received);
    return issue;
  },
  const: (v, site) =>
    wrongValueIssue(
      site,
      "invalid-value",
      (received) => `${received} is not allowed here (must be ${JSON.stringify(v.value)})`,
    ),
  pattern: invalidFormat,
  bytes: invalidFormat,
};
