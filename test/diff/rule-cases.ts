// The before/after fragments of the diff rules: the smallest spec pair that shows each change, and the rule, level and
// path the diff gives it. Shared by the rule tests and the compile proofs of the type verdicts.
import type {
  ImportedField,
  ImportedResource,
  ImportedSpec,
  MethodSpec,
} from "../../packages/tools/src/spec/layers.ts";

export type Fields = Record<string, Partial<ImportedField>>;
export interface Side {
  /** Resource name → fields; "Req" is the request and "Res" the response of method "m.call". */
  resources?: Record<string, Fields | { fields: Fields; extra: Partial<ImportedResource> }>;
  method?: Partial<MethodSpec> | null;
  revision?: string;
}

export function spec(side: Side): ImportedSpec {
  const resources: Record<string, ImportedResource> = {};
  const base: Record<string, Fields> = {
    Req: { body: { type: "ref", ref: "Shared" } },
    Res: { out: { type: "ref", ref: "Shared" } },
    Shared: {},
  };
  const all = { ...base, ...side.resources } as Record<
    string,
    Fields | { fields: Fields; extra: Partial<ImportedResource> }
  >;
  for (const [name, def] of Object.entries(all)) {
    const fields = { ...base[name], ...(("fields" in def ? def.fields : def) as Fields) };
    resources[name] = {
      name,
      ...("extra" in def ? (def.extra as Partial<ImportedResource>) : {}),
      fields: Object.fromEntries(
        Object.entries(fields).map(([k, f]) => [k, { protoName: k, type: "string", ...f } as ImportedField]),
      ),
    };
  }
  const method: MethodSpec = {
    id: "m.call",
    httpMethod: "POST",
    path: "v1beta/{+name}:call",
    flatPath: "v1beta/ms/{msId}:call",
    parameterOrder: ["name"],
    parameters: { name: { location: "path", type: "string", required: true, pattern: "^ms/[^/]+$" } },
    request: "Req",
    response: "Res",
    ...side.method,
  };
  const service = {
    name: "s",
    version: "v1beta",
    revision: side.revision ?? "1",
    rootUrl: "",
    servicePath: "",
    sources: { discovery: { file: "d.json", sha256: "0" } },
  };
  return { service, resources, methods: side.method === null ? {} : { "m.call": method } };
}

const ab: Fields = { a: {}, b: {} };
const abc: Fields = { a: {}, b: {}, c: {} };
/** The fields plus a oneof "data" over the members. */
const oneof = (fields: Fields, ...members: string[]) => ({ fields, extra: { unions: [{ name: "data", members }] } });
export const enumField = (...values: string[]): Partial<ImportedField> => ({
  type: "enum",
  values: values.map((name) => ({ name })),
});
const upload = (maxSize?: string) => ({
  mediaUpload: { accept: ["*/*"], ...(maxSize ? { maxSize } : {}), protocols: { simple: "/upload" } },
});

