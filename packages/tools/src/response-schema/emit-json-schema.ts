// Schema IR → JSON Schema 2020-12 restricted to Gemini's `responseJsonSchema` keywords.
import { escapeSegment } from "../util/json-pointer.ts";
import type { Json, JsonObject } from "./json-schema-types.ts";
import { isEmptyMeta, type Meta, type Node, type NodeKind, type Origin, type SchemaDocument } from "./ir.ts";

export const refTarget = (name: string) => (name === "#" ? "#" : `#/$defs/${escapeSegment(name)}`);

/** Pointer in the emitted schema → where its node came from, so a finding on the output can name the source. */
export type OriginMap = Map<string, Origin>;

const child = (ptr: string, ...segs: (string | number)[]) => ptr + segs.map((s) => `/${escapeSegment(s)}`).join("");

/** Where the node being emitted goes; emitNode records its origin there. */
interface At {
  ptr: string;
  origins?: OriginMap;
}
const under = (at: At, ...segs: (string | number)[]): At => ({ ...at, ptr: child(at.ptr, ...segs) });

type Emit = (n: never, at: At) => JsonObject;

const EMIT: Record<NodeKind, Emit> = {
  string: () => ({ type: "string" }),
  number: () => ({ type: "number" }),
  integer: () => ({ type: "integer" }),
  boolean: () => ({ type: "boolean" }),
  null: () => ({ type: "null" }),
  enum: (n: Extract<Node, { kind: "enum" }>) => ({ type: n.type, enum: n.values }),
  object: (n: Extract<Node, { kind: "object" }>, at) => {
    const out: JsonObject = { type: "object" };
    if (n.properties.length) {
      out.properties = Object.fromEntries(
        n.properties.map((p) => [p.name, emitNode(p.node, under(at, "properties", p.name))]),
      );
      out.propertyOrdering = n.properties.map((p) => p.name);
      const required = n.properties.filter((p) => p.required).map((p) => p.name);
      if (required.length) out.required = required;
    }
    if (n.additional) out.additionalProperties = emitNode(n.additional, under(at, "additionalProperties"));
    return out;
  },
  array: (n: Extract<Node, { kind: "array" }>, at) => ({ type: "array", items: emitNode(n.items, under(at, "items")) }),
  tuple: (n: Extract<Node, { kind: "tuple" }>, at) => ({
    type: "array",
    prefixItems: n.prefix.map((p, i) => emitNode(p, under(at, "prefixItems", i))),
    ...(n.rest ? { items: emitNode(n.rest, under(at, "items")) } : {}),
  }),
  union: (n: Extract<Node, { kind: "union" }>, at) => ({
    anyOf: n.options.map((o, i) => emitNode(o, under(at, "anyOf", i))),
  }),
  // `$ref` takes no sibling keywords in Gemini, so an annotated reference is wrapped in a one-member anyOf.
  ref: (n: Extract<Node, { kind: "ref" }>): JsonObject =>
    isEmptyMeta(n.meta) ? { $ref: refTarget(n.name) } : { anyOf: [{ $ref: refTarget(n.name) }] },
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

export function emitNode(n: Node, at: At = { ptr: "" }): JsonObject {
  if (at.origins && n.origin && !at.origins.has(at.ptr)) at.origins.set(at.ptr, n.origin);
  return withMeta((EMIT[n.kind] as (n: Node, at: At) => JsonObject)(n, at), n.meta);
}

/** The document as JSON Schema; `origins`, when given, receives where each emitted node came from. */
export function emitJsonSchema(doc: SchemaDocument, origins?: OriginMap): JsonObject {
  const body = emitNode(doc.root, { ptr: "", ...(origins ? { origins } : {}) });
  const defs = [...doc.defs].filter(([name]) => name !== "#");
  const out: JsonObject = doc.id ? { $id: doc.id, ...body } : body;
  if (defs.length)
    out.$defs = Object.fromEntries(
      defs.map(([name, d]) => [
        name,
        emitNode(d.node, { ptr: child("", "$defs", name), ...(origins ? { origins } : {}) }),
      ]),
    );
  return out;
}
