// Preparing a schema: every subschema reachable from the root (through keywords and `$ref`s) becomes a
// PreparedSchema whose check runs the schema's keywords in the table's order. A schema JSON Schema does not allow (a keyword's value of
// the wrong kind, a pattern that is not a regular expression, a `$ref` that resolves nowhere, subschemas that apply
// each other in place forever) is refused with a TypeError, as ajv's compile refused it.
import { holdsOf, KEYWORDS, RULES } from "./keywords.ts";
import { locationKey, RefIndex, type Location } from "./refs.ts";
import { hasOwn, isObject, report, schemaSegment, type Check, type PreparedSchema, type Scope } from "./types.ts";

const pass: Check = () => {};

export function prepare(document: unknown): PreparedSchema {
  const index = new RefIndex(document, holdsOf);
  const nodes = new Map<string, PreparedSchema>();
  /** For each prepared node, the nodes it applies to the same value: a cycle there never ends. */
  const inPlace = new Map<PreparedSchema, PreparedSchema[]>();

  const compile = (schema: unknown, location: Location): PreparedSchema => {
    const key = locationKey(location);
    const known = nodes.get(key);
    if (known) return known;
    const node: PreparedSchema = { path: location.path, check: pass };
    nodes.set(key, node);
    if (schema === true) return node;
    const falsePath = `${location.path}/false schema`;
    if (schema === false) {
      node.check = (_v, at, out) => report(out, "false schema", at, falsePath, {});
      return node;
    }
    if (!isObject(schema))
      throw new TypeError(`invalid schema at ${location.path}: a schema is an object or a boolean`);
    const edges: PreparedSchema[] = [];
    inPlace.set(node, edges);
    // Keywords stay as written in schema paths, names and indexes below them are encoded (as ajv writes them).
    const path = (keyword: string, ...rest: (string | number)[]) =>
      `${location.path}/${keyword}${rest.map((s) => `/${schemaSegment(s)}`).join("")}`;
    const below = (sub: unknown, keyword: string, ...rest: (string | number)[]) =>
      compile(sub, index.child(sub, location, [keyword, ...rest].map(String), path(keyword, ...rest)));
    const scope: Scope = {
      schema,
      path,
      below,
      inPlace(sub, keyword, ...rest) {
        const target = below(sub, keyword, ...rest);
        edges.push(target);
        return target;
      },
      ref(ref) {
        const { schema: target, location: at } = index.resolve(ref, location, path("$ref"));
        const resolved = compile(target, at);
        edges.push(resolved);
        return resolved;
      },
      invalid(keyword, expected) {
        throw new TypeError(`invalid schema at ${path(keyword)}: ${keyword} must be ${expected}`);
      },
    };
    const checks: Check[] = [];
    for (const keyword of KEYWORDS) {
      if (!hasOwn(schema, keyword)) continue;
      const rule = RULES[keyword];
      const value = schema[keyword];
      if (rule.kind === "assert") {
        const check = rule.prepare(value, scope);
        if (check) checks.push(check);
      } else if (rule.kind === "unenforced" && !rule.trivial?.(value)) {
        const at = path(keyword);
        const applies = rule.appliesTo;
        checks.push((v, instancePath, out) => {
          if (applies(v)) report(out, "unenforced", instancePath, at, { keyword });
        });
      }
    }
    node.check =
      checks.length === 0
        ? pass
        : checks.length === 1
          ? checks[0]!
          : (v, at, out) => {
              for (const check of checks) check(v, at, out);
            };
    return node;
  };

  const root = compile(document, index.root);
  refuseLoops(inPlace);
  return root;
}

/** Subschemas that apply each other to the same value in a cycle (`{"$ref": "#"}`, an anyOf of itself) never end. */
function refuseLoops(inPlace: Map<PreparedSchema, PreparedSchema[]>): void {
  const done = new Set<PreparedSchema>();
  const stack: PreparedSchema[] = [];
  const visit = (node: PreparedSchema) => {
    if (done.has(node)) return;
    const at = stack.indexOf(node);
    if (at >= 0)
      throw new TypeError(
        `invalid schema: ${[...stack.slice(at), node].map((n) => n.path).join(" → ")} apply each other to the same value without end`,
      );
    stack.push(node);
    for (const next of inPlace.get(node) ?? []) visit(next);
    stack.pop();
    done.add(node);
  };
  for (const node of inPlace.keys()) visit(node);
}