export type Want = [rule: string, level: string, path: string];
/** A case shows one change (`want`), or a few that come together (a oneof over a field that is new). */
export const cases: [string, { before: Side; after: Side; want: Want | Want[] }][] = [
  ["revision", { before: { revision: "1" }, after: { revision: "2" }, want: ["revision-changed", "info", "revision"] }],
  ["resource added", { before: {}, after: { resources: { New: {} } }, want: ["resource-added", "info", "New"] }],
  [
    "resource removed",
    { before: { resources: { Old: {} } }, after: {}, want: ["resource-removed", "breaking", "Old"] },
  ],
  [
    "resource deprecated",
    {
      before: {},
      after: { resources: { Shared: { fields: {}, extra: { deprecated: true } } } },
      want: ["resource-deprecated", "warning", "Shared"],
    },
  ],
  [
    "resource undeprecated",
    {
      before: { resources: { Shared: { fields: {}, extra: { deprecated: true } } } },
      after: {},
      want: ["resource-undeprecated", "info", "Shared"],
    },
  ],
  [
    "optional field added",
    { before: {}, after: { resources: { Req: { x: {} } } }, want: ["field-added", "info", "Req.x"] },
  ],
  [
    "required request field added",
    {
      before: {},
      after: { resources: { Req: { x: { required: true } } } },
      want: ["request-field-added-required", "breaking", "Req.x"],
    },
  ],
  [
    "required response field added",
    { before: {}, after: { resources: { Res: { x: { required: true } } } }, want: ["field-added", "info", "Res.x"] },
  ],
  [
    "field removed",
    { before: { resources: { Res: { x: {} } } }, after: {}, want: ["field-removed", "breaking", "Res.x"] },
  ],
  [
    "field type changed",
    {
      before: { resources: { Res: { x: { type: "int32" } } } },
      after: { resources: { Res: { x: { type: "int64" } } } },
      want: ["field-type-changed", "breaking", "Res.x"],
    },
  ],
  [
    "request field type changed",
    {
      before: { resources: { Req: { x: { type: "int32" } } } },
      after: { resources: { Req: { x: { type: "boolean" } } } },
      want: ["field-type-changed", "breaking", "Req.x"],
    },
  ],
  [
    "field format changed",
    {
      before: { resources: { Shared: { x: { type: "int32" } } } },
      after: { resources: { Shared: { x: { type: "uint32" } } } },
      want: ["field-format-changed", "breaking", "Shared.x"],
    },
  ],
  [
    "request field became required",
    {
      before: { resources: { Req: { x: {} } } },
      after: { resources: { Req: { x: { required: true } } } },
      want: ["request-field-became-required", "breaking", "Req.x"],
    },
  ],
  [
    "shared field became required",
    {
      before: { resources: { Shared: { x: {} } } },
      after: { resources: { Shared: { x: { required: true } } } },
      want: ["request-field-became-required", "breaking", "Shared.x"],
    },
  ],
  [
    "response field became required",
    {
      before: { resources: { Res: { x: {} } } },
      after: { resources: { Res: { x: { required: true } } } },
      want: ["response-field-became-required", "info", "Res.x"],
    },
  ],
  [
    "response field became optional",
    {
      before: { resources: { Res: { x: { required: true } } } },
      after: { resources: { Res: { x: {} } } },
      want: ["response-field-became-optional", "breaking", "Res.x"],
    },
  ],
  [
    "request field became optional",
    {
      before: { resources: { Req: { x: { required: true } } } },
      after: { resources: { Req: { x: {} } } },
      want: ["request-field-became-optional", "info", "Req.x"],
    },
  ],
  [
    "field became output-only",
    {
      before: { resources: { Shared: { x: {} } } },
      after: { resources: { Shared: { x: { outputOnly: true } } } },
      want: ["field-became-output-only", "breaking", "Shared.x"],
    },
  ],
  [
    "field no longer output-only",
    {
      before: { resources: { Shared: { x: { outputOnly: true } } } },
      after: { resources: { Shared: { x: {} } } },
      want: ["field-no-longer-output-only", "info", "Shared.x"],
    },
  ],
  [
    "field became input-only",
    {
      before: { resources: { Shared: { x: {} } } },
      after: { resources: { Shared: { x: { inputOnly: true } } } },
      want: ["field-became-input-only", "breaking", "Shared.x"],
    },
  ],
  [
    "field no longer input-only",
    {
      before: { resources: { Shared: { x: { inputOnly: true } } } },
      after: { resources: { Shared: { x: {} } } },
      want: ["field-no-longer-input-only", "info", "Shared.x"],
    },
  ],
  [
    "field immutable",
    {
      before: { resources: { Shared: { x: {} } } },
      after: { resources: { Shared: { x: { immutable: true } } } },
      want: ["field-immutable-changed", "warning", "Shared.x"],
    },
  ],
  [
    "field deprecated",
    {
      before: { resources: { Shared: { x: {} } } },
      after: { resources: { Shared: { x: { deprecated: true } } } },
      want: ["field-deprecated", "warning", "Shared.x"],
    },
  ],
  [
    "field undeprecated",
    {
      before: { resources: { Shared: { x: { deprecated: true } } } },
      after: { resources: { Shared: { x: {} } } },
      want: ["field-undeprecated", "info", "Shared.x"],
    },
  ],
  [
    "field in path",
    {
      before: { resources: { Req: { x: {} } } },
      after: { resources: { Req: { x: { inPath: true } } } },
      want: ["field-in-path-changed", "info", "Req.x"],
    },
  ],
  [
    "proto name",
    {
      before: { resources: { Res: { x: {} } } },
      after: { resources: { Res: { x: { protoName: "y" } } } },
      want: ["field-proto-name-changed", "info", "Res.x"],
    },
  ],
  [
    "request enum value added",
    {
      before: { resources: { Req: { e: enumField("A") } } },
      after: { resources: { Req: { e: enumField("A", "B") } } },
      want: ["request-enum-value-added", "info", "Req.e#B"],
    },
  ],
  [
    "response enum value added",
    {
      before: { resources: { Res: { e: enumField("A") } } },
      after: { resources: { Res: { e: enumField("A", "B") } } },
      want: ["response-enum-value-added", "warning", "Res.e#B"],
    },
  ],
  [
    "enum value removed",
    {
      before: { resources: { Req: { e: enumField("A", "B") } } },
      after: { resources: { Req: { e: enumField("A") } } },
      want: ["enum-value-removed", "breaking", "Req.e#B"],
    },
  ],
  [
    "enum value deprecated",
    {
      before: { resources: { Req: { e: enumField("A") } } },
      after: { resources: { Req: { e: { type: "enum", values: [{ name: "A", deprecated: true }] } } } },
      want: ["enum-value-deprecated", "warning", "Req.e#A"],
    },
  ],
  [
    "enum value undeprecated",
    {
      before: { resources: { Req: { e: { type: "enum", values: [{ name: "A", deprecated: true }] } } } },
      after: { resources: { Req: { e: enumField("A") } } },
      want: ["enum-value-undeprecated", "info", "Req.e#A"],
    },
  ],
  [
    "oneof added",
    {
      before: { resources: { Shared: ab } },
      after: { resources: { Shared: oneof(ab, "a", "b") } },
      want: ["oneof-added", "breaking", "Shared#oneof:data"],
    },
  ],
  [
    "response oneof added",
    {
      before: { resources: { Res: ab } },
      after: { resources: { Res: oneof(ab, "a", "b") } },
      want: ["response-oneof-added", "breaking", "Res#oneof:data"],
    },
  ],
  [
    "oneof added over a new field",
    {
      before: { resources: { Shared: { a: {} } } },
      after: { resources: { Shared: oneof(ab, "a", "b") } },
      want: [
        ["field-added", "info", "Shared.b"],
        ["oneof-added-compatible", "info", "Shared#oneof:data"],
      ],
    },
  ],
  [
    "oneof removed",
    {
      before: { resources: { Shared: oneof(ab, "a", "b") } },
      after: { resources: { Shared: ab } },
      want: ["oneof-removed", "info", "Shared#oneof:data"],
    },
  ],
  [
    "oneof members changed",
    {
      before: { resources: { Shared: oneof(abc, "a", "b") } },
      after: { resources: { Shared: oneof(abc, "a", "c") } },
      want: ["oneof-members-changed", "breaking", "Shared#oneof:data"],
    },
  ],
  [
    "response oneof members changed",
    {
      before: { resources: { Res: oneof(abc, "a", "b") } },
      after: { resources: { Res: oneof(abc, "a", "b", "c") } },
      want: ["response-oneof-members-changed", "breaking", "Res#oneof:data"],
    },
  ],
  [
    "oneof members relaxed",
    {
      before: { resources: { Shared: oneof(ab, "a", "b") } },
      after: { resources: { Shared: oneof(abc, "a", "b", "c") } },
      want: [
        ["field-added", "info", "Shared.c"],
        ["oneof-members-relaxed", "info", "Shared#oneof:data"],
      ],
    },
  ],
  [
    "oneof member left",
    {
      before: { resources: { Shared: oneof(abc, "a", "b", "c") } },
      after: { resources: { Shared: oneof(abc, "a", "b") } },
      want: ["oneof-members-relaxed", "info", "Shared#oneof:data"],
    },
  ],
  ["method added", { before: { method: null }, after: {}, want: ["method-added", "info", "m.call"] }],
  ["method removed", { before: {}, after: { method: null }, want: ["method-removed", "breaking", "m.call"] }],
  [
    "http verb changed",
    { before: {}, after: { method: { httpMethod: "PUT" } }, want: ["method-http-changed", "breaking", "m.call"] },
  ],
  [
    "flat path changed",
    {
      before: {},
      after: { method: { flatPath: "v1beta/ms/{msId}/v2:call" } },
      want: ["method-flat-path-changed", "warning", "m.call"],
    },
  ],
  [
    "request changed",
    { before: {}, after: { method: { request: "Shared" } }, want: ["method-request-changed", "breaking", "m.call"] },
  ],
  [
    "response changed",
    {
      before: {},
      after: { resources: { Other: { id: { required: true } } }, method: { response: "Other" } },
      want: [
        ["resource-added", "info", "Other"],
        ["method-response-changed", "breaking", "m.call"],
      ],
    },
  ],
  [
    "streaming changed",
    {
      before: {},
      after: { method: { streaming: "server" } },
      want: ["method-streaming-changed", "breaking", "m.call"],
    },
  ],
  [
    "parameter order",
    {
      before: {},
      after: { method: { parameterOrder: [] } },
      want: ["method-parameter-order-changed", "info", "m.call"],
    },
  ],
  [
    "upload limit decreased",
    {
      before: { method: upload("2147483648") },
      after: { method: upload("104857600") },
      want: ["method-upload-limit-decreased", "breaking", "m.call"],
    },
  ],
  [
    "upload limit set",
    {
      before: { method: upload() },
      after: { method: upload("104857600") },
      want: ["method-upload-limit-decreased", "breaking", "m.call"],
    },
  ],
  [
    "upload limit increased",
    {
      before: { method: upload("104857600") },
      after: { method: upload("2147483648") },
      want: ["method-upload-limit-increased", "info", "m.call"],
    },
  ],
  [
    "upload protocol removed",
    {
      before: {
        method: {
          mediaUpload: { accept: ["*/*"], maxSize: "1", protocols: { simple: "/upload", resumable: "/resumable" } },
        },
      },
      after: { method: upload("1") },
      want: ["method-upload-protocol-removed", "breaking", "m.call"],
    },
  ],
  [
    "upload protocol added",
    {
      before: { method: upload("1") },
      after: {
        method: {
          mediaUpload: { accept: ["*/*"], maxSize: "1", protocols: { simple: "/upload", resumable: "/resumable" } },
        },
      },
      want: ["method-upload-changed", "warning", "m.call"],
    },
  ],
  [
    "upload accept changed",
    {
      before: { method: upload("1") },
      after: { method: { mediaUpload: { accept: ["image/*"], maxSize: "1", protocols: { simple: "/upload" } } } },
      want: ["method-upload-changed", "warning", "m.call"],
    },
  ],
  [
    "download changed",
    { before: {}, after: { method: { mediaDownload: true } }, want: ["method-download-changed", "warning", "m.call"] },
  ],
];

