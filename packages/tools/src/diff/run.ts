// `gemini-typekit diff OLD NEW`: read both sides, compare them in public names, classify, and judge --fail-on.
import { hasErrors, type Diagnostic } from "../diagnostics.ts";
import { readSpecFiles } from "../spec/files.ts";
import { diffSpecs, renameMap, type SpecDiff } from "./diff.ts";
import { readDiffSide } from "./inputs.ts";
import { proseChanges, type ProseChange } from "./prose.ts";
import type { Level } from "./rules.ts";

export type FailOn = "breaking" | "warning";

export interface DiffRun {
  diagnostics: Diagnostic[];
  diff?: SpecDiff;
  prose: ProseChange[];
}

export async function runDiff(oldPath: string, newPath: string, specDir: string, cwd: string): Promise<DiffRun> {
  // The overlay a Discovery document is read with: corrections for its dangling refs, and the rename history.
  const spec = await readSpecFiles(specDir, cwd);
  const overlay = spec.files.overlay;
  const [a, b] = [await readDiffSide(oldPath, overlay, cwd), await readDiffSide(newPath, overlay, cwd)];
  const diagnostics = [...a.diagnostics, ...b.diagnostics];
  if (hasErrors(diagnostics) || !a.imported || !b.imported) return { diagnostics, prose: [] };
  const renames = new Map([...renameMap(a.overlay), ...renameMap(b.overlay), ...renameMap(overlay)]);
  const prose =
    a.discovery !== undefined && b.discovery !== undefined ? proseChanges(a.discovery, b.discovery, renames) : [];
  return { diagnostics, diff: diffSpecs(a.imported, b.imported, renames), prose };
}

/** Whether a diff fails a CI gate: any change at the given level or a more severe one. */
export function failsOn(diff: SpecDiff, failOn: FailOn | undefined): boolean {
  if (!failOn) return false;
  const levels: Level[] = failOn === "breaking" ? ["breaking"] : ["breaking", "warning"];
  return diff.changes.some((c) => levels.includes(c.level));
}
