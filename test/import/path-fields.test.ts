// Path-bound request fields: Discovery leaves a field out of the request schema when the HTTP rule binds it to the
// URL path, yet clients send it in the body too. The importer adds it back, optional and flagged `inPath`, from the
// protos' HTTP rules (body "*") or, for requests the protos do not serve yet, from the method's shape. Rows are
// [name, { given, want }].
import { describe, expect, it } from "vitest";
import { join } from "node:path";
import { pathVariables, readHttpRule, type HttpBinding } from "../../packages/tools/src/import/http-rule.ts";
import { importUpstream, runImport } from "../../packages/tools/src/import/run.ts";
import { readSpecFiles } from "../../packages/tools/src/spec/files.ts";
import { loadSpec } from "../../packages/tools/src/spec/load.ts";
import type { ImportedField, ImportedSpec } from "../../packages/tools/src/spec/layers.ts";
import { validateBatchEmbedContentsRequest, validateCountTokensRequest } from "../../packages/runtime/src/index.ts";
import { discoveryDoc } from "../support/discovery-fragment.ts";
import { hasShared, PROJECT_ROOT, UPSTREAM } from "../support/shared.ts";
import { tempDir, writeTree } from "../support/tmp.ts";

describe("reading google.api.http", () => {
  const RULES: [string, { given: Record<string, unknown>[] | undefined; want: HttpBinding[] }][] = [
    ["no options", { given: undefined, want: [] }],
    ["an option that is not the HTTP rule", { given: [{ "(google.api.method_signature)": "model" }], want: [] }],
    [
      "one binding with the whole message as body",
      {
        given: [{ "(google.api.http)": { post: "/v1beta/{model=models/*}:countTokens", body: "*" } }],
        want: [{ verb: "post", path: "/v1beta/{model=models/*}:countTokens", body: "*" }],
      },
    ],
    [
      "a GET without body",
      {
        given: [{ "(google.api.http)": { get: "/v1beta/{name=files/*}" } }],
        want: [{ verb: "get", path: "/v1beta/{name=files/*}" }],
      },
    ],
    [
      "one additional binding (an object)",
      {
        given: [
          {
            "(google.api.http)": {
              post: "/v1beta/{parent=tunedModels/*}/permissions",
              body: "permission",
              additional_bindings: { post: "/v1beta/{parent=corpora/*}/permissions", body: "permission" },
            },
          },
        ],
        want: [
          { verb: "post", path: "/v1beta/{parent=tunedModels/*}/permissions", body: "permission" },
          { verb: "post", path: "/v1beta/{parent=corpora/*}/permissions", body: "permission" },
        ],
      },
    ],
    [
      "several additional bindings (a list)",
      {
        given: [
          {
            "(google.api.http)": {
              post: "/v1beta/{model=models/*}:g",
              body: "*",
              additional_bindings: [
                { post: "/v1beta/{model=tunedModels/*}:g", body: "*" },
                { get: "/v1beta/{model=dynamic/*}:g" },
              ],
            },
          },
        ],
        want: [
          { verb: "post", path: "/v1beta/{model=models/*}:g", body: "*" },
          { verb: "post", path: "/v1beta/{model=tunedModels/*}:g", body: "*" },
          { verb: "get", path: "/v1beta/{model=dynamic/*}:g" },
        ],
      },
    ],
    [
      "a custom verb",
      {
        given: [{ "(google.api.http)": { custom: { kind: "HEAD", path: "/v1beta/{name=files/*}" } } }],
        want: [{ verb: "custom", path: "/v1beta/{name=files/*}" }],
      },
    ],
  ];
  it.each(RULES)("%s", (_name, { given, want }) => expect(readHttpRule(given)).toEqual(want));

  const TEMPLATES: [string, { given: string; want: string[] }][] = [
    ["a variable with a pattern", { given: "/v1beta/{model=models/*}:batchEmbedContents", want: ["model"] }],
    ["a bare variable", { given: "/v1beta/{name}", want: ["name"] }],
    ["a nested field path", { given: "/v1beta/{chunk.name=corpora/*/documents/*/chunks/*}", want: ["chunk.name"] }],
    ["two variables", { given: "/v1beta/{parent=a/*}/things/{thing_id}", want: ["parent", "thing_id"] }],
    ["no variable", { given: "/v1beta/models", want: [] }],
  ];
  it.each(TEMPLATES)("path variables: %s", (_name, { given, want }) => expect(pathVariables(given)).toEqual(want));
});

