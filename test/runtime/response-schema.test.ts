// The response-schema checker (packages/runtime/src/response-schema/), keyword family by keyword family: what is
// valid, the errors of what is not (instance pointer, ajv's message, schema path), keywords it does not enforce
// (reported, never passed), annotations (ignored), the schemas it refuses, the cache, and that it bundles for a
// browser with nothing from node_modules. test/runtime/response-schema-ajv.test.ts holds it to ajv.
import { describe, expect, it } from "vitest";
import { build } from "esbuild";
import { join } from "node:path";
import {
  messageOf,
  prepareResponseSchema,
  type SchemaError,
} from "../../packages/runtime/src/response-schema/index.ts";
import { KEYWORDS, RULES } from "../../packages/runtime/src/response-schema/keywords.ts";
import { PROJECT_ROOT } from "../support/shared.ts";

/** An error as a line: `pointer: message (schema path)`. */
const line = (e: SchemaError) => `${e.instancePath}: ${messageOf(e)} (${e.schemaPath})`;
const check = (schema: object | boolean, value: unknown) => prepareResponseSchema(schema).check(value).map(line);

type Row = [string, { given: { schema: object | boolean; value: unknown }; want: string[] }];

const NOT_CHECKED = (keyword: string) =>
  `is not checked: the schema uses "${keyword}", which this checker does not enforce`;
const NOT_CHECKED_FORMAT = (format: string) =>
  `is not checked: the schema uses format "${format}", which this checker does not enforce`;

/** Rows for one format: `{ format }` against each value, valid or failing with the format's error. */
const formatRows = (format: string, cases: [name: string, value: unknown, valid: boolean][]): Row[] =>
  cases.map(([name, value, valid]) => [
    `format ${format}: ${name}`,
    { given: { schema: { format }, value }, want: valid ? [] : [`: must match format "${format}" (#/format)`] },
  ]);

/** A host name of `length` characters: three labels of 63 and one of the rest. */
const nameOfLength = (length: number) =>
  ["a", "b", "c"].map((c) => c.repeat(63)).join(".") + "." + "d".repeat(length - 3 * 64);

const recipe = {
  type: "object",
  title: "Recipe",
  description: "A recipe",
  properties: {
    name: { type: "string", description: "Its name" },
    minutes: { type: "integer", minimum: 1 },
    tags: { type: "array", items: { type: "string", enum: ["quick", "vegan"] }, maxItems: 3 },
    when: { anyOf: [{ type: "string", format: "date-time" }, { type: "null" }] },
  },
  required: ["name", "minutes"],
  additionalProperties: false,
  propertyOrdering: ["name", "minutes", "tags", "when"],
};

const tree = {
  $defs: {
    Node: {
      type: "object",
      properties: { value: { type: "number" }, children: { type: "array", items: { $ref: "#/$defs/Node" } } },
      required: ["value"],
    },
  },
  $ref: "#/$defs/Node",
};

