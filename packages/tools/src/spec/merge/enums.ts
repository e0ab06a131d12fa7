// Merge phase "enums": the overlay names enums by listing the fields they type (spec/overlay/enums/*.json); an enum
// field no file names gets a made-up name and a warning. Each enum's values are the union of its fields' values plus
// the values corrections add; a named enum with no value left is stale (a warning) and left out.
import { error, warning, type Diagnostic, type Location } from "../../diagnostics.ts";
import { pointer } from "../../util/json-pointer.ts";
import type { SourceMap } from "../files.ts";
import type { Corrections, Overlay } from "../layers.ts";
import type { CorrectionIR, EnumIR, EnumValueIR } from "../ir.ts";
import { checkEvidence, lookupField, type WorkingResources } from "./working.ts";

type AddedEnumValue = NonNullable<Corrections["addedEnumValues"]>[number];

export interface MergedEnums {
  /** Every enum with its values, sorted by name. */
  enums: Map<string, EnumIR>;
  /** Field path ("Resource.field") → the enum that types it. */
  enumOfField: Map<string, string>;
  /** The addedEnumValue corrections applied, in the order of the enums. */
  corrections: CorrectionIR[];
}

interface NamedEnums {
  enums: Map<string, EnumIR>;
  enumOfField: Map<string, string>;
  /** Enums a usedBy entry of which is already an error: their emptiness follows from it and is not said again. */
  refused: Set<string>;
}

const upperFirst = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

const enumFile = (sources: SourceMap, name: string) =>
  sources.overlayEnum.get(name) ?? `spec/overlay/enums/${name}.json`;

/**
 * A named enum none of whose fields is left (the fields went upstream, or an older revision never had them) is
 * stale, like other overlay entries upstream no longer matches: said as a warning and left out, since an enum
 * without values could not be emitted as a type, a schema or a validator anyway.
 */
function staleEnum(e: EnumIR, file: string): Diagnostic {
  return warning(
    "spec.stale-enum",
    `no field of the spec is of enum ${e.name} any more; it is left out`,
    { file, pointer: "/usedBy" },
    `delete ${file}, or list in usedBy the fields that carry its values now`,
  );
}

/** The overlay's named enums (in name order), then a made-up name for every enum field none of them claims. */
function nameEnums(
  overlay: Overlay,
  working: WorkingResources,
  sources: SourceMap,
  diagnostics: Diagnostic[],
): NamedEnums {
  const enumOfField = new Map<string, string>();
  const enums = new Map<string, EnumIR>();
  const refused = new Set<string>();
  for (const [name, oe] of Object.entries(overlay.enums).sort(([a], [b]) => (a < b ? -1 : 1))) {
    const file = enumFile(sources, name);
    if (working.has(name))
      diagnostics.push(
        error(
          "spec.name-collision",
          `enum "${name}" has the same name as a resource`,
          { file },
          `rename this file (the enum's name), or give the resource another public name in ${sources.corrections} #/renames`,
        ),
      );
    const usedBy: string[] = [];
    oe.usedBy.forEach((path, i) => {
      const at = { file, pointer: pointer("usedBy", i) };
      const wf = lookupField(working, path, at, diagnostics);
      if (!wf) return;
      if (wf.field.type !== "enum") {
        diagnostics.push(error("spec.not-enum", `${path} is of type ${wf.field.type}, not an enum`, at));
        refused.add(name);
        return;
      }
      const other = enumOfField.get(path);
      if (other) {
        diagnostics.push(error("spec.enum-claimed-twice", `${path} is already typed by enum ${other}`, at));
        refused.add(name);
        return;
      }
      enumOfField.set(path, name);
      usedBy.push(path);
    });
    enums.set(name, { name, description: oe.description ?? "", values: [], usedBy, named: true });
  }
  for (const [res, w] of working)
    for (const [j, wf] of w.fields) {
      if (wf.field.type !== "enum") continue;
      const path = `${res}.${j}`;
      if (enumOfField.has(path)) continue;
      let name = `${res}${upperFirst(j.replace(/^_/, ""))}`;
      while (enums.has(name) || working.has(name)) name += "Enum";
      enumOfField.set(path, name);
      enums.set(name, { name, description: "", values: [], usedBy: [path], named: false });
      diagnostics.push(
        warning(
          "spec.unnamed-enum",
          `enum of ${path} has no name in spec/overlay/enums; called ${name} for now`,
          wf.at,
        ),
      );
    }
  return { enums, enumOfField, refused };
}

/** The values corrections add, by enum, with their index in corrections.json; a value of an unknown enum is stale. */
function addedValuesByEnum(
  corrections: Corrections,
  enums: ReadonlyMap<string, EnumIR>,
  sources: SourceMap,
  diagnostics: Diagnostic[],
): Map<string, { c: AddedEnumValue; i: number }[]> {
  const addedValues = new Map<string, { c: AddedEnumValue; i: number }[]>();
  (corrections.addedEnumValues ?? []).forEach((c, i) => {
    if (!enums.has(c.enum)) {
      diagnostics.push(
        warning("spec.stale-correction", `no enum "${c.enum}"; the added value ${c.value} is ignored`, {
          file: sources.corrections,
          pointer: `${pointer("addedEnumValues", i)}/enum`,
        }),
      );
      return;
    }
    addedValues.set(c.enum, [...(addedValues.get(c.enum) ?? []), { c, i }]);
  });
  return addedValues;
}

