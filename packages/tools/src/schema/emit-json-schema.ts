// Schema IR → JSON Schema 2020-12 restricted to Gemini's `responseJsonSchema` keywords.
import { escapeSegment } from "../util/json-pointer.ts";
import type { Json, JsonObject } from "./json-schema-types.ts";
import { isEmptyMeta, type Meta, type Node, type NodeKind, type SchemaDocument } from "./ir.ts";

export const refTarget = (name: string) => (name === "#" ? "#" : `#/$defs/${escapeSegment(name)}`);

type Emit = (n: never) => JsonObject;

const EMIT: Record<NodeKind, Emit> = {
  string: () => ({ type: "string" }),
  number: () => ({ type: "number" }),
  integer: () => ({ type: "integer" }),
  boolean: () => ({ type: "boolean" }),
  null: () => ({ type: "null" }),
  enum: (n: Extract<Node, { kind: "enum" }>) => ({ type: n.type, enum: n.values }),
  object: (n: Extract<Node, { kind: "object" }>) => {
    const out: JsonObject = { type: "object" };
    if (n.properties.length) {
      out.properties = Object.fromEntries(n.properties.map((p) => [p.name, emitNode(p.node)]));
      out.propertyOrdering = n.properties.map((p) => p.name);
      const required = n.properties.filter((p) => p.required).map((p) => p.name);
      if (required.length) out.required = required;
    }
    if (n.additional) out.additionalProperties = emitNode(n.additional);
    return out;
  },
  array: (n: Extract<Node, { kind: "array" }>) => ({ type: "array", items: emitNode(n.items) }),
  tuple: (n: Extract<Node, { kind: "tuple" }>) => ({
    type: "array",
    prefixItems: n.prefix.map(emitNode),
    ...(n.rest ? { items: emitNode(n.rest) } : {}),
  }),
  union: (n: Extract<Node, { kind: "union" }>) => ({ anyOf: n.options.map(emitNode) }),
  // `$ref` takes no sibling keywords in Gemini, so an annotated reference is wrapped in a one-member anyOf.
  ref: (n: Extract<Node, { kind: "ref" }>): JsonObject => (isEmptyMeta(n.meta) ? { $ref: refTarget(n.name) } : { anyOf: [{ $ref: refTarget(n.name) }] }),
};

function withMeta(body: JsonObject, meta: Meta): JsonObject {
  const out: JsonObject = {};
  if (meta.title !== undefined) out.title = meta.title;
  if (meta.description !== undefined) out.description = meta.description;
  Object.assign(out, body);
  const tail: (keyof Meta)[] = ["format", "minItems", "maxItems", "minimum", "maximum"];
  for (const k of tail) if (meta[k] !== undefined) out[k] = meta[k] as Json;
  return out;
}

export function emitNode(n: Node): JsonObject {
  return withMeta((EMIT[n.kind] as (n: Node) => JsonObject)(n), n.meta);
}

export function emitJsonSchema(doc: SchemaDocument): JsonObject {
  const body = emitNode(doc.root);
  const defs = [...doc.defs].filter(([name]) => name !== "#");
  const out: JsonObject = doc.id ? { $id: doc.id, ...body } : body;
  if (defs.length) out.$defs = Object.fromEntries(defs.map(([name, d]) => [name, emitNode(d.node)]));
  return out;
}
