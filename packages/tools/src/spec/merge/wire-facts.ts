// The merge's last phase: the facts that follow from the whole spec rather than from one resource's file — which
// side of the wire each resource travels on, whether any method reaches it, whether its request and response forms
// differ (generic over the direction), and how it is validated by default (ResourceWireFacts in ../ir.ts).
// Computed once here; every emitter, `spec learn` and the merge's own checks read them from the IR.
//
// A field of an any type (google.protobuf.Any) leads to every message the any type knows.
import type { FieldIR, SpecDraft, SpecIR, ValidationMode, WireSide } from "../ir.ts";

/** The resources a field leads to: the one it refers to, or every message its any type knows. */
function targets(spec: SpecDraft, field: FieldIR): string[] {
  if (field.type === "ref" && field.ref) return [field.ref];
  if (field.type === "any" && field.ref) return (spec.anyTypes.get(field.ref)?.members ?? []).map((m) => m.resource);
  return [];
}

/** Fields a side never carries: output-only ones are not sent, input-only ones are not returned. */
type SkippedFlag = "outputOnly" | "inputOnly";

/** Every resource reachable from `roots` by following ref fields, except fields with the `skip` flag. */
function closure(spec: SpecDraft, roots: Iterable<string>, skip: SkippedFlag): Set<string> {
  const seen = new Set<string>();
  const queue = [...roots];
  for (let name = queue.pop(); name !== undefined; name = queue.pop()) {
    const resource = spec.resources.get(name);
    if (!resource || seen.has(name)) continue;
    seen.add(name);
    for (const field of resource.fields) if (!field[skip]) queue.push(...targets(spec, field));
  }
  return seen;
}

/** Each resource's side, and the resources no method reaches. */
function wireSides(spec: SpecDraft): { side: Map<string, WireSide>; unreached: Set<string> } {
  const methods = [...spec.methods.values()];
  const requestSide = closure(
    spec,
    methods.flatMap((m) => (m.request ? [m.request] : [])),
    "outputOnly",
  );
  const responseRoots = methods.flatMap((m) => (m.response ? [m.response] : []));
  const reached = new Set([...requestSide, ...closure(spec, responseRoots, "inputOnly")]);
  const unreached = new Set([...spec.resources.keys()].filter((name) => !reached.has(name)));
  // Unreached resources are seeded on the response side together with their closure, so everything they contain is
  // at least as open as they are.
  const responseSide = closure(spec, [...responseRoots, ...unreached], "inputOnly");
  const side = new Map<string, WireSide>();
  for (const name of spec.resources.keys()) {
    const inRequest = requestSide.has(name);
    const inResponse = responseSide.has(name);
    side.set(name, inRequest && inResponse ? "both" : inRequest ? "request" : "response");
  }
  return { side, unreached };
}

/**
 * Both-side resources with an enum field of their own or a field referring to another such resource (a fixed point,
 * so cycles such as Schema.items are fine): exactly the resources in which a direction parameter would be used.
 */
function directionDependent(spec: SpecDraft, side: ReadonlyMap<string, WireSide>): Set<string> {
  const dependent = new Set<string>();
  for (let changed = true; changed;) {
    changed = false;
    for (const resource of spec.resources.values()) {
      if (dependent.has(resource.name) || side.get(resource.name) !== "both") continue;
      if (resource.fields.some((f) => f.type === "enum" || targets(spec, f).some((t) => dependent.has(t)))) {
        dependent.add(resource.name);
        changed = true;
      }
    }
  }
  return dependent;
}

/**
 * The default validation mode: strict for what users send — request bodies of methods (even when, like
 * GenerateContentRequest inside a batch, the API also returns them) and everything only sent — and lenient for
 * the rest, which the API returns and may extend.
 */
function defaultMode(name: string, side: WireSide, bodies: ReadonlySet<string>): ValidationMode {
  return bodies.has(name) || side === "request" ? "strict" : "lenient";
}

/** The IR with the facts of the whole spec added to every resource and any type (the maps keep their order). */
export function withWireFacts(spec: SpecDraft): SpecIR {
  const { side, unreached } = wireSides(spec);
  const generic = directionDependent(spec, side);
  const bodies = new Set([...spec.methods.values()].flatMap((m) => (m.request ? [m.request] : [])));
  const resources = new Map(
    [...spec.resources].map(([name, r]) => {
      const s = side.get(name)!;
      const facts = { side: s, reachable: !unreached.has(name), generic: generic.has(name) };
      return [name, { ...r, ...facts, defaultMode: defaultMode(name, s, bodies) }];
    }),
  );
  const anyTypes = new Map(
    [...spec.anyTypes].map(([name, a]) => [name, { ...a, generic: a.members.some((m) => generic.has(m.resource)) }]),
  );
  return { ...spec, resources, anyTypes };
}
