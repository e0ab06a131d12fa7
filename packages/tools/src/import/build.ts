// Combining the upstream sources into the imported layer: Discovery gives the shape, the protos give proto names,
// oneofs, enum numbers and the request fields bound to the URL path, the OpenAPI export gives explicit required lists.
import type { ImportedResource, ImportedSpec, ImportedService } from "../spec/layers.ts";
import { oneofUnions, snakeCase, type ProtoMessage, type ProtoSet } from "./protos.ts";
import type { OpenApiFacts } from "./openapi.ts";
import { addPathBoundFields } from "./path-fields.ts";
import { addLiveApi } from "./live.ts";
import type { Diagnostic } from "../diagnostics.ts";

/** Finds the proto message a Discovery schema came from: same simple name, most JSON field names in common. */
export function matchMessage(resource: ImportedResource, protos: ProtoSet): ProtoMessage | undefined {
  let best: ProtoMessage | undefined;
  let bestScore = 0;
  const names = new Set(Object.keys(resource.fields));
  for (const msg of protos.messages.values()) {
    if (msg.simpleName !== resource.name) continue;
    const score =
      msg.fields.filter((f) => names.has(f.jsonName)).length + (names.size === 0 && msg.fields.length === 0 ? 1 : 0);
    if (score > bestScore || (score === bestScore && best && msg.fullName < best.fullName)) {
      best = msg;
      bestScore = score;
    }
  }
  return bestScore > 0 ? best : undefined;
}

export function enrichWithProtos(resources: Record<string, ImportedResource>, protos: ProtoSet): void {
  for (const resource of Object.values(resources)) {
    const msg = matchMessage(resource, protos);
    if (!msg) continue;
    resource.protoMessage = msg.fullName;
    const byJson = new Map(msg.fields.map((f) => [f.jsonName, f]));
    for (const [jsonName, field] of Object.entries(resource.fields)) {
      const pf = byJson.get(jsonName);
      if (!pf) continue;
      field.protoName = pf.name;
      if (pf.deprecated) field.deprecated = true;
      const protoEnum = protos.enums.get(pf.type);
      if (field.type === "enum" && protoEnum) {
        field.protoEnum = protoEnum.fullName;
        const numbers = new Map(protoEnum.values.map((v) => [v.name, v]));
        for (const value of field.values ?? []) {
          const pv = numbers.get(value.name);
          if (pv) value.number = pv.number;
          if (pv?.deprecated) value.deprecated = true;
        }
      }
    }
    const unions = oneofUnions(msg, resource);
    if (unions.length > 0) resource.unions = unions;
  }
}

export function enrichWithOpenApi(resources: Record<string, ImportedResource>, facts: OpenApiFacts): void {
  for (const resource of Object.values(resources)) {
    const flags = facts.fields.get(resource.name);
    if (!flags) continue;
    for (const [fieldName, f] of flags) {
      const field = resource.fields[fieldName];
      if (!field) continue;
      if (f.required) field.required = true;
      if (f.inputOnly) field.inputOnly = true;
      if (f.immutable) field.immutable = true;
    }
  }
}

export function fillProtoNames(resources: Record<string, ImportedResource>): void {
  for (const resource of Object.values(resources))
    for (const [jsonName, field] of Object.entries(resource.fields))
      if (!field.protoName) field.protoName = snakeCase(jsonName);
}

export function buildImported(
  service: ImportedService,
  resources: Record<string, ImportedResource>,
  methods: ImportedSpec["methods"],
  protos?: ProtoSet,
  openapi?: OpenApiFacts,
  diagnostics: Diagnostic[] = [],
): ImportedSpec {
  if (protos) enrichWithProtos(resources, protos);
  if (openapi) enrichWithOpenApi(resources, openapi);
  // The Live API exists only in the protos: its messages and pseudo-method join what Discovery has.
  if (protos) addLiveApi(resources, methods, protos, diagnostics);
  // After the OpenAPI flags, which describe the body as Discovery has it: a path-bound field is never required there.
  addPathBoundFields(resources, methods, protos);
  fillProtoNames(resources);
  return { service, resources, methods };
}
