// `$ref` resolution inside one schema document: `#` (the root), `#/json/pointer` (`#/$defs/Name`), `#anchor`
// (`$anchor`, `$dynamicAnchor`), and URIs against the `$id`s in the document (`item.json`, `item.json#/$defs/A`).
// Nothing is fetched: a reference that does not land inside the document refuses the schema, as ajv refuses it.
import { escapeSegment, hasOwn, isObject, schemaSegment, type Holds } from "./types.ts";

/** Where a subschema sits: its resource (the base URI, from `$id`s) and the JSON Pointer inside that resource. */
export interface Location {
  base: string;
  pointer: readonly string[];
  /** The schema path errors name (`#/$defs/A`): the pointer as a URI fragment. */
  path: string;
}

/** Base URI of a document without `$id` (ajv's is ""): resolves relative references as any URI would. */
const DOCUMENT = "gemini-typekit:/response-schema";

/** The identity of a location: the same subschema reached twice (by the walk and by a `$ref`) is prepared once. */
export const locationKey = (location: Location): string =>
  `${location.base}#${location.pointer.map(escapeSegment).join("/")}`;

/** `id` resolved against `base`; undefined when it is not a URI reference (or `base` cannot have relative ones). */
function resolveUri(id: string, base: string): URL | undefined {
  try {
    return new URL(id, base);
  } catch {
    return undefined;
  }
}

function withoutFragment(url: URL): string {
  url.hash = "";
  return url.href;
}

/** What a pointer walk stands on: a subschema, a list or map of them, or some other value. */
type Walked = "schema" | "subschemas" | "value";
/** Where a keyword of a subschema leads the walk, by what it holds. */
const WALKED: Record<Holds | "value", Walked> = {
  schema: "schema",
  schemas: "subschemas",
  schemaMap: "subschemas",
  value: "value",
};

export class RefIndex {
  readonly root: Location;
  private readonly resources = new Map<string, unknown>();
  private readonly anchors = new Map<string, Location>();

  constructor(
    document: unknown,
    private readonly holds: (keyword: string) => Holds | undefined,
  ) {
    const base = this.baseOf(document, DOCUMENT, "#");
    this.root = { base, pointer: [], path: "#" };
    this.index(document, this.root);
  }

  /** The base URI inside `schema`: its `$id` resolved against the enclosing base. */
  private baseOf(schema: unknown, base: string, path: string): string {
    if (!isObject(schema) || !hasOwn(schema, "$id")) return base;
    const id = schema["$id"];
    const url = typeof id === "string" ? resolveUri(id, base) : undefined;
    if (url === undefined || (url.hash !== "" && url.hash !== "#"))
      throw new TypeError(`invalid schema at ${path}/$id: "$id" must be a URI reference without a fragment`);
    return withoutFragment(url);
  }

  /** The location of a subschema `segments` below the one at `parent`: a new resource when it has an `$id`. */
  child(schema: unknown, parent: Location, segments: readonly string[], path: string): Location {
    if (isObject(schema) && hasOwn(schema, "$id"))
      return { base: this.baseOf(schema, parent.base, path), pointer: [], path: "#" };
    return { base: parent.base, pointer: [...parent.pointer, ...segments], path };
  }

  /** Records every resource (`$id`) and anchor in the subschemas that keywords hold (the table's `holds`). */
  private index(schema: unknown, location: Location): void {
    if (!isObject(schema)) return;
    if (location.pointer.length === 0) {
      if (this.resources.has(location.base) && this.resources.get(location.base) !== schema)
        throw new TypeError(`invalid schema at ${location.path}: "$id" ${location.base} names two schemas`);
      this.resources.set(location.base, schema);
    }
    for (const keyword of ["$anchor", "$dynamicAnchor"]) {
      if (!hasOwn(schema, keyword)) continue;
      const anchor = schema[keyword];
      if (typeof anchor !== "string" || !/^[A-Za-z_][-A-Za-z0-9._]*$/.test(anchor))
        throw new TypeError(`invalid schema at ${location.path}/${keyword}: not an anchor name`);
      const key = `${location.base}#${anchor}`;
      const known = this.anchors.get(key);
      if (known && locationKey(known) !== locationKey(location))
        throw new TypeError(`invalid schema at ${location.path}/${keyword}: anchor "${anchor}" names two schemas`);
      this.anchors.set(key, location);
    }
    for (const keyword of Object.keys(schema)) {
      const holds = this.holds(keyword);
      const value = schema[keyword];
      const visit = (sub: unknown, ...rest: string[]) =>
        this.index(
          sub,
          this.child(
            sub,
            location,
            [keyword, ...rest],
            `${location.path}/${keyword}${rest.map((s) => `/${schemaSegment(s)}`).join("")}`,
          ),
        );
      if (holds === "schema") visit(value);
      else if (holds === "schemas" && Array.isArray(value)) value.forEach((item, i) => visit(item, String(i)));
      else if (holds === "schemaMap" && isObject(value))
        for (const name of Object.keys(value)) visit(value[name], name);
    }
  }

  /** The subschema a `$ref` written at `from` points to, and its location; throws when it is not in the document. */
  resolve(ref: string, from: Location, at: string): { schema: unknown; location: Location } {
    const fail = (why: string): never => {
      throw new TypeError(`invalid schema at ${at}: $ref ${JSON.stringify(ref)} ${why}`);
    };
    const url = resolveUri(ref, from.base) ?? fail("is not a URI reference");
    const hash = url.hash;
    const base = withoutFragment(url);
    if (!this.resources.has(base)) return fail("does not resolve inside the schema (nothing is fetched)");
    let fragment = "";
    try {
      fragment = decodeURIComponent(hash.slice(1));
    } catch {
      fail("has a malformed fragment");
    }
    let location: Location = { base, pointer: [], path: "#" };
    let schema = this.resources.get(base);
    if (fragment === "") return { schema, location };
    if (!fragment.startsWith("/")) {
      location = this.anchors.get(`${base}#${fragment}`) ?? fail("names no anchor of the schema");
      return { schema: this.follow(location), location };
    }
    // Walk the pointer as ajv does: an `$id` met on the way, in a subschema (not in a map or list of them, nor in a
    // value such as an enum's), starts its own resource. Keywords stay as written in the path, names are encoded.
    let on: Walked = "schema";
    for (const segment of fragment
      .slice(1)
      .split("/")
      .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"))) {
      if (!((isObject(schema) || Array.isArray(schema)) && hasOwn(schema, segment)))
        return fail("does not resolve inside the schema");
      schema = (schema as Record<string, unknown>)[segment];
      const path = `${location.path}/${on === "schema" ? segment : schemaSegment(segment)}`;
      on = on === "schema" ? WALKED[this.holds(segment) ?? "value"] : on === "subschemas" ? "schema" : "value";
      location =
        on === "schema"
          ? this.child(schema, location, [segment], path)
          : { base: location.base, pointer: [...location.pointer, segment], path };
    }
    return { schema, location };
  }

  /** The subschema at a location the index recorded. */
  private follow(location: Location): unknown {
    let schema = this.resources.get(location.base);
    for (const segment of location.pointer) schema = (schema as Record<string, unknown>)[segment];
    return schema;
  }
}
