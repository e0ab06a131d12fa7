// What every lint rule gets: the schema, every subschema with its JSON Pointer, and the dialect being checked.
import type { Diagnostic, Location } from "../../diagnostics.ts";
import { escapeSegment } from "../../util/json-pointer.ts";
import { isObject, type Json, type JsonObject } from "../json-schema-types.ts";

export type Dialect = "responseJsonSchema" | "responseSchema";

export interface Subschema {
  schema: JsonObject;
  /** Absolute pointer (including the base of an embedding GenerationConfig). */
  pointer: string;
  /** Set when the subschema sits under `properties`: the property name and the object holding it. */
  property?: { name: string; parent: JsonObject };
}

export interface LintDocument {
  dialect: Dialect;
  root: Json;
  /** Pointer of the schema inside the linted value ("" unless embedded in a GenerationConfig). */
  base: string;
  subschemas: Subschema[];
  file?: string;
}

export interface Rule {
  /** Rule ids this rule can report. */
  ids: readonly string[];
  dialects: readonly Dialect[];
  check: (doc: LintDocument) => Diagnostic[];
}

export const at = (doc: LintDocument, pointer: string): Location => ({ ...(doc.file ? { file: doc.file } : {}), pointer });
export const child = (ptr: string, ...segs: (string | number)[]) => ptr + segs.map((s) => `/${escapeSegment(s)}`).join("");

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
    out.push({ schema: s, pointer, ...(property ? { property } : {}) });
    for (const [key, walk] of Object.entries(SUBSCHEMA_KEYWORDS[dialect])) {
      const v = s[key];
      if (v === undefined) continue;
      if (walk === "schema" || (walk === "schemaOrArray" && !Array.isArray(v))) visit(v, child(pointer, key));
      else if ((walk === "schemaArray" || walk === "schemaOrArray") && Array.isArray(v)) v.forEach((x, i) => visit(x, child(pointer, key, i)));
      else if (walk === "schemaMap" && isObject(v)) for (const [name, x] of Object.entries(v)) visit(x, child(pointer, key, name), key === "properties" ? { name, parent: s } : undefined);
    }
  };
  visit(root, base);
  return out;
}
