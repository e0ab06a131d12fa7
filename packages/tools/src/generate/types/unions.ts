// Oneofs: a resource with unions becomes `Base & OneOf<Union1> & OneOf<Union2>`, where each union's members live in
// their own interface so they keep their JSDoc and the OneOf helper can make them exclusive.
import { StructureKind, type InterfaceDeclarationStructure } from "ts-morph";
import type { FieldIR, ResourceIR, UnionIR } from "../../spec/ir.ts";
import { usesDirection } from "./field-types.ts";
import { baseFieldsName, oneofName } from "../../spec/declared-names.ts";
import { propertySignature, type ResourceEmitContext } from "./properties.ts";

function unionDocs(resource: ResourceIR, union: UnionIR): string {
  const members = union.members.map((m) => `\`${m}\``).join(", ");
  return [union.description, `Oneof \`${union.name}\` of ${resource.name}: at most one of ${members} may be set.`]
    .filter(Boolean)
    .join("\n\n");
}

export interface UnionParts {
  /** The base-fields interface (when the resource has fields outside its oneofs) and one interface per oneof. */
  interfaces: InterfaceDeclarationStructure[];
  /** The types the resource alias intersects, e.g. ["PartFields<D>", "OneOf<PartDataOneof<D>>"]. */
  intersection: string[];
}

export function unionParts(resource: ResourceIR, ctx: ResourceEmitContext): UnionParts {
  // Only the parts whose fields depend on the direction take the parameter (an unused one is a lint error).
  const generic = (fields: FieldIR[]) => ctx.typeParameters.length > 0 && fields.some((f) => usesDirection(f, ctx));
  const byName = new Map(resource.fields.map((f) => [f.jsonName, f]));
  const parts: UnionParts = { interfaces: [], intersection: [] };
  const base = resource.fields.filter((f) => !f.union);
  if (base.length > 0) {
    const isGeneric = generic(base);
    parts.interfaces.push({
      kind: StructureKind.Interface,
      name: baseFieldsName(resource),
      isExported: true,
      typeParameters: isGeneric ? ctx.typeParameters : [],
      docs: [`The fields of ${resource.name} outside its oneofs.`],
      properties: base.map((f) => propertySignature(f, ctx)),
    });
    parts.intersection.push(`${baseFieldsName(resource)}${isGeneric ? "<D>" : ""}`);
  }
  for (const union of resource.unions) {
    const members = union.members.map((m) => byName.get(m)).filter((f): f is FieldIR => f !== undefined);
    const name = oneofName(resource, union);
    const isGeneric = generic(members);
    parts.interfaces.push({
      kind: StructureKind.Interface,
      name,
      isExported: true,
      typeParameters: isGeneric ? ctx.typeParameters : [],
      docs: [unionDocs(resource, union)],
      // A oneof member is never required on its own: the oneof as a whole decides.
      properties: members.map((f) => ({ ...propertySignature(f, ctx), hasQuestionToken: true })),
    });
    parts.intersection.push(`OneOf<${name}${isGeneric ? "<D>" : ""}>`);
  }
  return parts;
}
