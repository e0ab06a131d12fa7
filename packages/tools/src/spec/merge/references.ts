// Merge phase "references": every ref field names a resource (by its public name, or by the upstream name of an
// added resource) and every any field an any type of corrections.json. Only checks; nothing changes.
import { error, type Diagnostic } from "../../diagnostics.ts";
import type { SourceMap } from "../files.ts";
import type { Corrections } from "../layers.ts";
import type { WorkingResources } from "./working.ts";

export function checkReferences(
  working: WorkingResources,
  publicNames: ReadonlyMap<string, string>,
  corrections: Corrections,
  sources: SourceMap,
  diagnostics: Diagnostic[],
): void {
  const anyTypeNames = new Set(Object.keys(corrections.anyTypes ?? {}));
  for (const w of working.values())
    for (const wf of w.fields.values()) {
      if (wf.field.type === "any" && !anyTypeNames.has(wf.field.ref!))
        diagnostics.push(
          error(
            "spec.unresolved-ref",
            `refers to any type "${wf.field.ref}", which ${sources.corrections} does not define under anyTypes`,
            { ...wf.at, pointer: `${wf.at.pointer}/ref` },
          ),
        );
      if (wf.field.type !== "ref") continue;
      const target = w.added ? wf.field.ref! : (publicNames.get(wf.field.ref!) ?? wf.field.ref!);
      if (!working.has(target) && !working.has(wf.field.ref!))
        diagnostics.push(
          error(
            "spec.unresolved-ref",
            `refers to "${wf.field.ref}", which is neither a resource nor corrected in ${sources.corrections}`,
            { ...wf.at, pointer: `${wf.at.pointer}/ref` },
          ),
        );
    }
}
