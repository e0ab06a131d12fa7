// What a value must be to count as an instance at all, and how the wire's looser forms are read (issue 11):
//   - no-known-field: a non-empty object none of whose keys the root resource knows (in any spelling) is one issue in
//     both modes — it is another resource or another API's body, not a response made only of drift. Nested objects of
//     unknown fields alone stay drift.
//   - side: one value where a list belongs is read as a list of one only in what users send; the API never answers
//     that way, so a response that does is invalid.
//   - null: the protobuf JSON mapping reads `null` as "not set" for any field (llm-gemini sends `"description": null`
//     and gets a 200): such fields are dropped in both modes, except where null is a value (google.protobuf.Value,
//     the free-form JSON of a Struct); a null element of a list or map is no field and stays invalid.
// Each row is [name, { given, want }].
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  aggregateGenerateContentStream,
  normalizeGenerateContentRequest,
  normalizeGenerateContentResponse,
  StreamError,
  validateApiResponse,
  validateResource,
  validators,
  type Issue,
  type Mode,
  type ValidationResult,
} from "../../packages/runtime/src/index.ts";
import { CORPUS_DIR, hasCorpus } from "./corpus-map.ts";
import { deepFreeze } from "./helpers.ts";

type Resource = keyof typeof validators;
type Side = "request" | "response";
const MODES = ["strict", "lenient"] as const;

const run = (resource: Resource, value: unknown, options?: { mode?: Mode; side?: Side }): ValidationResult<unknown> =>
  (validators[resource].validate as (v: unknown, o?: { mode?: Mode; side?: Side }) => ValidationResult<unknown>)(
    value,
    options,
  );
const brief = (r: ValidationResult<unknown>) => (r.ok ? ["ok"] : r.issues.map((i) => `${i.pointer} ${i.code}`));

// ---------------------------------------------------------------- no-known-field

interface Row {
  given: { resource: Resource; value: unknown; side?: Side };
  /** The result in each mode: "ok", or the issues as `pointer code`. */
  want: Record<Mode, string[]>;
}

const NO_KNOWN_FIELD_ROWS: [string, Row][] = [
  [
    "an object of unknown keys only, at the root: one issue in both modes (strict: instead of one unknown-field per key)",
    {
      given: { resource: "GenerateContentResponse", value: { id: "x", status: "completed", outputs: [] } },
      want: { strict: [" no-known-field"], lenient: [" no-known-field"] },
    },
  ],
  [
    "an error envelope validated as a success body",
    {
      given: { resource: "GenerateContentResponse", value: { error: { code: 400, message: "bad" } } },
      want: { strict: [" no-known-field"], lenient: [" no-known-field"] },
    },
  ],
  [
    "one known key among unknown ones: ordinary drift (lenient), unknown fields (strict)",
    {
      given: { resource: "GenerateContentResponse", value: { modelVersion: "m", id: "x" } },
      want: { strict: ["/id unknown-field"], lenient: ["ok"] },
    },
  ],
  [
    "a key known under its proto name counts as known",
    {
      given: { resource: "GenerateContentResponse", value: { model_version: "m", id: "x" } },
      want: { strict: ["/id unknown-field"], lenient: ["ok"] },
    },
  ],
  [
    "a key known as an alias counts as known",
    {
      given: { resource: "GenerationConfig", value: { _responseJsonSchema: { type: "object" }, later: 1 } },
      want: { strict: ["/later unknown-field"], lenient: ["ok"] },
    },
  ],
  [
    "a nested object of unknown keys only is drift (Vertex AI's citationMetadata.citations)",
    {
      given: {
        resource: "GenerateContentResponse",
        value: { candidates: [{ citationMetadata: { citations: [{ startIndex: 1, uri: "u" }] } }] },
      },
      want: { strict: ["/candidates/0/citationMetadata/citations unknown-field"], lenient: ["ok"] },
    },
  ],
  [
    "an empty object is no other resource",
    { given: { resource: "GenerateContentResponse", value: {} }, want: { strict: ["ok"], lenient: ["ok"] } },
  ],
  [
    "a wrong-typed value under unknown keys only is still one no-known-field issue",
    {
      given: { resource: "CountTokensRequest", value: { prompt: { text: 1 } } },
      want: { strict: [" no-known-field"], lenient: [" no-known-field"] },
    },
  ],
];

