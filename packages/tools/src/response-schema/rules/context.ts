// What every lint rule gets: the schema, every subschema with its JSON Pointer, the dialect and the target field.
// In the legacy dialect a field may come under its JSON name or its proto name (the protobuf JSON mapping accepts
// both); `get` reads either, so a rule names a field once and reports it under the key the input used.
import type { Location } from "../../diagnostics.ts";
import { escapeSegment } from "../../util/json-pointer.ts";
import { isObject, type Json, type JsonObject } from "../json-schema-types.ts";
import { spellingsOf } from "./field-names.ts";
import type { Dialect, Target } from "./rule.ts";

export type { Dialect, Target } from "./rule.ts";

/** A field as the input spelled it. */
export interface Field {
  key: string;
  value: Json;
}

export interface Subschema {
  schema: JsonObject;
  /** Absolute pointer (including the base of an embedding GenerationConfig or request). */
  pointer: string;
  /** Set when the subschema sits under `properties`: the property name and the object holding it. */
  property?: { name: string; parent: JsonObject };
  /** The field `name` (JSON name, e.g. "propertyOrdering") under whichever spelling the input used, if present. */
  get(name: string): Field | undefined;
}

export interface LintDocument {
  dialect: Dialect;
  target: Target;
  root: Json;
  /** Pointer of the schema inside the linted value ("" unless embedded in a GenerationConfig or request). */
  base: string;
  subschemas: Subschema[];
  file?: string;
}

export const at = (doc: LintDocument, pointer: string): Location => ({
  ...(doc.file ? { file: doc.file } : {}),
  pointer,
});
export const child = (ptr: string, ...segs: (string | number)[]) =>
  ptr + segs.map((s) => `/${escapeSegment(s)}`).join("");

/** Read field `name` of a schema object in a dialect: the legacy dialect also takes the proto name. */
export function getField(schema: JsonObject, name: string, dialect: Dialect): Field | undefined {
  for (const key of dialect === "responseSchema" ? spellingsOf(name) : [name])
    if (schema[key] !== undefined) return { key, value: schema[key]! };
  return undefined;
}

/** The legacy (upper-case) name of a subschema's single type, whatever case the input used, or undefined. */
export function typeOf(s: Pick<Subschema, "get">): string | undefined {
  const t = s.get("type")?.value;
  return typeof t === "string" ? t.toUpperCase() : undefined;
}

type Walk = "schema" | "schemaArray" | "schemaMap" | "schemaOrArray";

/** Keywords whose values are subschemas, per dialect, so every rule sees nested schemas too. */
const SUBSCHEMA_KEYWORDS: Record<Dialect, Record<string, Walk>> = {
  responseJsonSchema: {
    properties: "schemaMap",
    $defs: "schemaMap",
    definitions: "schemaMap",
    patternProperties: "schemaMap",
    dependentSchemas: "schemaMap",
    additionalProperties: "schema",
    items: "schemaOrArray",
    additionalItems: "schema",
    prefixItems: "schemaArray",
    anyOf: "schemaArray",
    oneOf: "schemaArray",
    allOf: "schemaArray",
    not: "schema",
    if: "schema",
    then: "schema",
    else: "schema",
    contains: "schema",
    propertyNames: "schema",
    unevaluatedItems: "schema",
    unevaluatedProperties: "schema",
  },
  responseSchema: { properties: "schemaMap", items: "schema", anyOf: "schemaArray" },
};

export function collectSubschemas(root: Json, base: string, dialect: Dialect): Subschema[] {
  const out: Subschema[] = [];
  const visit = (s: Json, pointer: string, property?: Subschema["property"]) => {
    if (!isObject(s)) return;
    out.push({ schema: s, pointer, ...(property ? { property } : {}), get: (name) => getField(s, name, dialect) });
    for (const [name, walk] of Object.entries(SUBSCHEMA_KEYWORDS[dialect])) {
      const got = getField(s, name, dialect);
      if (got === undefined) continue;
      const { key, value: v } = got;
      if (walk === "schema" || (walk === "schemaOrArray" && !Array.isArray(v))) visit(v, child(pointer, key));
      else if ((walk === "schemaArray" || walk === "schemaOrArray") && Array.isArray(v))
        v.forEach((x, i) => visit(x, child(pointer, key, i)));
      else if (walk === "schemaMap" && isObject(v))
        for (const [prop, x] of Object.entries(v))
          visit(x, child(pointer, key, prop), name === "properties" ? { name: prop, parent: s } : undefined);
    }
  };
  visit(root, base);
  return out;
}

/** Build the document a rule sees for one schema sent in `target` at `base`. */
export function lintDocument(root: Json, base: string, dialect: Dialect, target: Target, file?: string): LintDocument {
  return { dialect, target, root, base, subschemas: collectSubschemas(root, base, dialect), ...(file ? { file } : {}) };
}
