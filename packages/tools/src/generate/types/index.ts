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
// Output is deterministic: declarations are sorted by name (helpers, enums, resources, methods) and formatted as
// prettier formats them (see format()).
import { printStructure, StructureKind, type StatementStructures } from "ts-morph";
import type { EmittedFile, GenerateContext } from "../context.ts";
import type { SpecIR } from "../../spec/ir.ts";
import { anyTypeStatements } from "./any-types.ts";
import { enumStatements } from "./enums.ts";
import { PRINT_WIDTH, type FormattedText } from "./formatted.ts";
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
  const started = performance.now();
  const formatted = await format(statements);
  if (timings) timings["types.format"] = performance.now() - started;
  return formatted;
}

/** A line prettier keeps where it stands between statements, and that no statement contains. */
const SEPARATOR = "// ---- gemini-typekit: statement boundary ----";

/** One line per member type: ts-morph indents the inner lines of a member's type text its own way. */
const oneLine = (type: unknown) => typeof type !== "string" || !type.includes("\n");

/**
 * Whether ts-morph's text of a statement is already prettier's: an interface of properties and index signatures whose
 * types are one line each, and whose every line fits the width.
 */
function printedAsPrettier(statement: StatementStructures, text: string): boolean {
  if (statement.kind === StructureKind.TypeAlias) return oneLine(statement.type) && fits(text);
  if (statement.kind !== StructureKind.Interface) return false;
  const { methods, callSignatures, constructSignatures, properties, indexSignatures } = statement;
  if ((methods?.length ?? 0) + (callSignatures?.length ?? 0) + (constructSignatures?.length ?? 0) > 0) return false;
  if (!(properties ?? []).every((p) => oneLine(p.type)) || !(indexSignatures ?? []).every((x) => oneLine(x.returnType)))
    return false;
  return fits(text);
}

/** Prettier leaves comments as they are: only code lines must fit. */
const fits = (text: string) => text.split("\n").every((line) => line.length <= PRINT_WIDTH || isCommentLine(line));

const isCommentLine = (line: string) => /^\s*(\/\*\*|\*)/.test(line);

/**
 * The module's text, one blank line between declarations, as prettier would format it (printWidth 120) without
 * running prettier: statements the emitters write as finished text (./formatted.ts: enums, oneof and any-type
 * aliases, helpers, the methods table) are taken as they are, and the others are printed from their structures by
 * ts-morph (2-space indentation), whose text is prettier's for a type alias or an interface of one-line member types
 * whose code lines fit. Anything else — no statement of the project's spec — goes through prettier, in one call. The
 * committed output and the types fixtures are held to prettier's formatting of the whole module
 * (test/generate/types.test.ts).
 */
async function format(statements: readonly (StatementStructures | FormattedText)[]): Promise<string> {
  const printed = statements.map((statement) =>
    statement.kind === "formatted" ? statement.text : printStructure(statement, { indentNumberOfSpaces: 2 }).trim(),
  );
  const chosen = printed.flatMap((text, i) => {
    const statement = statements[i]!;
    return statement.kind === "formatted" || printedAsPrettier(statement, text) ? [] : [i];
  });
  if (chosen.length > 0) {
    // Loaded only when needed: the project's own spec never needs it. babel-ts gives the same output as the
    // typescript parser here, in about 60% of the time.
    const { default: prettier } = await import("prettier");
    const joined = chosen.map((i) => printed[i]).join(`\n\n${SEPARATOR}\n\n`);
    const pieces = (await prettier.format(joined, { parser: "babel-ts", printWidth: PRINT_WIDTH })).split(SEPARATOR);
    if (pieces.length !== chosen.length) throw new Error("types: prettier moved a statement boundary");
    chosen.forEach((i, k) => (printed[i] = pieces[k]!.trim()));
  }
  return `${printed.join("\n\n")}\n`;
}

export async function emitTypes(ctx: GenerateContext): Promise<Map<string, EmittedFile>> {
  return new Map([[TYPES_PATH, { kind: "ts", content: await typesSource(ctx.ir, ctx.timings) }]]);
}
