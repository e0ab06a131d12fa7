// `diffSpecs`: the import report's structural changes, each classified by rule, level and direction.
import { compareImported } from "../import/report.ts";
import { renameHistory } from "../spec/merge.ts";
import type { ImportedSpec, Overlay } from "../spec/layers.ts";
import type { ClassifiedChange } from "./classify.ts";
import type { Level } from "./rules.ts";

export type { ClassifiedChange } from "./classify.ts";

export interface SpecDiff {
  from?: string;
  to: string;
  changes: ClassifiedChange[];
}

/**
 * Upstream name → public name from every rename the overlay records, so a schema renamed upstream keeps its public
 * name on both sides of a comparison.
 */
export function renameMap(overlay: Overlay | undefined): Map<string, string> {
  return overlay ? renameHistory(overlay) : new Map();
}

export function diffSpecs(
  before: ImportedSpec | undefined,
  after: ImportedSpec,
  renames: ReadonlyMap<string, string>,
): SpecDiff {
  const report = compareImported(before, after, renames);
  const out: SpecDiff = { to: report.to, changes: report.changes };
  if (report.from) out.from = report.from;
  return out;
}

const LEVEL_ORDER: Level[] = ["breaking", "warning", "info"];

export function countByLevel(changes: readonly ClassifiedChange[]): Record<Level, number> {
  const counts = Object.fromEntries(LEVEL_ORDER.map((l) => [l, 0])) as Record<Level, number>;
  for (const c of changes) counts[c.level]++;
  return counts;
}
