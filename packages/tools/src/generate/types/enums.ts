// Enums as a string literal union plus a same-named `as const` object: the type for annotations, the object for
// values with per-value JSDoc (and @deprecated). No TS `enum`: it is not erasable and is nominal, so a plain string
// from JSON would not be assignable to it.
import type { EnumIR, SpecIR } from "../../spec/ir.ts";
import { formatted, indented, unionAlias, type FormattedText } from "./formatted.ts";
import { jsDocText } from "./jsdoc.ts";
import { propertyKey } from "./names.ts";

function enumStatementsOf(e: EnumIR): FormattedText[] {
  const doc = jsDocText({ paragraphs: [e.description], deprecated: false });
  const members = e.values.map((v) =>
    indented(
      `${jsDocText({ paragraphs: [v.description], deprecated: v.deprecated })}${propertyKey(v.name)}: ${JSON.stringify(v.name)},`,
    ),
  );
  const values = e.values.map((v) => JSON.stringify(v.name));
  return [
    formatted(`${doc}${unionAlias(`export type ${e.name}`, values.length > 0 ? values : ["never"])}`),
    formatted(`${doc}export const ${e.name} = ${members.length > 0 ? `{\n${members.join("\n")}\n}` : "{}"} as const;`),
  ];
}

export function enumStatements(ir: SpecIR): FormattedText[] {
  return [...ir.enums.keys()].sort().flatMap((name) => enumStatementsOf(ir.enums.get(name)!));
}
