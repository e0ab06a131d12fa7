// Cycles in a directed graph of named nodes: Tarjan's strongly connected components, then one concrete cycle per
// cyclic component, so that a message can name the cycle (A -> B -> A).

export type Graph = ReadonlyMap<string, readonly string[]>;

function components(graph: Graph): string[][] {
  let index = 0;
  const indexOf = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: string[][] = [];
  const visit = (v: string) => {
    indexOf.set(v, index);
    low.set(v, index);
    index++;
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!indexOf.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, indexOf.get(w)!));
    }
    if (low.get(v) === indexOf.get(v)) {
      const comp: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        comp.push(w);
      } while (w !== v);
      out.push(comp);
    }
  };
  for (const v of graph.keys()) if (!indexOf.has(v)) visit(v);
  return out;
}

/** Nodes that lie on some cycle. */
export function cyclicNodes(graph: Graph): Set<string> {
  const out = new Set<string>();
  for (const comp of components(graph)) {
    const only = comp[0]!;
    if (comp.length > 1 || (graph.get(only) ?? []).includes(only)) for (const v of comp) out.add(v);
  }
  return out;
}

/** One cycle per cyclic component, as the list of nodes from its first-declared node back to itself. */
export function cycles(graph: Graph): string[][] {
  const order = [...graph.keys()];
  const out: string[][] = [];
  for (const comp of components(graph)) {
    const members = new Set(comp);
    const start = order.find((v) => members.has(v))!;
    if (comp.length === 1 && !(graph.get(start) ?? []).includes(start)) continue;
    // Breadth-first search for the shortest way back to start inside the component.
    const prev = new Map<string, string>();
    const queue = [start];
    let found = false;
    while (queue.length > 0 && !found) {
      const v = queue.shift()!;
      for (const w of graph.get(v) ?? []) {
        if (!members.has(w)) continue;
        if (w === start) {
          prev.set(start, v);
          found = true;
          break;
        }
        if (!prev.has(w)) {
          prev.set(w, v);
          queue.push(w);
        }
      }
    }
    const path = [start];
    for (let v = prev.get(start)!; v !== start; v = prev.get(v)!) path.unshift(v);
    path.unshift(start);
    out.push(path);
  }
  return out;
}
