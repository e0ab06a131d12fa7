// Normalization: what real clients send or receive, in the form the spec and the types describe.
//   - snake_case keys (the proto names: `inline_data`, `system_instruction`, …) become the JSON names, which the
//     API accepts just as well;
//   - integer-encoded enums (`"finishReason": 1`, from `$alt=json;enum-encoding=int`) become their value names
//     through the spec's proto numbers;
//   - enum names in another case (`"type": "object"`, `"mode": "auto"`, as Google's own REST examples write them)
//     become the spec's name, when exactly one value matches;
//   - a single value given for a repeated field (`"parts": {"text": "hi"}`, as Google's own REST examples write
//     it) becomes a list of one, which is how the API reads it — only in what users send (side "request"): the API
//     itself never answers that way, so in a response it stays as it is and is reported;
//   - a field set to `null` is dropped: the protobuf JSON mapping reads null as "not set" for every field (clients
//     send `"description": null` and get a 200), except where null is itself a value — google.protobuf.Value fields
//     and the free-form JSON inside Struct fields, which is never walked into. A null element of a list or map is
//     not a field and stays (the checker reports it).
// Copy on write: a value that needs nothing comes back as the same object, and no input is ever mutated. Key order
// is kept (a renamed key stays where it was), unknown fields and their contents are kept untouched, and free-form
// JSON (Struct and Value fields such as function call arguments or a response schema) is never walked into.
import type { Issue } from "./result.ts";
import {
  encodeSegment,
  enumModel,
  enumNumbers,
  fieldFor,
  resourceModel,
  splitPointer,
  type FieldModel,
} from "./runtime-model.ts";

/** Which side of the wire a value travels: sent by users ("request") or returned by the API ("response"). */
export type WireSide = "request" | "response";

/** The side a resource is validated as by default: its own, with resources on both sides read as what users send. */
export function defaultSide(resource: string): WireSide {
  return resourceModel(resource)?.side === "response" ? "response" : "request";
}

/** Whether a field's value means "not set": null, unless the field holds any JSON value (google.protobuf.Value). */
export const isUnset = (field: FieldModel, value: unknown): boolean => value === null && field.type !== "value";

const hasOwn = Object.prototype.hasOwnProperty;

/** Per enum: its values, and upper-cased spelling → value for the names that fold to exactly one value. */
const enumSpellings = new Map<string, { values: Set<string>; folded: Map<string, string | undefined> }>();

/** The spec's spelling of an enum value: itself, or the one value it matches ignoring case. */
export function enumSpelling(enumName: string, value: string): string | undefined {
  let table = enumSpellings.get(enumName);
  if (!table) {
    const values = enumModel(enumName)?.values;
    if (values === undefined) return undefined; // not known (yet): nothing cached
    const folded = new Map<string, string | undefined>();
    for (const v of values) folded.set(v.toUpperCase(), folded.has(v.toUpperCase()) ? undefined : v);
    table = { values: new Set(values), folded };
    enumSpellings.set(enumName, table);
  }
  return table.values.has(value) ? value : table.folded.get(value.toUpperCase());
}

export interface Normalized {
  value: unknown;
  /** Pointers (in the normalized value) of integers that are no known value of their enum, with the enum's name. */
  unknownEnumNumbers: Map<string, { enumName: string; spec: string }>;
  /** Keys set under both their JSON and their proto name. */
  conflicts: Issue[];
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === "object" && !Array.isArray(v);

/** Sets an own data property, even for the key `__proto__` (plain assignment would change the prototype). */
function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === "__proto__")
    Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}

class Walker {
  /** Whether a single value stands for a list of one (only in what users send). */
  constructor(private readonly wrapSingles: boolean) {}

  readonly unknownEnumNumbers = new Map<string, { enumName: string; spec: string }>();
  readonly conflicts: Issue[] = [];

