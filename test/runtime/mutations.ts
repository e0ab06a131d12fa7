// Single mutations of real payloads, at sites found by walking each payload through the model (packages/runtime/generated/model.ts):
// every field present whose wire type has a way to be wrong gets each such mutation, so coverage follows the spec
// rather than a hand-picked list. Each mutation says which issue it must cause: its code and its pointer, spelled
// as the payload spells its keys (snake_case stays snake_case). In what the API returns (a response-side root), a
// list given as its first element alone is wrong too: only what users send may be written that way.
import { fieldFor, resourceModel, type FieldModel } from "../../packages/runtime/src/runtime-model.ts";
import { validateResource } from "../../packages/runtime/src/validator.ts";
import type { IssueCode, Mode } from "../../packages/runtime/src/result.ts";
import { seg, wholeModel } from "./helpers.ts";

// The walk looks any resource's fields up in the runtime's lookups: every one must be included.
wholeModel();

export const MUTATION_KINDS = [
  "wrong-type",
  "bogus-enum",
  "oneof-second-member",
  "bad-int64",
  "bad-timestamp",
  "bad-duration",
  "bad-base64",
  "single-for-list",
] as const;
export type MutationKind = (typeof MUTATION_KINDS)[number];

export interface Mutation {
  kind: MutationKind;
  /** `Resource.field` of the site. */
  site: string;
  /** Where the issue must be, in the payload's own spelling. */
  pointer: string;
  code: IssueCode;
  /** The mode the mutation must be rejected in (a bogus enum value is drift in lenient mode). */
  mode: Mode;
  /** The whole payload with the one change (unchanged parts are shared with the original, never mutated). */
  value: unknown;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => v !== null && typeof v === "object" && !Array.isArray(v);

/** `root` with the value at `path` (keys and indices) replaced, copying only the objects on the way. */
export function setAt(root: unknown, path: readonly (string | number)[], replace: (old: unknown) => unknown): unknown {
  if (path.length === 0) return replace(root);
  const [head, ...rest] = path;
  if (Array.isArray(root)) {
    const copy = root.slice();
    copy[head as number] = setAt(root[head as number], rest, replace);
    return copy;
  }
  const copy: Json = {};
  for (const key of Object.keys(root as Json))
    Object.defineProperty(copy, key, {
      value: (root as Json)[key],
      enumerable: true,
      writable: true,
      configurable: true,
    });
  Object.defineProperty(copy, head as string, {
    value: setAt((root as Json)[head as string], rest, replace),
    enumerable: true,
    writable: true,
    configurable: true,
  });
  return copy;
}

const BAD_FORMAT: Partial<Record<string, [MutationKind, string]>> = {
  int64: ["bad-int64", "12a"],
  uint64: ["bad-int64", "12a"],
  timestamp: ["bad-timestamp", "2024-13-01T00:00:00Z"],
  duration: ["bad-duration", "5 seconds"],
  bytes: ["bad-base64", "not base64!"],
};
const STRING_WIRE = new Set(["string", "int64", "uint64", "timestamp", "duration", "bytes", "fieldMask"]);
const NUMBER_WIRE = new Set(["int32", "uint32", "float", "double"]);

/** A value of a oneof member's type that is valid on its own, if there is a simple one. */
function sampleFor(field: FieldModel): unknown {
  if (field.repeated || field.map) return undefined;
  if (field.type === "string") return "x";
  if (field.type === "boolean") return true;
  if (field.type === "ref" && field.ref && validateResource(field.ref, {}, "strict").ok) return {};
  return undefined;
}

/** Every mutation of `root` (an instance of `resource`); `pattern` dedupes sites that repeat along arrays. */
export function mutationsOf(resource: string, root: unknown): Mutation[] {
  const out: Mutation[] = [];
  const seen = new Set<string>();
  const add = (
    kind: MutationKind,
    site: string,
    path: (string | number)[],
    code: IssueCode,
    mode: Mode,
    replace: (old: unknown) => unknown,
    pointerPath = path,
  ) => {
    const pattern = `${kind} ${site} ${path.map((p) => (typeof p === "number" ? "*" : p)).join("/")}`;
    if (seen.has(pattern)) return;
    seen.add(pattern);
    out.push({
      kind,
      site,
      pointer: pointerPath.map((p) => `/${seg(p)}`).join(""),
      code,
      mode,
      value: setAt(root, path, replace),
    });
  };

  const visitValue = (owner: string, name: string, field: FieldModel, value: unknown, path: (string | number)[]) => {
    const site = `${owner}.${name}`;
    if (field.type === "ref") {
      if (!isObject(value) || !field.ref) return;
      add("wrong-type", site, path, "invalid-type", "lenient", () => "not an object");
      visitObject(field.ref, value, path);
    } else if (field.type === "enum") {
      if (typeof value !== "string") return;
      add("wrong-type", site, path, "invalid-type", "lenient", () => ({}));
      add("bogus-enum", site, path, "unknown-enum-value", "strict", () => "BOGUS_ENUM_VALUE_FOR_TEST");
    } else if (STRING_WIRE.has(field.type)) {
      if (typeof value !== "string") return;
      add("wrong-type", site, path, "invalid-type", "lenient", () => ({}));
      const bad = BAD_FORMAT[field.type];
      if (bad) add(bad[0], site, path, "invalid-format", "lenient", () => bad[1]);
    } else if (NUMBER_WIRE.has(field.type)) {
      if (typeof value === "number") add("wrong-type", site, path, "invalid-type", "lenient", () => String(value));
    } else if (field.type === "boolean") {
      if (typeof value === "boolean") add("wrong-type", site, path, "invalid-type", "lenient", () => String(value));
    } else if (field.type === "struct") {
      if (isObject(value)) add("wrong-type", site, path, "invalid-type", "lenient", () => "not an object");
    }
    // value (any JSON), any (google.protobuf.Any): nothing is wrong-typed there.
  };

  // The root's side decides whether a single value for a list is read as a list of one (request) or wrong (response).
  const response = resourceModel(resource)?.side === "response";

  const visitObject = (resource: string, obj: Json, path: (string | number)[]) => {
    const model = resourceModel(resource);
    if (!model) return;
    const keys = Object.keys(obj);
    const jsonNames = new Map<string, string>(); // JSON name → key as spelled
    for (const key of keys) {
      const named = fieldFor(resource, key);
      if (!named) continue;
      if (jsonNames.has(named.jsonName)) return; // both spellings: a duplicate already, leave this object alone
      jsonNames.set(named.jsonName, key);
    }
    for (const [jsonName, key] of jsonNames) {
      const field = model.fields[jsonName]!;
      const value = obj[key];
      if (field.repeated) {
        if (!Array.isArray(value)) continue;
        value.forEach((item, i) => visitValue(resource, jsonName, field, item, [...path, key, i]));
        if (response && value.length > 0)
          add(
            "single-for-list",
            `${resource}.${jsonName}`,
            [...path, key],
            "invalid-type",
            "lenient",
            (old) => (old as unknown[])[0],
          );
      } else if (field.map) {
        if (isObject(value))
          for (const k of Object.keys(value)) visitValue(resource, jsonName, field, value[k], [...path, key, k]);
      } else visitValue(resource, jsonName, field, value, path.concat(key));
    }
    for (const [union, members] of Object.entries(model.unions ?? {})) {
      const present = members.filter((m) => jsonNames.has(m));
      if (present.length !== 1) continue;
      const second = members.find(
        (m) => !jsonNames.has(m) && !keys.includes(m) && sampleFor(model.fields[m]!) !== undefined,
      );
      if (!second) continue;
      const sample = sampleFor(model.fields[second]!);
      // Appended after the member already there, so it is the one blamed.
      add(
        "oneof-second-member",
        `${resource}.${union}`,
        path,
        "oneof-conflict",
        "lenient",
        (old) => ({ ...(old as Json), [second]: sample }),
        [...path, second],
      );
    }
  };

  if (isObject(root)) visitObject(resource, root, []);
  return out;
}
