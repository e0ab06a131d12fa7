// Benchmark (not a test), issue 4: gemini-typekit's validator against a hand-written zod v4 schema of
// GenerateContentResponse, on the same real corpus as validate-throughput (every Gemini API generateContent response
// body and stream chunk, already parsed). The zod schema is written the way projects write one by hand: shallow
// (candidates → content → parts with a few known members, finishReason a plain string, usageMetadata and the rest
// loose objects that pass everything else through). Target: gemini-typekit ≥ 2× faster than zod while checking every
// field zod leaves unchecked. Both sides are then counted the same way (zod's schema through z.toJSONSchema): schema
// properties and constraint keywords, and how many of the corpus's values each one really checks.
// Stronger anchors (issue 15), in the same rounds on the same corpus, same target: the shallow schema compiled with
// zod's compiled mode (z.compile), and a zod schema as deep as ours, built from the published JSON Schemas
// (support/zod-from-schema.ts: every field, enum, pattern, bound and oneof; lenient like our side, so unknown fields and
// enum values pass where we also record them; the oneofs as a refine; base64 fields with the same spot check as
// ours), compiled too; before timing, it is shown to give our lenient verdict on every single mutation of the corpus
// (the differential tests' mutations, test/runtime/mutations.ts). z.compile runs with { strict: true }, so a schema it cannot compile is said, not timed silently
// on zod's interpreter.
import { z } from "zod";
import bundle from "../../packages/runtime/generated/schemas/bundle.json" with { type: "json" };
import { validateGenerateContentResponse } from "../../packages/runtime/generated/validate.ts";
import { BYTES_CHECK_SOURCE } from "../../test/support/ajv-keywords.ts";
import { strictStandaloneValidator } from "./support/ajv-standalone.ts";
import { geminiResponseBodies } from "./support/corpus.ts";
import { SchemaCoverage, type Coverage } from "./support/coverage.ts";
import { consume, envNumber, measure, ms, ratio, verdict } from "./support/measure.ts";
import { walk } from "./support/walk.ts";
import { ZodFromSchema } from "./support/zod-from-schema.ts";
import { wholeModel } from "../../test/runtime/helpers.ts";
import { mutationsOf } from "../../test/runtime/mutations.ts";

const TARGET = 2;
const ROUNDS = envNumber("BENCH_ROUNDS", 200);
const WARMUP = envNumber("BENCH_WARMUP", 30);

// ---- the peer schema: what a project writes by hand for the fields it reads
const Part = z.looseObject({
  text: z.string().optional(),
  thought: z.boolean().optional(),
  inlineData: z.looseObject({ mimeType: z.string(), data: z.string() }).optional(),
  functionCall: z.looseObject({ name: z.string(), args: z.record(z.string(), z.unknown()).optional() }).optional(),
});
const Candidate = z.looseObject({
  content: z.looseObject({ role: z.string().optional(), parts: z.array(Part).optional() }).optional(),
  finishReason: z.string().optional(),
  index: z.number().optional(),
});
const GenerateContentResponse = z.looseObject({
  candidates: z.array(Candidate).optional(),
  promptFeedback: z.looseObject({ blockReason: z.string().optional() }).optional(),
  usageMetadata: z
    .looseObject({
      promptTokenCount: z.number().optional(),
      candidatesTokenCount: z.number().optional(),
      totalTokenCount: z.number().optional(),
    })
    .optional(),
  modelVersion: z.string().optional(),
});

// ---- the anchors: compiled shallow, and deep (built from the JSON Schemas), compiled
type SchemaObject = Record<string, unknown>;
const defs = bundle.$defs as unknown as Record<string, SchemaObject>;
/** z.compile, or the schema as it is with the reason zod's compiled mode refused it. */
function compiled<T extends z.ZodType>(schema: T, label: string): T {
  try {
    return z.compile(schema, { strict: true });
  } catch (error) {
    console.log(
      `  ${label}: z.compile refused (${error instanceof Error ? error.message : String(error)}): timed uncompiled`,
    );
    return schema;
  }
}
// The spot check of base64 fields, as our validators run it (one source, evaluated here as the generator does).
const bytesCheck = new Function(`return ${BYTES_CHECK_SOURCE}`)() as (s: string) => boolean;
const Deep = new ZodFromSchema(defs, { mode: "lenient", bytes: bytesCheck }).definition("GenerateContentResponse");
const ShallowCompiled = compiled(GenerateContentResponse, "shallow");
const DeepCompiled = compiled(Deep, "deep");

