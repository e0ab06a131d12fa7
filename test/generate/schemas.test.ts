// The JSON Schema emitter: table-driven wire formats, oneofs and required fields on a small spec, and a strict
// ajv compile of every schema emitted for the project's spec.
import { beforeAll, describe, expect, it } from "vitest";
import { join } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import { loadSpec } from "../../packages/tools/src/spec/load.ts";
import { allSchemas, bundleSchema, resourceSchema, schemaId } from "../../packages/tools/src/generate/json-schema.ts";
import type { SpecIR } from "../../packages/tools/src/spec/ir.ts";
import { runImport } from "../../packages/tools/src/import/run.ts";
import { discoveryDoc } from "../support/discovery-fragment.ts";
import { tempDir, writeTree } from "../support/tmp.ts";
import { PROJECT_ROOT } from "../support/shared.ts";

let small: SpecIR;

beforeAll(async () => {
  const root = tempDir();
  writeTree(root, {
    "discovery.json": discoveryDoc({
      Thing: {
        properties: {
          name: { type: "string", description: "Required. The name." },
          size: { type: "string", format: "int64" },
          data: { type: "string", format: "byte" },
          at: { type: "string", format: "google-datetime" },
          ttl: { type: "string", format: "google-duration" },
          count: { type: "integer", format: "int32" },
          kind: { type: "string", enum: ["KIND_UNSPECIFIED", "BIG"] },
          labels: { type: "object", additionalProperties: { type: "string" } },
          tags: { type: "array", items: { type: "string" } },
          text: { type: "string" },
          blob: { $ref: "Blob" },
          args: { type: "object", additionalProperties: { type: "any" } },
        },
      },
      Blob: { properties: { mimeType: { type: "string" } } },
    }),
    "spec/overlay/enums/Kind.json": { usedBy: ["Thing.kind"] },
    "spec/overlay/corrections.json": {
      unions: [
        { resource: "Thing", union: "payload", members: ["text", "blob"], reason: "a test oneof of two members" },
      ],
    },
  });
  const r = await runImport({ discovery: join(root, "discovery.json"), specDir: join(root, "spec") }, root);
  expect(r.ok).toBe(true);
  small = (await loadSpec(join(root, "spec"))).ir!;
});

function compile(ir: SpecIR, mode: "strict" | "lenient") {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  for (const s of allSchemas(ir, mode).values()) ajv.addSchema(s);
  return (name: string) => ajv.getSchema(schemaId(name, mode))!;
}

