// Where a resource is reached from: the request side of some method, the response side, both, or neither. A
// change's verdict depends on it (a new enum value in a response can surprise a reader; in a request it cannot).
import type { ImportedSpec } from "../spec/model.ts";

export type Direction = "request" | "response" | "both" | "none";

/** Public names of every resource reachable from `roots`, following field references. */
function closure(spec: ImportedSpec, roots: string[], publicName: (n: string) => string): Set<string> {
  const byPublic = new Map(Object.values(spec.resources).map((r) => [publicName(r.name), r]));
  const seen = new Set<string>();
  for (let name = roots.pop(); name !== undefined; name = roots.pop()) {
    if (seen.has(name)) continue;
    const r = byPublic.get(name);
    if (!r) continue;
    seen.add(name);
    for (const f of Object.values(r.fields)) if (f.type === "ref" && f.ref) roots.push(publicName(f.ref));
  }
  return seen;
}

/** Directions of every resource, by public name, judged on both sides of the comparison together. */
export function resourceDirections(specs: (ImportedSpec | undefined)[], publicName: (n: string) => string): Map<string, Direction> {
  const request = new Set<string>();
  const response = new Set<string>();
  for (const spec of specs) {
    if (!spec) continue;
    const methods = Object.values(spec.methods);
    for (const n of closure(spec, methods.flatMap((m) => (m.request ? [publicName(m.request)] : [])), publicName)) request.add(n);
    for (const n of closure(spec, methods.flatMap((m) => (m.response ? [publicName(m.response)] : [])), publicName)) response.add(n);
  }
  const out = new Map<string, Direction>();
  for (const n of new Set([...request, ...response])) out.set(n, request.has(n) && response.has(n) ? "both" : request.has(n) ? "request" : "response");
  return out;
}