  object(resource: string, obj: Record<string, unknown>, path: string, originalPath: string): Record<string, unknown> {
    let out: Record<string, unknown> | undefined;
    const keys = Object.keys(obj);
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i]!;
      const named = fieldFor(resource, key);
      if (!named) {
        if (out) setOwn(out, key, obj[key]);
        continue;
      }
      const value = obj[key];
      if (isUnset(named.field, value)) {
        // Not set: dropped. The keys before it are copied now, as for a renamed key.
        if (!out) {
          out = {};
          for (let j = 0; j < i; j++) setOwn(out, keys[j]!, obj[keys[j]!]);
        }
        continue;
      }
      const renamed = named.jsonName !== key;
      if (renamed && hasOwn.call(obj, named.jsonName) && !isUnset(named.field, obj[named.jsonName])) {
        this.conflicts.push({
          pointer: `${originalPath}/${encodeSegment(key)}`,
          code: "duplicate-field",
          message: `\`${key}\` and \`${named.jsonName}\` name the same field; set only one of them`,
          spec: `${resource}.${named.jsonName}`,
        });
        if (out) setOwn(out, key, obj[key]);
        continue;
      }
      const next = this.field(
        resource,
        named.jsonName,
        named.field,
        value,
        `${path}/${encodeSegment(named.jsonName)}`,
        `${originalPath}/${encodeSegment(key)}`,
      );
      if (!out && (renamed || next !== value)) {
        out = {};
        for (let j = 0; j < i; j++) setOwn(out, keys[j]!, obj[keys[j]!]);
      }
      if (out) setOwn(out, named.jsonName, next);
    }
    return out ?? obj;
  }

  field(owner: string, name: string, field: FieldModel, value: unknown, path: string, originalPath: string): unknown {
    if (this.wrapSingles && field.repeated && !Array.isArray(value) && value !== null && value !== undefined) {
      // One value where a list belongs: the API reads it as a list of one (its own docs send `"parts": {…}`).
      return [this.element(owner, name, field, value, `${path}/0`, originalPath)];
    }
    if (field.type !== "ref" && field.type !== "enum") return value;
    if (field.repeated) {
      if (!Array.isArray(value)) return value;
      let out: unknown[] | undefined;
      for (let i = 0; i < value.length; i++) {
        const next = this.element(owner, name, field, value[i], `${path}/${i}`, `${originalPath}/${i}`);
        if (!out && next !== value[i]) out = value.slice(0, i);
        if (out) out.push(next);
      }
      return out ?? value;
    }
    if (field.map) {
      if (!isPlainObject(value)) return value;
      let out: Record<string, unknown> | undefined;
      const keys = Object.keys(value);
      for (let i = 0; i < keys.length; i++) {
        const key = keys[i]!;
        const seg = encodeSegment(key);
        const next = this.element(owner, name, field, value[key], `${path}/${seg}`, `${originalPath}/${seg}`);
        if (!out && next !== value[key]) {
          out = {};
          for (let j = 0; j < i; j++) setOwn(out, keys[j]!, value[keys[j]!]);
        }
        if (out) setOwn(out, key, next);
      }
      return out ?? value;
    }
    return this.element(owner, name, field, value, path, originalPath);
  }

  element(owner: string, name: string, field: FieldModel, value: unknown, path: string, originalPath: string): unknown {
    if (field.type === "ref")
      return isPlainObject(value) && field.ref ? this.object(field.ref, value, path, originalPath) : value;
    // An enum: names in another case are folded, integers decoded.
    if (typeof value === "string" && field.ref) return enumSpelling(field.ref, value) ?? value;
    if (typeof value !== "number" || !Number.isInteger(value) || !field.ref) return value;
    const decoded = enumNumbers(field.ref)?.[String(value)];
    if (decoded !== undefined) return decoded;
    this.unknownEnumNumbers.set(path, { enumName: field.ref, spec: `${owner}.${name}` });
    return value;
  }
}

/**
 * Normalizes `value` as an instance of `resource` (see the module comment), whose model must be included
 * (runtime-model.ts), as a value travelling on `side` (by default the resource's own). Throws RangeError on absurd nesting.
 */
export function normalizeResource(
  resource: string,
  value: unknown,
  side: WireSide = defaultSide(resource),
): Normalized {
  const walker = new Walker(side === "request");
  const out = isPlainObject(value) ? walker.object(resource, value, "", "") : value;
  return { value: out, unknownEnumNumbers: walker.unknownEnumNumbers, conflicts: walker.conflicts };
}

/**
 * The pointer into the original input for a pointer into its normalized form: each segment that the
 * normalization renamed is spelled as the input spelled it.
 */
export function originalPointer(resource: string, original: unknown, normalizedPointer: string): string {
  let node = original;
  let current: string | undefined = resource; // the resource `node` is an instance of, if any
  let container: FieldModel | undefined; // a repeated or map field whose element the next segment picks
  let out = "";
  for (const segment of splitPointer(normalizedPointer)) {
    let key = segment;
    let next: string | undefined;
    if (container) {
      next = container.type === "ref" ? container.ref : undefined;
      const wrapped = container.repeated && !Array.isArray(node) && segment === "0";
      container = undefined;
      if (wrapped) {
        // The input gave one value where the list is: the normalized index has no counterpart in it.
        current = next;
        continue;
      }
    } else if (current) {
      const named = fieldFor(current, segment);
      const proto = named?.field.proto;
      // The proto spelling is the one kept when the JSON name is absent or only null (dropped as not set).
      if (
        proto &&
        isPlainObject(node) &&
        (!hasOwn.call(node, segment) || isUnset(named.field, node[segment])) &&
        hasOwn.call(node, proto)
      )
        key = proto;
      if (named && (named.field.repeated || named.field.map)) container = named.field;
      else if (named?.field.type === "ref") next = named.field.ref;
    }
    out += `/${encodeSegment(key)}`;
    node =
      node !== null && typeof node === "object" && hasOwn.call(node, key)
        ? (node as Record<string, unknown>)[key]
        : undefined;
    current = next;
  }
  return out;
}
