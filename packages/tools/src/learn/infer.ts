// A field definition (the imported field format) for values a spec does not know yet, from every value seen: the
// narrowest wire type all of them fit. Objects become new resources, named after the field, whose fields are
// inferred the same way from all the objects seen; an object never seen with a key is a free-form Struct.
import type { FieldType, ImportedField } from "../spec/layers.ts";
import { DURATION_PATTERN, INT64_PATTERN, TIMESTAMP_PATTERN } from "../generate/wire-formats.ts";

/** What the values seen at one place look like, all of them together. */
interface Shape {
  kinds: Set<"null" | "string" | "integer" | "number" | "boolean" | "array" | "object">;
  strings: string[];
  integers: number[];
  /** The elements of every array seen. */
  elements?: Shape;
  /** The values under each key of every object seen. */
  fields?: Map<string, Shape>;
}

const emptyShape = (): Shape => ({ kinds: new Set(), strings: [], integers: [] });

function addValue(shape: Shape, value: unknown): void {
  if (value === null) shape.kinds.add("null");
  else if (typeof value === "string") {
    shape.kinds.add("string");
    shape.strings.push(value);
  } else if (typeof value === "number") {
    if (Number.isInteger(value)) {
      shape.kinds.add("integer");
      shape.integers.push(value);
    } else shape.kinds.add("number");
  } else if (typeof value === "boolean") shape.kinds.add("boolean");
  else if (Array.isArray(value)) {
    shape.kinds.add("array");
    shape.elements ??= emptyShape();
    for (const element of value) addValue(shape.elements, element);
  } else if (typeof value === "object") {
    shape.kinds.add("object");
    shape.fields ??= new Map();
    for (const [key, v] of Object.entries(value)) {
      let field = shape.fields.get(key);
      if (!field) shape.fields.set(key, (field = emptyShape()));
      addValue(field, v);
    }
  }
}

function mergeShapes(a: Shape, b: Shape): Shape {
  const out: Shape = {
    kinds: new Set([...a.kinds, ...b.kinds]),
    strings: [...a.strings, ...b.strings],
    integers: [...a.integers, ...b.integers],
  };
  if (a.elements || b.elements)
    out.elements = a.elements && b.elements ? mergeShapes(a.elements, b.elements) : (a.elements ?? b.elements)!;
  if (a.fields || b.fields) {
    out.fields = new Map(a.fields);
    for (const [key, shape] of b.fields ?? [])
      out.fields.set(key, out.fields.has(key) ? mergeShapes(out.fields.get(key)!, shape) : shape);
  }
  return out;
}

/** The JSON type of a value as `spec learn` reports it: string, integer, number, boolean, object, array-of-X, null. */
export function jsonTypeOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) {
    const elements = [...new Set(value.map(jsonTypeOf))].sort();
    return `array-of-${elements.length === 0 ? "nothing" : elements.join("|")}`;
  }
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
  return typeof value;
}

/** A payload key as a field's names: JSON name (lowerCamel) and proto name (snake_case); undefined when it can be no field. */
export function fieldNames(key: string): { jsonName: string; protoName: string } | undefined {
  if (/^[a-z][a-z0-9]*(_[a-z0-9]+)+$/.test(key))
    return { jsonName: key.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase()), protoName: key };
  if (!/^_?[a-z][A-Za-z0-9]*$/.test(key)) return undefined;
  const protoName = key
    .replace(/^_/, "")
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .replace(/([A-Z])([A-Z][a-z])/g, "$1_$2")
    .toLowerCase();
  return { jsonName: key, protoName };
}

const pascal = (name: string) => name.replace(/^_/, "").replace(/^[a-z]/, (c) => c.toUpperCase());

const INT32 = { min: -2147483648, max: 2147483647 };
const UINT32_MAX = 4294967295;
const matchAll = (strings: string[], pattern: string) =>
  strings.length > 0 && strings.every((s) => new RegExp(pattern).test(s));

function stringType(strings: string[]): FieldType {
  // A decimal string is what int64 looks like on the wire, but so are ids and versions: only all of them decide.
  if (matchAll(strings, INT64_PATTERN)) return "int64";
  if (matchAll(strings, TIMESTAMP_PATTERN)) return "timestamp";
  if (matchAll(strings, DURATION_PATTERN)) return "duration";
  return "string";
}

