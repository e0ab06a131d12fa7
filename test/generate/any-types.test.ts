// Any types (google.protobuf.Any fields typed by their "@type" URL), from spec fragment to schema: a small Discovery
// document whose Status.details is a free-form struct, corrected in the overlay to an any type with two known
// messages. The emitted schemas are checked as text, then instances row by row in both modes, with the instance
// paths of the errors.
import { beforeAll, describe, expect, it } from "vitest";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv2020, type ErrorObject } from "ajv/dist/2020.js";
import { loadSpec } from "../../packages/tools/src/spec/load.ts";
import {
  allSchemas,
  anyTypeSchema,
  resourceSchema,
  schemaId,
  type SchemaMode,
} from "../../packages/tools/src/generate/json-schema.ts";
import type { SpecIR } from "../../packages/tools/src/spec/ir.ts";
import { runImport } from "../../packages/tools/src/import/run.ts";
import { discoveryDoc } from "../support/discovery-fragment.ts";
import { copyTree, tempDir, writeTree } from "../support/tmp.ts";

const HINT = "type.example.com/demo.RetryHint";
const REASON = "type.example.com/demo.Reason";

let small: SpecIR;
let specDir: string;

beforeAll(async () => {
  const root = tempDir();
  writeTree(root, {
    "discovery.json": discoveryDoc({
      Status: {
        properties: {
          code: { type: "integer", format: "int32" },
          details: {
            type: "array",
            items: {
              type: "object",
              additionalProperties: { type: "any", description: "Contains field @type with type URL." },
            },
          },
        },
      },
    }),
    "spec/overlay/corrections.json": {
      fieldTypes: [
        {
          field: "Status.details",
          upstream: { type: "struct" },
          type: { type: "any", ref: "Detail" },
          reason: "details are google.protobuf.Any values",
        },
      ],
      addedResources: {
        RetryHint: {
          reason: "a known detail message",
          protoMessage: "demo.RetryHint",
          fields: { delay: { protoName: "delay", type: "duration" } },
        },
        Reason: {
          reason: "another known detail message",
          protoMessage: "demo.Reason",
          fields: {
            reason: { protoName: "reason", type: "string" },
            labels: { protoName: "labels", type: "string", map: true },
          },
        },
      },
      anyTypes: {
        Detail: {
          reason: "the details a Status is known to carry",
          messages: { [HINT]: "RetryHint", [REASON]: "Reason" },
        },
      },
    },
    "spec/overlay/resources/Detail.json": { description: "A packed detail." },
  });
  const r = await runImport({ discovery: join(root, "discovery.json"), specDir: join(root, "spec") }, root);
  expect(r.ok).toBe(true);
  specDir = join(root, "spec");
  const loaded = await loadSpec(specDir);
  expect(loaded.diagnostics).toEqual([]);
  small = loaded.ir!;
});

