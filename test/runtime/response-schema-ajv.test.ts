// The response-schema checker against ajv (Ajv2020 + ajv-formats, the setup parseStructuredOutput used before):
// for a table of schemas (Gemini-style, zod- and pydantic-style, keyword by keyword) × their own values, values built
// near each schema by fast-check (often valid, often just off: limits ±1, the other type, a missing or extra
// property, a format's near misses) and fast-check's random JSON, and for random schemas of the same keywords, the
// verdict is ajv's, and so are the errors: pointer, keyword, params, message and schema path, as multisets (the order
// is the checker's own, close to ajv's). Left out on purpose, each covered in response-schema.test.ts:
// - keywords the checker reports as not enforced (unevaluated*, $dynamicRef, formatMinimum…), and the formats it
//   does not enforce (UNENFORCED_FORMATS: iri, idn-email, uri-template, json-pointer…): no schema here uses them. A
//   describe at the end checks that such a format gives a string no verdict (only its "not checked" report) and
//   agrees with ajv on anything else;
// - values holding a string (or number) where the checker differs on purpose from ajv-formats, under a schema using
//   that format (DIFFERENCES; formats.ts's header says why). ajv-formats accepts and the checker refuses:
//   - date-time: whitespace for T (`2031-11-07 08:15:42Z`);
//   - date-time and time: an offset without its colon or its minutes (`08:15:42+0530`, `08:15:42-05`); an hour above
//     23 or a minute above 59 that ajv-formats takes for a leap second's 23:59 UTC (`24:59:30+01:00`);
//   - uuid: a urn:uuid: prefix (`urn:uuid:0c9e4a7d-51f2-4b38-9d6e-2a8f7c1e5b03`);
//   - byte: a line break (`Zm9v\n`: ajv-formats' pattern is multi-line, one line of base64 passes);
//   - int64: a whole number beyond ±2^63 (`1e19`);
//   - email: a domain label over 63 characters or a domain over 253 (`joe@aaa…a.com` with 64 a's);
//   - hostname: a trailing dot (`example.com.`); an all-digit last label (`192.0.2.1`);
//   - uri and uri-reference: after `//`, an authority that is no `[userinfo@]host[:port]` (`http://example.com:8o/`,
//     `http://a@b@example.com/`: ajv-formats can also read `//` as `/`, an empty authority and a path of anything); an
//     IP literal after a single `/` (`http:/[::1]/`, `/[::1]`: ajv-formats reads one `/` as two); a leading zero in
//     an IPv6 literal's dotted quad (`http://[::ffff:192.0.2.01]/`);
//   - uri-reference: a double quote (`/a"b`); a colon in a relative path's first segment (`1:b`, `a_b:c`: no scheme
//     starts with a digit or holds `_`).
//   ajv-formats refuses and the checker accepts:
//   - email: a one-label domain (`joe@localhost`), a quoted local part (`"joe bloggs"@example.com`), an address
//     literal (`joe@[192.0.2.1]`, `joe@[IPv6:2001:db8::1]`);
//   - uri: an empty path before a query, a fragment or the end (`mailto:?to=joe@example.com`, `about:`).
//   Only those values are not compared (everything else FORMAT_SAMPLES and FORMAT_VALUES, our own values, give those
//   formats is); a describe at the end checks that each example is one, ajv-formats on one side, the checker on the
//   other;
// - properties named like Object.prototype members in schemas (ajv reads inherited members: `required:
//   ["constructor"]` passes `{}` there); values use such keys freely;
// - numbers beyond ±1e15 (ajv's multipleOf takes parseInt of the quotient's decimal text, so 1e300 is no multiple
//   of 2 there);
// - keys `constructor`, `toString` and `valueOf` in values (ajv's deep equality for enum, const and uniqueItems reads
//   them as the methods: two objects with different own `constructor`s are never equal there, and an own `toString`
//   that is not a function throws); the other names that break naive object handling stay (`__proto__`, …);
// - schema paths through a recursive `$ref` (ajv starts them again at the referenced schema: `#/required` for
//   `#/$defs/Node/required`), an `$anchor` or an `$id`: those rows compare the rest of each error;
// - schemas ajv cannot compile or loops on (nullable without type, a $ref to itself), and values its generated code
//   throws on;
// - values holding an empty array (or one shorter than a `prefixItems`), under a schema with `contains` below its
//   root: ajv's generated code keeps verdicts in variables that such an array leaves unset. `contains` in a loop
//   (under `items`, `additionalProperties`…) then takes the previous array's verdict there
//   (`{"items":{"contains":{"type":"object"}}}` accepts `[[{}],[]]`), and in a `not` or an `if` (which ajv checks
//   without allErrors, a keyword only while the ones before it pass) `contains` beside `prefixItems` is not checked
//   when no prefix item was (`{"not":{"prefixItems":[{"minimum":0}],"contains":{}}}` rejects `[]`, though the schema
//   under `not` rejects `[]` too). A describe at the end shows both.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { Ajv2020, type ErrorObject, type ValidateFunction } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import { messageOf, prepareResponseSchema } from "../../packages/runtime/src/response-schema/index.ts";
import { json } from "./arbitraries.ts";

type Schema = Record<string, unknown> | boolean;
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (
  ajv: Ajv2020,
) => void;

const compiled = new Map<Schema, ValidateFunction>();
/** ajv as parseStructuredOutput set it up, one instance per schema (two schemas may share an $id). */
function ajvFor(schema: Schema): ValidateFunction {
  let validate = compiled.get(schema);
  if (!validate) {
    const ajv = new Ajv2020({ allErrors: true, strict: false, validateSchema: false, logger: false });
    addFormats(ajv);
    validate = ajv.compile(schema);
    compiled.set(schema, validate);
  }
  return validate;
}

/** How many values had each verdict: values built near schemas must be valid often and invalid often to test much. */
interface Tally {
  valid: number;
  invalid: number;
}
const tallies = { table: { valid: 0, invalid: 0 }, random: { valid: 0, invalid: 0 } } satisfies Record<string, Tally>;

type Comparable = [instancePath: string, keyword: string, params: unknown, message: string, schemaPath?: string];
const sorted = (errors: Comparable[]) => errors.map((e) => JSON.stringify(e)).sort();

/** What differs between the checker and ajv on one value; undefined when they agree. */
function disagreement(schema: Schema, value: unknown, withSchemaPaths = true, tally?: Tally): string | undefined {
  if (differsOnPurpose(schema, value) || hitsAjvContainsBug(schema, value)) return undefined;
  const validate = ajvFor(schema);
  let ajvValid: boolean;
  try {
    ajvValid = validate(value) as boolean;
  } catch (error) {
    // ajv's generated code can throw: patternProperties beside an `if` whose `else` has properties sets evaluated
    // properties on an object it never created; an `if` holding `not` and an anyOf of additionalProperties (or items)
    // reads the evaluated properties (or items) from a variable it never declared. No verdict to compare with.
    if (error instanceof TypeError && /Cannot set properties of undefined/.test(error.message)) return undefined;
    if (error instanceof ReferenceError && /^(?:props|items)\d+ is not defined$/.test(error.message)) return undefined;
    throw error;
  }
  const pick = (e: Comparable): Comparable => (withSchemaPaths ? e : [e[0], e[1], e[2], e[3]]);
  const theirs = sorted(
    (validate.errors ?? []).map((e: ErrorObject) =>
      pick([e.instancePath, e.keyword, e.params, e.message ?? "", e.schemaPath]),
    ),
  );
  const errors = prepareResponseSchema(schema).check(value);
  const ours = sorted(errors.map((e) => pick([e.instancePath, e.keyword, e.params, messageOf(e), e.schemaPath])));
  if (tally) tally[ajvValid ? "valid" : "invalid"]++;
  if (ajvValid !== (errors.length === 0))
    return `verdict: ajv ${ajvValid ? "valid" : "invalid"}, checker ${errors.length === 0 ? "valid" : "invalid"}\n  ajv: ${theirs.join("\n       ")}\n  ours: ${ours.join("\n        ")}`;
  if (JSON.stringify(theirs) !== JSON.stringify(ours))
    return `errors:\n  ajv: ${theirs.join("\n       ")}\n  ours: ${ours.join("\n        ")}`;
  return undefined;
}

