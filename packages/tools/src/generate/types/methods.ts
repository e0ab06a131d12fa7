// The methods as a typed table. `Methods` maps a method id to its parameter, request and response types, so a client
// can be typed as `call<M extends MethodId>(id: M, params: Methods[M]["params"], body: Methods[M]["request"])`.
// `METHODS` holds the same methods as runtime data (HTTP method, path template, streaming, upload/download).
// A method without a request body has `request: undefined`, not `never`: `undefined` is a value a caller can pass
// (or leave out with an optional parameter), while `never` would make such a generic call impossible to write.
import { StructureKind, type StatementStructures } from "ts-morph";
import type { MethodParameter } from "../../spec/layers.ts";
import type { MethodIR, SpecIR } from "../../spec/ir.ts";
import { resourceType, SCALAR_TS_TYPES } from "./field-types.ts";
import { jsDocText, wireFormatSentence, type Doc } from "./jsdoc.ts";
import { propertyKey } from "./names.ts";
import { formatted, indented, objectKey, tableValue, type FormattedText, type TableValue } from "./formatted.ts";

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
  return `{\n${members.map(indented).join("\n")}\n}`;
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

/** A method's entry in the Methods interface. */
function methodTypeMember(method: MethodIR, generic: ReadonlySet<string>): string {
  const request = method.request ? resourceType(method.request, { direction: "request", generic }) : "undefined";
  const response = method.response ? resourceType(method.response, { direction: "response", generic }) : "undefined";
  const members = [`params: ${paramsType(method)};`, `request: ${request};`, `response: ${response};`];
  return indented(`${jsDocText(methodDoc(method))}${objectKey(method.id)}: {\n${members.map(indented).join("\n")}\n};`);
}

function methodInfo(method: MethodIR): TableValue {
  const byLocation = (location: MethodParameter["location"]) =>
    Object.entries(method.parameters)
      .filter(([, p]) => p.location === location)
      .map(([name]) => name);
  // Path parameters in the order the path template uses them; query parameters alphabetically.
  const pathParams = method.parameterOrder.filter((name) => method.parameters[name]?.location === "path");
  const upload = method.mediaUpload;
  return {
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
    upload: upload
      ? {
          accept: upload.accept,
          ...(upload.maxSize !== undefined ? { maxSize: upload.maxSize } : {}),
          protocols: upload.protocols,
        }
      : null,
    download: method.mediaDownload ?? false,
  };
}

/** A method's entry in METHODS. */
function methodInfoEntry(method: MethodIR): string {
  const doc: Doc = { paragraphs: [method.description], deprecated: method.deprecated ? DEPRECATED_METHOD : false };
  const key = `  ${objectKey(method.id)}: `;
  return `${indented(jsDocText(doc))}${key}${tableValue(methodInfo(method), 2, key.length, 1)},`;
}

const METHODS_DOC =
  "/**\n * Every method by id: `params` (path and query parameters), `request` (the body; `undefined` when the method\n" +
  " * takes none) and `response` (the body; for a streaming method, each message of the stream).\n */\n";

/** What METHODS holds for each method; the same for every spec. */
const METHOD_INFO = `/** What METHODS records about a method. */
export interface MethodInfo {
  readonly httpMethod: "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
  /** Path template relative to the service root, e.g. \`v1beta/{+model}:generateContent\`. */
  readonly path: string;
  /** Name of the request body type, or null when the method takes none. */
  readonly request: string | null;
  /** Name of the response body type. */
  readonly response: string | null;
  /** "server": the response is a stream of \`response\` messages; "bidi": a WebSocket session of \`request\` and \`response\` messages. */
  readonly streaming: "server" | "bidi" | null;
  /** Path parameters, in template order. */
  readonly pathParams: readonly string[];
  readonly queryParams: readonly string[];
  /** For media upload methods: accepted MIME types, the size limit in bytes (decimal string), upload paths by protocol. */
  readonly upload: {
    readonly accept: readonly string[];
    readonly maxSize?: string;
    readonly protocols: Readonly<Record<string, string>>;
  } | null;
  /** The method can return media bytes. */
  readonly download: boolean;
}`;

export function methodStatements(ir: SpecIR, generic: ReadonlySet<string>): (StatementStructures | FormattedText)[] {
  const methods = [...ir.methods.keys()].sort().map((id) => ir.methods.get(id)!);
  const table = methods.length > 0 ? `{\n${methods.map(methodInfoEntry).join("\n")}\n}` : "{}";
  const members = methods.map((m) => methodTypeMember(m, generic));
  return [
    formatted(`${METHODS_DOC}export interface Methods ${members.length > 0 ? `{\n${members.join("\n")}\n}` : "{}"}`),
    {
      kind: StructureKind.TypeAlias,
      name: "MethodId",
      isExported: true,
      type: "keyof Methods",
      docs: ['A method id such as `"models.generateContent"`.'],
    },
    formatted(METHOD_INFO),
    formatted(
      `/** Every method by id, as runtime data. */\nexport const METHODS = ${table} as const satisfies Record<MethodId, MethodInfo>;`,
    ),
  ];
}
