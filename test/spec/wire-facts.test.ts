// The facts of the whole spec that the merge adds to the IR (spec/merge/wire-facts.ts, spec/merge/path-binding.ts):
// each resource's side of the wire, whether a method reaches it, whether it is generic over the direction, its
// default validation mode, each any type's genericity, and which fields are bound to the URL path. Each row merges a
// small in-memory spec and reads the facts off the IR, as every emitter does.
import { describe, expect, it } from "vitest";
import { mergeSpec } from "../../packages/tools/src/spec/merge.ts";
import type { ImportedField, ImportedSpec, MethodSpec, Overlay } from "../../packages/tools/src/spec/layers.ts";
import type { ResourceWireFacts } from "../../packages/tools/src/spec/ir.ts";

/** A field: a scalar type name, `Name` for a ref, `enum` for an enum, or the full imported form. */
type FieldGiven = string | Partial<ImportedField>;

interface SpecGiven {
  resources: Record<string, Record<string, FieldGiven>>;
  /** Methods by id: the request and response resources, and the path parameters. */
  methods: Record<string, { request?: string; response?: string; path?: string[] }>;
  /** Any types: name → the resources they know. */
  anyTypes?: Record<string, string[]>;
}

function field(jsonName: string, given: FieldGiven): ImportedField {
  const protoName = jsonName;
  if (typeof given !== "string") return { protoName, type: "string", ...given };
  if (given === "enum") return { protoName, type: "enum", values: [{ name: "A" }, { name: "B" }] };
  if (/^[A-Z]/.test(given)) return { protoName, type: "ref", ref: given };
  return { protoName, type: given as ImportedField["type"] };
}

