// Drift as the lenient reference checker (reference/) and the ajv lenient validators (packages/runtime/generated/validators/lenient.js)
// record it — flat quadruples of kind "f" | "e", instance path, value, and the resource holding the field or the enum
// holding the value — read as the runtime reports it. The fast-path checkers record the same drift already in this
// form; the differential test holds the two to each other through these functions.
import { decodeSegment, fieldFor, locate, specName, splitPointer } from "./model.ts";
import { enumSpelling } from "./normalize.ts";
import type { Drift } from "./result.ts";

export const identity = (pointer: string): string => pointer;
export const NO_PATHS: ReadonlySet<string> = new Set();

/** Whether a drift record is a spelling normalization would fix: a proto-named field, an enum name in another case. */
export function sinkHasOtherSpellings(sink: readonly unknown[]): boolean {
  for (let i = 0; i + 3 < sink.length; i += 4) {
    const owner = sink[i + 3] as string;
    if (sink[i] === "f") {
      const path = sink[i + 1] as string;
      if (fieldFor(owner, decodeSegment(path.slice(path.lastIndexOf("/") + 1)))) return true;
    } else if (enumSpelling(owner, sink[i + 2] as string) !== undefined) return true;
  }
  return false;
}

/** The sink's records as Drift, pointing into the input as given; `skip` holds paths already reported otherwise. */
export function driftFromSink(
  sink: readonly unknown[],
  resource: string,
  value: unknown,
  toOriginal: (p: string) => string = identity,
  skip: ReadonlySet<string> = NO_PATHS,
): Drift[] {
  const drift: Drift[] = [];
  let seen: Set<string> | undefined; // one value can be checked by several schemas (an Any's branches)
  for (let i = 0; i + 3 < sink.length; i += 4) {
    const unknownField = sink[i] === "f";
    const path = sink[i + 1] as string;
    if (sink.length > 4) {
      const key = `${sink[i] as string} ${path}`;
      if ((seen ??= new Set()).has(key)) continue;
      seen.add(key);
    }
    const original = toOriginal(path);
    if (skip.has(original)) continue;
    // An unknown field's resource is recorded with it; an enum value's field is found by walking the spec.
    const spec = unknownField ? (sink[i + 3] as string) : specName(locate(resource, splitPointer(path), value));
    drift.push({
      path: original,
      kind: unknownField ? "unknown-field" : "unknown-enum-value",
      value: sink[i + 2],
      ...(spec ? { spec } : {}),
    });
  }
  return drift;
}