const PROTO = `syntax = "proto3";
package google.ai.generativelanguage.v1beta;
import "google/api/annotations.proto";

service DemoService {
  rpc BatchEmbedContents(BatchEmbedContentsRequest) returns (Empty) {
    option (google.api.http) = {
      post: "/v1beta/{model=models/*}:batchEmbedContents"
      body: "*"
    };
  }
  rpc CountTokens(CountTokensRequest) returns (Empty) {
    option (google.api.http) = {
      post: "/v1beta/{model=models/*}:countTokens"
      body: "*"
      additional_bindings { post: "/v1beta/{model=tunedModels/*}:countTokens" body: "*" }
    };
  }
  rpc CreateDocument(CreateDocumentRequest) returns (Document) {
    option (google.api.http) = {
      post: "/v1beta/{parent=corpora/*}/documents"
      body: "document"
    };
  }
  rpc GenerateContent(GenerateContentRequest) returns (Empty) {
    option (google.api.http) = {
      post: "/v1beta/{model=models/*}:generateContent"
      body: "*"
    };
  }
}
message Empty {}
message BatchEmbedContentsRequest { string model = 1; repeated string requests = 2; }
message CountTokensRequest { string model = 1 [deprecated = true]; repeated string contents = 2; }
message CreateDocumentRequest { string parent = 1; Document document = 2; }
message Document { string name = 1; string display_name = 2; }
message GenerateContentRequest { string model = 1; repeated string contents = 2; }
`;

const method = (id: string, path: string, params: string[], request: string) => ({
  id: `generativelanguage.${id}`,
  httpMethod: "POST",
  path,
  flatPath: path,
  parameterOrder: params,
  parameters: Object.fromEntries(params.map((p) => [p, { location: "path", required: true, type: "string" }])),
  request: { $ref: request },
  response: { $ref: "Empty" },
});

const SCHEMAS = {
  Empty: { properties: {} },
  BatchEmbedContentsRequest: { properties: { requests: { type: "array", items: { type: "string" } } } },
  CountTokensRequest: { properties: { contents: { type: "array", items: { type: "string" } } } },
  Document: { properties: { name: { type: "string" }, displayName: { type: "string" } } },
  GenerateContentRequest: {
    properties: {
      model: { type: "string", description: "Required. The model." },
      contents: { type: "array", items: { type: "string" } },
    },
  },
  // No proto message: the protos lag Discovery.
  BatchGenerateContentRequest: { properties: { batch: { type: "string" } } },
  Permission: { properties: { role: { type: "string" } } },
};

const METHODS = {
  batchEmbedContents: method(
    "models.batchEmbedContents",
    "v1beta/{+model}:batchEmbedContents",
    ["model"],
    "BatchEmbedContentsRequest",
  ),
  countTokens: method("models.countTokens", "v1beta/{+model}:countTokens", ["model"], "CountTokensRequest"),
  createDocument: method("corpora.documents.create", "v1beta/{+parent}/documents", ["parent"], "Document"),
  generateContent: method(
    "models.generateContent",
    "v1beta/{+model}:generateContent",
    ["model"],
    "GenerateContentRequest",
  ),
  batchGenerateContent: method(
    "models.batchGenerateContent",
    "v1beta/{+model}:batchGenerateContent",
    ["model"],
    "BatchGenerateContentRequest",
  ),
  createPermission: method("tunedModels.permissions.create", "v1beta/{+parent}/permissions", ["parent"], "Permission"),
};

