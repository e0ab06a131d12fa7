// Lookups over generated/model.ts that the validation runtime needs: a field by its JSON or proto name, and where a
// JSON Pointer lands in the spec (which resource, which field). Built lazily, per resource, on first use.
import { MODEL, type FieldModel, type ResourceModel } from "../generated/model.ts";

export type { FieldModel, ResourceModel };

const hasOwn = Object.prototype.hasOwnProperty;

export function resourceModel(name: string): ResourceModel | undefined {
  return hasOwn.call(MODEL.resources, name) ? MODEL.resources[name] : undefined;
}

export function enumNumbers(name: string): { readonly [num: string]: string } | undefined {
  return hasOwn.call(MODEL.enums, name) ? MODEL.enums[name]!.numbers : undefined;
}

export function enumValueCount(name: string): number {
  return hasOwn.call(MODEL.enums, name) ? MODEL.enums[name]!.values.length : 0;
}

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
    for (const [jsonName, field] of Object.entries(model.fields)) if (field.proto) protos.set(field.proto, { jsonName, field });
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
  return key.replace(/~/g, "~0").replace(/\//g, "~1");
}

export function splitPointer(pointer: string): string[] {
  return pointer === "" ? [] : pointer.slice(1).split("/").map(decodeSegment);
}

/** Follows a pointer's segments through the model from `root`. Unknown fields end the walk. */
export function locate(root: string, segments: readonly string[]): SpecPlace {
  let place: SpecPlace = { resource: root };
  let container: NamedField | undefined; // a repeated or map field whose element comes next
  for (const segment of segments) {
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
    place = {
      owner,
      fieldName: named.jsonName,
      field: named.field,
      atField,
      ...(elementHere && named.field.type === "ref" && named.field.ref ? { resource: named.field.ref } : {}),
    };
  }
  return place;
}

/** `Candidate.finishReason`, or the resource name when the place is a resource object. */
export function specName(place: SpecPlace): string | undefined {
  if (place.owner && place.fieldName) return `${place.owner}.${place.fieldName}`;
  return place.resource ?? place.owner;
}
