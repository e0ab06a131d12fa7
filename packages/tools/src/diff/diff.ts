// `diffSpecs`: the import report's structural changes, each classified by rule, level and direction.
import { compareImported, type Change } from "../import/report.ts";
import type { ImportedSpec, Overlay } from "../spec/model.ts";
import { fieldDirections, resourceDirections, type Direction } from "./direction.ts";
import { ruleFor } from "./classify.ts";
import { RULE_BY_ID, type Level } from "./rules.ts";

export interface ClassifiedChange extends Change {
  rule: string;
  level: Level;
  direction: Direction;
}

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
  return new Map((overlay?.corrections.renames ?? []).map((r) => [r.upstream, r.name]));
}

/** The resource a change is in: "Candidate" for "Candidate.finishReason#STOP", none for methods and the service. */
function resourceOf(c: Change): string | undefined {
  if (c.subject === "method" || c.subject === "parameter" || c.subject === "service") return undefined;
  return c.path.split(/[.#]/)[0];
}

/** The field a change is in: "Candidate.finishReason" for "Candidate.finishReason#STOP". */
function fieldOf(c: Change): string | undefined {
  return c.subject === "field" || c.subject === "enum-value" ? c.path.split("#")[0] : undefined;
}

export interface Directions {
  resources: ReadonlyMap<string, Direction>;
  fields: ReadonlyMap<string, Direction>;
}

function directionOf(c: Change, directions: Directions): Direction {
  if (c.subject === "parameter") return "request";
  if (c.subject === "method") return "both";
  const field = fieldOf(c);
  if (field !== undefined && directions.fields.has(field)) return directions.fields.get(field)!;
  const resource = resourceOf(c);
  return resource === undefined ? "none" : (directions.resources.get(resource) ?? "none");
}

const LEVEL_ORDER: Level[] = ["breaking", "warning", "info"];

export function classify(changes: Change[], directions: Directions): ClassifiedChange[] {
  return changes.map((c) => {
    const direction = directionOf(c, directions);
    const rule = ruleFor(c, direction);
    return { ...c, rule, level: RULE_BY_ID.get(rule)!.level, direction };
  });
}

export function diffSpecs(before: ImportedSpec | undefined, after: ImportedSpec, renames: ReadonlyMap<string, string>): SpecDiff {
  const report = compareImported(before, after, renames);
  const publicName = (n: string) => renames.get(n) ?? n;
  const resources = resourceDirections([before, after], publicName);
  const changes = classify(report.changes, { resources, fields: fieldDirections([before, after], resources, publicName) });
  const out: SpecDiff = { to: report.to, changes };
  if (report.from) out.from = report.from;
  return out;
}

export function countByLevel(changes: readonly ClassifiedChange[]): Record<Level, number> {
  const counts = Object.fromEntries(LEVEL_ORDER.map((l) => [l, 0])) as Record<Level, number>;
  for (const c of changes) counts[c.level]++;
  return counts;
}