describe("the importer adds path-bound fields Discovery lacks", async () => {
  const root = tempDir();
  writeTree(root, { "protos/demo.proto": PROTO, "discovery.json": discoveryDoc(SCHEMAS, METHODS) });
  const specDir = join(root, "spec");
  const run = await runImport({ discovery: join(root, "discovery.json"), protos: join(root, "protos"), specDir }, root);
  const fields = (resource: string) => run.imported?.resources[resource]?.fields ?? {};

  it("imports without problems", () => {
    expect(run.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(run.ok).toBe(true);
  });

  const ROWS: [string, { given: [resource: string, field: string]; want: ImportedField | undefined }][] = [
    [
      'body "*" and a path field Discovery lacks: added, inPath',
      { given: ["BatchEmbedContentsRequest", "model"], want: { protoName: "model", type: "string", inPath: true } },
    ],
    [
      "found through an additional binding too, deprecation from the proto",
      {
        given: ["CountTokensRequest", "model"],
        want: { protoName: "model", type: "string", inPath: true, deprecated: true },
      },
    ],
    ['body "document": the path field is not the body\'s', { given: ["Document", "parent"], want: undefined }],
    [
      "a field Discovery has: untouched",
      { given: ["GenerateContentRequest", "model"], want: { protoName: "model", type: "string", required: true } },
    ],
    [
      "no proto message, request named after its method: added from the path parameter",
      { given: ["BatchGenerateContentRequest", "model"], want: { protoName: "model", type: "string", inPath: true } },
    ],
    [
      "no proto message, body is a sub-message (Permission): not added",
      { given: ["Permission", "parent"], want: undefined },
    ],
  ];
  it.each(ROWS)("%s", (_name, { given: [resource, field], want }) => expect(fields(resource)[field]).toEqual(want));

  it("the other fields stay as Discovery has them", () => {
    expect(Object.keys(fields("BatchEmbedContentsRequest")).sort()).toEqual(["model", "requests"]);
    expect(Object.keys(fields("Document")).sort()).toEqual(["displayName", "name"]);
  });

  it("the loader keeps an inPath field optional and says so", async () => {
    const { ir, diagnostics } = await loadSpec(specDir);
    expect(diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const field = (resource: string, name: string) =>
      ir!.resources.get(resource)!.fields.find((f) => f.jsonName === name)!;
    expect(field("BatchEmbedContentsRequest", "model")).toMatchObject({ required: false, inPath: true });
    // The upstream-required kind of path binding is unchanged.
    expect(field("GenerateContentRequest", "model")).toMatchObject({ required: false, inPath: true });
  });

  it("importing again changes no byte", async () => {
    const again = await runImport(
      { discovery: join(root, "discovery.json"), protos: join(root, "protos"), specDir },
      root,
    );
    expect(again.ok).toBe(true);
    expect(again.written).toBe(false);
    expect(again.report!.changes).toEqual([]);
  });
});

describe("the meta-schema refuses an inPath field that is also required", async () => {
  const root = tempDir();
  writeTree(root, { "protos/demo.proto": PROTO, "discovery.json": discoveryDoc(SCHEMAS, METHODS) });
  const specDir = join(root, "spec");
  await runImport({ discovery: join(root, "discovery.json"), protos: join(root, "protos"), specDir }, root);

  const ROWS: [string, { given: Partial<ImportedField>; want: string[] }][] = [
    ["inPath alone", { given: {}, want: [] }],
    ["inPath and required", { given: { required: true }, want: ["/fields/model"] }],
    ["inPath and repeated", { given: { repeated: true }, want: ["/fields/model"] }],
  ];
  it.each(ROWS)("%s", async (_name, { given, want }) => {
    writeTree(root, {
      "spec/imported/resources/BatchEmbedContentsRequest.json": JSON.stringify({
        name: "BatchEmbedContentsRequest",
        fields: {
          model: { protoName: "model", type: "string", inPath: true, ...given },
          requests: { protoName: "requests", type: "string", repeated: true },
        },
      }),
    });
    const { diagnostics } = await readSpecFiles(specDir, root);
    const errors = diagnostics.filter(
      (d) => d.severity === "error" && d.location.file?.endsWith("BatchEmbedContentsRequest.json"),
    );
    expect([...new Set(errors.map((d) => d.location.pointer))]).toEqual(want);
  });
});

describe("strict validation accepts a path-bound field in the body", () => {
  const requests = [{ model: "models/text-embedding-004", content: { parts: [{ text: "hello" }] } }];
  const ROWS: [string, { given: () => { ok: boolean; issues?: unknown }; want: { ok: boolean; codes: string[] } }][] = [
    [
      "batchEmbedContents with model in the body",
      {
        given: () => validateBatchEmbedContentsRequest({ model: "models/text-embedding-004", requests }),
        want: { ok: true, codes: [] },
      },
    ],
    [
      "batchEmbedContents without it",
      { given: () => validateBatchEmbedContentsRequest({ requests }), want: { ok: true, codes: [] } },
    ],
    [
      "countTokens with model in the body",
      {
        given: () =>
          validateCountTokensRequest({
            model: "models/gemini-2.5-flash",
            contents: [{ role: "user", parts: [{ text: "hi" }] }],
          }),
        want: { ok: true, codes: [] },
      },
    ],
    [
      "another unknown field still fails",
      {
        given: () =>
          validateBatchEmbedContentsRequest({ model: "models/text-embedding-004", requests, modelName: "x" }),
        want: { ok: false, codes: ["unknown-field"] },
      },
    ],
    [
      "the path-bound field keeps its type",
      {
        given: () => validateCountTokensRequest({ model: 7, contents: [] }),
        want: { ok: false, codes: ["invalid-type"] },
      },
    ],
  ];
  it.each(ROWS)("%s", (_name, { given, want }) => {
    const r = given();
    const codes = r.ok ? [] : (r.issues as { code: string }[]).map((i) => i.code);
    expect({ ok: r.ok, codes }).toEqual(want);
  });
});

describe.skipIf(!hasShared)("rev 20260325 (../shared)", async () => {
  const { files } = await readSpecFiles(join(PROJECT_ROOT, "spec"));
  const withProtos = await importUpstream({ discovery: UPSTREAM.discovery, protos: UPSTREAM.protos }, files.overlay);
  const withoutProtos = await importUpstream({ discovery: UPSTREAM.discovery }, files.overlay);
  const inPathFields = (spec: ImportedSpec | undefined) =>
    Object.values(spec?.resources ?? {})
      .flatMap((r) =>
        Object.entries(r.fields)
          .filter(([, f]) => f.inPath)
          .map(([j]) => `${r.name}.${j}`),
      )
      .sort();

  it("adds the fields the survey found, and no other", () => {
    expect(inPathFields(withProtos.imported)).toEqual([
      "AsyncBatchEmbedContentRequest.model",
      "BatchEmbedContentsRequest.model",
      "BatchEmbedTextRequest.model",
      "BatchGenerateContentRequest.model",
      "CountMessageTokensRequest.model",
      "CountTextTokensRequest.model",
      "CountTokensRequest.model",
      "GenerateAnswerRequest.model",
      "GenerateMessageRequest.model",
      "GenerateTextRequest.model",
      "ImportFileRequest.fileSearchStoreName",
      "PredictLongRunningRequest.model",
      "PredictRequest.model",
      "TransferOwnershipRequest.name",
      "UploadToFileSearchStoreRequest.fileSearchStoreName",
    ]);
    // permissions.create sends a Permission (body: "permission"): its path parameter is no field of it.
    expect(withProtos.imported!.resources["Permission"]!.fields["parent"]).toBeUndefined();
  });

  it("the protos' HTTP rules and the methods' shape agree wherever the protos serve the request", () => {
    expect(inPathFields(withoutProtos.imported)).toHaveLength(15);
    expect(inPathFields(withoutProtos.imported)).toEqual(inPathFields(withProtos.imported));
  });
});