function merge(given: SpecGiven) {
  const method = (id: string, m: SpecGiven["methods"][string]): MethodSpec => ({
    id,
    httpMethod: "POST",
    path: `v1beta/${id}`,
    flatPath: `v1beta/${id}`,
    parameterOrder: m.path ?? [],
    parameters: Object.fromEntries(
      (m.path ?? []).map((p) => [p, { location: "path", type: "string", required: true }]),
    ),
    ...(m.request ? { request: m.request } : {}),
    ...(m.response ? { response: m.response } : {}),
  });
  const imported: ImportedSpec = {
    service: {
      name: "generativelanguage",
      version: "v1beta",
      revision: "20260101",
      rootUrl: "https://example.test/",
      servicePath: "",
      sources: { discovery: { file: "d.json", sha256: "0".repeat(64) } },
    },
    resources: Object.fromEntries(
      Object.entries(given.resources).map(([name, fields]) => [
        name,
        { name, fields: Object.fromEntries(Object.entries(fields).map(([j, f]) => [j, field(j, f)])) },
      ]),
    ),
    methods: Object.fromEntries(Object.entries(given.methods).map(([id, m]) => [id, method(id, m)])),
  };
  const anyTypes = Object.fromEntries(
    Object.entries(given.anyTypes ?? {}).map(([name, members]) => [
      name,
      { reason: "test", messages: Object.fromEntries(members.map((r) => [`type.example.com/demo.${r}`, r])) },
    ]),
  );
  const overlay: Overlay = { resources: {}, enums: {}, methods: {}, corrections: { anyTypes } };
  const { ir, diagnostics } = mergeSpec(imported, overlay);
  expect(diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return ir;
}

type Facts = Record<string, ResourceWireFacts>;

const facts = (side: ResourceWireFacts["side"], more: Partial<ResourceWireFacts> = {}): ResourceWireFacts => ({
  side,
  reachable: true,
  generic: false,
  defaultMode: side === "request" ? "strict" : "lenient",
  ...more,
});

const wireRows: [string, { given: SpecGiven; want: Facts }][] = [
  [
    "a request body and what it holds are request side and strict; a response and what it holds, response and lenient",
    {
      given: {
        resources: { Req: { part: "Part" }, Part: { text: "string" }, Res: { usage: "Usage" }, Usage: { n: "int32" } },
        methods: { "m.call": { request: "Req", response: "Res" } },
      },
      want: { Req: facts("request"), Part: facts("request"), Res: facts("response"), Usage: facts("response") },
    },
  ],
  [
    "a resource on both sides without an enum inside is plain; lenient unless it is a request body",
    {
      given: {
        resources: { Req: { c: "Content" }, Res: { c: "Content" }, Content: { text: "string" } },
        methods: { "m.call": { request: "Req", response: "Res" } },
      },
      want: { Req: facts("request"), Res: facts("response"), Content: facts("both") },
    },
  ],
  [
    "a both-side resource with an enum somewhere inside is generic, and so is each both-side resource on the way",
    {
      given: {
        resources: {
          Req: { c: "Content" },
          Res: { c: "Content" },
          Content: { part: "Part" },
          Part: { kind: "enum" },
        },
        methods: { "m.call": { request: "Req", response: "Res" } },
      },
      want: {
        Req: facts("request"),
        Res: facts("response"),
        Content: facts("both", { generic: true }),
        Part: facts("both", { generic: true }),
      },
    },
  ],
  [
    "a cycle (Schema.items) settles: both resources of it are generic when one holds an enum",
    {
      given: {
        resources: { Req: { s: "Schema" }, Res: { s: "Schema" }, Schema: { items: "Schema", type: "enum" } },
        methods: { "m.call": { request: "Req", response: "Res" } },
      },
      want: { Req: facts("request"), Res: facts("response"), Schema: facts("both", { generic: true }) },
    },
  ],
  [
    "a request body the API also returns is on both sides and still strict",
    {
      given: {
        resources: { Batch: { state: "enum" } },
        methods: { "batches.create": { request: "Batch", response: "Batch" } },
      },
      want: { Batch: facts("both", { generic: true, defaultMode: "strict" }) },
    },
  ],
  [
    "an output-only field is not followed from a request, an input-only one not from a response",
    {
      given: {
        resources: {
          Batch: {
            results: { type: "ref", ref: "Candidate", outputOnly: true },
            secret: { type: "ref", ref: "Key", inputOnly: true },
          },
          Candidate: { text: "string" },
          Key: { value: "string" },
        },
        methods: { "batches.update": { request: "Batch", response: "Batch" } },
      },
      want: {
        Batch: facts("both", { defaultMode: "strict" }),
        Candidate: facts("response"),
        Key: facts("request"),
      },
    },
  ],
  [
    "a resource no method reaches counts as response side with all it holds (unreached too, unless a request holds it)",
    {
      given: {
        resources: { Req: { s: "Shared" }, Orphan: { s: "Shared", i: "Inner" }, Shared: { k: "enum" }, Inner: {} },
        methods: { "m.send": { request: "Req" } },
      },
      want: {
        Req: facts("request"),
        Orphan: facts("response", { reachable: false }),
        Shared: facts("both", { generic: true }),
        Inner: facts("response", { reachable: false }),
      },
    },
  ],
  [
    "a google.protobuf.Any field leads to every message its any type knows",
    {
      given: {
        resources: { Req: { detail: { type: "any", ref: "Detail" } }, Res: { d: "Info" }, Info: { reason: "enum" } },
        methods: { "m.call": { request: "Req", response: "Res" } },
        anyTypes: { Detail: ["Info"] },
      },
      want: { Req: facts("request"), Res: facts("response"), Info: facts("both", { generic: true }) },
    },
  ],
];

describe("wire facts: each resource's side, reachability, genericity and default mode", () => {
  it.each(wireRows)("%s", (_name, { given, want }) => {
    const ir = merge(given);
    const got = Object.fromEntries(
      [...ir.resources.values()].map((r) => [
        r.name,
        { side: r.side, reachable: r.reachable, generic: r.generic, defaultMode: r.defaultMode },
      ]),
    );
    expect(got).toEqual(want);
  });
});

const anyRows: [string, { given: SpecGiven; want: Record<string, boolean> }][] = [
  [
    "an any type is generic when one of its messages is",
    {
      given: {
        resources: {
          Req: { detail: { type: "any", ref: "Detail" } },
          Res: { detail: { type: "any", ref: "Detail" }, other: { type: "any", ref: "Plain" } },
          Info: { reason: "enum" },
          Note: { text: "string" },
        },
        methods: { "m.call": { request: "Req", response: "Res" } },
        anyTypes: { Detail: ["Info", "Note"], Plain: ["Note"] },
      },
      want: { Detail: true, Plain: false },
    },
  ],
  [
    "an any type whose messages are on one side only is plain",
    {
      given: {
        resources: { Res: { detail: { type: "any", ref: "Detail" } }, Info: { reason: "enum" } },
        methods: { "m.get": { response: "Res" } },
        anyTypes: { Detail: ["Info"] },
      },
      want: { Detail: false },
    },
  ],
];

describe("wire facts: any types", () => {
  it.each(anyRows)("%s", (_name, { given, want }) => {
    const ir = merge(given);
    expect(Object.fromEntries([...ir.anyTypes.values()].map((a) => [a.name, a.generic]))).toEqual(want);
  });
});

/** Field path → what the IR says about it. */
type Binding = Record<string, { required: boolean; inPath: boolean }>;

const pathRows: [string, { given: SpecGiven; want: Binding }][] = [
  [
    "a required field every method sending the resource takes as a path parameter is bound to the path",
    {
      given: {
        resources: { Req: { model: { required: true }, text: { required: true } }, Res: {} },
        methods: {
          "models.generate": { request: "Req", response: "Res", path: ["model"] },
          "models.stream": { request: "Req", response: "Res", path: ["model"] },
        },
      },
      want: { "Req.model": { required: false, inPath: true }, "Req.text": { required: true, inPath: false } },
    },
  ],
  [
    "one method sending it without that path parameter keeps the field required",
    {
      given: {
        resources: { Req: { model: { required: true } }, Res: {} },
        methods: {
          "models.generate": { request: "Req", response: "Res", path: ["model"] },
          "batches.add": { request: "Req", response: "Res" },
        },
      },
      want: { "Req.model": { required: true, inPath: false } },
    },
  ],
  [
    "an optional field named like a path parameter stays as it is",
    {
      given: {
        resources: { Req: { model: "string" }, Res: {} },
        methods: { "models.generate": { request: "Req", response: "Res", path: ["model"] } },
      },
      want: { "Req.model": { required: false, inPath: false } },
    },
  ],
  [
    "a field the importer added as path-bound is never required",
    {
      given: {
        resources: { Req: { model: { required: true, inPath: true } }, Res: {} },
        methods: { "models.batchEmbed": { request: "Req", response: "Res" } },
      },
      want: { "Req.model": { required: false, inPath: true } },
    },
  ],
  [
    "a response's required field is not bound, whatever the path parameters",
    {
      given: {
        resources: { Req: {}, Res: { model: { required: true } } },
        methods: { "models.generate": { request: "Req", response: "Res", path: ["model"] } },
      },
      want: { "Res.model": { required: true, inPath: false } },
    },
  ],
];

describe("path binding: which fields travel in the URL path", () => {
  it.each(pathRows)("%s", (_name, { given, want }) => {
    const ir = merge(given);
    const got: Binding = {};
    for (const path of Object.keys(want)) {
      const [res, j] = path.split(".") as [string, string];
      const f = ir.resources.get(res)!.fields.find((x) => x.jsonName === j)!;
      got[path] = { required: f.required, inPath: f.inPath === true };
    }
    expect(got).toEqual(want);
  });
});
