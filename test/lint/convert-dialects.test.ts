// jsonSchemaToResponseSchema / responseSchemaToJsonSchema on schemas that did not come from our converter.
import { describe, expect, it } from "vitest";
import {
  fromSchema,
  jsonSchemaToResponseSchema,
  lintSchema,
  responseSchemaToJsonSchema,
} from "../../packages/tools/src/response-schema/index.ts";

describe("jsonSchemaToResponseSchema", () => {
  it("inlines $defs and keeps the reference site's description", () => {
    const { schema, diagnostics } = jsonSchemaToResponseSchema({
      $defs: { Tag: { type: "string", description: "a tag", enum: ["a", "b"] } },
      type: "object",
      properties: {
        first: { anyOf: [{ $ref: "#/$defs/Tag" }], description: "the first" },
        rest: { type: "array", items: { $ref: "#/$defs/Tag" } },
      },
      required: ["first"],
    });
    expect(diagnostics).toEqual([]);
    expect(schema).toEqual({
      type: "OBJECT",
      properties: {
        first: { description: "the first", type: "STRING", format: "enum", enum: ["a", "b"] },
        rest: { type: "ARRAY", items: { description: "a tag", type: "STRING", format: "enum", enum: ["a", "b"] } },
      },
      propertyOrdering: ["first", "rest"],
      required: ["first"],
    });
    expect(lintSchema(schema, { dialect: "responseSchema" })).toEqual([]);
  });

  it("turns anyOf with null into nullable, oneOf into anyOf", () => {
    const { schema } = jsonSchemaToResponseSchema({
      oneOf: [{ type: "integer", minimum: 1 }, { type: "null" }],
      description: "count",
    });
    expect(schema).toEqual({ description: "count", type: "INTEGER", minimum: 1, nullable: true });
  });

  it("reports what the legacy dialect cannot hold, at JSON Pointers", () => {
    const { schema, diagnostics } = jsonSchemaToResponseSchema(
      {
        $defs: { N: { type: "object", properties: { next: { $ref: "#/$defs/N" } } } },
        type: "object",
        properties: {
          n: { $ref: "#/$defs/N" },
          pair: { type: "array", prefixItems: [{ type: "string" }] },
          code: { type: "string", pattern: "x" },
          lvl: { enum: [1, 2] },
        },
      },
      { file: "s.json" },
    );
    expect(schema).toBeUndefined();
    expect(diagnostics.map((d) => [d.code, d.location.pointer, d.location.file])).toEqual([
      ["convert.unsupported-keyword", "/properties/code/pattern", "s.json"],
    ]);
    const second = jsonSchemaToResponseSchema({
      $defs: { N: { type: "object", properties: { next: { $ref: "#/$defs/N" } } } },
      type: "object",
      properties: {
        n: { $ref: "#/$defs/N" },
        pair: { type: "array", prefixItems: [{ type: "string" }] },
        lvl: { enum: [1, 2] },
      },
    });
    expect(second.diagnostics.map((d) => [d.code, d.location.pointer])).toEqual([
      ["legacy.recursive-ref", "/$defs/N/properties/next"],
      ["legacy.tuple", "/properties/pair"],
      ["legacy.numeric-enum", "/properties/lvl/enum"],
    ]);
  });
});

describe("responseSchemaToJsonSchema", () => {
  it("maps types, nullable, string enums and int64 strings", () => {
    const { schema, diagnostics } = responseSchemaToJsonSchema({
      type: "OBJECT",
      properties: {
        tags: { type: "ARRAY", items: { type: "STRING", format: "enum", enum: ["x"] }, minItems: "1" },
        note: { type: "STRING", nullable: true, description: "d" },
      },
      propertyOrdering: ["note", "tags"],
      required: ["tags"],
    });
    expect(diagnostics).toEqual([]);
    expect(schema).toEqual({
      type: "object",
      properties: {
        note: { description: "d", anyOf: [{ type: "string" }, { type: "null" }] },
        tags: { type: "array", items: { type: "string", enum: ["x"] }, minItems: 1 },
      },
      propertyOrdering: ["note", "tags"],
      required: ["tags"],
    });
  });

  it("reports fields it cannot convert", () => {
    const { diagnostics } = responseSchemaToJsonSchema({ type: "STRING", pattern: "^a", example: "a" });
    expect(diagnostics.map((d) => [d.code, d.location.pointer])).toEqual([
      ["convert.unsupported-field", "/pattern"],
      ["convert.unsupported-field", "/example"],
    ]);
  });
});

describe("fromSchema", () => {
  it("accepts the legacy dialect", async () => {
    const { code } = await fromSchema(
      { type: "OBJECT", properties: { a: { type: "STRING", nullable: true } }, required: ["a"] },
      { name: "Thing" },
    );
    expect(code).toMatch(/export interface Thing \{\s+a: string \| null;/);
  });
});
