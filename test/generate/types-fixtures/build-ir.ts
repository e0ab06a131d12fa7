// Builds a SpecIR from a compact fixture description (spec.json): only what a case is about is written, every
// other IR property gets its default (flags false, descriptions empty, no aliases). The facts of the whole spec
// (sides, genericity, default modes) are added by the spec layer's own last phase, as for a merged spec.
import type { FieldType, MethodParameter } from "../../../packages/tools/src/spec/layers.ts";
import type {
  AnyTypeDraft,
  EnumIR,
  FieldIR,
  MethodIR,
  ResourceDraft,
  SpecIR,
  UnionIR,
} from "../../../packages/tools/src/spec/ir.ts";
import { withWireFacts } from "../../../packages/tools/src/spec/merge/wire-facts.ts";

type FlagName = "repeated" | "map" | "required" | "outputOnly" | "inputOnly" | "immutable" | "deprecated";

export interface FixtureField extends Partial<Record<FlagName, boolean>> {
  type: FieldType;
  ref?: string;
  description?: string;
  aliases?: string[];
  aliasOf?: string;
}

export interface FixtureSpec {
  resources?: Record<
    string,
    {
      description?: string;
      deprecated?: boolean;
      fields?: Record<string, FixtureField>;
      unions?: { name: string; members: string[]; description?: string }[];
    }
  >;
  enums?: Record<
    string,
    { description?: string; values: { name: string; description?: string; deprecated?: boolean }[] }
  >;
  /** Any types: name → type URL → resource. Resources listed here get that URL as their typeUrl. */
  anyTypes?: Record<string, { description?: string; messages: Record<string, string> }>;
  methods?: Record<
    string,
    {
      httpMethod: MethodIR["httpMethod"];
      path: string;
      description?: string;
      parameters?: Record<string, MethodParameter>;
      parameterOrder?: string[];
      request?: string;
      response?: string;
      streaming?: "server";
      mediaUpload?: MethodIR["mediaUpload"];
      mediaDownload?: true;
      deprecated?: true;
    }
  >;
}

function buildField(jsonName: string, field: FixtureField, unions: UnionIR[]): FieldIR {
  const out: FieldIR = {
    jsonName,
    protoName: jsonName.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`),
    type: field.type,
    repeated: field.repeated ?? false,
    map: field.map ?? false,
    required: field.required ?? false,
    outputOnly: field.outputOnly ?? false,
    inputOnly: field.inputOnly ?? false,
    immutable: field.immutable ?? false,
    deprecated: field.deprecated ?? false,
    description: field.description ?? "",
    aliases: field.aliases ?? [],
  };
  if (field.ref) out.ref = field.ref;
  if (field.aliasOf) out.aliasOf = field.aliasOf;
  const union = unions.find((u) => u.members.includes(jsonName));
  if (union) out.union = union.name;
  return out;
}

export function buildIr(spec: FixtureSpec): SpecIR {
  const resources = new Map<string, ResourceDraft>();
  for (const [name, r] of Object.entries(spec.resources ?? {})) {
    const unions = (r.unions ?? []).map((u) => ({
      name: u.name,
      members: u.members,
      description: u.description ?? "",
    }));
    resources.set(name, {
      name,
      upstreamName: name,
      deprecated: r.deprecated ?? false,
      description: r.description ?? "",
      fields: Object.entries(r.fields ?? {}).map(([jsonName, f]) => buildField(jsonName, f, unions)),
      unions,
      added: false,
    });
  }
  const enums = new Map<string, EnumIR>();
  for (const [name, e] of Object.entries(spec.enums ?? {})) {
    const values = e.values.map((v) => ({
      name: v.name,
      deprecated: v.deprecated ?? false,
      description: v.description ?? "",
    }));
    enums.set(name, { name, description: e.description ?? "", values, usedBy: [], named: true });
  }
  const anyTypes = new Map<string, AnyTypeDraft>();
  for (const [name, a] of Object.entries(spec.anyTypes ?? {})) {
    const members = Object.entries(a.messages)
      .map(([typeUrl, resource]) => ({ typeUrl, resource }))
      .sort((x, y) => (x.resource < y.resource ? -1 : 1));
    for (const m of members) resources.get(m.resource)!.typeUrl = m.typeUrl;
    anyTypes.set(name, { name, description: a.description ?? "", members });
  }
  const methods = new Map<string, MethodIR>();
  for (const [id, m] of Object.entries(spec.methods ?? {})) {
    const parameters = m.parameters ?? {};
    const { description, parameterOrder, ...rest } = m;
    methods.set(id, {
      ...rest,
      id,
      flatPath: m.path,
      parameters,
      parameterOrder: parameterOrder ?? Object.keys(parameters).filter((p) => parameters[p]?.location === "path"),
      description: description ?? "",
    });
  }
  return withWireFacts({
    service: {
      name: "generativelanguage",
      version: "v1beta",
      revision: "fixture",
      rootUrl: "https://generativelanguage.googleapis.com/",
      servicePath: "",
      sources: { discovery: { file: "fixture.json", sha256: "0".repeat(64) } },
    },
    resources,
    enums,
    methods,
    anyTypes,
    publicNames: new Map([...resources.keys()].map((n) => [n, n])),
  });
}
