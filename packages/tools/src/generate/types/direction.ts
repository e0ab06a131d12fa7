// Which side of the wire each resource is on, computed from the methods (output-only fields are not followed from a
// request, input-only ones not from a response: those values never travel that way). The side decides how enum fields are typed:
// closed on the request side (a typo is a compile error), open on the response side (the API may return values this
// spec does not know yet). Resources on both sides become generic over a direction only when their closure holds an
// enum field typed by that direction — otherwise both sides would be the same type and the parameter would be noise.
// A field of an any type (google.protobuf.Any) leads to every message the any type knows.
import type { FieldIR, SpecIR } from "../../spec/model.ts";

export type Side = "request" | "response" | "both";

export interface Directions {
  /** The side of every resource. Resources no method reaches count as response side. */
  side: ReadonlyMap<string, Side>;
  /** Resources that no method reaches (documented as such). */
  unreachable: ReadonlySet<string>;
  /**
   * Both-side resources whose closure holds an enum field: these take the `D extends Direction` parameter. Any types
   * with such a resource among their messages are listed too, as they pass the parameter on.
   */
  generic: ReadonlySet<string>;
}

/** The resources a field leads to: the one it refers to, or every message its any type knows. */
function targets(ir: SpecIR, field: FieldIR): string[] {
  if (field.type === "ref" && field.ref) return [field.ref];
  if (field.type === "any" && field.ref) return (ir.anyTypes.get(field.ref)?.members ?? []).map((m) => m.resource);
  return [];
}

/** Fields a side never carries: output-only ones are not sent, input-only ones are not returned. */
type SkippedFlag = "outputOnly" | "inputOnly";

/** Every resource reachable from `roots` by following ref fields, except fields with the `skip` flag. */
function closure(ir: SpecIR, roots: Iterable<string>, skip: SkippedFlag): Set<string> {
  const seen = new Set<string>();
  const queue = [...roots];
  for (let name = queue.pop(); name !== undefined; name = queue.pop()) {
    const resource = ir.resources.get(name);
    if (!resource || seen.has(name)) continue;
    seen.add(name);
    for (const field of resource.fields) if (!field[skip]) queue.push(...targets(ir, field));
  }
  return seen;
}

/**
 * Both-side resources with an enum field of their own or a field referring to another such resource (a fixed point,
 * so cycles such as Schema.items are fine): exactly the resources in which a direction parameter would be used.
 */
function directionDependent(ir: SpecIR, side: ReadonlyMap<string, Side>): Set<string> {
  const dependent = new Set<string>();
  for (let changed = true; changed;) {
    changed = false;
    for (const resource of ir.resources.values()) {
      if (dependent.has(resource.name) || side.get(resource.name) !== "both") continue;
      if (resource.fields.some((f) => f.type === "enum" || targets(ir, f).some((t) => dependent.has(t)))) {
        dependent.add(resource.name);
        changed = true;
      }
    }
  }
  return dependent;
}

export function computeDirections(ir: SpecIR): Directions {
  const methods = [...ir.methods.values()];
  const requestSide = closure(
    ir,
    methods.flatMap((m) => (m.request ? [m.request] : [])),
    "outputOnly",
  );
  const responseRoots = methods.flatMap((m) => (m.response ? [m.response] : []));
  const reached = new Set([...requestSide, ...closure(ir, responseRoots, "inputOnly")]);
  const unreachable = new Set([...ir.resources.keys()].filter((name) => !reached.has(name)));
  // Unreached resources are seeded on the response side together with their closure, so everything they contain is
  // at least as open as they are.
  const responseSide = closure(ir, [...responseRoots, ...unreachable], "inputOnly");

  const side = new Map<string, Side>();
  for (const name of ir.resources.keys()) {
    const inRequest = requestSide.has(name);
    const inResponse = responseSide.has(name);
    side.set(name, inRequest && inResponse ? "both" : inRequest ? "request" : "response");
  }
  const generic = directionDependent(ir, side);
  for (const a of ir.anyTypes.values()) if (a.members.some((m) => generic.has(m.resource))) generic.add(a.name);
  return { side, unreachable, generic };
}
