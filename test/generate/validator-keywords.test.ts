// The validator schemas' own keywords as the ajv oracle defines them (test/support/ajv-keywords.ts), held to the
// library's copy of the bytes check, and the schemas they are built from.
import { describe, expect, it } from "vitest";
import { randomBytes } from "node:crypto";
import fc from "fast-check";
import { BASE64_PATTERN } from "../../packages/tools/src/generate/wire-formats.ts";
import { BASE64, FULL_CHECK_LIMIT as LIBRARY_LIMIT, isBase64Bytes } from "../../packages/runtime/src/bytes.ts";
import { BYTES, DRIFT } from "@gemini-typekit/runtime/vocabulary";
import { FULL_CHECK_LIMIT, validatorAjv, type AjvDriftRecord } from "../support/ajv-keywords.ts";

/** Where spot-check window k of a long value starts (8 windows of 32 characters, both ends included). */
const windowAt = (n: number, k: number) => Math.floor(((n - 32) * k) / 7);

const bytes = validatorAjv().compile({ type: "string", [BYTES]: true });
const long = randomBytes(3 * 4096).toString("base64"); // 16 KiB of base64
const at = (s: string, i: number, c: string) => s.slice(0, i) + c + s.slice(i + 1);

const byteRows: [string, { given: string; want: boolean }][] = [
  ["empty", { given: "", want: true }],
  ["short, standard alphabet, padded", { given: "aGVsbG8=", want: true }],
  ["short, URL-safe alphabet", { given: "-_-_", want: true }],
  ["short, a space", { given: "not base64!", want: false }],
  ["short, padding in the middle", { given: "aGV=sbG8", want: false }],
  [
    "just at the full-check limit, one bad character in the middle",
    { given: at("A".repeat(FULL_CHECK_LIMIT), FULL_CHECK_LIMIT / 2, "!"), want: false },
  ],
  ["long and valid", { given: long, want: true }],
  ["long, corrupt first character", { given: at(long, 0, "!"), want: false }],
  ["long, corrupt last character", { given: at(long, long.length - 1, "*"), want: false }],
  ["long, corrupt inside a sampled window", { given: at(long, windowAt(long.length, 3) + 10, " "), want: false }],
  ["long, a length no base64 has", { given: `${long}A`, want: false }],
  [
    "text that is not base64 at all",
    { given: "The quick brown fox jumps over the lazy dog. ".repeat(20), want: false },
  ],
  // Documented limit: beyond 256 characters only the windows are read, so a character between them passes.
  [
    "long, corrupt between sampled windows (spot check)",
    { given: at(long, windowAt(long.length, 3) + 600, " "), want: true },
  ],
];

describe(`${BYTES}`, () => {
  it.each(byteRows)("%s", (_name, { given, want }) => {
    expect(bytes(given)).toBe(want);
  });
});

// The library's check (fast path and reference checker) and the oracle's keyword are two copies of one rule.
describe("the library's base64 check (packages/runtime/src/bytes.ts)", () => {
  it.each(byteRows)("%s", (_name, { given, want }) => {
    expect(isBase64Bytes(given)).toBe(want);
  });

  it("agrees with the ajv keyword on random strings of every length around the limits", () => {
    const alphabet = fc.constantFrom(..."ABCabc019+/-_= !*\n".split(""));
    fc.assert(
      fc.property(fc.string({ unit: alphabet, maxLength: 600 }), (s) => {
        expect(isBase64Bytes(s)).toBe(bytes(s));
      }),
      { numRuns: 3000 },
    );
  });

  it("has the published schemas' pattern and the keyword's limit", () => {
    expect(LIBRARY_LIMIT).toBe(FULL_CHECK_LIMIT);
    expect(BASE64.source).toBe(BASE64_PATTERN);
  });
});

describe(`${DRIFT}`, () => {
  // Records name the schema they come from by its $id's file name; this one has no $id.
  const records: AjvDriftRecord[] = [];
  const lenient = validatorAjv({}, records).compile({
    type: "object",
    properties: {
      kind: { type: "string", [DRIFT]: ["A", "B"] },
      enum: { type: "array", items: { type: "string" } },
    },
    additionalProperties: { [DRIFT]: "unknown-field" },
  });
  const rows: [string, { given: unknown; valid: boolean; sink: unknown[] }][] = [
    ["known values record nothing", { given: { kind: "A", enum: ["x"] }, valid: true, sink: [] }],
    [
      "an unknown enum value is recorded, not rejected",
      {
        given: { kind: "C" },
        valid: true,
        sink: [{ kind: "unknown-enum-value", path: "/kind", value: "C", owner: "" }],
      },
    ],
    [
      "an unknown field is recorded with its value",
      {
        given: { extra: { deep: 1 } },
        valid: true,
        sink: [{ kind: "unknown-field", path: "/extra", value: { deep: 1 }, owner: "" }],
      },
    ],
    ["a wrong type is still an error", { given: { kind: 3, enum: [1] }, valid: false, sink: [] }],
  ];
  it.each(rows)("%s", (_name, { given, valid, sink }) => {
    records.length = 0;
    expect(lenient(given)).toBe(valid);
    expect(records).toEqual(sink);
  });
});
