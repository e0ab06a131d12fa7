// generated/model.ts: the spec as compact runtime data for the validation library (runtime/). The validators know
// the schemas; this table knows what they do not: the proto (snake_case) name of every field, the proto number of
// every enum value, which fields hold enums, which resources they refer to, the oneofs, and which side of the
// wire each resource is on (the default validation mode follows from it). Sorted, so the output is deterministic.
import type { FieldIR, ResourceIR, SpecIR } from "../../spec/model.ts";
import type { EmittedFile, GenerateContext } from "../context.ts";
import { computeDirections, type Side } from "../types/direction.ts";

export const MODEL_PATH = "model.ts";

/** The declarations the data is typed by; emitted verbatim so generated/model.ts imports nothing. */
const DECLARATIONS = `/** A field as the validation runtime needs it. */
export interface FieldModel {
  /** Wire type: a scalar type of the spec, "enum" or "ref". */
  readonly type: string;
  /** The proto (snake_case) name, when it differs from the JSON name. */
  readonly proto?: string;
  /** The resource (type "ref") or enum (type "enum") it holds. */
  readonly ref?: string;
  readonly repeated?: true;
  readonly map?: true;
}

export interface ResourceModel {
  /** Which side of the wire it travels on: sent by users, returned by the API, or both. */
  readonly side: "request" | "response" | "both";
  /** How \`validate<Name>\` checks it by default: strict for what users send, lenient for what the API returns. */
  readonly mode: "strict" | "lenient";
  readonly fields: { readonly [jsonName: string]: FieldModel };
  /** Oneofs: name → member JSON names. */
  readonly unions?: { readonly [name: string]: readonly string[] };
}

export interface EnumModel {
  readonly values: readonly string[];
  /** Proto number → value name, for integer-encoded enums. */
  readonly numbers: { readonly [num: string]: string };
}

export interface Model {
  readonly resources: { readonly [name: string]: ResourceModel };
  readonly enums: { readonly [name: string]: EnumModel };
}
`;

const byName = <T>(entries: [string, T][]) => entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

function fieldModel(field: FieldIR): Record<string, unknown> {
  const out: Record<string, unknown> = { type: field.type };
  if (field.protoName !== field.jsonName) out["proto"] = field.protoName;
  if (field.ref) out["ref"] = field.ref;
  if (field.repeated) out["repeated"] = true;
  if (field.map) out["map"] = true;
  return out;
}

/**
 * The default validation mode: strict for what users send — request bodies of methods (even when, like
 * GenerateContentRequest inside a batch, the API also returns them) and everything only sent — and lenient for
 * the rest, which the API returns and may extend.
 */
export function defaultModes(ir: SpecIR): Map<string, "strict" | "lenient"> {
  const { side } = computeDirections(ir);
  const bodies = new Set([...ir.methods.values()].flatMap((m) => (m.request ? [m.request] : [])));
  return new Map([...ir.resources.keys()].map((name) => [name, bodies.has(name) || side.get(name) === "request" ? "strict" : "lenient"]));
}

function resourceModel(resource: ResourceIR, side: Side, mode: "strict" | "lenient"): Record<string, unknown> {
  const out: Record<string, unknown> = {
    side,
    mode,
    fields: Object.fromEntries(byName(resource.fields.map((f) => [f.jsonName, fieldModel(f)]))),
  };
  const unions = resource.unions.filter((u) => u.members.length > 1);
  if (unions.length > 0) out["unions"] = Object.fromEntries(byName(unions.map((u) => [u.name, u.members])));
  return out;
}

export function modelData(ir: SpecIR): Record<string, unknown> {
  const { side } = computeDirections(ir);
  const modes = defaultModes(ir);
  return {
    resources: Object.fromEntries(
      byName([...ir.resources.values()].map((r) => [r.name, resourceModel(r, side.get(r.name) ?? "response", modes.get(r.name) ?? "lenient")])),
    ),
    enums: Object.fromEntries(
      byName(
        [...ir.enums.values()].map((e) => [
          e.name,
          {
            values: e.values.map((v) => v.name),
            numbers: Object.fromEntries(e.values.filter((v) => v.number !== undefined).map((v) => [String(v.number), v.name])),
          },
        ]),
      ),
    ),
  };
}

export function emitModel(ctx: GenerateContext): Map<string, EmittedFile> {
  // The data is JSON text in a string, parsed on first use: a string literal costs next to nothing to import, where
  // the same data as an object literal costs ~10 ms of every cold start, and valid data never needs it.
  const text = JSON.stringify(JSON.stringify(modelData(ctx.ir)));
  const content = `${DECLARATIONS}
const MODEL_JSON = ${text};
let parsed: Model | undefined;
const data = (): Model => (parsed ??= JSON.parse(MODEL_JSON) as Model);

/** Every resource and enum of the spec (parsed on first use). */
export const MODEL: Model = {
  get resources() {
    return data().resources;
  },
  get enums() {
    return data().enums;
  },
};
`;
  return new Map([[MODEL_PATH, { kind: "ts", content }]]);
}