const expectAgreement = (schema: Schema, value: unknown, withSchemaPaths = true) => {
  const d = disagreement(schema, value, withSchemaPaths);
  if (d !== undefined) expect.fail(`${JSON.stringify(schema)}\nvalue ${JSON.stringify(value)}\n${d}`);
};

/** Keys ajv's deep equality reads as methods (see the header), renamed. */
const METHOD_KEYS = new Set(["constructor", "toString", "valueOf"]);

/** Numbers beyond ±1e15 brought back to ±1e15, keys ajv's deep equality trips on renamed (see the header). */
function tame(value: unknown): unknown {
  if (typeof value === "number") return Math.abs(value) > 1e15 ? Math.sign(value) * 1e15 : value;
  if (Array.isArray(value)) return value.map(tame);
  if (typeof value === "object" && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value))
      Object.defineProperty(out, METHOD_KEYS.has(k) ? `${k}_` : k, {
        value: tame(v),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    return out;
  }
  return value;
}
const tameJson = json.map(tame);

// ---------------------------------------------------------------------------------------------------------------
// Formats: what each side checks, and where they differ on purpose.

/** Hand-picked values for the formats the checker enforces: inside, on the edge, just outside. */
const FORMAT_SAMPLES: Record<string, unknown[]> = {
  "date-time": [
    "2031-11-07T08:15:42Z",
    "2031-11-07t08:15:42.5-03:30",
    "2031-11-07T08:15:42",
    "2031-11-31T08:15:42Z",
    "2016-12-31T23:59:60Z",
    "2016-12-31T23:59:60+01:00",
    "2031-11-07",
    "soon",
  ],
  date: ["2028-02-29", "2027-02-29", "2100-02-29", "2027-13-01", "2027-6-05", "2027-09-31", "2027-12-31"],
  time: ["08:15:42Z", "08:15:42.25+01:00", "08:15:42", "24:00:00Z", "23:59:60Z", "12:59:60Z", "08:15:42-24:00"],
  duration: ["P3D", "PT2H15M", "P", "PT", "P6W", "P1Y6W", "P1D1Y", "P12", "P1DT5"],
  uuid: [
    "0c9e4a7d-51f2-4b38-9d6e-2a8f7c1e5b03",
    "0c9e4a7d51f24b389d6e2a8f7c1e5b03",
    "0c9e4a7d-51f2-4b38-9d6e-2a8f7c1e5b0g",
  ],
  ipv4: ["10.0.255.7", "256.1.2.3", "10.0.0", "10.0.0.07"],
  byte: ["Zm9v", "Zm8=", "Zg", "Z===", "***="],
  int32: [0, 2 ** 31 - 1, 2 ** 31, -(2 ** 31), 7.5, "7"],
  int64: [2 ** 53, 7.5],
  ipv6: [
    "2001:db8::ff00:42:8329",
    "::",
    "::ffff:192.0.2.128",
    "1:2:3:4:5:6:7::",
    "1:2:3:4:5:6:7",
    "2001::db8::1",
    "::ffff:192.0.2.01",
    "fe80::1%eth0",
    "[::1]",
  ],
  hostname: [
    "www.example.com",
    "localhost",
    "xn--bcher-kva.example",
    `${"a".repeat(63)}.example`,
    `${"a".repeat(64)}.example`,
    "host-.example",
    "my_host",
    "",
    "www.example.com.",
    "192.0.2.1",
  ],
  email: [
    "joe.bloggs@example.com",
    "!#$%&'*+-/=?^_`{|}~@example.com",
    "joe..bloggs@example.com",
    ".joe@example.com",
    "joe@-example.com",
    "joe@example",
    '"joe bloggs"@example.com',
    "joe@[192.0.2.1]",
    "joe@home@example.com",
    "Joe <joe@example.com>",
  ],
  uri: [
    "https://user@www.example.com:8080/a/b%20c?q=1#frag",
    "urn:isbn:0451450523",
    "http://[2001:db8::7]/",
    "http://[v1.x]/",
    "//example.com/a",
    "a/b",
    "1a:b",
    "http://example.com/%4g",
    "http://example.com:8o/",
    "http://[::1/",
    "about:",
    "mailto:?to=joe@example.com",
  ],
  "uri-reference": [
    "https://example.com/a?b#c",
    "",
    "//example.com/a",
    "./a:b",
    "?q=1",
    "#top",
    "a_b:c",
    '/a"b',
    "/a b",
    "/100%",
    "/[::1]",
  ],
};

const pad = (n: number, width: number) => String(n).padStart(width, "0");
const digits = fc.string({ unit: fc.constantFrom(..."0123456789"), minLength: 1, maxLength: 4 });
/** An offset in minutes east of UTC, as RFC 3339 writes it. */
const offsetText = (minutes: number) =>
  `${minutes < 0 ? "-" : "+"}${pad(Math.floor(Math.abs(minutes) / 60), 2)}:${pad(Math.abs(minutes) % 60, 2)}`;
const leapYearish = fc.oneof(fc.integer({ min: 0, max: 9999 }), fc.constantFrom(1900, 2000, 2027, 2028, 2100, 2400));
const dateText = fc
  .tuple(
    leapYearish,
    fc.integer({ min: 0, max: 13 }),
    fc.oneof(fc.integer({ min: 0, max: 32 }), fc.constantFrom(28, 29, 30, 31)),
  )
  .map(([y, m, d]) => `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`);
const offset = fc.oneof(
  fc.constantFrom("Z", "z", ""),
  fc
    .tuple(fc.constantFrom("+", "-"), fc.integer({ min: 0, max: 24 }), fc.integer({ min: 0, max: 60 }))
    .map(([sign, h, m]) => `${sign}${pad(h, 2)}:${pad(m, 2)}`),
);
const ordinaryTime = fc
  .tuple(
    fc.integer({ min: 0, max: 24 }),
    fc.integer({ min: 0, max: 60 }),
    fc.oneof(fc.integer({ min: 0, max: 59 }), fc.constantFrom(59, 60, 61)),
    fc.option(fc.oneof(digits, fc.constant("")), { nil: undefined }),
    offset,
  )
  .map(
    ([h, m, s, fraction, tz]) =>
      `${pad(h, 2)}:${pad(m, 2)}:${pad(s, 2)}${fraction === undefined ? "" : `.${fraction}`}${tz}`,
  );
/** Second 60 at 23:59 UTC written at some offset, or a minute off it. */
const leapSecondTime = fc
  .tuple(fc.integer({ min: -(24 * 60 - 1), max: 24 * 60 - 1 }), fc.constantFrom(-1, 0, 0, 1))
  .map(([off, miss]) => {
    const local = (((23 * 60 + 59 + off + miss) % 1440) + 1440) % 1440;
    return `${pad(Math.floor(local / 60), 2)}:${pad(local % 60, 2)}:60${offsetText(off)}`;
  });
const timeText = fc.oneof({ weight: 3, arbitrary: ordinaryTime }, { weight: 1, arbitrary: leapSecondTime });
const durationText = fc.oneof(
  fc
    .tuple(fc.subarray(["Y", "M", "D"]), fc.option(fc.subarray(["H", "M", "S"]), { nil: undefined }), fc.nat(40))
    .map(
      ([date, time, n]) =>
        `P${date.map((u) => `${n}${u}`).join("")}${time === undefined ? "" : `T${time.map((u) => `${n}${u}`).join("")}`}`,
    ),
  fc
    .array(
      fc.oneof(
        fc.constantFrom("T", "W", "1.5D", "7"),
        fc.tuple(fc.nat(9), fc.constantFrom(..."YMDWHMS")).map(([n, u]) => `${n}${u}`),
      ),
      { maxLength: 4 },
    )
    .map((parts) => `P${parts.join("")}`),
);
const hexGroup = (length: number) =>
  fc.string({ unit: fc.constantFrom(..."0123456789abcdefABCDEF"), minLength: length, maxLength: length });
const uuidText = fc
  .tuple(
    fc.tuple(hexGroup(8), hexGroup(4), hexGroup(4), hexGroup(4), hexGroup(12)),
    fc.constantFrom("", "", "", "short", "g", "nohyphen"),
  )
  .map(([groups, damage]) => {
    const text = groups.join("-");
    return damage === "short"
      ? text.slice(1)
      : damage === "g"
        ? `${text.slice(0, -1)}g`
        : damage === "nohyphen"
          ? groups.join("")
          : text;
  });
