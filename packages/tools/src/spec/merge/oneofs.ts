// Merge phase "oneofs": each resource's oneofs from the protos, plus the members and oneofs corrections.json
// #/unions adds (a member or resource that is gone is a warning and left out).
import { warning, type Diagnostic, type Location } from "../../diagnostics.ts";
import { pointer } from "../../util/json-pointer.ts";
import type { SourceMap } from "../files.ts";
import type { Corrections } from "../layers.ts";
import type { WorkingResources } from "./working.ts";

/** Resource → oneof name → member JSON names, in proto order then the overlay's. */
export type OneofsOf = Map<string, Map<string, string[]>>;

export function mergeOneofs(
  corrections: Corrections,
  working: WorkingResources,
  sources: SourceMap,
  diagnostics: Diagnostic[],
): OneofsOf {
  const unionsOf: OneofsOf = new Map();
  for (const [res, w] of working)
    unionsOf.set(res, new Map((w.resource.unions ?? []).map((u) => [u.name, [...u.members]])));
  (corrections.unions ?? []).forEach((u, i) => {
    const at: Location = { file: sources.corrections, pointer: pointer("unions", i) };
    const unions = unionsOf.get(u.resource);
    if (!unions) {
      diagnostics.push(
        warning("spec.stale-union", `no resource "${u.resource}"`, { ...at, pointer: `${at.pointer}/resource` }),
      );
      return;
    }
    const members = unions.get(u.union) ?? [];
    u.members.forEach((m, k) => {
      if (!working.get(u.resource)!.fields.has(m))
        diagnostics.push(
          warning("spec.stale-union-member", `${u.resource} has no field "${m}"; it is left out of oneof ${u.union}`, {
            ...at,
            pointer: `${at.pointer}/members/${k}`,
          }),
        );
      else if (!members.includes(m)) members.push(m);
    });
    if (members.length > 0) unions.set(u.union, members);
  });
  return unionsOf;
}