describe("any types: the spec fragment as IR and schemas", () => {
  it("loads the any type, its members' type URLs and the corrected field", () => {
    expect(small.anyTypes.get("Detail")).toEqual({
      name: "Detail",
      description: "A packed detail.",
      members: [
        { typeUrl: REASON, resource: "Reason" },
        { typeUrl: HINT, resource: "RetryHint" },
      ],
      generic: false, // no member is on both sides with an enum inside
    });
    expect(small.resources.get("RetryHint")!.typeUrl).toBe(HINT);
    expect(small.resources.get("RetryHint")!.protoMessage).toBe("demo.RetryHint");
    expect(small.resources.get("Status")!.fields.find((f) => f.jsonName === "details")).toMatchObject({
      type: "any",
      ref: "Detail",
      repeated: true,
    });
  });

  it("emits the any type's schema: a required string @type, and each known URL selecting its resource", () => {
    for (const mode of ["strict", "lenient"] as const)
      expect(anyTypeSchema(small.anyTypes.get("Detail")!, mode)).toEqual({
        $schema: "https://json-schema.org/draft/2020-12/schema",
        $id: schemaId("Detail", mode),
        title: "Detail",
        description: "A packed detail.",
        type: "object",
        properties: { "@type": { type: "string" } },
        required: ["@type"],
        allOf: [
          {
            $comment: "google.protobuf.Any holding Reason",
            if: { properties: { "@type": { const: REASON } }, required: ["@type"] },
            then: { $ref: "Reason.json" },
          },
          {
            $comment: "google.protobuf.Any holding RetryHint",
            if: { properties: { "@type": { const: HINT } }, required: ["@type"] },
            then: { $ref: "RetryHint.json" },
          },
        ],
      });
  });

  it("warns about an any type no field uses and a type URL naming another message than the resource's", async () => {
    const dir = join(tempDir(), "spec");
    copyTree(specDir, dir);
    const file = join(dir, "overlay/corrections.json");
    const corrections = JSON.parse(readFileSync(file, "utf8")) as {
      anyTypes: Record<string, unknown>;
      addedResources: Record<string, unknown>;
    };
    corrections.addedResources["Extra"] = { reason: "one more message", protoMessage: "demo.Extra", fields: {} };
    corrections.anyTypes["Spare"] = {
      reason: "nothing is of this type yet",
      messages: { "type.example.com/demo.Other": "Extra" },
    };
    writeFileSync(file, JSON.stringify(corrections));
    const { ir, diagnostics } = await loadSpec(dir, dir);
    expect(ir).toBeDefined();
    expect(diagnostics.map((d) => [d.severity, d.code, d.location.file, d.location.pointer])).toEqual([
      [
        "warning",
        "spec.any-url-mismatch",
        "overlay/corrections.json",
        "/anyTypes/Spare/messages/type.example.com~1demo.Other",
      ],
      ["warning", "spec.unused-any-type", "overlay/corrections.json", "/anyTypes/Spare"],
    ]);
  });

  it("a field of the any type refers to it; a known message's schema allows its own @type", () => {
    const status = resourceSchema(small.resources.get("Status")!, "strict");
    expect((status["properties"] as Record<string, unknown>)["details"]).toEqual({
      type: "array",
      items: { $ref: "Detail.json" },
    });
    const hint = resourceSchema(small.resources.get("RetryHint")!, "strict");
    expect((hint["properties"] as Record<string, unknown>)["@type"]).toEqual({
      type: "string",
      const: HINT,
      description: "Type URL naming this message when it is packed in a google.protobuf.Any.",
    });
    expect(hint["additionalProperties"]).toBe(false);
  });
});

function validate(mode: SchemaMode, value: unknown): { valid: boolean; errors: string[] } {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  for (const s of allSchemas(small, mode).values()) ajv.addSchema(s);
  const check = ajv.getSchema(schemaId("Status", mode))!;
  const valid = check(value) as boolean;
  // Only the errors that say what is wrong where: "if" and "allOf" restate a failed "then" one level up.
  const errors = ((check.errors ?? []) as ErrorObject[])
    .filter((e) => e.keyword !== "if")
    .map((e) => `${e.instancePath} ${e.keyword}`);
  return { valid, errors: [...new Set(errors)].sort() };
}

interface Row {
  details: unknown[];
  strict: string[];
  /** Errors in lenient mode; the same as strict unless given. */
  lenient?: string[];
}

const rows: [string, Row][] = [
  [
    "each known message, valid",
    {
      details: [
        { "@type": HINT, delay: "1.5s" },
        { "@type": REASON, reason: "QUOTA", labels: { a: "b" } },
      ],
      strict: [],
    },
  ],
  ["a known message with no fields but its @type", { details: [{ "@type": HINT }], strict: [] }],
  [
    "a known message with a bad duration",
    { details: [{ "@type": HINT, delay: "5 seconds" }], strict: ["/details/0/delay pattern"] },
  ],
  [
    "a bad value in the second detail",
    { details: [{ "@type": HINT }, { "@type": REASON, labels: { a: 1 } }], strict: ["/details/1/labels/a type"] },
  ],
  [
    "an unknown URL with fields of its own",
    { details: [{ "@type": "type.example.com/demo.Other", anything: [1, { b: null }] }], strict: [] },
  ],
  [
    "an unknown URL reusing a known message's field name",
    { details: [{ "@type": "type.example.com/demo.Other", delay: 12 }], strict: [] },
  ],
  [
    "a known message with an unknown field: drift",
    {
      details: [{ "@type": HINT, delay: "2s", jitter: true }],
      strict: ["/details/0 additionalProperties"],
      lenient: [],
    },
  ],
  ["no @type", { details: [{ delay: "2s" }], strict: ["/details/0 required"] }],
  ["@type not a string", { details: [{ "@type": 7 }], strict: ["/details/0/@type type"] }],
  ["a detail that is not an object", { details: ["RetryHint"], strict: ["/details/0 type"] }],
];

describe("any types: instances", () => {
  it.each(rows)("%s", (_name, { details, strict, lenient }) => {
    const value = { code: 8, details };
    expect(validate("strict", value)).toEqual({ valid: strict.length === 0, errors: strict });
    const want = lenient ?? strict;
    expect(validate("lenient", value)).toEqual({ valid: want.length === 0, errors: want });
  });
});
