// The spec's intermediate representation: the two layers (layers.ts) merged by spec/merge.ts into what every
// emitter, `spec check`/`stats` and `spec learn` read.
import type { FieldType, MethodSpec, ImportedService, Evidence, RelaxedScope } from "./layers.ts";

/** The kinds of correction that rest on evidence from real traffic (see Corrections). */
/** The id of the Live API's pseudo-method (the importer adds it from the protos' BidiGenerateContent rpc). */
export const LIVE_METHOD_ID = "live.bidiGenerateContent";

export type CorrectionKind = "addedResource" | "addedField" | "relaxedRequired" | "addedEnumValue";

/** A correction as applied: what it changed ("Resource", "Resource.field" or "Enum.VALUE"), why, on what evidence. */
export interface CorrectionIR {
  kind: CorrectionKind;
  target: string;
  reason: string;
  evidence?: Evidence;
  /** For relaxedRequired. */
  scope?: RelaxedScope;
}

export interface FieldIR {
  jsonName: string;
  protoName: string;
  type: FieldType;
  /** Resource name (type "ref"), enum name (type "enum") or any type name (type "any"), public names. */
  ref?: string;
  repeated: boolean;
  map: boolean;
  required: boolean;
  outputOnly: boolean;
  inputOnly: boolean;
  immutable: boolean;
  deprecated: boolean;
  description: string;
  /** Other JSON names the API accepts for this field. */
  aliases: string[];
  /** Set on a field that is itself an accepted alias of another. */
  aliasOf?: string;
  /** The union (oneof) this field belongs to. */
  union?: string;
  /**
   * Set when the field is also bound to the URL path: either upstream calls it required but every method sending
   * it also takes it as a path parameter (e.g. GenerateContentRequest.model, which clients put only in the URL),
   * or the importer added it as `inPath` (e.g. BatchEmbedContentsRequest.model). `required` is then false. Decided
   * by the merge's path-binding phase (spec/merge/path-binding.ts).
   */
  inPath?: true;
  /** Set when a correction added the field or relaxed its "Required." (docs say so; stats count it). */
  corrected?: CorrectionIR;
}

export interface UnionIR {
  name: string;
  members: string[];
  description: string;
}

/** Which side of the wire a resource travels on: sent by clients, returned by the API, or both. */
export type WireSide = "request" | "response" | "both";

/** How `validate<Name>` checks a resource unless told otherwise (see ResourceWireFacts.defaultMode). */
export type ValidationMode = "strict" | "lenient";

/**
 * What the whole spec says about one resource, as opposed to what its own file says: which methods reach it and in
 * which direction. Computed once, by the merge's last phase (spec/merge/wire-facts.ts); emitters only read it.
 */
export interface ResourceWireFacts {
  /**
   * Reached from a method's request, a method's response, or both. Output-only fields are not followed from a
   * request, input-only ones not from a response: those values never travel that way. A resource no method reaches
   * counts as response side, with everything it holds. Decides how enum fields are typed: closed on the request side
   * (a typo is a compile error), open on the response side (the API may return values this spec does not know yet).
   */
  side: WireSide;
  /** False when no method reaches it, by request or response (the generated docs say so). */
  reachable: boolean;
  /**
   * On both sides with an enum field somewhere in what it holds: its request and response forms differ, so the
   * generated type takes the direction parameter (`D extends Direction`). Both-side resources without one are plain.
   */
  generic: boolean;
  /**
   * Strict for what clients send (the request body of some method, even one the API also returns, and request-side
   * resources), lenient for the rest, which the API returns and may extend.
   */
  defaultMode: ValidationMode;
}

export interface ResourceIR extends ResourceWireFacts {
  name: string;
  upstreamName: string;
  protoMessage?: string;
  deprecated: boolean;
  description: string;
  fields: FieldIR[];
  unions: UnionIR[];
  /** True for resources the overlay adds because upstream lacks them. */
  added: boolean;
  /** The type URL it is known by inside google.protobuf.Any fields, when an any type lists it. */
  typeUrl?: string;
}

export interface EnumValueIR {
  name: string;
  number?: number;
  deprecated: boolean;
  description: string;
  /** Set when a correction added the value (upstream does not list it). */
  corrected?: CorrectionIR;
}

export interface EnumIR {
  name: string;
  description: string;
  values: EnumValueIR[];
  usedBy: string[];
  /** False when no overlay entry names it and the loader made up a name. */
  named: boolean;
  protoEnum?: string;
}

/** One message an any type knows: its type URL and the resource that describes it. */
export interface AnyMemberIR {
  typeUrl: string;
  resource: string;
}

/** A named set of messages that google.protobuf.Any fields of this type may carry (other URLs stay allowed). */
export interface AnyTypeIR {
  name: string;
  description: string;
  /** Sorted by resource name. */
  members: AnyMemberIR[];
  /** Some known message is generic (ResourceWireFacts.generic): the any type passes the direction parameter on. */
  generic: boolean;
}

export interface MethodIR extends MethodSpec {
  description: string;
}

/**
 * The spec as every emitter reads it, built by `mergeSpec` (spec/merge.ts) in named phases: renames, the layers'
 * resources and their corrections, references, enums, any types, oneofs, aliases, the resources' and methods' final
 * form (with path-bound fields decided), and last the facts that follow from the whole spec (each resource's
 * ResourceWireFacts, each any type's `generic`). Emitters compute none of these themselves.
 */
export interface SpecIR {
  service: ImportedService;
  resources: Map<string, ResourceIR>;
  enums: Map<string, EnumIR>;
  methods: Map<string, MethodIR>;
  /** Any types by name, sorted. */
  anyTypes: Map<string, AnyTypeIR>;
  /** Upstream schema name → public name (identity unless renamed). */
  publicNames: Map<string, string>;
  /** Every evidence-based correction applied, by kind: added resources, fields, relaxed fields, enum values (absent: none). */
  corrections?: CorrectionIR[];
}

/** A resource as the merge builds it from the layers, before the facts of the whole spec are known. */
export type ResourceDraft = Omit<ResourceIR, keyof ResourceWireFacts>;

/** An any type before the facts of the whole spec are known. */
export type AnyTypeDraft = Omit<AnyTypeIR, "generic">;

/** The IR before its last phase (spec/merge/wire-facts.ts) adds what follows from the whole spec. */
export interface SpecDraft extends Omit<SpecIR, "resources" | "anyTypes"> {
  resources: Map<string, ResourceDraft>;
  anyTypes: Map<string, AnyTypeDraft>;
}
