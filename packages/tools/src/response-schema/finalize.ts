// Passes over a finished IR document: the check that Gemini can unroll every recursion, and inlining of definitions
// that are used only once (so `$defs` holds only what is shared or recursive).
import { error, type Diagnostic } from "../diagnostics.ts";
import { cycles, cyclicNodes } from "./graph.ts";
import { mapChildren, refsIn, type Node, type SchemaDocument } from "./ir.ts";

function refGraph(doc: SchemaDocument, requiredOnly: boolean): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const [name, def] of doc.defs) {
    graph.set(
      name,
      refsIn(def.node)
        .filter((r) => !requiredOnly || r.required)
        .map((r) => r.name),
    );
  }
  return graph;
}

/**
 * Gemini unrolls recursive schemas only through properties that are not required: a cycle whose every step is a
 * required property (or an array item or union member reached through required properties) has no finite instance
 * Gemini will generate, and is rejected.
 */
export function requiredCycleDiagnostics(doc: SchemaDocument, code: string): Diagnostic[] {
  return cycles(refGraph(doc, true)).map((cycle) => {
    const def = doc.defs.get(cycle[0]!);
    const origin = def?.origin ?? {};
    const { path: _path, ...location } = origin;
    return error(
      code,
      `recursive type ${cycle.join(" -> ")} passes only through required properties; Gemini can unroll recursion only through optional ones`,
      location,
      "make at least one property on the cycle optional (`?:`)",
    );
  });
}

/** Inline every definition referenced exactly once and not recursive; drop unreferenced ones. */
export function inlineSingleUse(doc: SchemaDocument): SchemaDocument {
  const counts = new Map<string, number>();
  const count = (n: Node) => {
    for (const r of refsIn(n)) counts.set(r.name, (counts.get(r.name) ?? 0) + 1);
  };
  count(doc.root);
  for (const def of doc.defs.values()) count(def.node);
  const recursive = cyclicNodes(refGraph(doc, false));
  const inlinable = (name: string) => !recursive.has(name) && (counts.get(name) ?? 0) <= 1;

  const substitute = (n: Node): Node => {
    if (n.kind === "ref" && inlinable(n.name)) {
      const def = doc.defs.get(n.name);
      if (def) return substitute({ ...def.node, meta: { ...def.node.meta, ...definedOnly(n.meta) } } as Node);
    }
    return mapChildren(n, substitute);
  };
  const defs = new Map<string, typeof doc.defs extends Map<string, infer D> ? D : never>();
  for (const [name, def] of doc.defs) if (!inlinable(name)) defs.set(name, { ...def, node: substitute(def.node) });
  // Keep only definitions still reachable from the root.
  const root = substitute(doc.root);
  const reachable = new Set<string>();
  const visit = (n: Node) => {
    for (const r of refsIn(n)) {
      if (reachable.has(r.name)) continue;
      reachable.add(r.name);
      const d = defs.get(r.name);
      if (d) visit(d.node);
    }
  };
  visit(root);
  for (const name of [...defs.keys()]) if (!reachable.has(name)) defs.delete(name);
  return { ...doc, root, defs };
}

function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
