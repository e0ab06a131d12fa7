// The validator schemas (packages/runtime/generated/validators/reference.js: the lenient ones, one JSON text per named
// schema) read into typed nodes (SchemaNode), one kind per shape the schemas use: the one reading of them, and the one
// list of the keywords they may use. The reference checker (./check.ts) dispatches on the node kinds, and so does the
// fast-path compiler (packages/tools/src/generate/validators/fast.ts, through the package's "./schema-nodes" export).
// Any other keyword throws here, naming the schema, so a schema change that needs a new keyword can be neither
// compiled nor checked silently wrong.
// A schema is known once a schema that reaches it is included (../linked.ts), and read when first reached.
import { encodeSegment } from "../runtime-model.ts";
import { LinkedRegistry, type LinkedData } from "../linked.ts";

export const DRIFT = "x-gemini-drift";
export const BYTES = "x-gemini-bytes";

/** `owner`: the named schema the node is in (drift records name it); `at`: its schema path (for error objects). */
interface Base {
  owner: string;
  at: string;
}
export interface RefSchemaNode extends Base {
  kind: "ref";
  name: string;
}
export interface AnythingSchemaNode extends Base {
  kind: "anything";
}
export interface ScalarSchemaNode extends Base {
  kind: "scalar";
  type: "boolean" | "number";
}
export interface IntegerSchemaNode extends Base {
  kind: "integer";
  minimum?: number;
  maximum?: number;
}
export interface StringSchemaNode extends Base {
  kind: "string";
  pattern?: string;
  bytes: boolean;
  const?: string;
  /** An enum's values (x-gemini-drift with values): drift in lenient mode, an `enum` error in strict mode. */
  values?: readonly string[];
  valueSet?: ReadonlySet<string>;
}
export interface ArraySchemaNode extends Base {
  kind: "array";
  items?: SchemaNode;
}
/** `{type: "object"}`, with the schema every value must match when it is a map. */
export interface MapSchemaNode extends Base {
  kind: "map";
  values?: SchemaNode;
}
export interface ResourceSchemaNode extends Base {
  kind: "resource";
  required: readonly string[];
  /** Declared properties in schema order, with the instance path segment of each. */
  properties: readonly { name: string; segment: string; node: SchemaNode }[];
  declared: ReadonlySet<string>;
  /** Unknown fields: drift (lenient), additionalProperties errors (strict); false when any key is allowed. */
  closed: boolean;
  /** Oneofs (dependentSchemas where a member forbids the others), in schema order. */
  oneofs: readonly { member: string; others: readonly string[] }[];
}
/** google.protobuf.Any: `allOf` of if "@type" is this URL then that resource, beside its own object checks. */
export interface AnySchemaNode extends Base {
  kind: "any";
  branches: readonly { url: string; then: SchemaNode }[];
  object: ResourceSchemaNode;
}
export type SchemaNode =
  | RefSchemaNode
  | AnythingSchemaNode
  | ScalarSchemaNode
  | IntegerSchemaNode
  | StringSchemaNode
  | ArraySchemaNode
  | MapSchemaNode
  | ResourceSchemaNode
  | AnySchemaNode;

type Raw = Record<string, unknown>;

const schemas = /* @__PURE__ */ new LinkedRegistry((schema, name) => read(schema, name, `${name}.json`));

/** Makes `root` (a schema of packages/runtime/generated/validators/reference.js) and every schema it reaches known to named(). */
export function includeSchemas(root: LinkedData): void {
  schemas.include(root);
}

/** A named schema's node; undefined when no included schema has the name. */
export function named(name: string): SchemaNode | undefined {
  return schemas.get(name);
}

const isObject = (v: unknown): v is Raw => v !== null && typeof v === "object" && !Array.isArray(v);

function fail(at: string, what: string): never {
  throw new Error(`gemini-typekit validator schema ${at}: ${what}`);
}

function only(schema: Raw, allowed: readonly string[], at: string): void {
  for (const key of Object.keys(schema)) if (!allowed.includes(key)) fail(at, `unsupported keyword ${key}`);
}

/** Property names ajv treats apart (it skips `__proto__` among properties): refused rather than half reproduced. */
function propertyName(name: string, at: string): string {
  if (name === "__proto__") fail(at, "a property named __proto__");
  return name;
}

function strings(value: unknown, at: string): string[] {
  if (!Array.isArray(value) || !value.every((v) => typeof v === "string")) fail(at, "expected an array of strings");
  return value as string[];
}

/** Reads one schema (refs stay names, resolved through named()); throws on a keyword the checker does not know. */
export function read(schema: unknown, owner: string, at: string): SchemaNode {
  if (schema === true) return { kind: "anything", owner, at };
  if (!isObject(schema)) return fail(at, `unsupported schema ${JSON.stringify(schema)}`);
  if (typeof schema["$id"] === "string") owner = /([^/]+)\.json$/.exec(schema["$id"])?.[1] ?? owner;
  if (schema["$ref"] !== undefined) {
    only(schema, ["$ref"], at);
    const ref = schema["$ref"];
    if (typeof ref !== "string" || !ref.endsWith(".json")) fail(at, `unsupported $ref ${JSON.stringify(ref)}`);
    return { kind: "ref", name: ref.slice(0, -".json".length), owner, at };
  }
  switch (schema["type"]) {
    case undefined:
      only(schema, ["$id"], at);
      return { kind: "anything", owner, at };
    case "boolean":
    case "number":
      only(schema, ["type"], at);
      return { kind: "scalar", type: schema["type"], owner, at };
    case "integer":
      return integer(schema, owner, at);
    case "string":
      return string(schema, owner, at);
    case "array": {
      only(schema, ["type", "items"], at);
      const items = schema["items"] === undefined ? undefined : read(schema["items"], owner, `${at}/items`);
      return { kind: "array", ...(items && items.kind !== "anything" ? { items } : {}), owner, at };
    }
    case "object":
      if (schema["allOf"] !== undefined) return any(schema, owner, at);
      // A resource, or a map (a Struct when it has no value schema).
      if (
        schema["properties"] !== undefined ||
        schema["required"] !== undefined ||
        schema["dependentSchemas"] !== undefined ||
        (isObject(schema["additionalProperties"]) && DRIFT in schema["additionalProperties"])
      )
        return resource(schema, owner, at);
      return map(schema, owner, at);
    default:
      return fail(at, `unsupported type ${JSON.stringify(schema["type"])}`);
  }
}

