// The reference checker (packages/runtime/src/reference/) against ajv's validators of the same schemas, compiled at test
// time as the oracle (test/support/ajv-oracle.ts): on every corpus payload as every resource, every own fixture, every
// mutation of both, fast-check's random values and values JSON cannot hold, both modes give the same verdict, the same
// errors in the same order (instance path, keyword, params, message; of the schema path only what packages/runtime/src/issues.ts
// reads: the oneof form) and the same lenient drift records. Plus a table of small cases, keyword by keyword, the data
// module's faithfulness to the schemas, refusal of unknown keywords, and the runtime's imports.
import { describe, expect, it } from "vitest";
import { join } from "node:path";
import { isDeepStrictEqual } from "node:util";
import fc from "fast-check";
import type { ErrorObject } from "ajv";
import * as referenceData from "../../packages/runtime/generated/validators/reference.js";
import { RESOURCE_NAMES } from "../../packages/runtime/generated/validators/names.ts";
import { loadSpec } from "../../packages/tools/src/spec/load.ts";
import { validatorSchemas } from "../../packages/tools/src/generate/validators/validator-schemas.ts";
import { checkReference as checkSchema, type ReferenceResult } from "../../packages/runtime/src/reference/index.ts";
import { includeSchemas, named } from "../../packages/runtime/src/reference/registry.ts";
import { read, type SchemaNode } from "../../packages/runtime/src/vocabulary/nodes.ts";
import type { LinkedData } from "../../packages/runtime/src/linked.ts";
import type { DriftRecord } from "../../packages/runtime/src/drift-record.ts";
import { resourceByName } from "../../packages/runtime/src/resources.ts";
import { asAjvError, type AjvError } from "../support/violations.ts";
import { validateResource } from "../../packages/runtime/src/validator.ts";
import { ajvOracle } from "../support/ajv-oracle.ts";
import { corpusBodies } from "../support/corpus.ts";
import { hasShared, PROJECT_ROOT } from "../support/shared.ts";
import { build, json, NASTY_KEYS } from "./arbitraries.ts";
import { fixtureBodies } from "./fixture-bodies.ts";
import { nest } from "./helpers.ts";
import { mutationsOf } from "./mutations.ts";

type Mode = "strict" | "lenient";
const MODES: Mode[] = ["strict", "lenient"];
const oracle = await ajvOracle();
const AJV = oracle.validators;

interface Outcome {
  valid: boolean;
  errors: Omit<ErrorObject, "schemaPath">[];
  drift: DriftRecord[];
}

/** A named schema's entry in packages/runtime/generated/validators/reference.js. */
const entryOf = (name: string) => (referenceData as unknown as Record<string, LinkedData>)[name]!;
/** The reference checker on the resource of that name. */
const checkReference = (resource: string, mode: Mode, value: unknown): ReferenceResult =>
  checkSchema(entryOf(resource), mode, value);

/** The reference checker's violations as ajv's errors (test/support/violations.ts). */
const errorsOf = (result: ReferenceResult): AjvError[] => result.violations.map(asAjvError);

const comparable = (e: ErrorObject | AjvError) => ({
  instancePath: e.instancePath,
  keyword: e.keyword,
  params: e.params,
  message: e.message,
});

/** ajv's outcome; undefined when the value is too deep for it. */
function ajv(resource: string, mode: Mode, value: unknown): Outcome | undefined {
  try {
    oracle.driftSink.length = 0;
    const check = AJV[mode][resource]!;
    const valid = check(value) as boolean;
    return { valid, errors: (check.errors ?? []).map(comparable), drift: [...oracle.driftSink] };
  } catch (error) {
    if (error instanceof RangeError) return undefined;
    throw error;
  }
}

/** What differs between the reference checker and ajv on one value (undefined when they agree). */
function disagreement(resource: string, mode: Mode, value: unknown): string | undefined {
  const expected = ajv(resource, mode, value);
  if (expected === undefined) return undefined;
  let result;
  try {
    result = checkReference(resource, mode, value);
  } catch (error) {
    return `${resource} ${mode}: threw ${String(error)} where ajv did not`;
  }
  const actual: Outcome = { valid: result.valid, errors: errorsOf(result).map(comparable), drift: result.drift };
  if (isDeepStrictEqual(actual, expected)) return undefined;
  return `${resource} ${mode}: ${JSON.stringify(actual).slice(0, 600)}\n  ajv: ${JSON.stringify(expected).slice(0, 600)}`;
}

