// Drift as the reference checker records it (typed records, ./drift-record.ts), read as the library reports it. The
// fast-path checkers report the same drift directly in that form; the differential tests hold the two to each other
// (and to the ajv oracle) through these functions.
import { DriftKind, type DriftRecord } from "./drift-record.ts";
import { decodeSegment, fieldFor, locate, specName, splitPointer } from "./runtime-model.ts";
import { enumSpelling } from "./normalize.ts";
import type { Drift } from "./result.ts";

export const identity = (pointer: string): string => pointer;
export const NO_PATHS: ReadonlySet<string> = new Set();

/** Whether a drift record is a spelling normalization would fix: a proto-named field, an enum name in another case. */
export function hasOtherSpellings(records: readonly DriftRecord[]): boolean {
  for (const { kind, path, value, owner } of records) {
    if (kind === DriftKind.UnknownField) {
      if (fieldFor(owner, decodeSegment(path.slice(path.lastIndexOf("/") + 1)))) return true;
    } else if (enumSpelling(owner, value as string) !== undefined) return true;
  }
  return false;
}

/** The records as Drift, pointing into the input as given; `skip` holds paths already reported otherwise. */
export function driftFromRecords(
  records: readonly DriftRecord[],
  resource: string,
  value: unknown,
  toOriginal: (p: string) => string = identity,
  skip: ReadonlySet<string> = NO_PATHS,
): Drift[] {
  const drift: Drift[] = [];
  let seen: Set<string> | undefined; // one value can be checked by several schemas (an Any's branches)
  for (const record of records) {
    const { kind, path } = record;
    if (records.length > 1) {
      const key = `${kind} ${path}`;
      if ((seen ??= new Set()).has(key)) continue;
      seen.add(key);
    }
    const original = toOriginal(path);
    if (skip.has(original)) continue;
    // An unknown field's resource is recorded with it; an enum value's field is found by walking the spec.
    const spec = kind === DriftKind.UnknownField ? record.owner : specName(locate(resource, splitPointer(path), value));
    drift.push({ path: original, kind, value: record.value, ...(spec ? { spec } : {}) });
  }
  return drift;
}