const octet = fc.oneof(
  { weight: 12, arbitrary: fc.integer({ min: 0, max: 255 }).map(String) },
  fc.integer({ min: 256, max: 999 }).map(String),
  fc.nat(9).map((n) => `0${n}`),
  fc.constant(""),
);
const ipv4Text = fc
  .oneof(
    { weight: 4, arbitrary: fc.array(octet, { minLength: 4, maxLength: 4 }) },
    fc.array(octet, { minLength: 3, maxLength: 5 }),
  )
  .map((parts) => parts.join("."));
const base64Text = fc
  .tuple(fc.uint8Array({ maxLength: 7 }), fc.constantFrom("", "", "drop", "dash", "pad"))
  .map(([bytes, damage]) => {
    const text = Buffer.from(bytes).toString("base64");
    return damage === "drop"
      ? text.slice(0, -1)
      : damage === "dash"
        ? text.replace(/[+/A]/, "-")
        : damage === "pad"
          ? `${text}=`
          : text;
  });

const ALNUM = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
const textOf = (alphabet: string, minLength: number, maxLength: number) =>
  fc.string({ unit: fc.constantFrom(...alphabet), minLength, maxLength });
/** Characters that matter to the host, mailbox and URI grammars, and a few that appear in none. */
const ONE_OFF = [...':/@.-[]%#?" \\é0aZ_~!<\n'];
/** `text` with one character inserted, removed or replaced at any place. */
const oneCharOff = (text: fc.Arbitrary<string>) =>
  fc
    .tuple(text, fc.nat(), fc.constantFrom(...ONE_OFF), fc.constantFrom("insert", "remove", "replace"))
    .map(([s, at, c, how]) => {
      const i = at % (s.length + 1);
      return how === "insert"
        ? s.slice(0, i) + c + s.slice(i)
        : s.slice(0, i) + (how === "replace" ? c : "") + s.slice(i + 1);
    });
/** Values built valid, and as often the same just off by one character. */
const validOrOneOff = (valid: fc.Arbitrary<string>) => fc.oneof(valid, oneCharOff(valid));

const ldhLabel = fc.oneof(
  {
    weight: 8,
    arbitrary: fc
      .tuple(textOf(ALNUM, 1, 1), textOf(`${ALNUM}-`, 0, 6), textOf(ALNUM, 1, 1))
      .map((parts) => parts.join("")),
  },
  { weight: 3, arbitrary: textOf(ALNUM, 1, 3) },
  { weight: 1, arbitrary: fc.constantFrom("a".repeat(63), "b".repeat(64), "xn--bcher-kva", "123") },
);
const hostnameText = fc.array(ldhLabel, { minLength: 1, maxLength: 4 }).map((labels) => labels.join("."));
const dottedQuad = fc
  .array(fc.integer({ min: 0, max: 255 }), { minLength: 4, maxLength: 4 })
  .map((parts) => parts.join("."));
/** Eight groups (the last two a dotted quad now and then), a run of them written `::` now and then. */
const ipv6Text = fc
  .tuple(
    fc.array(
      hexGroup(4).map((g) => g.replace(/^0+(?=.)/, "")),
      { minLength: 8, maxLength: 8 },
    ),
    fc.boolean(),
    dottedQuad,
    fc.option(fc.tuple(fc.nat(7), fc.integer({ min: 1, max: 8 })), { nil: undefined }),
  )
  .map(([groups, quad, ipv4, elided]) => {
    const parts = quad ? [...groups.slice(0, 6), ipv4] : groups;
    if (elided === undefined) return parts.join(":");
    const [from, length] = elided;
    return `${parts.slice(0, from).join(":")}::${parts.slice(from + length).join(":")}`;
  });
const ATEXT = `${ALNUM}!#$%&'*+-/=?^_\`{|}~`;
const localPart = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.array(textOf(ATEXT, 1, 5), { minLength: 1, maxLength: 3 }).map((atoms) => atoms.join(".")),
  },
  {
    weight: 1,
    arbitrary: fc
      .array(fc.oneof(textOf(`${ALNUM} @.,;:()<>[]`, 1, 1), fc.constantFrom('\\"', "\\\\", "\\a")), { maxLength: 5 })
      .map((parts) => `"${parts.join("")}"`),
  },
);
const mailDomain = fc.oneof(
  { weight: 8, arbitrary: fc.array(ldhLabel, { minLength: 2, maxLength: 4 }).map((labels) => labels.join(".")) },
  { weight: 1, arbitrary: ldhLabel },
  {
    weight: 1,
    arbitrary: fc.oneof(
      dottedQuad.map((q) => `[${q}]`),
      ipv6Text.map((a) => `[IPv6:${a}]`),
    ),
  },
);
const emailText = fc.tuple(localPart, mailDomain).map(([local, domain]) => `${local}@${domain}`);
const UNRESERVED = `${ALNUM}-._~`;
const SUB_DELIMS = "!$&'()*+,;=";
/** Characters of `alphabet` and percent-encodings. */
const encodedText = (alphabet: string, maxLength: number) =>
  fc
    .array(
      fc.oneof(
        { weight: 6, arbitrary: textOf(alphabet, 1, 1) },
        hexGroup(2).map((hex) => `%${hex}`),
      ),
      { maxLength },
    )
    .map((parts) => parts.join(""));
const uriHost = fc.oneof(
  { weight: 4, arbitrary: hostnameText },
  dottedQuad,
  ipv6Text.map((a) => `[${a}]`),
  fc.constantFrom("[v1.x:y]", "[V7.a]", ""),
  encodedText(UNRESERVED + SUB_DELIMS, 5),
);
const authority = fc
  .tuple(
    fc.option(encodedText(`${UNRESERVED}${SUB_DELIMS}:`, 5), { nil: undefined }),
    uriHost,
    fc.option(textOf("0123456789", 0, 5), { nil: undefined }),
  )
  .map(
    ([userinfo, host, port]) =>
      `${userinfo === undefined ? "" : `${userinfo}@`}${host}${port === undefined ? "" : `:${port}`}`,
  );
const segments = fc
  .array(encodedText(`${UNRESERVED}${SUB_DELIMS}:@`, 5), { maxLength: 4 })
  .map((parts) => parts.join("/"));
const pathForms = fc.oneof(
  fc.tuple(authority, segments).map(([a, p]) => `//${a}${p === "" ? "" : `/${p}`}`),
  segments.map((p) => `/${p}`),
  segments,
);
const queryOrFragment = fc.option(encodedText(`${UNRESERVED}${SUB_DELIMS}:@/?`, 6), { nil: undefined });
const afterPath = fc
  .tuple(queryOrFragment, queryOrFragment)
  .map(([q, f]) => `${q === undefined ? "" : `?${q}`}${f === undefined ? "" : `#${f}`}`);
const scheme = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom("http", "https", "urn", "mailto") },
  fc.tuple(textOf("abcXYZ", 1, 1), textOf("abz09+-.", 0, 4)).map(([first, rest]) => first + rest),
);
const uriText = fc.tuple(scheme, pathForms, afterPath).map(([s, path, after]) => `${s}:${path}${after}`);
const uriReferenceText = fc.oneof(
  uriText,
  fc.tuple(pathForms, afterPath).map(([path, after]) => path + after),
);

/** Generated values for the formats the checker enforces, valid and just off about as often. */
const FORMAT_VALUES: Record<string, fc.Arbitrary<string>> = {
  "date-time": fc.tuple(dateText, fc.constantFrom("T", "t", "T", "x"), timeText).map((parts) => parts.join("")),
  date: dateText,
  time: timeText,
  duration: durationText,
  uuid: uuidText,
  ipv4: ipv4Text,
  byte: base64Text,
  ipv6: validOrOneOff(ipv6Text),
  hostname: validOrOneOff(hostnameText),
  email: validOrOneOff(emailText),
  uri: validOrOneOff(uriText),
  "uri-reference": validOrOneOff(uriReferenceText),
};
// Builders for fc.gen(), one function per format (it caches by builder and arguments).
const FORMAT_BUILDERS: Record<string, () => fc.Arbitrary<string>> = Object.fromEntries(
  Object.entries(FORMAT_VALUES).map(([format, arbitrary]) => [format, () => arbitrary]),
);

