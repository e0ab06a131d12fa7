// packages/runtime/generated/model.ts, the runtime model: the spec as compact runtime data for the validation library
// (packages/runtime/src/). The validators know the schemas; this data knows what they do not: the proto (snake_case)
// name of every field, the proto number of every enum value, which fields hold enums, which resources they refer to,
// the oneofs, and which side of the wire each resource is on (the default validation mode follows from it). One export
// per resource and enum, linked to the resources and enums its fields hold (../linked.ts), so a bundle carries only
// what its validators reach. Sorted, so the output is deterministic.
import type { FieldIR, ResourceIR, SpecIR } from "../../spec/ir.ts";
import type { EmittedFile, GenerateContext } from "../context.ts";
import { linkedExports, type LinkedEntry } from "../linked.ts";

export const MODEL_PATH = "model.ts";

/** The entries are the library's LinkedData; the data they hold is typed by packages/runtime/src/runtime-model.ts. */
const DECLARATIONS = `import type { LinkedData } from "../src/linked.ts";
`;

/** What the module declares besides the data (a resource or enum of the same name would clash). */
const OWN_NAMES = ["LinkedData"];

const byName = <T>(entries: [string, T][]) => entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

function fieldModel(field: FieldIR): Record<string, unknown> {
  const out: Record<string, unknown> = { type: field.type };
  if (field.protoName !== field.jsonName) out["proto"] = field.protoName;
  if (field.ref) out["ref"] = field.ref;
  if (field.repeated) out["repeated"] = true;
  if (field.map) out["map"] = true;
  return out;
}

/** The side and default mode are the IR's (ResourceWireFacts). */
function resourceModel(resource: ResourceIR): Record<string, unknown> {
  const out: Record<string, unknown> = {
    side: resource.side,
    mode: resource.defaultMode,
    fields: Object.fromEntries(byName(resource.fields.map((f) => [f.jsonName, fieldModel(f)]))),
  };
  const unions = resource.unions.filter((u) => u.members.length > 1);
  if (unions.length > 0) out["unions"] = Object.fromEntries(byName(unions.map((u) => [u.name, u.members])));
  return out;
}

/**
 * Every resource and enum as a linked entry. A resource refers to what its fields hold: resources, enums, and for a
 * google.protobuf.Any field the resources its any type knows (the runtime locates paths inside them).
 */
export function modelEntries(ir: SpecIR): LinkedEntry[] {
  const held = (field: FieldIR): string[] =>
    field.type === "any"
      ? (ir.anyTypes.get(field.ref ?? "")?.members ?? []).map((m) => m.resource)
      : field.type === "ref" || field.type === "enum"
        ? [field.ref!]
        : [];
  const resources = [...ir.resources.values()].map((r) => ({
    name: r.name,
    data: resourceModel(r),
    refs: r.fields.flatMap(held),
  }));
  const enums = [...ir.enums.values()].map((e) => ({
    name: e.name,
    data: {
      values: e.values.map((v) => v.name),
      numbers: Object.fromEntries(
        e.values.filter((v) => v.number !== undefined).map((v) => [String(v.number), v.name]),
      ),
    },
    refs: [],
  }));
  return [...resources, ...enums].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

export function emitModel(ctx: GenerateContext): Map<string, EmittedFile> {
  const content = `${DECLARATIONS}\n${linkedExports(modelEntries(ctx.ir), OWN_NAMES, "LinkedData")}`;
  return new Map([[MODEL_PATH, { kind: "ts", content }]]);
}
