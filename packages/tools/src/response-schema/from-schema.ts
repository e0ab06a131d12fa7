// Schema → TypeScript through json-schema-to-typescript. Either dialect is accepted (legacy schemas are converted
// to JSON Schema first); 2020-12 tuples are rewritten to the draft-07 form that library understands.
import { compile } from "json-schema-to-typescript";
import type { Diagnostic } from "../diagnostics.ts";
import { responseSchemaToJsonSchema } from "./convert-dialects.ts";
import { isObject, LEGACY_TYPES, type Json, type JsonObject } from "./json-schema-types.ts";
import { schemaFieldName } from "./rules/field-names.ts";

export interface FromSchemaOptions {
  /** Name of the root type (default: the schema's title, else "Root"). */
  name?: string;
  file?: string;
}

export interface FromSchemaResult {
  /** TypeScript declarations; absent when the schema could not be read. */
  code?: string;
  diagnostics: Diagnostic[];
}

/** A legacy `Schema` names its types in upper case, uses `nullable`, or spells a field by its proto name (`any_of`). */
export function looksLegacy(s: JsonObject): boolean {
  let legacy = false;
  const visit = (v: Json) => {
    if (Array.isArray(v)) v.forEach(visit);
    else if (isObject(v)) {
      if ((typeof v.type === "string" && (LEGACY_TYPES as readonly string[]).includes(v.type)) || v.nullable === true)
        legacy = true;
      if (Object.keys(v).some((k) => schemaFieldName(k) !== k)) legacy = true;
      Object.values(v).forEach(visit);
    }
  };
  visit(s);
  return legacy;
}

/** Rewrite what json-schema-to-typescript does not read: prefixItems (2020-12) and propertyOrdering (Gemini). */
function forJstt(v: Json): Json {
  if (Array.isArray(v)) return v.map(forJstt);
  if (!isObject(v)) return v;
  const out: JsonObject = {};
  for (const [k, x] of Object.entries(v)) {
    if (k === "propertyOrdering") continue;
    if (k === "properties" && isObject(x))
      out[k] = Object.fromEntries(Object.entries(x).map(([name, p]) => [name, forJstt(p)]));
    else if (k === "prefixItems") out.items = forJstt(x);
    else if (k === "items" && Array.isArray(v.prefixItems)) out.additionalItems = forJstt(x);
    else out[k] = forJstt(x);
  }
  if (Array.isArray(v.prefixItems) && v.items === undefined) out.additionalItems = false;
  // TypeScript has no length bounds for plain arrays; json-schema-to-typescript would turn minItems into a
  // non-empty tuple. Keep them as JSDoc tags instead, which toResponseJsonSchema reads back.
  if (v.type === "array" && !Array.isArray(v.prefixItems) && (v.minItems !== undefined || v.maxItems !== undefined)) {
    const tags = (["minItems", "maxItems"] as const)
      .filter((k) => v[k] !== undefined)
      .map((k) => `@${k} ${String(v[k])}`);
    delete out.minItems;
    delete out.maxItems;
    out.description = [typeof v.description === "string" ? v.description : "", ...tags].filter(Boolean).join("\n");
  }
  return out;
}

export async function fromSchema(schema: unknown, options: FromSchemaOptions = {}): Promise<FromSchemaResult> {
  let json: JsonObject;
  if (isObject(schema) && looksLegacy(schema)) {
    const converted = responseSchemaToJsonSchema(schema, options.file ? { file: options.file } : {});
    if (!converted.schema) return { diagnostics: converted.diagnostics };
    json = converted.schema;
  } else if (isObject(schema)) json = schema;
  else
    return {
      diagnostics: [
        {
          code: "schema.not-object",
          severity: "error",
          message: "a schema must be a JSON object",
          location: { ...(options.file ? { file: options.file } : {}), pointer: "" },
        },
      ],
    };
  const name = options.name ?? (typeof json.title === "string" ? json.title : "Root");
  // json-schema-to-typescript names the root after its title; an explicit name wins.
  const prepared = forJstt(options.name && json.title !== undefined ? { ...json, title: options.name } : json);
  const code = await compile(prepared as never, name, {
    bannerComment: "",
    additionalProperties: false,
    declareExternallyReferenced: true,
    format: true,
    // Keep minItems/maxItems of plain arrays as JSDoc instead of unions of tuples of every allowed length.
    maxItems: -1,
  });
  return { code, diagnostics: [] };
}
