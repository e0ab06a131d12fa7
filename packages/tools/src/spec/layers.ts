// The format of the spec's two layers on disk (see spec/README.md), as types:
//   spec/imported/  written only by `gemini-typekit import`: facts taken from upstream, no prose;
//   spec/overlay/   written by people: names, descriptions, corrections the importer never touches.
// The merge turns them into one intermediate representation (ir.ts) that every emitter reads.

/** Wire types of a field's value (of each element, for repeated and map fields). */
export const SCALAR_TYPES = [
  "string",
  "boolean",
  "int32",
  "uint32",
  "int64",
  "uint64",
  "float",
  "double",
  "bytes",
  "timestamp",
  "duration",
  "fieldMask",
  "value",
  "struct",
] as const;
export type ScalarType = (typeof SCALAR_TYPES)[number];

/**
 * The JSON value each scalar travels as (the proto3 JSON mapping): 64-bit integers, bytes, timestamps, durations and
 * field masks are strings. Payloads and the generated types follow this kind, not the scalar, so a change between two
 * scalars of one kind (int32 → uint32, string → bytes) changes formats and ranges but no shape.
 */
export const SCALAR_JSON_KINDS: Record<ScalarType, "string" | "number" | "boolean" | "object" | "any"> = {
  string: "string",
  boolean: "boolean",
  int32: "number",
  uint32: "number",
  int64: "string",
  uint64: "string",
  float: "number",
  double: "number",
  bytes: "string",
  timestamp: "string",
  duration: "string",
  fieldMask: "string",
  value: "any",
  struct: "object",
};
/**
 * "enum" and "ref" name an enum or a resource; "any" is google.protobuf.Any: an object whose "@type" URL says which
 * message it holds, with `ref` naming the any type (corrections.anyTypes) that maps the known URLs to resources.
 */
export type FieldType = ScalarType | "enum" | "ref" | "any";

/** Behaviour flags a field can carry; each is present only when true. */
export const FIELD_FLAGS = ["required", "outputOnly", "inputOnly", "immutable", "deprecated"] as const;
export type FieldFlag = (typeof FIELD_FLAGS)[number];

export interface ImportedEnumValue {
  name: string;
  number?: number;
  deprecated?: true;
}

/** A field as the importer records it. Enum values are inline, as upstream has them. */
export interface ImportedField {
  protoName: string;
  type: FieldType;
  /** For type "ref": the upstream schema name. For type "any": the name of the any type (corrections.anyTypes). */
  ref?: string;
  /** For type "enum": the values, in upstream order. */
  values?: ImportedEnumValue[];
  /** For type "enum": the fully-qualified proto enum, when the protos know the field. */
  protoEnum?: string;
  repeated?: true;
  map?: true;
  required?: true;
  outputOnly?: true;
  inputOnly?: true;
  immutable?: true;
  deprecated?: true;
  /**
   * The field is bound to the URL path and Discovery leaves it out of the body schema; the importer adds it from
   * the protos' HTTP rule (`body: "*"`). Never `required`: the body may carry it or leave it out.
   */
  inPath?: true;
}

export interface ImportedUnion {
  /** The oneof's proto name (snake_case), e.g. "data". */
  name: string;
  /** JSON names of the member fields, in proto order. */
  members: string[];
}

export interface ImportedResource {
  /** Upstream schema id. */
  name: string;
  /** Fully-qualified proto message, when one matched. */
  protoMessage?: string;
  deprecated?: true;
  fields: Record<string, ImportedField>;
  unions?: ImportedUnion[];
}

export interface MethodParameter {
  location: "path" | "query";
  type: FieldType;
  required?: true;
  repeated?: true;
  pattern?: string;
  values?: string[];
  /** Upstream marks the parameter deprecated. */
  deprecated?: true;
}

/**
 * "server": the response is a stream of `response` messages over HTTP. "bidi": a WebSocket session (the Live API):
 * the client sends `request` messages and the server `response` messages, each a JSON frame, in any interleaving.
 */
export type Streaming = "server" | "bidi";

