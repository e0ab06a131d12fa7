// The response-schema checker against ajv (Ajv2020 + ajv-formats, the setup parseStructuredOutput used before):
// for a table of schemas (Gemini-style, zod- and pydantic-style, keyword by keyword) × their own values, values built
// near each schema by fast-check (often valid, often just off: limits ±1, the other type, a missing or extra
// property, a format's near misses) and fast-check's random JSON, and for random schemas of the same keywords, the
// verdict is ajv's, and so are the errors: pointer, keyword, params, message and schema path, as multisets (the order
// is the checker's own, close to ajv's). Left out on purpose, each covered in response-schema.test.ts:
// - keywords the checker reports as not enforced (unevaluated*, $dynamicRef, formatMinimum…);
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
//   throws on.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { Ajv2020, type ErrorObject, type ValidateFunction } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import { messageOf, prepareResponseSchema } from "../../packages/runtime/src/response-schema/index.ts";
import { json } from "./arbitraries.ts";

type Schema = Record<string, unknown> | boolean;
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (ajv: Ajv2020) => void;

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
  const validate = ajvFor(schema);
  let ajvValid: boolean;
  try {
    ajvValid = validate(value) as boolean;
  } catch (error) {
    // ajv's generated code can throw: patternProperties beside an `if` whose `else` has properties sets evaluated
    // properties on an object it never created. No verdict to compare with.
    if (error instanceof TypeError && /Cannot set properties of undefined/.test(error.message)) return undefined;
    throw error;
  }
  const pick = (e: Comparable): Comparable => (withSchemaPaths ? e : [e[0], e[1], e[2], e[3]]);
  const theirs = sorted((validate.errors ?? []).map((e: ErrorObject) => pick([e.instancePath, e.keyword, e.params, e.message ?? "", e.schemaPath])));
  const errors = prepareResponseSchema(schema).check(value);
  const ours = sorted(errors.map((e) => pick([e.instancePath, e.keyword, e.params, messageOf(e), e.schemaPath])));
  if (tally) tally[ajvValid ? "valid" : "invalid"]++;
  if (ajvValid !== (errors.length === 0)) return `verdict: ajv ${ajvValid ? "valid" : "invalid"}, checker ${errors.length === 0 ? "valid" : "invalid"}\n  ajv: ${theirs.join("\n       ")}\n  ours: ${ours.join("\n        ")}`;
  if (JSON.stringify(theirs) !== JSON.stringify(ours)) return `errors:\n  ajv: ${theirs.join("\n       ")}\n  ours: ${ours.join("\n        ")}`;
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
      Object.defineProperty(out, METHOD_KEYS.has(k) ? `${k}_` : k, { value: tame(v), enumerable: true, writable: true, configurable: true });
    return out;
  }
  return value;
}
const tameJson = json.map(tame);

// ---------------------------------------------------------------------------------------------------------------
// Values near a schema.

const FORMAT_SAMPLES: Record<string, unknown[]> = {
  "date-time": ["2024-05-01T10:00:00Z", "2024-05-01t10:00:00.123+02:00", "2024-05-01 10:00:00Z", "2024-05-01T10:00:00", "2024-02-30T00:00:00Z", "2024-05-01T23:59:60Z", "2024-05-01T23:59:60+01:00", "2024-05-01", "now"],
  date: ["2024-02-29", "2023-02-29", "2024-13-01", "2024-1-01", "2024-04-31", "2024-12-31"],
  time: ["10:00:00Z", "10:00:00.5-07:30", "10:00:00", "24:00:00Z", "23:59:60Z", "12:00:60Z", "10:00:00+24:00"],
  email: ["a@b.co", "first.last@example.test", "a@b", "a..b@c.d", "x"],
  uuid: ["123e4567-e89b-12d3-a456-426614174000", "urn:uuid:123e4567-e89b-12d3-a456-426614174000", "123e4567e89b12d3a456426614174000", "g23e4567-e89b-12d3-a456-426614174000"],
  uri: ["https://example.test/a?b#c", "urn:isbn:0451450523", "/relative/path", "a b", "mailto:a@b.c"],
  "uri-reference": ["/relative/path", "#frag", "https://x.test", "a b"],
  ipv4: ["192.168.0.1", "256.1.1.1", "1.2.3"],
  ipv6: ["::1", "2001:db8::8a2e:370:7334", "1:2:3", "::ffff:192.0.2.128"],
  hostname: ["example.test", "-bad.test", "a".repeat(64), "localhost"],
  duration: ["P1D", "PT1H30M", "P", "PT", "P1W", "P1Y2W"],
  regex: ["^a+$", "(", "\\Z"],
  "json-pointer": ["/a/b~0c", "a/b", "/~2"],
  int32: [0, 2 ** 31 - 1, 2 ** 31, -(2 ** 31), 1.5, "1"],
  int64: [2 ** 53, 1.5],
  byte: ["aGVsbG8=", "aGVsbG8", "!!!"],
};