/** Formats that constrain nothing a JSON value shows (Gemini's `enum` is unknown to ajv-formats, so ignored there). */
const ANNOTATION_FORMATS = ["float", "double", "password", "binary", "enum"];

/** The formats the checker does not enforce: left out of the comparison (see the header), checked on their own below. */
const UNENFORCED_FORMATS = [
  "idn-email",
  "idn-hostname",
  "iri",
  "iri-reference",
  "uri-template",
  "json-pointer",
  "relative-json-pointer",
  "regex",
  "iso-time",
  "iso-date-time",
  "url",
  "json-pointer-uri-fragment",
];

const TIME_AT = /(?:^|[Tt\s])(\d\d):(\d\d):\d\d/;

/** A test of strings, false for other values. */
const onText = (test: (s: string) => boolean) => (v: unknown) => typeof v === "string" && test(v);
const SCHEME_COLON = "[A-Za-z][A-Za-z0-9+.-]*:";
/** The domain of what may be an email address: after its last @. */
const domainOf = (s: string) => s.slice(s.lastIndexOf("@") + 1);
/** The authority after `//` at the start (after a scheme, which `uri` needs), or undefined. */
const authorityOf = (format: string, s: string) =>
  new RegExp(`^(?:${SCHEME_COLON})${format === "uri" ? "" : "?"}//([^/?#]*)`).exec(s)?.[1];

interface Difference {
  format: string;
  what: string;
  /** What ajv-formats says of the examples; the checker says the opposite. */
  ajvFormats: "accepts" | "refuses";
  /** Does a value fall where the two differ? Such values are not compared. */
  applies: (value: unknown) => boolean;
  examples: unknown[];
}

