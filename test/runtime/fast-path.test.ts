// The fast-path checkers (packages/runtime/generated/validators/fast.js, one for both modes) against the ajv validators
// compiled at test time (test/support/ajv-oracle.ts), which stay the reference: on
// every corpus payload, every own fixture, every mutation of both, and fast-check's random values, the fast verdict
// (Invalid, Valid, ValidWithDrift, SpelledOtherwise) is the one ajv's answer implies, and in lenient mode the drift the
// fast path puts in the caller's sink is the drift the runtime reads from ajv's records — same records, same order,
// same paths, same spec places. Plus: generation is deterministic and refuses schemas it does not know how to check exactly.
import { describe, expect, it } from "vitest";
import { join } from "node:path";
import fc from "fast-check";
import * as fastCheckers from "../../packages/runtime/generated/validators/fast.js";
import { RESOURCE_NAMES } from "../../packages/runtime/generated/validators/names.ts";
import { loadSpec } from "../../packages/tools/src/spec/load.ts";
import { compileFast, compileFastSchemas } from "../../packages/tools/src/generate/validators/fast.ts";
import { driftFromRecords, hasOtherSpellings } from "../../packages/runtime/src/drift.ts";
import { Verdict, type DriftSink, type FastCheck } from "../../packages/runtime/src/fast-path/verdict.ts";
import { ajvOracle } from "../support/ajv-oracle.ts";
import { corpusBodies } from "../support/corpus.ts";
import { hasShared, PROJECT_ROOT } from "../support/shared.ts";
import { build, json } from "./arbitraries.ts";
import { fixtureBodies } from "./fixture-bodies.ts";
import { mutationsOf } from "./mutations.ts";
import { wholeModel } from "./helpers.ts";

// Reading ajv's drift sink looks resources and enums up in the runtime's lookups: every one must be included.
wholeModel();

type Mode = "strict" | "lenient";
const oracle = await ajvOracle();
const AJV = oracle.validators;
const FAST = fastCheckers as unknown as Record<string, FastCheck>;
/** What the fast verdict means in a mode: strict mode takes Valid (lenient-valid without drift) alone as valid. */
const verdictIn = (mode: Mode, verdict: Verdict): Verdict =>
  mode === "strict" ? (verdict === Verdict.Valid ? Verdict.Valid : Verdict.Invalid) : verdict;
const MODES: Mode[] = ["strict", "lenient"];
const VERDICT_NAMES = new Map(Object.entries(Verdict).map(([name, verdict]) => [verdict, name]));

/** What differs between the fast path and ajv on one value (undefined when they agree or ajv cannot check it). */
function disagreement(resource: string, mode: Mode, value: unknown): string | undefined {
  let valid: boolean;
  let records: typeof oracle.driftSink;
  try {
    oracle.driftSink.length = 0;
    valid = AJV[mode][resource]!(value) as boolean;
    records = [...oracle.driftSink];
  } catch (error) {
    if (error instanceof RangeError) return undefined; // too deep for the reference
    throw error;
  }
  // Another spelling (lenient mode) sends a value to normalization whether or not it is otherwise valid: the fast path
  // may stop at either problem first.
  const spelling = mode === "lenient" && hasOtherSpellings(records);
  const { Invalid, Valid, ValidWithDrift, SpelledOtherwise } = Verdict;
  const expected: Verdict[] =
    spelling && valid
      ? [SpelledOtherwise]
      : spelling
        ? [Invalid, SpelledOtherwise]
        : !valid
          ? [Invalid]
          : records.length > 0
            ? [ValidWithDrift]
            : [Valid];
  const sink: DriftSink = { drift: [] };
  let verdict: Verdict;
  try {
    verdict = verdictIn(mode, FAST[resource]!(value, sink));
  } catch (error) {
    return `fast path threw ${String(error)} where ajv did not`;
  }
  if (!expected.includes(verdict)) return `${resource} ${mode}: fast ${verdict}, ajv ${expected.join(" or ")}`;
  if (verdict === ValidWithDrift) {
    const reference = driftFromRecords(records, resource, value);
    if (JSON.stringify(sink.drift) !== JSON.stringify(reference))
      return `${resource} ${mode}: drift ${JSON.stringify(sink.drift)} vs ajv ${JSON.stringify(reference)}`;
  }
  return undefined;
}

/** Compares every mode (and optionally every resource) on a value; returns the verdicts seen and what differed. */
function compare(resources: readonly string[], value: unknown, seen: Set<string>, out: string[], where: string): void {
  for (const resource of resources)
    for (const mode of MODES) {
      const d = disagreement(resource, mode, value);
      if (d !== undefined) out.push(`${where}: ${d}`);
      else seen.add(`${mode} ${VERDICT_NAMES.get(verdictIn(mode, FAST[resource]!(value)))}`);
    }
}

