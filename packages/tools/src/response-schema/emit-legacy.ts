// Schema IR → the legacy `responseSchema` dialect (Gemini's OpenAPI-subset `Schema`). It has no references, so
// definitions are inlined; what it cannot express (tuples, open maps, numeric enums, recursion) and what Gemini
// rejects in it (empty enum strings) is a located error. A string format Gemini has refused there is left out, with a
// warning.
import { error, hasErrors, warning, type Diagnostic } from "../diagnostics.ts";
import { escapeSegment } from "../util/json-pointer.ts";
import type { OriginMap } from "./emit-json-schema.ts";
import type { JsonObject } from "./json-schema-types.ts";
import type { Meta, Node, NodeKind, Origin, SchemaDocument } from "./ir.ts";

interface Ctx {
  doc: SchemaDocument;
  diagnostics: Diagnostic[];
  /** Definitions being inlined, outermost first: meeting one again means recursion. */
  stack: string[];
  /** Pointer of the node being emitted, and where emitted nodes came from. */
  ptr: string;
  origins?: OriginMap;
}

/** Emit `n` as the child of the current node at `segs`. */
function emitAt(n: Node, ctx: Ctx, ...segs: (string | number)[]): JsonObject {
  const saved = ctx.ptr;
  ctx.ptr = saved + segs.map((s) => `/${escapeSegment(s)}`).join("");
  try {
    return emit(n, ctx);
  } finally {
    ctx.ptr = saved;
  }
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
  enum: (n: Extract<Node, { kind: "enum" }>, ctx) => {
    if (n.type !== "string")
      return fail(
        ctx,
        "legacy.numeric-enum",
        "the legacy responseSchema allows only string enum values",
        n,
        "use responseJsonSchema, or string values",
      );
    // Gemini answers 400 "…enum[3]: cannot be empty" (github.com/Smana/runlore/pull/40).
    if (n.values.includes(""))
      return fail(
        ctx,
        "legacy.empty-enum-value",
        "the legacy responseSchema rejects an empty string as an enum value",
        n,
        "leave the empty string out (make the property optional instead)",
      );
    return { type: "STRING", format: "enum", enum: n.values };
  },
  object: (n: Extract<Node, { kind: "object" }>, ctx) => {
    if (n.additional)
      return fail(
        ctx,
        "legacy.additional-properties",
        "the legacy responseSchema cannot describe maps (additionalProperties)",
        n,
        "use responseJsonSchema",
      );
    const out: JsonObject = { type: "OBJECT" };
    if (n.properties.length) {
      out.properties = Object.fromEntries(n.properties.map((p) => [p.name, emitAt(p.node, ctx, "properties", p.name)]));
      out.propertyOrdering = n.properties.map((p) => p.name);
      const required = n.properties.filter((p) => p.required).map((p) => p.name);
      if (required.length) out.required = required;
    }
    return out;
  },
  array: (n: Extract<Node, { kind: "array" }>, ctx) => ({ type: "ARRAY", items: emitAt(n.items, ctx, "items") }),
  tuple: (n: Extract<Node, { kind: "tuple" }>, ctx) =>
    fail(
      ctx,
      "legacy.tuple",
      "the legacy responseSchema cannot describe tuples (prefixItems)",
      n,
      "use responseJsonSchema, or an object with named fields",
    ),
  union: (n: Extract<Node, { kind: "union" }>, ctx): JsonObject => {
    const rest = n.options.filter((o) => o.kind !== "null");
    const nullable = rest.length < n.options.length;
    if (rest.length === 1) return { ...emit(rest[0]!, ctx), ...(nullable ? { nullable: true } : {}) };
    return { anyOf: n.options.map((o, i) => emitAt(o, ctx, "anyOf", i)) };
  },
  ref: (n: Extract<Node, { kind: "ref" }>, ctx) => {
    if (ctx.stack.includes(n.name)) {
      const cycle = [...ctx.stack.slice(ctx.stack.indexOf(n.name)), n.name].join(" -> ");
      return fail(
        ctx,
        "legacy.recursive-ref",
        `the legacy responseSchema has no references, so the recursive type ${cycle} cannot be inlined`,
        n,
        "use responseJsonSchema",
      );
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
  if (ctx.origins && n.origin && !ctx.origins.has(ctx.ptr)) ctx.origins.set(ctx.ptr, n.origin);
  const body = (EMIT[n.kind] as (n: Node, ctx: Ctx) => JsonObject)(n, ctx);
  const meta: Meta = n.meta;
  // An inlined definition brings its own title/description; the ones at the reference site win.
  const { title, description, ...rest } = body;
  const out: JsonObject = {};
  if ((meta.title ?? title) !== undefined) out.title = meta.title ?? title!;
  if ((meta.description ?? description) !== undefined) out.description = meta.description ?? description!;
  Object.assign(out, rest);
  if (meta.format !== undefined && keepFormat(n, meta.format, ctx)) out.format = meta.format;
  for (const k of ["minItems", "maxItems", "minimum", "maximum"] as const) if (meta[k] !== undefined) out[k] = meta[k];
  return out;
}

/**
 * String formats the legacy dialect takes. Gemini has answered 400 "format: only 'enum' and 'date-time' are supported
 * for STRING type" (github.com/google-gemini/gemini-cli/issues/3178); Discovery now says other values are allowed but
 * "most do not trigger any special functionality". Either way another format does nothing, so it is left out.
 */
export const LEGACY_STRING_FORMATS: readonly string[] = ["date-time"];

function keepFormat(n: Node, format: string, ctx: Ctx): boolean {
  if (n.kind !== "string" || LEGACY_STRING_FORMATS.includes(format)) return true;
  ctx.diagnostics.push(
    warning(
      "legacy.format-dropped",
      `format "${format}" is left out of the legacy responseSchema${at(n.origin)}: Gemini has rejected STRING formats other than enum and date-time there, and now ignores them`,
      loc(n.origin),
      "say the format in the description, or use responseJsonSchema",
    ),
  );
  return false;
}

/** The document as a legacy Schema; `origins`, when given, receives where each emitted node came from. */
export function emitLegacy(
  doc: SchemaDocument,
  origins?: OriginMap,
): { schema?: JsonObject; diagnostics: Diagnostic[] } {
  const ctx: Ctx = { doc, diagnostics: [], stack: [], ptr: "", ...(origins ? { origins } : {}) };
  const schema = emit(doc.root, ctx);
  return hasErrors(ctx.diagnostics) ? { diagnostics: ctx.diagnostics } : { schema, diagnostics: ctx.diagnostics };
}
