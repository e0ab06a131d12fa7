// The schema IR: one tree shape that every front end (TypeScript types, JSON Schema, the legacy `Schema`) produces
// and every emitter consumes. It holds only what Gemini can express, so an emitter never has to refuse a node.
import type { Location } from "../diagnostics.ts";

/** Annotations and constraints that Gemini honours. Which apply to which kind is checked where they are set. */
export interface Meta {
  title?: string;
  description?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
}

/** Where a node came from: a TypeScript position plus the type path, or a JSON Pointer. */
export interface Origin extends Location {
  /** Type path such as `Order.items[].price`, when the node came from TypeScript. */
  path?: string;
}

interface Base {
  meta: Meta;
  origin?: Origin;
}

export interface StringNode extends Base {
  kind: "string";
}
export interface NumberNode extends Base {
  kind: "number";
}
export interface IntegerNode extends Base {
  kind: "integer";
}
export interface BooleanNode extends Base {
  kind: "boolean";
}
export interface NullNode extends Base {
  kind: "null";
}
/** A closed set of values. `type` is the JSON type every value has (mixed sets are unions of two enums). */
export interface EnumNode extends Base {
  kind: "enum";
  type: "string" | "number" | "integer";
  values: (string | number)[];
}
export interface Property {
  name: string;
  node: Node;
  required: boolean;
}
export interface ObjectNode extends Base {
  kind: "object";
  properties: Property[];
  /** Schema of the values of keys not in `properties` (index signatures, Record<string, T>). */
  additional?: Node;
}
export interface ArrayNode extends Base {
  kind: "array";
  items: Node;
}
/** Fixed leading elements, then optionally any number of `rest`. minItems/maxItems live in meta. */
export interface TupleNode extends Base {
  kind: "tuple";
  prefix: Node[];
  rest?: Node;
}
export interface UnionNode extends Base {
  kind: "union";
  options: Node[];
}
/** Reference to a named definition of the document. */
export interface RefNode extends Base {
  kind: "ref";
  name: string;
}

export type Node =
  | StringNode
  | NumberNode
  | IntegerNode
  | BooleanNode
  | NullNode
  | EnumNode
  | ObjectNode
  | ArrayNode
  | TupleNode
  | UnionNode
  | RefNode;
export type NodeKind = Node["kind"];

export interface Definition {
  node: Node;
  origin?: Origin;
}

export interface SchemaDocument {
  root: Node;
  /** Named definitions, in the order they were first met. */
  defs: Map<string, Definition>;
  /** `$id` of the emitted schema, when known. */
  id?: string;
}

/** Sub-nodes of a node, each with the edge label the cycle check needs (does this edge make the child required?). */
export interface Child {
  node: Node;
  /** False when the child can be left out of a valid instance by omitting a property (optional or additional). */
  required: boolean;
  /** Segment for paths and pointers. */
  segment: string;
}

export const childrenOf: Record<NodeKind, (n: never) => Child[]> = {
  string: () => [],
  number: () => [],
  integer: () => [],
  boolean: () => [],
  null: () => [],
  enum: () => [],
  ref: () => [],
  object: (n: ObjectNode) => [
    ...n.properties.map((p) => ({ node: p.node, required: p.required, segment: p.name })),
    ...(n.additional ? [{ node: n.additional, required: false, segment: "*" }] : []),
  ],
  array: (n: ArrayNode) => [{ node: n.items, required: true, segment: "[]" }],
  tuple: (n: TupleNode) => [
    ...n.prefix.map((node, i) => ({ node, required: true, segment: `[${i}]` })),
    ...(n.rest ? [{ node: n.rest, required: true, segment: "[...]" }] : []),
  ],
  union: (n: UnionNode) => n.options.map((node, i) => ({ node, required: true, segment: `|${i}` })),
};

export function children(n: Node): Child[] {
  return (childrenOf[n.kind] as (n: Node) => Child[])(n);
}

/** Every ref name reachable from `n` without going through another ref, with whether the path is all-required. */
export function refsIn(n: Node, allRequired = true, out: { name: string; required: boolean; origin?: Origin }[] = []) {
  if (n.kind === "ref") out.push({ name: n.name, required: allRequired, ...(n.origin ? { origin: n.origin } : {}) });
  for (const c of children(n)) refsIn(c.node, allRequired && c.required, out);
  return out;
}

export const isEmptyMeta = (m: Meta) => Object.values(m).every((v) => v === undefined);

const mappers: Record<NodeKind, (n: never, f: (c: Node) => Node) => Node> = {
  string: (n: Node) => n,
  number: (n: Node) => n,
  integer: (n: Node) => n,
  boolean: (n: Node) => n,
  null: (n: Node) => n,
  enum: (n: Node) => n,
  ref: (n: Node) => n,
  object: (n: ObjectNode, f) => ({
    ...n,
    properties: n.properties.map((p) => ({ ...p, node: f(p.node) })),
    ...(n.additional ? { additional: f(n.additional) } : {}),
  }),
  array: (n: ArrayNode, f) => ({ ...n, items: f(n.items) }),
  tuple: (n: TupleNode, f) => ({ ...n, prefix: n.prefix.map(f), ...(n.rest ? { rest: f(n.rest) } : {}) }),
  union: (n: UnionNode, f) => ({ ...n, options: n.options.map(f) }),
};

/** A copy of `n` with `f` applied to each direct child. */
export function mapChildren(n: Node, f: (c: Node) => Node): Node {
  return (mappers[n.kind] as (n: Node, f: (c: Node) => Node) => Node)(n, f);
}