/**
 * Integers that fit int32 are int32, non-negative ones up to 2^32 uint32. Larger JSON numbers cannot be int64: on the
 * wire int64 is a decimal string, and the schemas hold it to that; a double carries them as they were sent.
 */
function integerType(integers: number[]): FieldType {
  if (integers.every((n) => n >= INT32.min && n <= INT32.max)) return "int32";
  if (integers.every((n) => n >= 0 && n <= UINT32_MAX)) return "uint32";
  return "double";
}

export interface NewResource {
  name: string;
  fields: Record<string, ImportedField>;
}

/** Infers definitions, adding a resource for each object-valued field; `isTaken` says which names are in use. */
export class Inferrer {
  readonly resources = new Map<string, NewResource>();

  constructor(private readonly isTaken: (name: string) => boolean) {}

  /** The definition of field `jsonName` of resource `owner` from its values (nulls, meaning unset, left out). */
  field(
    owner: string,
    names: { jsonName: string; protoName: string },
    values: unknown[],
    outputOnly: boolean,
  ): ImportedField {
    const shape = emptyShape();
    for (const v of values) addValue(shape, v);
    return this.fromShape(owner, names, shape, outputOnly);
  }

  private fromShape(
    owner: string,
    names: { jsonName: string; protoName: string },
    shape: Shape,
    outputOnly: boolean,
  ): ImportedField {
    const kinds = new Set([...shape.kinds].filter((k) => k !== "null"));
    const repeated = kinds.size === 1 && kinds.has("array");
    const { type, ref } = this.elementType(
      owner,
      names.jsonName,
      repeated ? (shape.elements ?? emptyShape()) : shape,
      outputOnly,
    );
    // The keys in the order the imported files have them.
    const definition: ImportedField = { protoName: names.protoName, type };
    if (ref !== undefined) definition.ref = ref;
    if (repeated) definition.repeated = true;
    if (outputOnly) definition.outputOnly = true;
    return definition;
  }

  private elementType(
    owner: string,
    jsonName: string,
    shape: Shape,
    outputOnly: boolean,
  ): Pick<ImportedField, "type" | "ref"> {
    const kinds = new Set([...shape.kinds].filter((k) => k !== "null"));
    const only = (...ks: string[]) => kinds.size > 0 && [...kinds].every((k) => ks.includes(k));
    if (only("string")) return { type: stringType(shape.strings) };
    if (only("integer")) return { type: integerType(shape.integers) };
    if (only("integer", "number")) return { type: "double" };
    if (only("boolean")) return { type: "boolean" };
    if (only("object")) return this.objectType(owner, jsonName, shape.fields ?? new Map(), outputOnly);
    // Nothing but nulls, values of several kinds, arrays of arrays: any JSON value.
    return { type: "value" };
  }

  /** A new resource for the objects seen, or Struct when they name no key or keys no field could have. */
  private objectType(
    owner: string,
    jsonName: string,
    fields: Map<string, Shape>,
    outputOnly: boolean,
  ): Pick<ImportedField, "type" | "ref"> {
    // One field sent under both its names (snake_case and lowerCamel) is one field.
    const byJsonName = new Map<string, { names: { jsonName: string; protoName: string }; shape: Shape }>();
    for (const [key, shape] of fields) {
      const names = fieldNames(key);
      if (!names) return { type: "struct" };
      const seen = byJsonName.get(names.jsonName);
      byJsonName.set(names.jsonName, {
        names: seen?.names ?? names,
        shape: seen ? mergeShapes(seen.shape, shape) : shape,
      });
    }
    if (byJsonName.size === 0) return { type: "struct" };
    const name = this.freeName(`${owner}${pascal(jsonName)}`);
    const resource: NewResource = { name, fields: {} };
    this.resources.set(name, resource); // before the fields: a nested object's name must not take this one
    for (const [key, { names, shape }] of byJsonName)
      resource.fields[key] = this.fromShape(name, names, shape, outputOnly);
    return { type: "ref", ref: name };
  }

  private freeName(base: string): string {
    let name = base;
    for (let n = 2; this.isTaken(name) || this.resources.has(name); n++) name = `${base}${n}`;
    return name;
  }
}
