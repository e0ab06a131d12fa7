// The Live API (BidiGenerateContent, a WebSocket) from the protos. Discovery describes REST only: of the Live messages
// it has BidiGenerateContentSetup (reached through ephemeral auth tokens) and what Setup refers to, nothing of the
// envelopes. This module walks the protos from the rpc's two envelope messages and adds every message Discovery lacks,
// with its fields, oneofs and field behaviours, plus a pseudo-method `live.bidiGenerateContent` (request = client
// message, response = server message, `streaming: "bidi"`) so that the generator puts each side on its side of the
// wire. Where Discovery has a message, Discovery wins (it is newer: Setup's historyConfig, proactivity); fields only the
// proto has are added to it.
//
// Naming (documented in spec/README.md): a message the importer adds is named by its simple proto name; when that
// name is already a resource for another message (the Live `UsageMetadata`, beside GenerateContentResponse's), it is
// prefixed with "Live" (`LiveUsageMetadata`).
import { error, type Diagnostic } from "../diagnostics.ts";
import { LIVE_METHOD_ID } from "../spec/ir.ts";
import type { FieldType, ImportedField, ImportedResource, MethodSpec } from "../spec/layers.ts";
import { oneofUnions, PROTO_SCALAR_TYPES, type ProtoField, type ProtoMessage, type ProtoSet } from "./protos.ts";

const PACKAGE = "google.ai.generativelanguage.v1beta";

/** The bidirectional rpc and the id, path and envelopes under which the spec publishes it. */
export const LIVE_METHOD = {
  rpc: `${PACKAGE}.GenerativeService.BidiGenerateContent`,
  id: LIVE_METHOD_ID,
  // The WebSocket endpoint is the rpc's full name under /ws/ (Google's Live API reference connects to
  // wss://generativelanguage.googleapis.com/ws/google.ai.generativelanguage.v1beta.GenerativeService.BidiGenerateContent);
  // the upgrade is an HTTP GET.
  path: `ws/${PACKAGE}.GenerativeService.BidiGenerateContent`,
} as const;

/** The prefix a Live message's name takes when its simple name is already a resource. */
export const LIVE_NAME_PREFIX = "Live";

const SCALARS: Record<string, FieldType> = {
  ...PROTO_SCALAR_TYPES,
  "google.protobuf.Duration": "duration",
  "google.protobuf.Timestamp": "timestamp",
  "google.protobuf.FieldMask": "fieldMask",
  "google.protobuf.Struct": "struct",
  "google.protobuf.Value": "value",
};

const BEHAVIOUR_FLAGS = {
  REQUIRED: "required",
  OUTPUT_ONLY: "outputOnly",
  INPUT_ONLY: "inputOnly",
  IMMUTABLE: "immutable",
} as const;

interface Walk {
  protos: ProtoSet;
  resources: Record<string, ImportedResource>;
  /** Proto message full name → resource name, for Discovery's messages and the ones added so far. */
  names: Map<string, string>;
  queue: ProtoMessage[];
  /** Messages ever queued, so each is merged once. */
  queued: Set<string>;
  diagnostics: Diagnostic[];
  file: string;
}

/** The resource name of a proto message, naming (and queueing) a message no resource has yet. */
function resourceNameOf(walk: Walk, msg: ProtoMessage): string | undefined {
  const known = walk.names.get(msg.fullName);
  if (known) return known;
  const name = [msg.simpleName, `${LIVE_NAME_PREFIX}${msg.simpleName}`].find((n) => !(n in walk.resources));
  if (!name) {
    walk.diagnostics.push(
      error(
        "import.live-name-collision",
        `${msg.fullName}: both "${msg.simpleName}" and "${LIVE_NAME_PREFIX}${msg.simpleName}" are taken by other resources`,
        {
          file: walk.file,
        },
      ),
    );
    return undefined;
  }
  walk.resources[name] = { name, protoMessage: msg.fullName, fields: {} };
  walk.names.set(msg.fullName, name);
  enqueue(walk, msg);
  return name;
}

function enqueue(walk: Walk, msg: ProtoMessage): void {
  if (walk.queued.has(msg.fullName)) return;
  walk.queued.add(msg.fullName);
  walk.queue.push(msg);
}

