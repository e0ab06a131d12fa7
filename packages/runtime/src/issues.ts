// From ajv's errors to the library's issues: a stable code, a sentence, expected vs received, the spec field that
// decides, and the pointer as the input spelled it. ajv knows the schema; the model (packages/runtime/generated/model.ts) knows the
// spec, so the message can say "int64 as a decimal string" instead of "must match pattern ^-?[0-9]{1,19}$".
import type { Violation, ViolationKind } from "./reference/violation.ts";
import type { Issue, IssueCode } from "./result.ts";
import {
  encodeSegment,
  enumValueCount,
  locate,
  resourceModel,
  specName,
  splitPointer,
  type FieldModel,
  type SpecPlace,
} from "./runtime-model.ts";
import { stringHint } from "./stream/looks-like.ts";

/** How each wire type travels in JSON, for "expected" texts. */
const WIRE: Record<string, string> = {
  string: "string",
  boolean: "boolean",
  int32: "integer (int32)",
  uint32: "integer (uint32)",
  int64: "string (int64 as a decimal string)",
  uint64: "string (uint64 as a decimal string)",
  float: "number",
  double: "number",
  bytes: "string (base64 bytes)",
  timestamp: "string (RFC 3339 timestamp, up to 9 fractional digits)",
  duration: 'string (duration in seconds such as "3.5s")',
  fieldMask: "string (comma-separated field paths)",
  value: "any JSON value",
  struct: "object",
  any: 'object (google.protobuf.Any: an "@type" URL and the fields of the message it names)',
};

function elementExpected(field: FieldModel): string {
  if (field.type === "enum") return `string (a ${field.ref} value)`;
  if (field.type === "ref") return `${field.ref} object`;
  return WIRE[field.type] ?? field.type;
}

export function expectedAt(place: SpecPlace): string | undefined {
  if (!place.field) return place.resource ? `${place.resource} object` : undefined;
  if (place.atField && place.field.repeated) return `array (items: ${elementExpected(place.field)})`;
  if (place.atField && place.field.map) return `object (values: ${elementExpected(place.field)})`;
  return elementExpected(place.field);
}

