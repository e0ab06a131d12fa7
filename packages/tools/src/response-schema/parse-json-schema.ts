// JSON Schema (Gemini's responseJsonSchema subset, draft-07 `definitions` accepted) → schema IR, with every
// keyword that has no IR counterpart reported at its JSON Pointer. Used by the dialect converters.
import { error, type Diagnostic } from "../diagnostics.ts";
import { escapeSegment, parsePointer } from "../util/json-pointer.ts";
import { isObject, type Json, type JsonObject } from "./json-schema-types.ts";
import type { Definition, Meta, Node, Property, SchemaDocument } from "./ir.ts";

interface Ctx {
  file?: string;
  diagnostics: Diagnostic[];
}

const IGNORED = new Set(["$schema", "$comment", "$id", "$anchor", "$defs", "definitions"]);
const META_KEYS = ["title", "description", "format", "minimum", "maximum", "minItems", "maxItems"] as const;
const OBJECT_KEYS = new Set(["properties", "required", "additionalProperties", "propertyOrdering"]);
const ARRAY_KEYS = new Set(["items", "prefixItems"]);
const KNOWN = new Set([
  ...IGNORED,
  ...META_KEYS,
  ...OBJECT_KEYS,
  ...ARRAY_KEYS,
  "type",
  "enum",
  "const",
  "anyOf",
  "oneOf",
  "$ref",
]);

const child = (ptr: string, ...segs: (string | number)[]) => ptr + segs.map((s) => `/${escapeSegment(s)}`).join("");

function report(ctx: Ctx, code: string, message: string, ptr: string, hint?: string): Node {
  ctx.diagnostics.push(error(code, message, { ...(ctx.file ? { file: ctx.file } : {}), pointer: ptr }, hint));
  return { kind: "null", meta: {} };
}

function readMeta(s: JsonObject, ptr: string, ctx: Ctx): Meta {
  const meta: Meta = {};
  for (const k of META_KEYS) {
    const v = s[k];
    if (v === undefined) continue;
    const wantsString = k === "title" || k === "description" || k === "format";
    if (wantsString ? typeof v !== "string" : typeof v !== "number")
      report(ctx, "convert.bad-value", `${k} must be a ${wantsString ? "string" : "number"}`, child(ptr, k));
    else (meta as Record<string, unknown>)[k] = v;
  }
  return meta;
}

export function refName(ref: string): string | undefined {
  if (ref === "#") return "#";
  const m = /^#(\/(?:\$defs|definitions)\/[^/]+)$/.exec(ref);
  return m ? parsePointer(m[1]!)[1] : undefined;
}

function enumNode(values: Json[], ptr: string, ctx: Ctx, meta: Meta): Node {
  const usable = values.filter((v): v is string | number => typeof v === "string" || typeof v === "number");
  const hasNull = values.includes(null);
  if (usable.length + (hasNull ? 1 : 0) !== values.length)
    return report(ctx, "convert.enum-value", "enum values must be strings or numbers", ptr);
  const strings = usable.filter((v) => typeof v === "string");
  const numbers = usable.filter((v) => typeof v === "number");
  const options: Node[] = [];
  if (strings.length) options.push({ kind: "enum", type: "string", values: strings, meta: {} });
  if (numbers.length)
    options.push({
      kind: "enum",
      type: numbers.every(Number.isInteger) ? "integer" : "number",
      values: numbers,
      meta: {},
    });
  if (hasNull) options.push({ kind: "null", meta: {} });
  const origin = { ...(ctx.file ? { file: ctx.file } : {}), pointer: ptr };
  if (options.length === 1) return { ...options[0]!, meta, origin };
  return { kind: "union", options, meta, origin };
}

function typed(type: string, s: JsonObject, ptr: string, ctx: Ctx): Node {
  switch (type) {
    case "string":
    case "number":
    case "integer":
    case "boolean":
    case "null":
      return { kind: type, meta: {} };
    case "object": {
      const props = isObject(s.properties) ? s.properties : {};
      const required = new Set(
        Array.isArray(s.required) ? s.required.filter((r): r is string => typeof r === "string") : [],
      );
      const ordering = Array.isArray(s.propertyOrdering)
        ? s.propertyOrdering.filter((r): r is string => typeof r === "string" && r in props)
        : [];
      const names = [...ordering, ...Object.keys(props).filter((k) => !ordering.includes(k))];
      const properties: Property[] = names.map((name) => ({
        name,
        node: parse(props[name]!, child(ptr, "properties", name), ctx),
        required: required.has(name),
      }));
      const ap = s.additionalProperties;
      const additional = isObject(ap) ? parse(ap, child(ptr, "additionalProperties"), ctx) : undefined;
      return { kind: "object", properties, meta: {}, ...(additional ? { additional } : {}) };
    }
    case "array": {
      if (Array.isArray(s.prefixItems)) {
        const prefix = s.prefixItems.map((p, i) => parse(p, child(ptr, "prefixItems", i), ctx));
        const rest = isObject(s.items) ? parse(s.items, child(ptr, "items"), ctx) : undefined;
        return { kind: "tuple", prefix, meta: {}, ...(rest ? { rest } : {}) };
      }
      if (!isObject(s.items)) return report(ctx, "convert.untyped", "an array needs an `items` schema", ptr);
      return { kind: "array", items: parse(s.items, child(ptr, "items"), ctx), meta: {} };
    }
    default:
      return report(ctx, "convert.bad-value", `unknown type "${type}"`, child(ptr, "type"));
  }
}

