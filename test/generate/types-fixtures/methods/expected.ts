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

export type View = "BASIC" | "FULL";

export const View = {
  BASIC: "BASIC",
  FULL: "FULL",
} as const;

/** Returned by the API. */
export type Empty = Record<string, never>;

/**
 * An item, sent and returned.
 *
 * Sent in requests and returned by the API: `D` is `"request"` (default) or `"response"`, see Direction.
 */
export interface Item<D extends Direction = "request"> {
  name?: string;
  view?: EnumOf<View, D>;
}

/** Returned by the API. */
export interface ListItemsResponse {
  items?: Item<"response">[];
  nextPageToken?: string;
}

/**
 * Every method by id: `params` (path and query parameters), `request` (the body; `undefined` when the method
 * takes none) and `response` (the body; for a streaming method, each message of the stream).
 */
export interface Methods {
  /**
   * Fetches one item.
   *
   * `GET v1beta/{+name}`
   */
  "items.get": {
    params: {
      /** Path parameter, matching `^items/[^/]+$`. */
      name: string;
    };
    request: undefined;
    response: Item<"response">;
  };
  /** `GET v1beta/items` */
  "items.list": {
    params: {
      /** Query parameter. Int64 as a decimal string. */
      minSize?: string;
      /** Query parameter. */
      pageSize?: number;
      /** Query parameter. */
      pageToken?: string;
      /** Query parameter. Comma-separated field paths. */
      updateMask?: string;
      /** Query parameter. */
      views?: ("BASIC" | "FULL")[];
    };
    request: undefined;
    response: ListItemsResponse;
  };
  /** `PATCH v1beta/{+name}` */
  "items.patch": {
    params: {
      /** Path parameter. */
      name: string;
    };
    request: Item<"request">;
    response: Item<"response">;
  };
  /**
   * `POST v1beta/items:stream`
   *
   * Streams: the response is a sequence of `response` messages (Server-Sent Events with `alt=sse`, else one JSON array).
   */
  "items.stream": {
    params: Record<string, never>;
    request: Item<"request">;
    response: Item<"response">;
  };
  /**
   * `GET v1beta/{+name}:download`
   *
   * Can return media bytes instead of JSON (`alt=media`).
   */
  "media.download": {
    params: {
      /** Path parameter. */
      name: string;
    };
    request: undefined;
    response: Empty;
  };
  /**
   * `POST v1beta/items`
   *
   * Uploads media: send the bytes to one of `METHODS[id].upload.protocols`.
   */
  "media.upload": {
    params: Record<string, never>;
    request: Item<"request">;
    response: Item<"response">;
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
    response: "ListItemsResponse",
    streaming: null,
    pathParams: [],
    queryParams: ["minSize", "pageSize", "pageToken", "updateMask", "views"],
    upload: null,
    download: false,
  },
  "items.patch": {
    httpMethod: "PATCH",
    path: "v1beta/{+name}",
    request: "Item",
    response: "Item",
    streaming: null,
    pathParams: ["name"],
    queryParams: [],
    upload: null,
    download: false,
  },
  "items.stream": {
    httpMethod: "POST",
    path: "v1beta/items:stream",
    request: "Item",
    response: "Item",
    streaming: "server",
    pathParams: [],
    queryParams: [],
    upload: null,
    download: false,
  },
  "media.download": {
    httpMethod: "GET",
    path: "v1beta/{+name}:download",
    request: null,
    response: "Empty",
    streaming: null,
    pathParams: ["name"],
    queryParams: [],
    upload: null,
    download: true,
  },
  "media.upload": {
    httpMethod: "POST",
    path: "v1beta/items",
    request: "Item",
    response: "Item",
    streaming: null,
    pathParams: [],
    queryParams: [],
    upload: { accept: ["*/*"], maxSize: "1024", protocols: { simple: "/upload/v1beta/items" } },
    download: false,
  },
} as const satisfies Record<MethodId, MethodInfo>;
