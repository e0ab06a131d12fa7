// Lookups over the runtime model (packages/runtime/generated/model.ts: the spec as data for the validation runtime)
// that the library needs: a field by its JSON or proto name, and where a JSON Pointer lands in the spec (which
// resource, which field; inside a google.protobuf.Any, the message its "@type" names). They know the resources and enums included so far: a validator includes its resource's entry,
// which brings every resource and enum that resource reaches (linked.ts). Built lazily, per resource, on first use.
import { LinkedRegistry, type LinkedData } from "./linked.ts";

// The data of the runtime model's entries (packages/tools/src/generate/runtime-model/emit.ts writes it as JSON text).

/** A field as the validation runtime needs it. */
export interface FieldModel {
  /** Wire type: a scalar type of the spec, "enum" or "ref". */
  readonly type: string;
  /** The proto (snake_case) name, when it differs from the JSON name. */
  readonly proto?: string;
  /** The resource (type "ref") or enum (type "enum") it holds. */
  readonly ref?: string;
  readonly repeated?: true;
  readonly map?: true;
}

export interface ResourceModel {
  /** Which side of the wire it travels on: sent by users, returned by the API, or both. */
  readonly side: "request" | "response" | "both";
  /** How `validate<Name>` checks it by default: strict for what users send, lenient for what the API returns. */
  readonly mode: "strict" | "lenient";
  readonly fields: { readonly [jsonName: string]: FieldModel };
  /** Oneofs: name → member JSON names. */
  readonly unions?: { readonly [name: string]: readonly string[] };
}

export interface EnumModel {
  readonly values: readonly string[];
  /** Proto number → value name, for integer-encoded enums. */
  readonly numbers: { readonly [num: string]: string };
}

const models = /* @__PURE__ */ new LinkedRegistry((data) => data as ResourceModel | EnumModel);

/** Makes `root` (a resource's entry in packages/runtime/generated/model.ts) and everything it reaches known to the lookups here. */
export function includeModel(root: LinkedData): void {
  models.include(root);
}

export function resourceModel(name: string): ResourceModel | undefined {
  const model = models.get(name);
  return model !== undefined && "fields" in model ? model : undefined;
}

export function enumModel(name: string): EnumModel | undefined {
  const model = models.get(name);
  return model !== undefined && "values" in model ? model : undefined;
}

export function enumNumbers(name: string): { readonly [num: string]: string } | undefined {
  return enumModel(name)?.numbers;
}

export function enumValueCount(name: string): number {
  return enumModel(name)?.values.length ?? 0;
}

const hasOwn = Object.prototype.hasOwnProperty;

export interface NamedField {
  jsonName: string;
  field: FieldModel;
}

const byProto = new Map<string, Map<string, NamedField>>();

/** The field a key names: its JSON name first, else its proto (snake_case) name. */
export function fieldFor(resource: string, key: string): NamedField | undefined {
  const model = resourceModel(resource);
  if (!model) return undefined;
  if (hasOwn.call(model.fields, key)) return { jsonName: key, field: model.fields[key]! };
  let protos = byProto.get(resource);
  if (!protos) {
    protos = new Map();
    for (const [jsonName, field] of Object.entries(model.fields))
      if (field.proto) protos.set(field.proto, { jsonName, field });
    byProto.set(resource, protos);
  }
  return protos.get(key);
}

/** Where a pointer lands: the resource whose object holds the last segment, and that field if it is one. */
export interface SpecPlace {
  /** The resource the value at the pointer is an instance of (when it is a resource object). */
  resource?: string;
  /** The resource and field the pointer is in (the last field name passed on the way). */
  owner?: string;
  fieldName?: string;
  field?: FieldModel;
  /** True when the pointer is the field itself, false when it is an element of a repeated or map field. */
  atField?: boolean;
}

export function decodeSegment(raw: string): string {
  return raw.indexOf("~") === -1 ? raw : raw.replace(/~1/g, "/").replace(/~0/g, "~");
}

export function encodeSegment(key: string): string {
  return key.includes("~") || key.includes("/") ? key.replace(/~/g, "~0").replace(/\//g, "~1") : key;
}

export function splitPointer(pointer: string): string[] {
  return pointer === "" ? [] : pointer.slice(1).split("/").map(decodeSegment);
}

/** The "@type" key of a google.protobuf.Any, naming the message packed in it. */
export const TYPE_URL_KEY = "@type";

/**
 * The resource a google.protobuf.Any value holds: the message its "@type" URL names
 * (`type.googleapis.com/google.rpc.ErrorInfo` → ErrorInfo), when a resource of that name is known. The resources of
 * the field's any type are (its model entry links them); checks apply inside those alone, so others never matter.
 */
export function packedResource(value: unknown): string | undefined {
  if (value === null || typeof value !== "object" || !hasOwn.call(value, TYPE_URL_KEY)) return undefined;
  const url = (value as Record<string, unknown>)[TYPE_URL_KEY];
  if (typeof url !== "string") return undefined;
  const name = url.slice(url.lastIndexOf(".") + 1);
  return resourceModel(name) ? name : undefined;
}

const TYPE_URL_FIELD: FieldModel = { type: "string" };

/**
 * Follows a pointer's segments through the model from `root`. Unknown fields end the walk. Given the value the
 * pointer is into, it also follows google.protobuf.Any fields into the message their "@type" names.
 */
export function locate(root: string, segments: readonly string[], value?: unknown): SpecPlace {
  let place: SpecPlace = { resource: root };
  let container: NamedField | undefined; // a repeated or map field whose element comes next
  let node = value;
  let anyOf: string | undefined; // the any type whose element `node` is, if it is one
  for (const segment of segments) {
    node =
      node !== null && typeof node === "object" && hasOwn.call(node, segment)
        ? (node as Record<string, unknown>)[segment]
        : undefined;
    if (anyOf !== undefined && segment === TYPE_URL_KEY && !container) {
      place = { owner: place.resource ?? anyOf, fieldName: TYPE_URL_KEY, field: TYPE_URL_FIELD, atField: true };
      anyOf = undefined;
      continue;
    }
    anyOf = undefined;
    let named: NamedField | undefined;
    let atField: boolean;
    if (container) {
      named = container;
      container = undefined;
      atField = false;
    } else {
      if (!place.resource) return place;
      named = fieldFor(place.resource, segment);
      if (!named) return { owner: place.resource };
      atField = true;
      if (named.field.repeated || named.field.map) container = named;
    }
    const owner = atField ? place.resource : place.owner;
    const elementHere = !container;
    const resource = !elementHere
      ? undefined
      : named.field.type === "ref"
        ? named.field.ref
        : named.field.type === "any"
          ? packedResource(node)
          : undefined;
    if (elementHere && named.field.type === "any") anyOf = named.field.ref ?? "google.protobuf.Any";
    place = { owner, fieldName: named.jsonName, field: named.field, atField, ...(resource ? { resource } : {}) };
  }
  return place;
}

/** `Candidate.finishReason`, or the resource name when the place is a resource object. */
export function specName(place: SpecPlace): string | undefined {
  if (place.owner && place.fieldName) return `${place.owner}.${place.fieldName}`;
  return place.resource ?? place.owner;
}
