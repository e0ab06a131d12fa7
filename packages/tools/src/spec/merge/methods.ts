// Merge phase "methods": the imported methods with the overlay's descriptions and their request and response
// resources under public names. The check that those resources exist runs once the final resources are known.
import { error, warning, type Diagnostic } from "../../diagnostics.ts";
import { pointer } from "../../util/json-pointer.ts";
import type { SourceMap } from "../files.ts";
import type { ImportedSpec, Overlay } from "../layers.ts";
import type { MethodIR } from "../ir.ts";

/** The methods by id, sorted. */
export function mergeMethods(
  imported: ImportedSpec,
  overlay: Overlay,
  publicNames: ReadonlyMap<string, string>,
): Map<string, MethodIR> {
  const methods = new Map<string, MethodIR>();
  for (const [id, m] of Object.entries(imported.methods).sort(([a], [b]) => (a < b ? -1 : 1))) {
    const mi: MethodIR = { ...m, description: overlay.methods[id] ?? "" };
    if (m.request) mi.request = publicNames.get(m.request) ?? m.request;
    if (m.response) mi.response = publicNames.get(m.response) ?? m.response;
    methods.set(id, mi);
  }
  return methods;
}

/** A request or response that is no resource is an error; a description of a method that is gone, a warning. */
export function checkMethods(
  methods: ReadonlyMap<string, MethodIR>,
  resources: ReadonlyMap<string, unknown>,
  overlay: Overlay,
  sources: SourceMap,
  diagnostics: Diagnostic[],
): void {
  for (const [id, method] of methods)
    for (const role of ["request", "response"] as const) {
      const ref = method[role];
      if (ref !== undefined && !resources.has(ref))
        diagnostics.push(
          error("spec.unresolved-ref", `${role} refers to unknown resource "${ref}"`, {
            file: sources.importedMethods,
            pointer: pointer(id, role),
          }),
        );
    }
  for (const id of Object.keys(overlay.methods))
    if (!methods.has(id))
      diagnostics.push(
        warning("spec.stale-description", `no method "${id}" any more`, {
          file: sources.overlayMethods,
          pointer: pointer(id),
        }),
      );
}