/** The values of the fields an enum types, in the order they first appear; sets its proto enum when they agree. */
function fieldValues(
  e: EnumIR,
  working: WorkingResources,
  file: string,
  diagnostics: Diagnostic[],
): Map<string, EnumValueIR> {
  const values = new Map<string, EnumValueIR>();
  const protoEnums = new Set<string>();
  for (const path of e.usedBy) {
    const [res, j] = path.split(".") as [string, string];
    const f = working.get(res)!.fields.get(j)!.field;
    if (f.protoEnum) protoEnums.add(f.protoEnum);
    const names = new Set<string>();
    for (const v of f.values ?? []) {
      names.add(v.name);
      const known = values.get(v.name);
      if (!known)
        values.set(v.name, {
          name: v.name,
          deprecated: v.deprecated === true,
          description: "",
          ...(v.number !== undefined ? { number: v.number } : {}),
        });
      else if (v.number !== undefined && known.number !== undefined && known.number !== v.number)
        diagnostics.push(
          error(
            "spec.enum-number-conflict",
            `${e.name}.${v.name} has number ${known.number} in one field and ${v.number} in ${path}`,
            { file },
          ),
        );
      else if (v.number !== undefined) known.number = v.number;
    }
    if (e.usedBy.length > 1 && values.size !== names.size)
      diagnostics.push(
        warning("spec.enum-value-sets-differ", `${path} allows fewer values than enum ${e.name} as a whole`, {
          file,
        }),
      );
  }
  if (protoEnums.size === 1) e.protoEnum = [...protoEnums][0]!;
  return values;
}

/** Adds the corrections' values upstream does not list yet (one it lists now is stale); returns those applied. */
function addValues(
  e: EnumIR,
  values: Map<string, EnumValueIR>,
  added: readonly { c: AddedEnumValue; i: number }[],
  sources: SourceMap,
  diagnostics: Diagnostic[],
): CorrectionIR[] {
  const applied: CorrectionIR[] = [];
  for (const { c, i } of added) {
    const at: Location = { file: sources.corrections, pointer: pointer("addedEnumValues", i) };
    checkEvidence(c.evidence, at, diagnostics);
    if (values.has(c.value)) {
      diagnostics.push(
        warning("spec.stale-correction", `upstream now lists ${e.name}.${c.value}; the added value is ignored`, {
          ...at,
          pointer: `${at.pointer}/value`,
        }),
      );
      continue;
    }
    const correction: CorrectionIR = {
      kind: "addedEnumValue",
      target: `${e.name}.${c.value}`,
      reason: c.reason,
      evidence: c.evidence,
    };
    values.set(c.value, { name: c.value, deprecated: false, description: "", corrected: correction });
    applied.push(correction);
  }
  return applied;
}

/** The overlay's value descriptions; one for a value the enum no longer has is a warning. */
function describeValues(
  e: EnumIR,
  values: ReadonlyMap<string, EnumValueIR>,
  overlay: Overlay,
  file: string,
  diagnostics: Diagnostic[],
): void {
  for (const [v, text] of Object.entries(overlay.enums[e.name]?.values ?? {})) {
    const value = values.get(v);
    if (value) value.description = text;
    else
      diagnostics.push(
        warning("spec.stale-enum-value", `${e.name} has no value ${v} any more; its description is unused`, {
          file,
          pointer: pointer("values", v),
        }),
      );
  }
}

export function mergeEnums(
  overlay: Overlay,
  working: WorkingResources,
  sources: SourceMap,
  diagnostics: Diagnostic[],
): MergedEnums {
  const { enums, enumOfField, refused } = nameEnums(overlay, working, sources, diagnostics);
  const addedValues = addedValuesByEnum(overlay.corrections, enums, sources, diagnostics);
  const corrections: CorrectionIR[] = [];
  /** Named enums no field is of any more (see staleEnum). */
  const stale: string[] = [];
  for (const e of enums.values()) {
    const file = enumFile(sources, e.name);
    const values = fieldValues(e, working, file, diagnostics);
    corrections.push(...addValues(e, values, addedValues.get(e.name) ?? [], sources, diagnostics));
    if (values.size === 0 && !refused.has(e.name)) {
      diagnostics.push(staleEnum(e, file));
      stale.push(e.name);
      continue;
    }
    describeValues(e, values, overlay, file, diagnostics);
    e.values = [...values.values()];
  }
  for (const name of stale) enums.delete(name);
  return {
    enums: new Map([...enums].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
    enumOfField,
    corrections,
  };
}
