// Malformed spec files, one kind of mistake per row, each with the located error it must produce.
import { beforeAll, describe, expect, it } from "vitest";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { runImport } from "../../packages/tools/src/import/run.ts";
import { loadSpec } from "../../packages/tools/src/spec/load.ts";
import { discoveryDoc, generateContentMethod } from "../support/discovery-fragment.ts";
import { copyTree, tempDir, writeTree } from "../support/tmp.ts";

let base: string;

beforeAll(async () => {
  const root = tempDir();
  writeTree(root, {
    "discovery.json": discoveryDoc(
      {
        Req: { properties: { contents: { type: "array", items: { $ref: "Content" } } } },
        Res: { properties: { finishReason: { type: "string", enum: ["STOP", "OTHER"] } } },
        Content: { properties: { role: { type: "string" }, text: { type: "string" } } },
      },
      { generateContent: generateContentMethod() },
    ),
    "spec/overlay/enums/FinishReason.json": { usedBy: ["Res.finishReason"] },
    "spec/overlay/resources/Content.json": { description: "A turn.", fields: { role: "Who speaks." } },
  });
  base = join(root, "spec");
  const r = await runImport({ discovery: join(root, "discovery.json"), specDir: base }, root);
  expect(r.ok).toBe(true);
});

type Edit = (json: Record<string, unknown>) => unknown;
type Fields = Record<string, Record<string, unknown>>;
/** The `fields` object of a resource file, for edits. */
const F = (j: Record<string, unknown>) => j.fields as Fields;
interface Row {
  given: { file: string; edit: Edit | string };
  want: { code: string; pointer?: string; line?: number }[];
}

