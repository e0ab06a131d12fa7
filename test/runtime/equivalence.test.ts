// The invariant packages/runtime/src/validator.ts is built on: lenient mode only ever runs the strict validator, and calls a
// value lenient-valid when every strict error is an unknown field or an unknown enum value. That must give the same
// verdict as ajv's lenient validators (compiled at test time: test/support/ajv-oracle.ts), which accept
// those two things by construction; and the drift must be what they report. Checked on every
// real payload and every single mutation of it (mutations.ts), plus hand-made cases for each kind of error. One rule
// is the runtime's alone: a root object none of whose keys the resource knows is no instance (no-known-field), where
// ajv's validators see only unknown fields; such values are compared on that rule instead.
import { describe, expect, it } from "vitest";
import { normalizeResource } from "../../packages/runtime/src/normalize.ts";
import { validateResource } from "../../packages/runtime/src/validator.ts";
import { ajvOracle } from "../support/ajv-oracle.ts";
import { hasCorpus, hasResource, loadCorpus } from "./corpus-map.ts";
import { mutationsOf, setAt } from "./mutations.ts";

const oracle = await ajvOracle();
const LENIENT = oracle.validators.lenient;

type Outcome = "agree" | "not-comparable";

/**
 * Compares the runtime's lenient verdict on `value` with the lenient validator's on its normalized form (the
 * validators know only the spec's spelling). Values whose normalization found a duplicate field or an enum number
 * the spec lacks have no counterpart there: they are counted, not compared. For values that need no normalization
 * the drift is compared too. A no-known-field verdict is not compared (ajv's validators see unknown fields
 * there), but it must be the only issue, at the root.
 */
function compare(resource: string, value: unknown, disagreements: string[], where: string): Outcome {
  const normalized = normalizeResource(resource, value);
  if (normalized.conflicts.length > 0 || normalized.unknownEnumNumbers.size > 0) return "not-comparable";
  const runtime = validateResource(resource, value, "lenient");
  const reference = LENIENT[resource]!(normalized.value);
  if (!runtime.ok && runtime.issues.some((i) => i.code === "no-known-field")) {
    if (runtime.issues.length !== 1 || runtime.issues[0]!.pointer !== "")
      disagreements.push(`${where}: no-known-field beside other issues, or not at the root`);
    return "not-comparable";
  }
  if (runtime.ok !== reference) {
    disagreements.push(
      `${where}: runtime ${runtime.ok ? "valid" : `invalid (${runtime.issues.map((i) => `${i.pointer} ${i.code}`).join(", ")})`}, ajv ${reference ? "valid" : "invalid"}`,
    );
  } else if (runtime.ok && normalized.value === value) {
    const generated = oracle.run(resource, "lenient", value);
    const a = runtime.drift.map((d) => `${d.kind} ${d.path}`).sort();
    const b = generated.drift.map((d) => `${d.kind} ${d.path}`).sort();
    if (JSON.stringify(a) !== JSON.stringify(b))
      disagreements.push(`${where}: drift ${JSON.stringify(a)} vs ajv ${JSON.stringify(b)}`);
  }
  return "agree";
}

describe("runtime lenient verdict = ajv's lenient validator", () => {
  const CASES: [string, string, unknown][] = [
    [
      "clean",
      "GenerateContentResponse",
      { candidates: [{ content: { role: "model", parts: [{ text: "x" }] }, finishReason: "STOP" }] },
    ],
    ["unknown field", "GenerateContentResponse", { candidates: [{ later: 1 }] }],
    ["unknown enum value", "GenerateContentResponse", { candidates: [{ finishReason: "LATER" }] }],
    [
      "unknown enum value in an array",
      "GenerateContentResponse",
      { candidates: [{ safetyRatings: [{ category: "HARM_CATEGORY_NEW", probability: "LOW" }] }] },
    ],
    ["wrong type", "GenerateContentResponse", { candidates: [{ index: "0" }] }],
    ["enum of the wrong type", "GenerateContentResponse", { candidates: [{ finishReason: true }] }],
    ["oneof conflict", "Part", { text: "a", fileData: { fileUri: "gs://x" } }],
    ["missing required", "FunctionCall", { args: {} }],
    ["bad format", "File", { expirationTime: "yesterday" }],
    ["out of range", "Candidate", { index: -(2 ** 31) - 1 }],
    ["snake_case with drift", "GenerateContentResponse", { usage_metadata: { prompt_token_count: 1, later: 2 } }],
    [
      "Any detail with an unknown field",
      "ErrorResponse",
      {
        error: { code: 400, details: [{ "@type": "type.googleapis.com/google.rpc.ErrorInfo", reason: "R", later: 1 }] },
      },
    ],
    [
      "Any detail with a nested unknown field",
      "ErrorResponse",
      {
        error: {
          code: 400,
          details: [
            { "@type": "type.googleapis.com/google.rpc.BadRequest", fieldViolations: [{ field: "f", later: 1 }] },
          ],
        },
      },
    ],
    [
      "Any detail with a bad value",
      "ErrorResponse",
      { error: { code: 400, details: [{ "@type": "type.googleapis.com/google.rpc.RetryInfo", retryDelay: "soon" }] } },
    ],
    [
      "Any detail with an unknown type URL",
      "ErrorResponse",
      {
        error: {
          code: 400,
          details: [{ "@type": "type.googleapis.com/google.rpc.PreconditionFailure", violations: [] }],
        },
      },
    ],
    ["Any detail that is not an object", "ErrorResponse", { error: { code: 400, details: [7] } }],
    ["unknown status name", "ErrorResponse", { error: { code: 499, status: "CANCELLED_LATER" } }],
  ];

  it.each(CASES)("%s", (_name, resource, value) => {
    const disagreements: string[] = [];
    expect(compare(resource, value, disagreements, resource)).toBe("agree");
    expect(disagreements).toEqual([]);
  });

  it.skipIf(!hasCorpus)("on every corpus payload and every single mutation of it", () => {
    const disagreements: string[] = [];
    let compared = 0;
    let notComparable = 0;
    let payloads = 0;
    for (const payload of loadCorpus()) {
      for (const body of payload.bodies) {
        if (!hasResource(body.resource)) continue;
        payloads++;
        const candidates = [
          { what: "as recorded", value: body.value },
          {
            what: "with an unknown root field",
            value:
              body.value !== null && typeof body.value === "object" && !Array.isArray(body.value)
                ? setAt(body.value, ["zzLaterField"], () => ({ a: [1] }))
                : body.value,
          },
          ...mutationsOf(body.resource, body.value).map((m) => ({ what: `${m.kind} at ${m.pointer}`, value: m.value })),
        ];
        for (const { what, value } of candidates) {
          if (compare(body.resource, value, disagreements, `${payload.file}#${body.chunk} ${what}`) === "agree")
            compared++;
          else notComparable++;
        }
      }
    }
    console.info(
      `[equivalence] ${payloads} payloads, ${compared} values compared, ${notComparable} not comparable (duplicate field, unknown enum number, or no known field)`,
    );
    expect(disagreements).toEqual([]);
    expect(compared).toBeGreaterThan(20_000);
  });
});
