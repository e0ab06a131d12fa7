// Reading the v1beta .proto files: oneofs, enum numbers, proto field names, json_name overrides and each rpc's
// HTTP rule. Discovery documents have none of these. Each file is parsed on its own (imports are not followed), and types
// are resolved by name across all files of the package.
import protobuf from "protobufjs";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { createHash } from "node:crypto";
import { error, type Diagnostic } from "../diagnostics.ts";
import type { FieldType, ImportedResource, ImportedUnion } from "../spec/layers.ts";
import { readHttpRule, type HttpBinding } from "./http-rule.ts";

export interface ProtoField {
  name: string;
  jsonName: string;
  /** The type as written, resolved to a full name when it names a message or enum of the package. */
  type: string;
  repeated: boolean;
  map: boolean;
  oneof?: string;
  deprecated: boolean;
  /** The field's google.api.field_behavior values (REQUIRED, OUTPUT_ONLY, …), in source order, without repeats. */
  behaviors: string[];
}

export interface ProtoMessage {
  fullName: string;
  simpleName: string;
  fields: ProtoField[];
  oneofs: { name: string; fields: string[] }[];
}

export interface ProtoEnum {
  fullName: string;
  values: { name: string; number: number; deprecated: boolean }[];
}

/** An rpc of a service, with how it is served over HTTP. */
export interface ProtoRpc {
  /** e.g. "google.ai.generativelanguage.v1beta.GenerativeService.BatchEmbedContents" */
  fullName: string;
  /** The request message's full name, resolved like a field type. */
  requestType: string;
  /** The response message's full name, resolved like a field type. */
  responseType: string;
  /** `stream` on the request / response: a bidirectional rpc (BidiGenerateContent) has both. */
  requestStream: boolean;
  responseStream: boolean;
  http: HttpBinding[];
}

export interface ProtoSet {
  messages: Map<string, ProtoMessage>;
  enums: Map<string, ProtoEnum>;
  /** Every rpc of every service, in file order. */
  rpcs: ProtoRpc[];
  sha256: string;
  file: string;
}

/** Proto scalar types → the spec's field types (a path variable is always one of these: the HTTP rule's own limit). */
export const PROTO_SCALAR_TYPES: Readonly<Record<string, FieldType>> = {
  string: "string",
  bool: "boolean",
  int32: "int32",
  sint32: "int32",
  sfixed32: "int32",
  uint32: "uint32",
  fixed32: "uint32",
  int64: "int64",
  sint64: "int64",
  sfixed64: "int64",
  uint64: "uint64",
  fixed64: "uint64",
  float: "float",
  double: "double",
  bytes: "bytes",
};

/** The oneofs of a message as unions of the resource built from it, each with the members the resource has. */
export function oneofUnions(msg: ProtoMessage, resource: ImportedResource): ImportedUnion[] {
  return msg.oneofs
    .map((o) => ({
      name: o.name,
      members: o.fields
        .map((f) => msg.fields.find((pf) => pf.name === f)!.jsonName)
        .filter((j) => j in resource.fields),
    }))
    .filter((u) => u.members.length > 0);
}