const rows: [string, Row][] = [
  [
    "JSON syntax error, located by line",
    { given: { file: "overlay/methods.json", edit: '{\n  "a": 1,\n}\n' }, want: [{ code: "json.syntax", line: 3 }] },
  ],
  [
    "unknown field type",
    {
      given: { file: "imported/resources/Content.json", edit: (j) => ((F(j).text!.type = "str"), j) },
      want: [{ code: "spec.meta.enum", pointer: "/fields/text/type" }],
    },
  ],
  [
    "unknown property on a field",
    {
      given: { file: "imported/resources/Content.json", edit: (j) => ((F(j).text!.nullable = true), j) },
      want: [{ code: "spec.meta.unevaluatedProperties", pointer: "/fields/text/nullable" }],
    },
  ],
  [
    "flag that is not `true`",
    {
      given: { file: "imported/resources/Content.json", edit: (j) => ((F(j).text!.required = false), j) },
      want: [{ code: "spec.meta.const", pointer: "/fields/text/required" }],
    },
  ],
  [
    "ref without a target",
    {
      given: { file: "imported/resources/Req.json", edit: (j) => (delete F(j).contents!.ref, j) },
      want: [{ code: "spec.meta.required", pointer: "/fields/contents" }],
    },
  ],
  [
    "enum without values",
    {
      given: { file: "imported/resources/Res.json", edit: (j) => (delete F(j).finishReason!.values, j) },
      want: [{ code: "spec.meta.required", pointer: "/fields/finishReason" }],
    },
  ],
  [
    "values on a non-enum",
    {
      given: { file: "imported/resources/Content.json", edit: (j) => ((F(j).text!.values = [{ name: "X" }]), j) },
      want: [{ code: "spec.meta.not", pointer: "/fields/text" }],
    },
  ],
  [
    "repeated and map at once",
    {
      given: {
        file: "imported/resources/Content.json",
        edit: (j) => (Object.assign(F(j).text!, { repeated: true, map: true }), j),
      },
      want: [{ code: "spec.meta.not", pointer: "/fields/text" }],
    },
  ],
  [
    "field name not lowerCamel",
    {
      given: {
        file: "imported/resources/Content.json",
        edit: (j) => ((F(j)["Bad-Name"] = { protoName: "bad", type: "string" }), j),
      },
      want: [{ code: "spec.meta.pattern", pointer: "/fields/Bad-Name" }],
    },
  ],
  [
    "resource file named after another resource",
    {
      given: { file: "imported/resources/Content.json", edit: (j) => ((j.name = "Contents"), j) },
      want: [{ code: "spec.file-name", pointer: "/name" }],
    },
  ],
  [
    "empty description",
    {
      given: { file: "overlay/resources/Content.json", edit: (j) => ((j.description = ""), j) },
      want: [{ code: "spec.meta.pattern", pointer: "/description" }],
    },
  ],
  [
    "description with trailing space",
    {
      given: { file: "overlay/resources/Content.json", edit: (j) => ((j.description = "A turn. "), j) },
      want: [{ code: "spec.meta.pattern", pointer: "/description" }],
    },
  ],
  [
    "enum overlay without usedBy",
    {
      given: { file: "overlay/enums/FinishReason.json", edit: () => ({ description: "Why it stopped." }) },
      want: [{ code: "spec.meta.required", pointer: "" }],
    },
  ],
  [
    "enum overlay typing a non-enum field",
    {
      given: { file: "overlay/enums/FinishReason.json", edit: () => ({ usedBy: ["Content.role"] }) },
      want: [{ code: "spec.not-enum", pointer: "/usedBy/0" }],
    },
  ],
  [
    "correction without a reason",
    {
      given: {
        file: "overlay/corrections.json",
        edit: () => ({ aliases: [{ field: "Content.text", alias: "body" }] }),
      },
      want: [{ code: "spec.meta.required", pointer: "/aliases/0" }],
    },
  ],
  [
    "a ref to nothing",
    {
      given: { file: "imported/resources/Req.json", edit: (j) => ((F(j).contents!.ref = "Nothing"), j) },
      want: [{ code: "spec.unresolved-ref", pointer: "/fields/contents/ref" }],
    },
  ],
  [
    "evidence pointer that is no JSON Pointer",
    {
      given: {
        file: "overlay/corrections.json",
        edit: () => ({
          relaxedRequired: [
            {
              field: "Content.text",
              scope: "everywhere",
              reason: "requests without it were accepted",
              evidence: {
                source: "shared/fixtures/real",
                seenIn: 1,
                examples: [{ file: "request/a.json", pointer: "contents/0/text" }],
              },
            },
          ],
        }),
      },
      want: [{ code: "spec.meta.pattern", pointer: "/relaxedRequired/0/evidence/examples/0/pointer" }],
    },
  ],
  [
    "added field without evidence",
    {
      given: {
        file: "overlay/corrections.json",
        edit: () => ({
          addedFields: [
            {
              field: "Content.tier",
              definition: { protoName: "tier", type: "string" },
              reason: "seen in recorded responses",
            },
          ],
        }),
      },
      want: [{ code: "spec.meta.required", pointer: "/addedFields/0" }],
    },
  ],
  [
    "relaxed required with an unknown scope",
    {
      given: {
        file: "overlay/corrections.json",
        edit: () => ({
          relaxedRequired: [
            {
              field: "Content.text",
              scope: "requests",
              reason: "requests without it were accepted",
              evidence: {
                source: "shared/fixtures/real",
                seenIn: 1,
                examples: [{ file: "request/a.json", pointer: "/contents/0" }],
              },
            },
          ],
        }),
      },
      want: [{ code: "spec.meta.enum", pointer: "/relaxedRequired/0/scope" }],
    },
  ],
  [
    "more than five evidence examples",
    {
      given: {
        file: "overlay/corrections.json",
        edit: () => ({
          addedEnumValues: [
            {
              enum: "FinishReason",
              value: "NEW",
              reason: "seen in recorded responses",
              evidence: {
                source: "shared/fixtures/real",
                seenIn: 6,
                examples: [1, 2, 3, 4, 5, 6].map((i) => ({
                  file: `generate/${i}.json`,
                  pointer: "/candidates/0/finishReason",
                })),
              },
            },
          ],
        }),
      },
      want: [{ code: "spec.meta.maxItems", pointer: "/addedEnumValues/0/evidence/examples" }],
    },
  ],
  [
    "added field whose definition is no field",
    {
      given: {
        file: "overlay/corrections.json",
        edit: () => ({
          addedFields: [
            {
              field: "Content.tier",
              definition: { type: "string" },
              reason: "seen in recorded responses",
              evidence: {
                source: "shared/fixtures/real",
                seenIn: 1,
                examples: [{ file: "generate/a.json", chunk: 2, pointer: "/tier" }],
              },
            },
          ],
        }),
      },
      want: [{ code: "spec.meta.required", pointer: "/addedFields/0/definition" }],
    },
  ],
  [
    "method with a bad verb",
    {
      given: {
        file: "imported/methods.json",
        edit: (j) => (
          ((j as Record<string, Record<string, unknown>>)["models.generateContent"]!.httpMethod = "FETCH"),
          j
        ),
      },
      want: [{ code: "spec.meta.enum", pointer: "/models.generateContent/httpMethod" }],
    },
  ],
  [
    "any field without its any type",
    {
      given: {
        file: "imported/resources/Content.json",
        edit: (j) => ((F(j).text = { protoName: "text", type: "any" }), j),
      },
      want: [{ code: "spec.meta.required", pointer: "/fields/text" }],
    },
  ],
  [
    "any field naming an any type nobody defines",
    {
      given: {
        file: "imported/resources/Content.json",
        edit: (j) => ((F(j).text = { protoName: "text", type: "any", ref: "Payload" }), j),
      },
      want: [{ code: "spec.unresolved-ref", pointer: "/fields/text/ref" }],
    },
  ],
  [
    "any type whose message is not a resource",
    {
      given: {
        file: "overlay/corrections.json",
        edit: () => ({
          anyTypes: {
            Payload: {
              reason: "packed payloads of Content",
              messages: { "type.googleapis.com/demo.Nothing": "Nothing" },
            },
          },
        }),
      },
      want: [{ code: "spec.unresolved-ref", pointer: "/anyTypes/Payload/messages/type.googleapis.com~1demo.Nothing" }],
    },
  ],
  [
    "any type with a malformed type URL",
    {
      given: {
        file: "overlay/corrections.json",
        edit: () => ({
          anyTypes: { Payload: { reason: "packed payloads of Content", messages: { "demo.Content": "Content" } } },
        }),
      },
      want: [{ code: "spec.meta.pattern", pointer: "/anyTypes/Payload/messages/demo.Content" }],
    },
  ],
  [
    "any type named like a resource",
    {
      given: {
        file: "overlay/corrections.json",
        edit: () => ({ anyTypes: { Content: { reason: "clashes with the resource", messages: {} } } }),
      },
      want: [{ code: "spec.name-collision", pointer: "/anyTypes/Content" }],
    },
  ],
  [
    "one resource under two type URLs",
    {
      given: {
        file: "overlay/corrections.json",
        edit: () => ({
          anyTypes: {
            Payload: {
              reason: "packed payloads of Content",
              messages: { "type.googleapis.com/demo.Content": "Content", "type.example.com/demo.Content": "Content" },
            },
          },
        }),
      },
      want: [{ code: "spec.any-url-conflict", pointer: "/anyTypes/Payload/messages/type.example.com~1demo.Content" }],
    },
  ],
  [
    "revision that is not a date",
    {
      given: { file: "imported/service.json", edit: (j) => ((j.revision = "latest"), j) },
      want: [{ code: "spec.meta.pattern", pointer: "/revision" }],
    },
  ],
];