function compare(resources: readonly string[], value: unknown, out: string[], where: string, seen?: Set<string>): void {
  for (const resource of resources)
    for (const mode of MODES) {
      const d = disagreement(resource, mode, value);
      if (d !== undefined) out.push(`${where}: ${d}`);
      else if (seen) for (const e of errorsOf(checkReference(resource, mode, value))) seen.add(e.keyword);
    }
}

const EVERY_KEYWORD = [
  "additionalProperties",
  "const",
  "enum",
  "false schema",
  "if",
  "maximum",
  "minimum",
  "pattern",
  "required",
  "type",
  "x-gemini-bytes",
];

describe.skipIf(!hasShared)("reference = ajv on the real corpus", () => {
  it("every corpus payload, as every resource, in both modes; and every mutation of it as its own resource", () => {
    const bodies = corpusBodies();
    expect(bodies.length).toBeGreaterThan(700);
    const seen = new Set<string>();
    const out: string[] = [];
    let mutations = 0;
    for (const { file, chunk, resource, value } of bodies) {
      compare(RESOURCE_NAMES, value, out, `${file}#${chunk}`, seen);
      for (const m of mutationsOf(resource, value)) {
        mutations++;
        compare([resource], m.value, out, `${file}#${chunk} ${m.kind} ${m.pointer}`, seen);
      }
    }
    expect(out.slice(0, 10)).toEqual([]);
    expect(mutations).toBeGreaterThan(1000);
    // The keywords real payloads and their mutations fail, so the comparison means something (the table below has all).
    expect([...seen].sort()).toEqual([
      "additionalProperties",
      "enum",
      "false schema",
      "pattern",
      "required",
      "type",
      "x-gemini-bytes",
    ]);
  });
});

describe("reference = ajv on the project's own fixtures", () => {
  it("every fixture body, as every resource, and every mutation of it as its resource", async () => {
    const out: string[] = [];
    for (const { entry, value } of await fixtureBodies()) {
      compare(RESOURCE_NAMES, value, out, entry.file);
      for (const m of mutationsOf(entry.resource, value))
        compare([entry.resource], m.value, out, `${entry.file} ${m.kind} ${m.pointer}`);
    }
    expect(out.slice(0, 10)).toEqual([]);
  });
});