/** Where the checker differs on purpose from ajv-formats (formats.ts's header says why), with examples. */
const DIFFERENCES: Difference[] = [
  {
    ajvFormats: "accepts",
    format: "date-time",
    what: "whitespace for T (RFC 3339's grammar has T or t)",
    applies: (v) => typeof v === "string" && /^\d{4}-\d\d-\d\d\s/.test(v),
    examples: ["2031-11-07 08:15:42Z", "2031-11-07\t08:15:42Z"],
  },
  ...["time", "date-time"].map((format): Difference => ({
    ajvFormats: "accepts",
    format,
    what: "an offset without its colon or its minutes (RFC 3339 has ±hh:mm)",
    applies: (v) => typeof v === "string" && /\d\d:\d\d:\d\d(?:\.\d*)?[+-]\d\d(?:\d\d)?$/.test(v),
    examples: [
      `${format === "time" ? "" : "2031-11-07T"}08:15:42+0530`,
      `${format === "time" ? "" : "2031-11-07T"}08:15:42-05`,
    ],
  })),
  ...["time", "date-time"].map((format): Difference => ({
    ajvFormats: "accepts",
    format,
    what: "an hour above 23 or a minute above 59 that ajv-formats takes for a leap second's 23:59 UTC",
    applies: (v) => {
      const m = typeof v === "string" ? TIME_AT.exec(v) : null;
      return m !== null && (Number(m[1]) > 23 || Number(m[2]) > 59);
    },
    examples: [
      `${format === "time" ? "" : "2031-11-07T"}24:59:30+01:00`,
      `${format === "time" ? "" : "2031-11-07T"}23:60:00+00:01`,
    ],
  })),
  {
    ajvFormats: "accepts",
    format: "uuid",
    what: "a urn:uuid: prefix (RFC 4122's string form has none)",
    applies: (v) => typeof v === "string" && /^urn:uuid:/i.test(v),
    examples: ["urn:uuid:0c9e4a7d-51f2-4b38-9d6e-2a8f7c1e5b03"],
  },
  {
    ajvFormats: "accepts",
    format: "byte",
    what: "a line break (ajv-formats' pattern is multi-line: one line of base64, even an empty one, passes)",
    applies: (v) => typeof v === "string" && /[\n\r\u2028\u2029]/.test(v),
    examples: ["!!!\nZm9v", "Zm9v\n"],
  },
  {
    ajvFormats: "accepts",
    format: "int64",
    what: "a whole number beyond ±2^63 (ajv-formats takes any whole number)",
    applies: (v) => typeof v === "number" && Math.abs(v) > 2 ** 63,
    examples: [1e19, -1e20],
  },
  {
    ajvFormats: "accepts",
    format: "email",
    what: "a domain label over 63 characters or a domain over 253 (the DNS's limits; ajv-formats has none)",
    applies: onText(
      (v) =>
        v.includes("@") &&
        (domainOf(v).length > 253 ||
          domainOf(v)
            .split(".")
            .some((label) => label.length > 63)),
    ),
    examples: [`joe@${"a".repeat(64)}.com`, `joe@${Array.from({ length: 4 }, () => "a".repeat(63)).join(".")}`],
  },
  {
    ajvFormats: "refuses",
    format: "email",
    what: "a one-label domain (RFC 5321's Domain is one label or more; ajv-formats wants two)",
    applies: onText((v) => v.includes("@") && /^[^.[\]]*$/.test(domainOf(v))),
    examples: ["joe@localhost", "root@mailhost"],
  },
  {
    ajvFormats: "refuses",
    format: "email",
    what: "a quoted local part (RFC 5321's Quoted-string)",
    applies: onText((v) => v.startsWith('"')),
    examples: ['"joe bloggs"@example.com', '"joe@home"@example.com', '""@example.com'],
  },
  {
    ajvFormats: "refuses",
    format: "email",
    what: "an address literal (RFC 5321's IPv4 and IPv6 ones)",
    applies: onText((v) => v.includes("@[")),
    examples: ["joe@[192.0.2.1]", "joe@[IPv6:2001:db8::1]"],
  },
  {
    ajvFormats: "accepts",
    format: "hostname",
    what: "a trailing dot (RFC 1123's grammar has none; ajv-formats takes the DNS's absolute name)",
    applies: onText((v) => v.endsWith(".")),
    examples: ["example.com.", "localhost."],
  },
  {
    ajvFormats: "accepts",
    format: "hostname",
    what: "an all-digit last label (RFC 1123: the highest-level label is never all digits)",
    applies: onText((v) => /(?:^|\.)[0-9]+\.?$/.test(v)),
    examples: ["192.0.2.1", "123", "host.42"],
  },
  {
    ajvFormats: "refuses",
    format: "uri",
    what: "an empty path before a query, a fragment or the end (RFC 3986's path-empty; ajv-formats wants a path or an authority)",
    applies: onText((v) => new RegExp(`^${SCHEME_COLON}(?:[?#]|$)`).test(v)),
    examples: ["mailto:?to=joe@example.com", "about:", "about:#top"],
  },
  ...["uri", "uri-reference"].flatMap((format): Difference[] => [
    {
      ajvFormats: "accepts",
      format,
      what: "after //, an authority that is no [userinfo@]host[:port] (ajv-formats can also read // as /, an empty authority and a path)",
      applies: onText((v) => {
        const authority = authorityOf(format, v);
        return (
          authority !== undefined && !authority.includes("[") && !/^(?:[^@]*@)?[^@:]*(?::[0-9]*)?$/.test(authority)
        );
      }),
      examples: ["http://example.com:8o/", "http://a@b@example.com/", "http://a:b:c/"],
    },
    {
      ajvFormats: "accepts",
      format,
      what: "an IP literal after a single / (brackets are no path characters; ajv-formats reads one / as two)",
      applies: onText((v) => new RegExp(`^(?:${SCHEME_COLON})${format === "uri" ? "" : "?"}/(?!/)[^/?#]*\\[`).test(v)),
      examples: format === "uri" ? ["http:/[::1]/", "http:/u@[v1.x]/"] : ["/[::1]", "http:/[::1]/"],
    },
    {
      ajvFormats: "accepts",
      format,
      what: "a leading zero in an IPv6 literal's dotted quad (RFC 3986's dec-octet has none)",
      applies: onText((v) => /\[[0-9A-Fa-f:]*:(?:[0-9]{1,3}\.){0,3}0[0-9]/.test(v)),
      examples: ["http://[::ffff:192.0.2.01]/", "http://[::ffff:010.0.2.1]/"],
    },
  ]),
  {
    ajvFormats: "accepts",
    format: "uri-reference",
    what: "a double quote (in no component of RFC 3986's grammar)",
    applies: onText((v) => v.includes('"')),
    examples: ['/a"b', '?q="x"', 'http://example.com/#"'],
  },
  {
    ajvFormats: "accepts",
    format: "uri-reference",
    what: "a colon in a relative path's first segment (it would read as a scheme, and none starts with a digit or holds _)",
    applies: onText((v) => /^[^/?#]*:/.test(v) && !new RegExp(`^${SCHEME_COLON}`).test(v)),
    examples: ["1:b", "a_b:c", ":a"],
  },
];

/** The format names a schema uses anywhere (a property named `format` counts too: it only widens what is skipped). */
const formatsOf = new Map<Schema, Set<string>>();
function formatsIn(schema: Schema): Set<string> {
  let found = formatsOf.get(schema);
  if (!found) {
    const names = new Set<string>();
    const walk = (node: unknown) => {
      if (Array.isArray(node)) node.forEach(walk);
      else if (typeof node === "object" && node !== null)
        for (const [k, v] of Object.entries(node)) {
          if (k === "format" && typeof v === "string") names.add(v);
          walk(v);
        }
    };
    walk(schema);
    found = names;
    formatsOf.set(schema, found);
  }
  return found;
}

/** Does `value` hold a string or number where the checker differs from ajv-formats on purpose, for a format the schema uses? */
function differsOnPurpose(schema: Schema, value: unknown): boolean {
  const differences = DIFFERENCES.filter((d) => formatsIn(schema).has(d.format));
  if (differences.length === 0) return false;
  const holds = (v: unknown): boolean =>
    differences.some((d) => d.applies(v)) ||
    (Array.isArray(v)
      ? v.some(holds)
      : typeof v === "object" && v !== null && (Object.keys(v).some(holds) || Object.values(v).some(holds)));
  return holds(value);
}

/**
 * The length under which an array may meet ajv's misjudged `contains` (the header says why): 0 for a schema without
 * `contains` below its root object, otherwise 1 (an empty array), or more for a longer `prefixItems` anywhere.
 */
const containsBugLengths = new Map<Schema, number>();
function containsBugLength(schema: Schema): number {
  let length = containsBugLengths.get(schema);
  if (length === undefined) {
    let nested = false;
    let longestPrefix = 0;
    // Properties named `contains` or `prefixItems` count too: they only widen what is skipped.
    const walk = (node: unknown, depth: number): void => {
      if (Array.isArray(node)) return node.forEach((item) => walk(item, depth));
      if (typeof node !== "object" || node === null) return;
      const object = node as Record<string, unknown>;
      if (depth > 0 && "contains" in object) nested = true;
      if (Array.isArray(object["prefixItems"])) longestPrefix = Math.max(longestPrefix, object["prefixItems"].length);
      for (const value of Object.values(object)) walk(value, depth + 1);
    };
    walk(schema, 0);
    length = nested ? Math.max(1, longestPrefix) : 0;
    containsBugLengths.set(schema, length);
  }
  return length;
}

/** Does `value` hold an array short enough to meet ajv's misjudged `contains` under the schema? */
function hitsAjvContainsBug(schema: Schema, value: unknown): boolean {
  const limit = containsBugLength(schema);
  const holdsShortArray = (v: unknown): boolean =>
    Array.isArray(v)
      ? v.length < limit || v.some(holdsShortArray)
      : typeof v === "object" && v !== null && Object.values(v).some(holdsShortArray);
  return limit > 0 && holdsShortArray(value);
}

// ---------------------------------------------------------------------------------------------------------------
// Values near a schema.

const STRINGS = ["", "a", "ab", "abc", "abcd", "é", "😀", "😀😀", "123", "A1", "bb", "x-y"];
const NUMBERS = [0, -0, 1, -1, 2, 3, 0.5, 1.5, 0.3, 0.1, 7, 9, 10, -5, 2 ** 31, 1e15];

type Gen = fc.GeneratorValue;
const anyJson = () => tameJson;

/** A value built from `schema`: usually near what it asks (and as often just outside it), now and then anything. */
function near(schema: unknown, g: Gen, defs: Record<string, unknown>, depth = 0): unknown {
  if (typeof schema !== "object" || schema === null || depth > 4 || g(fc.integer, { min: 0, max: 11 }) === 0)
    return g(anyJson);
  const s = schema as Record<string, unknown>;
  if (typeof s["$ref"] === "string") {
    const name = /^#\/\$defs\/(.+)$/.exec(s["$ref"])?.[1];
    if (name && defs[name] !== undefined && g(fc.boolean)) return near(defs[name], g, defs, depth + 1);
  }
  const pick = <T>(items: readonly T[]): T => items[g(fc.integer, { min: 0, max: items.length - 1 })]!;
  for (const keyword of ["anyOf", "oneOf", "allOf"])
    if (Array.isArray(s[keyword]) && (s[keyword] as unknown[]).length > 0 && g(fc.boolean))
      return near(pick(s[keyword] as unknown[]), g, defs, depth + 1);
  if (Array.isArray(s["enum"]) && (s["enum"] as unknown[]).length > 0 && g(fc.integer, { min: 0, max: 3 }) > 0)
    return pick(s["enum"] as unknown[]);
  if ("const" in s && g(fc.boolean)) return s["const"];
  const declared =
    typeof s["type"] === "string" ? [s["type"]] : Array.isArray(s["type"]) ? (s["type"] as string[]) : [];
  const implied =
    "properties" in s ||
    "required" in s ||
    "additionalProperties" in s ||
    "patternProperties" in s ||
    "propertyNames" in s
      ? ["object"]
      : "items" in s || "prefixItems" in s || "contains" in s || "minItems" in s || "uniqueItems" in s
        ? ["array"]
        : "minLength" in s || "maxLength" in s || "pattern" in s || "format" in s
          ? ["string"]
          : "minimum" in s || "maximum" in s || "multipleOf" in s || "exclusiveMinimum" in s || "exclusiveMaximum" in s
            ? ["number"]
            : [];
  const types = [...declared, ...implied];
  const type =
    types.length > 0 && g(fc.integer, { min: 0, max: 5 }) > 0
      ? pick(types)
      : pick(["string", "number", "integer", "boolean", "object", "array", "null"]);
  switch (type) {
    case "null":
      return null;
    case "boolean":
      return g(fc.boolean);
    case "string": {
      const format = typeof s["format"] === "string" ? s["format"] : undefined;
      if (format !== undefined && g(fc.boolean)) {
        const builder = FORMAT_BUILDERS[format];
        if (builder && g(fc.boolean)) return g(builder);
        const samples = FORMAT_SAMPLES[format];
        if (samples) return pick(samples);
      }
      return g(fc.boolean) ? pick(STRINGS) : g(fc.string, { maxLength: 6 });
    }
    case "number":
    case "integer": {
      const limits = ["minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf"]
        .map((k) => s[k])
        .filter((n): n is number => typeof n === "number");
      const around = limits.flatMap((n) => [n, n - 1, n + 1, n - 0.5, n + 0.5, n * 3]);
      const format =
        typeof s["format"] === "string" ? FORMAT_SAMPLES[s["format"]]?.filter((x) => typeof x === "number") : undefined;
      const roll = g(fc.integer, { min: 0, max: 3 });
      if (roll === 0 && around.length > 0) return pick(around);
      if (roll === 1 && format && format.length > 0) return pick(format);
      return roll === 2 ? g(fc.double, { min: -1e6, max: 1e6, noNaN: true }) : pick(NUMBERS);
    }
    case "array": {
      const prefix = Array.isArray(s["prefixItems"]) ? (s["prefixItems"] as unknown[]) : [];
      const limits = [s["minItems"], s["maxItems"], s["minContains"], s["maxContains"]].filter(
        (n): n is number => typeof n === "number",
      );
      const length =
        limits.length > 0 && g(fc.boolean)
          ? Math.max(0, pick(limits) + g(fc.integer, { min: -1, max: 1 }))
          : g(fc.integer, { min: 0, max: 4 });
      const items = Array.from({ length }, (_, i) =>
        near(
          i < prefix.length ? prefix[i] : g(fc.boolean) && "contains" in s ? s["contains"] : s["items"],
          g,
          defs,
          depth + 1,
        ),
      );
      if (s["uniqueItems"] === true && items.length > 0 && g(fc.boolean)) items.push(pick(items));
      return items;
    }
    case "object": {
      const properties = (
        typeof s["properties"] === "object" && s["properties"] !== null ? s["properties"] : {}
      ) as Record<string, unknown>;
      const required = Array.isArray(s["required"]) ? (s["required"] as string[]) : [];
      const out: Record<string, unknown> = {};
      const names = [
        ...new Set([
          ...Object.keys(properties),
          ...required,
          ...Object.keys((s["dependentRequired"] as object) ?? {}),
          ...Object.keys((s["dependentSchemas"] as object) ?? {}),
        ]),
      ];
      for (const name of names)
        if (g(fc.integer, { min: 0, max: 4 }) > 0) out[name] = near(properties[name], g, defs, depth + 1);
      const extra = g(fc.integer, { min: 0, max: 2 });
      for (let i = 0; i < extra; i++)
        out[g(fc.constantFrom, "a", "b", "x-1", "zz", "prototype", "__proto__")] = near(
          s["additionalProperties"],
          g,
          defs,
          depth + 1,
        );
      return JSON.parse(JSON.stringify(out)) as unknown;
    }
    default:
      return g(anyJson);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// The table.

const recipe = {
  type: "object",
  title: "Recipe",
  properties: {
    name: { type: "string", description: "Its name" },
    minutes: { type: "integer", minimum: 1, maximum: 600 },
    tags: { type: "array", items: { type: "string", enum: ["quick", "vegan"] }, minItems: 1, maxItems: 3 },
    when: { anyOf: [{ type: "string", format: "date-time" }, { type: "null" }] },
    steps: { type: "array", prefixItems: [{ type: "string" }, { type: "integer" }], items: false },
  },
  required: ["name", "minutes"],
  additionalProperties: false,
  propertyOrdering: ["name", "minutes", "tags", "when", "steps"],
};

/** As zod's toJSONSchema writes them: $defs, anyOf with null, const, additionalProperties: false, pattern. */
const zodLike = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  type: "object",
  properties: {
    kind: { type: "string", const: "order" },
    id: { type: "string", format: "uuid" },
    // z.email() writes a pattern beside the format (zod's own, a narrower one here).
    email: { type: "string", format: "email", pattern: "^[^@]+@[^@]+$" },
    site: { type: "string", format: "uri" },
    placed: { type: "string", format: "date-time" },
    total: { type: "number", exclusiveMinimum: 0, multipleOf: 0.5 },
    items: { type: "array", items: { $ref: "#/$defs/Item" }, minItems: 1 },
    note: { anyOf: [{ type: "string", maxLength: 5 }, { type: "null" }] },
    meta: {
      type: "object",
      propertyNames: { pattern: "^[a-z]+$" },
      additionalProperties: { type: ["string", "number"] },
    },
  },
  required: ["kind", "id", "items"],
  additionalProperties: false,
  $defs: {
    Item: {
      type: "object",
      properties: { sku: { type: "string", minLength: 2 }, qty: { type: "integer", minimum: 1 } },
      required: ["sku", "qty"],
      additionalProperties: false,
    },
  },
};

/** As pydantic writes them: titles everywhere, definitions in $defs, Optional as anyOf, dates, enums by $ref. */
const pydanticLike = {
  title: "Event",
  type: "object",
  properties: {
    title: { title: "Title", type: "string" },
    contact: { title: "Contact", type: "string", format: "email" },
    homepage: {
      anyOf: [{ type: "string", format: "uri", minLength: 1, maxLength: 2083 }, { type: "null" }],
      default: null,
      title: "Homepage",
    },
    day: { title: "Day", type: "string", format: "date" },
    at: { anyOf: [{ type: "string", format: "time" }, { type: "null" }], default: null, title: "At" },
    status: { $ref: "#/$defs/Status" },
    people: { title: "People", type: "array", items: { $ref: "#/$defs/Person" }, uniqueItems: true },
  },
  required: ["title", "day", "status"],
  $defs: {
    Status: { title: "Status", type: "string", enum: ["planned", "done"] },
    Person: {
      title: "Person",
      type: "object",
      properties: { name: { type: "string" }, age: { type: "integer", minimum: 0 } },
      required: ["name"],
    },
  },
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

type TableRow = [string, { schema: Schema; values: unknown[]; schemaPaths?: false }];

const table: TableRow[] = [
  [
    "recipe (Gemini)",
    {
      schema: recipe,
      values: [
        { name: "Soup", minutes: 20 },
        { name: 1, minutes: 0, tags: [], when: "x", steps: ["a", 1, 2], extra: 1 },
        { steps: [1, "a"] },
      ],
    },
  ],
  [
    "zod-like",
    {
      schema: zodLike,
      values: [
        {
          kind: "order",
          id: "0c9e4a7d-51f2-4b38-9d6e-2a8f7c1e5b03",
          email: "joe@example.com",
          site: "https://example.com/shop?id=1",
          placed: "2031-11-07T08:15:42Z",
          items: [{ sku: "ab", qty: 1 }],
        },
        {
          kind: "x",
          id: "no",
          email: "joe@@example.com",
          site: "example.com",
          placed: "2031-11-07",
          items: [],
          total: 0.3,
          meta: { A: true },
        },
      ],
    },
  ],
  [
    "pydantic-like",
    {
      schema: pydanticLike,
      values: [
        {
          title: "t",
          contact: "ann.lee@example.org",
          homepage: "http://[2001:db8::1]:8080/",
          day: "2024-02-29",
          status: "done",
          people: [{ name: "a" }, { name: "a" }],
        },
        {
          title: "t",
          contact: "ann lee@example.org",
          homepage: "http://exa mple.org",
          day: "2023-02-29",
          at: "10:00",
          status: "later",
        },
      ],
    },
  ],
  [
    "a recursive tree",
    {
      schema: tree,
      values: [
        { value: 1, children: [{ value: 2, children: [] }] },
        { value: 1, children: [{ children: [{ value: "x" }] }] },
      ],
      schemaPaths: false,
    },
  ],
  [
    "$ref # (the root)",
    {
      schema: { type: "object", properties: { next: { $ref: "#" }, n: { type: "integer" } } },
      values: [{ next: { next: { n: 1 } } }, { next: { next: 1 } }],
    },
  ],
  [
    "$ref with siblings",
    {
      schema: { $ref: "#/$defs/S", maxLength: 2, $defs: { S: { type: "string", minLength: 1 } } },
      values: ["", "ab", "abc", 1],
    },
  ],
  [
    "$ref into definitions",
    { schema: { $ref: "#/definitions/A", definitions: { A: { type: "integer" } } }, values: [1, 1.5] },
  ],
  [
    "$ref to an anchor",
    { schema: { $ref: "#a", $defs: { A: { $anchor: "a", type: "string" } } }, values: ["x", 1], schemaPaths: false },
  ],
  [
    "$ref to an $id",
    {
      schema: {
        $id: "https://example.test/r.json",
        $ref: "i.json",
        $defs: { I: { $id: "i.json", type: "array", items: { $ref: "#/$defs/J" }, $defs: { J: { type: "string" } } } },
      },
      values: [["a"], [1]],
      schemaPaths: false,
    },
  ],
  ["type list", { schema: { type: ["integer", "string", "null"] }, values: [1, 1.5, "a", null, true] }],
  [
    "nullable",
    {
      schema: {
        type: "object",
        nullable: true,
        properties: { a: { type: "integer", nullable: true, enum: [1, 2, null] } },
      },
      values: [null, { a: null }, { a: 3 }, []],
    },
  ],
  [
    "enum and const",
    { schema: { enum: [1, "1", [1], { a: 1 }, null], const: 1 }, values: [1, "1", [1], { a: 1 }, null, 2] },
  ],
  [
    "numbers",
    {
      schema: { minimum: -1, maximum: 10, exclusiveMinimum: -1, exclusiveMaximum: 10, multipleOf: 0.5 },
      values: [-1, 10, 0.5, 0.3, 9.5, "5"],
    },
  ],
  ["integers", { schema: { type: "integer", minimum: 1, multipleOf: 3 }, values: [3, 1, 3.0, 4.5, 0] }],
  [
    "strings",
    {
      schema: { type: "string", minLength: 2, maxLength: 3, pattern: "^\\p{L}" },
      values: ["ab", "é😀", "1ab", "a", "abcd", 3],
    },
  ],
  ...Object.keys(FORMAT_SAMPLES).map((format): TableRow => [
    `format ${format}`,
    { schema: { format }, values: [...FORMAT_SAMPLES[format]!, 5, null] },
  ]),
  ["unknown format", { schema: { format: "postal-code" }, values: ["x", 1] }],
  ...ANNOTATION_FORMATS.map((format): TableRow => [
    `format ${format} (an annotation)`,
    { schema: { format }, values: ["x", "", 1e300, -0.5, null] },
  ]),
  [
    "tuple",
    {
      schema: {
        type: "array",
        prefixItems: [{ type: "string" }, { type: "number" }],
        items: { type: "boolean" },
        minItems: 2,
        maxItems: 3,
      },
      values: [["a", 1], ["a", 1, true], ["a", 1, true, false], [1, "a"], []],
    },
  ],
  ["tuple, closed", { schema: { prefixItems: [{ type: "string" }], items: false }, values: [[], ["a"], ["a", 1]] }],
  ["items false", { schema: { items: false }, values: [[], [1, 2]] }],
  [
    "uniqueItems",
    {
      schema: { uniqueItems: true },
      values: [
        [1, 2],
        [1, 1],
        [{ a: [1] }, { a: [1] }],
        [1, "1"],
        [
          [1, 2],
          [2, 1],
        ],
        [0, -0],
      ],
    },
  ],
  [
    "uniqueItems over scalar items",
    {
      schema: { uniqueItems: true, items: { type: ["number", "string"] } },
      values: [
        [1, "1"],
        [1, 2, 1],
        [3, 3, 3],
        ["a", {}, "a"],
        [{}, {}],
      ],
    },
  ],
  [
    "contains",
    {
      schema: { contains: { type: "integer", minimum: 2 }, minContains: 2, maxContains: 3 },
      values: [[2, 3], [2], [2, 3, 4, 5], ["a", 2, "b", 3], []],
    },
  ],
  [
    "contains, minContains 0",
    { schema: { contains: { type: "string" }, minContains: 0, maxContains: 1 }, values: [[], ["a"], ["a", "b", 1]] },
  ],
  ["contains an always-valid schema", { schema: { contains: true, maxContains: 2 }, values: [[], [1, 2], [1, 2, 3]] }],
  [
    "properties and patternProperties",
    {
      schema: {
        properties: { a: { type: "string" } },
        patternProperties: { "^a": { maxLength: 1 }, "\\d": { type: "integer" } },
        additionalProperties: { type: "boolean" },
      },
      values: [
        { a: "x", a1: 1, b: true },
        { a: "xy", a1: "y", b: 1 },
      ],
    },
  ],
  [
    "required and additionalProperties false",
    {
      schema: { properties: { "a/b": {}, "c~d": {} }, required: ["a/b", "e f"], additionalProperties: false },
      values: [
        { "a/b": 1, "e f": 2 },
        { "c~d": 1, "x/y": 2 },
      ],
    },
  ],
  [
    "propertyNames",
    {
      schema: { propertyNames: { pattern: "^[a-z]+$", maxLength: 3 } },
      values: [{ ab: 1 }, { Ab: 1, abcd: 2, "1": 3 }, {}],
    },
  ],
  ["property counts", { schema: { minProperties: 1, maxProperties: 2 }, values: [{}, { a: 1 }, { a: 1, b: 2, c: 3 }] }],
  [
    "dependentRequired and dependentSchemas",
    {
      schema: {
        dependentRequired: { a: ["b", "c"] },
        dependentSchemas: { b: { properties: { b: { type: "string" } } } },
      },
      values: [{ a: 1 }, { a: 1, b: 1, c: 1 }, { b: "x" }],
    },
  ],
  [
    "dependencies (draft-07)",
    {
      schema: { dependencies: { a: ["b"], b: { required: ["c"] } } },
      values: [{ a: 1 }, { a: 1, b: 1 }, { a: 1, b: 1, c: 1 }],
    },
  ],
  ["allOf", { schema: { allOf: [{ type: "integer" }, { minimum: 3 }, { multipleOf: 2 }] }, values: [4, 3, 2, 4.5] }],
  [
    "anyOf",
    {
      schema: { anyOf: [{ type: "string", minLength: 2 }, { type: "integer", maximum: 0 }, { type: "null" }] },
      values: ["ab", "a", -1, 1, null, []],
    },
  ],
  [
    "oneOf",
    {
      schema: { oneOf: [{ type: "integer" }, { type: "number", minimum: 5 }, { multipleOf: 2 }] },
      values: [1, 6, 5.5, 8, "x", 1.5],
    },
  ],
  ["not", { schema: { not: { anyOf: [{ type: "string" }, { const: 1 }] } }, values: ["a", 1, 2, null] }],
  [
    "if/then/else",
    {
      schema: {
        if: { properties: { kind: { const: "a" } }, required: ["kind"] },
        then: { required: ["a"] },
        else: { required: ["b"] },
      },
      values: [{ kind: "a", a: 1 }, { kind: "a" }, { kind: "b" }, {}, 1],
    },
  ],
  [
    "boolean subschemas",
    { schema: { properties: { yes: true, no: false }, items: true, not: false }, values: [{ yes: 1 }, { no: 1 }, [1]] },
  ],
  ["true", { schema: true, values: [1, null, {}] }],
  ["false", { schema: false, values: [1, null, {}] }],
];

describe("response-schema checker = ajv (Ajv2020 + ajv-formats) on a table of schemas", () => {
  it.each(table)("%s: its own values", (_name, { schema, values, schemaPaths }) => {
    for (const value of values) expectAgreement(schema, value, schemaPaths !== false);
  });

  it.each(table)("%s: values built near it and random JSON", (_name, { schema, schemaPaths }) => {
    const defs = (
      typeof schema === "object" ? ((schema["$defs"] ?? schema["definitions"] ?? {}) as Record<string, unknown>) : {}
    ) as Record<string, unknown>;
    fc.assert(
      fc.property(
        fc.gen().map((g) => tame(near(schema, g, defs))),
        (value) => disagreement(schema, value, schemaPaths !== false, tallies.table) === undefined,
      ),
      { numRuns: 150 },
    );
    fc.assert(
      fc.property(tameJson, (value) => disagreement(schema, value, schemaPaths !== false) === undefined),
      { numRuns: 50 },
    );
  });

  it("the values built near the table's schemas are valid often and invalid often", () => {
    const share = tallies.table.valid / (tallies.table.valid + tallies.table.invalid);
    expect(share).toBeGreaterThan(0.25);
    expect(share).toBeLessThan(0.75);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Random schemas.

const NAMES = ["a", "b", "c d", "e/f", "g~h"];
const small = fc.oneof(
  fc.constantFrom<unknown>(null, true, false, 0, 1, -1, 0.5, "a", "b", "", [], {}, [1], { a: 1 }),
  fc.integer({ min: -3, max: 3 }),
);
const count = fc.integer({ min: 0, max: 3 });

type Entry = [string, unknown];
const schemaArbitrary: fc.Arbitrary<Schema> = fc.letrec<{
  schema: Schema;
  object: Record<string, unknown>;
  keyword: Entry[];
}>((tie) => ({
  schema: fc.oneof({ depthSize: "small", withCrossShrink: true }, tie("object"), fc.boolean()),
  object: fc
    .array(tie("keyword"), { maxLength: 3 })
    .map((entries) => Object.fromEntries(entries.flat()) as Record<string, unknown>),
  keyword: fc.oneof(
    { depthSize: "small" },
    fc
      .tuple(
        fc.subarray(["string", "number", "integer", "boolean", "object", "array", "null"], {
          minLength: 1,
          maxLength: 2,
        }),
        fc.boolean(),
        fc.boolean(),
      )
      .map(([types, list, nullable]): Entry[] => [
        ["type", list ? types : types[0]!],
        ...(nullable ? [["nullable", true] as Entry] : []),
      ]),
    fc.array(small, { minLength: 1, maxLength: 3 }).map((values): Entry[] => [["enum", values]]),
    small.map((value): Entry[] => [["const", value]]),
    fc
      .tuple(
        fc.constantFrom("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"),
        fc.oneof(fc.integer({ min: -5, max: 5 }), fc.constantFrom(0.5, 2.5)),
      )
      .map(([k, n]): Entry[] => [[k, n]]),
    fc.constantFrom(0.5, 2, 3, 0.1).map((n): Entry[] => [["multipleOf", n]]),
    fc
      .tuple(fc.constantFrom("minLength", "maxLength", "minItems", "maxItems", "minProperties", "maxProperties"), count)
      .map(([k, n]): Entry[] => [[k, n]]),
    fc.constantFrom("^a", "b$", "^\\d+$", "\\p{L}", "^.{2}$").map((p): Entry[] => [["pattern", p]]),
    fc
      .constantFrom(...Object.keys(FORMAT_SAMPLES), ...ANNOTATION_FORMATS, "unknown")
      .map((f): Entry[] => [["format", f]]),
    fc.boolean().map((b): Entry[] => [["uniqueItems", b]]),
    tie("schema").map((s): Entry[] => [["items", s]]),
    fc.array(tie("schema"), { maxLength: 2 }).map((s): Entry[] => [["prefixItems", s]]),
    fc
      .tuple(tie("schema"), fc.option(count, { nil: undefined }), fc.option(count, { nil: undefined }))
      .map(([s, min, max]): Entry[] => {
        const [lo, hi] = min !== undefined && max !== undefined && min > max ? [max, min] : [min, max];
        return [
          ["contains", s],
          ...(lo !== undefined ? [["minContains", lo] as Entry] : []),
          ...(hi !== undefined ? [["maxContains", hi] as Entry] : []),
        ];
      }),
    fc.dictionary(fc.constantFrom(...NAMES), tie("schema"), { maxKeys: 3 }).map((p): Entry[] => [["properties", p]]),
    fc.subarray(NAMES).map((r): Entry[] => [["required", r]]),
    fc.oneof(fc.boolean(), tie("schema")).map((s): Entry[] => [["additionalProperties", s]]),
    fc
      .dictionary(fc.constantFrom("^a", "\\d", "/"), tie("schema"), { maxKeys: 2 })
      .map((p): Entry[] => [["patternProperties", p]]),
    tie("schema").map((s): Entry[] => [["propertyNames", s]]),
    fc
      .dictionary(fc.constantFrom(...NAMES), fc.subarray(NAMES), { maxKeys: 2 })
      .map((d): Entry[] => [["dependentRequired", d]]),
    fc
      .dictionary(fc.constantFrom(...NAMES), tie("schema"), { maxKeys: 2 })
      .map((d): Entry[] => [["dependentSchemas", d]]),
    fc
      .tuple(fc.constantFrom("anyOf", "oneOf", "allOf"), fc.array(tie("schema"), { minLength: 1, maxLength: 3 }))
      .map(([k, s]): Entry[] => [[k, s]]),
    tie("schema").map((s): Entry[] => [["not", s]]),
    fc
      .tuple(tie("schema"), fc.option(tie("schema"), { nil: undefined }), fc.option(tie("schema"), { nil: undefined }))
      .map(([i, t, e]): Entry[] => [
        ["if", i],
        ...(t !== undefined ? [["then", t] as Entry] : []),
        ...(e !== undefined ? [["else", e] as Entry] : []),
      ]),
    fc.constantFrom<Entry[]>(
      [["title", "T"]],
      [["description", "d"]],
      [["propertyOrdering", ["a"]]],
      [["x-vendor", { type: "string" }]],
    ),
  ),
})).schema;

/** nullable without a type is refused by ajv's compile (and constrains nothing here): left out. */
const ajvCompiles = (schema: Schema): boolean => {
  try {
    ajvFor(schema);
    return true;
  } catch {
    return false;
  }
};

describe("response-schema checker = ajv on random schemas", () => {
  it("values built near each schema, and random JSON", () => {
    fc.assert(
      fc.property(schemaArbitrary.filter(ajvCompiles), fc.gen(), (schema, g) => {
        for (let i = 0; i < 8; i++) {
          const value = i < 6 ? tame(near(schema, g, {})) : g(anyJson);
          const d = disagreement(schema, value, true, i < 6 ? tallies.random : undefined);
          if (d !== undefined) throw new Error(`${JSON.stringify(schema)}\nvalue ${JSON.stringify(value)}\n${d}`);
        }
      }),
      { numRuns: 1500 },
    );
  });

  it("the values built near the random schemas are valid often and invalid often", () => {
    const share = tallies.random.valid / (tallies.random.valid + tallies.random.invalid);
    expect(share).toBeGreaterThan(0.25);
    expect(share).toBeLessThan(0.75);
  });

  it("the schemas ajv refuses to compile among them are refused here too, or are nullable without a type", () => {
    fc.assert(
      fc.property(schemaArbitrary, (schema) => {
        if (ajvCompiles(schema)) return;
        let refused = false;
        try {
          prepareResponseSchema(schema);
        } catch {
          refused = true;
        }
        expect(refused || JSON.stringify(schema).includes('"nullable"')).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Formats left out of the comparison above.

describe("formats the checker does not enforce: no verdict on a string, ajv's verdict on anything else", () => {
  it.each(UNENFORCED_FORMATS)("%s", (format) => {
    const schema = { format };
    fc.assert(
      fc.property(fc.oneof(fc.string(), tameJson), (value) => {
        if (typeof value === "string")
          expect(
            prepareResponseSchema(schema)
              .check(value)
              .map((e) => e.keyword),
          ).toEqual(["unenforced"]);
        else expect(disagreement(schema, value)).toBeUndefined();
      }),
      { numRuns: 100 },
    );
  });
});

describe("where the checker differs on purpose from ajv-formats (left out above), each a real difference", () => {
  it.each(DIFFERENCES.map((d): [string, Difference] => [`${d.format}: ${d.what}`, d]))(
    "%s",
    (_name, { format, ajvFormats, applies, examples }) => {
      const schema = { format };
      const formatError = { keyword: "format", instancePath: "", schemaPath: "#/format", params: { format } };
      for (const value of examples) {
        expect(applies(value)).toBe(true);
        expect(ajvFor(schema)(value)).toBe(ajvFormats === "accepts");
        expect(prepareResponseSchema(schema).check(value)).toEqual(ajvFormats === "accepts" ? [formatError] : []);
      }
    },
  );
});

describe("ajv's bugs left out above, each a real one", () => {
  it("an if holding not and an anyOf of additionalProperties throws a ReferenceError on any value", () => {
    const schema = { if: { not: {}, anyOf: [{ additionalProperties: {} }] }, then: { anyOf: [{}] } };
    expect(() => ajvFor(schema)(0)).toThrow(ReferenceError);
    expect(prepareResponseSchema(schema).check(0)).toEqual([]);
  });

  it("in a loop, contains on an empty array takes the verdict of the previous array", () => {
    const schema = { items: { contains: { type: "object" } } };
    expect(ajvFor(schema)([[{}], []])).toBe(true);
    expect(prepareResponseSchema(schema).check([[{}], []])).toEqual([
      { keyword: "contains", instancePath: "/1", schemaPath: "#/items/contains", params: { minContains: 1 } },
    ]);
    expect(hitsAjvContainsBug(schema, [[{}], []])).toBe(true);
  });

  it("under not (or if), contains beside prefixItems is not checked when no prefix item was", () => {
    const inner = { prefixItems: [{ minimum: 0 }], contains: {} };
    for (const schema of [inner, { allOf: [inner] }]) {
      expect(ajvFor(schema)([])).toBe(false);
      expect(prepareResponseSchema(schema).check([]).length).toBeGreaterThan(0);
    }
    // The schema under `not` rejects [], so `not` accepts it: ajv says otherwise, the checker does not.
    for (const schema of [{ not: inner }, { if: inner, then: false }]) {
      expect(ajvFor(schema)([])).toBe(false);
      expect(prepareResponseSchema(schema).check([])).toEqual([]);
      expect(hitsAjvContainsBug(schema, { a: [[]] })).toBe(true);
      expect(hitsAjvContainsBug(schema, [1])).toBe(false);
    }
    expect(hitsAjvContainsBug(inner, [])).toBe(false);
    const longer = { not: { prefixItems: [{}, { minLength: 0 }], contains: {}, minContains: 2 } };
    expect(ajvFor(longer)([null])).toBe(false);
    expect(prepareResponseSchema(longer).check([null])).toEqual([]);
    expect(hitsAjvContainsBug(longer, [null])).toBe(true);
    expect(hitsAjvContainsBug(longer, [null, null])).toBe(false);
  });
});
