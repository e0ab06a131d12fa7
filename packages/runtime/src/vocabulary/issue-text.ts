// The words the issue builders share: what the spec expects at a place, said as the wire carries it ("int64 as a
// decimal string", not the pattern that checks it), and what was received, said short.
import type { Issue, IssueCode } from "../result.ts";
import { specName, type FieldModel, type SpecPlace } from "../runtime-model.ts";
import type { IssueSite } from "./keyword.ts";

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
export const shortKey = (key: string): string => (key.length > 40 ? `${key.slice(0, 40)}…` : key);

/** An issue at the site, with its message; the spec place the site is in. */
export function issueAt(site: IssueSite, code: IssueCode, message: string): Issue {
  return { pointer: site.pointer, code, message, spec: specName(site.place) };
}

/**
 * An issue about a value that is there but wrong: the message made from what was received and what was expected
 * (`detail`: the expected text's parenthesis, or all of it: "int64 as a decimal string"), both also given apart.
 */
export function wrongValueIssue(
  site: IssueSite,
  code: IssueCode,
  message: (received: string, expected: string, detail: string) => string,
): Issue {
  const expected = expectedAt(site.place);
  const shown = expected ?? "another value";
  const detail = /\((.*)\)$/.exec(shown)?.[1] ?? shown;
  const received = describeValue(site.received);
  return { ...issueAt(site, code, message(received, shown, detail)), expected, received };
}
