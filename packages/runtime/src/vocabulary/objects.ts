// Resources: `type: object` with `properties`, `required`, `additionalProperties` (the lenient drift keyword: an
// unknown field is drift; strict mode's `additionalProperties: false` error) and `dependentSchemas` in the one form
// oneofs take (each member forbids exactly the other members: at most one is set).
// Properties are read as ajv reads them (`data[p] !== undefined`: an undefined member is absent, inherited values
// count), keys iterated as it iterates them (for…in), and the keywords reported in its order: required, unknown keys,
// properties, oneofs.
import { DriftKind } from "../drift-record.ts";
import { encodeSegment, resourceModel, splitPointer } from "../runtime-model.ts";
import { block, id, indented, joined, js, type Code } from "./code.ts";
import { expectedAt, issueAt, shortKey } from "./issue-text.ts";
import { isJsonObject, NOT_OF_TYPE, typeViolation } from "./json-types.ts";
import {
  checkerOf,
  isRawSchema,
  onlyKeywords,
  stringList,
  support,
  unreadable,
  type Check,
  type CheckRun,
  type Compile,
  type FastCompiler,
  type IssueBuilders,
  type NodeBase,
  type RawSchema,
  type ReadNested,
} from "./keyword.ts";
import type { SchemaNode } from "./nodes.ts";
import { DRIFT } from "./strings.ts";

