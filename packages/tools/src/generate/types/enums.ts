// Enums as a string literal union plus a same-named `as const` object: the type for annotations, the object for
// values with per-value JSDoc (and @deprecated). No TS `enum`: it is not erasable and is nominal, so a plain string
// from JSON would not be assignable to it.
import { StructureKind, VariableDeclarationKind, type StatementStructures } from "ts-morph";
import type { EnumIR, SpecIR } from "../../spec/ir.ts";
import { jsDocText, toJsDocs } from "./jsdoc.ts";
import { propertyKey } from "./names.ts";

function enumStatementsOf(e: EnumIR): StatementStructures[] {
  const docs = toJsDocs({ paragraphs: [e.description], deprecated: false });
  const members = e.values.map(
    (v) =>
      `${jsDocText({ paragraphs: [v.description], deprecated: v.deprecated })}${propertyKey(v.name)}: ${JSON.stringify(v.name)},`,
  );
  return [
    {
      kind: StructureKind.TypeAlias,
      name: e.name,
      isExported: true,
      docs,
      type: e.values.map((v) => JSON.stringify(v.name)).join(" | ") || "never",
    },
    {
      kind: StructureKind.VariableStatement,
      isExported: true,
      declarationKind: VariableDeclarationKind.Const,
      docs,
      declarations: [{ name: e.name, initializer: `{\n${members.join("\n")}\n} as const` }],
    },
  ];
}

export function enumStatements(ir: SpecIR): StatementStructures[] {
  return [...ir.enums.keys()].sort().flatMap((name) => enumStatementsOf(ir.enums.get(name)!));
}
