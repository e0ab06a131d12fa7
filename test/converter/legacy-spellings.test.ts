// responseSchemaToJsonSchema (and fromSchema through it) reads a legacy Schema the way Gemini does: a field under its
// JSON name or its proto name, a type name in any case. Evidence: requests answered 200 with `any_of` /
// `property_ordering` (pydantic-ai, gemini-2.0-flash) and with lower-case types (Google's cookbook
// Function_calling_REST notebook): request/pydantic-ai-test_google_native_output_multiple.json and
// request/cookbook-Function_calling_REST-c12.json in ../shared/fixtures/real. Errors keep the key the input used.
import { describe, expect, it } from "vitest";
import { fromSchema, responseSchemaToJsonSchema } from "../../packages/tools/src/response-schema/index.ts";

type Case = [string, { given: unknown; want: { schema?: unknown; errors?: [code: string, pointer: string][] } }];

const CASES: Case[] = [
  [
    "proto names any_of, property_ordering and max_items read like their JSON names",
    {
      given: {
        type: "OBJECT",
        properties: {
          a: { any_of: [{ type: "STRING" }, { type: "INTEGER" }] },
          b: { type: "ARRAY", items: { type: "STRING" }, max_items: "3" },
        },
        property_ordering: ["b", "a"],
        required: ["a"],
      },
      want: {
        schema: {
          type: "object",
          properties: {
            b: { type: "array", items: { type: "string" }, maxItems: 3 },
            a: { anyOf: [{ type: "string" }, { type: "integer" }] },
          },
          propertyOrdering: ["b", "a"],
          required: ["a"],
        },
      },
    },
  ],
  [
    "lower-case type names",
    {
      given: { type: "object", properties: { n: { type: "integer", nullable: true } } },
      want: {
        schema: {
          type: "object",
          properties: { n: { anyOf: [{ type: "integer" }, { type: "null" }] } },
          propertyOrdering: ["n"],
        },
      },
    },
  ],
  [
    "a bad value under a proto name is reported at the proto key",
    {
      given: { type: "ARRAY", items: { type: "STRING" }, min_items: "many" },
      want: { errors: [["convert.bad-value", "/min_items"]] },
    },
  ],
  [
    "a node with neither type nor anyOf is untyped, one with an unknown type a bad value",
    {
      given: { type: "OBJECT", properties: { a: { description: "x" }, b: { type: "strin" } } },
      want: {
        errors: [
          ["convert.untyped", "/properties/a"],
          ["convert.bad-value", "/properties/b/type"],
        ],
      },
    },
  ],
];

describe("responseSchemaToJsonSchema reads both spellings", () => {
  it.each(CASES)("%s", (_name, { given, want }) => {
    const { schema, diagnostics } = responseSchemaToJsonSchema(given);
    expect(diagnostics.map((d) => [d.code, d.location.pointer])).toEqual(want.errors ?? []);
    expect(schema).toEqual(want.schema);
  });

  it("fromSchema takes a schema spelled with proto names as legacy", async () => {
    const { code } = await fromSchema(
      { type: "object", properties: { a: { any_of: [{ type: "string" }, { type: "integer" }] } }, required: ["a"] },
      { name: "T" },
    );
    expect(code).toMatch(/a: string \| number;/);
  });
});
