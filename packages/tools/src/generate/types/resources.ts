// One declaration per resource: an interface, or — when it has oneofs — a type alias intersecting its base fields
// with one OneOf per oneof. Resources on both sides with enums in their closure are generic over the direction.
import { StructureKind, type StatementStructures } from "ts-morph";
import type { ResourceIR, SpecIR } from "../../spec/model.ts";
import type { Directions } from "./direction.ts";
import type { TypeDirection } from "./field-types.ts";
import { toJsDocs, type Doc } from "./jsdoc.ts";
import { propertySignature, type ResourceEmitContext } from "./properties.ts";
import { unionParts } from "./unions.ts";

const DIRECTION_TYPE_PARAMETER = { name: "D", constraint: "Direction", default: '"request"' };

function sideSentence(resource: ResourceIR, directions: Directions): string {
  const openEnums = resource.fields.some((f) => f.type === "enum")
    ? " Its enum fields also accept values newer than this spec."
    : "";
  if (directions.unreachable.has(resource.name))
    return `No method uses it directly; typed as returned by the API.${openEnums}`;
  switch (directions.side.get(resource.name)) {
    case "request":
      return "Sent in requests.";
    case "response":
      return `Returned by the API.${openEnums}`;
    default:
      return directions.generic.has(resource.name)
        ? 'Sent in requests and returned by the API: `D` is `"request"` (default) or `"response"`, see Direction.'
        : "Sent in requests and returned by the API.";
  }
}

function resourceDoc(resource: ResourceIR, directions: Directions): Doc {
  return { paragraphs: [resource.description, sideSentence(resource, directions)], deprecated: resource.deprecated };
}

function emitContext(resource: ResourceIR, directions: Directions): ResourceEmitContext {
  const isGeneric = directions.generic.has(resource.name);
  // A both-side resource without the parameter has no enum in its closure, so either plain side types it the same.
  const direction: TypeDirection = isGeneric
    ? "generic"
    : directions.side.get(resource.name) === "request"
      ? "request"
      : "response";
  return { direction, generic: directions.generic, typeParameters: isGeneric ? [DIRECTION_TYPE_PARAMETER] : [] };
}

function resourceStatementsOf(resource: ResourceIR, directions: Directions): StatementStructures[] {
  const ctx = emitContext(resource, directions);
  const docs = toJsDocs(resourceDoc(resource, directions));
  if (resource.unions.length === 0 && resource.fields.length === 0) {
    // An empty message is `{}` on the wire; an empty interface would accept any non-nullish value.
    return [
      { kind: StructureKind.TypeAlias, name: resource.name, isExported: true, docs, type: "Record<string, never>" },
    ];
  }
  if (resource.unions.length === 0) {
    return [
      {
        kind: StructureKind.Interface,
        name: resource.name,
        isExported: true,
        typeParameters: ctx.typeParameters,
        docs,
        properties: resource.fields.map((f) => propertySignature(f, ctx)),
      },
    ];
  }
  const parts = unionParts(resource, ctx);
  // The alias goes first so a reader meets the resource before the interfaces it is built from.
  const alias: StatementStructures = {
    kind: StructureKind.TypeAlias,
    name: resource.name,
    isExported: true,
    typeParameters: ctx.typeParameters,
    docs,
    type: parts.intersection.join(" & "),
  };
  return [alias, ...parts.interfaces];
}

export function resourceStatements(ir: SpecIR, directions: Directions): StatementStructures[] {
  return [...ir.resources.keys()].sort().flatMap((name) => resourceStatementsOf(ir.resources.get(name)!, directions));
}
