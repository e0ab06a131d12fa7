// The spec as JSON Schemas (2020-12), built from the IR: one schema per resource, enum and any type, each with an $id
// and $refs to the others, and a bundle of all of them under $defs. A shared generator helper: the schemas emitter
// (schemas/emit.ts) publishes the strict ones, the validators emitters build their checks from both modes.
// Two modes: "strict" (published) rejects unknown fields and enum values; "lenient" (what lenient validation checks)
// accepts them. Formats, oneofs and required fields are checked in both.
// An any type (google.protobuf.Any) requires a string "@type" and applies the schema of the resource its URL names,
// when it names a known one; other URLs are accepted in both modes, since the set of detail messages is open.
import type { FieldType, ScalarType } from "../spec/layers.ts";
import type { AnyTypeIR, EnumIR, FieldIR, ResourceIR, SpecIR } from "../spec/ir.ts";
import { SCALAR_SCHEMAS, type JsonSchema } from "./wire-formats.ts";

export type SchemaMode = "strict" | "lenient";

export const SCHEMA_BASE = "https://gemini-typekit.dev/schemas/v1beta/";
export const DIALECT = "https://json-schema.org/draft/2020-12/schema";

export const schemaId = (name: string, mode: SchemaMode) =>
  `${SCHEMA_BASE}${mode === "lenient" ? "lenient/" : ""}${name}.json`;

/** A reference to the schema file of the resource, enum or any type a field names. */
function named(field: FieldIR): JsonSchema {
  if (!field.ref) throw new Error(`schemas: field ${field.jsonName} of type ${field.type} names no ${field.type}`);
  return { $ref: `${field.ref}.json` };
}

/** The schema of one element of a field, by wire type: a table, so a new type in the IR does not compile until it has one. */
const ELEMENT_SCHEMAS: Record<FieldType, (field: FieldIR) => JsonSchema> = {
  ...(Object.fromEntries(Object.entries(SCALAR_SCHEMAS).map(([type, schema]) => [type, () => schema])) as Record<
    ScalarType,
    () => JsonSchema
  >),
  enum: named,
  ref: named,
  any: named,
};

function elementSchema(field: FieldIR): JsonSchema {
  return ELEMENT_SCHEMAS[field.type](field);
}

export function fieldSchema(field: FieldIR): JsonSchema {
  const element = elementSchema(field);
  const base: Record<string, unknown> = field.repeated
    ? { type: "array", items: element }
    : field.map
      ? { type: "object", additionalProperties: element }
      : typeof element === "boolean"
        ? {}
        : { ...element };
  if (field.description) base["description"] = field.description;
  if (field.deprecated) base["deprecated"] = true;
  if (field.outputOnly) base["readOnly"] = true;
  if (field.inputOnly) base["writeOnly"] = true;
  return base;
}

/**
 * "At most one member of each oneof": each member, when present, forbids the others. As `dependentSchemas` this
 * costs nothing for members that are absent and allocates nothing on valid data (a `not`/`anyOf` over pairs made
 * validators build an error object for every pair that is not there).
 */
function oneofConstraints(resource: ResourceIR): Record<string, JsonSchema> {
  const out: Record<string, JsonSchema> = {};
  for (const u of resource.unions) {
    if (u.members.length < 2) continue;
    for (const member of u.members) {
      out[member] = {
        $comment: `oneof ${u.name}: at most one of ${u.members.join(", ")}`,
        properties: Object.fromEntries(u.members.filter((other) => other !== member).map((other) => [other, false])),
      };
    }
  }
  return out;
}

export const TYPE_URL_PROPERTY = "@type";

/** The "@type" property of a resource that any types know by a URL: present when the message travels packed. */
function typeUrlProperty(typeUrl: string): JsonSchema {
  return {
    type: "string",
    const: typeUrl,
    description: "Type URL naming this message when it is packed in a google.protobuf.Any.",
  };
}

export function resourceSchema(resource: ResourceIR, mode: SchemaMode): Record<string, unknown> {
  const properties = Object.fromEntries(resource.fields.map((f) => [f.jsonName, fieldSchema(f)]));
  if (resource.typeUrl !== undefined) properties[TYPE_URL_PROPERTY] = typeUrlProperty(resource.typeUrl);
  const schema: Record<string, unknown> = {
    $schema: DIALECT,
    $id: schemaId(resource.name, mode),
    title: resource.name,
    type: "object",
    properties,
  };
  if (resource.description) schema["description"] = resource.description;
  if (resource.deprecated) schema["deprecated"] = true;
  const required = resource.fields.filter((f) => f.required).map((f) => f.jsonName);
  if (required.length > 0) schema["required"] = required;
  if (mode === "strict") schema["additionalProperties"] = false;
  const oneofs = oneofConstraints(resource);
  if (Object.keys(oneofs).length > 0) schema["dependentSchemas"] = oneofs;
  return schema;
}

export function enumSchema(e: EnumIR, mode: SchemaMode): Record<string, unknown> {
  const schema: Record<string, unknown> = {
    $schema: DIALECT,
    $id: schemaId(e.name, mode),
    title: e.name,
    type: "string",
  };
  if (e.description) schema["description"] = e.description;
  // Lenient: any string, so values the spec does not know yet pass (and are reported as drift by the validators).
  if (mode === "strict") schema["enum"] = e.values.map((v) => v.name);
  return schema;
}

/**
 * An any type: an object with a string "@type"; when that URL is one the any type knows, the object must also be a
 * valid instance of the resource it names (whose schema allows the "@type" property). Unknown URLs pass in both modes:
 * the API may add detail messages at any time, and an unknown one carries nothing this spec could check.
 */
export function anyTypeSchema(anyType: AnyTypeIR, mode: SchemaMode): Record<string, unknown> {
  const schema: Record<string, unknown> = {
    $schema: DIALECT,
    $id: schemaId(anyType.name, mode),
    title: anyType.name,
    type: "object",
    properties: { [TYPE_URL_PROPERTY]: { type: "string" } },
    required: [TYPE_URL_PROPERTY],
  };
  if (anyType.description) schema["description"] = anyType.description;
  if (anyType.members.length > 0)
    schema["allOf"] = anyType.members.map((m) => ({
      $comment: `google.protobuf.Any holding ${m.resource}`,
      // `required` too: without it an object lacking "@type" would match every branch.
      if: { properties: { [TYPE_URL_PROPERTY]: { const: m.typeUrl } }, required: [TYPE_URL_PROPERTY] },
      then: { $ref: `${m.resource}.json` },
    }));
  return schema;
}

/** Every schema of the spec in one mode, keyed by name. */
export function allSchemas(ir: SpecIR, mode: SchemaMode): Map<string, Record<string, unknown>> {
  const out = new Map<string, Record<string, unknown>>();
  for (const r of ir.resources.values()) out.set(r.name, resourceSchema(r, mode));
  for (const e of ir.enums.values()) out.set(e.name, enumSchema(e, mode));
  for (const a of ir.anyTypes.values()) out.set(a.name, anyTypeSchema(a, mode));
  return new Map([...out].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

export function bundleSchema(schemas: Map<string, Record<string, unknown>>, mode: SchemaMode): Record<string, unknown> {
  return {
    $schema: DIALECT,
    $id: schemaId("bundle", mode),
    title: "gemini-typekit v1beta schemas",
    $defs: Object.fromEntries(schemas),
  };
}
