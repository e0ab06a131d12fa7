// One declaration per resource: an interface, or — when it has oneofs — a type alias intersecting its base fields
// with one OneOf per oneof. Resources on both sides with enums in their closure are generic over the direction.
import { StructureKind, type StatementStructures } from "ts-morph";
import type { ResourceIR, SpecIR } from "../../spec/ir.ts";
import { DIRECTION_TYPE_PARAMETER, DIRECTION_TYPE_PARAMETERS_TEXT, type TypeDirection } from "./field-types.ts";
import { formatted, intersectionAlias, type FormattedText } from "./formatted.ts";
import { jsDocText, toJsDocs, type Doc } from "./jsdoc.ts";
import { propertySignature, type ResourceEmitContext } from "./properties.ts";
import { unionParts } from "./unions.ts";

function sideSentence(resource: ResourceIR): string {
  const openEnums = resource.fields.some((f) => f.type === "enum")
    ? " Its enum fields also accept values newer than this spec."
    : "";
  if (!resource.reachable) return `No method uses it directly; typed as returned by the API.${openEnums}`;
  switch (resource.side) {
    case "request":
      return "Sent in requests.";
    case "response":
      return `Returned by the API.${openEnums}`;
    default:
      return resource.generic
        ? 'Sent in requests and returned by the API: `D` is `"request"` (default) or `"response"`, see Direction.'
        : "Sent in requests and returned by the API.";
  }
}

function resourceDoc(resource: ResourceIR): Doc {
  return { paragraphs: [resource.description, sideSentence(resource)], deprecated: resource.deprecated };
}

function emitContext(resource: ResourceIR, generic: ReadonlySet<string>): ResourceEmitContext {
  // A both-side resource without the parameter has no enum in its closure, so either plain side types it the same.
  const direction: TypeDirection = resource.generic ? "generic" : resource.side === "request" ? "request" : "response";
  return { direction, generic, typeParameters: resource.generic ? [DIRECTION_TYPE_PARAMETER] : [] };
}

function resourceStatementsOf(
  resource: ResourceIR,
  generic: ReadonlySet<string>,
): (StatementStructures | FormattedText)[] {
  const ctx = emitContext(resource, generic);
  const docs = toJsDocs(resourceDoc(resource));
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
  const parameters = resource.generic ? DIRECTION_TYPE_PARAMETERS_TEXT : "";
  const alias = formatted(
    `${jsDocText(resourceDoc(resource))}${intersectionAlias(`export type ${resource.name}${parameters}`, parts.intersection)}`,
  );
  return [alias, ...parts.interfaces];
}

/** `generic`: the names that take the direction parameter (genericNames). */
export function resourceStatements(ir: SpecIR, generic: ReadonlySet<string>): (StatementStructures | FormattedText)[] {
  return [...ir.resources.keys()].sort().flatMap((name) => resourceStatementsOf(ir.resources.get(name)!, generic));
}
