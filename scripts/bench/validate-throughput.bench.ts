// Benchmark (not a test), issue 4: validation throughput on the real corpus.
// Every Gemini API generateContent response body and streamGenerateContent chunk in ../shared/fixtures/real,
// validated as GenerateContentResponse in lenient mode on already-parsed objects, timed against JSON.parse of the same
// bytes (the cost a caller pays anyway). Target: validation ≤ 0.15× JSON.parse. The floor, measured in the same run:
// a bare recursive walk visiting every value of the same objects (expected ≈ 0.04× JSON.parse).
// Medians of interleaved rounds after a warm-up; each pass is one sweep over the whole selection.
// What the time goes to is printed too: the fast-path checker alone (packages/runtime/generated/validators/fast.js) and the runtime
// around it; for comparison, ajv's standalone strict check (compiled by this bench from the same schemas: the module
// support/ajv-standalone.ts writes, which the generator no longer emits) and the published base64 `pattern` run whole over the bytes
// fields (what the spot check avoids); and the split by body size and by drift.
import bundle from "../../packages/runtime/generated/schemas/bundle.json" with { type: "json" };
import { validateGenerateContentResponse } from "../../packages/runtime/generated/validate.ts";
import * as fastCheckers from "../../packages/runtime/generated/validators/fast.js";
import { strictStandaloneValidator } from "./support/ajv-standalone.ts";
import { geminiResponseBodies, type Body } from "./support/corpus.ts";
import { consume, envNumber, measure, ms, ratio, verdict } from "./support/measure.ts";
import { walk } from "./support/walk.ts";

const TARGET = 0.15;
const ROUNDS = envNumber("BENCH_ROUNDS", 200);
const WARMUP = envNumber("BENCH_WARMUP", 30);
/** Bodies at least this large carry inline media (base64); reported apart because they time a different thing. */
const MEDIA_BYTES = 64 * 1024;

const bodies = geminiResponseBodies();
const values = bodies.map((b) => JSON.parse(b.text) as unknown);
const hasDrift = values.map((v, i) => {
  const r = validateGenerateContentResponse(v, { mode: "lenient" });
  if (!r.ok)
    throw new Error(
      `${bodies[i]!.file}#${bodies[i]!.chunk} is not lenient-valid: ${JSON.stringify(r.issues.slice(0, 3))}`,
    );
  return r.drift.length > 0;
});
const check = await strictStandaloneValidator("GenerateContentResponse");
const fast = fastCheckers.GenerateContentResponse;

// Bytes fields on the response side and the pattern the schemas give them (ajv compiles patterns with the u flag).
const defs = bundle.$defs as unknown as Record<
  string,
  { properties: Record<string, { contentEncoding?: string; pattern?: string }> }
>;
const BASE64 = [
  ["Blob", "data"],
  ["Part", "thoughtSignature"],
  ["SearchEntryPoint", "sdkBlob"],
] as const;
for (const [def, prop] of BASE64) {
  if (defs[def]?.properties[prop]?.contentEncoding !== "base64")
    throw new Error(`${def}.${prop} is no longer a base64 field`);
}
const base64Pattern = new RegExp(defs["Blob"]!.properties["data"]!.pattern!, "u");
/** Strings of bytes fields: inlineData.data, thoughtSignature, sdkBlob. */
function base64Strings(v: unknown, parentKey = "", out: string[] = []): string[] {
  if (Array.isArray(v)) for (const x of v) base64Strings(x, parentKey, out);
  else if (v !== null && typeof v === "object") {
    for (const [k, x] of Object.entries(v)) {
      if (
        typeof x === "string" &&
        (k === "thoughtSignature" || k === "sdkBlob" || (k === "data" && parentKey === "inlineData"))
      )
        out.push(x);
      else base64Strings(x, k, out);
    }
  }
  return out;
}
const b64 = values.flatMap((v) => base64Strings(v));
const b64Chars = b64.reduce((s, x) => s + x.length, 0);

