// spec learn's type inference: the values seen at one unknown field → the definition proposed for it, and the
// resources proposed for the objects among them.
import { describe, expect, it } from "vitest";
import { fieldNames, Inferrer, jsonTypeOf } from "../../packages/tools/src/learn/infer.ts";
import type { ImportedField } from "../../packages/tools/src/spec/layers.ts";

type Want = { definition: ImportedField; resources?: Record<string, Record<string, ImportedField>> };

const rows: [string, { given: { values: unknown[]; outputOnly?: boolean; taken?: string[] }; want: Want }][] = [
  ["strings", { given: { values: ["a", "b"] }, want: { definition: { protoName: "new_field", type: "string" } } }],
  [
    "decimal strings, all of them: int64",
    { given: { values: ["12", "-9007199254740993"] }, want: { definition: { protoName: "new_field", type: "int64" } } },
  ],
  [
    "decimal strings and a word: string",
    { given: { values: ["12", "twelve"] }, want: { definition: { protoName: "new_field", type: "string" } } },
  ],
  [
    "RFC 3339 timestamps",
    {
      given: { values: ["2026-03-01T10:00:00Z", "2026-03-01T10:00:00.5+01:00"] },
      want: { definition: { protoName: "new_field", type: "timestamp" } },
    },
  ],
  [
    "durations",
    { given: { values: ["3.5s", "0s"] }, want: { definition: { protoName: "new_field", type: "duration" } } },
  ],
  [
    "int32 integers",
    { given: { values: [0, -5, 2147483647] }, want: { definition: { protoName: "new_field", type: "int32" } } },
  ],
  [
    "non-negative integers past int32: uint32",
    { given: { values: [4294967295] }, want: { definition: { protoName: "new_field", type: "uint32" } } },
  ],
  [
    "JSON numbers past 32 bits: double (an int64 travels as a string)",
    { given: { values: [2 ** 40] }, want: { definition: { protoName: "new_field", type: "double" } } },
  ],
  [
    "integers and fractions: double",
    { given: { values: [1, 0.5] }, want: { definition: { protoName: "new_field", type: "double" } } },
  ],
  ["booleans", { given: { values: [true, false] }, want: { definition: { protoName: "new_field", type: "boolean" } } }],
  [
    "nulls are unset: they do not decide",
    { given: { values: [null, "x"] }, want: { definition: { protoName: "new_field", type: "string" } } },
  ],
  [
    "only nulls: any value",
    { given: { values: [null] }, want: { definition: { protoName: "new_field", type: "value" } } },
  ],
  [
    "several kinds: any value",
    { given: { values: ["1", 1] }, want: { definition: { protoName: "new_field", type: "value" } } },
  ],
  [
    "arrays of strings: repeated string",
    {
      given: { values: [["a"], [], ["b", "c"]] },
      want: { definition: { protoName: "new_field", type: "string", repeated: true } },
    },
  ],
  [
    "only empty arrays: repeated value",
    { given: { values: [[]] }, want: { definition: { protoName: "new_field", type: "value", repeated: true } } },
  ],
  [
    "arrays of arrays: repeated value",
    { given: { values: [[[1]]] }, want: { definition: { protoName: "new_field", type: "value", repeated: true } } },
  ],
  [
    "an array and a scalar: any value",
    { given: { values: [[1], 1] }, want: { definition: { protoName: "new_field", type: "value" } } },
  ],
  [
    "only empty objects: struct",
    { given: { values: [{}] }, want: { definition: { protoName: "new_field", type: "struct" } } },
  ],
  [
    "objects with keys no field can have: struct",
    { given: { values: [{ "en-US": 1 }] }, want: { definition: { protoName: "new_field", type: "struct" } } },
  ],
  [
    "objects: a new resource with the fields of all of them, snake_case and lowerCamel spellings as one",
    {
      given: { values: [{ a_b: 1 }, { aB: 2, c: { d: "x" } }], outputOnly: true },
      want: {
        definition: { protoName: "new_field", type: "ref", ref: "ThingNewField", outputOnly: true },
        resources: {
          ThingNewField: {
            aB: { protoName: "a_b", type: "int32", outputOnly: true },
            c: { protoName: "c", type: "ref", ref: "ThingNewFieldC", outputOnly: true },
          },
          ThingNewFieldC: { d: { protoName: "d", type: "string", outputOnly: true } },
        },
      },
    },
  ],
  [
    "arrays of objects: repeated, the resource named after the field; a taken name gets a number",
    {
      given: { values: [[{ x: true }]], taken: ["ThingNewField"] },
      want: {
        definition: { protoName: "new_field", type: "ref", ref: "ThingNewField2", repeated: true },
        resources: { ThingNewField2: { x: { protoName: "x", type: "boolean" } } },
      },
    },
  ],
];

describe("Inferrer: a definition from the values seen", () => {
  it.each(rows)("%s", (_name, { given, want }) => {
    const inferrer = new Inferrer((name) => (given.taken ?? []).includes(name));
    const definition = inferrer.field(
      "Thing",
      { jsonName: "newField", protoName: "new_field" },
      given.values,
      given.outputOnly ?? false,
    );
    expect(definition).toEqual(want.definition);
    expect(Object.fromEntries([...inferrer.resources].map(([name, r]) => [name, r.fields]))).toEqual(
      want.resources ?? {},
    );
  });
});

describe("fieldNames: a payload key as a field's JSON and proto names", () => {
  const names: [string, { given: string; want: ReturnType<typeof fieldNames> }][] = [
    ["lowerCamel", { given: "serviceTier", want: { jsonName: "serviceTier", protoName: "service_tier" } }],
    ["snake_case", { given: "service_tier", want: { jsonName: "serviceTier", protoName: "service_tier" } }],
    ["snake_case with digits", { given: "image_2d_box", want: { jsonName: "image2dBox", protoName: "image_2d_box" } }],
    ["one word", { given: "score", want: { jsonName: "score", protoName: "score" } }],
    ["an acronym", { given: "sourceURL", want: { jsonName: "sourceURL", protoName: "source_url" } }],
    [
      "a leading underscore (an alias's spelling)",
      { given: "_responseJsonSchema", want: { jsonName: "_responseJsonSchema", protoName: "response_json_schema" } },
    ],
    ["PascalCase: no field", { given: "Score", want: undefined }],
    ["a dash: no field", { given: "x-goog-id", want: undefined }],
    ["@type: no field", { given: "@type", want: undefined }],
  ];
  it.each(names)("%s", (_name, { given, want }) => expect(fieldNames(given)).toEqual(want));
});

describe("jsonTypeOf: the JSON types learn reports", () => {
  const types: [string, { given: unknown; want: string }][] = [
    ["integer", { given: 3, want: "integer" }],
    ["number", { given: 3.5, want: "number" }],
    ["string", { given: "x", want: "string" }],
    ["object", { given: {}, want: "object" }],
    ["null", { given: null, want: "null" }],
    ["array of one type", { given: [1, 2], want: "array-of-integer" }],
    ["array of two types", { given: [1, "a"], want: "array-of-integer|string" }],
    ["empty array", { given: [], want: "array-of-nothing" }],
  ];
  it.each(types)("%s", (_name, { given, want }) => expect(jsonTypeOf(given)).toBe(want));
});