export interface ResourceSchemaNode extends NodeBase {
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

export type ObjectViolation =
  /** An object lacks a required property (`path` is the object's). */
  | { kind: "required"; path: string; property: string }
  /** Strict mode: an object has a property its resource does not declare (`path` is the object's). */
  | { kind: "unknown-field"; path: string; property: string }
  /** An object sets `member` and `other`, two members of one oneof (`path` is the object's). */
  | { kind: "oneof"; path: string; member: string; other: string };

/** Whether a schema of type object is a resource (else a map, ./maps.ts). */
export const isResourceSchema = (schema: RawSchema): boolean =>
  schema["properties"] !== undefined ||
  schema["required"] !== undefined ||
  schema["dependentSchemas"] !== undefined ||
  (isRawSchema(schema["additionalProperties"]) && DRIFT in schema["additionalProperties"]);

/** Property names ajv treats apart (it skips `__proto__` among properties): refused rather than half reproduced. */
function propertyName(name: string, at: string): string {
  if (name === "__proto__") unreadable(at, "a property named __proto__");
  return name;
}

export function readResource(schema: RawSchema, owner: string, at: string, read: ReadNested): ResourceSchemaNode {
  onlyKeywords(schema, ["$id", "type", "properties", "required", "additionalProperties", "dependentSchemas"], at);
  const props = schema["properties"] ?? {};
  if (!isRawSchema(props)) unreadable(at, "properties must be an object");
  const properties = Object.entries(props).map(([name, s]) => ({
    name: propertyName(name, at),
    segment: `/${encodeSegment(name)}`,
    node: read(s, owner, `${at}/properties/${encodeURIComponent(encodeSegment(name))}`),
  }));
  const required = stringList(schema["required"] ?? [], `${at}/required`).map((r) => propertyName(r, at));
  const additional = schema["additionalProperties"];
  let closed: boolean;
  if (additional === undefined || additional === true) closed = false;
  else if (isRawSchema(additional) && Object.keys(additional).join() === DRIFT && additional[DRIFT] === "unknown-field")
    closed = true;
  else return unreadable(at, "unsupported additionalProperties");
  const dependent = schema["dependentSchemas"] ?? {};
  if (!isRawSchema(dependent)) unreadable(at, "dependentSchemas must be an object");
  const oneofs = Object.entries(dependent).map(([member, dep]) => {
    const where = `${at}/dependentSchemas/${member}`;
    if (!isRawSchema(dep)) return unreadable(where, "unsupported dependent schema");
    onlyKeywords(dep, ["properties"], where);
    const forbidden = dep["properties"];
    if (!isRawSchema(forbidden) || !Object.values(forbidden).every((s) => s === false))
      return unreadable(where, "dependentSchemas other than oneofs");
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

export const checkResource: Check<ResourceSchemaNode> = (node, data, path, run) => {
  if (!isJsonObject(data)) return typeViolation(run, path, "object");
  checkObjectKeywords(node, data, path, run);
};

/** An object's keywords in ajv's order: required, unknown keys, properties, oneofs. */
export function checkObjectKeywords(
  node: ResourceSchemaNode,
  data: Record<string, unknown>,
  path: string,
  run: CheckRun,
): void {
  for (const name of node.required)
    if (data[name] === undefined) run.violations.push({ kind: "required", path, property: name });
  if (node.closed)
    for (const key in data) {
      if (node.declared.has(key)) continue;
      if (run.strict) run.violations.push({ kind: "unknown-field", path, property: key });
      else
        run.drift.push({
          kind: DriftKind.UnknownField,
          path: `${path}/${encodeSegment(key)}`,
          value: data[key],
          owner: node.owner,
        });
    }
  for (const { name, segment, node: property } of node.properties) {
    const value = data[name];
    if (value !== undefined) run.check(property, value, path + segment);
  }
  for (const { member, others } of node.oneofs) {
    if (data[member] === undefined) continue;
    for (const other of others)
      if (data[other] !== undefined) run.violations.push({ kind: "oneof", path, member, other });
  }
}

/** The fast path checks each resource in a function of its own (compileResourceChecker), reached through a ref. */
export const compileResource: Compile<ResourceSchemaNode> = (_node, _x, where, _at, compiler) =>
  compiler.fail(where, "nested object schemas with properties are not supported");

/**
 * The checker function of a resource: its object's own keys iterated once, each dispatched by a switch (an object is
 * read once, instead of looking up every declared property, most absent: Part declares 14), counting the required
 * properties and the members of each oneof as it goes.
 * Declared property names must not be properties of Object.prototype: ajv looks them up through the prototype chain and
 * a for…in loop does not see non-enumerable inherited properties (no field of the spec is such a name).
 */
export function compileResourceChecker(name: string, node: ResourceSchemaNode, compiler: FastCompiler): Code {
  for (const { name: p } of node.properties)
    if (Object.prototype.hasOwnProperty.call(Object.prototype, p))
      compiler.fail(name, `property ${p} is a name of Object.prototype`);
  const required = new Set(node.required);
  for (const r of required) if (!node.declared.has(r)) compiler.fail(name, `required ${r} is not a declared property`);
  const groups = oneofGroups(name, node, compiler);
  const groupOf = new Map(groups.flatMap((g, i) => g.map((p) => [p, i] as const)));
  const counter = (group: number) => id("u", String(group));
  const unknown = node.closed
    ? js`${support("recordDrift")}(n, [${support("escapeKey")}(k)], [-1], true, v, ${name});`
    : js`break;`;

  const cases: Code[] = [];
  for (const [index, { name: p, node: property }] of node.properties.entries()) {
    compiler.enterField(`${name}.${p}`);
    const body = compiler.check(property, js`v`, `${name}.${p}`, {
      keys: [js`${escapeSegment(p)}`],
      ords: [js`${index}`],
    });
    const counts = [
      ...(required.has(p) ? [js`q++;`] : []),
      ...(groupOf.has(p) ? [js`${counter(groupOf.get(p)!)}++;`] : []),
    ];
    const guarded = body.length > 0 || counts.length > 0 ? [js`if (v === undefined) break;`, ...body, ...counts] : [];
    cases.push(js`case ${p}:`, indented([...guarded, js`break;`]));
  }
  // A key that names a field otherwise (its proto name) is not drift but another spelling.
  const others = compiler.otherSpellings(name).filter((key) => !node.declared.has(key));
  for (const key of others) cases.push(js`case ${key}:`);
  if (others.length > 0) cases.push(indented([js`return ${support("spelledOtherwiseFound")}();`]));
  cases.push(js`default:`, indented([unknown]));

  const counters = [...(required.size > 0 ? [js`q = 0`] : []), ...groups.map((_, i) => js`${counter(i)} = 0`)];
  const checks = [
    ...groups.map((_, i) => js`if (${counter(i)} > 1) return false;`),
    ...(required.size > 0 ? [js`if (q !== ${required.size}) return false;`] : []),
  ];
  return block(js`function ${checkerOf(name)}(d, n)`, [
    js`if (${NOT_OF_TYPE.object(js`d`)}) return false;`,
    ...(counters.length > 0 ? [js`let ${joined(counters, ", ")};`] : []),
    block(js`for (const k in d)`, [js`const v = d[k];`, block(js`switch (k)`, cases)]),
    ...checks,
    js`return true;`,
  ]);
}

/** A key as a JSON Pointer segment. */
const escapeSegment = (key: string) => key.replace(/~/g, "~0").replace(/\//g, "~1");

/** Oneofs as groups of members: each member forbids exactly the other members of its group. */
function oneofGroups(name: string, node: ResourceSchemaNode, compiler: FastCompiler): string[][] {
  const groupOf = new Map<string, number>();
  const groups: string[][] = [];
  for (const { member, others } of node.oneofs) {
    const group = [member, ...others].sort();
    if (!group.every((p) => node.declared.has(p)))
      compiler.fail(name, `oneof member of ${member} is not a declared property`);
    const known = groupOf.get(member);
    if (known === undefined) {
      if (group.some((p) => groupOf.has(p))) compiler.fail(name, "overlapping oneofs");
      group.forEach((p) => groupOf.set(p, groups.length));
      groups.push(group);
    } else if (groups[known]!.join() !== group.join()) compiler.fail(name, `oneof of ${member} is not symmetric`);
  }
  const members = new Set(node.oneofs.map((o) => o.member));
  for (const [i, g] of groups.entries())
    if (!g.every((p) => members.has(p))) compiler.fail(name, `oneof ${i} is not symmetric`);
  return groups;
}

/** A oneof violation: which union of the object has two members set, and the members set (the later one is blamed). */
function oneofConflict(
  resource: string | undefined,
  object: unknown,
): { union: string; members: string[] } | undefined {
  const unions = resource ? resourceModel(resource)?.unions : undefined;
  if (!unions || !isJsonObject(object)) return undefined;
  const keys = Object.keys(object);
  for (const [union, members] of Object.entries(unions)) {
    const present = keys.filter((k) => members.includes(k));
    if (present.length > 1) return { union, members: present };
  }
  return undefined;
}

export const objectIssues: IssueBuilders<ObjectViolation> = {
  required: (_, site) => ({
    ...issueAt(site, "missing-required", `required field \`${site.place.fieldName ?? site.pointer}\` is missing`),
    expected: expectedAt(site.place),
  }),
  "unknown-field": (_, site) => {
    const owner = site.place.owner ?? site.resource;
    const key = splitPointer(site.pointer).at(-1) ?? "";
    return { ...issueAt(site, "unknown-field", `\`${shortKey(key)}\` is not a field of ${owner}`), spec: owner };
  },
  // The violation's path is the object holding both members; the issue points at the member to blame.
  oneof: (_, site) => {
    const { resource } = site.place;
    const conflict = oneofConflict(resource, site.received);
    if (!conflict) return issueAt(site, "oneof-conflict", "sets more than one member of a oneof");
    const blamed = conflict.members.at(-1)!;
    const members = conflict.members.map((m) => `\`${m}\``).join(" and ");
    return {
      ...issueAt(
        site,
        "oneof-conflict",
        `${members} are members of oneof ${resource}.${conflict.union}: set at most one`,
      ),
      pointer: `${site.pointer}/${encodeSegment(blamed)}`,
      spec: `${resource}.${conflict.union}`,
    };
  },
};
