// Merge phase "renames": which public name each upstream schema is published under (corrections.json #/renames).
import { error, warning, type Diagnostic, type Location } from "../../diagnostics.ts";
import { pointer } from "../../util/json-pointer.ts";
import type { SourceMap } from "../files.ts";
import type { Corrections, ImportedSpec, Overlay } from "../layers.ts";

/**
 * Upstream schema name → public name, after the overlay's renames. The renames are a history: several upstream
 * names may lead to one public name (a schema Google renamed more than once), and at most one of them may be in
 * the document. An entry whose upstream name is gone is history, not stale, while its public name still exists.
 */
export function publicNameMap(
  imported: ImportedSpec,
  overlay: Overlay,
  sources: SourceMap,
  diagnostics: Diagnostic[],
): Map<string, string> {
  const names = new Map(Object.keys(imported.resources).map((n) => [n, n]));
  const renames = overlay.corrections.renames ?? [];
  const repeated = repeatedRenames(renames, sources.corrections, diagnostics);
  const present = new Set([...names.keys(), ...renames.filter((r) => names.has(r.upstream)).map((r) => r.name)]);
  const claimedBy = new Map<string, string>();
  renames.forEach((r, i) => {
    if (repeated.has(i)) return;
    const at: Location = { file: sources.corrections, pointer: pointer("renames", i) };
    if (!names.has(r.upstream)) {
      if (!present.has(r.name))
        diagnostics.push(
          warning("spec.stale-rename", `upstream has no schema "${r.upstream}" any more; this rename does nothing`, {
            ...at,
            pointer: `${at.pointer}/upstream`,
          }),
        );
      return;
    }
    if (names.has(r.name) && r.name !== r.upstream)
      diagnostics.push(
        error("spec.rename-collision", `"${r.name}" is already an upstream schema name`, {
          ...at,
          pointer: `${at.pointer}/name`,
        }),
      );
    const earlier = claimedBy.get(r.name);
    if (earlier !== undefined) {
      // Reported once here; the second schema keeps its upstream name so nothing else collides on top.
      diagnostics.push(
        error(
          "spec.rename-collision",
          `"${r.upstream}" and "${earlier}" are both in the document and both renamed to "${r.name}"`,
          { ...at, pointer: `${at.pointer}/upstream` },
          "keep the rename of the schema that is the public one; give the other its own name",
        ),
      );
      return;
    }
    claimedBy.set(r.name, r.upstream);
    names.set(r.upstream, r.name);
  });
  return names;
}

/**
 * Rename entries whose upstream name an earlier entry already renames: to another name it is an error (which one
 * is meant cannot be told), to the same name a warning (a leftover copy). Either way the later entry is left out,
 * so the earlier one holds everywhere (publicNameMap, renameHistory). Returns the indexes of the left-out entries.
 */
function repeatedRenames(
  renames: NonNullable<Corrections["renames"]>,
  file: string,
  diagnostics: Diagnostic[],
): Set<number> {
  const firstAt = new Map<string, number>();
  const repeated = new Set<number>();
  renames.forEach((r, i) => {
    const first = firstAt.get(r.upstream);
    if (first === undefined) {
      firstAt.set(r.upstream, i);
      return;
    }
    repeated.add(i);
    const earlier = renames[first]!;
    const at: Location = { file, pointer: pointer("renames", i) };
    if (earlier.name === r.name)
      diagnostics.push(
        warning(
          "spec.rename-duplicate",
          `"${r.upstream}" is renamed to "${r.name}" a second time; this entry does nothing`,
          at,
          `delete this entry; #${pointer("renames", first)} already says it`,
        ),
      );
    else
      diagnostics.push(
        error(
          "spec.rename-conflict",
          `"${r.upstream}" is renamed twice, to "${earlier.name}" and to "${r.name}"`,
          at,
          `keep one of #${pointer("renames", first)} (→ "${earlier.name}") and #${pointer("renames", i)} (→ "${r.name}") and delete the other`,
        ),
      );
  });
  return repeated;
}

/** Every upstream name the overlay's rename history has ever mapped, to its public name (for comparing revisions). */
export function renameHistory(overlay: Overlay): Map<string, string> {
  const history = new Map<string, string>();
  // The first entry of an upstream name holds, as in publicNameMap; a later one is an error or warning there.
  for (const r of overlay.corrections.renames ?? []) if (!history.has(r.upstream)) history.set(r.upstream, r.name);
  return history;
}
