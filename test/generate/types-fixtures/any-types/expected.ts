/**
 * Which side of the wire a value is on. Resources that are both sent and returned take it as a type parameter:
 * `"request"` (the default) keeps enum fields closed so a typo is a compile error; `"response"` also admits
 * enum values newer than this spec.
 */
export type Direction = "request" | "response";

/** An enum as a field of a resource on side `D`: exactly `E` in requests, `E` or any other string in responses. */
export type EnumOf<E extends string, D> = D extends "response" ? E | (string & {}) : E;

/** At most one property of `T` may be set (a proto oneof); setting none is fine. */
export type OneOf<T> = { [K in keyof T]-?: Pick<T, K> & { [P in Exclude<keyof T, K>]?: never } }[keyof T];

/** A message as it travels inside a google.protobuf.Any field: its fields plus the "@type" URL naming it. */
export type Packed<T, Url extends string> = T & { "@type": Url };

/**
 * Whether `value` is one of the values of an enum object such as `FinishReason`: narrows an open (response-side)
 * enum field to the values this spec knows, e.g. `if (isKnown(FinishReason, candidate.finishReason)) switch (…)`.
 */
export function isKnown<E extends string>(
  values: { readonly [name: string]: E },
  value: string | null | undefined,
): value is E {
  return typeof value === "string" && Object.prototype.hasOwnProperty.call(values, value) && values[value] === value;
}

export type Kind = "KIND_UNSPECIFIED" | "NOTE";

export const Kind = {
  KIND_UNSPECIFIED: "KIND_UNSPECIFIED",
  NOTE: "NOTE",
} as const;

/**
 * Both sides without enums: plain.
 *
 * Sent in requests and returned by the API.
 */
export interface Blob {
  /** Base64 bytes. */
  data?: string;
}

/**
 * Both sides with an enum: generic, so Payload is generic too.
 *
 * Sent in requests and returned by the API: `D` is `"request"` (default) or `"response"`, see Direction.
 */
export interface Note<D extends Direction = "request"> {
  text?: string;
  kind?: EnumOf<Kind, D>;
}

/**
 * Another known detail.
 *
 * Returned by the API.
 */
export interface Reason {
  reason?: string;
  labels?: Record<string, string>;
}

/**
 * A known detail.
 *
 * Returned by the API.
 */
export interface RetryHint {
  /** Duration such as "3.5s". */
  delay?: string;
}

/**
 * Request side: carries one packed payload.
 *
 * Sent in requests.
 */
export interface SendRequest {
  /** What to send. */
  payload?: Payload<"request">;
}

/**
 * Response side: echoes packed payloads and may fail with a status.
 *
 * Returned by the API.
 */
export interface SendResponse {
  payloads?: Payload<"response">[];
  status?: Status;
}

/**
 * Response only.
 *
 * Returned by the API.
 */
export interface Status {
  code?: number;
  details?: Detail[];
}

/** Narrow on `"@type"` to read a known message, e.g. `case Detail.Reason:`; other URLs are UnknownDetail. */
export type Detail =
  Packed<Reason, "type.example.com/demo.Reason"> | Packed<RetryHint, "type.example.com/demo.RetryHint"> | UnknownDetail;

/** The type URLs Detail knows, by the name of the resource each one selects. */
export const Detail = {
  /** Type URL of Reason. */
  Reason: "type.example.com/demo.Reason",
  /** Type URL of RetryHint. */
  RetryHint: "type.example.com/demo.RetryHint",
} as const;

/**
 * The member of Detail for every `"@type"` URL this spec does not know; its other fields are not typed.
 *
 * The field names of the known messages are declared absent, so that narrowing `"@type"` to a known URL
 * gives that message's field types. Should an unknown message use one of those names, read it through a
 * cast: `(value as Record<string, unknown>)[name]`.
 */
export interface UnknownDetail {
  [field: string]: unknown;
  /** Type URL of the message: a host, a slash, the message's full proto name. */
  "@type": string;
  delay?: never;
  labels?: never;
  reason?: never;
}

/**
 * Something packed in a google.protobuf.Any.
 *
 * Narrow on `"@type"` to read a known message, e.g. `case Payload.Blob:`; other URLs are UnknownPayload.
 */
export type Payload<D extends Direction = "request"> =
  Packed<Blob, "type.example.com/demo.Blob"> | Packed<Note<D>, "type.example.com/demo.Note"> | UnknownPayload;

/** The type URLs Payload knows, by the name of the resource each one selects. */
export const Payload = {
  /** Type URL of Blob. */
  Blob: "type.example.com/demo.Blob",
  /** Type URL of Note. */
  Note: "type.example.com/demo.Note",
} as const;

/**
 * The member of Payload for every `"@type"` URL this spec does not know; its other fields are not typed.
 *
 * The field names of the known messages are declared absent, so that narrowing `"@type"` to a known URL
 * gives that message's field types. Should an unknown message use one of those names, read it through a
 * cast: `(value as Record<string, unknown>)[name]`.
 */
export interface UnknownPayload {
  [field: string]: unknown;
  /** Type URL of the message: a host, a slash, the message's full proto name. */
  "@type": string;
  data?: never;
  kind?: never;
  text?: never;
}

/**
 * Every method by id: `params` (path and query parameters), `request` (the body; `undefined` when the method
 * takes none) and `response` (the body; for a streaming method, each message of the stream).
 */
export interface Methods {
  /** `POST v1beta/things:send` */
  "things.send": {
    params: Record<string, never>;
    request: SendRequest;
    response: SendResponse;
  };
}

/** A method id such as `"models.generateContent"`. */
export type MethodId = keyof Methods;

/** What METHODS records about a method. */
export interface MethodInfo {
  readonly httpMethod: "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
  /** Path template relative to the service root, e.g. `v1beta/{+model}:generateContent`. */
  readonly path: string;
  /** Name of the request body type, or null when the method takes none. */
  readonly request: string | null;
  /** Name of the response body type. */
  readonly response: string | null;
  /** "server": the response is a stream of `response` messages; "bidi": a WebSocket session of `request` and `response` messages. */
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
}

/** Every method by id, as runtime data. */
export const METHODS = {
  "things.send": {
    httpMethod: "POST",
    path: "v1beta/things:send",
    request: "SendRequest",
    response: "SendResponse",
    streaming: null,
    pathParams: [],
    queryParams: [],
    upload: null,
    download: false,
  },
} as const satisfies Record<MethodId, MethodInfo>;
