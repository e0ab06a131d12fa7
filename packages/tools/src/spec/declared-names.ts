// The top-level names the generated types declare for the spec: each resource, enum and any type by its own name,
// plus the names derived from it (a resource's base-fields interface and one interface per oneof, an any type's
// member for unknown URLs), beside the helpers every types file has. A fact of the spec's public names: loading
// refuses a spec that would declare one twice (name-clashes.ts), and the types emitter declares exactly these.
import type { AnyTypeIR, ResourceIR, SpecIR, UnionIR } from "./ir.ts";

/** Declarations every types file has, and globals the emitted code uses; no spec name may take them. */
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
