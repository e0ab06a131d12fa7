// Merge phase "final resources": each working resource in its IR form, sorted by name, with what the earlier phases
// decided about its fields (enum names, aliases, oneofs, corrections, path binding) and the overlay's descriptions.
// Descriptions of fields, oneofs or resources that are gone are warnings; a field in two oneofs is an error.
import { error, warning, type Diagnostic } from "../../diagnostics.ts";
import { pointer } from "../../util/json-pointer.ts";
import type { SourceMap } from "../files.ts";
import type { Overlay, OverlayResource } from "../layers.ts";
import type { AnyTypeDraft, FieldIR, ResourceDraft, UnionIR } from "../ir.ts";
import type { Aliases } from "./aliases.ts";
import type { FieldCorrections } from "./field-corrections.ts";
import type { OneofsOf } from "./oneofs.ts";
import type { WorkingField, WorkingResource, WorkingResources } from "./working.ts";

/** What the earlier phases decided about resources and fields, which the final form records. */
export interface ResolvedParts {
  publicNames: ReadonlyMap<string, string>;
  /** Field path → the enum that types it. */
  enumOfField: ReadonlyMap<string, string>;
  aliases: Aliases;
  fieldCorrections: FieldCorrections;
  /** Field paths bound to the URL path (path-binding.ts). */
  pathBound: ReadonlySet<string>;
  oneofsOf: OneofsOf;
  /** Resource → the type URL an any type knows it by. */
  typeUrlOf: ReadonlyMap<string, string>;
}

const overlayFile = (sources: SourceMap, name: string) =>
  sources.overlayResource.get(name) ?? `spec/overlay/resources/${name}.json`;

/** The resource's oneofs with their descriptions, and which oneof each member field is in. */
function oneofs(
  name: string,
  w: WorkingResource,
  ov: OverlayResource | undefined,
  parts: ResolvedParts,
  diagnostics: Diagnostic[],
): { unions: UnionIR[]; fieldUnion: Map<string, string> } {
  const fieldUnion = new Map<string, string>();
  const unions: UnionIR[] = [];
  for (const [uname, members] of parts.oneofsOf.get(name)!) {
    for (const m of members) {
      const prev = fieldUnion.get(m);
      if (prev)
        diagnostics.push(
          error("spec.union-overlap", `${name}.${m} is in both oneof ${prev} and oneof ${uname}`, {
            file: w.file,
            pointer: "/unions",
          }),
        );
      else fieldUnion.set(m, uname);
    }
    unions.push({ name: uname, members, description: ov?.unions?.[uname] ?? "" });
  }
  return { unions, fieldUnion };
}

function fieldIR(
  resource: string,
  jsonName: string,
  wf: WorkingField,
  w: WorkingResource,
  ov: OverlayResource | undefined,
  union: string | undefined,
  parts: ResolvedParts,
): FieldIR {
  const f = wf.field;
  const path = `${resource}.${jsonName}`;
  const inPath = parts.pathBound.has(path);
  const ir: FieldIR = {
    jsonName,
    protoName: f.protoName,
    type: f.type,
    repeated: f.repeated === true,
    map: f.map === true,
    required: f.required === true && !inPath,
    outputOnly: f.outputOnly === true,
    inputOnly: f.inputOnly === true,
    immutable: f.immutable === true,
    deprecated: f.deprecated === true,
    description: ov?.fields?.[jsonName] ?? "",
    aliases: parts.aliases.aliasesOf.get(path) ?? [],
  };
  if (f.type === "ref") ir.ref = w.added ? f.ref! : (parts.publicNames.get(f.ref!) ?? f.ref!);
  if (f.type === "enum") ir.ref = parts.enumOfField.get(path)!;
  if (f.type === "any") ir.ref = f.ref!;
  const aliasOf = parts.aliases.aliasTargets.get(path);
  if (aliasOf) ir.aliasOf = aliasOf;
  if (union) ir.union = union;
  if (inPath) ir.inPath = true;
  const corrected = parts.fieldCorrections.get(path);
  if (corrected) ir.corrected = corrected;
  return ir;
}

function staleDescriptions(
  name: string,
  w: WorkingResource,
  ov: OverlayResource | undefined,
  parts: ResolvedParts,
  sources: SourceMap,
  diagnostics: Diagnostic[],
): void {
  const file = overlayFile(sources, name);
  for (const j of Object.keys(ov?.fields ?? {}))
    if (!w.fields.has(j))
      diagnostics.push(
        warning("spec.stale-description", `${name} has no field "${j}" any more; its description is unused`, {
          file,
          pointer: pointer("fields", j),
        }),
      );
  for (const u of Object.keys(ov?.unions ?? {}))
    if (!parts.oneofsOf.get(name)!.has(u))
      diagnostics.push(
        warning("spec.stale-description", `${name} has no oneof "${u}"`, { file, pointer: pointer("unions", u) }),
      );
}

/** The resources in their IR form (without the facts of the whole spec, added last), sorted by name. */
export function finalResources(
  working: WorkingResources,
  overlay: Overlay,
  parts: ResolvedParts,
  sources: SourceMap,
  diagnostics: Diagnostic[],
): Map<string, ResourceDraft> {
  const resources = new Map<string, ResourceDraft>();
  for (const [name, w] of [...working].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const ov = overlay.resources[name];
    const { unions, fieldUnion } = oneofs(name, w, ov, parts, diagnostics);
    const fields = [...w.fields].map(([j, wf]) => fieldIR(name, j, wf, w, ov, fieldUnion.get(j), parts));
    staleDescriptions(name, w, ov, parts, sources, diagnostics);
    const r: ResourceDraft = {
      name,
      upstreamName: w.resource.name,
      deprecated: w.resource.deprecated === true,
      description: ov?.description ?? "",
      fields,
      unions,
      added: w.added,
    };
    if (w.resource.protoMessage) r.protoMessage = w.resource.protoMessage;
    const typeUrl = parts.typeUrlOf.get(name);
    if (typeUrl !== undefined) r.typeUrl = typeUrl;
    resources.set(name, r);
  }
  return resources;
}

/** An overlay file for a resource (or any type) that is gone is unused: a warning. */
export function checkOverlayResources(
  overlay: Overlay,
  working: WorkingResources,
  anyTypes: ReadonlyMap<string, AnyTypeDraft>,
  sources: SourceMap,
  diagnostics: Diagnostic[],
): void {
  for (const name of Object.keys(overlay.resources))
    if (!working.has(name) && !anyTypes.has(name))
      diagnostics.push(
        warning("spec.stale-description", `no resource "${name}" any more; this file is unused`, {
          file: sources.overlayResource.get(name) ?? name,
        }),
      );
}
