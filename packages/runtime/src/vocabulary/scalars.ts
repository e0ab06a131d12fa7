// Booleans and numbers: `type: boolean | number`, and `type: integer` with `minimum` and `maximum` (the int32 and
// uint32 ranges; 64-bit integers travel as strings, ./strings.ts).
import { joined, js } from "./code.ts";
import { IS_OF_TYPE, NOT_OF_TYPE, typeViolation } from "./json-types.ts";
import {
  onlyKeywords,
  unreadable,
  type Check,
  type Compile,
  type IssueBuilder,
  type IssueBuilders,
  type NodeBase,
  type RawSchema,
} from "./keyword.ts";
import { wrongValueIssue } from "./issue-text.ts";

export interface ScalarSchemaNode extends NodeBase {
  kind: "scalar";
  type: "boolean" | "number";
}
export interface IntegerSchemaNode extends NodeBase {
  kind: "integer";
  minimum?: number;
  maximum?: number;
}

/** A number below the minimum or above the maximum. */
export type RangeViolation =
  { kind: "minimum"; path: string; limit: number } | { kind: "maximum"; path: string; limit: number };

export function readScalar(schema: RawSchema, type: "boolean" | "number", owner: string, at: string): ScalarSchemaNode {
  onlyKeywords(schema, ["type"], at);
  return { kind: "scalar", type, owner, at };
}

export function readInteger(schema: RawSchema, owner: string, at: string): IntegerSchemaNode {
  onlyKeywords(schema, ["type", "minimum", "maximum"], at);
  const node: IntegerSchemaNode = { kind: "integer", owner, at };
  for (const limit of ["minimum", "maximum"] as const) {
    const value = schema[limit];
    if (value === undefined) continue;
    if (typeof value !== "number" || !Number.isFinite(value)) unreadable(at, `${limit} must be a finite number`);
    node[limit] = value;
  }
  return node;
}

export const checkScalar: Check<ScalarSchemaNode> = (node, data, path, run) => {
  if (!IS_OF_TYPE[node.type](data)) typeViolation(run, path, node.type);
};

export const checkInteger: Check<IntegerSchemaNode> = (node, data, path, run) => {
  if (!IS_OF_TYPE.integer(data)) typeViolation(run, path, "integer");
  // ajv checks the limits of any finite number, an integer or not.
  if (!IS_OF_TYPE.number(data)) return;
  const n = data as number;
  if (node.maximum !== undefined && n > node.maximum)
    run.violations.push({ kind: "maximum", path, limit: node.maximum });
  if (node.minimum !== undefined && n < node.minimum)
    run.violations.push({ kind: "minimum", path, limit: node.minimum });
};

export const compileScalar: Compile<ScalarSchemaNode> = (node, x) => [
  js`if (${NOT_OF_TYPE[node.type](x)}) return false;`,
];

export const compileInteger: Compile<IntegerSchemaNode> = (node, x) => {
  const conds = [NOT_OF_TYPE.integer(x)];
  if (node.minimum !== undefined) conds.push(js`${x} < ${node.minimum}`);
  if (node.maximum !== undefined) conds.push(js`${x} > ${node.maximum}`);
  return [js`if (${joined(conds, " || ")}) return false;`];
};

const outOfRange: IssueBuilder<RangeViolation> = (_, site) =>
  wrongValueIssue(site, "out-of-range", (received, _expected, detail) => `${received} is out of range for ${detail}`);

export const rangeIssues: IssueBuilders<RangeViolation> = { minimum: outOfRange, maximum: outOfRange };
