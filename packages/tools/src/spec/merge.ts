// Merging the imported layer and the overlay into the intermediate representation, as a pipeline of named phases
// (one module each under merge/). Every phase takes what it needs and returns what it decides; all of them append
// their problems to one list, so one run reports them all, each pointing at the file and JSON Pointer to fix, in the
// order the phases run.
import type { Diagnostic } from "../diagnostics.ts";
import type { SourceMap } from "./files.ts";
import type { ImportedSpec, Overlay } from "./layers.ts";
import type { CorrectionIR, SpecIR } from "./ir.ts";
import { mergeAliases } from "./merge/aliases.ts";
import { mergeAnyTypes } from "./merge/any-types.ts";
import { mergeEnums } from "./merge/enums.ts";
import { addFields, relaxRequired, retypeFields, type FieldCorrections } from "./merge/field-corrections.ts";
import { checkMethods, mergeMethods } from "./merge/methods.ts";
import { pathBoundFields } from "./merge/path-binding.ts";
import { checkReferences } from "./merge/references.ts";
import { publicNameMap } from "./merge/renames.ts";
import { checkOverlayResources, finalResources } from "./merge/resources.ts";
import { checkResponseScopes } from "./merge/response-scopes.ts";
import { mergeOneofs } from "./merge/oneofs.ts";
import { withWireFacts } from "./merge/wire-facts.ts";
import { workingResources } from "./merge/working.ts";

export { publicNameMap, renameHistory } from "./merge/renames.ts";

export function emptySources(): SourceMap {
  return {
    importedResource: new Map(),
    overlayResource: new Map(),
    overlayEnum: new Map(),
    importedMethods: "spec/imported/methods.json",
    overlayMethods: "spec/overlay/methods.json",
    corrections: "spec/overlay/corrections.json",
    service: "spec/imported/service.json",
  };
}

export function mergeSpec(
  imported: ImportedSpec,
  overlay: Overlay,
  sources: SourceMap = emptySources(),
): { ir: SpecIR; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const { corrections } = overlay;
  const publicNames = publicNameMap(imported, overlay, sources, diagnostics);
  const { working, added } = workingResources(imported, overlay, publicNames, sources, diagnostics);
  const fieldCorrections: FieldCorrections = new Map();
  addFields(corrections, working, sources, diagnostics, fieldCorrections);
  retypeFields(corrections, working, sources, diagnostics);
  relaxRequired(corrections, working, sources, diagnostics, fieldCorrections);
  checkReferences(working, publicNames, corrections, sources, diagnostics);
  const enums = mergeEnums(overlay, working, sources, diagnostics);
  const { anyTypes, typeUrlOf } = mergeAnyTypes(overlay, working, enums.enums, sources, diagnostics);
  const oneofsOf = mergeOneofs(corrections, working, sources, diagnostics);
  const aliases = mergeAliases(corrections, working, sources, diagnostics);
  const methods = mergeMethods(imported, overlay, publicNames);
  const pathBound = pathBoundFields(methods, working);
  const parts = {
    publicNames,
    enumOfField: enums.enumOfField,
    aliases,
    fieldCorrections,
    pathBound,
    oneofsOf,
    typeUrlOf,
  };
  const resources = finalResources(working, overlay, parts, sources, diagnostics);
  checkOverlayResources(overlay, working, anyTypes, sources, diagnostics);
  checkMethods(methods, resources, overlay, sources, diagnostics);
  const applied: CorrectionIR[] = [...added, ...fieldCorrections.values(), ...enums.corrections];
  const ir = withWireFacts({
    service: imported.service,
    resources,
    enums: enums.enums,
    methods,
    anyTypes,
    publicNames,
    corrections: applied,
  });
  checkResponseScopes(ir, corrections, sources, diagnostics);
  return { ir, diagnostics };
}
