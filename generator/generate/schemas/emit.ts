// JSON Schemas (2020-12) from the IR: one file per resource and per enum under generated/schemas/, each with an
// $id and $refs to the others, plus bundle.json with all of them under $defs.
// Two modes: "strict" (published) rejects unknown fields and enum values; "lenient" (used to build the lenient
// validators) accepts them. Formats, oneofs and required fields are checked in both.
import type { EnumIR, FieldIR, ResourceIR, SpecIR } from "../../spec/model.ts";
import type { EmittedFile, GenerateContext } from "../context.ts";
import { stableStringify } from "../../util/stable-json.ts";
import { SCALAR_SCHEMAS, type JsonSchema } from "./wire-formats.ts";

export type SchemaMode = "strict" | "lenient";

export const SCHEMA_BASE = "https://gemini-typekit.dev/schemas/v1beta/";
export const DIALECT = "https://json-schema.org/draft/2020-12/schema";

export const schemaId = (name: string, mode: SchemaMode) => `${SCHEMA_BASE}${mode === "lenient" ? "lenient/" : ""}${name}.json`;

function elementSchema(field: FieldIR): JsonSchema {
  switch (field.type) {
    case "ref":
    case "enum":
      return { $ref: `${field.ref}.json` };
    default:
      return SCALAR_SCHEMAS[field.type];
  }
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

/** "At most one member of each oneof": no two members present together. */
function oneofConstraints(resource: ResourceIR): JsonSchema[] {
  const out: JsonSchema[] = [];
  for (const u of resource.unions) {
    if (u.members.length < 2) continue;
    const pairs: JsonSchema[] = [];
    for (let i = 0; i < u.members.length; i++)
      for (let j = i + 1; j < u.members.length; j++) {
        const [a, b] = [u.members[i]!, u.members[j]!];
        // `properties` restates the pair so ajv's strict mode sees the required names defined.
        pairs.push({ properties: { [a]: true, [b]: true }, required: [a, b] });
      }
    out.push({ $comment: `oneof ${u.name}: at most one of ${u.members.join(", ")}`, not: { anyOf: pairs } });
  }
  return out;
}

export function resourceSchema(resource: ResourceIR, mode: SchemaMode): Record<string, unknown> {
  const schema: Record<string, unknown> = {
    $schema: DIALECT,
    $id: schemaId(resource.name, mode),
    title: resource.name,
    type: "object",
    properties: Object.fromEntries(resource.fields.map((f) => [f.jsonName, fieldSchema(f)])),
  };
  if (resource.description) schema["description"] = resource.description;
  if (resource.deprecated) schema["deprecated"] = true;
  const required = resource.fields.filter((f) => f.required).map((f) => f.jsonName);
  if (required.length > 0) schema["required"] = required;
  if (mode === "strict") schema["additionalProperties"] = false;
  const oneofs = oneofConstraints(resource);
  if (oneofs.length > 0) schema["allOf"] = oneofs;
  return schema;
}

export function enumSchema(e: EnumIR, mode: SchemaMode): Record<string, unknown> {
  const schema: Record<string, unknown> = { $schema: DIALECT, $id: schemaId(e.name, mode), title: e.name, type: "string" };
  if (e.description) schema["description"] = e.description;
  // Lenient: any string, so values the spec does not know yet pass (and are reported as drift by the validators).
  if (mode === "strict") schema["enum"] = e.values.map((v) => v.name);
  return schema;
}

/** Every schema of the spec in one mode, keyed by name. */
export function allSchemas(ir: SpecIR, mode: SchemaMode): Map<string, Record<string, unknown>> {
  const out = new Map<string, Record<string, unknown>>();
  for (const r of ir.resources.values()) out.set(r.name, resourceSchema(r, mode));
  for (const e of ir.enums.values()) out.set(e.name, enumSchema(e, mode));
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

const json = (value: unknown): EmittedFile => ({ kind: "json", content: stableStringify(value) });

export function emitSchemas(ctx: GenerateContext): Map<string, EmittedFile> {
  const files = new Map<string, EmittedFile>();
  const schemas = allSchemas(ctx.ir, "strict");
  for (const [name, schema] of schemas) files.set(`schemas/${name}.json`, json(schema));
  files.set("schemas/bundle.json", json(bundleSchema(schemas, "strict")));
  return files;
}
