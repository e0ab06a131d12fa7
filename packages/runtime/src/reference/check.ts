// The reference checker's evaluation: one handler per node kind (./schema-nodes.ts), each finding exactly the violations
// (./violation.ts) ajv reports as errors for the same schemas (the tests' oracle, test/support/ajv-oracle.ts), in
// their order. ajv (allErrors,
// strict numbers) evaluates a schema's keywords in groups — those for any type (const, enum, allOf/if, then the
// drift keyword, registered last), then number, string, array and object keywords, each only when the value has that
// type — and reports a type error first when the type's group has no keyword in the schema, else in that group's
// place. Properties are read as ajv reads them (`data[p] !== undefined`: an undefined member is absent, inherited
// values count) and keys iterated as it iterates them (for…in). Lenient mode records drift where ajv's drift keyword
// does; strict mode turns the same places into ajv strict's `additionalProperties` and `enum` errors.
import {
  named,
  type AnySchemaNode,
  type ArraySchemaNode,
  type IntegerSchemaNode,
  type MapSchemaNode,
  type ResourceSchemaNode,
  type ScalarSchemaNode,
  type SchemaNode,
  type StringSchemaNode,
} from "./schema-nodes.ts";
import { isBase64Bytes } from "../bytes.ts";
import { encodeSegment } from "../runtime-model.ts";
import { DriftKind, type DriftRecord } from "../drift-record.ts";
import type { Violation } from "./violation.ts";

export interface Run {
  strict: boolean;
  violations: Violation[];
  /** Lenient drift, in the order it is found. */
  drift: DriftRecord[];
}

type Obj = Record<string, unknown>;
const isObject = (v: unknown): v is Obj => v !== null && typeof v === "object" && !Array.isArray(v);

const typeError = (run: Run, path: string, type: string) => run.violations.push({ kind: "type", path, type });

const patterns = new Map<string, RegExp>();
/** ajv's unicodeRegExp: false: no `u` flag. */
function regexp(source: string): RegExp {
  let re = patterns.get(source);
  if (re === undefined) patterns.set(source, (re = new RegExp(source)));
  return re;
}

/** Checks `data` (at instance path `path`) against `node`. Deep data overflows the stack: a RangeError, as with ajv. */
export function check(node: SchemaNode, data: unknown, path: string, run: Run): void {
  while (node.kind === "ref") {
    const target = named(node.name);
    if (target === undefined)
      throw new Error(`gemini-typekit reference checker: ${node.at}: $ref to unknown schema ${node.name}`);
    node = target;
  }
  (HANDLERS[node.kind] as Handler<SchemaNode>)(node, data, path, run);
}

type Handler<N extends SchemaNode> = (node: N, data: unknown, path: string, run: Run) => void;

const HANDLERS: { [K in SchemaNode["kind"]]: Handler<Extract<SchemaNode, { kind: K }>> } = {
  ref: (node, data, path, run) => check(node, data, path, run), // check() follows refs itself: one frame less per level
  anything: () => undefined,
  scalar: (node: ScalarSchemaNode, data, path, run) => {
    if (node.type === "boolean" ? typeof data !== "boolean" : typeof data !== "number" || !isFinite(data))
      typeError(run, path, node.type);
  },
  integer: (node: IntegerSchemaNode, data, path, run) => {
    if (!Number.isInteger(data)) typeError(run, path, "integer");
    if (typeof data !== "number" || !isFinite(data)) return;
    if (node.maximum !== undefined && data > node.maximum)
      run.violations.push({ kind: "maximum", path, limit: node.maximum });
    if (node.minimum !== undefined && data < node.minimum)
      run.violations.push({ kind: "minimum", path, limit: node.minimum });
  },
  string: (node: StringSchemaNode, data, path, run) => {
    const isString = typeof data === "string";
    // With a pattern or the bytes check, the type is checked in the string keywords' place, after the others.
    const typeFirst = node.pattern === undefined && !node.bytes;
    if (typeFirst && !isString) typeError(run, path, "string");
    if (node.const !== undefined && data !== node.const)
      run.violations.push({ kind: "const", path, value: node.const });
    if (node.values !== undefined) {
      if (run.strict) {
        if (!node.valueSet!.has(data as string)) run.violations.push({ kind: "enum", path, values: node.values });
      } else if (isString && !node.valueSet!.has(data))
        run.drift.push({ kind: DriftKind.UnknownEnumValue, path, value: data, owner: node.owner });
    }
    if (typeFirst) return;
    if (!isString) return typeError(run, path, "string");
    if (node.pattern !== undefined && !regexp(node.pattern).test(data))
      run.violations.push({ kind: "pattern", path, pattern: node.pattern });
    if (node.bytes && !isBase64Bytes(data)) run.violations.push({ kind: "bytes", path });
  },
  array: (node: ArraySchemaNode, data, path, run) => {
    if (!Array.isArray(data)) return typeError(run, path, "array");
    const items = node.items;
    if (items === undefined) return;
    // Holes read as undefined, as ajv's indexed loop reads them.
    for (let i = 0; i < data.length; i++) check(items, data[i], `${path}/${i}`, run);
  },
  map: (node: MapSchemaNode, data, path, run) => {
    if (!isObject(data)) return typeError(run, path, "object");
    const values = node.values;
    if (values === undefined) return;
    for (const key in data) check(values, data[key], `${path}/${encodeSegment(key)}`, run);
  },
  resource: (node: ResourceSchemaNode, data, path, run) => {
    if (!isObject(data)) return typeError(run, path, "object");
    objectKeywords(node, data, path, run);
  },
  any: (node: AnySchemaNode, data, path, run) => {
    // Each branch applies when "@type" is its URL — and to any value that is not an object (`if` holds vacuously).
    for (const [i, { url, then }] of node.branches.entries()) {
      if (isObject(data) && data["@type"] !== url) continue;
      const before = run.violations.length;
      check(then, data, path, run);
      if (run.violations.length > before) run.violations.push({ kind: "branch", path, index: i });
    }
    if (!isObject(data)) return typeError(run, path, "object");
    objectKeywords(node.object, data, path, run);
  },
};

/** An object's keywords in ajv's order: required, unknown keys, properties, oneofs. */
function objectKeywords(node: ResourceSchemaNode, data: Obj, path: string, run: Run): void {
  for (const name of node.required)
    if (data[name] === undefined) run.violations.push({ kind: "required", path, property: name });
  if (node.closed)
    for (const key in data) {
      if (node.declared.has(key)) continue;
      if (run.strict) run.violations.push({ kind: "unknown-field", path, property: key });
      else
        run.drift.push({
          kind: DriftKind.UnknownField,
          path: `${path}/${encodeSegment(key)}`,
          value: data[key],
          owner: node.owner,
        });
    }
  for (const { name, segment, node: property } of node.properties) {
    const value = data[name];
    if (value !== undefined) check(property, value, path + segment, run);
  }
  for (const { member, others } of node.oneofs) {
    if (data[member] === undefined) continue;
    for (const other of others)
      if (data[other] !== undefined) run.violations.push({ kind: "oneof", path, member, other });
  }
}
