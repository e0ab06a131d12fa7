// Which resources and enums a given set of methods can touch, following every field reference from their request and
// response resources (output- and input-only fields too: their descriptions matter as much). Used to hold the core
// methods' closure to a higher standard (every description present) and to count the Live API's share in stats.
// Not to be confused with ResourceIR.reachable, which asks whether any method reaches a resource on the wire.
import type { SpecIR } from "./ir.ts";

/** Methods whose closure must be fully described: content generation, token counting, embeddings, files, the Live API. */
export const CORE_METHODS: readonly string[] = [
  "models.generateContent",
  "models.streamGenerateContent",
  "models.countTokens",
  "models.embedContent",
  "media.upload",
  "files.get",
  "files.list",
  "files.delete",
  "live.bidiGenerateContent",
];

export interface MethodClosure {
  resources: Set<string>;
  enums: Set<string>;
  /** Any types of reached fields; their known messages are among the resources. */
  anyTypes: Set<string>;
  methods: Set<string>;
}

export function methodClosure(ir: SpecIR, methodIds: readonly string[]): MethodClosure {
  const out: MethodClosure = { resources: new Set(), enums: new Set(), anyTypes: new Set(), methods: new Set() };
  const queue: string[] = [];
  for (const id of methodIds) {
    const m = ir.methods.get(id);
    if (!m) continue;
    out.methods.add(id);
    for (const r of [m.request, m.response]) if (r) queue.push(r);
  }
  for (let name = queue.pop(); name !== undefined; name = queue.pop()) {
    if (out.resources.has(name)) continue;
    const r = ir.resources.get(name);
    if (!r) continue;
    out.resources.add(name);
    for (const f of r.fields) {
      if (f.type === "ref" && f.ref) queue.push(f.ref);
      if (f.type === "enum" && f.ref) out.enums.add(f.ref);
      if (f.type === "any" && f.ref) {
        out.anyTypes.add(f.ref);
        for (const m of ir.anyTypes.get(f.ref)?.members ?? []) queue.push(m.resource);
      }
    }
  }
  return out;
}
