// Property tests (fast-check): whatever JSON value they are given — random JSON, payloads built from the model with
// random fields, spellings and wrong values, objects with `__proto__` / `constructor` / `prototype` keys, strings of
// a million characters, arrays and objects nested 10,000 deep — the validators never throw, always return a
// well-formed result whose pointers lead into the input, agree with ajv's lenient validators
// (test/support/ajv-oracle.ts), and never touch Object.prototype. normalize never throws, never mutates, and is idempotent.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import fc from "fast-check";
import { validators } from "../../packages/runtime/generated/validate.ts";
import { splitPointer } from "../../packages/runtime/src/runtime-model.ts";
import { normalizeResource } from "../../packages/runtime/src/normalize.ts";
import { validateResource } from "../../packages/runtime/src/validator.ts";
import {
  ValidationError,
  type IssueCode,
  type Mode,
  type ValidationResult,
} from "../../packages/runtime/src/result.ts";
import { ajvOracle } from "../support/ajv-oracle.ts";
import { build, json, NASTY_KEYS } from "./arbitraries.ts";
import { deepFreeze, nest } from "./helpers.ts";

const LENIENT = (await ajvOracle()).validators.lenient;
const RESOURCES = Object.keys(validators) as (keyof typeof validators)[];
const CODES = new Set<IssueCode>([
  "invalid-type",
  "missing-required",
  "unknown-field",
  "no-known-field",
  "unknown-enum-value",
  "invalid-format",
  "oneof-conflict",
  "duplicate-field",
  "out-of-range",
  "invalid-value",
  "too-deep",
]);
const POINTER = /^(\/([^~/]|~[01])*)*$/;
const hasOwn = Object.prototype.hasOwnProperty;

// ---------------------------------------------------------------- checks every result must pass

