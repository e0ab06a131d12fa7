// The methods as a typed table. `Methods` maps a method id to its parameter, request and response types, so a client
// can be typed as `call<M extends MethodId>(id: M, params: Methods[M]["params"], body: Methods[M]["request"])`.
// `METHODS` holds the same methods as runtime data (HTTP method, path template, streaming, upload/download).
// A method without a request body has `request: undefined`, not `never`: `undefined` is a value a caller can pass
// (or leave out with an optional parameter), while `never` would make such a generic call impossible to write.
import {
  StructureKind,
  VariableDeclarationKind,
  type OptionalKind,
  type PropertySignatureStructure,
  type StatementStructures,
} from "ts-morph";
import type { MethodParameter } from "../../spec/layers.ts";
import type { MethodIR, SpecIR } from "../../spec/ir.ts";
import { resourceType, SCALAR_TS_TYPES } from "./field-types.ts";
import { jsDocText, toJsDocs, wireFormatSentence, type Doc } from "./jsdoc.ts";
import { propertyKey } from "./names.ts";

function parameterType(method: MethodIR, name: string, parameter: MethodParameter): string {
  let element: string;
  if (parameter.type === "enum")
    element = (parameter.values ?? []).map((v) => JSON.stringify(v)).join(" | ") || "string";
  else if (parameter.type === "ref" || parameter.type === "any")
    throw new Error(`types: parameter ${name} of ${method.id} cannot be a message`);
  else element = SCALAR_TS_TYPES[parameter.type];
  return parameter.repeated ? `(${element})[]` : element;
}

// Discovery records only the flag, no replacement, so the sentence says where the flag comes from and no more; a
// replacement belongs in the overlay's description of the method.
const DEPRECATED_METHOD = "Google's Discovery document marks this method deprecated.";
const DEPRECATED_PARAMETER = "Google's Discovery document marks this parameter deprecated.";

function parameterDoc(parameter: MethodParameter): Doc {
  const where = parameter.location === "path" ? "Path parameter" : "Query parameter";
  const pattern = parameter.pattern ? `, matching \`${parameter.pattern}\`` : "";
  const wire = wireFormatSentence(parameter.type, parameter.repeated ? "repeated" : "single") ?? "";
  return {
    paragraphs: [`${where}${pattern}. ${wire}`.trim()],
    deprecated: parameter.deprecated ? DEPRECATED_PARAMETER : false,
  };
}

function paramsType(method: MethodIR): string {
  const entries = Object.entries(method.parameters).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  if (entries.length === 0) return "Record<string, never>";
  const members = entries.map(
    ([name, p]) =>
      `${jsDocText(parameterDoc(p))}${propertyKey(name)}${p.required ? "" : "?"}: ${parameterType(method, name, p)};`,
  );
  return `{\n${members.join("\n")}\n}`;
}

function methodDoc(method: MethodIR): Doc {
  const streaming =
    method.streaming === "bidi"
      ? "A WebSocket session: the client sends `request` messages and the server `response` messages, one JSON frame each."
      : method.streaming
        ? "Streams: the response is a sequence of `response` messages (Server-Sent Events with `alt=sse`, else one JSON array)."
        : "";
  const upload = method.mediaUpload ? "Uploads media: send the bytes to one of `METHODS[id].upload.protocols`." : "";
  const download = method.mediaDownload ? "Can return media bytes instead of JSON (`alt=media`)." : "";
  return {
    paragraphs: [method.description, `\`${method.httpMethod} ${method.path}\``, streaming, upload, download],
    deprecated: method.deprecated ? DEPRECATED_METHOD : false,
  };
}

function methodTypeProperty(method: MethodIR, generic: ReadonlySet<string>): OptionalKind<PropertySignatureStructure> {
  const request = method.request ? resourceType(method.request, { direction: "request", generic }) : "undefined";
  const response = method.response ? resourceType(method.response, { direction: "response", generic }) : "undefined";
  return {
    name: JSON.stringify(method.id),
    docs: toJsDocs(methodDoc(method)),
    type: `{\nparams: ${paramsType(method)};\nrequest: ${request};\nresponse: ${response};\n}`,
  };
}

