// The legacy `responseSchema` (Gemini's OpenAPI-subset `Schema` message) → schema IR. Fields outside what the IR
// holds are reported at their JSON Pointer rather than dropped.
import { error, type Diagnostic } from "../diagnostics.ts";
import { escapeSegment } from "../util/json-pointer.ts";
import { isObject, LEGACY_FIELDS, type Json } from "./json-schema-types.ts";
import type { Meta, Node, Property, SchemaDocument } from "./ir.ts";

interface Ctx {
  file?: string;
  diagnostics: Diagnostic[];
}

const KNOWN = new Set<string>(LEGACY_FIELDS);
const child = (ptr: string, ...segs: (string | number)[]) => ptr + segs.map((s) => `/${escapeSegment(s)}`).join("");

function report(ctx: Ctx, code: string, message: string, ptr: string, hint?: string): Node {
  ctx.diagnostics.push(error(code, message, { ...(ctx.file ? { file: ctx.file } : {}), pointer: ptr }, hint));
  return { kind: "null", meta: {} };
}

/** int64 and double fields may arrive as JSON strings (proto3 JSON mapping). */
function num(v: Json | undefined): number | undefined {
  if (typeof v === "number") return v;
  if (typeof v === "string" && v.trim() !== "" && Number.isFinite(Number(v))) return Number(v);
  return undefined;
}

function parse(s: Json, ptr: string, ctx: Ctx): Node {
  if (!isObject(s)) return report(ctx, "convert.bad-value", "a Schema must be an object", ptr);
  for (const key of Object.keys(s)) if (!KNOWN.has(key)) report(ctx, "convert.unsupported-field", `field "${key}" cannot be converted`, child(ptr, key));
  const meta: Meta = {};
  if (typeof s.title === "string") meta.title = s.title;
  if (typeof s.description === "string") meta.description = s.description;
  for (const k of ["minimum", "maximum", "minItems", "maxItems"] as const) {
    if (s[k] === undefined) continue;
    const v = num(s[k]);
    if (v === undefined) report(ctx, "convert.bad-value", `${k} must be a number`, child(ptr, k));
    else meta[k] = v;
  }
  const format = typeof s.format === "string" && s.format !== "enum" ? s.format : undefined;
  if (format) meta.format = format;
  const origin = { ...(ctx.file ? { file: ctx.file } : {}), pointer: ptr };
  const type = typeof s.type === "string" ? s.type.toUpperCase() : undefined;
  let node: Node;
  if (Array.isArray(s.anyOf) && type === undefined) {
    node = { kind: "union", options: s.anyOf.map((a, i) => parse(a, child(ptr, "anyOf", i), ctx)), meta, origin };
  } else if (Array.isArray(s.enum)) {
    const values = s.enum.filter((v): v is string => typeof v === "string");
    if (values.length !== s.enum.length) return report(ctx, "convert.enum-value", "legacy enum values must be strings", child(ptr, "enum"));
    node = { kind: "enum", type: "string", values, meta, origin };
  } else {
    switch (type) {
      case "STRING":
      case "NUMBER":
      case "INTEGER":
      case "BOOLEAN":
      case "NULL":
        node = { kind: type.toLowerCase() as "string" | "number" | "integer" | "boolean" | "null", meta, origin };
        break;
      case "ARRAY":
        if (!isObject(s.items)) return report(ctx, "convert.untyped", "an ARRAY needs `items`", ptr);
        node = { kind: "array", items: parse(s.items, child(ptr, "items"), ctx), meta, origin };
        break;
      case "OBJECT": {
        const props = isObject(s.properties) ? s.properties : {};
        const required = new Set(Array.isArray(s.required) ? s.required : []);
        const ordering = Array.isArray(s.propertyOrdering) ? s.propertyOrdering.filter((r): r is string => typeof r === "string" && r in props) : [];
        const names = [...ordering, ...Object.keys(props).filter((k) => !ordering.includes(k))];
        const properties: Property[] = names.map((name) => ({ name, node: parse(props[name]!, child(ptr, "properties", name), ctx), required: required.has(name) }));
        node = { kind: "object", properties, meta, origin };
        break;
      }
      default:
        return report(ctx, "convert.bad-value", `type must be one of STRING, NUMBER, INTEGER, BOOLEAN, ARRAY, OBJECT, NULL`, child(ptr, "type"));
    }
  }
  if (s.nullable !== true) return node;
  const { title, description, ...constraints } = node.meta;
  return {
    kind: "union",
    options: [{ ...node, meta: constraints } as Node, { kind: "null", meta: {} }],
    meta: { ...(title !== undefined ? { title } : {}), ...(description !== undefined ? { description } : {}) },
    origin,
  };
}

export function parseLegacy(schema: unknown, file?: string): { doc?: SchemaDocument; diagnostics: Diagnostic[] } {
  const ctx: Ctx = { diagnostics: [], ...(file ? { file } : {}) };
  const root = parse(schema as Json, "", ctx);
  return ctx.diagnostics.length ? { diagnostics: ctx.diagnostics } : { doc: { root, defs: new Map() }, diagnostics: [] };
}