describe("reference = ajv on random values", () => {
  const arbResource = fc.constantFrom(...RESOURCE_NAMES);
  const agree = (resource: string, value: unknown): void => {
    expect(MODES.map((mode) => disagreement(resource, mode, value)).filter(Boolean)).toEqual([]);
  };

  it("any JSON value (nasty keys included), for any resource", () => {
    fc.assert(fc.property(arbResource, json, agree), { numRuns: 2000 });
  });

  it("payloads built from the model: random fields, both spellings, wrong types, stray and nasty keys", () => {
    fc.assert(
      fc.property(arbResource, fc.gen(), (resource, g) =>
        agree(resource, JSON.parse(JSON.stringify(build(resource, g))) as unknown),
      ),
      { numRuns: 3000 },
    );
  });

  it("GenerateContent requests and responses and error bodies, many more of them", () => {
    const arb = fc.constantFrom("GenerateContentRequest", "GenerateContentResponse", "ErrorResponse");
    fc.assert(
      fc.property(arb, fc.gen(), (resource, g) =>
        agree(resource, JSON.parse(JSON.stringify(build(resource, g))) as unknown),
      ),
      { numRuns: 2000 },
    );
  });

  it("values JSON cannot hold, and awkward ones it can", () => {
    const withOwn = (key: string, value: unknown) =>
      Object.defineProperty({}, key, { value, enumerable: true, writable: true, configurable: true });
    const cases: [string, unknown][] = [
      ["Part", { text: undefined }],
      ["Part", { text: "a", inlineData: undefined, stray: undefined }],
      ["Blob", { mimeType: undefined, data: "AA==" }],
      ["FileData", { fileUri: undefined }],
      ["Content", { parts: [undefined] }],
      // eslint-disable-next-line no-sparse-arrays
      ["Content", { parts: [, { text: "x" }] }],
      ["Candidate", { index: Infinity }],
      ["Candidate", { index: -Infinity, tokenCount: NaN }],
      ["Candidate", { avgLogprobs: NaN }],
      ["Candidate", { index: -0 }],
      ["Candidate", { index: 2 ** 53, tokenCount: 1e300 }],
      ["Status", { details: [{ "@type": undefined }] }],
      ["Status", { details: [undefined, null, [], "x", 1] }],
      [
        "Status",
        {
          details: [
            { "@type": "type.googleapis.com/google.rpc.ErrorInfo", reason: 1, metadata: { a: 1, "b/~c": undefined } },
          ],
        },
      ],
      ["GenerateContentResponse", Object.create(null) as unknown],
      ["Part", Object.assign(Object.create(null) as object, { text: 1, fileData: {} })],
      ["Part", withOwn("__proto__", { text: 1 })],
      ["Part", { ...(withOwn("__proto__", 1) as object), text: "x", constructor: 1, toString: "y" }],
      ["Blob", { data: "A".repeat(1_000_001) }],
      ["Blob", { data: `${"A".repeat(999)}!` }],
      ["Blob", { mimeType: "x".repeat(1_000_000), [NASTY_KEYS[0]!]: 1 }],
      ["GenerateContentRequest", { contents: [{ parts: new Array(3) }] }],
      [
        "ErrorResponse",
        {
          error: {
            details: [{ "@type": "type.googleapis.com/google.rpc.BadRequest", fieldViolations: [{ field: 1 }, 2] }],
          },
        },
      ],
    ];
    for (const [resource, value] of cases)
      expect([resource, MODES.map((mode) => disagreement(resource, mode, value)).filter(Boolean)]).toEqual([
        resource,
        [],
      ]);
  });

  it("deep nesting surfaces as a RangeError, and validation as a too-deep issue", () => {
    const deep = { generationConfig: { responseSchema: nest(200_000, (inner) => ({ items: inner }), {}) } };
    for (const mode of MODES) expect(() => checkReference("GenerateContentRequest", mode, deep)).toThrow(RangeError);
    const result = validateResource("GenerateContentRequest", deep, "strict");
    expect(result.ok ? [] : result.issues.map((i) => i.code)).toEqual(["too-deep"]);
  });
});

// ---------------------------------------------------------------- keyword by keyword

/** Errors as "keyword instancePath", drift as "kind path". */
function summary(resource: string, mode: Mode, value: unknown): string[] {
  const result = checkReference(resource, mode, value);
  const [errors, drift] = [errorsOf(result), result.drift];
  return [
    ...errors.map((e) => `${e.keyword} ${e.instancePath}`),
    ...drift.map((d) => `${d.kind} ${d.path} ${d.owner}`),
  ];
}

