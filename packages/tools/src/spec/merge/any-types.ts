// Merge phase "any types": corrections.json #/anyTypes names the messages google.protobuf.Any fields are known to
// carry, by type URL. Each known message must be a resource, known by one URL only (the resource records it as
// its typeUrl); an any type no field is of, or an overlay description of fields it cannot have, is a warning.
import { error, warning, type Diagnostic, type Location } from "../../diagnostics.ts";
import { pointer } from "../../util/json-pointer.ts";
import type { SourceMap } from "../files.ts";
import type { Overlay } from "../layers.ts";
import type { AnyMemberIR, AnyTypeDraft, EnumIR } from "../ir.ts";
import type { WorkingResources } from "./working.ts";

export interface MergedAnyTypes {
  /** By name, sorted. */
  anyTypes: Map<string, AnyTypeDraft>;
  /** Resource → the type URL it is known by. */
  typeUrlOf: Map<string, string>;
}

export function mergeAnyTypes(
  overlay: Overlay,
  working: WorkingResources,
  enums: ReadonlyMap<string, EnumIR>,
  sources: SourceMap,
  diagnostics: Diagnostic[],
): MergedAnyTypes {
  const anyTypes = new Map<string, AnyTypeDraft>();
  const typeUrlOf = new Map<string, string>();
  for (const [name, at] of Object.entries(overlay.corrections.anyTypes ?? {}).sort(([a], [b]) => (a < b ? -1 : 1))) {
    const where = (...rest: string[]): Location => ({
      file: sources.corrections,
      pointer: pointer("anyTypes", name, ...rest),
    });
    if (working.has(name) || enums.has(name)) {
      diagnostics.push(
        error(
          "spec.name-collision",
          `any type "${name}" has the same name as ${working.has(name) ? "a resource" : "an enum"}`,
          where(),
        ),
      );
      continue;
    }
    const members: AnyMemberIR[] = [];
    for (const [url, resource] of Object.entries(at.messages)) {
      const target = working.get(resource);
      if (!target) {
        diagnostics.push(
          error(
            "spec.unresolved-ref",
            `type URL ${url} refers to "${resource}", which is not a resource`,
            where("messages", url),
          ),
        );
        continue;
      }
      const known = typeUrlOf.get(resource);
      if (known !== undefined && known !== url) {
        diagnostics.push(
          error(
            "spec.any-url-conflict",
            `${resource} is already known by the type URL ${known}`,
            where("messages", url),
          ),
        );
        continue;
      }
      const message = url.slice(url.lastIndexOf("/") + 1);
      if (target.resource.protoMessage && target.resource.protoMessage !== message)
        diagnostics.push(
          warning(
            "spec.any-url-mismatch",
            `${resource} is the proto message ${target.resource.protoMessage}, but the URL names ${message}`,
            where("messages", url),
          ),
        );
      typeUrlOf.set(resource, url);
      members.push({ typeUrl: url, resource });
    }
    members.sort((a, b) => (a.resource < b.resource ? -1 : a.resource > b.resource ? 1 : 0));
    const ov = overlay.resources[name];
    anyTypes.set(name, { name, description: ov?.description ?? "", members });
    if (
      ![...working.values()].some((w) =>
        [...w.fields.values()].some((wf) => wf.field.type === "any" && wf.field.ref === name),
      )
    )
      diagnostics.push(warning("spec.unused-any-type", `no field is of any type "${name}"`, where()));
    const ovFile = sources.overlayResource.get(name) ?? `spec/overlay/resources/${name}.json`;
    for (const key of ["fields", "unions"] as const)
      for (const j of Object.keys(ov?.[key] ?? {}))
        diagnostics.push(
          warning(
            "spec.stale-description",
            `${name} is an any type: it has no ${key === "fields" ? "field" : "oneof"} "${j}"`,
            { file: ovFile, pointer: pointer(key, j) },
          ),
        );
  }
  return { anyTypes, typeUrlOf };
}
