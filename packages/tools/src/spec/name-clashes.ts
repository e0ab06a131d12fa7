// Names the generated types would declare twice (a resource renamed to another's base-fields interface, an enum
// named like a oneof's interface, a helper's name): found while loading, so `spec check` refuses what `generate`
// could not emit, and located at the spec entry that brings the second name.
import { error, type Diagnostic, type Location } from "../diagnostics.ts";
import { describeOwner, nameClashes, type NameOwner } from "./declared-names.ts";
import { pointer } from "../util/json-pointer.ts";
import type { SpecFiles } from "./files.ts";
import type { SpecIR } from "./ir.ts";

/** A resource's name comes from its upstream file, a rename, or the overlay's addition. */
function resourceAt(name: string, ir: SpecIR, { sources, overlay }: SpecFiles): Location {
  const r = ir.resources.get(name)!;
  if (r.added) return { file: sources.corrections, pointer: pointer("addedResources", name) };
  const i = (overlay.corrections.renames ?? []).findIndex((x) => x.upstream === r.upstreamName && x.name === name);
  if (i >= 0) return { file: sources.corrections, pointer: pointer("renames", i, "name") };
  return { file: sources.importedResource.get(r.upstreamName) ?? `spec/imported/resources/${r.upstreamName}.json` };
}

function locate(owner: NameOwner, ir: SpecIR, files: SpecFiles): Location {
  const { sources } = files;
  switch (owner.kind) {
    case "anyType":
      return { file: sources.corrections, pointer: pointer("anyTypes", owner.name) };
    case "resource":
      return resourceAt(owner.name, ir, files);
    case "oneof": {
      const at = resourceAt(owner.name, ir, files);
      return at.pointer === undefined ? { ...at, pointer: pointer("unions") } : at;
    }
    case "enum": {
      const e = ir.enums.get(owner.name)!;
      if (e.named || e.usedBy.length === 0)
        return { file: sources.overlayEnum.get(owner.name) ?? `spec/overlay/enums/${owner.name}.json` };
      // A made-up name: located at the field it was made from.
      const [res, field] = e.usedBy[0]!.split(".") as [string, string];
      return { ...resourceAt(res, ir, files), pointer: pointer("fields", field) };
    }
  }
}

export function nameClashDiagnostics(ir: SpecIR, files: SpecFiles): Diagnostic[] {
  return nameClashes(ir).map((c) =>
    error(
      "spec.name-collision",
      `${describeOwner(c.owner)} would be declared as ${c.name}, which ${describeOwner(c.previous)} already declares in the generated types`,
      locate(c.owner, ir, files),
      "give one of them another name: an enum by its file name in overlay/enums, a resource by an entry of corrections.json #/renames",
    ),
  );
}
