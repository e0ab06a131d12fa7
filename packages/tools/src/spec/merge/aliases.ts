// Merge phase "aliases": other JSON names the API accepts for a field (corrections.json #/aliases). A field that is
// itself such an alias (upstream lists it too) records which field it stands for.
import type { Diagnostic, Location } from "../../diagnostics.ts";
import { pointer } from "../../util/json-pointer.ts";
import type { SourceMap } from "../files.ts";
import type { Corrections } from "../layers.ts";
import { lookupField, type WorkingResources } from "./working.ts";

export interface Aliases {
  /** Field path ("Resource.field") → its other JSON names. */
  aliasesOf: Map<string, string[]>;
  /** Path of an alias ("Resource.alias") → the JSON name of the field it stands for. */
  aliasTargets: Map<string, string>;
}

export function mergeAliases(
  corrections: Corrections,
  working: WorkingResources,
  sources: SourceMap,
  diagnostics: Diagnostic[],
): Aliases {
  const aliasesOf = new Map<string, string[]>();
  const aliasTargets = new Map<string, string>();
  (corrections.aliases ?? []).forEach((a, i) => {
    const at: Location = { file: sources.corrections, pointer: pointer("aliases", i) };
    if (!lookupField(working, a.field, { ...at, pointer: `${at.pointer}/field` }, diagnostics)) return;
    const [res] = a.field.split(".") as [string];
    aliasesOf.set(a.field, [...(aliasesOf.get(a.field) ?? []), a.alias]);
    aliasTargets.set(`${res}.${a.alias}`, a.field.split(".")[1]!);
  });
  return { aliasesOf, aliasTargets };
}