// ---- the corpus, and every contender accepts all of it
const bodies = geminiResponseBodies();
const values = bodies.map((b) => JSON.parse(b.text) as unknown);
values.forEach((v, i) => {
  const where = `${bodies[i]!.file}#${bodies[i]!.chunk}`;
  const ours = validateGenerateContentResponse(v, { mode: "lenient" });
  if (!ours.ok) throw new Error(`gemini-typekit rejects ${where}: ${JSON.stringify(ours.issues.slice(0, 3))}`);
  for (const [label, schema] of [
    ["shallow", GenerateContentResponse],
    ["compiled shallow", ShallowCompiled],
    ["deep", Deep],
    ["compiled deep", DeepCompiled],
  ] as const) {
    const theirs = schema.safeParse(v);
    if (!theirs.success) throw new Error(`the ${label} zod schema rejects ${where}: ${theirs.error.message}`);
  }
});
// The deep schema is as deep as ours: the same verdict on every single mutation of every corpus value.
wholeModel(); // the mutations look resources and enums up in the runtime's model
let mutations = 0;
const deepDisagrees: string[] = [];
values.forEach((v, i) => {
  for (const { kind, pointer, value } of mutationsOf("GenerateContentResponse", v)) {
    mutations++;
    const ours = validateGenerateContentResponse(value, { mode: "lenient" }).ok;
    if (ours !== DeepCompiled.safeParse(value).success)
      deepDisagrees.push(
        `${bodies[i]!.file}#${bodies[i]!.chunk} ${kind} ${pointer}: ours ${ours ? "valid" : "invalid"}`,
      );
  }
});
if (deepDisagrees.length > 0)
  throw new Error(`the deep zod schema and ours disagree on:\n${deepDisagrees.slice(0, 10).join("\n")}`);
console.log(
  `the deep zod schema gives our lenient verdict on all ${mutations} single mutations of the corpus values (invalid and valid)`,
);
console.log(
  `corpus: ${bodies.length} bodies/chunks, all accepted by every contender; ${ROUNDS} interleaved rounds after ${WARMUP} warm-up sweeps, medians per sweep`,
);

// ---- throughput
// The two contenders are timed as a pair, in rounds of their own: a pass timed soon after JSON.parse of the corpus
// runs slower here (the caches and predictors hold JSON.parse's work, and it takes a few passes to wear off), so
// sharing rounds with JSON.parse would favour whichever of the two happens to run further from it. JSON.parse and
// ajv are timed in rounds of their own, for the per-JSON.parse figures.
const typekit = () => {
  for (const v of values) consume(validateGenerateContentResponse(v, { mode: "lenient" }).ok);
};
const zod = () => {
  for (const v of values) consume(GenerateContentResponse.safeParse(v).success);
};
const zodCompiled = () => {
  for (const v of values) consume(ShallowCompiled.safeParse(v).success);
};
const zodDeep = () => {
  for (const v of values) consume(Deep.safeParse(v).success);
};
const zodDeepCompiled = () => {
  for (const v of values) consume(DeepCompiled.safeParse(v).success);
};
const check = await strictStandaloneValidator("GenerateContentResponse");
// The floor of any validator that checks every value: a bare walk visiting each once (validate-throughput's).
const floor = () => {
  for (const v of values) consume(walk(v));
};
const m = measure({ typekit, zod, zodCompiled, zodDeep, zodDeepCompiled, floor }, ROUNDS, WARMUP);
const ref = measure(
  {
    parse: () => {
      for (const b of bodies) consume(JSON.parse(b.text));
    },
    ajv: () => {
      for (const v of values) consume(check(v));
    },
  },
  Math.ceil(ROUNDS / 2),
  Math.ceil(WARMUP / 2),
);
const speedup = m.zod / m.typekit;
console.log(
  `gemini-typekit validate (lenient) ${ms(m.typekit)}, zod safeParse ${ms(m.zod)}  (JSON.parse of the same bytes ${ms(ref.parse)})`,
);
console.log(
  `gemini-typekit speed-up over zod: ${speedup.toFixed(2)}× — target ≥ ${TARGET}×: ${verdict(speedup >= TARGET)}`,
);
console.log(
  `  per JSON.parse: gemini-typekit ${ratio(m.typekit / ref.parse)}, zod ${ratio(m.zod / ref.parse)}; the target means ` +
    `≤ ${ratio(m.zod / TARGET / ref.parse)} (a bare walk of every value is ≈ 0.04×: validate-throughput.bench.ts)`,
);
console.log(
  `  ajv's standalone check of the same schema (strict, compiled by this bench, no drift handling): ${ms(ref.ajv)}, ` +
    `${(m.zod / ref.ajv).toFixed(2)}× zod's speed (validate-throughput.bench.ts splits where the time goes)`,
);
const overCompiled = m.zodCompiled / m.typekit;
const overDeep = m.zodDeepCompiled / m.typekit;
console.log(
  `zod compiled (z.compile): shallow ${ms(m.zodCompiled)}; deep, from the JSON Schemas, ${ms(m.zodDeepCompiled)} ` +
    `(uncompiled ${ms(m.zodDeep)})`,
);
console.log(
  `gemini-typekit speed-up over compiled shallow zod: ${overCompiled.toFixed(2)}× — target ≥ ${TARGET}×: ${verdict(overCompiled >= TARGET)}`,
);
console.log(
  `gemini-typekit speed-up over compiled deep zod:    ${overDeep.toFixed(2)}× — target ≥ ${TARGET}×: ${verdict(overDeep >= TARGET)}`,
);
// How far the target is reachable at all: no validator that visits every value runs faster than the bare walk.
const floorRoom = m.zodCompiled / m.floor;
console.log(
  `  floor: a bare walk of every value ${ms(m.floor)}; compiled shallow zod takes ${floorRoom.toFixed(2)}× the walk, so a ` +
    `validator visiting every value is at most about ${floorRoom.toFixed(2)}× faster than it (gemini-typekit: ` +
    `${(m.typekit / m.floor).toFixed(2)}× the walk)`,
);

