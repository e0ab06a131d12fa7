// The few generic helpers every other declaration builds on, written once at the top of the types file.
import { StructureKind, type TypeAliasDeclarationStructure } from "ts-morph";
import { formatted, type FormattedText } from "./formatted.ts";

export function helperStatements(): (TypeAliasDeclarationStructure | FormattedText)[] {
  return [
    {
      kind: StructureKind.TypeAlias,
      name: "Direction",
      isExported: true,
      type: '"request" | "response"',
      docs: [
        "Which side of the wire a value is on. Resources that are both sent and returned take it as a type parameter:\n" +
          '`"request"` (the default) keeps enum fields closed so a typo is a compile error; `"response"` also admits\n' +
          "enum values newer than this spec.",
      ],
    },
    {
      kind: StructureKind.TypeAlias,
      name: "EnumOf",
      isExported: true,
      typeParameters: [{ name: "E", constraint: "string" }, { name: "D" }],
      // `string & {}` keeps autocomplete on E's literals while accepting any other string.
      type: 'D extends "response" ? E | (string & {}) : E',
      docs: [
        "An enum as a field of a resource on side `D`: exactly `E` in requests, `E` or any other string in responses.",
      ],
    },
    {
      kind: StructureKind.TypeAlias,
      name: "OneOf",
      isExported: true,
      typeParameters: [{ name: "T" }],
      // One variant per member: that member as declared (Pick keeps its JSDoc for hover), the others `never`. Members
      // stay optional, so an object setting none of them matches every variant.
      type: "{ [K in keyof T]-?: Pick<T, K> & { [P in Exclude<keyof T, K>]?: never } }[keyof T]",
      docs: ["At most one property of `T` may be set (a proto oneof); setting none is fine."],
    },
    {
      kind: StructureKind.TypeAlias,
      name: "Packed",
      isExported: true,
      typeParameters: [{ name: "T" }, { name: "Url", constraint: "string" }],
      type: 'T & { "@type": Url }',
      docs: ['A message as it travels inside a google.protobuf.Any field: its fields plus the "@type" URL naming it.'],
    },
    // `=== "STOP"` on an open enum leaves `"STOP" | (string & {})` (TypeScript only turns plain `string` into the
    // literal), so exhaustive switches over the known values need this guard first.
    formatted(`/**
 * Whether \`value\` is one of the values of an enum object such as \`FinishReason\`: narrows an open (response-side)
 * enum field to the values this spec knows, e.g. \`if (isKnown(FinishReason, candidate.finishReason)) switch (…)\`.
 */
export function isKnown<E extends string>(
  values: { readonly [name: string]: E },
  value: string | null | undefined,
): value is E {
  return typeof value === "string" && Object.prototype.hasOwnProperty.call(values, value) && values[value] === value;
}`),
  ];
}
