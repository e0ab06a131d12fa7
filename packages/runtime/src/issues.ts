// From ajv's errors to the library's issues: a stable code, a sentence, expected vs received, the spec field that
// decides, and the pointer as the input spelled it. ajv knows the schema; the model (packages/runtime/generated/model.ts) knows the
// spec, so the message can say "int64 as a decimal string" instead of "must match pattern ^-?[0-9]{1,19}$".
import type { ErrorObject } from "./reference/index.ts";
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

/** The pointer an error is about: for `required` and `additionalProperties`, the property, not its object. */
export function errorPointer(e: ErrorObject): string {
  const params = e.params as { missingProperty?: string; additionalProperty?: string };
  if (e.keyword === "required" && params.missingProperty !== undefined)
    return `${e.instancePath}/${encodeSegment(params.missingProperty)}`;
  if (e.keyword === "additionalProperties" && params.additionalProperty !== undefined)
    return `${e.instancePath}/${encodeSegment(params.additionalProperty)}`;
  return e.instancePath;
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

const KEYWORD_CODES: Record<string, IssueCode> = {
  type: "invalid-type",
  required: "missing-required",
  additionalProperties: "unknown-field",
  enum: "unknown-enum-value",
  pattern: "invalid-format",
  "x-gemini-bytes": "invalid-format", // the base64 check of bytes fields (generator/generate/validators/keywords.ts)
  format: "invalid-format",
  minimum: "out-of-range",
  maximum: "out-of-range",
  not: "oneof-conflict",
};

export interface IssueContext {
  /** The resource the validated value is an instance of. */
  resource: string;
  /** The validated (normalized) value: where ajv's pointers point. */
  value: unknown;
  /** Maps a pointer into the normalized value to one into the input as given. */
  toOriginal: (pointer: string) => string;
}

/** JSON Schema's oneof encoding (packages/tools/src/generate/json-schema.ts): a present member forbids the others. */
export const ONEOF_PATH = /\/dependentSchemas\/[^/]+\/properties\/[^/]+\/false schema$/;

export function issueFromError(error: ErrorObject, ctx: IssueContext): Issue {
  // A oneof violation is reported where the other member is; it is about the object holding both.
  const e =
    error.keyword === "false schema" && ONEOF_PATH.test(error.schemaPath)
      ? { ...error, keyword: "not", instancePath: error.instancePath.slice(0, error.instancePath.lastIndexOf("/")) }
      : error;
  const code = KEYWORD_CODES[e.keyword] ?? "invalid-value";
  let pointer = errorPointer(e);
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
              : `${describeValue(received)} is not allowed here (${e.message ?? e.keyword})`;
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
 * ajv's errors as issues: one per problem. A value of the wrong type also fails the checks meant for the right
 * type — an enum's value list, and a oneof's "not two members" (`required` holds vacuously for a non-object) — so
 * those go when a type error is at the same place. A value checked by several schemas at once (each `then` branch
 * of an Any applies to a non-object) gives the same error several times: keep the first.
 */
export function issuesFromErrors(errors: readonly ErrorObject[], ctx: IssueContext): Issue[] {
  const typeErrorAt = new Set(errors.filter((e) => e.keyword === "type").map((e) => e.instancePath));
  const seen = new Set<string>();
  const out: Issue[] = [];
  for (const e of errors) {
    if ((e.keyword === "enum" || e.keyword === "not") && typeErrorAt.has(e.instancePath)) continue;
    const issue = issueFromError(e, ctx);
    const key = `${issue.pointer}\u0000${issue.code}\u0000${issue.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(issue);
  }
  return out;
}