describe("no-known-field", () => {
  it.each(NO_KNOWN_FIELD_ROWS)("%s", (_name, { given, want }) => {
    for (const mode of MODES)
      expect([mode, brief(run(given.resource, given.value, { mode }))]).toEqual([mode, want[mode]]);
  });

  it("the issue names the resource and the first keys, and asks what the value is", () => {
    const result = run("GenerateContentResponse", { id: "x", status: "completed", usage: {}, steps: [] });
    expect(result).toEqual({
      ok: false,
      issues: [
        {
          pointer: "",
          code: "no-known-field",
          message:
            "none of the keys (id, status, usage…) is a field of GenerateContentResponse — is this another resource or API?",
          expected: "GenerateContentResponse object",
          received: "object (4 keys, none of them a field of GenerateContentResponse)",
          spec: "GenerateContentResponse",
        },
      ],
    });
  });

  it("validateResource and validateApiResponse (even under a 200) report it too", () => {
    const body = { id: "x", outputs: [] };
    expect(brief(validateResource("GenerateContentResponse", body, "lenient"))).toEqual([" no-known-field"]);
    expect(validateApiResponse("GenerateContentResponse", { error: { code: 400 } }, { httpStatus: 200 })).toMatchObject(
      { ok: false, kind: "success", issues: [{ code: "no-known-field" }] },
    );
  });

  it("a stream chunk that is no GenerateContentResponse ends the stream with the issue, at its chunk", async () => {
    const body = `data: {"candidates":[{"content":{"parts":[{"text":"a"}]}}]}\n\ndata: {"event_type":"content.delta","delta":{"text":"b"}}\n\n`;
    const error = await aggregateGenerateContentStream(body).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(StreamError);
    expect((error as StreamError).issues).toEqual([
      expect.objectContaining({ code: "no-known-field", pointer: "", chunk: 1 }),
    ]);
  });

  /** Every Interactions API payload of the corpus (its manifest note says so): each body, and each line of a chunk file. */
  const interactionBodies = (): [string, unknown][] => {
    const manifest = readFileSync(join(CORPUS_DIR, "manifest.jsonl"), "utf8")
      .split("\n")
      .filter((l) => l.trim());
    const out: [string, unknown][] = [];
    for (const entry of manifest.map((l) => JSON.parse(l) as { file: string; note?: string })) {
      if (!/Interactions API/.test(entry.note ?? "")) continue;
      const text = readFileSync(join(CORPUS_DIR, entry.file), "utf8");
      const values = entry.file.endsWith(".jsonl")
        ? text
            .split("\n")
            .filter((l) => l.trim())
            .map((l) => JSON.parse(l) as unknown)
        : [JSON.parse(text) as unknown];
      values.forEach((value, i) => out.push([`${entry.file}#${i}`, value]));
    }
    return out;
  };

  it.skipIf(!hasCorpus)(
    "every Interactions API payload of the corpus, validated as GenerateContentResponse, is no-known-field in both modes",
    () => {
      const bodies = interactionBodies();
      expect(bodies.length).toBeGreaterThan(10);
      const wrong = bodies.flatMap(([where, value]) =>
        MODES.flatMap((mode) => {
          const got = brief(validateResource("GenerateContentResponse", value, mode));
          return got.join() === " no-known-field" ? [] : [`${where} ${mode}: ${got.join(", ")}`];
        }),
      );
      expect(wrong).toEqual([]);
    },
  );
  if (!hasCorpus)
    it.skip("the corpus (../shared/fixtures/real) is absent: the Interactions API payloads are not checked", () => {});
});

// ---------------------------------------------------------------- side: one value where a list belongs

const SIDE_ROWS: [string, Row][] = [
  [
    "a request may give one value for a list: read as a list of one",
    {
      given: { resource: "GenerateContentRequest", value: { contents: { parts: { text: "hi" } } } },
      want: { strict: ["ok"], lenient: ["ok"] },
    },
  ],
  [
    "a response may not: invalid-type where the list belongs",
    {
      given: { resource: "GenerateContentResponse", value: { candidates: { index: 0 } } },
      want: { strict: ["/candidates invalid-type"], lenient: ["/candidates invalid-type"] },
    },
  ],
  [
    "nor deeper down in a response",
    {
      given: { resource: "GenerateContentResponse", value: { candidates: [{ content: { parts: { text: "x" } } }] } },
      want: {
        strict: ["/candidates/0/content/parts invalid-type"],
        lenient: ["/candidates/0/content/parts invalid-type"],
      },
    },
  ],
  [
    "a resource of both sides is read as sent by users by default",
    { given: { resource: "Content", value: { parts: { text: "x" } } }, want: { strict: ["ok"], lenient: ["ok"] } },
  ],
  [
    "side: response makes it a response",
    {
      given: { resource: "Content", value: { parts: { text: "x" } }, side: "response" },
      want: { strict: ["/parts invalid-type"], lenient: ["/parts invalid-type"] },
    },
  ],
  [
    "side: request makes a response-side resource a request",
    {
      given: { resource: "GenerateContentResponse", value: { candidates: { index: 0 } }, side: "request" },
      want: { strict: ["ok"], lenient: ["ok"] },
    },
  ],
];