const DETAIL = "type.googleapis.com/google.rpc.ErrorInfo";
/** Each any-type branch applies to a value that is not an object: its `then` fails and says so. */
const everyBranch = (at: string) => Array.from({ length: 7 }, () => [`type ${at}`, `if ${at}`]).flat();
const ROWS: [string, string, Mode, unknown, string[]][] = [
  ["type of a resource", "Blob", "strict", [], ["type "]],
  ["type of a scalar", "Part", "strict", { thought: "yes" }, ["type /thought"]],
  ["number must be finite", "Candidate", "strict", { avgLogprobs: Infinity }, ["type /avgLogprobs"]],
  [
    "integer, then its bounds",
    "Candidate",
    "strict",
    { index: 1.5, tokenCount: 2 ** 31 },
    ["type /index", "maximum /tokenCount"],
  ],
  ["minimum", "Candidate", "strict", { index: -(2 ** 31) - 1 }, ["minimum /index"]],
  ["an integer not a number: no bounds checked", "Candidate", "strict", { index: "1" }, ["type /index"]],
  [
    "required, in schema order, before anything else",
    "FileData",
    "strict",
    { mimeType: 1 },
    ["required ", "type /mimeType"],
  ],
  [
    "unknown fields, strict: errors in key order before the properties",
    "Blob",
    "strict",
    { b: 1, data: 2, a: 3 },
    ["additionalProperties ", "additionalProperties ", "type /data"],
  ],
  [
    "unknown fields, lenient: drift",
    "Blob",
    "lenient",
    { "a/b": 1, "c~d": 2 },
    ["unknown-field /a~1b Blob", "unknown-field /c~0d Blob"],
  ],
  [
    "properties in schema order, not key order",
    "Part",
    "strict",
    { thought: 1, text: 2 },
    ["type /text", "type /thought"],
  ],
  ["enum, strict", "Candidate", "strict", { finishReason: "NOPE" }, ["enum /finishReason"]],
  [
    "enum not a string, strict: type and enum",
    "Candidate",
    "strict",
    { finishReason: 1 },
    ["type /finishReason", "enum /finishReason"],
  ],
  [
    "enum, lenient: drift naming the enum",
    "Candidate",
    "lenient",
    { finishReason: "NOPE" },
    ["unknown-enum-value /finishReason FinishReason"],
  ],
  ["enum not a string, lenient: type only", "Candidate", "lenient", { finishReason: 1 }, ["type /finishReason"]],
  [
    "pattern",
    "File",
    "strict",
    { sizeBytes: "12a", createTime: "yesterday" },
    ["pattern /createTime", "pattern /sizeBytes"],
  ],
  ["pattern on a non-string: type", "File", "strict", { sizeBytes: 12 }, ["type /sizeBytes"]],
  ["bytes, whole", "Blob", "strict", { data: "not base64!" }, ["x-gemini-bytes /data"]],
  ["bytes, spot-checked", "Blob", "strict", { data: `${"A".repeat(300)}!` }, ["x-gemini-bytes /data"]],
  ["const, after the type", "ErrorInfo", "strict", { "@type": 1 }, ["type /@type", "const /@type"]],
  [
    "array items, with their index",
    "StringList",
    "strict",
    { values: ["a", 1, "b", null] },
    ["type /values/1", "type /values/3"],
  ],
  ["array not an array", "StringList", "strict", { values: "a" }, ["type /values"]],
  ["map values, with their key", "ErrorInfo", "strict", { metadata: { a: "x", "b/c": 1 } }, ["type /metadata/b~1c"]],
  ["map not an object", "ErrorInfo", "strict", { metadata: [] }, ["type /metadata"]],
  ["a Struct takes any object", "FunctionCall", "strict", { name: "f", args: { a: [1, { b: null }] } }, []],
  [
    "oneof: every other member set, from each member",
    "Part",
    "strict",
    { text: "a", fileData: { fileUri: "u" } },
    ["false schema /fileData", "false schema /text"],
  ],
  [
    "oneof holds in lenient mode too",
    "Part",
    "lenient",
    { text: "a", inlineData: {} },
    ["false schema /inlineData", "false schema /text"],
  ],
  [
    "nested resources through $ref",
    "Content",
    "strict",
    { parts: [{ inlineData: { data: 1 } }] },
    ["type /parts/0/inlineData/data"],
  ],
  [
    "recursion (Schema in Schema)",
    "Schema",
    "strict",
    { type: "ARRAY", items: { type: "ARRAY", items: { type: 1 } } },
    ["type /items/items/type", "enum /items/items/type"],
  ],
  [
    "any type: the branch of its URL, then `if`",
    "Status",
    "strict",
    { details: [{ "@type": DETAIL, reason: 1 }] },
    ["type /details/0/reason", "if /details/0"],
  ],
  [
    "any type: unknown URL passes",
    "Status",
    "strict",
    { details: [{ "@type": "type.googleapis.com/x.Y", anything: 1 }] },
    [],
  ],
  ["any type: no @type", "Status", "strict", { details: [{}] }, ["required /details/0"]],
  ["any type: @type not a string", "Status", "strict", { details: [{ "@type": 1 }] }, ["type /details/0/@type"]],
  [
    "any type: not an object meets every branch",
    "Status",
    "strict",
    { details: [1] },
    [...everyBranch("/details/0"), "type /details/0"],
  ],
  [
    "any type, lenient: the branch's drift",
    "Status",
    "lenient",
    { details: [{ "@type": DETAIL, extra: 1 }] },
    ["unknown-field /details/0/extra ErrorInfo"],
  ],
  ["undefined members are absent", "FileData", "strict", { fileUri: undefined, mimeType: undefined }, ["required "]],
];