function parse(s: Json, ptr: string, ctx: Ctx): Node {
  if (!isObject(s)) return report(ctx, "convert.boolean-schema", "a schema must be an object here", ptr);
  for (const key of Object.keys(s))
    if (!KNOWN.has(key))
      report(ctx, "convert.unsupported-keyword", `keyword "${key}" cannot be converted`, child(ptr, key));
  const meta = readMeta(s, ptr, ctx);
  const origin = { ...(ctx.file ? { file: ctx.file } : {}), pointer: ptr };
  if (typeof s.$ref === "string") {
    const name = refName(s.$ref);
    if (name === undefined)
      return report(
        ctx,
        "convert.unresolved-ref",
        `cannot resolve "${s.$ref}": only #, #/$defs/… and #/definitions/… are supported`,
        child(ptr, "$ref"),
      );
    return { kind: "ref", name, meta, origin };
  }
  const alternatives = s.anyOf ?? s.oneOf;
  if (Array.isArray(alternatives)) {
    const key = s.anyOf !== undefined ? "anyOf" : "oneOf";
    return { kind: "union", options: alternatives.map((a, i) => parse(a, child(ptr, key, i), ctx)), meta, origin };
  }
  if (s.const !== undefined) return enumNode([s.const], child(ptr, "const"), ctx, meta);
  if (Array.isArray(s.enum)) return enumNode(s.enum, child(ptr, "enum"), ctx, meta);
  const types =
    typeof s.type === "string"
      ? [s.type]
      : Array.isArray(s.type)
        ? s.type.filter((t): t is string => typeof t === "string")
        : [];
  if (types.length === 0) {
    if (s.properties !== undefined || s.additionalProperties !== undefined) types.push("object");
    else if (s.items !== undefined || s.prefixItems !== undefined) types.push("array");
    else return report(ctx, "convert.untyped", "schema has no type: Gemini needs one", ptr, 'add "type"');
  }
  const nodes = types.map((t) => ({ ...typed(t, s, ptr, ctx), origin }));
  if (nodes.length === 1) return { ...nodes[0]!, meta } as Node;
  // The per-type meta (minimum, format, …) goes on each member; title/description on the union.
  const { title, description, ...constraints } = meta;
  return {
    kind: "union",
    options: nodes.map((n) => ({ ...n, meta: constraints }) as Node),
    meta: { ...(title !== undefined ? { title } : {}), ...(description !== undefined ? { description } : {}) },
    origin,
  };
}

export function parseJsonSchema(schema: unknown, file?: string): { doc?: SchemaDocument; diagnostics: Diagnostic[] } {
  const ctx: Ctx = { diagnostics: [], ...(file ? { file } : {}) };
  if (!isObject(schema))
    return {
      diagnostics: [
        error("convert.boolean-schema", "the schema must be a JSON object", { ...(file ? { file } : {}), pointer: "" }),
      ],
    };
  const defs = new Map<string, Definition>();
  for (const key of ["$defs", "definitions"] as const) {
    const block = schema[key];
    if (!isObject(block)) continue;
    for (const [name, body] of Object.entries(block)) {
      const ptr = child("", key, name);
      defs.set(name, { node: parse(body, ptr, ctx), origin: { ...(file ? { file } : {}), pointer: ptr, path: name } });
    }
  }
  const root = parse(schema, "", ctx);
  defs.set("#", { node: root, origin: { ...(file ? { file } : {}), pointer: "" } });
  const doc: SchemaDocument = { root, defs, ...(typeof schema.$id === "string" ? { id: schema.$id } : {}) };
  return ctx.diagnostics.length ? { diagnostics: ctx.diagnostics } : { doc, diagnostics: [] };
}