describe("wire formats and constraints", () => {
  const base = { name: "x" };
  const rows: [string, { given: Record<string, unknown>; strict: boolean; lenient?: boolean }][] = [
    ["minimal", { given: base, strict: true }],
    ["missing required name", { given: {}, strict: false, lenient: false }],
    ["int64 as decimal string", { given: { ...base, size: "-9223372036854775808" }, strict: true }],
    ["int64 as a JSON number", { given: { ...base, size: 12 }, strict: false, lenient: false }],
    ["int64 with a fraction", { given: { ...base, size: "1.5" }, strict: false, lenient: false }],
    ["int64 of 20 digits", { given: { ...base, size: "12345678901234567890" }, strict: false, lenient: false }],
    ["base64 standard", { given: { ...base, data: "aGVsbG8+Pz8/" }, strict: true }],
    ["base64 URL-safe", { given: { ...base, data: "aGVsbG8-Pz8_" }, strict: true }],
    ["base64 with a space", { given: { ...base, data: "aGVs bG8=" }, strict: false, lenient: false }],
    ["timestamp, 9 fractional digits", { given: { ...base, at: "2026-03-25T10:00:00.123456789Z" }, strict: true }],
    ["timestamp with an offset", { given: { ...base, at: "2026-03-25T10:00:00+05:30" }, strict: true }],
    [
      "timestamp, 10 fractional digits",
      { given: { ...base, at: "2026-03-25T10:00:00.1234567891Z" }, strict: false, lenient: false },
    ],
    ["timestamp, month 13", { given: { ...base, at: "2026-13-25T10:00:00Z" }, strict: false, lenient: false }],
    ["duration 3.5s", { given: { ...base, ttl: "3.5s" }, strict: true }],
    ["duration without unit", { given: { ...base, ttl: "3.5" }, strict: false, lenient: false }],
    ["duration in minutes", { given: { ...base, ttl: "2m" }, strict: false, lenient: false }],
    ["int32 out of range", { given: { ...base, count: 2147483648 }, strict: false, lenient: false }],
    ["int32 fraction", { given: { ...base, count: 1.5 }, strict: false, lenient: false }],
    ["known enum value", { given: { ...base, kind: "BIG" }, strict: true }],
    ["unknown enum value", { given: { ...base, kind: "HUGE" }, strict: false, lenient: true }],
    ["unknown field", { given: { ...base, colour: "blue" }, strict: false, lenient: true }],
    ["map of strings", { given: { ...base, labels: { a: "b" } }, strict: true }],
    ["map with a number", { given: { ...base, labels: { a: 1 } }, strict: false, lenient: false }],
    ["struct of anything", { given: { ...base, args: { a: [1, { b: null }] } }, strict: true }],
    ["one oneof member", { given: { ...base, text: "hi" }, strict: true }],
    ["two oneof members", { given: { ...base, text: "hi", blob: { mimeType: "a/b" } }, strict: false, lenient: false }],
    [
      "unknown field inside a nested resource",
      { given: { ...base, blob: { mimeType: "a/b", extra: 1 } }, strict: false, lenient: true },
    ],
  ];
  it.each(rows)("%s", (_name, { given, strict, lenient }) => {
    expect(compile(small, "strict")("Thing")(given)).toBe(strict);
    expect(compile(small, "lenient")("Thing")(given)).toBe(lenient ?? strict);
  });

  it("emits the expected schema for a resource with a oneof", () => {
    const schema = resourceSchema(small.resources.get("Thing")!, "strict");
    expect(schema["required"]).toEqual(["name"]);
    expect(schema["additionalProperties"]).toBe(false);
    expect(schema["dependentSchemas"]).toEqual({
      text: { $comment: "oneof payload: at most one of text, blob", properties: { blob: false } },
      blob: { $comment: "oneof payload: at most one of text, blob", properties: { text: false } },
    });
    expect((schema["properties"] as Record<string, unknown>)["kind"]).toEqual({ $ref: "Kind.json" });
    expect(resourceSchema(small.resources.get("Thing")!, "lenient")["additionalProperties"]).toBeUndefined();
  });
});

describe("the project's schemas", () => {
  it("every resource, enum and any type schema compiles with ajv in strict mode, alone and as the bundle", async () => {
    const { ir } = await loadSpec(join(PROJECT_ROOT, "spec"));
    for (const mode of ["strict", "lenient"] as const) {
      const schemas = allSchemas(ir!, mode);
      expect(schemas.size).toBe(ir!.resources.size + ir!.enums.size + ir!.anyTypes.size);
      const ajv = new Ajv2020({ strict: true });
      for (const s of schemas.values()) ajv.addSchema(s);
      for (const id of [...schemas.values()].map((s) => s["$id"] as string))
        expect(() => ajv.getSchema(id)).not.toThrow();
      const bundled = new Ajv2020({ strict: true }).compile(bundleSchema(schemas, mode));
      expect(bundled).toBeTypeOf("function");
    }
  });

  it('every resource schema lists all of the resource\'s fields (and "@type" when an any type knows it)', async () => {
    const { ir } = await loadSpec(join(PROJECT_ROOT, "spec"));
    for (const r of ir!.resources.values())
      expect(Object.keys(resourceSchema(r, "strict")["properties"] as object).sort()).toEqual(
        [...r.fields.map((f) => f.jsonName), ...(r.typeUrl ? ["@type"] : [])].sort(),
      );
  });
});