const STRINGS = ["", "a", "ab", "abc", "abcd", "é", "😀", "😀😀", "123", "A1", "bb", "x-y"];
const NUMBERS = [0, -0, 1, -1, 2, 3, 0.5, 1.5, 0.3, 0.1, 7, 9, 10, -5, 2 ** 31, 1e15];

type Gen = fc.GeneratorValue;
const anyJson = () => tameJson;

/** A value built from `schema`: usually near what it asks (and as often just outside it), now and then anything. */
function near(schema: unknown, g: Gen, defs: Record<string, unknown>, depth = 0): unknown {
  if (typeof schema !== "object" || schema === null || depth > 4 || g(fc.integer, { min: 0, max: 11 }) === 0) return g(anyJson);
  const s = schema as Record<string, unknown>;
  if (typeof s["$ref"] === "string") {
    const name = /^#\/\$defs\/(.+)$/.exec(s["$ref"])?.[1];
    if (name && defs[name] !== undefined && g(fc.boolean)) return near(defs[name], g, defs, depth + 1);
  }
  const pick = <T>(items: readonly T[]): T => items[g(fc.integer, { min: 0, max: items.length - 1 })]!;
  for (const keyword of ["anyOf", "oneOf", "allOf"]) if (Array.isArray(s[keyword]) && (s[keyword] as unknown[]).length > 0 && g(fc.boolean)) return near(pick(s[keyword] as unknown[]), g, defs, depth + 1);
  if (Array.isArray(s["enum"]) && (s["enum"] as unknown[]).length > 0 && g(fc.integer, { min: 0, max: 3 }) > 0) return pick(s["enum"] as unknown[]);
  if ("const" in s && g(fc.boolean)) return s["const"];
  const declared = typeof s["type"] === "string" ? [s["type"]] : Array.isArray(s["type"]) ? (s["type"] as string[]) : [];
  const implied =
    "properties" in s || "required" in s || "additionalProperties" in s || "patternProperties" in s || "propertyNames" in s
      ? ["object"]
      : "items" in s || "prefixItems" in s || "contains" in s || "minItems" in s || "uniqueItems" in s
        ? ["array"]
        : "minLength" in s || "maxLength" in s || "pattern" in s || "format" in s
          ? ["string"]
          : "minimum" in s || "maximum" in s || "multipleOf" in s || "exclusiveMinimum" in s || "exclusiveMaximum" in s
            ? ["number"]
            : [];
  const types = [...declared, ...implied];
  const type = types.length > 0 && g(fc.integer, { min: 0, max: 5 }) > 0 ? pick(types) : pick(["string", "number", "integer", "boolean", "object", "array", "null"]);
  switch (type) {
    case "null":
      return null;
    case "boolean":
      return g(fc.boolean);
    case "string": {
      const format = typeof s["format"] === "string" ? FORMAT_SAMPLES[s["format"]] : undefined;
      if (format && g(fc.boolean)) return pick(format);
      return g(fc.boolean) ? pick(STRINGS) : g(fc.string, { maxLength: 6 });
    }
    case "number":
    case "integer": {
      const limits = ["minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf"].map((k) => s[k]).filter((n): n is number => typeof n === "number");
      const around = limits.flatMap((n) => [n, n - 1, n + 1, n - 0.5, n + 0.5, n * 3]);
      const format = typeof s["format"] === "string" ? FORMAT_SAMPLES[s["format"]]?.filter((x) => typeof x === "number") : undefined;
      const roll = g(fc.integer, { min: 0, max: 3 });
      if (roll === 0 && around.length > 0) return pick(around);
      if (roll === 1 && format && format.length > 0) return pick(format);
      return roll === 2 ? g(fc.double, { min: -1e6, max: 1e6, noNaN: true }) : pick(NUMBERS);
    }
    case "array": {
      const prefix = Array.isArray(s["prefixItems"]) ? (s["prefixItems"] as unknown[]) : [];
      const limits = [s["minItems"], s["maxItems"], s["minContains"], s["maxContains"]].filter((n): n is number => typeof n === "number");
      const length = limits.length > 0 && g(fc.boolean) ? Math.max(0, pick(limits) + g(fc.integer, { min: -1, max: 1 })) : g(fc.integer, { min: 0, max: 4 });
      const items = Array.from({ length }, (_, i) => near(i < prefix.length ? prefix[i] : g(fc.boolean) && "contains" in s ? s["contains"] : s["items"], g, defs, depth + 1));
      if (s["uniqueItems"] === true && items.length > 0 && g(fc.boolean)) items.push(pick(items));
      return items;
    }
    case "object": {
      const properties = (typeof s["properties"] === "object" && s["properties"] !== null ? s["properties"] : {}) as Record<string, unknown>;
      const required = Array.isArray(s["required"]) ? (s["required"] as string[]) : [];
      const out: Record<string, unknown> = {};
      const names = [...new Set([...Object.keys(properties), ...required, ...Object.keys((s["dependentRequired"] as object) ?? {}), ...Object.keys((s["dependentSchemas"] as object) ?? {})])];
      for (const name of names) if (g(fc.integer, { min: 0, max: 4 }) > 0) out[name] = near(properties[name], g, defs, depth + 1);
      const extra = g(fc.integer, { min: 0, max: 2 });
      for (let i = 0; i < extra; i++) out[g(fc.constantFrom, "a", "b", "x-1", "zz", "prototype", "__proto__")] = near(s["additionalProperties"], g, defs, depth + 1);
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
    email: { type: "string", format: "email", pattern: "^[^@]+@[^@]+$" },
    total: { type: "number", exclusiveMinimum: 0, multipleOf: 0.5 },
    items: { type: "array", items: { $ref: "#/$defs/Item" }, minItems: 1 },
    note: { anyOf: [{ type: "string", maxLength: 5 }, { type: "null" }] },
    meta: { type: "object", propertyNames: { pattern: "^[a-z]+$" }, additionalProperties: { type: ["string", "number"] } },
  },
  required: ["kind", "id", "items"],
  additionalProperties: false,
  $defs: { Item: { type: "object", properties: { sku: { type: "string", minLength: 2 }, qty: { type: "integer", minimum: 1 } }, required: ["sku", "qty"], additionalProperties: false } },
};

/** As pydantic writes them: titles everywhere, definitions in $defs, Optional as anyOf, dates, enums by $ref. */
const pydanticLike = {
  title: "Event",
  type: "object",
  properties: {
    title: { title: "Title", type: "string" },
    day: { title: "Day", type: "string", format: "date" },
    at: { anyOf: [{ type: "string", format: "time" }, { type: "null" }], default: null, title: "At" },
    status: { $ref: "#/$defs/Status" },
    people: { title: "People", type: "array", items: { $ref: "#/$defs/Person" }, uniqueItems: true },
  },
  required: ["title", "day", "status"],
  $defs: {
    Status: { title: "Status", type: "string", enum: ["planned", "done"] },
    Person: { title: "Person", type: "object", properties: { name: { type: "string" }, age: { type: "integer", minimum: 0 } }, required: ["name"] },
  },
};

const tree = {
  $defs: { Node: { type: "object", properties: { value: { type: "number" }, children: { type: "array", items: { $ref: "#/$defs/Node" } } }, required: ["value"] } },
  $ref: "#/$defs/Node",
};

type TableRow = [string, { schema: Schema; values: unknown[]; schemaPaths?: false }];

const table: TableRow[] = [
  ["recipe (Gemini)", { schema: recipe, values: [{ name: "Soup", minutes: 20 }, { name: 1, minutes: 0, tags: [], when: "x", steps: ["a", 1, 2], extra: 1 }, { steps: [1, "a"] }] }],
  ["zod-like", { schema: zodLike, values: [{ kind: "order", id: "123e4567-e89b-12d3-a456-426614174000", items: [{ sku: "ab", qty: 1 }] }, { kind: "x", id: "no", items: [], total: 0.3, meta: { A: true } }] }],
  ["pydantic-like", { schema: pydanticLike, values: [{ title: "t", day: "2024-02-29", status: "done", people: [{ name: "a" }, { name: "a" }] }, { title: "t", day: "2023-02-29", at: "10:00", status: "later" }] }],
  ["a recursive tree", { schema: tree, values: [{ value: 1, children: [{ value: 2, children: [] }] }, { value: 1, children: [{ children: [{ value: "x" }] }] }], schemaPaths: false }],
  ["$ref # (the root)", { schema: { type: "object", properties: { next: { $ref: "#" }, n: { type: "integer" } } }, values: [{ next: { next: { n: 1 } } }, { next: { next: 1 } }] }],
  ["$ref with siblings", { schema: { $ref: "#/$defs/S", maxLength: 2, $defs: { S: { type: "string", minLength: 1 } } }, values: ["", "ab", "abc", 1] }],
  ["$ref into definitions", { schema: { $ref: "#/definitions/A", definitions: { A: { type: "integer" } } }, values: [1, 1.5] }],
  ["$ref to an anchor", { schema: { $ref: "#a", $defs: { A: { $anchor: "a", type: "string" } } }, values: ["x", 1], schemaPaths: false }],
  ["$ref to an $id", { schema: { $id: "https://example.test/r.json", $ref: "i.json", $defs: { I: { $id: "i.json", type: "array", items: { $ref: "#/$defs/J" }, $defs: { J: { type: "string" } } } } }, values: [["a"], [1]], schemaPaths: false }],
  ["type list", { schema: { type: ["integer", "string", "null"] }, values: [1, 1.5, "a", null, true] }],
  ["nullable", { schema: { type: "object", nullable: true, properties: { a: { type: "integer", nullable: true, enum: [1, 2, null] } } }, values: [null, { a: null }, { a: 3 }, []] }],
  ["enum and const", { schema: { enum: [1, "1", [1], { a: 1 }, null], const: 1 }, values: [1, "1", [1], { a: 1 }, null, 2] }],
  ["numbers", { schema: { minimum: -1, maximum: 10, exclusiveMinimum: -1, exclusiveMaximum: 10, multipleOf: 0.5 }, values: [-1, 10, 0.5, 0.3, 9.5, "5"] }],
  ["integers", { schema: { type: "integer", minimum: 1, multipleOf: 3 }, values: [3, 1, 3.0, 4.5, 0] }],
  ["strings", { schema: { type: "string", minLength: 2, maxLength: 3, pattern: "^\\p{L}" }, values: ["ab", "é😀", "1ab", "a", "abcd", 3] }],
  ...Object.keys(FORMAT_SAMPLES).map((format): TableRow => [`format ${format}`, { schema: { format }, values: [...FORMAT_SAMPLES[format]!, 5, null] }]),
  ["unknown format", { schema: { format: "postal-code" }, values: ["x", 1] }],
  ["tuple", { schema: { type: "array", prefixItems: [{ type: "string" }, { type: "number" }], items: { type: "boolean" }, minItems: 2, maxItems: 3 }, values: [["a", 1], ["a", 1, true], ["a", 1, true, false], [1, "a"], []] }],
  ["tuple, closed", { schema: { prefixItems: [{ type: "string" }], items: false }, values: [[], ["a"], ["a", 1]] }],
  ["items false", { schema: { items: false }, values: [[], [1, 2]] }],
  ["uniqueItems", { schema: { uniqueItems: true }, values: [[1, 2], [1, 1], [{ a: [1] }, { a: [1] }], [1, "1"], [[1, 2], [2, 1]], [0, -0]] }],
  ["uniqueItems over scalar items", { schema: { uniqueItems: true, items: { type: ["number", "string"] } }, values: [[1, "1"], [1, 2, 1], [3, 3, 3], ["a", {}, "a"], [{}, {}]] }],
  ["contains", { schema: { contains: { type: "integer", minimum: 2 }, minContains: 2, maxContains: 3 }, values: [[2, 3], [2], [2, 3, 4, 5], ["a", 2, "b", 3], []] }],
  ["contains, minContains 0", { schema: { contains: { type: "string" }, minContains: 0, maxContains: 1 }, values: [[], ["a"], ["a", "b", 1]] }],
  ["contains an always-valid schema", { schema: { contains: true, maxContains: 2 }, values: [[], [1, 2], [1, 2, 3]] }],
  ["properties and patternProperties", { schema: { properties: { a: { type: "string" } }, patternProperties: { "^a": { maxLength: 1 }, "\\d": { type: "integer" } }, additionalProperties: { type: "boolean" } }, values: [{ a: "x", a1: 1, b: true }, { a: "xy", a1: "y", b: 1 }] }],
  ["required and additionalProperties false", { schema: { properties: { "a/b": {}, "c~d": {} }, required: ["a/b", "e f"], additionalProperties: false }, values: [{ "a/b": 1, "e f": 2 }, { "c~d": 1, "x/y": 2 }] }],
  ["propertyNames", { schema: { propertyNames: { pattern: "^[a-z]+$", maxLength: 3 } }, values: [{ ab: 1 }, { Ab: 1, abcd: 2, "1": 3 }, {}] }],
  ["property counts", { schema: { minProperties: 1, maxProperties: 2 }, values: [{}, { a: 1 }, { a: 1, b: 2, c: 3 }] }],
  ["dependentRequired and dependentSchemas", { schema: { dependentRequired: { a: ["b", "c"] }, dependentSchemas: { b: { properties: { b: { type: "string" } } } } }, values: [{ a: 1 }, { a: 1, b: 1, c: 1 }, { b: "x" }] }],
  ["dependencies (draft-07)", { schema: { dependencies: { a: ["b"], b: { required: ["c"] } } }, values: [{ a: 1 }, { a: 1, b: 1 }, { a: 1, b: 1, c: 1 }] }],
  ["allOf", { schema: { allOf: [{ type: "integer" }, { minimum: 3 }, { multipleOf: 2 }] }, values: [4, 3, 2, 4.5] }],
  ["anyOf", { schema: { anyOf: [{ type: "string", minLength: 2 }, { type: "integer", maximum: 0 }, { type: "null" }] }, values: ["ab", "a", -1, 1, null, []] }],
  ["oneOf", { schema: { oneOf: [{ type: "integer" }, { type: "number", minimum: 5 }, { multipleOf: 2 }] }, values: [1, 6, 5.5, 8, "x", 1.5] }],
  ["not", { schema: { not: { anyOf: [{ type: "string" }, { const: 1 }] } }, values: ["a", 1, 2, null] }],
  ["if/then/else", { schema: { if: { properties: { kind: { const: "a" } }, required: ["kind"] }, then: { required: ["a"] }, else: { required: ["b"] } }, values: [{ kind: "a", a: 1 }, { kind: "a" }, { kind: "b" }, {}, 1] }],
  ["boolean subschemas", { schema: { properties: { yes: true, no: false }, items: true, not: false }, values: [{ yes: 1 }, { no: 1 }, [1]] }],
  ["true", { schema: true, values: [1, null, {}] }],
  ["false", { schema: false, values: [1, null, {}] }],
];

describe("response-schema checker = ajv (Ajv2020 + ajv-formats) on a table of schemas", () => {
  it.each(table)("%s: its own values", (_name, { schema, values, schemaPaths }) => {
    for (const value of values) expectAgreement(schema, value, schemaPaths !== false);
  });

  it.each(table)("%s: values built near it and random JSON", (_name, { schema, schemaPaths }) => {
    const defs = (typeof schema === "object" ? ((schema["$defs"] ?? schema["definitions"] ?? {}) as Record<string, unknown>) : {}) as Record<string, unknown>;
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
const small = fc.oneof(fc.constantFrom<unknown>(null, true, false, 0, 1, -1, 0.5, "a", "b", "", [], {}, [1], { a: 1 }), fc.integer({ min: -3, max: 3 }));
const count = fc.integer({ min: 0, max: 3 });

type Entry = [string, unknown];
const schemaArbitrary: fc.Arbitrary<Schema> = fc.letrec<{ schema: Schema; object: Record<string, unknown>; keyword: Entry[] }>((tie) => ({
  schema: fc.oneof({ depthSize: "small", withCrossShrink: true }, tie("object"), fc.boolean()),
  object: fc.array(tie("keyword"), { maxLength: 3 }).map((entries) => Object.fromEntries(entries.flat()) as Record<string, unknown>),
  keyword: fc.oneof(
    { depthSize: "small" },
    fc
      .tuple(fc.subarray(["string", "number", "integer", "boolean", "object", "array", "null"], { minLength: 1, maxLength: 2 }), fc.boolean(), fc.boolean())
      .map(([types, list, nullable]): Entry[] => [["type", list ? types : types[0]!], ...(nullable ? [["nullable", true] as Entry] : [])]),
    fc.array(small, { minLength: 1, maxLength: 3 }).map((values): Entry[] => [["enum", values]]),
    small.map((value): Entry[] => [["const", value]]),
    fc.tuple(fc.constantFrom("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"), fc.oneof(fc.integer({ min: -5, max: 5 }), fc.constantFrom(0.5, 2.5))).map(([k, n]): Entry[] => [[k, n]]),
    fc.constantFrom(0.5, 2, 3, 0.1).map((n): Entry[] => [["multipleOf", n]]),
    fc.tuple(fc.constantFrom("minLength", "maxLength", "minItems", "maxItems", "minProperties", "maxProperties"), count).map(([k, n]): Entry[] => [[k, n]]),
    fc.constantFrom("^a", "b$", "^\\d+$", "\\p{L}", "^.{2}$").map((p): Entry[] => [["pattern", p]]),
    fc.constantFrom(...Object.keys(FORMAT_SAMPLES), "unknown").map((f): Entry[] => [["format", f]]),
    fc.boolean().map((b): Entry[] => [["uniqueItems", b]]),
    tie("schema").map((s): Entry[] => [["items", s]]),
    fc.array(tie("schema"), { maxLength: 2 }).map((s): Entry[] => [["prefixItems", s]]),
    fc
      .tuple(tie("schema"), fc.option(count, { nil: undefined }), fc.option(count, { nil: undefined }))
      .map(([s, min, max]): Entry[] => {
        const [lo, hi] = min !== undefined && max !== undefined && min > max ? [max, min] : [min, max];
        return [["contains", s], ...(lo !== undefined ? [["minContains", lo] as Entry] : []), ...(hi !== undefined ? [["maxContains", hi] as Entry] : [])];
      }),
    fc.dictionary(fc.constantFrom(...NAMES), tie("schema"), { maxKeys: 3 }).map((p): Entry[] => [["properties", p]]),
    fc.subarray(NAMES).map((r): Entry[] => [["required", r]]),
    fc.oneof(fc.boolean(), tie("schema")).map((s): Entry[] => [["additionalProperties", s]]),
    fc.dictionary(fc.constantFrom("^a", "\\d", "/"), tie("schema"), { maxKeys: 2 }).map((p): Entry[] => [["patternProperties", p]]),
    tie("schema").map((s): Entry[] => [["propertyNames", s]]),
    fc.dictionary(fc.constantFrom(...NAMES), fc.subarray(NAMES), { maxKeys: 2 }).map((d): Entry[] => [["dependentRequired", d]]),
    fc.dictionary(fc.constantFrom(...NAMES), tie("schema"), { maxKeys: 2 }).map((d): Entry[] => [["dependentSchemas", d]]),
    fc.tuple(fc.constantFrom("anyOf", "oneOf", "allOf"), fc.array(tie("schema"), { minLength: 1, maxLength: 3 })).map(([k, s]): Entry[] => [[k, s]]),
    tie("schema").map((s): Entry[] => [["not", s]]),
    fc.tuple(tie("schema"), fc.option(tie("schema"), { nil: undefined }), fc.option(tie("schema"), { nil: undefined })).map(([i, t, e]): Entry[] => [["if", i], ...(t !== undefined ? [["then", t] as Entry] : []), ...(e !== undefined ? [["else", e] as Entry] : [])]),
    fc.constantFrom<Entry[]>([["title", "T"]], [["description", "d"]], [["propertyOrdering", ["a"]]], [["x-vendor", { type: "string" }]]),
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
      fc.property(
        schemaArbitrary.filter(ajvCompiles),
        fc.gen(),
        (schema, g) => {
          for (let i = 0; i < 8; i++) {
            const value = i < 6 ? tame(near(schema, g, {})) : g(anyJson);
            const d = disagreement(schema, value, true, i < 6 ? tallies.random : undefined);
            if (d !== undefined) throw new Error(`${JSON.stringify(schema)}\nvalue ${JSON.stringify(value)}\n${d}`);
          }
        },
      ),
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
