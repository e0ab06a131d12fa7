// The TypeScript types emitter: packages/runtime/generated/types.ts, one self-contained module (no imports) with
//
// - Resources: one declaration per resource with JSDoc from the IR (description, "Required.", "Output only.", …,
//   the JSON wire format where the TS type does not tell it, e.g. "Int64 as a decimal string.", @deprecated).
//   Required fields are non-optional properties. 64-bit integers, bytes, timestamps, durations and field masks are
//   strings, as they travel in JSON; google.protobuf.Value is `unknown`, Struct is `Record<string, unknown>`.
// - Enums: `type FinishReason = "STOP" | …` plus `const FinishReason = { STOP: "STOP", … } as const` carrying each
//   value's JSDoc. No TS `enum`.
// - Oneofs: a resource with oneofs is `type Part = PartFields & OneOf<PartDataOneof> & …`; OneOf makes setting two
//   members a compile error while every member stays optional. Members keep their JSDoc (OneOf is built on Pick).
// - Directions: each resource's side of the wire is a fact of the IR (ResourceWireFacts, computed by the spec
//   layer's spec/merge/wire-facts.ts): reached from a method's request, a response, or both; one no method reaches
//   counts as response side (with its closure). Output-only fields are not followed from a request, input-only ones
//   not from a response (this keeps e.g. Candidate response-only although batches.update* sends a batch whose
//   output-only results hold it). Enum fields are closed (`Role`) on the
//   request side and open (`Role | (string & {})`, autocomplete kept) on the response side, so a new server value
//   does not break consumers while a typo in a request still fails to compile. A both-side resource whose closure
//   holds an enum is generic — `Part<D extends Direction = "request">` with enum fields `EnumOf<E, D>` — and passes
//   `D` to its nested generic resources; request-side declarations use `<"request">`, response-side ones
//   `<"response">`. Both-side resources without enums in their closure stay plain. `isKnown(FinishReason, v)` narrows
//   an open value to the known ones (`=== "STOP"` alone keeps `string & {}` in the narrowed type).
// - Any types (google.protobuf.Any fields): a union discriminated by "@type" over the known messages plus an open
//   member for other URLs, and a same-named const of the known URLs (see any-types.ts).
// - Methods: `interface Methods { "models.generateContent": { params; request; response } }` (request `undefined`
//   when the method has no body — a value a generic client can pass, where `never` would make the call unwritable;
//   response of a streaming method = one stream message) and `METHODS`, the same methods as runtime data.
//
// Output is deterministic: declarations are sorted by name (helpers, enums, resources, methods) and formatted by
// prettier.
import { printStructure } from "ts-morph";
import prettier from "prettier";
import type { EmittedFile, GenerateContext } from "../context.ts";
import type { SpecIR } from "../../spec/ir.ts";
import { anyTypeStatements } from "./any-types.ts";
import { enumStatements } from "./enums.ts";
import { genericNames } from "./field-types.ts";
import { helperStatements } from "./helpers.ts";
import { methodStatements } from "./methods.ts";
import { checkNameClashes } from "./names.ts";
import { resourceStatements } from "./resources.ts";

export const TYPES_PATH = "types.ts";

/** The types module for an IR, formatted. */
export async function typesSource(ir: SpecIR, timings?: Record<string, number>): Promise<string> {
  checkNameClashes(ir);
  const generic = genericNames(ir);
  const statements = [
    ...helperStatements(),
    ...enumStatements(ir),
    ...resourceStatements(ir, generic),
    ...anyTypeStatements(ir, generic),
    ...methodStatements(ir, generic),
  ];
  // Each statement printed from its structure by ts-morph, with no source file: prettier parses the text anyway, and
  // parsing it into a ts-morph source file as well cost more than printing. One blank line between declarations,
  // whatever spacing ts-morph would choose for each kind.
  const text = statements.map((statement) => printStructure(statement).trim()).join("\n\n");
  // babel-ts gives the same output as the typescript parser here, in about 60% of the time.
  const started = performance.now();
  const formatted = await prettier.format(text, { parser: "babel-ts", printWidth: 120 });
  if (timings) timings["types.format"] = performance.now() - started;
  return formatted;
}

export async function emitTypes(ctx: GenerateContext): Promise<Map<string, EmittedFile>> {
  return new Map([[TYPES_PATH, { kind: "ts", content: await typesSource(ctx.ir, ctx.timings) }]]);
}
