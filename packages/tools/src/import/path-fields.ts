// Request fields bound to the URL path, which Discovery leaves out of the request schema. When an rpc's HTTP rule
// has `body: "*"`, the whole request message is the body and each path variable names one of its fields, e.g.
// `post: "/v1beta/{model=models/*}:batchEmbedContents"` binds BatchEmbedContentsRequest.model. Discovery turns
// such a field into a path parameter only, yet clients also send it in the body (langchaingo posts
// `{"model": "models/…", "requests": […]}` to `models/…:batchEmbedContents` and gets 200), so a strict check must
// know the field. The importer adds it, optional and flagged `inPath`.
import type { FieldType, ImportedResource, MethodSpec } from "../spec/layers.ts";
import { pathVariables } from "./http-rule.ts";
import { PROTO_SCALAR_TYPES, snakeCase, type ProtoField, type ProtoSet } from "./protos.ts";

function addField(
  resource: ImportedResource,
  jsonName: string,
  protoName: string,
  type: FieldType,
  deprecated: boolean,
): void {
  if (jsonName in resource.fields) return; // Discovery has it: its facts stand.
  resource.fields[jsonName] = { protoName, type, inPath: true, ...(deprecated ? { deprecated: true as const } : {}) };
}

/** The request messages the protos' HTTP rules send whole, with the fields their path templates bind. */
function pathBoundProtoFields(protos: ProtoSet): Map<string, ProtoField[]> {
  const bound = new Map<string, ProtoField[]>();
  for (const rpc of protos.rpcs) {
    const msg = protos.messages.get(rpc.requestType);
    if (!msg) continue;
    const fields = bound.get(msg.fullName) ?? [];
    for (const binding of rpc.http) {
      // With any other body, the body is one field's message and the path binds fields outside it.
      if (binding.body !== "*") continue;
      for (const variable of pathVariables(binding.path)) {
        const pf = msg.fields.find((f) => f.name === variable);
        if (pf && !pf.repeated && !pf.map && pf.type in PROTO_SCALAR_TYPES && !fields.includes(pf)) fields.push(pf);
      }
    }
    bound.set(msg.fullName, fields);
  }
  return bound;
}

/**
 * Whether a method's request schema is its whole request message: Google names that message after the method
 * (`batchGenerateContent` → `BatchGenerateContentRequest`); a method whose body is one field of the message takes
 * that field's type instead (permissions.create sends a `Permission`).
 */
function sendsWholeRequest(method: MethodSpec): boolean {
  const name = method.id.slice(method.id.lastIndexOf(".") + 1);
  return method.request === `${name.charAt(0).toUpperCase()}${name.slice(1)}Request`;
}

/**
 * Adds the path-bound fields Discovery lacks to request resources. The protos' HTTP rules decide for every
 * request message they serve; for a request the protos do not serve yet (they lag Discovery), the method's own
 * shape decides: a whole-request body (see sendsWholeRequest) carries every path parameter as a field of the
 * same name. On rev 20260325 both ways find the same fields wherever the protos have the rpc.
 */
export function addPathBoundFields(
  resources: Record<string, ImportedResource>,
  methods: Record<string, MethodSpec>,
  protos?: ProtoSet,
): void {
  const bound = protos ? pathBoundProtoFields(protos) : new Map<string, ProtoField[]>();
  for (const resource of Object.values(resources)) {
    const fields = resource.protoMessage ? bound.get(resource.protoMessage) : undefined;
    for (const pf of fields ?? [])
      addField(resource, pf.jsonName, pf.name, PROTO_SCALAR_TYPES[pf.type]!, pf.deprecated);
  }
  for (const method of Object.values(methods)) {
    const resource = method.request ? resources[method.request] : undefined;
    if (!resource || (resource.protoMessage && bound.has(resource.protoMessage)) || !sendsWholeRequest(method))
      continue;
    for (const [name, param] of Object.entries(method.parameters))
      if (param.location === "path" && !param.repeated) addField(resource, name, snakeCase(name), param.type, false);
  }
}
