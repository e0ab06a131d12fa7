// Names the emitter writes: the helper types, the declarations it derives from a resource (base fields, one
// interface per oneof), and property keys that need quotes.
import type { AnyTypeIR, ResourceIR, SpecIR, UnionIR } from "../../spec/model.ts";

/** Declarations the emitter always writes, and globals the emitted code uses; no spec name may take them. */
export const RESERVED_NAMES: ReadonlySet<string> = new Set([
  "Direction",
  "EnumOf",
  "OneOf",
  "Packed",
  "isKnown",
  "Methods",
  "MethodId",
  "MethodInfo",
  "METHODS",
  "Record",
  "Pick",
  "Exclude",
  "Readonly",
]);

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

export function propertyKey(name: string): string {
  return IDENTIFIER.test(name) ? name : JSON.stringify(name);
}

function pascalCase(protoName: string): string {
  return protoName
    .split(/[_\s]+/)
    .filter(Boolean)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join("");
}

/** The interface holding a resource's fields outside any oneof, e.g. PartFields. */
export const baseFieldsName = (resource: ResourceIR) => `${resource.name}Fields`;

/** The interface holding one oneof's members, e.g. PartDataOneof for Part's oneof `data`. */
export const oneofName = (resource: ResourceIR, union: UnionIR) => `${resource.name}${pascalCase(union.name)}Oneof`;

/** The open member of an any type's union, for URLs the spec does not know, e.g. UnknownErrorDetail. */
export const unknownMemberName = (anyType: AnyTypeIR) => `Unknown${anyType.name}`;

/** Every top-level name the types file will declare must be unique; a clash is a spec problem worth stopping for. */
export function checkNameClashes(ir: SpecIR): void {
  const owners = new Map<string, string>();
  const claim = (name: string, owner: string) => {
    const previous = RESERVED_NAMES.has(name) ? "the generated helpers" : owners.get(name);
    if (previous) throw new Error(`types: ${owner} would declare ${name}, which ${previous} already declares`);
    owners.set(name, owner);
  };
  for (const e of ir.enums.values()) claim(e.name, `enum ${e.name}`);
  for (const r of ir.resources.values()) {
    claim(r.name, `resource ${r.name}`);
    if (r.unions.length === 0) continue;
    claim(baseFieldsName(r), `resource ${r.name}`);
    for (const u of r.unions) claim(oneofName(r, u), `oneof ${r.name}.${u.name}`);
  }
  for (const a of ir.anyTypes.values()) {
    claim(a.name, `any type ${a.name}`);
    claim(unknownMemberName(a), `any type ${a.name}`);
  }
}
