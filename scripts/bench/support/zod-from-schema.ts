// A zod schema as deep as gemini-typekit's validator, for the vs-zod bench: built from the published JSON Schemas
// (packages/runtime/generated/schemas/bundle.json) for the subset of JSON Schema they use, and nothing else (any other
// keyword throws, so the zod schema can never be shallower than the JSON Schema without the bench saying so):
//   $ref to another schema of the bundle; object with properties / required / additionalProperties (false, or a
//   schema for map values); array with items; string enum; string with pattern; integer and number with bounds;
//   boolean; dependentSchemas of the form the oneofs take ({ properties: { other: false, … } }: a present member
//   forbids the others), which zod has no keyword for: a refine on the object checks it.
// Base64 fields (contentEncoding base64) get the check the caller passes instead of their pattern, so both sides can
// run the same spot check on long values (see test/support/ajv-keywords.ts).
// Modes, as gemini-typekit's: strict rejects unknown fields and enum values; lenient accepts them (objects pass
// unknown keys through, enums accept any string: what lenient mode accepts, where gemini-typekit also records them).
import { z } from "zod";

type SchemaObject = Record<string, unknown>;
export type ZodMode = "strict" | "lenient";

export interface FromSchemaOptions {
  mode: ZodMode;
  /** The check of a base64 (bytes) field's string. */
  bytes: (value: string) => boolean;
}

/** Keys that say nothing a validator checks. */
const ANNOTATIONS = new Set([
  "$id",
  "$schema",
  "$comment",
  "title",
  "description",
  "readOnly",
  "writeOnly",
  "deprecated",
  "contentEncoding",
]);
const HANDLED = new Set([
  "$ref",
  "type",
  "properties",
  "required",
  "additionalProperties",
  "dependentSchemas",
  "items",
  "enum",
  "pattern",
  "minimum",
  "maximum",
]);

/** The zod schemas of a bundle's definitions, built on first use and shared (one zod schema per definition). */
export class ZodFromSchema {
  private readonly built = new Map<string, z.ZodType>();
  private readonly building = new Set<string>();

  constructor(
    private readonly defs: Record<string, SchemaObject>,
    private readonly options: FromSchemaOptions,
  ) {}

  /** The zod schema of the definition named `name` (as in `$ref: "<name>.json"`). */
  definition(name: string): z.ZodType {
    const done = this.built.get(name);
    if (done) return done;
    // A reference back into a definition being built: only z.lazy closes the cycle (zod's compiled mode refuses it).
    if (this.building.has(name)) return z.lazy(() => this.built.get(name)!);
    const schema = this.defs[name];
    if (!schema) throw new Error(`no definition ${name} in the bundle`);
    this.building.add(name);
    const out = this.convert(schema, name);
    this.building.delete(name);
    this.built.set(name, out);
    return out;
  }

  private convert(schema: SchemaObject, at: string): z.ZodType {
    for (const key of Object.keys(schema))
      if (!HANDLED.has(key) && !ANNOTATIONS.has(key)) throw new Error(`${at}: keyword ${key} is not converted`);
    const ref = schema["$ref"];
    if (typeof ref === "string") {
      const name = /^([A-Za-z0-9]+)\.json$/.exec(ref)?.[1];
      if (!name) throw new Error(`${at}: $ref ${ref} is not a definition of the bundle`);
      return this.definition(name);
    }
    if (Array.isArray(schema["enum"])) {
      const values = schema["enum"] as unknown[];
      if (schema["type"] !== "string" || !values.every((v) => typeof v === "string"))
        throw new Error(`${at}: only string enums are converted`);
      return this.options.mode === "strict" ? z.enum(values as [string, ...string[]]) : z.string();
    }
    switch (schema["type"]) {
      case "string":
        return this.string(schema);
      case "integer":
        return this.bounded(z.number().int(), schema);
      case "number":
        return this.bounded(z.number(), schema);
      case "boolean":
        return z.boolean();
      case "array": {
        const items = schema["items"];
        return z.array(items === undefined ? z.unknown() : this.convert(items as SchemaObject, `${at}/items`));
      }
      case "object":
        return this.object(schema, at);
      default:
        throw new Error(`${at}: type ${JSON.stringify(schema["type"])} is not converted`);
    }
  }

  private string(schema: SchemaObject): z.ZodType {
    if (schema["contentEncoding"] === "base64") return z.string().refine(this.options.bytes);
    const pattern = schema["pattern"];
    return typeof pattern === "string" ? z.string().regex(new RegExp(pattern)) : z.string();
  }

  private bounded(number: z.ZodNumber, schema: SchemaObject): z.ZodType {
    let out = number;
    if (typeof schema["minimum"] === "number") out = out.min(schema["minimum"]);
    if (typeof schema["maximum"] === "number") out = out.max(schema["maximum"]);
    return out;
  }

  private object(schema: SchemaObject, at: string): z.ZodType {
    const properties = (schema["properties"] ?? {}) as Record<string, SchemaObject>;
    const required = new Set((schema["required"] ?? []) as string[]);
    const extra = schema["additionalProperties"];
    if (Object.keys(properties).length === 0 && extra === undefined) return z.record(z.string(), z.unknown());
    if (Object.keys(properties).length === 0 && typeof extra === "object")
      return z.record(z.string(), this.convert(extra as SchemaObject, `${at}/additionalProperties`));
    const shape: Record<string, z.ZodType> = {};
    for (const [key, property] of Object.entries(properties)) {
      const field = this.convert(property, `${at}/properties/${key}`);
      shape[key] = required.has(key) ? field : field.optional();
    }
    let object: z.ZodType;
    if (extra === false) object = this.options.mode === "strict" ? z.strictObject(shape) : z.looseObject(shape);
    else if (extra === undefined) object = z.looseObject(shape);
    else object = z.object(shape).catchall(this.convert(extra as SchemaObject, `${at}/additionalProperties`));
    const oneofs = this.exclusions(schema, at);
    if (oneofs.length === 0) return object;
    return object.refine((value) => {
      const o = value as Record<string, unknown>;
      for (const [member, others] of oneofs) if (member in o && others.some((other) => other in o)) return false;
      return true;
    });
  }

  /** dependentSchemas as [member, the members it forbids]. */
  private exclusions(schema: SchemaObject, at: string): [string, string[]][] {
    const dependent = schema["dependentSchemas"] as Record<string, SchemaObject> | undefined;
    if (!dependent) return [];
    return Object.entries(dependent).map(([member, sub]) => {
      const properties = sub["properties"] as Record<string, unknown> | undefined;
      const keys = Object.keys(sub).filter((k) => !ANNOTATIONS.has(k));
      if (keys.length !== 1 || !properties || !Object.values(properties).every((p) => p === false))
        throw new Error(`${at}/dependentSchemas/${member}: only { properties: { name: false, … } } is converted`);
      return [member, Object.keys(properties)];
    });
  }
}