/** protoc's default json_name: lowerCamelCase of the field name. */
export function defaultJsonName(protoName: string): string {
  return protoName.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

/** Inverse of defaultJsonName for fields the protos do not know. */
export function snakeCase(jsonName: string): string {
  return jsonName.replace(/^_/, "").replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

function optionList(obj: { parsedOptions?: Record<string, unknown>[] | null; options?: Record<string, unknown> }) {
  return [...(obj.parsedOptions ?? []), ...(obj.options ? [obj.options] : [])];
}

function fieldBehaviors(field: protobuf.Field): string[] {
  const found = new Set<string>();
  for (const o of field.parsedOptions ?? []) {
    const v = (o as Record<string, unknown>)["(google.api.field_behavior)"];
    for (const b of Array.isArray(v) ? v : [v]) if (typeof b === "string") found.add(b);
  }
  return [...found];
}

function isDeprecated(obj: { parsedOptions?: Record<string, unknown>[] | null; options?: Record<string, unknown> }) {
  return optionList(obj).some((o) => o["deprecated"] === true);
}

export async function loadProtos(dir: string): Promise<{ protos?: ProtoSet; diagnostics: Diagnostic[] }> {
  const diagnostics: Diagnostic[] = [];
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => n.endsWith(".proto")).sort();
  } catch (e) {
    return {
      diagnostics: [
        error("protos.unreadable", `cannot read the protos directory: ${(e as Error).message}`, { file: dir }),
      ],
    };
  }
  if (names.length === 0) diagnostics.push(error("protos.empty", "no .proto files in this directory", { file: dir }));
  const hash = createHash("sha256");
  const messages = new Map<string, ProtoMessage>();
  const enums = new Map<string, ProtoEnum>();
  const rawFields: { msg: ProtoMessage; field: protobuf.Field }[] = [];
  const rawRpcs: { scope: string; rpc: ProtoRpc }[] = [];

  for (const name of names) {
    const file = join(dir, name);
    const text = await readFile(file, "utf8");
    hash.update(name).update("\0").update(text).update("\0");
    let parsed: protobuf.IParserResult;
    try {
      parsed = protobuf.parse(text, { keepCase: true, alternateCommentMode: true });
    } catch (e) {
      const m = /line (\d+)/.exec((e as Error).message);
      diagnostics.push(error("protos.syntax", (e as Error).message, { file, ...(m ? { line: Number(m[1]) } : {}) }));
      continue;
    }
    const visit = (ns: protobuf.NamespaceBase) => {
      for (const child of ns.nestedArray) {
        if (child instanceof protobuf.Type) {
          const fullName = child.fullName.replace(/^\./, "");
          const msg: ProtoMessage = { fullName, simpleName: child.name, fields: [], oneofs: [] };
          for (const f of child.fieldsArray) rawFields.push({ msg, field: f });
          for (const o of child.oneofsArray) {
            // proto3 `optional` is a synthetic oneof named "_field"; it is not a real union.
            if (o.name.startsWith("_") && o.oneof.length === 1) continue;
            msg.oneofs.push({ name: o.name, fields: [...o.oneof] });
          }
          messages.set(fullName, msg);
        } else if (child instanceof protobuf.Service) {
          const scope = child.fullName.replace(/^\./, "");
          for (const m of child.methodsArray) {
            const http = readHttpRule(m.parsedOptions as Record<string, unknown>[] | null | undefined);
            rawRpcs.push({
              scope,
              rpc: {
                fullName: `${scope}.${m.name}`,
                requestType: m.requestType,
                responseType: m.responseType,
                requestStream: m.requestStream === true,
                responseStream: m.responseStream === true,
                http,
              },
            });
          }
        } else if (child instanceof protobuf.Enum) {
          const fullName = child.fullName.replace(/^\./, "");
          const valuesOptions =
            (child as unknown as { valuesOptions?: Record<string, Record<string, unknown>> }).valuesOptions ?? {};
          enums.set(fullName, {
            fullName,
            values: Object.entries(child.values).map(([v, number]) => ({
              name: v,
              number,
              deprecated: valuesOptions[v]?.["deprecated"] === true,
            })),
          });
        }
        if (child instanceof protobuf.Namespace || child instanceof protobuf.Type) visit(child);
      }
    };
    visit(parsed.root);
  }

  // Resolve field types the way protoc does: innermost scope first, then outwards.
  const resolve = (scope: string, typeName: string): string => {
    if (typeName.startsWith(".")) return typeName.slice(1);
    const parts = scope.split(".");
    for (let i = parts.length; i >= 0; i--) {
      const candidate = [...parts.slice(0, i), typeName].join(".");
      if (messages.has(candidate) || enums.has(candidate)) return candidate;
    }
    return typeName;
  };
  for (const { msg, field } of rawFields) {
    const jsonOption = optionList(field).find((o) => typeof o["json_name"] === "string")?.["json_name"] as
      string | undefined;
    const pf: ProtoField = {
      name: field.name,
      jsonName: jsonOption ?? defaultJsonName(field.name),
      type: resolve(msg.fullName, field.type),
      repeated: field.repeated,
      map: field.map,
      deprecated: isDeprecated(field),
      behaviors: fieldBehaviors(field),
    };
    const oneof = msg.oneofs.find((o) => o.fields.includes(field.name));
    if (oneof) pf.oneof = oneof.name;
    msg.fields.push(pf);
  }
  const rpcs = rawRpcs.map(({ scope, rpc }) => ({
    ...rpc,
    requestType: resolve(scope, rpc.requestType),
    responseType: resolve(scope, rpc.responseType),
  }));
  if (diagnostics.length > 0) return { diagnostics };
  return { protos: { messages, enums, rpcs, sha256: hash.digest("hex"), file: dir }, diagnostics };
}
