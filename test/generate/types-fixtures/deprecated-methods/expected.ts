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

/** Returned by the API. */
export interface Item {
  name?: string;
}

/**
 * Every method by id: `params` (path and query parameters), `request` (the body; `undefined` when the method
 * takes none) and `response` (the body; for a streaming method, each message of the stream).
 */
export interface Methods {
  /**
   * Fetches one item.
   *
   * `GET v1beta/{+name}:fetch`
   */
  "items.fetch": {
    params: {
      /** Path parameter. */
      name: string;
    };
    request: undefined;
    response: Item;
  };
  /**
   * Fetches one item. Superseded by items.fetch.
   *
   * `GET v1beta/{+name}`
   * @deprecated Google's Discovery document marks this method deprecated.
   */
  "items.get": {
    params: {
      /** Path parameter. */
      name: string;
    };
    request: undefined;
    response: Item;
  };
  /** `GET v1beta/items` */
  "items.list": {
    params: {
      /**
       * Query parameter.
       * @deprecated Google's Discovery document marks this parameter deprecated.
       */
      maxResults?: number;
      /** Query parameter. */
      pageSize?: number;
      /**
       * Query parameter. RFC 3339 timestamp.
       * @deprecated Google's Discovery document marks this parameter deprecated.
       */
      since?: string;
    };
    request: undefined;
    response: Item;
  };
  /**
   * `GET v1beta/{+name}:lookup`
   * @deprecated Google's Discovery document marks this method deprecated.
   */
  "items.lookup": {
    params: {
      /**
       * Path parameter.
       * @deprecated Google's Discovery document marks this parameter deprecated.
       */
      name: string;
    };
    request: undefined;
    response: Item;
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
  /** Fetches one item. */
  "items.fetch": {
    httpMethod: "GET",
    path: "v1beta/{+name}:fetch",
    request: null,
    response: "Item",
    streaming: null,
    pathParams: ["name"],
    queryParams: [],
    upload: null,
    download: false,
  },
  /**
   * Fetches one item. Superseded by items.fetch.
   * @deprecated Google's Discovery document marks this method deprecated.
   */
  "items.get": {
    httpMethod: "GET",
    path: "v1beta/{+name}",
    request: null,
    response: "Item",
    streaming: null,
    pathParams: ["name"],
    queryParams: [],
    upload: null,
    download: false,
  },
  "items.list": {
    httpMethod: "GET",
    path: "v1beta/items",
    request: null,
    response: "Item",
    streaming: null,
    pathParams: [],
    queryParams: ["maxResults", "pageSize", "since"],
    upload: null,
    download: false,
  },
  /**
   * @deprecated Google's Discovery document marks this method deprecated.
   */
  "items.lookup": {
    httpMethod: "GET",
    path: "v1beta/{+name}:lookup",
    request: null,
    response: "Item",
    streaming: null,
    pathParams: ["name"],
    queryParams: [],
    upload: null,
    download: false,
  },
} as const satisfies Record<MethodId, MethodInfo>;