export interface MethodSpec {
  /** e.g. "models.generateContent" */
  id: string;
  httpMethod: "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
  /** Path template relative to the service root, e.g. "v1beta/{+model}:generateContent". */
  path: string;
  /** The same path with every segment spelled out, e.g. "v1beta/models/{modelsId}:generateContent". */
  flatPath: string;
  parameterOrder: string[];
  parameters: Record<string, MethodParameter>;
  request?: string;
  response?: string;
  /** "server": the response is a stream of `response` messages (SSE with alt=sse, else one JSON array); "bidi": see Streaming. */
  streaming?: Streaming;
  mediaUpload?: { accept: string[]; maxSize?: string; protocols: Record<string, string> };
  mediaDownload?: true;
  /** Upstream marks the method deprecated. */
  deprecated?: true;
}

export interface SourceRecord {
  /** Base name of the file that was imported. */
  file: string;
  sha256: string;
}

export interface ImportedService {
  name: string;
  version: string;
  revision: string;
  rootUrl: string;
  servicePath: string;
  sources: { discovery: SourceRecord; protos?: SourceRecord; openapi?: SourceRecord };
}

export interface ImportedSpec {
  service: ImportedService;
  resources: Record<string, ImportedResource>;
  methods: Record<string, MethodSpec>;
}

// ---------------------------------------------------------------- overlay (hand-written)

export interface OverlayResource {
  description?: string;
  fields?: Record<string, string>;
  unions?: Record<string, string>;
}

export interface OverlayEnum {
  /** Fields typed by this enum, as "Resource.field" with the public resource name. */
  usedBy: string[];
  description?: string;
  values?: Record<string, string>;
}

export interface FieldTypeOverride {
  type: FieldType;
  ref?: string;
  values?: ImportedEnumValue[];
}

/** One place a correction shows: a corpus file, the stream chunk when it is one, and the JSON Pointer in that body. */
export interface EvidenceExample {
  file: string;
  chunk?: number;
  pointer: string;
}

/**
 * What a correction rests on: `source` names where the example files live (for the shared corpus,
 * "shared/fixtures/real", paths relative to it), `seenIn` how many files show it, `examples` up to five of them.
 */
export interface Evidence {
  source: string;
  seenIn: number;
  examples: EvidenceExample[];
}

/** Where a relaxed "Required." no longer applies: in responses only, or on both sides of the wire. */
export type RelaxedScope = "responses" | "everywhere";

export interface Corrections {
  /** Upstream schema names that the spec publishes under a stable name. */
  renames?: { upstream: string; name: string; reason: string }[];
  /** Field types the spec corrects; `upstream` is what upstream says, so a later upstream fix is noticed. */
  fieldTypes?: { field: string; upstream: FieldTypeOverride; type: FieldTypeOverride; reason: string }[];
  /** Resources upstream lacks but the API uses (e.g. the target of a dangling $ref). */
  addedResources?: Record<
    string,
    { reason: string; protoMessage?: string; fields: Record<string, ImportedField>; evidence?: Evidence }
  >;
  /** Fields the API sends or accepts that upstream lacks, as "Resource.field" with the imported field format. */
  addedFields?: { field: string; definition: ImportedField; reason: string; evidence: Evidence }[];
  /** Fields upstream calls required that real traffic leaves out: in responses only, or everywhere. */
  relaxedRequired?: { field: string; scope: RelaxedScope; reason: string; evidence: Evidence }[];
  /** Values a named enum takes on the wire that upstream does not list. */
  addedEnumValues?: { enum: string; value: string; reason: string; evidence: Evidence }[];
  /**
   * Any types: for fields of type "any" (google.protobuf.Any), the messages they are known to carry, by type URL
   * (e.g. "type.googleapis.com/google.rpc.ErrorInfo" → the resource ErrorInfo). Other URLs stay allowed.
   */
  anyTypes?: Record<string, { reason: string; messages: Record<string, string> }>;
  /** Other JSON names the API accepts for a field. */
  aliases?: { field: string; alias: string; reason: string }[];
  /** Oneof members the protos do not list yet, or oneofs they lack. */
  unions?: { resource: string; union: string; members: string[]; reason: string }[];
}

export interface Overlay {
  resources: Record<string, OverlayResource>;
  enums: Record<string, OverlayEnum>;
  methods: Record<string, string>;
  corrections: Corrections;
}