function methodInfoLiteral(method: MethodIR): string {
  const byLocation = (location: MethodParameter["location"]) =>
    Object.entries(method.parameters)
      .filter(([, p]) => p.location === location)
      .map(([name]) => name);
  // Path parameters in the order the path template uses them; query parameters alphabetically.
  const pathParams = method.parameterOrder.filter((name) => method.parameters[name]?.location === "path");
  const info = {
    httpMethod: method.httpMethod,
    path: method.path,
    request: method.request ?? null,
    response: method.response ?? null,
    streaming: method.streaming ?? null,
    pathParams: [
      ...pathParams,
      ...byLocation("path")
        .filter((n) => !pathParams.includes(n))
        .sort(),
    ],
    queryParams: byLocation("query").sort(),
    upload: method.mediaUpload ?? null,
    download: method.mediaDownload ?? false,
  };
  const doc: Doc = { paragraphs: [method.description], deprecated: method.deprecated ? DEPRECATED_METHOD : false };
  return `${jsDocText(doc)}${JSON.stringify(method.id)}: ${JSON.stringify(info)},`;
}

export function methodStatements(ir: SpecIR, generic: ReadonlySet<string>): StatementStructures[] {
  const methods = [...ir.methods.keys()].sort().map((id) => ir.methods.get(id)!);
  return [
    {
      kind: StructureKind.Interface,
      name: "Methods",
      isExported: true,
      docs: [
        "Every method by id: `params` (path and query parameters), `request` (the body; `undefined` when the method\n" +
          "takes none) and `response` (the body; for a streaming method, each message of the stream).",
      ],
      properties: methods.map((m) => methodTypeProperty(m, generic)),
    },
    {
      kind: StructureKind.TypeAlias,
      name: "MethodId",
      isExported: true,
      type: "keyof Methods",
      docs: ['A method id such as `"models.generateContent"`.'],
    },
    {
      kind: StructureKind.Interface,
      name: "MethodInfo",
      isExported: true,
      docs: ["What METHODS records about a method."],
      properties: [
        { name: "httpMethod", type: '"GET" | "POST" | "PATCH" | "PUT" | "DELETE"', isReadonly: true },
        {
          name: "path",
          type: "string",
          isReadonly: true,
          docs: ["Path template relative to the service root, e.g. `v1beta/{+model}:generateContent`."],
        },
        {
          name: "request",
          type: "string | null",
          isReadonly: true,
          docs: ["Name of the request body type, or null when the method takes none."],
        },
        { name: "response", type: "string | null", isReadonly: true, docs: ["Name of the response body type."] },
        {
          name: "streaming",
          type: '"server" | "bidi" | null',
          isReadonly: true,
          docs: [
            '"server": the response is a stream of `response` messages; "bidi": a WebSocket session of `request` and `response` messages.',
          ],
        },
        {
          name: "pathParams",
          type: "readonly string[]",
          isReadonly: true,
          docs: ["Path parameters, in template order."],
        },
        { name: "queryParams", type: "readonly string[]", isReadonly: true },
        {
          name: "upload",
          type: "{ readonly accept: readonly string[]; readonly maxSize?: string; readonly protocols: Readonly<Record<string, string>> } | null",
          isReadonly: true,
          docs: [
            "For media upload methods: accepted MIME types, the size limit in bytes (decimal string), upload paths by protocol.",
          ],
        },
        { name: "download", type: "boolean", isReadonly: true, docs: ["The method can return media bytes."] },
      ],
    },
    {
      kind: StructureKind.VariableStatement,
      isExported: true,
      declarationKind: VariableDeclarationKind.Const,
      docs: ["Every method by id, as runtime data."],
      declarations: [
        {
          name: "METHODS",
          initializer: `{\n${methods.map(methodInfoLiteral).join("\n")}\n} as const satisfies Record<MethodId, MethodInfo>`,
        },
      ],
    },
  ];
}
