// Merge phase "field corrections": the overlay's corrections to upstream's fields, each applied only while upstream
// still says what it was written against (otherwise it is stale: a warning, and upstream's word stands, so an
// upstream catch-up never breaks loading). Added fields, then corrected types, then relaxed "Required.".
import { warning, type Diagnostic, type Location } from "../../diagnostics.ts";
import { pointer } from "../../util/json-pointer.ts";
import type { SourceMap } from "../files.ts";
import type { Corrections, FieldTypeOverride, ImportedField } from "../layers.ts";
import type { CorrectionIR } from "../ir.ts";
import { checkEvidence, lookupField, type WorkingResources } from "./working.ts";

/** Field path ("Resource.field") → the correction that added it or relaxed its "Required.". */
export type FieldCorrections = Map<string, CorrectionIR>;

const sameType = (a: FieldTypeOverride, b: ImportedField) => a.type === b.type && (a.ref ?? "") === (b.ref ?? "");

/**
 * Fields real traffic shows and upstream lacks. Once upstream defines the field itself the addition is stale: a
 * warning, and upstream's definition stands, so an upstream catch-up never breaks loading.
 */
export function addFields(
  corrections: Corrections,
  working: WorkingResources,
  sources: SourceMap,
  diagnostics: Diagnostic[],
  applied: FieldCorrections,
): void {
  (corrections.addedFields ?? []).forEach((c, i) => {
    const at: Location = { file: sources.corrections, pointer: pointer("addedFields", i) };
    checkEvidence(c.evidence, at, diagnostics);
    const [res, j] = c.field.split(".") as [string, string];
    const w = working.get(res);
    if (!w) {
      diagnostics.push(
        warning("spec.stale-correction", `no resource "${res}"; the added field ${c.field} is ignored`, {
          ...at,
          pointer: `${at.pointer}/field`,
        }),
      );
      return;
    }
    if (w.fields.has(j)) {
      diagnostics.push(
        warning(
          "spec.stale-correction",
          `upstream now defines ${c.field}; the added field is ignored (upstream's definition stands)`,
          { ...at, pointer: `${at.pointer}/field` },
        ),
      );
      return;
    }
    w.fields.set(j, { field: { ...c.definition }, at: { ...at, pointer: `${at.pointer}/definition` } });
    applied.set(c.field, { kind: "addedField", target: c.field, reason: c.reason, evidence: c.evidence });
  });
}

/** Type corrections, applied only while upstream still types the field as the correction was written against. */
export function retypeFields(
  corrections: Corrections,
  working: WorkingResources,
  sources: SourceMap,
  diagnostics: Diagnostic[],
): void {
  (corrections.fieldTypes ?? []).forEach((c, i) => {
    const at: Location = { file: sources.corrections, pointer: pointer("fieldTypes", i) };
    const wf = lookupField(working, c.field, { ...at, pointer: `${at.pointer}/field` }, diagnostics);
    if (!wf) return;
    if (!sameType(c.upstream, wf.field)) {
      diagnostics.push(
        warning(
          "spec.stale-correction",
          `upstream now types ${c.field} as ${wf.field.type}${wf.field.ref ? ` ${wf.field.ref}` : ""}; the correction no longer applies`,
          { ...at, pointer: `${at.pointer}/upstream` },
        ),
      );
      return;
    }
    const f = wf.field;
    delete f.ref;
    delete f.values;
    delete f.protoEnum;
    f.type = c.type.type;
    if (c.type.ref !== undefined) f.ref = c.type.ref;
    if (c.type.values !== undefined) f.values = c.type.values;
    wf.at = { ...at, pointer: `${at.pointer}/type` };
  });
}

/** "Required." relaxed where real traffic omits the field; stale (a warning) once upstream no longer requires it. */
export function relaxRequired(
  corrections: Corrections,
  working: WorkingResources,
  sources: SourceMap,
  diagnostics: Diagnostic[],
  applied: FieldCorrections,
): void {
  (corrections.relaxedRequired ?? []).forEach((c, i) => {
    const at: Location = { file: sources.corrections, pointer: pointer("relaxedRequired", i) };
    checkEvidence(c.evidence, at, diagnostics);
    const [res, j] = c.field.split(".") as [string, string];
    const wf = working.get(res)?.fields.get(j);
    if (!wf) {
      diagnostics.push(
        warning("spec.stale-correction", `"${c.field}" is not a field of the spec; nothing to relax`, {
          ...at,
          pointer: `${at.pointer}/field`,
        }),
      );
      return;
    }
    if (!wf.field.required) {
      diagnostics.push(
        warning("spec.stale-correction", `upstream no longer marks ${c.field} required; the correction does nothing`, {
          ...at,
          pointer: `${at.pointer}/field`,
        }),
      );
      return;
    }
    delete wf.field.required;
    applied.set(c.field, {
      kind: "relaxedRequired",
      target: c.field,
      reason: c.reason,
      evidence: c.evidence,
      scope: c.scope,
    });
  });
}