describe("side: one value where a list belongs", () => {
  it.each(SIDE_ROWS)("%s", (_name, { given, want }) => {
    for (const mode of MODES)
      expect([mode, brief(run(given.resource, given.value, { mode, side: given.side }))]).toEqual([mode, want[mode]]);
  });

  it("the wrapped request is the normalized value; the response issue says what was expected", () => {
    expect(run("GenerateContentRequest", { contents: { parts: { text: "hi" } } })).toEqual({
      ok: true,
      value: { contents: [{ parts: [{ text: "hi" }] }] },
      drift: [],
    });
    expect(run("GenerateContentResponse", { candidates: {} })).toEqual({
      ok: false,
      issues: [
        expect.objectContaining({
          pointer: "/candidates",
          code: "invalid-type",
          expected: "array (items: Candidate object)",
          received: "object",
          spec: "GenerateContentResponse.candidates",
        }),
      ],
    });
  });

  it("assert, is and validateResource take the side too", () => {
    expect(() => validators.Content.assert({ parts: { text: "x" } }, { side: "response" })).toThrow(/invalid-type/);
    expect(validators.Content.assert({ parts: { text: "x" } })).toEqual({ parts: [{ text: "x" }] });
    expect(validators.Content.is({ parts: [{ text: "x" }] }, { side: "response" })).toBe(true);
    expect(brief(validateResource("Content", { parts: { text: "x" } }, "lenient", "response"))).toEqual([
      "/parts invalid-type",
    ]);
    expect(brief(validateResource("Content", { parts: { text: "x" } }, "lenient"))).toEqual(["ok"]);
  });

  it("validateApiResponse checks what the API sent: no single value for a list, even of a resource of both sides", () => {
    expect(validateApiResponse("GenerateContentResponse", { candidates: {} })).toMatchObject({
      ok: false,
      kind: "success",
      issues: [{ pointer: "/candidates", code: "invalid-type" }],
    });
    expect(validateApiResponse("Content", { parts: { text: "x" } })).toMatchObject({
      ok: false,
      kind: "success",
      issues: [{ pointer: "/parts", code: "invalid-type" }],
    });
    expect(validateApiResponse("Content", { parts: [{ text: "x" }] })).toMatchObject({ ok: true, kind: "success" });
  });

  it("normalize reads a value as of its resource's side: a response's single value stays as it is", () => {
    const response = deepFreeze({ candidates: { index: 0 } });
    expect(normalizeGenerateContentResponse(response)).toBe(response);
    expect(normalizeGenerateContentRequest(deepFreeze({ contents: { parts: [] } }))).toEqual({
      contents: [{ parts: [] }],
    });
  });
});

// ---------------------------------------------------------------- null: not set, unless it is a value

interface NullRow {
  given: { resource: Resource; value: unknown };
  /** Both modes: the normalized value, or the issues as `pointer code`. */
  want: { value: unknown } | { issues: string[] };
}