const bytesOf = (texts: string[]) => texts.reduce((s, t) => s + Buffer.byteLength(t), 0);
const allTexts = bodies.map((b) => b.text);
console.log(
  `corpus: ${bodies.length} bodies/chunks from ${new Set(bodies.map((b) => b.file)).size} files, ${(bytesOf(allTexts) / 1024 / 1024).toFixed(2)} MiB; ` +
    `all lenient-valid, ${hasDrift.filter(Boolean).length} with drift; ${b64.length} base64 strings, ${(b64Chars / 1024 / 1024).toFixed(2)} MiB`,
);
console.log(`${ROUNDS} interleaved rounds after ${WARMUP} warm-up sweeps; medians per sweep`);

const m = measure(
  {
    parse: () => {
      for (const t of allTexts) consume(JSON.parse(t));
    },
    validate: () => {
      for (const v of values) consume(validateGenerateContentResponse(v, { mode: "lenient" }).ok);
    },
    walk: () => {
      for (const v of values) consume(walk(v));
    },
    ajv: () => {
      for (const v of values) consume(check(v));
    },
    base64: () => {
      for (const s of b64) consume(base64Pattern.test(s));
    },
  },
  ROUNDS,
  WARMUP,
);

const r = m.validate / m.parse;
console.log(`JSON.parse ${ms(m.parse)}, validate (lenient) ${ms(m.validate)}, walk ${ms(m.walk)}`);
console.log(`validate / JSON.parse: ${ratio(r)} — target ≤ ${TARGET}: ${verdict(r <= TARGET)}`);
console.log(
  `floor, bare walk / JSON.parse: ${ratio(m.walk / m.parse)} (expected ≈ 0.04); validate / walk ${(m.validate / m.walk).toFixed(1)}×`,
);
console.log("where validation time goes (× JSON.parse of the whole corpus):");
// The two timed on their own, in a pair: a pass run right after JSON.parse is timed slower here (it finds the caches
// and predictors full of JSON.parse's work), and in the rounds above `validate` always follows `parse`.
const pair = measure(
  {
    validate: () => {
      for (const v of values) consume(validateGenerateContentResponse(v, { mode: "lenient" }).ok);
    },
    fast: () => {
      for (const v of values) consume(fast(v));
    },
  },
  Math.ceil(ROUNDS / 2),
  Math.ceil(WARMUP / 2),
);
console.log(`  fast-path checker alone (fast.js)                 ${ratio(pair.fast / m.parse)}`);
console.log(
  `  runtime around it (result, drift)                 ${ratio((pair.validate - pair.fast) / m.parse)}  (timed as a pair, apart)`,
);
console.log("for comparison:");
console.log(`  ajv's standalone check (strict, allErrors)        ${ratio(m.ajv / m.parse)}`);
console.log(
  `  the base64 pattern run whole on bytes fields      ${ratio(m.base64 / m.parse)}  (${b64.length} strings; the spot check avoids it)`,
);

// The same ratio on parts of the corpus (fewer rounds: this is the breakdown, not the headline).
function part(label: string, keep: (b: Body, i: number) => boolean) {
  const idx = bodies.map((b, i) => (keep(b, i) ? i : -1)).filter((i) => i >= 0);
  const texts = idx.map((i) => allTexts[i]!);
  const vals = idx.map((i) => values[i]);
  const p = measure(
    {
      parse: () => {
        for (const t of texts) consume(JSON.parse(t));
      },
      validate: () => {
        for (const v of vals) consume(validateGenerateContentResponse(v, { mode: "lenient" }).ok);
      },
    },
    Math.ceil(ROUNDS / 2),
    Math.ceil(WARMUP / 2),
  );
  const kib = bytesOf(texts) / 1024;
  console.log(
    `  ${label.padEnd(36)} ${String(idx.length).padStart(4)} bodies ${kib.toFixed(0).padStart(6)} KiB   parse ${ms(p.parse).padStart(9)}   validate ${ms(p.validate).padStart(9)}   ${ratio(p.validate / p.parse).padStart(7)}`,
  );
}
console.log("validate / JSON.parse by part of the corpus:");
part(`text-sized (< ${MEDIA_BYTES / 1024} KiB)`, (b) => Buffer.byteLength(b.text) < MEDIA_BYTES);
part(`inline media (≥ ${MEDIA_BYTES / 1024} KiB)`, (b) => Buffer.byteLength(b.text) >= MEDIA_BYTES);
part("no drift (strict-valid)", (_b, i) => !hasDrift[i]);
part("with drift (recorded by the fast path)", (_b, i) => hasDrift[i]!);
