// Any types (google.protobuf.Any fields, e.g. an error's details) as a union discriminated by "@type":
//
//   export type ErrorDetail = Packed<ErrorInfo, "type.googleapis.com/google.rpc.ErrorInfo"> | … | UnknownErrorDetail;
//   export const ErrorDetail = { ErrorInfo: "type.googleapis.com/google.rpc.ErrorInfo", … } as const;
//   export interface UnknownErrorDetail { "@type": string; reason?: never; …; [field: string]: unknown }
//
// The union is open: UnknownErrorDetail stands for every URL the spec does not know. TypeScript cannot exclude
// the known URLs from its `string`, so narrowing `"@type"` to a known URL keeps it in the narrowed union; it
// therefore declares every field name of the known messages absent (`?: never`), which makes the narrowed value read
// exactly like the known message (and assignable to it). The price: an unknown message that reuses one of those names
// cannot be written as a literal without a cast, and reading such a field needs one too.
import { StructureKind, type StatementStructures } from "ts-morph";
import type { AnyTypeIR, SpecIR } from "../../spec/ir.ts";
import { DIRECTION_TYPE_PARAMETERS_TEXT, resourceType, type FieldTypeContext } from "./field-types.ts";
import { jsDocText } from "./jsdoc.ts";
import { formatted, indented, unionAlias, type FormattedText } from "./formatted.ts";
import { unknownMemberName } from "../../spec/declared-names.ts";
import { propertyKey } from "./names.ts";

function unionDoc(anyType: AnyTypeIR): string[] {
  const example = anyType.members[0]
    ? `Narrow on \`"@type"\` to read a known message, e.g. \`case ${anyType.name}.${anyType.members[0].resource}:\`; `
    : "";
  return [anyType.description, `${example}other URLs are ${unknownMemberName(anyType)}.`];
}

function anyTypeStatementsOf(
  ir: SpecIR,
  anyType: AnyTypeIR,
  generic: ReadonlySet<string>,
): (StatementStructures | FormattedText)[] {
  const isGeneric = anyType.generic;
  const ctx: FieldTypeContext = { direction: isGeneric ? "generic" : "response", generic };
  const members = anyType.members.map((m) => `Packed<${resourceType(m.resource, ctx)}, ${JSON.stringify(m.typeUrl)}>`);
  const unknown = unknownMemberName(anyType);
  const knownFields = [
    ...new Set(anyType.members.flatMap((m) => ir.resources.get(m.resource)?.fields.map((f) => f.jsonName) ?? [])),
  ].sort();
  const urls = anyType.members.map(
    (m) =>
      `${jsDocText({ paragraphs: [`Type URL of ${m.resource}.`], deprecated: false })}${propertyKey(m.resource)}: ${JSON.stringify(m.typeUrl)},`,
  );
  const parameters = isGeneric ? DIRECTION_TYPE_PARAMETERS_TEXT : "";
  const urlsDoc = jsDocText({
    paragraphs: [`The type URLs ${anyType.name} knows, by the name of the resource each one selects.`],
    deprecated: false,
  });
  return [
    formatted(
      `${jsDocText({ paragraphs: unionDoc(anyType), deprecated: false })}${unionAlias(`export type ${anyType.name}${parameters}`, [...members, unknown])}`,
    ),
    formatted(
      `${urlsDoc}export const ${anyType.name} = ${urls.length > 0 ? `{\n${urls.map(indented).join("\n")}\n}` : "{}"} as const;`,
    ),
    {
      kind: StructureKind.Interface,
      name: unknown,
      isExported: true,
      docs: [
        `The member of ${anyType.name} for every \`"@type"\` URL this spec does not know; its other fields are not typed.\n\n` +
          'The field names of the known messages are declared absent, so that narrowing `"@type"` to a known URL\n' +
          "gives that message's field types. Should an unknown message use one of those names, read it through a\n" +
          "cast: `(value as Record<string, unknown>)[name]`.",
      ],
      properties: [
        {
          name: JSON.stringify("@type"),
          type: "string",
          docs: ["Type URL of the message: a host, a slash, the message's full proto name."],
        },
        ...knownFields.map((f) => ({ name: propertyKey(f), hasQuestionToken: true, type: "never" })),
      ],
      indexSignatures: [{ keyName: "field", keyType: "string", returnType: "unknown" }],
    },
  ];
}

export function anyTypeStatements(ir: SpecIR, generic: ReadonlySet<string>): (StatementStructures | FormattedText)[] {
  return [...ir.anyTypes.keys()].sort().flatMap((name) => anyTypeStatementsOf(ir, ir.anyTypes.get(name)!, generic));
}