describe("reference checker, keyword by keyword", () => {
  it.each(ROWS)("%s", (_, resource, mode, value, expected) => {
    expect(summary(resource, mode, value)).toEqual(expected);
    expect(disagreement(resource, mode, value)).toBeUndefined();
  });

  it("covers every keyword the validators report", () => {
    const seen = new Set(
      ROWS.flatMap(([, resource, mode, value]) =>
        errorsOf(checkReference(resource, mode, value)).map((e) => e.keyword),
      ),
    );
    expect([...seen].sort()).toEqual(EVERY_KEYWORD);
  });

  it("violations carry what the issue needs", () => {
    expect(checkReference("Candidate", "strict", { tokenCount: 2 ** 31 }).violations).toEqual([
      { kind: "maximum", path: "/tokenCount", limit: 2147483647 },
    ]);
    // Both members forbid each other: two violations about the one object.
    expect(checkReference("Part", "strict", { text: "a", fileData: { fileUri: "u" } }).violations).toEqual([
      { kind: "oneof", path: "", member: "text", other: "fileData" },
      { kind: "oneof", path: "", member: "fileData", other: "text" },
    ]);
  });

  it("an unknown resource is a TypeError, whatever its name", () => {
    for (const name of [
      "Nope",
      "FinishReason",
      "ErrorDetail",
      "__proto__",
      "toString",
      "constructor",
      "drift",
      "isBytes",
    ]) {
      expect(resourceByName(name)).toBeUndefined();
      for (const mode of MODES) expect(() => validateResource(name, {}, mode)).toThrow(TypeError);
      for (const mode of MODES) expect(() => validateResource(name, {}, mode)).toThrow(/no resource named/);
    }
  });
});

// ---------------------------------------------------------------- the data and the reader

/** The names of the schemas a node refers to, as the checker follows them. */
function refsOf(node: SchemaNode, out = new Set<string>()): Set<string> {
  switch (node.kind) {
    case "ref":
      out.add(node.name);
      break;
    case "array":
      if (node.items) refsOf(node.items, out);
      break;
    case "map":
      if (node.values) refsOf(node.values, out);
      break;
    case "any":
      for (const { then } of node.branches) refsOf(then, out);
      refsOf(node.object, out);
      break;
    case "resource":
      for (const { node: property } of node.properties) refsOf(property, out);
      break;
  }
  return out;
}

describe("reference data", () => {
  it("is the lenient validator schemas, one entry per name, every one readable", async () => {
    const { ir } = await loadSpec(join(PROJECT_ROOT, "spec"));
    const schemas = validatorSchemas(ir!, "lenient");
    const entries = Object.entries(referenceData).filter(([key]) => key !== "isBytes");
    expect(entries.map(([key]) => key).sort()).toEqual([...schemas.keys()].sort());
    for (const [name, schema] of schemas) {
      const entry = entryOf(name);
      const { $id, ...rest } = schema as Record<string, unknown>;
      expect([name, $id]).toEqual([name, `https://gemini-typekit.dev/schemas/v1beta/lenient/${name}.json`]);
      expect([name, entry.name, JSON.parse(entry.json)]).toEqual([name, name, rest]);
    }
  });

  it("links each schema to exactly the schemas it refers to, so including one brings all it reaches", () => {
    for (const name of Object.keys(referenceData).filter((key) => key !== "isBytes")) {
      const entry = entryOf(name);
      includeSchemas(entry);
      const linked = (entry.refs?.() ?? []).map((e) => e.name).sort();
      const followed = [...refsOf(named(name)!)].filter((r) => r !== name).sort();
      expect([name, linked]).toEqual([name, followed]);
    }
  });

  it("refuses keywords and shapes it does not reproduce", () => {
    const readAs = (schema: unknown) => () => read(schema, "R", "R.json");
    expect(readAs({ type: "string", pattern: "^a$" })).not.toThrow();
    expect(readAs({ type: "string", minLength: 1 })).toThrow(/R.json: unsupported keyword minLength/);
    expect(readAs({ type: "object", patternProperties: {} })).toThrow(/unsupported keyword patternProperties/);
    expect(readAs({ type: ["string", "null"] })).toThrow(/unsupported type/);
    expect(readAs({ type: "object", properties: { __proto__: { type: "string" } } })).not.toThrow(); // an object literal's __proto__ sets the prototype
    expect(readAs(JSON.parse('{"type":"object","properties":{"__proto__":{"type":"string"}}}'))).toThrow(/__proto__/);
    expect(readAs({ type: "object", properties: { a: {} }, dependentSchemas: { a: { required: ["b"] } } })).toThrow(
      /unsupported keyword required/,
    );
    expect(readAs({ $ref: "#/$defs/X" })).toThrow(/unsupported \$ref/);
    expect(readAs(false)).toThrow(/unsupported schema/);
  });
});
