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

export type Language = "PYTHON";

export const Language = {
  PYTHON: "PYTHON",
} as const;

/** Sent in requests and returned by the API. */
export interface Blob {
  /** Required. Base64 bytes. */
  data: string;
}

/** Sent in requests and returned by the API. */
export interface Clip {
  /** Duration such as "3.5s". */
  start?: string;
}

/** Sent in requests and returned by the API: `D` is `"request"` (default) or `"response"`, see Direction. */
export interface Code<D extends Direction = "request"> {
  language?: EnumOf<Language, D>;
  source?: string;
}

/**
 * A piece with one payload.
 *
 * Sent in requests and returned by the API: `D` is `"request"` (default) or `"response"`, see Direction.
 */
export type Piece<D extends Direction = "request"> = PieceFields &
  OneOf<PieceDataOneof<D>> &
  OneOf<PieceExtraMetadataOneof>;

/** The fields of Piece outside its oneofs. */
export interface PieceFields {
  /** Base field outside the oneofs. */
  thought?: boolean;
}

/**
 * The payload; set one.
 *
 * Oneof `data` of Piece: at most one of `text`, `blob`, `code` may be set.
 */
export interface PieceDataOneof<D extends Direction = "request"> {
  /** Plain text. */
  text?: string;
  /** Inline bytes. */
  blob?: Blob;
  /** Code to run. */
  code?: Code<D>;
}

/** Oneof `extra_metadata` of Piece: at most one of `clip` may be set. */
export interface PieceExtraMetadataOneof {
  /** Clip range. */
  clip?: Clip;
}

/**
 * Only a oneof, no other fields.
 *
 * Returned by the API.
 */
export type Voice = OneOf<VoiceVoiceConfigOneof>;

/** Oneof `voice_config` of Voice: at most one of `preset`, `custom` may be set. */
export interface VoiceVoiceConfigOneof {
  preset?: string;
  custom?: Blob;
}

/**
 * Every method by id: `params` (path and query parameters), `request` (the body; `undefined` when the method
 * takes none) and `response` (the body; for a streaming method, each message of the stream).
 */
export interface Methods {
  /** `POST v1beta/pieces:echo` */
  "pieces.echo": {
    params: Record<string, never>;
    request: Piece<"request">;
    response: Piece<"response">;
  };
  /** `GET v1beta/voice` */
  "voices.get": {
    params: Record<string, never>;
    request: undefined;
    response: Voice;
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
  "pieces.echo": {
    httpMethod: "POST",
    path: "v1beta/pieces:echo",
    request: "Piece",
    response: "Piece",
    streaming: null,
    pathParams: [],
    queryParams: [],
    upload: null,
    download: false,
  },
  "voices.get": {
    httpMethod: "GET",
    path: "v1beta/voice",
    request: null,
    response: "Voice",
    streaming: null,
    pathParams: [],
    queryParams: [],
    upload: null,
    download: false,
  },
} as const satisfies Record<MethodId, MethodInfo>;