const rows: Row[] = [
  // type and nullable
  ["type: a string is a string", { given: { schema: { type: "string" }, value: "x" }, want: [] }],
  [
    "type: a number is not a string",
    { given: { schema: { type: "string" }, value: 1 }, want: [": must be string (#/type)"] },
  ],
  ["type: 1.0 is an integer", { given: { schema: { type: "integer" }, value: 1.0 }, want: [] }],
  [
    "type: 1.5 is not an integer",
    { given: { schema: { type: "integer" }, value: 1.5 }, want: [": must be integer (#/type)"] },
  ],
  [
    "type: a JSON number beyond doubles (Infinity) is whole",
    { given: { schema: { type: "integer" }, value: JSON.parse("1e400") }, want: [] },
  ],
  ["type: an integer is a number", { given: { schema: { type: "number" }, value: 3 }, want: [] }],
  [
    "type: an array is not an object",
    { given: { schema: { type: "object" }, value: [] }, want: [": must be object (#/type)"] },
  ],
  [
    "type: null is not an object",
    { given: { schema: { type: "object" }, value: null }, want: [": must be object (#/type)"] },
  ],
  ["type: a list with null", { given: { schema: { type: ["string", "null"] }, value: null }, want: [] }],
  [
    "type: a list names every type",
    { given: { schema: { type: ["string", "null"] }, value: 1 }, want: [": must be string,null (#/type)"] },
  ],
  ["nullable: true adds null", { given: { schema: { type: "string", nullable: true }, value: null }, want: [] }],
  [
    "nullable: the message names the type as written",
    { given: { schema: { type: "string", nullable: true }, value: 1 }, want: [": must be string (#/type)"] },
  ],
  [
    "nullable: null still meets the enum",
    {
      given: { schema: { type: "string", nullable: true, enum: ["a"] }, value: null },
      want: [": must be equal to one of the allowed values (#/enum)"],
    },
  ],
  ["nullable without type constrains nothing", { given: { schema: { nullable: true }, value: 1 }, want: [] }],
  // enum and const
  ["enum: one of the values", { given: { schema: { enum: ["a", 1, null] }, value: null }, want: [] }],
  ["enum: 1.0 is 1", { given: { schema: { enum: [1] }, value: 1.0 }, want: [] }],
  [
    "enum: objects compare by value, keys in any order",
    { given: { schema: { enum: [{ a: 1, b: [2] }] }, value: { b: [2], a: 1 } }, want: [] },
  ],
  [
    "enum: not one of them",
    {
      given: { schema: { enum: ["a", "b"] }, value: "c" },
      want: [": must be equal to one of the allowed values (#/enum)"],
    },
  ],
  ["const: the value", { given: { schema: { const: { a: [1, 2] } }, value: { a: [1, 2] } }, want: [] }],
  [
    "const: another value",
    {
      given: { schema: { const: { a: [1, 2] } }, value: { a: [1, 3] } },
      want: [": must be equal to constant (#/const)"],
    },
  ],
  [
    "const: an extra key",
    { given: { schema: { const: { a: 1 } }, value: { a: 1, b: 2 } }, want: [": must be equal to constant (#/const)"] },
  ],
  // numbers
  ["minimum and maximum hold", { given: { schema: { minimum: 1, maximum: 3 }, value: 3 }, want: [] }],
  ["minimum", { given: { schema: { minimum: 1 }, value: 0 }, want: [": must be >= 1 (#/minimum)"] }],
  ["maximum", { given: { schema: { maximum: 3 }, value: 3.5 }, want: [": must be <= 3 (#/maximum)"] }],
  [
    "exclusiveMinimum",
    { given: { schema: { exclusiveMinimum: 1 }, value: 1 }, want: [": must be > 1 (#/exclusiveMinimum)"] },
  ],
  [
    "exclusiveMaximum",
    { given: { schema: { exclusiveMaximum: 1 }, value: 1 }, want: [": must be < 1 (#/exclusiveMaximum)"] },
  ],
  [
    "bounds pass what is not a number",
    { given: { schema: { minimum: 5, exclusiveMaximum: 0, multipleOf: 7 }, value: "3" }, want: [] },
  ],
  ["multipleOf", { given: { schema: { multipleOf: 3 }, value: 9 }, want: [] }],
  [
    "multipleOf: 0.3 is not a multiple of 0.1 as doubles go",
    { given: { schema: { multipleOf: 0.1 }, value: 0.3 }, want: [": must be multiple of 0.1 (#/multipleOf)"] },
  ],
  [
    "multipleOf: 1e300 is a multiple of 2 (ajv's parseInt says not)",
    { given: { schema: { multipleOf: 2 }, value: 1e300 }, want: [] },
  ],
  // strings
  [
    "minLength counts code points: one emoji is one character",
    {
      given: { schema: { minLength: 2 }, value: "😀" },
      want: [": must NOT have fewer than 2 characters (#/minLength)"],
    },
  ],
  [
    "maxLength",
    {
      given: { schema: { maxLength: 2 }, value: "abc" },
      want: [": must NOT have more than 2 characters (#/maxLength)"],
    },
  ],
  ["maxLength: two emoji are two characters", { given: { schema: { maxLength: 2 }, value: "😀😀" }, want: [] }],
  ["pattern is unanchored", { given: { schema: { pattern: "b" }, value: "abc" }, want: [] }],
  [
    "pattern has the u flag",
    {
      given: { schema: { pattern: "^\\p{Lu}" }, value: "école" },
      want: [': must match pattern "^\\p{Lu}" (#/pattern)'],
    },
  ],
  [
    "string keywords pass what is not a string",
    { given: { schema: { minLength: 3, pattern: "^a", format: "date" }, value: 12 }, want: [] },
  ],
  // format: the formats it checks, each with values inside and just outside it (formats.ts's header says why where
  // RFC 3339 leaves a choice), then the formats it does not check and those that only annotate
  ...formatRows("date-time", [
    ["upper-case T and Z", "2031-11-07T08:15:42Z", true],
    ["lower-case t and z", "2031-11-07t08:15:42z", true],
    ["a fraction and a positive offset", "2031-11-07T08:15:42.7+05:30", true],
    ["a long fraction and a negative offset", "2031-11-07T08:15:42.000001-09:45", true],
    ["the offset -00:00", "2031-11-07T08:15:42-00:00", true],
    ["a space for T (RFC 3339's grammar has none)", "2031-11-07 08:15:42Z", false],
    ["no offset", "2031-11-07T08:15:42", false],
    ["an offset without its colon", "2031-11-07T08:15:42+0530", false],
    ["an offset without minutes", "2031-11-07T08:15:42+05", false],
    ["a point without digits", "2031-11-07T08:15:42.Z", false],
    ["no seconds", "2031-11-07T08:15Z", false],
    ["hour 24", "2031-11-07T24:00:00Z", false],
    ["minute 60", "2031-11-07T08:60:00Z", false],
    ["an offset of 24 hours", "2031-11-07T08:15:42+24:00", false],
    ["an offset of 60 minutes", "2031-11-07T08:15:42+05:60", false],
    ["31 November", "2031-11-31T08:15:42Z", false],
    ["a leap second at 23:59:60 UTC", "2016-12-31T23:59:60Z", true],
    ["a leap second at 23:59 UTC, written at -05:00", "2016-12-31T18:59:60-05:00", true],
    ["a leap second at 23:59 UTC, written at +05:30 the next day", "2017-01-01T05:29:60+05:30", true],
    ["second 60 at 22:59 UTC", "2016-12-31T23:59:60+01:00", false],
    ["second 61", "2016-12-31T23:59:61Z", false],
    ["a trailing space", "2031-11-07T08:15:42Z ", false],
    ["a digit that is not ASCII", "2031-11-0\u0667T08:15:42Z", false],
    ["a date alone", "2031-11-07", false],
  ]),
  ...formatRows("date", [
    ["29 February of a year divisible by 4", "2028-02-29", true],
    ["29 February of a year that is not", "2027-02-29", false],
    ["29 February of a century not divisible by 400", "2100-02-29", false],
    ["29 February of one divisible by 400", "2000-02-29", true],
    ["28 February", "2027-02-28", true],
    ["month 13", "2027-13-01", false],
    ["month 00", "2027-00-10", false],
    ["31 July", "2027-07-31", true],
    ["31 June", "2027-06-31", false],
    ["day 00", "2027-06-00", false],
    ["day 32", "2027-01-32", false],
    ["year 0000", "0000-01-01", true],
    ["a one-digit month", "2027-6-05", false],
    ["a two-digit year", "27-06-05", false],
    ["a date-time", "2027-06-05T00:00:00Z", false],
  ]),
  ...formatRows("time", [
    ["with Z", "08:15:42Z", true],
    ["with a fraction and an offset", "08:15:42.25+01:00", true],
    ["no offset (RFC 3339's full-time has one)", "08:15:42", false],
    ["a one-digit hour", "8:15:42Z", false],
    ["a leap second at 23:59:60Z", "23:59:60Z", true],
    ["a leap second with a fraction", "23:59:60.999Z", true],
    ["a leap second at 23:59 UTC, written at +00:30", "00:29:60+00:30", true],
    ["second 60 at 12:59 UTC", "12:59:60Z", false],
    ["second 60 a minute after 23:59 UTC", "23:59:60-00:01", false],
  ]),
  ...formatRows("duration", [
    ["every component", "P3Y6M4DT12H30M5S", true],
    ["weeks", "P2W", true],
    ["seconds alone", "PT45S", true],
    ["years and days (ISO 8601 leaves out any component)", "P1Y1D", true],
    ["hours and seconds", "PT1H5S", true],
    ["zero days", "P0D", true],
    ["months (M before T)", "P7M", true],
    ["minutes (M after T)", "PT7M", true],
    ["P alone", "P", false],
    ["T with nothing after it", "P1DT", false],
    ["PT alone", "PT", false],
    ["weeks and days", "P2W1D", false],
    ["days before years", "P1D1Y", false],
    ["a component twice", "P1Y1Y", false],
    ["days after T", "PT1D", false],
    ["hours without T", "P1H", false],
    ["a fraction", "P1.5D", false],
    ["lower-case designators", "p1d", false],
    ["no P", "1D", false],
    ["a number without its designator", "P12", false],
    ["a designator without its number", "PD", false],
  ]),
  ...formatRows("uuid", [
    ["lower case", "0c9e4a7d-51f2-4b38-9d6e-2a8f7c1e5b03", true],
    ["upper case", "0C9E4A7D-51F2-4B38-9D6E-2A8F7C1E5B03", true],
    ["the nil UUID", "00000000-0000-0000-0000-000000000000", true],
    ["no hyphens", "0c9e4a7d51f24b389d6e2a8f7c1e5b03", false],
    ["a URN (not RFC 4122's string form)", "urn:uuid:0c9e4a7d-51f2-4b38-9d6e-2a8f7c1e5b03", false],
    ["in braces", "{0c9e4a7d-51f2-4b38-9d6e-2a8f7c1e5b03}", false],
    ["groups of other sizes", "0c9e4a7d5-1f2-4b38-9d6e-2a8f7c1e5b03", false],
    ["a letter past f", "0c9e4a7d-51f2-4b38-9d6e-2a8f7c1e5b0g", false],
  ]),
  ...formatRows("ipv4", [
    ["an address", "10.0.255.7", true],
    ["all zeros", "0.0.0.0", true],
    ["all 255", "255.255.255.255", true],
    ["256", "256.1.2.3", false],
    ["three numbers", "10.0.0", false],
    ["five numbers", "1.2.3.4.5", false],
    ["a leading zero", "10.0.0.07", false],
    ["a trailing dot", "10.0.0.7.", false],
    ["a leading space", " 10.0.0.7", false],
    ["a sign", "10.0.0.-7", false],
  ]),
  ...formatRows("ipv6", [
    ["eight groups", "2001:db8:0:0:1:0:0:1", true],
    ["upper-case hex and four-digit groups", "2001:0DB8:AAAA:BBBB:CCCC:DDDD:EEEE:FFFF", true],
    ["the loopback, compressed", "::1", true],
    ["the unspecified address", "::", true],
    ["compression in the middle", "2001:db8::ff00:42:8329", true],
    ["compression at the end", "fe80::", true],
    ["compression standing for one group (RFC 4291 allows it)", "1:2:3:4:5:6:7::", true],
    ["a dotted quad for the last two groups", "::ffff:192.0.2.128", true],
    ["six groups and a dotted quad", "1:2:3:4:5:6:192.0.2.128", true],
    ["seven groups", "1:2:3:4:5:6:7", false],
    ["nine groups", "1:2:3:4:5:6:7:8:9", false],
    ["eight groups and a compression", "1:2:3:4::5:6:7:8", false],
    ["two compressions", "2001::db8::1", false],
    ["three colons", "1:2:::3", false],
    ["a leading single colon", ":1:2:3:4:5:6:7", false],
    ["a trailing single colon", "1:2:3:4:5:6:7:", false],
    ["five hex digits in a group", "1:2:3:4:5:6:7:12345", false],
    ["a letter past f", "::g", false],
    ["a dotted quad not at the end", "::192.0.2.128:1", false],
    ["a dotted quad before the compression", "192.0.2.128::", false],
    ["a dotted quad with a leading zero", "::ffff:192.0.2.01", false],
    ["a dotted quad above 255", "::ffff:192.0.2.256", false],
    ["seven groups and a dotted quad", "1:2:3:4:5:6:7:192.0.2.128", false],
    ["a zone id", "fe80::1%eth0", false],
    ["a prefix length", "2001:db8::/32", false],
    ["in brackets", "[::1]", false],
    ["an IPv4 address", "192.0.2.128", false],
  ]),
  ...formatRows("hostname", [
    ["a name", "www.example.com", true],
    ["one label", "localhost", true],
    ["digits and hyphens inside labels", "3com.my-host--1.example", true],
    ["a punycode label", "xn--bcher-kva.example", true],
    ["a label of 63 characters", `${"a".repeat(63)}.example`, true],
    ["a label of 64 characters", `${"a".repeat(64)}.example`, false],
    ["253 characters", nameOfLength(253), true],
    ["254 characters", nameOfLength(254), false],
    ["an empty string", "", false],
    ["a label starting with a hyphen", "-host.example", false],
    ["a label ending with a hyphen", "host-.example", false],
    ["an underscore", "my_host.example", false],
    ["an empty label", "www..example", false],
    ["a trailing dot (not in RFC 1123's grammar)", "www.example.com.", false],
    ["a leading dot", ".example", false],
    ["an all-digit last label (RFC 1123: never all digits)", "192.0.2.1", false],
    ["an all-digit label that is not the last", "123.example", true],
    ["a letter that is not ASCII", "bücher.example", false],
    ["a space", "www example", false],
  ]),
  ...formatRows("email", [
    ["a dot-atom local part", "joe.bloggs@example.com", true],
    ["every special character atext allows", "!#$%&'*+-/=?^_`{|}~@example.com", true],
    ["a one-label domain", "root@localhost", true],
    ["all-digit labels in the domain", "joe@192.0.2.1", true],
    ["a quoted local part with a space and an @", '"joe @ home"@example.com', true],
    ["an empty quoted local part", '""@example.com', true],
    ["quoted pairs", '"a\\"b\\\\"@example.com', true],
    ["an IPv4 address literal", "joe@[192.0.2.1]", true],
    ["an IPv4 address literal with leading zeros (RFC 5321's Snum)", "joe@[192.000.002.001]", true],
    ["an IPv6 address literal", "joe@[IPv6:2001:db8::1]", true],
    ["an IPv6 address literal, tag in lower case", "joe@[ipv6:::1]", true],
    ["an IPv6 address literal with a dotted quad", "joe@[IPv6:::ffff:192.0.2.1]", true],
    ["an IPv6 address literal whose :: stands for one group (RFC 5321 wants two)", "joe@[IPv6:1:2:3:4:5:6:7::]", false],
    ["an IPv6 address without its tag", "joe@[2001:db8::1]", false],
    ["a general address literal (no such tag is registered)", "joe@[x-tag:data]", false],
    ["an address literal above 255", "joe@[192.0.2.256]", false],
    ["an address literal with three numbers", "joe@[192.0.2]", false],
    ["an unclosed address literal", "joe@[192.0.2.1", false],
    ["no @", "joe.example.com", false],
    ["no local part", "@example.com", false],
    ["no domain", "joe@", false],
    ["two @ outside quotes", "joe@home@example.com", false],
    ["a leading dot in the local part", ".joe@example.com", false],
    ["a trailing dot in the local part", "joe.@example.com", false],
    ["two dots in a row in the local part", "joe..bloggs@example.com", false],
    ["a space outside quotes", "joe bloggs@example.com", false],
    ["a comma outside quotes", "joe,bloggs@example.com", false],
    ["text after the closing quote", '"joe"bloggs@example.com', false],
    ["an unescaped quote inside quotes", '"jo"e"@example.com', false],
    ["a tab inside quotes", '"jo\te"@example.com', false],
    ["a letter that is not ASCII (idn-email's)", "jöe@example.com", false],
    ["a domain label starting with a hyphen", "joe@-example.com", false],
    ["a domain label of 64 characters", `joe@${"a".repeat(64)}.com`, false],
    ["a domain of 253 characters", `joe@${nameOfLength(253)}`, true],
    ["a domain of 254 characters", `joe@${nameOfLength(254)}`, false],
    ["a trailing dot in the domain", "joe@example.com.", false],
    ["a display name and angle brackets", "Joe <joe@example.com>", false],
    ["a trailing line feed", "joe@example.com\n", false],
  ]),
  ...formatRows("uri", [
    ["http with everything", "https://user:pw@www.example.com:8080/a/b%20c?q=1&r=a/b?#frag/?", true],
    ["a URN (a rootless path)", "urn:isbn:0451450523", true],
    ["mailto", "mailto:joe@example.com?subject=hi", true],
    ["a scheme and nothing else (an empty path)", "about:", true],
    ["an empty path and a query", "mailto:?to=joe@example.com", true],
    ["an absolute path", "file:/etc/hosts", true],
    ["an empty authority", "file:///etc/hosts", true],
    ["a scheme with digits, +, - and .", "a1+b-c.d:x", true],
    ["an IPv6 host", "http://[2001:db8::7]:80/", true],
    ["an IPv6 host with a dotted quad", "http://[::ffff:192.0.2.1]/", true],
    ["an IPvFuture host", "http://[v1.fe80::a+en1]/", true],
    ["an IPv4 host", "http://192.0.2.1/", true],
    ["digits and dots past 255 (a reg-name)", "http://999.1.1.1/", true],
    ["sub-delims and a percent-encoding in the host", "http://a!$&'()*+,;=%2E.example/", true],
    ["an empty port", "http://example.com:/", true],
    ["a long port (no limit)", "http://example.com:123456/", true],
    ["no scheme (a relative reference)", "//example.com/a", false],
    ["a path alone", "a/b", false],
    ["a scheme starting with a digit", "1a:b", false],
    ["an underscore in the scheme", "a_b:c", false],
    ["an empty scheme", ":a", false],
    ["a space", "http://example.com/a b", false],
    ["a percent without two hex digits", "http://example.com/%4", false],
    ["a percent with a letter past f", "http://example.com/%4g", false],
    ["a letter that is not ASCII (iri's)", "http://example.com/ä", false],
    ["a backslash", "http://example.com\\a", false],
    ["angle brackets", "http://example.com/<a>", false],
    ["a second #", "http://example.com/#a#b", false],
    ["a port with a letter", "http://example.com:8o/", false],
    ["two ports", "http://example.com:80:81/", false],
    ["two @", "http://a@b@example.com/", false],
    ["a bracket in the userinfo", "http://[@example.com/", false],
    ["an IPv6 host without brackets", "http://2001:db8::7/", false],
    ["an IPv6 host that is none", "http://[2001:db8::7::1]/", false],
    ["an IPv6 host with a leading zero in its dotted quad", "http://[::ffff:192.0.2.01]/", false],
    ["an IPv6 host with a zone id (RFC 6874, not RFC 3986)", "http://[fe80::1%25en0]/", false],
    ["an IPvFuture without its dot", "http://[v1]/", false],
    ["an unclosed bracket", "http://[::1/", false],
    ["brackets in a path", "http:/[::1]/", false],
  ]),
  ...formatRows("uri-reference", [
    ["a URI", "https://example.com/a?b#c", true],
    ["an empty reference", "", true],
    ["a network-path reference", "//example.com/a", true],
    ["an absolute path", "/a/b", true],
    ["a relative path", "a/b/../c", true],
    ["a colon after the first segment", "a/b:c", true],
    ["a colon behind a dot segment", "./a:b", true],
    ["a query alone", "?q=1", true],
    ["a fragment alone", "#top", true],
    ["a colon in the first segment (it would read as a scheme)", "a_b:c", false],
    ["a colon at the start", ":a", false],
    ["a port with a letter after //", "//example.com:8o/", false],
    ["a double quote", '/a"b', false],
    ["a space", "/a b", false],
    ["a percent alone", "/100%", false],
    ["a backslash", "a\\b", false],
    ["brackets in a path", "/[::1]", false],
    ["a letter that is not ASCII", "/ä", false],
  ]),
  ...formatRows("byte", [
    ["empty (no bytes)", "", true],
    ["three bytes", "Zm9v", true],
    ["two bytes, one =", "Zm8=", true],
    ["one byte, two =", "Zg==", true],
    ["padding left out", "Zg", false],
    ["one = short", "Zg=", false],
    ["three =", "Z===", false],
    ["padding inside", "Zg==Zg==", false],
    ["base64url's alphabet", "Zm-_", false],
    ["a line break", "Zm9v\n", false],
  ]),
  ...formatRows("int32", [
    ["2^31 - 1", 2 ** 31 - 1, true],
    ["-2^31", -(2 ** 31), true],
    ["2^31", 2 ** 31, false],
    ["-2^31 - 1", -(2 ** 31) - 1, false],
    ["7.5", 7.5, false],
  ]),
  ...formatRows("int64", [
    ["2^53", 2 ** 53, true],
    ["2^63 - 1 as JSON reads it", JSON.parse("9223372036854775807"), true],
    ["-2^63", JSON.parse("-9223372036854775808"), true],
    ["1e19", 1e19, false],
    ["0.5", 0.5, false],
  ]),
  ["format int32 passes strings", { given: { schema: { format: "int32" }, value: "x" }, want: [] }],
  ["format date passes what is not a string", { given: { schema: { format: "date" }, value: 20270605 }, want: [] }],
  ["format float: any number", { given: { schema: { format: "float" }, value: 1e308 }, want: [] }],
  ["format double: any number", { given: { schema: { format: "double" }, value: -0.1 }, want: [] }],
  ["format password annotates", { given: { schema: { format: "password" }, value: "" }, want: [] }],
  [
    "format enum (Gemini's): the enum keyword checks",
    {
      given: { schema: { type: "string", format: "enum", enum: ["on"] }, value: "off" },
      want: [": must be equal to one of the allowed values (#/enum)"],
    },
  ],
  ["format: an unknown format is ignored", { given: { schema: { format: "postal-code" }, value: "?" }, want: [] }],
  [
    "format idn-email is not checked: a string is reported",
    {
      given: { schema: { format: "idn-email" }, value: "someone@example.test" },
      want: [`: ${NOT_CHECKED_FORMAT("idn-email")} (#/format)`],
    },
  ],
  [
    "format iri is not checked: reported even for what is surely no IRI",
    { given: { schema: { format: "iri" }, value: "a b" }, want: [`: ${NOT_CHECKED_FORMAT("iri")} (#/format)`] },
  ],
  [
    "format idn-hostname is not checked: a number is not a string, nothing to check",
    { given: { schema: { format: "idn-hostname" }, value: 12 }, want: [] },
  ],
  [
    "format uri-template is not checked: anyOf decides by another branch",
    { given: { schema: { anyOf: [{ format: "uri-template" }, { format: "ipv4" }] }, value: "10.0.0.7" }, want: [] },
  ],
  [
    "format uri-template is not checked: an anyOf with no valid branch reports the unchecked one",
    {
      given: { schema: { anyOf: [{ format: "uri-template" }, { format: "ipv4" }] }, value: "/{id}" },
      want: [`: ${NOT_CHECKED_FORMAT("uri-template")} (#/anyOf/0/format)`],
    },
  ],
  // arrays
  [
    "items",
    { given: { schema: { items: { type: "string" } }, value: ["a", 1] }, want: ["/1: must be string (#/items/type)"] },
  ],
  [
    "prefixItems, then items",
    {
      given: { schema: { prefixItems: [{ type: "string" }], items: { type: "number" } }, value: ["a", 1, "b"] },
      want: ["/2: must be number (#/items/type)"],
    },
  ],
  [
    "prefixItems: a shorter array is fine",
    { given: { schema: { prefixItems: [{ type: "string" }, { type: "number" }] }, value: ["a"] }, want: [] },
  ],
  [
    "items: false after prefixItems",
    {
      given: { schema: { prefixItems: [{}], items: false }, value: [1, 2] },
      want: [": must NOT have more than 1 items (#/items)"],
    },
  ],
  [
    "items: false alone",
    { given: { schema: { items: false }, value: [1] }, want: ["/0: boolean schema is false (#/items/false schema)"] },
  ],
  [
    "minItems",
    { given: { schema: { minItems: 2 }, value: [1] }, want: [": must NOT have fewer than 2 items (#/minItems)"] },
  ],
  [
    "maxItems",
    { given: { schema: { maxItems: 1 }, value: [1, 2] }, want: [": must NOT have more than 1 items (#/maxItems)"] },
  ],
  [
    "uniqueItems: equal objects",
    {
      given: { schema: { uniqueItems: true }, value: [{ a: 1 }, { b: 1 }, { a: 1 }] },
      want: [": must NOT have duplicate items (items ## 0 and 2 are identical) (#/uniqueItems)"],
    },
  ],
  [
    "uniqueItems: scalar items",
    {
      given: { schema: { uniqueItems: true, items: { type: "number" } }, value: [1, 2, 1] },
      want: [": must NOT have duplicate items (items ## 2 and 0 are identical) (#/uniqueItems)"],
    },
  ],
  ["uniqueItems: 1 and '1' differ", { given: { schema: { uniqueItems: true }, value: [1, "1"] }, want: [] }],
  ["contains", { given: { schema: { contains: { type: "number" } }, value: ["a", 1] }, want: [] }],
  [
    "contains: none",
    {
      given: { schema: { contains: { type: "number" } }, value: ["a"] },
      want: ["/0: must be number (#/contains/type)", ": must contain at least 1 valid item(s) (#/contains)"],
    },
  ],
  [
    "contains: too many",
    {
      given: { schema: { contains: { type: "number" }, maxContains: 1 }, value: [1, 2] },
      want: [": must contain at least 1 and no more than 1 valid item(s) (#/contains)"],
    },
  ],
  [
    "contains: minContains 0",
    { given: { schema: { contains: { type: "number" }, minContains: 0 }, value: ["a"] }, want: [] },
  ],
  [
    "array keywords pass what is not an array",
    { given: { schema: { items: false, minItems: 3, contains: false }, value: { 0: 1 } }, want: [] },
  ],
  // objects
  [
    "properties",
    {
      given: { schema: { properties: { a: { type: "string" } } }, value: { a: 1, b: 1 } },
      want: ["/a: must be string (#/properties/a/type)"],
    },
  ],
  [
    "properties: keys are escaped in pointers and schema paths",
    {
      given: { schema: { properties: { "a/b~c d": { type: "string" } } }, value: { "a/b~c d": 1 } },
      want: ["/a~1b~0c d: must be string (#/properties/a~1b~0c%20d/type)"],
    },
  ],
  [
    "required",
    {
      given: { schema: { required: ["a", "b"] }, value: { a: 1 } },
      want: [": must have required property 'b' (#/required)"],
    },
  ],
  [
    "required: members of Object.prototype are not properties",
    {
      given: { schema: { required: ["constructor", "toString"] }, value: {} },
      want: [
        ": must have required property 'constructor' (#/required)",
        ": must have required property 'toString' (#/required)",
      ],
    },
  ],
  [
    "properties: an inherited member is not checked",
    { given: { schema: { properties: { toString: { type: "string" } } }, value: {} }, want: [] },
  ],
  [
    "required: a __proto__ key from JSON is a property",
    { given: { schema: { required: ["__proto__"] }, value: JSON.parse('{"__proto__": 1}') }, want: [] },
  ],
  [
    "additionalProperties: false",
    {
      given: { schema: { properties: { a: {} }, additionalProperties: false }, value: { a: 1, b: 2, c: 3 } },
      want: [
        ": must NOT have additional properties (#/additionalProperties)",
        ": must NOT have additional properties (#/additionalProperties)",
      ],
    },
  ],
  [
    "additionalProperties: a schema",
    {
      given: { schema: { additionalProperties: { type: "number" } }, value: { a: 1, b: "x" } },
      want: ["/b: must be number (#/additionalProperties/type)"],
    },
  ],
  [
    "patternProperties, and additionalProperties for the rest",
    {
      given: {
        schema: { patternProperties: { "^x-": { type: "string" } }, additionalProperties: false },
        value: { "x-a": 1, y: 2 },
      },
      want: [
        "/x-a: must be string (#/patternProperties/%5Ex-/type)",
        ": must NOT have additional properties (#/additionalProperties)",
      ],
    },
  ],
  [
    "propertyNames",
    {
      given: { schema: { propertyNames: { maxLength: 2 } }, value: { ab: 1, abc: 2 } },
      want: [
        ": must NOT have more than 2 characters (#/propertyNames/maxLength)",
        ": property name must be valid (#/propertyNames)",
      ],
    },
  ],
  [
    "minProperties",
    {
      given: { schema: { minProperties: 2 }, value: { a: 1 } },
      want: [": must NOT have fewer than 2 properties (#/minProperties)"],
    },
  ],
  [
    "maxProperties",
    {
      given: { schema: { maxProperties: 0 }, value: { a: 1 } },
      want: [": must NOT have more than 0 properties (#/maxProperties)"],
    },
  ],
  [
    "dependentRequired",
    {
      given: { schema: { dependentRequired: { a: ["b", "c"] } }, value: { a: 1, b: 2 } },
      want: [": must have properties b, c when property a is present (#/dependentRequired)"],
    },
  ],
  [
    "dependentRequired: without the property",
    { given: { schema: { dependentRequired: { a: ["b"] } }, value: { c: 1 } }, want: [] },
  ],
  [
    "dependentSchemas",
    {
      given: { schema: { dependentSchemas: { a: { required: ["b"] } } }, value: { a: 1 } },
      want: [": must have required property 'b' (#/dependentSchemas/a/required)"],
    },
  ],
  [
    "dependencies (draft-07), both forms",
    {
      given: { schema: { dependencies: { a: ["b"], c: { maxProperties: 1 } } }, value: { a: 1, c: 2 } },
      want: [
        ": must have property b when property a is present (#/dependencies)",
        ": must NOT have more than 1 properties (#/dependencies/c/maxProperties)",
      ],
    },
  ],
  [
    "object keywords pass what is not an object",
    { given: { schema: { required: ["a"], additionalProperties: false, minProperties: 1 }, value: ["a"] }, want: [] },
  ],
  // combinators
  [
    "allOf",
    {
      given: { schema: { allOf: [{ type: "string" }, { minLength: 2 }] }, value: "a" },
      want: [": must NOT have fewer than 2 characters (#/allOf/1/minLength)"],
    },
  ],
  [
    "anyOf: one branch is enough",
    { given: { schema: { anyOf: [{ type: "string" }, { type: "number" }] }, value: 1 }, want: [] },
  ],
  [
    "anyOf: every branch's errors, then anyOf's",
    {
      given: { schema: { anyOf: [{ type: "string" }, { minimum: 5 }] }, value: 1 },
      want: [
        ": must be string (#/anyOf/0/type)",
        ": must be >= 5 (#/anyOf/1/minimum)",
        ": must match a schema in anyOf (#/anyOf)",
      ],
    },
  ],
  [
    "oneOf: exactly one",
    { given: { schema: { oneOf: [{ type: "string" }, { type: "number" }] }, value: 1 }, want: [] },
  ],
  [
    "oneOf: two",
    {
      given: { schema: { oneOf: [{ type: "number" }, { minimum: 0 }] }, value: 1 },
      want: [": must match exactly one schema in oneOf (#/oneOf)"],
    },
  ],
  [
    "oneOf: none",
    {
      given: { schema: { oneOf: [{ type: "string" }] }, value: 1 },
      want: [": must be string (#/oneOf/0/type)", ": must match exactly one schema in oneOf (#/oneOf)"],
    },
  ],
  ["not", { given: { schema: { not: { type: "number" } }, value: 1 }, want: [": must NOT be valid (#/not)"] }],
  [
    "if/then",
    {
      given: { schema: { if: { type: "number" }, then: { minimum: 5 }, else: { type: "string" } }, value: 1 },
      want: [": must be >= 5 (#/then/minimum)", ': must match "then" schema (#/if)'],
    },
  ],
  [
    "if/else",
    {
      given: { schema: { if: { type: "number" }, then: { minimum: 5 }, else: { type: "string" } }, value: true },
      want: [": must be string (#/else/type)", ': must match "else" schema (#/if)'],
    },
  ],
  ["then without if does nothing", { given: { schema: { then: false, else: false }, value: 1 }, want: [] }],
  // references
  [
    "$ref into $defs",
    {
      given: { schema: { $ref: "#/$defs/A", $defs: { A: { type: "string" } } }, value: 1 },
      want: [": must be string (#/$defs/A/type)"],
    },
  ],
  [
    "$ref: its siblings apply too (2020-12)",
    {
      given: { schema: { $ref: "#/$defs/A", maxLength: 1, $defs: { A: { type: "string" } } }, value: "ab" },
      want: [": must NOT have more than 1 characters (#/maxLength)"],
    },
  ],
  [
    "$ref: a recursive tree",
    {
      given: { schema: tree, value: { value: 1, children: [{ value: 2, children: [{ value: "3" }, {}] }] } },
      want: [
        "/children/0/children/0/value: must be number (#/$defs/Node/properties/value/type)",
        "/children/0/children/1: must have required property 'value' (#/$defs/Node/required)",
      ],
    },
  ],
  [
    "$ref: # is the root",
    {
      given: { schema: { type: "object", properties: { next: { $ref: "#" } } }, value: { next: { next: 1 } } },
      want: ["/next/next: must be object (#/type)"],
    },
  ],
  [
    "$ref into draft-07 definitions",
    {
      given: { schema: { $ref: "#/definitions/A", definitions: { A: { type: "string" } } }, value: 1 },
      want: [": must be string (#/definitions/A/type)"],
    },
  ],
  [
    "$ref: percent-encoded and escaped names",
    {
      given: { schema: { $ref: "#/$defs/a%20b~1c", $defs: { "a b/c": { type: "string" } } }, value: 1 },
      want: [": must be string (#/$defs/a%20b~1c/type)"],
    },
  ],
  [
    "$ref to an $anchor",
    {
      given: { schema: { $ref: "#item", $defs: { A: { $anchor: "item", type: "string" } } }, value: 1 },
      want: [": must be string (#/$defs/A/type)"],
    },
  ],
  [
    "$ref to an $id, and # inside it is that resource",
    {
      given: {
        schema: {
          $id: "https://example.test/root.json",
          $ref: "item.json",
          $defs: {
            A: { $id: "item.json", properties: { a: { $ref: "#/$defs/B" } }, $defs: { B: { type: "string" } } },
            B: { type: "number" },
          },
        },
        value: { a: 1 },
      },
      want: ["/a: must be string (#/$defs/B/type)"],
    },
  ],
  // keywords not enforced: reported where they apply, and never turned into valid
  [
    "unevaluatedProperties: false on an object",
    {
      given: { schema: { properties: { a: {} }, unevaluatedProperties: false }, value: { a: 1 } },
      want: [`: ${NOT_CHECKED("unevaluatedProperties")} (#/unevaluatedProperties)`],
    },
  ],
  [
    "unevaluatedProperties: not an object, nothing to check",
    { given: { schema: { unevaluatedProperties: false }, value: 1 }, want: [] },
  ],
  [
    "unevaluatedProperties: true constrains nothing",
    { given: { schema: { unevaluatedProperties: true }, value: { a: 1 } }, want: [] },
  ],
  [
    "unevaluatedItems",
    {
      given: { schema: { unevaluatedItems: { type: "string" } }, value: [1] },
      want: [`: ${NOT_CHECKED("unevaluatedItems")} (#/unevaluatedItems)`],
    },
  ],
  [
    "$dynamicRef",
    {
      given: { schema: { $dynamicRef: "#node" }, value: 1 },
      want: [`: ${NOT_CHECKED("$dynamicRef")} (#/$dynamicRef)`],
    },
  ],
  [
    "formatMinimum (ajv-formats)",
    {
      given: { schema: { format: "date", formatMinimum: "2024-01-01" }, value: "2023-01-01" },
      want: [`: ${NOT_CHECKED("formatMinimum")} (#/formatMinimum)`],
    },
  ],
  [
    "not of an unchecked keyword is not valid either",
    {
      given: { schema: { not: { unevaluatedProperties: false } }, value: { a: 1 } },
      want: [`: ${NOT_CHECKED("unevaluatedProperties")} (#/not/unevaluatedProperties)`],
    },
  ],
  [
    "anyOf: a valid branch decides",
    { given: { schema: { anyOf: [{ unevaluatedProperties: false }, { type: "object" }] }, value: { a: 1 } }, want: [] },
  ],
  [
    "anyOf: otherwise the unchecked branch is reported",
    {
      given: { schema: { anyOf: [{ unevaluatedProperties: false }, { type: "string" }] }, value: { a: 1 } },
      want: [`: ${NOT_CHECKED("unevaluatedProperties")} (#/anyOf/0/unevaluatedProperties)`],
    },
  ],
  [
    "oneOf: an unchecked branch leaves it open",
    {
      given: { schema: { oneOf: [{ unevaluatedProperties: false }, { type: "object" }] }, value: { a: 1 } },
      want: [`: ${NOT_CHECKED("unevaluatedProperties")} (#/oneOf/0/unevaluatedProperties)`],
    },
  ],
  [
    "oneOf: two valid branches decide",
    {
      given: { schema: { oneOf: [{ unevaluatedProperties: false }, { type: "object" }, {}] }, value: { a: 1 } },
      want: [
        `: ${NOT_CHECKED("unevaluatedProperties")} (#/oneOf/0/unevaluatedProperties)`,
        ": must match exactly one schema in oneOf (#/oneOf)",
      ],
    },
  ],
  [
    "if: an unchecked condition",
    {
      given: { schema: { if: { unevaluatedProperties: false }, then: false }, value: { a: 1 } },
      want: [`: ${NOT_CHECKED("unevaluatedProperties")} (#/if/unevaluatedProperties)`],
    },
  ],
  [
    "a known error beside an unchecked keyword",
    {
      given: { schema: { required: ["b"], unevaluatedProperties: false }, value: { a: 1 } },
      want: [
        ": must have required property 'b' (#/required)",
        `: ${NOT_CHECKED("unevaluatedProperties")} (#/unevaluatedProperties)`,
      ],
    },
  ],
  // annotations and unknown keywords
  [
    "annotations constrain nothing",
    {
      given: {
        schema: {
          title: "t",
          description: "d",
          default: 1,
          examples: [2],
          deprecated: true,
          readOnly: true,
          $comment: "c",
          contentMediaType: "image/png",
          propertyOrdering: ["a"],
          "x-extension": { type: "string" },
          example: 3,
        },
        value: { a: [] },
      },
      want: [],
    },
  ],
  // boolean schemas
  ["true accepts anything", { given: { schema: true, value: { a: [1] } }, want: [] }],
  [
    "false accepts nothing",
    { given: { schema: false, value: null }, want: [": boolean schema is false (#/false schema)"] },
  ],
  [
    "false as a property",
    {
      given: { schema: { properties: { a: false } }, value: { a: 1 } },
      want: ["/a: boolean schema is false (#/properties/a/false schema)"],
    },
  ],
  // a schema as Gemini gets it
  [
    "the recipe: valid",
    { given: { schema: recipe, value: { name: "Soup", minutes: 20, tags: ["vegan"], when: null } }, want: [] },
  ],
  [
    "the recipe: everything wrong",
    {
      given: {
        schema: recipe,
        value: { minutes: 0, tags: ["slow", "quick", "vegan", "quick"], when: "tomorrow", extra: true },
      },
      want: [
        ": must have required property 'name' (#/required)",
        ": must NOT have additional properties (#/additionalProperties)",
        "/minutes: must be >= 1 (#/properties/minutes/minimum)",
        "/tags: must NOT have more than 3 items (#/properties/tags/maxItems)",
        "/tags/0: must be equal to one of the allowed values (#/properties/tags/items/enum)",
        '/when: must match format "date-time" (#/properties/when/anyOf/0/format)',
        "/when: must be null (#/properties/when/anyOf/1/type)",
        "/when: must match a schema in anyOf (#/properties/when/anyOf)",
      ],
    },
  ],
];

