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

/**
 * Old nested message.
 *
 * Sent in requests.
 * @deprecated
 */
export interface Child {
  id?: string;
}

/**
 * An empty message.
 *
 * Returned by the API.
 */
export type Empty = Record<string, never>;

/**
 * One field of every wire type; sent in requests.
 *
 * Sent in requests.
 */
export interface Everything {
  /**
   * Resource name. Required, so not optional.
   *
   * Required.
   */
  name: string;
  enabled?: boolean;
  count?: number;
  unsignedCount?: number;
  /**
   * A 64-bit counter.
   *
   * Int64 as a decimal string.
   */
  bigCount?: string;
  /** Uint64 as a decimal string. */
  bigUnsigned?: string;
  ratio?: number;
  precise?: number;
  /** Base64 bytes. */
  payload?: string;
  /** Output only. RFC 3339 timestamp. */
  createTime?: string;
  /** Input only. Duration such as "3.5s". */
  ttl?: string;
  /** Comma-separated field paths. */
  updateMask?: string;
  /** Any JSON value. */
  anything?: unknown;
  /** JSON object of any values. */
  object?: Record<string, unknown>;
  /** Immutable. */
  tags?: string[];
  /** Items: int64 as a decimal string. */
  sizes?: string[];
  labels?: Record<string, string>;
  /** Values: RFC 3339 timestamp. */
  expiries?: Record<string, string>;
  child?: Child;
  /** Required. */
  children: Child[];
  /**
   * Replaced by name.
   * @deprecated
   */
  oldField?: string;
  /**
   * Any JSON value.
   *
   * The API also accepts it as `_jsonSchema`.
   */
  jsonSchema?: unknown;
  /**
   * Any JSON value.
   *
   * Another JSON name the API accepts for `jsonSchema`; set only one of the two.
   */
  _jsonSchema?: unknown;
  /** Ends with *\/ and needs a quoted key. */
  "comment*/breaker"?: string;
}

/**
 * Every method by id: `params` (path and query parameters), `request` (the body; `undefined` when the method
 * takes none) and `response` (the body; for a streaming method, each message of the stream).
 */
export interface Methods {
  /** `POST v1beta/things` */
  "things.create": {
    params: Record<string, never>;
    request: Everything;
    response: Empty;
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
  "things.create": {
    httpMethod: "POST",
    path: "v1beta/things",
    request: "Everything",
    response: "Empty",
    streaming: null,
    pathParams: [],
    queryParams: [],
    upload: null,
    download: false,
  },
} as const satisfies Record<MethodId, MethodInfo>;
