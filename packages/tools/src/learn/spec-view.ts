// What `spec learn` asks of the spec it proposes corrections to: a resource's field by the key a payload used
// (JSON name, proto name or alias), the side of the wire each resource is on, and the null fields of a body.
import type { FieldIR, ResourceIR, SpecIR, WireSide } from "../spec/ir.ts";
export type { WireSide };
import { escapeSegment } from "../util/json-pointer.ts";

const appendPointer = (pointer: string, key: string) => `${pointer}/${escapeSegment(key)}`;

export function fieldByKey(resource: ResourceIR, key: string): FieldIR | undefined {
  return resource.fields.find((f) => f.jsonName === key || f.protoName === key || f.aliases.includes(key));
}

/** `Resource.field` as the IR names it, or undefined when the spec has no such field. */
export function fieldAt(ir: SpecIR, path: string): { resource: ResourceIR; field: FieldIR } | undefined {
  const dot = path.indexOf(".");
  const resource = ir.resources.get(path.slice(0, dot));
  const field = resource?.fields.find((f) => f.jsonName === path.slice(dot + 1));
  return resource && field ? { resource, field } : undefined;
}

/** The side of the wire each resource travels on, as the spec layer decides it (ResourceWireFacts.side). */
export function resourceSides(ir: SpecIR): ReadonlyMap<string, WireSide> {
  return new Map([...ir.resources.values()].map((r) => [r.name, r.side]));
}

export interface NullField {
  /** `Resource.key`, with the key as the spec names the field (as sent, when the spec does not know it). */
  field: string;
  pointer: string;
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);

/**
 * The fields a body sets to null, following the spec's types (nulls inside free-form values, google.protobuf.Value
 * and Struct, are data, not unset fields). Null elements of arrays are not fields: the validators judge those.
 */
export function nullFields(ir: SpecIR, resource: string, value: unknown, pointer = ""): NullField[] {
  const out: NullField[] = [];
  const r = ir.resources.get(resource);
  if (!r || !isObject(value)) return out;
  for (const [key, v] of Object.entries(value)) {
    const at = appendPointer(pointer, key);
    const field = fieldByKey(r, key);
    if (v === null) out.push({ field: `${r.name}.${field?.jsonName ?? key}`, pointer: at });
    else if (field) out.push(...nullsInField(ir, field, v, at));
  }
  return out;
}

function nullsInField(ir: SpecIR, field: FieldIR, value: unknown, pointer: string): NullField[] {
  if (field.repeated && Array.isArray(value))
    return value.flatMap((v, i) => nullsInElement(ir, field, v, appendPointer(pointer, String(i))));
  if (field.map && isObject(value))
    return Object.entries(value).flatMap(([k, v]) => nullsInElement(ir, field, v, appendPointer(pointer, k)));
  return nullsInElement(ir, field, value, pointer);
}

function nullsInElement(ir: SpecIR, field: FieldIR, value: unknown, pointer: string): NullField[] {
  if (field.type === "ref" && field.ref) return nullFields(ir, field.ref, value, pointer);
  if (field.type === "any" && field.ref && isObject(value)) {
    const member = ir.anyTypes.get(field.ref)?.members.find((m) => m.typeUrl === value["@type"]);
    return member ? nullFields(ir, member.resource, value, pointer).filter((n) => !n.pointer.endsWith("/@type")) : [];
  }
  return [];
}
