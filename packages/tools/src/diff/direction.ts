// Where a resource is reached from: the request side of some method, the response side, both, or neither. A
// change's verdict depends on it (a new enum value in a response can surprise a reader; in a request it cannot).
import type { ImportedSpec } from "../spec/layers.ts";

export type Direction = "request" | "response" | "both" | "none";

/** Public names of every resource reachable from `roots`, following field references. */
function closure(
  spec: ImportedSpec,
  roots: string[],
  publicName: (n: string) => string,
  skip: "outputOnly" | "inputOnly",
): Set<string> {
  const byPublic = new Map(Object.values(spec.resources).map((r) => [publicName(r.name), r]));
  const seen = new Set<string>();
  for (let name = roots.pop(); name !== undefined; name = roots.pop()) {
    if (seen.has(name)) continue;
    const r = byPublic.get(name);
    if (!r) continue;
    seen.add(name);
    // A request never carries output-only fields, nor a response input-only ones: they do not lead there.
    for (const f of Object.values(r.fields))
      if (f.type === "ref" && f.ref && f[skip] !== true) roots.push(publicName(f.ref));
  }
  return seen;
}

/** Directions of every resource, by public name, judged on both sides of the comparison together. */
export function resourceDirections(
  specs: (ImportedSpec | undefined)[],
  publicName: (n: string) => string,
): Map<string, Direction> {
  const request = new Set<string>();
  const response = new Set<string>();
  for (const spec of specs) {
    if (!spec) continue;
    const methods = Object.values(spec.methods);
    for (const n of closure(
      spec,
      methods.flatMap((m) => (m.request ? [publicName(m.request)] : [])),
      publicName,
      "outputOnly",
    ))
      request.add(n);
    for (const n of closure(
      spec,
      methods.flatMap((m) => (m.response ? [publicName(m.response)] : [])),
      publicName,
      "inputOnly",
    ))
      response.add(n);
  }
  const out = new Map<string, Direction>();
  for (const n of new Set([...request, ...response]))
    out.set(n, request.has(n) && response.has(n) ? "both" : request.has(n) ? "request" : "response");
  return out;
}

/**
 * Directions of fields ("Resource.field"), where a field narrows its resource's: an output-only field is only ever
 * in responses, an input-only one only in requests. A flag counts when both sides that have the field carry it.
 */
export function fieldDirections(
  specs: (ImportedSpec | undefined)[],
  resources: ReadonlyMap<string, Direction>,
  publicName: (n: string) => string,
): Map<string, Direction> {
  const flags = new Map<string, { out: boolean; in: boolean }>();
  for (const spec of specs)
    for (const r of Object.values(spec?.resources ?? {}))
      for (const [name, f] of Object.entries(r.fields)) {
        const key = `${publicName(r.name)}.${name}`;
        const seen = flags.get(key) ?? { out: true, in: true };
        flags.set(key, { out: seen.out && f.outputOnly === true, in: seen.in && f.inputOnly === true });
      }
  const out = new Map<string, Direction>();
  for (const [key, f] of flags) {
    const d = resources.get(key.slice(0, key.indexOf("."))) ?? "none";
    out.set(key, d === "none" ? d : f.out ? "response" : f.in ? "request" : d);
  }
  return out;
}