const NULL_ROWS: [string, NullRow][] = [
  [
    "a null field is dropped",
    {
      given: { resource: "GenerateContentRequest", value: { contents: [], systemInstruction: null } },
      want: { value: { contents: [] } },
    },
  ],
  [
    "a null list field is dropped",
    {
      given: { resource: "GenerateContentRequest", value: { contents: [], tools: null } },
      want: { value: { contents: [] } },
    },
  ],
  [
    "a null map field is dropped",
    { given: { resource: "Schema", value: { type: "OBJECT", properties: null } }, want: { value: { type: "OBJECT" } } },
  ],
  [
    "a null field under its proto name is dropped",
    {
      given: { resource: "GenerateContentRequest", value: { contents: [], system_instruction: null } },
      want: { value: { contents: [] } },
    },
  ],
  [
    "dropped deep inside, with the keys around it in order",
    {
      given: {
        resource: "GenerateContentRequest",
        value: {
          contents: [{ role: "user", parts: [{ text: "x", thought: null }] }],
          tools: [{ functionDeclarations: [{ name: "f", parameters: null, description: "d" }] }],
        },
      },
      want: {
        value: {
          contents: [{ role: "user", parts: [{ text: "x" }] }],
          tools: [{ functionDeclarations: [{ name: "f", description: "d" }] }],
        },
      },
    },
  ],
  [
    "a null beside the other spelling of the same field is no duplicate",
    {
      given: {
        resource: "GenerateContentRequest",
        value: { contents: [], generation_config: { temperature: 1 }, generationConfig: null },
      },
      want: { value: { contents: [], generationConfig: { temperature: 1 } } },
    },
  ],
  [
    "an issue beside a dropped null points at the key as written",
    {
      given: {
        resource: "GenerateContentRequest",
        value: { contents: [], generationConfig: null, generation_config: { temperature: "x" } },
      },
      want: { issues: ["/generation_config/temperature invalid-type"] },
    },
  ],
  [
    "in a response too",
    {
      given: {
        resource: "GenerateContentResponse",
        value: { candidates: [{ finishReason: null, index: 0 }], promptFeedback: null },
      },
      want: { value: { candidates: [{ index: 0 }] } },
    },
  ],
  [
    "kept in a Struct: function call arguments",
    {
      given: { resource: "FunctionCall", value: { name: "f", args: { x: null, y: [null] } } },
      want: { value: { name: "f", args: { x: null, y: [null] } } },
    },
  ],
  [
    "kept in a Struct: a function response",
    {
      given: { resource: "FunctionResponse", value: { name: "f", response: { result: null } } },
      want: { value: { name: "f", response: { result: null } } },
    },
  ],
  [
    "kept where the field is a google.protobuf.Value",
    {
      given: { resource: "GenerationConfig", value: { responseJsonSchema: null } },
      want: { value: { responseJsonSchema: null } },
    },
  ],
  [
    "a null element of a list of messages stays invalid",
    {
      given: { resource: "GenerateContentRequest", value: { contents: [null] } },
      want: { issues: ["/contents/0 invalid-type"] },
    },
  ],
  [
    "a null value of a map of messages stays invalid",
    {
      given: { resource: "Schema", value: { type: "OBJECT", properties: { a: null } } },
      want: { issues: ["/properties/a invalid-type"] },
    },
  ],
  [
    "null as the whole value stays invalid",
    { given: { resource: "GenerateContentRequest", value: null }, want: { issues: [" invalid-type"] } },
  ],
];

describe("null reads as not set", () => {
  it.each(NULL_ROWS)("%s", (_name, { given, want }) => {
    const value = deepFreeze(given.value);
    for (const mode of MODES) {
      const result = run(given.resource, value, { mode });
      if ("value" in want) expect([mode, result]).toEqual([mode, { ok: true, value: want.value, drift: [] }]);
      else expect([mode, brief(result)]).toEqual([mode, want.issues]);
    }
  });

  it("a value with a null to drop validates, but is not valid as it is (is() is false, normalize drops it)", () => {
    const value = deepFreeze({ contents: [], systemInstruction: null });
    expect(validators.GenerateContentRequest.is(value)).toBe(false);
    expect(validators.GenerateContentRequest.assert(value)).toEqual({ contents: [] });
    expect(normalizeGenerateContentRequest(value)).toEqual({ contents: [] });
  });

  it("where null is a value, the value is valid as it is: the very same object", () => {
    const value = deepFreeze({ name: "f", args: { x: null } });
    expect(validators.FunctionCall.is(value)).toBe(true);
    expect(validators.FunctionCall.normalize(value)).toBe(value);
  });

  it.skipIf(!hasCorpus)('llm-gemini\'s request with `"description": null` (answered 200) is strictly valid', () => {
    const file = "request/llm-gemini-test_tools-i0.json";
    const value = JSON.parse(readFileSync(join(CORPUS_DIR, file), "utf8")) as {
      tools: { functionDeclarations: Record<string, unknown>[] }[];
    };
    expect(value.tools[0]!.functionDeclarations[0]!["description"]).toBeNull();
    // Whether a declaration needs a description at all is the spec's to say (js-genai sends none and gets a 200):
    // while its schema still requires one, that requirement is the only issue left once the null is read as unset.
    const schema = JSON.parse(
      readFileSync(
        new URL("../../packages/runtime/generated/schemas/FunctionDeclaration.json", import.meta.url),
        "utf8",
      ),
    ) as { required?: string[] };
    const want = schema.required?.includes("description")
      ? ["/tools/0/functionDeclarations/0/description missing-required"]
      : "ok";
    const result = validateResource("GenerateContentRequest", value, "strict");
    expect([file, result.ok ? "ok" : result.issues.map((i: Issue) => `${i.pointer} ${i.code}`)]).toEqual([file, want]);
    if (!result.ok) return;
    expect((result.value as typeof value).tools[0]!.functionDeclarations[0]).not.toHaveProperty("description");
  });
});
