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

/** What declares a top-level name: a spec entity, said in words and as data (for locating it in the spec). */
export interface NameOwner {
  kind: "enum" | "resource" | "oneof" | "anyType";
  /** The enum, resource or any type; for a oneof, its resource. */
  name: string;
  union?: string;
}

export interface NameClash {
  name: string;
  owner: NameOwner;
  /** What declares it already: another spec entity, or the helpers every types file has. */
  previous: NameOwner | "helpers";
}

export const describeOwner = (o: NameOwner | "helpers") =>
  o === "helpers"
    ? "the generated helpers"
    : o.kind === "oneof"
      ? `oneof ${o.name}.${o.union}`
      : `${o.kind === "anyType" ? "any type" : o.kind} ${o.name}`;

/** Every top-level name the types file would declare twice. */
export function nameClashes(ir: SpecIR): NameClash[] {
  const owners = new Map<string, NameOwner>();
  const clashes: NameClash[] = [];
  const claim = (name: string, owner: NameOwner) => {
    const previous = RESERVED_NAMES.has(name) ? "helpers" : owners.get(name);
    if (previous) clashes.push({ name, owner, previous });
    else owners.set(name, owner);
  };
  for (const e of ir.enums.values()) claim(e.name, { kind: "enum", name: e.name });
  for (const r of ir.resources.values()) {
    claim(r.name, { kind: "resource", name: r.name });
    if (r.unions.length === 0) continue;
    claim(baseFieldsName(r), { kind: "resource", name: r.name });
    for (const u of r.unions) claim(oneofName(r, u), { kind: "oneof", name: r.name, union: u.name });
  }
  for (const a of ir.anyTypes.values()) {
    claim(a.name, { kind: "anyType", name: a.name });
    claim(unknownMemberName(a), { kind: "anyType", name: a.name });
  }
  return clashes;
}

/** Every top-level name the types file will declare must be unique; a clash is a spec problem worth stopping for. */
export function checkNameClashes(ir: SpecIR): void {
  const [first] = nameClashes(ir);
  if (first)
    throw new Error(
      `types: ${describeOwner(first.owner)} would declare ${first.name}, which ${describeOwner(first.previous)} already declares`,
    );
}