/** A proto field in the imported format; undefined (with a diagnostic) for a type the spec cannot express. */
function importField(walk: Walk, owner: ProtoMessage, pf: ProtoField): ImportedField | undefined {
  const field: ImportedField = { protoName: pf.name, type: "string" };
  const scalar = SCALARS[pf.type];
  const protoEnum = walk.protos.enums.get(pf.type);
  const message = walk.protos.messages.get(pf.type);
  if (scalar) field.type = scalar;
  else if (protoEnum) {
    field.type = "enum";
    field.protoEnum = protoEnum.fullName;
    field.values = protoEnum.values.map((v) => ({
      name: v.name,
      number: v.number,
      ...(v.deprecated ? { deprecated: true as const } : {}),
    }));
  } else if (message) {
    const ref = resourceNameOf(walk, message);
    if (!ref) return undefined;
    field.type = "ref";
    field.ref = ref;
  } else {
    walk.diagnostics.push(
      error("import.live-type", `${owner.fullName}.${pf.name}: type "${pf.type}" is not supported`, {
        file: walk.file,
      }),
    );
    return undefined;
  }
  if (pf.repeated) field.repeated = true;
  if (pf.map) field.map = true;
  for (const b of pf.behaviors) {
    const flag = BEHAVIOUR_FLAGS[b as keyof typeof BEHAVIOUR_FLAGS];
    if (flag) field[flag] = true;
  }
  if (pf.deprecated) field.deprecated = true;
  return field;
}

/** Adds to a resource the proto's fields it lacks, and the proto's oneofs when the resource has none. */
function mergeMessage(walk: Walk, resource: ImportedResource, msg: ProtoMessage): void {
  for (const pf of msg.fields) {
    if (pf.jsonName in resource.fields) continue;
    const field = importField(walk, msg, pf);
    if (field) resource.fields[pf.jsonName] = field;
  }
  if (resource.unions) return;
  const unions = oneofUnions(msg, resource);
  if (unions.length > 0) resource.unions = unions;
}

/**
 * Adds the Live messages and the `live.bidiGenerateContent` pseudo-method. Runs after the Discovery resources have
 * their proto messages (enrichWithProtos). Does nothing when the protos lack the rpc.
 */
export function addLiveApi(
  resources: Record<string, ImportedResource>,
  methods: Record<string, MethodSpec>,
  protos: ProtoSet,
  diagnostics: Diagnostic[],
): void {
  const rpc = protos.rpcs.find((r) => r.fullName === LIVE_METHOD.rpc);
  if (!rpc) return;
  const walk: Walk = {
    protos,
    resources,
    names: new Map(),
    queue: [],
    queued: new Set(),
    diagnostics,
    file: protos.file,
  };
  for (const r of Object.values(resources)) if (r.protoMessage) walk.names.set(r.protoMessage, r.name);
  const envelopes = [rpc.requestType, rpc.responseType].map((t) => protos.messages.get(t));
  if (envelopes.some((m) => !m)) {
    diagnostics.push(
      error("import.live-envelope", `${LIVE_METHOD.rpc}: its request or response message is not in the protos`, {
        file: protos.file,
      }),
    );
    return;
  }
  const [request, response] = envelopes.map((m) => resourceNameOf(walk, m!));
  for (let msg = walk.queue.shift(); msg; msg = walk.queue.shift()) {
    mergeMessage(walk, resources[walk.names.get(msg.fullName)!]!, msg);
    // Discovery's own Live messages (Setup) are merged too: they gain the fields only the proto has.
    for (const pf of msg.fields) {
      const target = protos.messages.get(pf.type);
      const name = target && walk.names.get(target.fullName);
      if (target && name && isDiscoveryLive(name)) enqueue(walk, target);
    }
  }
  if (!request || !response) return;
  methods[LIVE_METHOD.id] = {
    id: LIVE_METHOD.id,
    httpMethod: "GET",
    path: LIVE_METHOD.path,
    flatPath: LIVE_METHOD.path,
    parameterOrder: [],
    parameters: {},
    request,
    response,
    streaming: rpc.requestStream && rpc.responseStream ? "bidi" : "server",
  };
}

/** Discovery messages named for the Live API, whose proto-only fields are merged in. */
function isDiscoveryLive(name: string): boolean {
  return name.startsWith("BidiGenerateContent");
}
