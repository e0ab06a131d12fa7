// The legacy `responseSchema` (Gemini's OpenAPI-subset `Schema` message) → schema IR. Fields outside what the IR
// holds are reported at their JSON Pointer rather than dropped. A field may come under its JSON name or its proto
// name (`any_of`, `property_ordering`: the protobuf JSON mapping takes both, and the linter reads both), and a type
// name in any case; pointers keep the key the input used.
import { error, type Diagnostic } from "../diagnostics.ts";
import { escapeSegment } from "../util/json-pointer.ts";
import { isObject, LEGACY_FIELDS, type Json, type JsonObject } from "./json-schema-types.ts";
import type { Meta, Node, Property, SchemaDocument } from "./ir.ts";
import { spellingsOf, schemaFieldName } from "./rules/field-names.ts";

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

/** The field `name` (its JSON name) of a Schema object under whichever spelling the input used. */
function field(s: JsonObject, name: string): { key: string; value: Json } | undefined {
  for (const key of spellingsOf(name)) if (s[key] !== undefined) return { key, value: s[key]! };
  return undefined;
}

function parse(s: Json, ptr: string, ctx: Ctx): Node {
  if (!isObject(s)) return report(ctx, "convert.bad-value", "a Schema must be an object", ptr);
  for (const key of Object.keys(s))
    if (!KNOWN.has(schemaFieldName(key)))
      report(ctx, "convert.unsupported-field", `field "${key}" cannot be converted`, child(ptr, key));
  const get = (name: string) => field(s, name);
  const meta: Meta = {};
  for (const k of ["title", "description"] as const) {
    const v = get(k)?.value;
    if (typeof v === "string") meta[k] = v;
  }
  for (const k of ["minimum", "maximum", "minItems", "maxItems"] as const) {
    const f = get(k);
    if (f === undefined) continue;
    const v = num(f.value);
    if (v === undefined) report(ctx, "convert.bad-value", `${k} must be a number`, child(ptr, f.key));
    else meta[k] = v;
  }
  const formatValue = get("format")?.value;
  const format = typeof formatValue === "string" && formatValue !== "enum" ? formatValue : undefined;
  if (format) meta.format = format;
  const origin = { ...(ctx.file ? { file: ctx.file } : {}), pointer: ptr };
  const typeValue = get("type")?.value;
  const type = typeof typeValue === "string" ? typeValue.toUpperCase() : undefined;
  const anyOf = get("anyOf");
  const enumField = get("enum");
  let node: Node;
  if (anyOf && Array.isArray(anyOf.value) && type === undefined) {
    node = { kind: "union", options: anyOf.value.map((a, i) => parse(a, child(ptr, anyOf.key, i), ctx)), meta, origin };
  } else if (enumField && Array.isArray(enumField.value)) {
    const values = enumField.value.filter((v): v is string => typeof v === "string");
    if (values.length !== enumField.value.length)
      return report(ctx, "convert.enum-value", "legacy enum values must be strings", child(ptr, enumField.key));
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
      case "ARRAY": {
        const items = get("items");
        if (!items || !isObject(items.value)) return report(ctx, "convert.untyped", "an ARRAY needs `items`", ptr);
        node = { kind: "array", items: parse(items.value, child(ptr, items.key), ctx), meta, origin };
        break;
      }
      case "OBJECT": {
        const propsField = get("properties");
        const props = propsField && isObject(propsField.value) ? propsField.value : {};
        const requiredValue = get("required")?.value;
        const required = new Set(Array.isArray(requiredValue) ? requiredValue : []);
        const orderingValue = get("propertyOrdering")?.value;
        const ordering = Array.isArray(orderingValue)
          ? orderingValue.filter((r): r is string => typeof r === "string" && r in props)
          : [];
        const names = [...ordering, ...Object.keys(props).filter((k) => !ordering.includes(k))];
        const properties: Property[] = names.map((name) => ({
          name,
          node: parse(props[name]!, child(ptr, propsField!.key, name), ctx),
          required: required.has(name),
        }));
        node = { kind: "object", properties, meta, origin };
        break;
      }
      default:
        return typeValue === undefined
          ? report(ctx, "convert.untyped", "a Schema needs `type` (or `anyOf`)", ptr, 'add "type"')
          : report(
              ctx,
              "convert.bad-value",
              `type must be one of STRING, NUMBER, INTEGER, BOOLEAN, ARRAY, OBJECT, NULL (in any case)`,
              child(ptr, get("type")!.key),
            );
    }
  }
  if (get("nullable")?.value !== true) return node;
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
  return ctx.diagnostics.length
    ? { diagnostics: ctx.diagnostics }
    : { doc: { root, defs: new Map() }, diagnostics: [] };
}