const param = (extra: object) => ({
  method: {
    parameters: {
      name: { location: "path" as const, type: "string" as const, required: true as const, pattern: "^ms/[^/]+$" },
      ...extra,
    },
  },
});
cases.push(
  [
    "parameter added",
    {
      before: {},
      after: param({ pageSize: { location: "query", type: "int32" } }),
      want: ["method-parameter-added", "info", "m.call(pageSize)"],
    },
  ],
  [
    "required parameter added",
    {
      before: {},
      after: param({ parent: { location: "query", type: "string", required: true } }),
      want: ["method-parameter-added-required", "breaking", "m.call(parent)"],
    },
  ],
  [
    "parameter removed",
    {
      before: param({ pageSize: { location: "query", type: "int32" } }),
      after: {},
      want: ["method-parameter-removed", "breaking", "m.call(pageSize)"],
    },
  ],
  [
    "parameter type changed",
    {
      before: param({ pageSize: { location: "query", type: "int32" } }),
      after: param({ pageSize: { location: "query", type: "string" } }),
      want: ["method-parameter-changed", "breaking", "m.call(pageSize)"],
    },
  ],
  [
    "parameter format changed",
    {
      before: param({ pageSize: { location: "query", type: "int32" } }),
      after: param({ pageSize: { location: "query", type: "uint32" } }),
      want: ["method-parameter-format-changed", "breaking", "m.call(pageSize)"],
    },
  ],
  [
    "parameter moved",
    {
      before: param({ parent: { location: "query", type: "string" } }),
      after: param({ parent: { location: "path", type: "string" } }),
      want: ["method-parameter-moved", "breaking", "m.call(parent)"],
    },
  ],
  [
    "parameter became required",
    {
      before: param({ p: { location: "query", type: "string" } }),
      after: param({ p: { location: "query", type: "string", required: true } }),
      want: ["method-parameter-became-required", "breaking", "m.call(p)"],
    },
  ],
  [
    "parameter became optional",
    {
      before: param({ p: { location: "query", type: "string", required: true } }),
      after: param({ p: { location: "query", type: "string" } }),
      want: ["method-parameter-became-optional", "info", "m.call(p)"],
    },
  ],
  [
    "parameter pattern changed",
    {
      before: {},
      after: {
        method: { parameters: { name: { location: "path", type: "string", required: true, pattern: "^ms/.+$" } } },
      },
      want: ["method-parameter-pattern-changed", "warning", "m.call(name)"],
    },
  ],
  [
    "parameter value removed",
    {
      before: param({ v: { location: "query", type: "enum", values: ["A", "B"] } }),
      after: param({ v: { location: "query", type: "enum", values: ["A", "C"] } }),
      want: ["method-parameter-value-removed", "breaking", "m.call(v)"],
    },
  ],
  [
    "parameter value added",
    {
      before: param({ v: { location: "query", type: "enum", values: ["A"] } }),
      after: param({ v: { location: "query", type: "enum", values: ["A", "B"] } }),
      want: ["method-parameter-value-added", "info", "m.call(v)"],
    },
  ],
);