/** The input's value at a pointer, following own properties only; `missing` when it is not there. */
const missing = Symbol("missing");
function at(root: unknown, pointer: string): unknown {
  let node = root;
  for (const key of splitPointer(pointer)) {
    if (node === null || typeof node !== "object" || !hasOwn.call(node, key)) return missing;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}
const parentOf = (pointer: string) => pointer.slice(0, pointer.lastIndexOf("/"));

/** What is wrong with a result (empty when it is well-formed and its pointers lead into `input`). */
function problems(result: ValidationResult<unknown>, input: unknown): string[] {
  const out: string[] = [];
  if (result === null || typeof result !== "object") return ["result is not an object"];
  if (result.ok === true) {
    if (!("value" in result) || !Array.isArray(result.drift)) out.push("ok result without value or drift");
    for (const d of result.drift) {
      if (
        typeof d.path !== "string" ||
        !POINTER.test(d.path) ||
        (d.kind !== "unknown-field" && d.kind !== "unknown-enum-value")
      )
        out.push(`bad drift ${JSON.stringify(d)}`);
      else if (!Object.is(at(input, d.path), d.value))
        out.push(`drift ${d.path} does not lead to its value in the input`);
    }
  } else if (result.ok === false) {
    if (!Array.isArray(result.issues) || result.issues.length === 0) out.push("failed result without issues");
    for (const i of result.issues) {
      if (typeof i.pointer !== "string" || !POINTER.test(i.pointer))
        out.push(`bad pointer ${JSON.stringify(i.pointer)}`);
      if (!CODES.has(i.code)) out.push(`bad code ${i.code}`);
      if (typeof i.message !== "string" || i.message.length === 0) out.push(`no message at ${i.pointer}`);
      for (const k of ["expected", "received", "spec"] as const)
        if (k in i && typeof i[k] !== "string") out.push(`${k} is not a string`);
      // Where the issue is must exist in the input, as written (for a missing field: the object that lacks it).
      const where = i.code === "missing-required" ? parentOf(i.pointer) : i.pointer;
      if (at(input, where) === missing) out.push(`${i.code} pointer ${i.pointer} does not lead into the input`);
    }
  } else out.push(`result.ok is ${String((result as { ok: unknown }).ok)}`);
  return out;
}

/** Runs every entry point of a resource on `value` and returns what went wrong. */
function checkAll(resource: keyof typeof validators, value: unknown, { compareLenient = true } = {}): string[] {
  const out: string[] = [];
  const v = validators[resource];
  const results: Partial<Record<Mode, ValidationResult<unknown>>> = {};
  for (const mode of ["strict", "lenient"] as const) {
    try {
      results[mode] = validateResource(resource, value, mode);
      out.push(...problems(results[mode]!, value).map((p) => `${mode}: ${p}`));
    } catch (error) {
      out.push(`${mode}: threw ${String(error)}`);
    }
  }
  try {
    const isValid = v.is(value);
    const def = results[v.defaultMode];
    if (def && isValid !== (def.ok && def.value === value)) out.push("is() disagrees with validate()");
  } catch (error) {
    out.push(`is threw ${String(error)}`);
  }
  try {
    v.assert(value);
    if (results[v.defaultMode] && !results[v.defaultMode]!.ok) out.push("assert() accepted what validate() rejects");
  } catch (error) {
    if (!(error instanceof ValidationError)) out.push(`assert threw ${String(error)}`);
  }
  try {
    const s = v["~standard"].validate(value) as {
      value?: unknown;
      issues?: { message: string; path?: PropertyKey[] }[];
    };
    if (("issues" in s && s.issues !== undefined) === results[v.defaultMode]?.ok)
      out.push("~standard disagrees with validate()");
    for (const issue of s.issues ?? [])
      if (!Array.isArray(issue.path) || issue.path.some((p) => typeof p !== "string" && typeof p !== "number"))
        out.push("~standard path malformed");
  } catch (error) {
    out.push(`~standard threw ${String(error)}`);
  }
  try {
    const once = v.normalize(value);
    if (v.normalize(once) !== once) out.push("normalize is not idempotent");
  } catch (error) {
    out.push(`normalize threw ${String(error)}`);
  }
  const lenient = results.lenient;
  // too-deep and no-known-field (a rule about the root as a whole) have no counterpart in ajv's validators.
  if (
    compareLenient &&
    lenient &&
    (lenient.ok || !lenient.issues.some((i) => i.code === "too-deep" || i.code === "no-known-field"))
  ) {
    try {
      const n = normalizeResource(resource, value);
      if (n.conflicts.length === 0 && n.unknownEnumNumbers.size === 0 && LENIENT[resource]!(n.value) !== lenient.ok)
        out.push(`lenient verdict ${lenient.ok} but ajv says ${!lenient.ok}`);
    } catch {
      // too deep for the reference to walk: nothing to compare
    }
  }
  return out;
}

// ---------------------------------------------------------------- prototype pollution watch

let protoNames: string[] = [];
beforeEach(() => {
  protoNames = [Object.prototype, Array.prototype, Function.prototype].map((p) =>
    Object.getOwnPropertyNames(p).sort().join(),
  );
});
afterEach(() => {
  expect(
    [Object.prototype, Array.prototype, Function.prototype].map((p) => Object.getOwnPropertyNames(p).sort().join()),
  ).toEqual(protoNames);
  expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
  expect(Object.getPrototypeOf({})).toBe(Object.prototype);
});

// ---------------------------------------------------------------- arbitraries

const arbResource = fc.constantFrom(...RESOURCES);

// ---------------------------------------------------------------- properties

describe("validators never throw and always return a well-formed result", () => {
  it("on any JSON value, for any resource", () => {
    fc.assert(
      fc.property(arbResource, json, (resource, value) => {
        expect(checkAll(resource, value)).toEqual([]);
      }),
      { numRuns: 400 },
    );
  });

  it("on payloads built from the model: random fields, both spellings, wrong types, stray and nasty keys", () => {
    fc.assert(
      fc.property(arbResource, fc.gen(), (resource, g) => {
        const value = JSON.parse(JSON.stringify(build(resource, g))) as unknown;
        expect(checkAll(resource, value)).toEqual([]);
      }),
      { numRuns: 600 },
    );
  });

  it("on model-built GenerateContent requests and responses (the resources that matter most), many more of them", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("GenerateContentRequest", "GenerateContentResponse", "ErrorResponse") as fc.Arbitrary<
          keyof typeof validators
        >,
        fc.gen(),
        (resource, g) => {
          const value = JSON.parse(JSON.stringify(build(resource, g))) as unknown;
          expect(checkAll(resource, value)).toEqual([]);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it("normalize never mutates its input (deep-frozen) and returns it unchanged when nothing needs normalizing", () => {
    fc.assert(
      fc.property(arbResource, fc.gen(), (resource, g) => {
        const value = deepFreeze(JSON.parse(JSON.stringify(build(resource, g))) as unknown);
        const text = JSON.stringify(value);
        const out = validators[resource].normalize(value);
        expect(JSON.stringify(value)).toBe(text);
        // Valid as it is (strict mode took it without normalizing): normalize has nothing to do.
        const strict = validateResource(resource, value, "strict");
        if (strict.ok && strict.value === value) expect(out).toBe(value);
        if (out === value) expect(JSON.stringify(out)).toBe(text);
      }),
      { numRuns: 400 },
    );
  });

  it("objects whose keys are __proto__, constructor and prototype, at the root and at field positions", () => {
    const payloads: [keyof typeof validators, string][] = [
      [
        "GenerateContentResponse",
        '{"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":2}},"prototype":{"polluted":3}}',
      ],
      [
        "GenerateContentResponse",
        '{"candidates":[{"finish_reason":1,"__proto__":{"polluted":1},"content":{"parts":[{"text":"x","__proto__":{"polluted":1}}]}}]}',
      ],
      [
        "GenerateContentRequest",
        '{"contents":{"parts":{"inline_data":{"__proto__":{"polluted":1},"mime_type":"a/b","data":"AA=="}}},"constructor":{"prototype":{"polluted":1}}}',
      ],
      [
        "Schema",
        '{"type":"OBJECT","properties":{"__proto__":{"type":"STRING","__proto__":{"polluted":1}},"constructor":{"type":1},"prototype":{"any_of":[{"type":2}]}}}',
      ],
      ["Schema", '{"type":"OBJECT","property_ordering":["__proto__"],"properties":{"__proto__":{"type":99}}}'],
      ["FunctionCall", '{"name":"f","args":{"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":1}}}}'],
      [
        "ErrorResponse",
        '{"error":{"code":400,"details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo","metadata":{"__proto__":"x"},"__proto__":{"polluted":1}}]}}',
      ],
      ["GenerationConfig", '{"response_json_schema":{"__proto__":{"polluted":1}},"__proto__":{"temperature":"hot"}}'],
    ];
    for (const [resource, text] of payloads) {
      const value = JSON.parse(text) as unknown;
      expect([resource, text, checkAll(resource, value)]).toEqual([resource, text, []]);
      // Validating and normalizing never turns an own `__proto__` key into a prototype.
      for (const mode of ["strict", "lenient"] as const) {
        const r = validateResource(resource, value, mode);
        if (r.ok) expect(JSON.stringify(r.value).length).toBeGreaterThanOrEqual(JSON.stringify(value).length - 64);
      }
    }
    fc.assert(
      fc.property(arbResource, fc.constantFrom(...NASTY_KEYS), json, fc.gen(), (resource, nasty, inner, g) => {
        const base = build(resource, g);
        Object.defineProperty(base, nasty, { value: inner, enumerable: true, writable: true, configurable: true });
        const value = JSON.parse(JSON.stringify(base)) as unknown;
        expect(checkAll(resource, value)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});

describe("extreme sizes", () => {
  const MILLION = "A".repeat(1_000_000);

  it.each([
    ["a 1e6-character text part", "Part", { text: MILLION }, true],
    ["1e6 characters of valid base64", "Blob", { mimeType: "a/b", data: MILLION }, true],
    ["1e6 characters of invalid base64", "Blob", { mimeType: "a/b", data: `${MILLION}!` }, false],
    ["a 1e6-digit int64", "File", { sizeBytes: "1".repeat(1_000_000) }, false],
    ["a 1e6-character timestamp", "File", { createTime: `2024-01-01T00:00:00.${"1".repeat(1_000_000)}Z` }, false],
    ["a 1e6-character enum value", "Candidate", { finishReason: MILLION }, true],
    // Beside a known field: an object of unknown keys alone is no Candidate at all (no-known-field, the next row).
    ["a 1e6-character unknown key", "Candidate", { index: 0, [MILLION]: 1 }, true],
    ["a 1e6-character unknown key alone", "Candidate", { [MILLION]: 1 }, false],
    ["a 1e6-character snake_case-looking key", "Candidate", { [`finish_${MILLION}`]: 1, finish_reason: 1 }, true],
    ["a 1e6-character string as the whole value", "GenerateContentResponse", MILLION, false],
  ] as const)("%s", (_name, resource, value, lenientOk) => {
    expect(checkAll(resource, value)).toEqual([]);
    const result = validateResource(resource, value, "lenient");
    expect(result.ok).toBe(lenientOk);
    // Received values and keys are described briefly in messages, not copied (pointers keep them whole).
    for (const mode of ["strict", "lenient"] as const) {
      const r = validateResource(resource, value, mode);
      if (!r.ok)
        for (const i of r.issues)
          expect([i.code, i.message.length < 300, (i.received ?? "").length < 100]).toEqual([i.code, true, true]);
    }
  });
});

describe("nesting 10,000 deep", () => {
  const DEEP = 10_000;
  const deepArray = () => nest(DEEP, (inner) => [inner], 1);
  const deepObject = () => nest(DEEP, (inner) => ({ a: inner }), 1);
  const deepNasty = () => JSON.parse(`${'{"__proto__":'.repeat(DEEP)}1${"}".repeat(DEEP)}`) as unknown;

  const CASES: [string, keyof typeof validators, () => unknown][] = [
    ["an array as the whole value", "GenerateContentResponse", deepArray],
    ["an object of unknown fields as the whole value", "GenerateContentResponse", deepObject],
    ["__proto__ keys all the way down, as JSON.parse makes them", "GenerateContentResponse", deepNasty],
    ["free JSON in an unknown field", "Candidate", () => ({ later: deepObject(), also: deepArray() })],
    [
      "free JSON in a Struct (functionCall.args)",
      "FunctionCall",
      () => ({ name: "f", args: { a: deepArray(), o: deepObject() } }),
    ],
    [
      "free JSON in a Value (responseJsonSchema)",
      "GenerationConfig",
      () => ({ responseJsonSchema: deepObject(), _responseJsonSchema: deepArray() }),
    ],
    [
      "free JSON in a snake_case payload (so normalization runs)",
      "GenerateContentResponse",
      () => ({
        model_version: "m",
        candidates: [
          {
            finish_reason: 1,
            later: deepArray(),
            content: { parts: [{ function_call: { name: "f", args: { o: deepObject() } } }] },
          },
        ],
      }),
    ],
    ["Schema.items", "Schema", () => nest(DEEP, (inner) => ({ type: "ARRAY", items: inner }), { type: "STRING" })],
    [
      "Schema.properties",
      "Schema",
      () => nest(DEEP, (inner) => ({ type: "OBJECT", properties: { p: inner } }), { type: "STRING" }),
    ],
    ["Schema.anyOf, in snake_case", "Schema", () => nest(DEEP, (inner) => ({ any_of: [inner] }), { type: "STRING" })],
    [
      "Schema.items with an error at the bottom",
      "Schema",
      () => nest(DEEP, (inner) => ({ type: "ARRAY", items: inner }), { type: "STRING", minItems: "x" }),
    ],
    [
      "Schema.items, each level with a single value for anyOf",
      "Schema",
      () => nest(DEEP, (inner) => ({ type: "ARRAY", anyOf: inner }), { type: "STRING" }),
    ],
    [
      "a request whose response schema is deep",
      "GenerateContentRequest",
      () => ({
        contents: [],
        generationConfig: {
          responseSchema: nest(DEEP, (inner) => ({ type: "ARRAY", items: inner }), { type: "STRING" }),
        },
      }),
    ],
  ];

  it.each(CASES)("%s: no throw, a well-formed result (ok, or a too-deep issue)", (_name, resource, make) => {
    const value = make();
    expect(checkAll(resource, value, { compareLenient: false })).toEqual([]);
    for (const mode of ["strict", "lenient"] as const) {
      const r = validateResource(resource, value, mode);
      if (!r.ok) for (const i of r.issues) expect([i.code, i.pointer.length < 200_000]).toEqual([i.code, true]);
    }
  });

  it("a recursion too deep to check is reported as too-deep at the root, not as valid", () => {
    const value = nest(100_000, (inner) => ({ type: "ARRAY", items: inner }), { type: "STRING" });
    expect(validateResource("Schema", value, "lenient")).toEqual({
      ok: false,
      issues: [expect.objectContaining({ pointer: "", code: "too-deep", spec: "Schema" })],
    });
  });

  it("normalize gives a value back for any depth: normalized, or the input unchanged when it is too deep to walk", () => {
    const value = deepFreeze(nest(100_000, (inner) => ({ any_of: [inner] }), { type: "STRING" }));
    expect(() => validators.Schema.normalize(value)).not.toThrow();
    expect(validators.Schema.normalize(value)).toBe(value);
    const shallow = { any_of: [{ type: "STRING" }] };
    expect(validators.Schema.normalize(shallow)).toEqual({ anyOf: [{ type: "STRING" }] });
  });
});
