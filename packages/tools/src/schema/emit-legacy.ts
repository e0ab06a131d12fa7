// Schema IR → the legacy `responseSchema` dialect (Gemini's OpenAPI-subset `Schema`). It has no references, so
// definitions are inlined; what it cannot express (tuples, open maps, numeric enums, recursion) is a located error.
import { error, type Diagnostic } from "../diagnostics.ts";
import type { JsonObject } from "./json-schema-types.ts";
import type { Meta, Node, NodeKind, Origin, SchemaDocument } from "./ir.ts";

interface Ctx {
  doc: SchemaDocument;
  diagnostics: Diagnostic[];
  /** Definitions being inlined, outermost first: meeting one again means recursion. */
  stack: string[];
}

const loc = (o: Origin | undefined) => {
  const { path: _p, ...rest } = o ?? {};
  return rest;
};
const at = (o: Origin | undefined) => (o?.path ? ` at ${o.path}` : "");

function fail(ctx: Ctx, code: string, message: string, n: Node, hint?: string): JsonObject {
  ctx.diagnostics.push(error(code, `${message}${at(n.origin)}`, loc(n.origin), hint));
  return {};
}

type Emit = (n: never, ctx: Ctx) => JsonObject;

const EMIT: Record<NodeKind, Emit> = {
  string: () => ({ type: "STRING" }),
  number: () => ({ type: "NUMBER" }),
  integer: () => ({ type: "INTEGER" }),
  boolean: () => ({ type: "BOOLEAN" }),
  null: () => ({ type: "NULL" }),
  enum: (n: Extract<Node, { kind: "enum" }>, ctx) =>
    n.type === "string"
      ? { type: "STRING", format: "enum", enum: n.values }
      : fail(ctx, "legacy.numeric-enum", "the legacy responseSchema allows only string enum values", n, "use responseJsonSchema, or string values"),
  object: (n: Extract<Node, { kind: "object" }>, ctx) => {
    if (n.additional) return fail(ctx, "legacy.additional-properties", "the legacy responseSchema cannot describe maps (additionalProperties)", n, "use responseJsonSchema");
    const out: JsonObject = { type: "OBJECT" };
    if (n.properties.length) {
      out.properties = Object.fromEntries(n.properties.map((p) => [p.name, emit(p.node, ctx)]));
      out.propertyOrdering = n.properties.map((p) => p.name);
      const required = n.properties.filter((p) => p.required).map((p) => p.name);
      if (required.length) out.required = required;
    }
    return out;
  },
  array: (n: Extract<Node, { kind: "array" }>, ctx) => ({ type: "ARRAY", items: emit(n.items, ctx) }),
  tuple: (n: Extract<Node, { kind: "tuple" }>, ctx) =>
    fail(ctx, "legacy.tuple", "the legacy responseSchema cannot describe tuples (prefixItems)", n, "use responseJsonSchema, or an object with named fields"),
  union: (n: Extract<Node, { kind: "union" }>, ctx): JsonObject => {
    const rest = n.options.filter((o) => o.kind !== "null");
    const nullable = rest.length < n.options.length;
    if (rest.length === 1) return { ...emit(rest[0]!, ctx), ...(nullable ? { nullable: true } : {}) };
    return { anyOf: n.options.map((o) => emit(o, ctx)) };
  },
  ref: (n: Extract<Node, { kind: "ref" }>, ctx) => {
    if (ctx.stack.includes(n.name)) {
      const cycle = [...ctx.stack.slice(ctx.stack.indexOf(n.name)), n.name].join(" -> ");
      return fail(ctx, "legacy.recursive-ref", `the legacy responseSchema has no references, so the recursive type ${cycle} cannot be inlined`, n, "use responseJsonSchema");
    }
    const def = ctx.doc.defs.get(n.name);
    if (!def) return fail(ctx, "legacy.unresolved-ref", `reference to unknown definition ${n.name}`, n);
    ctx.stack.push(n.name);
    const out = emit(def.node, ctx);
    ctx.stack.pop();
    return out;
  },
};

function emit(n: Node, ctx: Ctx): JsonObject {
  const body = (EMIT[n.kind] as (n: Node, ctx: Ctx) => JsonObject)(n, ctx);
  const meta: Meta = n.meta;
  // An inlined definition brings its own title/description; the ones at the reference site win.
  const { title, description, ...rest } = body;
  const out: JsonObject = {};
  if ((meta.title ?? title) !== undefined) out.title = meta.title ?? title!;
  if ((meta.description ?? description) !== undefined) out.description = meta.description ?? description!;
  Object.assign(out, rest);
  for (const k of ["format", "minItems", "maxItems", "minimum", "maximum"] as const) if (meta[k] !== undefined) out[k] = meta[k];
  return out;
}

export function emitLegacy(doc: SchemaDocument): { schema?: JsonObject; diagnostics: Diagnostic[] } {
  const ctx: Ctx = { doc, diagnostics: [], stack: [] };
  const schema = emit(doc.root, ctx);
  return ctx.diagnostics.length ? { diagnostics: ctx.diagnostics } : { schema, diagnostics: [] };
}