describe.skipIf(!hasShared)("fast path = ajv on the real corpus", () => {
  it("every corpus payload, as every resource, in both modes; and every mutation of it as its own resource", () => {
    const bodies = corpusBodies();
    expect(bodies.length).toBeGreaterThan(700);
    const seen = new Set<string>();
    const out: string[] = [];
    let mutations = 0;
    for (const { file, chunk, resource, value } of bodies) {
      compare(RESOURCE_NAMES, value, seen, out, `${file}#${chunk}`);
      for (const m of mutationsOf(resource, value)) {
        mutations++;
        compare([resource], m.value, seen, out, `${file}#${chunk} ${m.kind} ${m.pointer}`);
      }
    }
    expect(out.slice(0, 20)).toEqual([]);
    expect(mutations).toBeGreaterThan(1000);
    // Every verdict occurs, so the comparison means something.
    expect([...seen].sort()).toEqual([
      "lenient Invalid",
      "lenient SpelledOtherwise",
      "lenient Valid",
      "lenient ValidWithDrift",
      "strict Invalid",
      "strict Valid",
    ]);
  });
});

describe("fast path = ajv on the project's own fixtures", () => {
  it("every fixture body, as its resource and as every resource, and every mutation of it", async () => {
    const seen = new Set<string>();
    const out: string[] = [];
    for (const { entry, value } of await fixtureBodies()) {
      compare(RESOURCE_NAMES, value, seen, out, entry.file);
      for (const m of mutationsOf(entry.resource, value))
        compare([entry.resource], m.value, seen, out, `${entry.file} ${m.kind} ${m.pointer}`);
    }
    expect(out.slice(0, 20)).toEqual([]);
    expect(seen.has("lenient Valid") && seen.has("strict Invalid")).toBe(true);
  });
});

describe("fast path = ajv on random values", () => {
  const arbResource = fc.constantFrom(...RESOURCE_NAMES);

  it("any JSON value, for any resource", () => {
    fc.assert(
      fc.property(arbResource, json, (resource, value) => {
        expect(MODES.map((mode) => disagreement(resource, mode, value)).filter(Boolean)).toEqual([]);
      }),
      { numRuns: 2000 },
    );
  });

  it("payloads built from the model: random fields, both spellings, wrong types, stray and nasty keys", () => {
    fc.assert(
      fc.property(arbResource, fc.gen(), (resource, g) => {
        const value = JSON.parse(JSON.stringify(build(resource, g))) as unknown;
        expect(MODES.map((mode) => disagreement(resource, mode, value)).filter(Boolean)).toEqual([]);
      }),
      { numRuns: 3000 },
    );
  });

  it("GenerateContent requests and responses and error bodies, many more of them", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("GenerateContentRequest", "GenerateContentResponse", "ErrorResponse"),
        fc.gen(),
        (resource, g) => {
          const value = JSON.parse(JSON.stringify(build(resource, g))) as unknown;
          expect(MODES.map((mode) => disagreement(resource, mode, value)).filter(Boolean)).toEqual([]);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it("values JSON cannot hold: undefined members and holes count as absent or wrong exactly as ajv counts them", () => {
    const cases: [string, unknown][] = [
      ["Part", { text: undefined }],
      ["Part", { text: "a", inlineData: undefined }],
      ["Blob", { mimeType: undefined, data: "AA==" }],
      ["Content", { parts: [undefined] }],
      // eslint-disable-next-line no-sparse-arrays
      ["Content", { parts: [, { text: "x" }] }],
      ["Candidate", { index: Infinity }],
      ["Candidate", { avgLogprobs: NaN }],
      ["Candidate", { index: -0 }],
      ["Status", { details: [{ "@type": undefined }] }],
      ["Status", { details: [{ "@type": "type.googleapis.com/google.rpc.ErrorInfo", reason: 1 }] }],
      ["GenerateContentResponse", Object.create(null) as unknown],
    ];
    for (const [resource, value] of cases)
      expect([resource, MODES.map((mode) => disagreement(resource, mode, value)).filter(Boolean)]).toEqual([
        resource,
        [],
      ]);
  });
});

describe("fast path generation", () => {
  it("is deterministic", async () => {
    const { ir } = await loadSpec(join(PROJECT_ROOT, "spec"));
    expect(compileFast(ir!)).toBe(compileFast(ir!));
  });

  it("refuses schemas whose semantics it does not reproduce", () => {
    const resource = (extra: Record<string, unknown>) =>
      new Map<string, unknown>([["R", { type: "object", properties: { a: { type: "string", ...extra } } }]]);
    expect(() => compileFastSchemas(resource({}), ["R"])).not.toThrow();
    expect(() => compileFastSchemas(resource({ minLength: 1 }), ["R"])).toThrow(/unsupported keyword minLength/);
    expect(() =>
      compileFastSchemas(new Map([["R", { type: "object", properties: { toString: { type: "string" } } }]]), ["R"]),
    ).toThrow(/Object.prototype/);
    expect(() => compileFastSchemas(new Map([["R", { type: "object", patternProperties: {} }]]), ["R"])).toThrow(
      /unsupported keyword/,
    );
  });
});