// ---- what each one checks
const ours = new SchemaCoverage({ $ref: "GenerateContentResponse.json" }, defs);
const theirs = new SchemaCoverage(z.toJSONSchema(GenerateContentResponse) as SchemaObject);
const oc = ours.measure(values);
const tc = theirs.measure(values);
const os = ours.staticCounts();
const ts = theirs.staticCounts();
const pct = (c: Coverage) => `${((c.checked / c.values) * 100).toFixed(1)} %`;
console.log("what each checks                                 gemini-typekit        zod");
console.log(
  `  schema objects reachable from the root        ${String(os.schemas).padStart(14)} ${String(ts.schemas).padStart(10)}`,
);
console.log(
  `  properties declared                           ${String(os.properties).padStart(14)} ${String(ts.properties).padStart(10)}`,
);
console.log(
  `  constraint keywords (type, enum, pattern, …)  ${String(os.keywords).padStart(14)} ${String(ts.keywords).padStart(10)}`,
);
console.log(
  `  enum values known                             ${String(os.enumValues).padStart(14)} ${String(ts.enumValues).padStart(10)}`,
);
console.log(
  `  corpus values checked (of ${oc.values})          ${`${oc.checked} (${pct(oc)})`.padStart(14)} ${`${tc.checked} (${pct(tc)})`.padStart(10)}`,
);
console.log(
  `  corpus values passed through unchecked        ${String(oc.unchecked).padStart(14)} ${String(tc.unchecked).padStart(10)}`,
);
console.log(
  `  distinct field paths checked in the corpus    ${String(oc.paths.size).padStart(14)} ${String(tc.paths.size).padStart(10)}`,
);
console.log(
  `  unknown keys reported (drift)                 ${String(oc.flaggedKeys).padStart(14)} ${String(tc.flaggedKeys).padStart(10)}`,
);
const missed = [...tc.paths].filter((p) => !oc.paths.has(p));
const extra = [...oc.paths].filter((p) => !tc.paths.has(p));
console.log(
  `  field paths zod checks that gemini-typekit does not: ${missed.length === 0 ? "none" : missed.join(", ")}`,
);
console.log(`  gemini-typekit checks every field zod checks: ${verdict(missed.length === 0)}`);
console.log(
  `  field paths gemini-typekit checks that zod does not: ${extra.length}, e.g. ${extra.slice(0, 6).join(", ")}`,
);
