// Merge phase "working resources": the resources the later phases correct, by public name — every upstream schema
// under its public name, plus the resources the overlay adds because upstream lacks them. Also the two small checks
// several phases share: finding a field named "Resource.field", and evidence that contradicts itself.
import { warning, error, type Diagnostic, type Location } from "../../diagnostics.ts";
import { pointer } from "../../util/json-pointer.ts";
import type { SourceMap } from "../files.ts";
import type { Evidence, ImportedField, ImportedResource, ImportedSpec, Overlay } from "../layers.ts";
import type { CorrectionIR } from "../ir.ts";

export interface WorkingField {
  field: ImportedField;
  /** Where the field's facts came from. */
  at: Location;
}

export interface WorkingResource {
  resource: ImportedResource;
  added: boolean;
  fields: Map<string, WorkingField>;
  file: string;
}

/** Public name → the resource as the merge works on it. Phases up to the final resources correct its fields. */
export type WorkingResources = Map<string, WorkingResource>;

/** Evidence that lists more example files than it says it was seen in cannot be right. */
export function checkEvidence(evidence: Evidence | undefined, at: Location, diagnostics: Diagnostic[]): void {
  if (evidence && new Set(evidence.examples.map((e) => e.file)).size > evidence.seenIn)
    diagnostics.push(
      error("spec.evidence-count", `seenIn is ${evidence.seenIn}, but the examples name more files than that`, {
        ...at,
        pointer: `${at.pointer}/evidence/seenIn`,
      }),
    );
}

/** The field a "Resource.field" path names; a stale-field warning at `at` when the spec has none. */
export function lookupField(
  working: WorkingResources,
  path: string,
  at: Location,
  diagnostics: Diagnostic[],
): WorkingField | undefined {
  const [res, field] = path.split(".") as [string, string];
  const f = working.get(res)?.fields.get(field);
  if (!f) diagnostics.push(warning("spec.stale-field", `"${path}" is not a field of the spec`, at));
  return f;
}

/**
 * The upstream resources under their public names, then the overlay's added resources (an addition upstream now
 * defines itself is a warning and ignored). Returns them with the addedResource corrections applied, in order.
 */
export function workingResources(
  imported: ImportedSpec,
  overlay: Overlay,
  publicNames: ReadonlyMap<string, string>,
  sources: SourceMap,
  diagnostics: Diagnostic[],
): { working: WorkingResources; added: CorrectionIR[] } {
  const working: WorkingResources = new Map();
  const added: CorrectionIR[] = [];
  for (const [upstream, resource] of Object.entries(imported.resources)) {
    const file = sources.importedResource.get(upstream) ?? `spec/imported/resources/${upstream}.json`;
    const fields = new Map(
      Object.entries(resource.fields).map(([j, f]) => [
        j,
        { field: { ...f }, at: { file, pointer: pointer("fields", j) } },
      ]),
    );
    working.set(publicNames.get(upstream)!, { resource, added: false, fields, file });
  }
  for (const [name, addition] of Object.entries(overlay.corrections.addedResources ?? {})) {
    const at: Location = { file: sources.corrections, pointer: pointer("addedResources", name) };
    if (working.has(name)) {
      diagnostics.push(
        warning("spec.added-exists", `upstream now defines "${name}"; the overlay's addition is ignored`, at),
      );
      continue;
    }
    const fields = new Map(
      Object.entries(addition.fields).map(([j, f]) => [
        j,
        { field: { ...f }, at: { ...at, pointer: `${at.pointer}/fields/${j}` } },
      ]),
    );
    const resource: ImportedResource = { name, fields: addition.fields };
    if (addition.protoMessage) resource.protoMessage = addition.protoMessage;
    working.set(name, { resource, added: true, fields, file: sources.corrections });
    checkEvidence(addition.evidence, at, diagnostics);
    added.push({
      kind: "addedResource",
      target: name,
      reason: addition.reason,
      ...(addition.evidence ? { evidence: addition.evidence } : {}),
    });
  }
  return { working, added };
}