/** A short description of a JSON value: its type and, for scalars, the value itself (truncated). */
export function describeValue(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return `array (${value.length} item${value.length === 1 ? "" : "s"})`;
  switch (typeof value) {
    case "string":
      return `string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
    case "number":
    case "boolean":
      return `${typeof value} ${String(value)}`;
    case "object":
      return "object";
    default:
      return typeof value;
  }
}

/** A key as a message quotes it: whole when short, cut after 40 characters (the pointer has it whole). */
const shortKey = (key: string) => (key.length > 40 ? `${key.slice(0, 40)}…` : key);

const hasOwn = Object.prototype.hasOwnProperty;

export function valueAt(root: unknown, pointer: string): unknown {
  let node = root;
  for (const key of splitPointer(pointer)) {
    if (node === null || typeof node !== "object" || !hasOwn.call(node, key)) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

/** The pointer a violation is about: a missing or unknown property's own, else the value's. */
export function violationPointer(v: Violation): string {
  return v.kind === "required" || v.kind === "unknown-field" ? `${v.path}/${encodeSegment(v.property)}` : v.path;
}

/** A oneof error: which union of the object has two members set, and the member to blame (the later one). */
function oneofConflict(
  resource: string | undefined,
  object: unknown,
): { union: string; members: string[] } | undefined {
  const unions = resource ? resourceModel(resource)?.unions : undefined;
  if (!unions || object === null || typeof object !== "object") return undefined;
  const keys = Object.keys(object);
  for (const [union, members] of Object.entries(unions)) {
    const present = keys.filter((k) => members.includes(k));
    if (present.length > 1) return { union, members: present };
  }
  return undefined;
}

/** The issue code of each kind of violation (a Record, so a new kind does not compile until it has one). */
const CODES: Record<ViolationKind, IssueCode> = {
  type: "invalid-type",
  required: "missing-required",
  "unknown-field": "unknown-field",
  enum: "unknown-enum-value",
  const: "invalid-value",
  pattern: "invalid-format",
  bytes: "invalid-format", // the base64 check of bytes fields (packages/runtime/src/bytes.ts)
  minimum: "out-of-range",
  maximum: "out-of-range",
  oneof: "oneof-conflict",
  branch: "invalid-value",
};

/** Why a value is not allowed, for the violations whose code says only "invalid-value". */
function reason(v: Violation): string {
  if (v.kind === "const") return `must be ${JSON.stringify(v.value)}`;
  if (v.kind === "branch") return 'not valid as the message its "@type" names';
  return v.kind;
}

export interface IssueContext {
  /** The resource the validated value is an instance of. */
  resource: string;
  /** The validated (normalized) value: where ajv's pointers point. */
  value: unknown;
  /** Maps a pointer into the normalized value to one into the input as given. */
  toOriginal: (pointer: string) => string;
}

export function issueFromViolation(v: Violation, ctx: IssueContext): Issue {
  const code = CODES[v.kind];
  // A oneof violation's path is the object holding both members; the issue points at the member to blame.
  let pointer = violationPointer(v);
  const place = locate(ctx.resource, splitPointer(pointer), ctx.value);
  const issue: Issue = { pointer, code, message: "", spec: specName(place) };
  const received = valueAt(ctx.value, pointer);
  switch (code) {
    case "missing-required":
      issue.message = `required field \`${place.fieldName ?? pointer}\` is missing`;
      issue.expected = expectedAt(place);
      break;
    case "unknown-field":
      issue.message = `\`${shortKey(splitPointer(pointer).at(-1) ?? "")}\` is not a field of ${place.owner ?? ctx.resource}`;
      issue.spec = place.owner ?? ctx.resource;
      break;
    case "unknown-enum-value":
      issue.message = `${describeValue(received)} is not a value of ${place.field?.ref ?? "the enum"}`;
      issue.expected = place.field?.ref
        ? `one of the ${enumValueCount(place.field.ref)} ${place.field.ref} values`
        : undefined;
      issue.received = describeValue(received);
      break;
    case "oneof-conflict": {
      const conflict = oneofConflict(place.resource, received);
      if (conflict) {
        const blamed = conflict.members.at(-1)!;
        pointer = `${pointer}/${encodeSegment(blamed)}`;
        issue.pointer = pointer;
        issue.spec = `${place.resource}.${conflict.union}`;
        issue.message = `${conflict.members.map((m) => `\`${m}\``).join(" and ")} are members of oneof ${place.resource}.${conflict.union}: set at most one`;
      } else issue.message = "sets more than one member of a oneof";
      break;
    }
    default: {
      const expected = expectedAt(place) ?? "another value";
      const inner = /\((.*)\)$/.exec(expected)?.[1] ?? expected;
      issue.message =
        code === "invalid-type"
          ? `${describeValue(received)} where ${expected} is expected`
          : code === "invalid-format"
            ? `${describeValue(received)} is not ${inner}`
            : code === "out-of-range"
              ? `${describeValue(received)} is out of range for ${inner}`
              : `${describeValue(received)} is not allowed here (${reason(v)})`;
      issue.expected = expectedAt(place);
      issue.received = describeValue(received);
      // A whole body given as a string is usually its unparsed text, or a page some proxy sent instead.
      const hint =
        code === "invalid-type" && pointer === "" && typeof received === "string" ? stringHint(received) : undefined;
      if (hint) issue.message += ` — ${hint}`;
    }
  }
  issue.pointer = ctx.toOriginal(issue.pointer);
  if (issue.expected === undefined) delete issue.expected;
  if (issue.received === undefined) delete issue.received;
  if (issue.spec === undefined) delete issue.spec;
  return issue;
}

/**
 * Violations as issues: one per problem. A value of the wrong type also fails the checks meant for the right type —
 * an enum's value list — so that goes when a type error is at the same place. A value checked by several schemas at
 * once (each `then` branch of an Any applies to a non-object) gives the same violation several times: keep the first.
 */
export function issuesFromViolations(violations: readonly Violation[], ctx: IssueContext): Issue[] {
  const typeErrorAt = new Set(violations.filter((v) => v.kind === "type").map((v) => v.path));
  const seen = new Set<string>();
  const out: Issue[] = [];
  for (const v of violations) {
    if (v.kind === "enum" && typeErrorAt.has(v.path)) continue;
    const issue = issueFromViolation(v, ctx);
    const key = `${issue.pointer}\u0000${issue.code}\u0000${issue.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(issue);
  }
  return out;
}