function integer(schema: Raw, owner: string, at: string): IntegerSchemaNode {
  only(schema, ["type", "minimum", "maximum"], at);
  const node: IntegerSchemaNode = { kind: "integer", owner, at };
  for (const limit of ["minimum", "maximum"] as const) {
    const value = schema[limit];
    if (value === undefined) continue;
    if (typeof value !== "number" || !Number.isFinite(value)) fail(at, `${limit} must be a finite number`);
    node[limit] = value;
  }
  return node;
}

function string(schema: Raw, owner: string, at: string): StringSchemaNode {
  only(schema, ["$id", "type", "pattern", BYTES, "const", DRIFT], at);
  const node: StringSchemaNode = { kind: "string", bytes: false, owner, at };
  if (schema["pattern"] !== undefined) {
    if (typeof schema["pattern"] !== "string") fail(at, "pattern must be a string");
    node.pattern = schema["pattern"];
  }
  if (schema[BYTES] !== undefined) {
    if (schema[BYTES] !== true) fail(at, `${BYTES} must be true`);
    node.bytes = true;
  }
  if (schema["const"] !== undefined) {
    if (typeof schema["const"] !== "string") fail(at, "const must be a string");
    node.const = schema["const"];
  }
  if (schema[DRIFT] !== undefined) {
    node.values = strings(schema[DRIFT], `${at}/${DRIFT}`);
    node.valueSet = new Set(node.values);
  }
  return node;
}

function map(schema: Raw, owner: string, at: string): MapSchemaNode {
  only(schema, ["$id", "type", "additionalProperties"], at);
  const additional = schema["additionalProperties"];
  if (additional === undefined || additional === true) return { kind: "map", owner, at };
  if (!isObject(additional)) return fail(at, "unsupported additionalProperties");
  const values = read(additional, owner, `${at}/additionalProperties`);
  return { kind: "map", ...(values.kind !== "anything" ? { values } : {}), owner, at };
}

function resource(schema: Raw, owner: string, at: string): ResourceSchemaNode {
  only(schema, ["$id", "type", "properties", "required", "additionalProperties", "dependentSchemas"], at);
  const props = schema["properties"] ?? {};
  if (!isObject(props)) fail(at, "properties must be an object");
  const properties = Object.entries(props).map(([name, s]) => ({
    name: propertyName(name, at),
    segment: `/${encodeSegment(name)}`,
    node: read(s, owner, `${at}/properties/${encodeURIComponent(encodeSegment(name))}`),
  }));
  const required = strings(schema["required"] ?? [], `${at}/required`).map((r) => propertyName(r, at));
  const additional = schema["additionalProperties"];
  let closed: boolean;
  if (additional === undefined || additional === true) closed = false;
  else if (isObject(additional) && Object.keys(additional).join() === DRIFT && additional[DRIFT] === "unknown-field")
    closed = true;
  else return fail(at, "unsupported additionalProperties");
  const dependent = schema["dependentSchemas"] ?? {};
  if (!isObject(dependent)) fail(at, "dependentSchemas must be an object");
  const oneofs = Object.entries(dependent).map(([member, dep]) => {
    const where = `${at}/dependentSchemas/${member}`;
    if (!isObject(dep)) return fail(where, "unsupported dependent schema");
    only(dep, ["properties"], where);
    const forbidden = dep["properties"];
    if (!isObject(forbidden) || !Object.values(forbidden).every((s) => s === false))
      return fail(where, "dependentSchemas other than oneofs");
    return { member: propertyName(member, at), others: Object.keys(forbidden).map((o) => propertyName(o, at)) };
  });
  return {
    kind: "resource",
    required,
    properties,
    declared: new Set(properties.map((p) => p.name)),
    closed,
    oneofs,
    owner,
    at,
  };
}

function any(schema: Raw, owner: string, at: string): AnySchemaNode {
  const branches = schema["allOf"];
  if (!Array.isArray(branches)) return fail(at, "allOf must be an array");
  const { allOf: _, ...rest } = schema;
  return {
    kind: "any",
    branches: branches.map((branch: unknown, i) => {
      const where = `${at}/allOf/${i}`;
      if (!isObject(branch)) return fail(where, "unsupported allOf member");
      only(branch, ["if", "then"], where);
      const cond = branch["if"];
      const url =
        isObject(cond) && isObject(cond["properties"]) && isObject(cond["properties"]["@type"])
          ? cond["properties"]["@type"]["const"]
          : undefined;
      // The one condition the schemas use: "@type" is present and equals a URL.
      if (
        typeof url !== "string" ||
        JSON.stringify(cond) !== JSON.stringify({ properties: { "@type": { const: url } }, required: ["@type"] })
      )
        return fail(where, "unsupported if");
      return { url, then: read(branch["then"], owner, `${where}/then`) };
    }),
    object: resource(rest, owner, at),
    owner,
    at,
  };
}