describe("response-schema checker", () => {
  it.each(rows)("%s", (_name, { given, want }) => {
    expect(check(given.schema, given.value).sort()).toEqual([...want].sort());
  });

  it("checks keywords in the table's order: type first, then keywords for any value, then numbers, strings, arrays, objects", () => {
    expect(check({ required: ["a"], minimum: 9, enum: [1], type: "string" }, {})).toEqual([
      ": must be string (#/type)",
      ": must be equal to one of the allowed values (#/enum)",
      ": must have required property 'a' (#/required)",
    ]);
    expect(KEYWORDS.indexOf("type")).toBe(0);
  });

  it("reports every error with the keyword and params structured-output.ts reads", () => {
    expect(prepareResponseSchema({ required: ["a"], properties: { b: { enum: [1] } } }).check({ b: 2 })).toEqual([
      { keyword: "required", instancePath: "", schemaPath: "#/required", params: { missingProperty: "a" } },
      { keyword: "enum", instancePath: "/b", schemaPath: "#/properties/b/enum", params: { allowedValues: [1] } },
    ]);
  });
});

const refusals: [string, { given: object; want: RegExp }][] = [
  ["a bound that is not a number", { given: { minimum: "3" }, want: /#\/minimum: minimum must be a number/ }],
  [
    "draft-04's boolean exclusiveMinimum",
    { given: { minimum: 1, exclusiveMinimum: true }, want: /#\/exclusiveMinimum/ },
  ],
  [
    "an unknown type",
    {
      given: { properties: { a: { type: "strnig" } } },
      want: /#\/properties\/a\/type: type must be one of string, number/,
    },
  ],
  ["enum that is not an array", { given: { enum: "a" }, want: /#\/enum: enum must be an array/ }],
  ["required that is not a list of names", { given: { required: [1] }, want: /#\/required/ }],
  [
    "a pattern that is not a regular expression",
    { given: { pattern: "[" }, want: /#\/pattern: Invalid regular expression/ },
  ],
  [
    "a patternProperties key that is not one",
    { given: { patternProperties: { "(": {} } }, want: /#\/patternProperties\/\(/ },
  ],
  [
    "draft-07's list of items",
    {
      given: { items: [{ type: "string" }] },
      want: /#\/items: items must be a schema \(a list of them is prefixItems\)/,
    },
  ],
  ["nullable: false with a null type", { given: { type: ["string", "null"], nullable: false }, want: /#\/nullable/ }],
  [
    "a subschema that is neither an object nor a boolean",
    { given: { properties: { a: 1 } }, want: /#\/properties\/a: a schema is an object or a boolean/ },
  ],
  [
    "a $ref to nothing",
    { given: { $ref: "#/$defs/Missing" }, want: /\$ref "#\/\$defs\/Missing" does not resolve inside the schema/ },
  ],
  [
    "a $ref to another document",
    {
      given: { $ref: "https://example.test/other.json" },
      want: /does not resolve inside the schema \(nothing is fetched\)/,
    },
  ],
  ["a $ref to an unknown anchor", { given: { $ref: "#nowhere" }, want: /names no anchor/ }],
  [
    "a $ref to itself",
    {
      given: { $ref: "#/$defs/A", $defs: { A: { $ref: "#/$defs/A" } } },
      want: /#\/\$defs\/A → #\/\$defs\/A apply each other to the same value without end/,
    },
  ],
  [
    "an anyOf of the root",
    { given: { anyOf: [{ $ref: "#" }, { type: "string" }] }, want: /apply each other to the same value without end/ },
  ],
  [
    "two schemas with one $id",
    { given: { $defs: { A: { $id: "a.json" }, B: { $id: "a.json", type: "string" } } }, want: /names two schemas/ },
  ],
];

describe("response-schema checker: schemas JSON Schema does not allow are refused with a TypeError", () => {
  it.each(refusals)("%s", (_name, { given, want }) => {
    expect(() => prepareResponseSchema(given)).toThrow(TypeError);
    expect(() => prepareResponseSchema(given)).toThrow(want);
  });

  it("a $ref to a $defs entry that is invalid is refused; an unused invalid one is not read", () => {
    expect(() => prepareResponseSchema({ $defs: { A: { minimum: "x" } } })).not.toThrow();
    expect(() => prepareResponseSchema({ $ref: "#/$defs/A", $defs: { A: { minimum: "x" } } })).toThrow(
      /#\/\$defs\/A\/minimum/,
    );
  });
});

describe("response-schema checker: preparation", () => {
  it("prepares a schema object once (cached by identity)", () => {
    const schema = { type: "string" };
    expect(prepareResponseSchema(schema)).toBe(prepareResponseSchema(schema));
    expect(prepareResponseSchema({ type: "string" })).not.toBe(prepareResponseSchema(schema));
  });

  it("a subobject shared by two places is checked at each with its own schema path", () => {
    const text = { type: "string" };
    expect(check({ properties: { a: text, b: text } }, { a: 1, b: 2 }).sort()).toEqual([
      "/a: must be string (#/properties/a/type)",
      "/b: must be string (#/properties/b/type)",
    ]);
  });

  it("every keyword of the table is one of the four kinds, and companions name a keyword that reads them", () => {
    for (const keyword of KEYWORDS) {
      const rule = RULES[keyword];
      expect(["assert", "companion", "annotation", "unenforced"]).toContain(rule.kind);
      if (rule.kind === "companion") expect(RULES[rule.of].kind).toBe("assert");
    }
  });
});

describe("response-schema checker: no dependencies", () => {
  it("the runtime package bundles for a browser from its sources with nothing from node_modules and no node: import", async () => {
    const result = await build({
      entryPoints: [join(PROJECT_ROOT, "packages/runtime/src/index.ts")],
      absWorkingDir: PROJECT_ROOT,
      bundle: true,
      platform: "browser",
      format: "esm",
      write: false,
      metafile: true,
      logLevel: "silent",
    });
    const outside = Object.keys(result.metafile.inputs).filter((input) => !input.startsWith("packages/runtime/"));
    expect(outside).toEqual([]);
  });
});