describe("malformed spec files", () => {
  it("the base spec is valid", async () => {
    const { ir, diagnostics } = await loadSpec(base);
    expect(diagnostics).toEqual([]);
    expect(ir!.resources.size).toBe(3);
  });

  it.each(rows)("%s", async (_name, { given, want }) => {
    const dir = join(tempDir(), "spec");
    copyTree(base, dir);
    const path = join(dir, given.file);
    const text =
      typeof given.edit === "string"
        ? given.edit
        : `${JSON.stringify(given.edit(JSON.parse(safeRead(path))), null, 2)}\n`;
    writeFileSync(path, text);
    const { ir, diagnostics } = await loadSpec(dir, dir);
    expect(ir).toBeUndefined();
    const errors = diagnostics.filter((d) => d.severity === "error");
    expect(
      errors.map((d) => ({
        code: d.code,
        ...(d.location.pointer !== undefined ? { pointer: d.location.pointer } : {}),
        ...(d.location.line !== undefined ? { line: d.location.line } : {}),
      })),
    ).toEqual(want.map((w) => expect.objectContaining(w)));
    // Every error points into the file that was broken, named relative to the working directory.
    for (const d of errors) expect(d.location.file).toBe(given.file);
  });

  it("reports problems in several files at once", async () => {
    const dir = join(tempDir(), "spec");
    copyTree(base, dir);
    const edit = (file: string, f: Edit) =>
      writeFileSync(join(dir, file), JSON.stringify(f(JSON.parse(readFileSync(join(dir, file), "utf8")))));
    edit("imported/resources/Content.json", (j) => ((F(j).text!.type = "str"), j));
    edit("overlay/resources/Content.json", (j) => ((j.colour = "blue"), j));
    edit("imported/service.json", (j) => ((j.revision = "x"), j));
    const { diagnostics } = await loadSpec(dir, dir);
    expect(diagnostics.map((d) => `${d.location.file}#${d.location.pointer}`).sort()).toEqual([
      "imported/resources/Content.json#/fields/text/type",
      "imported/service.json#/revision",
      "overlay/resources/Content.json#/colour",
    ]);
  });
});

function safeRead(path: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return "{}";
  }
}
