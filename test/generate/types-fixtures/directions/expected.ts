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

export type Code = "OK";

export const Code = {
  OK: "OK",
} as const;

export type Mode = "FAST" | "SLOW";

export const Mode = {
  FAST: "FAST",
  SLOW: "SLOW",
} as const;

export type Reason = "STOP";

export const Reason = {
  STOP: "STOP",
} as const;

/**
 * Request side only.
 *
 * Sent in requests.
 */
export interface AskRequest {
  mode?: Mode;
  turns?: Turn<"request">[];
  media?: Media;
  /**
   * Never sent, so Status stays response side.
   *
   * Output only.
   */
  lastStatus?: Status;
}

/**
 * Response side only.
 *
 * Returned by the API. Its enum fields also accept values newer than this spec.
 */
export interface AskResponse {
  reason?: Reason | (string & {});
  turn?: Turn<"response">;
  media?: Media;
  status?: Status;
  /**
   * Never returned.
   *
   * Input only.
   */
  secret?: Secret;
}

/**
 * Both sides, no enum: plain.
 *
 * Sent in requests and returned by the API.
 */
export interface Media {
  uri?: string;
}

/**
 * No method uses it.
 *
 * No method uses it directly; typed as returned by the API. Its enum fields also accept values newer than this spec.
 */
export interface Orphan {
  code?: Code | (string & {});
  turn?: Turn<"response">;
}

/**
 * Only under an input-only field of a response: unreachable.
 *
 * No method uses it directly; typed as returned by the API. Its enum fields also accept values newer than this spec.
 */
export interface Secret {
  mode?: Mode | (string & {});
}

/** Returned by the API. Its enum fields also accept values newer than this spec. */
export interface Status {
  code?: Code | (string & {});
}

/**
 * Both sides, own enum.
 *
 * Sent in requests and returned by the API: `D` is `"request"` (default) or `"response"`, see Direction.
 */
export interface Step<D extends Direction = "request"> {
  mode?: EnumOf<Mode, D>[];
}

/**
 * Both sides, an enum below it: generic.
 *
 * Sent in requests and returned by the API: `D` is `"request"` (default) or `"response"`, see Direction.
 */
export interface Turn<D extends Direction = "request"> {
  mode?: EnumOf<Mode, D>;
  step?: Step<D>;
}

/**
 * Every method by id: `params` (path and query parameters), `request` (the body; `undefined` when the method
 * takes none) and `response` (the body; for a streaming method, each message of the stream).
 */
export interface Methods {
  /** `POST v1beta/{+model}:ask` */
  "models.ask": {
    params: {
      /** Path parameter. */
      model: string;
    };
    request: AskRequest;
    response: AskResponse;
  };
  /** `GET v1beta/turn` */
  "turns.get": {
    params: Record<string, never>;
    request: undefined;
    response: Turn<"response">;
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
  "models.ask": {
    httpMethod: "POST",
    path: "v1beta/{+model}:ask",
    request: "AskRequest",
    response: "AskResponse",
    streaming: null,
    pathParams: ["model"],
    queryParams: [],
    upload: null,
    download: false,
  },
  "turns.get": {
    httpMethod: "GET",
    path: "v1beta/turn",
    request: null,
    response: "Turn",
    streaming: null,
    pathParams: [],
    queryParams: [],
    upload: null,
    download: false,
  },
} as const satisfies Record<MethodId, MethodInfo>;
