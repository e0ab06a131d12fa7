// The validation API as users call it (packages/runtime/src/index.ts): results, issues, modes, normalization of snake_case keys
// and integer enums, is/assert/normalize and the Standard Schema face. Each row is [name, { given, want }].
import { describe, expect, it } from "vitest";
import { METHODS } from "../../packages/runtime/generated/types.ts";
import {
  ValidationError,
  assertCountTokensRequest,
  assertGenerateContentRequest,
  assertGenerateContentResponse,
  defaultMode,
  formatIssue,
  isGenerateContentRequest,
  isGenerateContentResponse,
  isPart,
  normalizeGenerateContentRequest,
  normalizeGenerateContentResponse,
  validateCountTokensRequest,
  validateGenerateContentRequest,
  validateGenerateContentResponse,
  validateResource,
  validators,
  type Issue,
  type IssueCode,
  type Mode,
  type ValidationResult,
} from "../../packages/runtime/src/index.ts";
import { deepFreeze, nest, wholeModel } from "./helpers.ts";

/** Every resource and enum (all of them included in the runtime's lookups, which these tests call directly). */
const MODEL = wholeModel();

type Resource = keyof typeof validators;
const run = (resource: Resource, value: unknown, mode?: Mode): ValidationResult<unknown> =>
  (validators[resource].validate as (v: unknown, o?: { mode?: Mode }) => ValidationResult<unknown>)(
    value,
    mode ? { mode } : undefined,
  );

const issues = (r: ValidationResult<unknown>): Issue[] => (r.ok ? [] : r.issues);

// ---------------------------------------------------------------- every issue code and its fields

/** Where each code comes from: a test below must produce every "validator" code. */
const CODE_SOURCES = {
  "invalid-type": "validator",
  "missing-required": "validator",
  "unknown-field": "validator",
  "no-known-field": "validator",
  "unknown-enum-value": "validator",
  "invalid-format": "validator",
  "oneof-conflict": "validator",
  "duplicate-field": "validator",
  "out-of-range": "validator",
  "invalid-value": "validator",
  "too-deep": "validator",
  "invalid-json": "stream",
  truncated: "stream",
  "stream-framing": "stream",
  "stream-consistency": "stream",
  "api-error": "stream",
} as const satisfies Record<IssueCode, "validator" | "stream">;

interface IssueRow {
  given: { resource: Resource; value: unknown; mode?: Mode };
  /** The one issue expected; `message` is matched as a pattern (wording may change, codes and fields may not). */
  want: Omit<Issue, "message"> & { message: RegExp };
}

const ISSUE_ROWS: [string, IssueRow][] = [
  [
    "invalid-type: a string where a number belongs",
    {
      given: { resource: "GenerationConfig", value: { temperature: "hot" } },
      want: {
        pointer: "/temperature",
        code: "invalid-type",
        message: /"hot".*number/,
        expected: "number",
        received: 'string "hot"',
        spec: "GenerationConfig.temperature",
      },
    },
  ],
  [
    "invalid-type: an object where a string belongs",
    {
      given: {
        resource: "GenerateContentResponse",
        value: { candidates: [{ content: { parts: [{ text: { t: 1 } }] } }] },
      },
      want: {
        pointer: "/candidates/0/content/parts/0/text",
        code: "invalid-type",
        message: /object.*string/,
        expected: "string",
        received: "object",
        spec: "Part.text",
      },
    },
  ],
  [
    // A null field is unset (semantics.test.ts); a null element of a list is no field, and stays wrong.
    "invalid-type: null as an element of a list",
    {
      given: { resource: "GenerationConfig", value: { stopSequences: ["a", null] } },
      want: {
        pointer: "/stopSequences/1",
        code: "invalid-type",
        message: /null/,
        expected: "string",
        received: "null",
        spec: "GenerationConfig.stopSequences",
      },
    },
  ],
  [
    "invalid-type: a single value for a repeated field is read as a list of one, and checked as an element",
    {
      given: { resource: "GenerationConfig", value: { stopSequences: 5 } },
      want: {
        pointer: "/stopSequences",
        code: "invalid-type",
        message: /number 5/,
        expected: "string",
        received: "number 5",
        spec: "GenerationConfig.stopSequences",
      },
    },
  ],
  [
    "invalid-type: one value where a list belongs, in a response (only what users send may do that)",
    {
      given: { resource: "GenerateContentResponse", value: { candidates: { index: 0 } } },
      want: {
        pointer: "/candidates",
        code: "invalid-type",
        message: /object/,
        expected: "array (items: Candidate object)",
        received: "object",
        spec: "GenerateContentResponse.candidates",
      },
    },
  ],
  [
    "no-known-field: an object none of whose keys the resource knows (here an Interactions API body)",
    {
      given: {
        resource: "GenerateContentResponse",
        value: { id: "v1_abc", status: "completed", outputs: [{ type: "text", text: "hi" }], usage: {} },
      },
      want: {
        pointer: "",
        code: "no-known-field",
        message:
          /none of the keys \(id, status, outputs…\) is a field of GenerateContentResponse — is this another resource or API\?/,
        expected: "GenerateContentResponse object",
        received: "object (4 keys, none of them a field of GenerateContentResponse)",
        spec: "GenerateContentResponse",
      },
    },
  ],
  [
    "invalid-type: the root itself",
    {
      given: { resource: "GenerateContentRequest", value: null },
      want: {
        pointer: "",
        code: "invalid-type",
        message: /null/,
        expected: "GenerateContentRequest object",
        received: "null",
        spec: "GenerateContentRequest",
      },
    },
  ],
  [
    "missing-required: the pointer names the missing field",
    {
      given: { resource: "GenerateContentRequest", value: {} },
      want: {
        pointer: "/contents",
        code: "missing-required",
        message: /`contents`/,
        expected: "array (items: Content object)",
        spec: "GenerateContentRequest.contents",
      },
    },
  ],
  [
    "missing-required: inside an array element",
    {
      given: {
        resource: "GenerateContentResponse",
        value: { candidates: [{ content: { parts: [{ functionCall: { args: {} } }] } }] },
      },
      want: {
        pointer: "/candidates/0/content/parts/0/functionCall/name",
        code: "missing-required",
        message: /`name`/,
        expected: "string",
        spec: "FunctionCall.name",
      },
    },
  ],
  [
    "unknown-field (strict): spec names the resource that lacks it",
    {
      given: { resource: "GenerateContentResponse", value: { candidates: [{ sparkle: 1 }] }, mode: "strict" },
      want: {
        pointer: "/candidates/0/sparkle",
        code: "unknown-field",
        message: /`sparkle`.*Candidate/,
        spec: "Candidate",
      },
    },
  ],
  [
    "unknown-enum-value (strict): a name the enum does not have",
    {
      given: {
        resource: "GenerateContentResponse",
        value: { candidates: [{ finishReason: "SOMETHING_NEW" }] },
        mode: "strict",
      },
      want: {
        pointer: "/candidates/0/finishReason",
        code: "unknown-enum-value",
        message: /"SOMETHING_NEW".*FinishReason/,
        expected: `one of the ${MODEL.enums["FinishReason"]!.values.length} FinishReason values`,
        received: 'string "SOMETHING_NEW"',
        spec: "Candidate.finishReason",
      },
    },
  ],
  [
    "unknown-enum-value (strict): a number no enum value has",
    {
      given: { resource: "GenerateContentResponse", value: { candidates: [{ finishReason: 999 }] }, mode: "strict" },
      want: {
        pointer: "/candidates/0/finishReason",
        code: "unknown-enum-value",
        message: /999.*FinishReason/,
        expected: "a FinishReason value (name or proto number)",
        received: "number 999",
        spec: "Candidate.finishReason",
      },
    },
  ],
  [
    "unknown-enum-value: a request-side resource is strict by default, down to its nested enums",
    {
      given: {
        resource: "CountTokensRequest",
        value: {
          generateContentRequest: {
            contents: [],
            safetySettings: [{ category: "HARM_CATEGORY_HATE_SPEECH", threshold: "BLOCK_SOMETIMES" }],
          },
        },
      },
      want: {
        pointer: "/generateContentRequest/safetySettings/0/threshold",
        code: "unknown-enum-value",
        message: /"BLOCK_SOMETIMES"/,
        expected: `one of the ${MODEL.enums["HarmBlockThreshold"]!.values.length} HarmBlockThreshold values`,
        received: 'string "BLOCK_SOMETIMES"',
        spec: "SafetySetting.threshold",
      },
    },
  ],
  [
    "invalid-format: int64 as a decimal string",
    {
      given: { resource: "File", value: { sizeBytes: "12a" } },
      want: {
        pointer: "/sizeBytes",
        code: "invalid-format",
        message: /"12a".*int64/,
        expected: "string (int64 as a decimal string)",
        received: 'string "12a"',
        spec: "File.sizeBytes",
      },
    },
  ],
  [
    "invalid-format: timestamp",
    {
      given: { resource: "File", value: { createTime: "2024-13-01T00:00:00Z" } },
      want: {
        pointer: "/createTime",
        code: "invalid-format",
        message: /2024-13-01/,
        expected: "string (RFC 3339 timestamp, up to 9 fractional digits)",
        received: 'string "2024-13-01T00:00:00Z"',
        spec: "File.createTime",
      },
    },
  ],
  [
    "invalid-format: duration",
    {
      given: { resource: "VideoMetadata", value: { startOffset: "5 seconds" } },
      want: {
        pointer: "/startOffset",
        code: "invalid-format",
        message: /"5 seconds"/,
        expected: 'string (duration in seconds such as "3.5s")',
        received: 'string "5 seconds"',
        spec: "VideoMetadata.startOffset",
      },
    },
  ],
  [
    "invalid-format: base64 bytes",
    {
      given: { resource: "Part", value: { inlineData: { mimeType: "image/png", data: "not base64!" } } },
      want: {
        pointer: "/inlineData/data",
        code: "invalid-format",
        message: /"not base64!"/,
        expected: "string (base64 bytes)",
        received: 'string "not base64!"',
        spec: "Blob.data",
      },
    },
  ],
  [
    "oneof-conflict: blames the later member and names the oneof",
    {
      given: { resource: "Part", value: { text: "a", inlineData: { mimeType: "image/png", data: "AA==" } } },
      want: {
        pointer: "/inlineData",
        code: "oneof-conflict",
        message: /`text` and `inlineData`.*Part\.data/,
        spec: "Part.data",
      },
    },
  ],
  [
    "duplicate-field: both spellings of one field",
    {
      given: {
        resource: "GenerateContentRequest",
        value: { contents: [], generation_config: {}, generationConfig: {} },
      },
      want: {
        pointer: "/generation_config",
        code: "duplicate-field",
        message: /`generation_config` and `generationConfig`/,
        spec: "GenerateContentRequest.generationConfig",
      },
    },
  ],
  [
    "out-of-range: int32 bounds",
    {
      given: { resource: "Candidate", value: { index: 2 ** 31 } },
      want: {
        pointer: "/index",
        code: "out-of-range",
        message: /2147483648.*int32/,
        expected: "integer (int32)",
        received: "number 2147483648",
        spec: "Candidate.index",
      },
    },
  ],
  [
    "invalid-value: a packed message's @type is not its own",
    {
      given: { resource: "ErrorInfo", value: { "@type": "type.googleapis.com/google.rpc.Help", reason: "X" } },
      want: {
        pointer: "/@type",
        code: "invalid-value",
        message: /google\.rpc\.Help/,
        received: 'string "type.googleapis.com/google.rpc.Help"',
        spec: "ErrorInfo",
      },
    },
  ],
  [
    "too-deep: nesting beyond the call stack is an issue, not a crash",
    {
      given: {
        resource: "Schema",
        value: nest(100_000, (inner) => ({ type: "ARRAY", items: inner }), { type: "STRING" }),
      },
      want: { pointer: "", code: "too-deep", message: /nested too deeply/, spec: "Schema" },
    },
  ],
];

describe("issues: one row per code, every field checked", () => {
  it.each(ISSUE_ROWS)("%s", (_name, { given, want }) => {
    const result = run(given.resource, given.value, given.mode);
    expect(result.ok).toBe(false);
    expect(issues(result)).toEqual([{ ...want, message: expect.stringMatching(want.message) }]);
  });

  it("every code the validator can produce has a row", () => {
    const produced = new Set(ISSUE_ROWS.map(([, row]) => row.want.code));
    const validatorCodes = Object.entries(CODE_SOURCES)
      .filter(([, source]) => source === "validator")
      .map(([code]) => code);
    expect([...produced].sort()).toEqual(validatorCodes.sort());
  });

  it("reports every issue at once, in a stable order, each located", () => {
    const result = run("GenerateContentRequest", {
      contents: [{ parts: [{ text: 1 }, { inlineData: { mimeType: "x", data: "??" } }] }],
      generationConfig: { temperature: "x", topK: 1.5 },
    });
    expect(issues(result).map((i) => [i.pointer, i.code])).toEqual([
      ["/contents/0/parts/0/text", "invalid-type"],
      ["/contents/0/parts/1/inlineData/data", "invalid-format"],
      ["/generationConfig/temperature", "invalid-type"],
      ["/generationConfig/topK", "invalid-type"],
    ]);
  });

  it("an enum value of the wrong type is one issue, not two", () => {
    expect(issues(run("GenerateContentResponse", { candidates: [{ finishReason: true }] }, "strict"))).toEqual([
      expect.objectContaining({
        pointer: "/candidates/0/finishReason",
        code: "invalid-type",
        expected: "string (a FinishReason value)",
        received: "boolean true",
      }),
    ]);
  });

  it("formatIssue puts pointer, code, message, spec, expected and received on one line", () => {
    const [issue] = issues(run("File", { sizeBytes: "12a" }));
    expect(formatIssue(issue!)).toBe(
      `  /sizeBytes: invalid-format — ${issue!.message} (File.sizeBytes; expected string (int64 as a decimal string); received string "12a")`,
    );
  });
});

// ---------------------------------------------------------------- ok, drift, modes

const RESULT_ROWS: [
  string,
  { given: { resource: Resource; value: unknown; mode?: Mode }; want: ValidationResult<unknown> },
][] = [
  [
    "a clean request: ok, no drift",
    {
      given: { resource: "GenerateContentRequest", value: { contents: [{ role: "user", parts: [{ text: "hi" }] }] } },
      want: { ok: true, value: { contents: [{ role: "user", parts: [{ text: "hi" }] }] }, drift: [] },
    },
  ],
  [
    "a response with an unknown field and an unknown enum value: ok with drift (lenient default)",
    {
      given: {
        resource: "GenerateContentResponse",
        value: { candidates: [{ finishReason: "NEW_REASON", sparkle: { a: 1 } }], modelVersion: "m" },
      },
      want: {
        ok: true,
        value: { candidates: [{ finishReason: "NEW_REASON", sparkle: { a: 1 } }], modelVersion: "m" },
        drift: [
          { path: "/candidates/0/sparkle", kind: "unknown-field", value: { a: 1 }, spec: "Candidate" },
          {
            path: "/candidates/0/finishReason",
            kind: "unknown-enum-value",
            value: "NEW_REASON",
            spec: "Candidate.finishReason",
          },
        ],
      },
    },
  ],
  [
    "a request-side resource with an unknown field in lenient mode: ok with drift",
    {
      given: { resource: "CountTokensRequest", value: { contents: [], futureKnob: true }, mode: "lenient" },
      want: {
        ok: true,
        value: { contents: [], futureKnob: true },
        drift: [{ path: "/futureKnob", kind: "unknown-field", value: true, spec: "CountTokensRequest" }],
      },
    },
  ],
  [
    "a request-side resource with an unknown field by default (strict): an issue",
    {
      given: { resource: "CountTokensRequest", value: { contents: [], futureKnob: true } },
      want: {
        ok: false,
        issues: [
          {
            pointer: "/futureKnob",
            code: "unknown-field",
            message: "`futureKnob` is not a field of CountTokensRequest",
            spec: "CountTokensRequest",
          },
        ],
      },
    },
  ],
  [
    "GenerateContentRequest is a request body (though batches return it too): strict by default",
    {
      given: { resource: "GenerateContentRequest", value: { contents: [], futureKnob: true } },
      want: {
        ok: false,
        issues: [
          {
            pointer: "/futureKnob",
            code: "unknown-field",
            message: "`futureKnob` is not a field of GenerateContentRequest",
            spec: "GenerateContentRequest",
          },
        ],
      },
    },
  ],
  [
    "drift inside a snake_case subtree points at the keys as given",
    {
      given: {
        resource: "GenerateContentResponse",
        value: {
          candidates: [
            {
              finish_reason: "NEW",
              content: { parts: [{ inline_data: { mime_type: "a/b", data: "AA==", extra: 1 } }] },
            },
          ],
        },
      },
      want: {
        ok: true,
        value: {
          candidates: [
            { finishReason: "NEW", content: { parts: [{ inlineData: { mimeType: "a/b", data: "AA==", extra: 1 } }] } },
          ],
        },
        drift: [
          { path: "/candidates/0/content/parts/0/inline_data/extra", kind: "unknown-field", value: 1, spec: "Blob" },
          {
            path: "/candidates/0/finish_reason",
            kind: "unknown-enum-value",
            value: "NEW",
            spec: "Candidate.finishReason",
          },
        ],
      },
    },
  ],
  [
    "an unknown field holding anything, even an invalid-looking value, is drift: its contents are not checked",
    {
      given: { resource: "Candidate", value: { index: 0, nextGen: { finishReason: 12.5, text: 1 } } },
      want: {
        ok: true,
        value: { index: 0, nextGen: { finishReason: 12.5, text: 1 } },
        drift: [{ path: "/nextGen", kind: "unknown-field", value: { finishReason: 12.5, text: 1 }, spec: "Candidate" }],
      },
    },
  ],
];

describe("results and modes", () => {
  it.each(RESULT_ROWS)("%s", (_name, { given, want }) => {
    expect(run(given.resource, given.value, given.mode)).toEqual(want);
  });

  it("a valid value comes back as the very same object", () => {
    const value = { candidates: [{ content: { role: "model", parts: [{ text: "x" }] } }] };
    const result = validateGenerateContentResponse(value);
    expect(result.ok && result.value).toBe(value);
  });

  it("the default mode is strict exactly for method request bodies and request-side resources, for every resource", () => {
    const bodies = new Set(Object.values(METHODS).flatMap((m) => (m.request ? [m.request as string] : [])));
    const wrong = Object.entries(validators)
      .map(([name, v]) => [name, v.defaultMode, defaultMode(name), MODEL.resources[name]?.side] as const)
      .filter(
        ([name, mode, fn, side]) =>
          mode !== fn || mode !== (bodies.has(name) || side === "request" ? "strict" : "lenient"),
      );
    expect(wrong).toEqual([]);
    expect(Object.keys(validators).sort()).toEqual(Object.keys(MODEL.resources).sort());
  });

  it.each([
    ["CountTokensRequest", "request", "strict"],
    ["GenerateContentRequest", "both", "strict"],
    ["CachedContent", "both", "strict"],
    ["GenerateContentResponse", "response", "lenient"],
    ["Part", "both", "lenient"],
    ["Content", "both", "lenient"],
  ] as const)("%s (%s side) defaults to %s, and an explicit mode wins", (name, side, mode) => {
    expect(MODEL.resources[name]!.side).toBe(side);
    expect(validators[name].defaultMode).toBe(mode);
    // One known field beside the unknown one: an object of unknown fields only is no instance at all (no-known-field).
    const known = {
      CountTokensRequest: { contents: [] },
      GenerateContentRequest: { contents: [] },
      CachedContent: { model: "models/m" },
      GenerateContentResponse: { modelVersion: "m" },
      Part: { text: "x" },
      Content: { role: "user" },
    }[name];
    const withUnknown = { ...known, unknownThing: 1 };
    expect(run(name, withUnknown).ok).toBe(mode === "lenient");
    expect(run(name, withUnknown, "strict").ok).toBe(false);
    expect(run(name, withUnknown, "lenient").ok).toBe(true);
  });

  it("lenient mode still rejects what is wrong, not merely unknown", () => {
    for (const value of [
      { candidates: [{ index: "0" }] },
      { candidates: "x" },
      { usageMetadata: { totalTokenCount: -1.5 } },
    ]) {
      expect([value, run("GenerateContentResponse", value, "lenient").ok]).toEqual([value, false]);
    }
  });

  it("an unknown resource name is a programming error, not an issue", () => {
    expect(() => validateResource("NoSuchThing", {})).toThrow(TypeError);
    expect(() => validateResource("toString", {})).toThrow(TypeError);
  });
});

// ---------------------------------------------------------------- snake_case keys

describe("snake_case keys (proto names) are accepted and normalized", () => {
  const snakeRequest = {
    contents: [
      {
        role: "user",
        parts: [{ text: "describe" }, { inline_data: { mime_type: "image/png", data: "iVBORw0KGgo=" } }],
      },
    ],
    system_instruction: { parts: [{ text: "be brief" }] },
    generation_config: { response_mime_type: "application/json", max_output_tokens: 20 },
    tools: [
      {
        function_declarations: [
          { name: "f", description: "d", parameters: { type: "OBJECT", property_ordering: ["a"] } },
        ],
      },
    ],
  };
  const camelRequest = {
    contents: [
      { role: "user", parts: [{ text: "describe" }, { inlineData: { mimeType: "image/png", data: "iVBORw0KGgo=" } }] },
    ],
    systemInstruction: { parts: [{ text: "be brief" }] },
    generationConfig: { responseMimeType: "application/json", maxOutputTokens: 20 },
    tools: [
      {
        functionDeclarations: [
          { name: "f", description: "d", parameters: { type: "OBJECT", propertyOrdering: ["a"] } },
        ],
      },
    ],
  };

  it("validates (strict, the request default) and returns the camelCase value", () => {
    expect(validateGenerateContentRequest(snakeRequest)).toEqual({ ok: true, value: camelRequest, drift: [] });
    expect(normalizeGenerateContentRequest(snakeRequest)).toEqual(camelRequest);
  });

  const ROWS: [string, { given: unknown; want: [string, IssueCode, string][] }][] = [
    [
      "issues point at the keys as the input spelled them",
      {
        given: {
          contents: [{ parts: [{ inline_data: { mime_type: 7, data: "AA==" } }] }],
          system_instruction: { parts: [{ text: 1 }] },
          generation_config: { response_mime_type: false },
          tools: [
            {
              function_declarations: [
                { name: "f", description: "d", parameters: { type: "OBJECT", property_ordering: ["a", 2] } },
              ],
            },
          ],
        },
        want: [
          ["/contents/0/parts/0/inline_data/mime_type", "invalid-type", "Blob.mimeType"],
          ["/generation_config/response_mime_type", "invalid-type", "GenerationConfig.responseMimeType"],
          ["/system_instruction/parts/0/text", "invalid-type", "Part.text"],
          [
            "/tools/0/function_declarations/0/parameters/property_ordering/1",
            "invalid-type",
            "Schema.propertyOrdering",
          ],
        ],
      },
    ],
    [
      "a missing required field under a snake_case key",
      {
        given: { contents: [], tools: [{ function_declarations: [{ description: "d" }] }] },
        want: [["/tools/0/function_declarations/0/name", "missing-required", "FunctionDeclaration.name"]],
      },
    ],
    [
      "mixed spellings in one object are fine; the same field twice is a duplicate-field",
      {
        given: {
          contents: [{ parts: [{ inline_data: { mime_type: "a/b", mimeType: "a/b", data: "AA==" } }] }],
          systemInstruction: { parts: [] },
        },
        want: [["/contents/0/parts/0/inline_data/mime_type", "duplicate-field", "Blob.mimeType"]],
      },
    ],
    [
      "oneof members spelled in snake_case still conflict",
      {
        given: { contents: [{ parts: [{ text: "a", file_data: { file_uri: "gs://b/o" } }] }] },
        want: [["/contents/0/parts/0/file_data", "oneof-conflict", "Part.data"]],
      },
    ],
  ];

  it.each(ROWS)("%s", (_name, { given, want }) => {
    expect(issues(validateGenerateContentRequest(given)).map((i) => [i.pointer, i.code, i.spec])).toEqual(want);
  });

  it("both spellings set is a duplicate even when the values agree, in both modes", () => {
    for (const mode of ["strict", "lenient"] as const) {
      const result = validateGenerateContentResponse(
        { usage_metadata: { totalTokenCount: 1 }, usageMetadata: { totalTokenCount: 1 } },
        { mode },
      );
      expect(issues(result)).toEqual([
        {
          pointer: "/usage_metadata",
          code: "duplicate-field",
          message: "`usage_metadata` and `usageMetadata` name the same field; set only one of them",
          spec: "GenerateContentResponse.usageMetadata",
        },
      ]);
    }
  });

  it("a camelCase key that is not a field is not renamed (only proto names are)", () => {
    const result = validateGenerateContentResponse({ candidates: [{ FinishReason: "STOP" }] });
    expect(result).toEqual({
      ok: true,
      value: { candidates: [{ FinishReason: "STOP" }] },
      drift: [{ path: "/candidates/0/FinishReason", kind: "unknown-field", value: "STOP", spec: "Candidate" }],
    });
  });
});

// ---------------------------------------------------------------- integer-encoded enums

describe("integer-encoded enums ($alt=json;enum-encoding=int) are decoded", () => {
  const ROWS: [string, { given: { value: unknown; mode?: Mode }; want: ValidationResult<unknown> }][] = [
    [
      "finishReason 1 → STOP",
      {
        given: { value: { candidates: [{ finishReason: 1 }] } },
        want: { ok: true, value: { candidates: [{ finishReason: "STOP" }] }, drift: [] },
      },
    ],
    [
      "safety ratings: category and probability",
      {
        given: {
          value: {
            candidates: [
              {
                safetyRatings: [
                  { category: 8, probability: 1 },
                  { category: 10, probability: 4, blocked: true },
                ],
              },
            ],
          },
        },
        want: {
          ok: true,
          value: {
            candidates: [
              {
                safetyRatings: [
                  { category: "HARM_CATEGORY_HATE_SPEECH", probability: "NEGLIGIBLE" },
                  { category: "HARM_CATEGORY_DANGEROUS_CONTENT", probability: "HIGH", blocked: true },
                ],
              },
            ],
          },
          drift: [],
        },
      },
    ],
    [
      "0 is the UNSPECIFIED value, not absent",
      {
        given: { value: { promptFeedback: { blockReason: 0 } } },
        want: { ok: true, value: { promptFeedback: { blockReason: "BLOCK_REASON_UNSPECIFIED" } }, drift: [] },
      },
    ],
    [
      "an unknown integer in lenient mode: drift, kept as it is",
      {
        given: { value: { candidates: [{ finishReason: 999 }] } },
        want: {
          ok: true,
          value: { candidates: [{ finishReason: 999 }] },
          drift: [
            {
              path: "/candidates/0/finishReason",
              kind: "unknown-enum-value",
              value: 999,
              spec: "Candidate.finishReason",
            },
          ],
        },
      },
    ],
    [
      "an unknown integer beside a known one: the known one is decoded, the unknown one drifts",
      {
        given: { value: { candidates: [{ finishReason: 2, safetyRatings: [{ category: 77, probability: 2 }] }] } },
        want: {
          ok: true,
          value: {
            candidates: [{ finishReason: "MAX_TOKENS", safetyRatings: [{ category: 77, probability: "LOW" }] }],
          },
          drift: [
            {
              path: "/candidates/0/safetyRatings/0/category",
              kind: "unknown-enum-value",
              value: 77,
              spec: "SafetyRating.category",
            },
          ],
        },
      },
    ],
    [
      "a non-integer number is not an enum encoding: invalid-type",
      {
        given: { value: { candidates: [{ finishReason: 1.5 }] } },
        want: {
          ok: false,
          issues: [
            {
              pointer: "/candidates/0/finishReason",
              code: "invalid-type",
              message: expect.stringContaining("1.5"),
              expected: "string (a FinishReason value)",
              received: "number 1.5",
              spec: "Candidate.finishReason",
            },
          ],
        },
      },
    ],
    [
      "a number-valued string is not decoded: it is an unknown name",
      {
        given: { value: { candidates: [{ finishReason: "1" }] } },
        want: {
          ok: true,
          value: { candidates: [{ finishReason: "1" }] },
          drift: [
            {
              path: "/candidates/0/finishReason",
              kind: "unknown-enum-value",
              value: "1",
              spec: "Candidate.finishReason",
            },
          ],
        },
      },
    ],
  ];

  it.each(ROWS)("%s", (_name, { given, want }) => {
    expect(validateGenerateContentResponse(given.value, given.mode ? { mode: given.mode } : undefined)).toEqual(want);
  });

  it("request-side enums decode in strict mode too", () => {
    expect(validateGenerateContentRequest({ contents: [], safety_settings: [{ category: 7, threshold: 4 }] })).toEqual({
      ok: true,
      value: { contents: [], safetySettings: [{ category: "HARM_CATEGORY_HARASSMENT", threshold: "BLOCK_NONE" }] },
      drift: [],
    });
  });

  it("every enum number of the model decodes to its name", () => {
    const wrong: string[] = [];
    for (const [num, name] of Object.entries(MODEL.enums["FinishReason"]!.numbers)) {
      const r = validateGenerateContentResponse({ candidates: [{ finishReason: Number(num) }] }, { mode: "strict" });
      if (!r.ok || (r.value as { candidates: { finishReason: string }[] }).candidates[0]!.finishReason !== name)
        wrong.push(`${num}→${name}`);
    }
    expect(wrong).toEqual([]);
  });
});

// ---------------------------------------------------------------- free-form JSON

describe("Struct and Value contents are never normalized", () => {
  it("functionCall.args keeps snake_case keys and integers", () => {
    const args = { inline_data: { mime_type: "x" }, finish_reason: 1, nested: [{ safety_ratings: [{ category: 8 }] }] };
    const given = { candidates: [{ finish_reason: 1, content: { parts: [{ function_call: { name: "f", args } }] } }] };
    const result = validateGenerateContentResponse(given);
    expect(result).toEqual({
      ok: true,
      value: { candidates: [{ finishReason: "STOP", content: { parts: [{ functionCall: { name: "f", args } }] } }] },
      drift: [],
    });
    expect(
      result.ok &&
        (result.value as typeof given & { candidates: { content: { parts: { functionCall: { args: unknown } }[] } }[] })
          .candidates[0]!.content.parts[0]!.functionCall.args,
    ).toBe(args);
  });

  it("responseJsonSchema, functionResponse.response and Schema.example/default keep their keys", () => {
    const jsonSchema = {
      type: "object",
      properties: { mime_type: { type: "string" }, finish_reason: { enum: [1, 2] } },
      required: ["mime_type"],
    };
    const given = {
      contents: [{ parts: [{ function_response: { name: "f", response: { max_output_tokens: 3 } } }] }],
      generation_config: { response_mime_type: "application/json", response_json_schema: jsonSchema },
      tools: [
        {
          function_declarations: [
            {
              name: "g",
              description: "d",
              parameters: { type: "OBJECT", example: { any_of: 1 }, default: { type: 3 } },
            },
          ],
        },
      ],
    };
    const out = normalizeGenerateContentRequest(given) as Record<
      string,
      Record<string, unknown>[] & Record<string, unknown>
    >;
    expect(out).toEqual({
      contents: [{ parts: [{ functionResponse: { name: "f", response: { max_output_tokens: 3 } } }] }],
      generationConfig: { responseMimeType: "application/json", _responseJsonSchema: jsonSchema },
      tools: [
        {
          functionDeclarations: [
            {
              name: "g",
              description: "d",
              parameters: { type: "OBJECT", example: { any_of: 1 }, default: { type: 3 } },
            },
          ],
        },
      ],
    });
    expect(out["generationConfig"]!["_responseJsonSchema"]).toBe(jsonSchema);
    expect(validateGenerateContentRequest(given).ok).toBe(true);
  });
});

// ---------------------------------------------------------------- is / assert

describe("is() and assert()", () => {
  const ROWS: [string, { given: { resource: Resource; value: unknown; mode?: Mode }; want: boolean }][] = [
    ["a valid camelCase part", { given: { resource: "Part", value: { text: "x" } }, want: true }],
    [
      "a part with drift (lenient default): valid as it is",
      { given: { resource: "Part", value: { text: "x", later: 1 } }, want: true },
    ],
    [
      "the same in strict mode",
      { given: { resource: "Part", value: { text: "x", later: 1 }, mode: "strict" }, want: false },
    ],
    [
      "a snake_case part: valid only after normalization",
      { given: { resource: "Part", value: { inline_data: { mime_type: "a/b", data: "AA==" } } }, want: false },
    ],
    [
      "a single value for a repeated field: valid only after normalization",
      { given: { resource: "Content", value: { parts: { text: "x" } } }, want: false },
    ],
    [
      "an integer enum: valid only after decoding",
      { given: { resource: "Candidate", value: { finishReason: 1 } }, want: false },
    ],
    ["an invalid part", { given: { resource: "Part", value: { text: 1 } }, want: false }],
    ["not an object", { given: { resource: "Part", value: "text" }, want: false }],
  ];
  it.each(ROWS)("is(): %s", (_name, { given, want }) => {
    const is = validators[given.resource].is as (v: unknown, o?: { mode: Mode }) => boolean;
    expect(given.mode ? is(given.value, { mode: given.mode }) : is(given.value)).toBe(want);
    expect(isPart({ text: "x" })).toBe(true);
  });

  it("is() agrees with validate() on values that need no normalization", () => {
    for (const value of [{ contents: [] }, { contents: [{ parts: [{ text: "x" }] }] }, { contents: 1 }, {}]) {
      expect([value, isGenerateContentRequest(value)]).toEqual([value, validateGenerateContentRequest(value).ok]);
    }
    expect(isGenerateContentResponse({ candidates: [{ finishReason: 1 }] })).toBe(false);
    expect(validateGenerateContentResponse({ candidates: [{ finishReason: 1 }] }).ok).toBe(true);
  });

  it("assert() returns the normalized value", () => {
    expect(assertGenerateContentResponse({ candidates: [{ finish_reason: 3 }] })).toEqual({
      candidates: [{ finishReason: "SAFETY" }],
    });
  });

  it("assert() throws a ValidationError that lists every issue", () => {
    const bad = {
      contents: [{ parts: [{ text: 1 }] }],
      generationConfig: { temperature: "x", candidateCount: 2 ** 40 },
      extra: true,
    };
    let thrown: unknown;
    try {
      assertGenerateContentRequest(bad, { mode: "strict" });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ValidationError);
    expect(thrown).toBeInstanceOf(Error);
    const error = thrown as ValidationError;
    expect(error.name).toBe("ValidationError");
    expect(error.subject).toBe("GenerateContentRequest");
    expect(error.issues.map((i) => [i.pointer, i.code])).toEqual([
      ["/extra", "unknown-field"],
      ["/contents/0/parts/0/text", "invalid-type"],
      ["/generationConfig/candidateCount", "out-of-range"],
      ["/generationConfig/temperature", "invalid-type"],
    ]);
    expect(error.message.split("\n")).toEqual([
      "GenerateContentRequest is invalid (4 issues):",
      ...error.issues.map(formatIssue),
    ]);
  });

  it("assert() in lenient mode accepts what validate() accepts", () => {
    expect(assertCountTokensRequest({ contents: [], later: 1 }, { mode: "lenient" })).toEqual({
      contents: [],
      later: 1,
    });
    expect(() => assertCountTokensRequest({ contents: [], later: 1 })).toThrow(
      /1 issue\):\n {2}\/later: unknown-field/,
    );
  });
});

// ---------------------------------------------------------------- Standard Schema

describe("Standard Schema (validate<Name>['~standard'])", () => {
  const standard = validateGenerateContentRequest["~standard"];

  it("declares version 1 and the vendor, on the validate fn and the validators table", () => {
    expect([standard.version, standard.vendor]).toEqual([1, "gemini-typekit"]);
    expect(validators.GenerateContentRequest["~standard"]).toBe(standard);
  });

  const ROWS: [string, { given: unknown; want: unknown }][] = [
    ["success: { value } and no issues key", { given: { contents: [] }, want: { value: { contents: [] } } }],
    [
      "success returns the normalized value",
      {
        given: { contents: [], generation_config: { top_k: 3 } },
        want: { value: { contents: [], generationConfig: { topK: 3 } } },
      },
    ],
    [
      "failure: issues with `code: message` and paths whose indices are numbers",
      {
        given: { contents: [{ parts: [{ text: "a" }, { text: 2 }] }] },
        want: {
          issues: [{ message: expect.stringMatching(/^invalid-type: /), path: ["contents", 0, "parts", 1, "text"] }],
        },
      },
    ],
    [
      "a root issue has an empty path",
      { given: [], want: { issues: [{ message: expect.stringMatching(/^invalid-type: /), path: [] }] } },
    ],
    [
      "paths keep snake_case keys and decode ~0 / ~1",
      {
        given: {
          contents: [],
          generation_config: { response_schema: { type: "OBJECT", properties: { "a/b~c": { type: true } } } },
        },
        want: {
          issues: [
            {
              message: expect.stringMatching(/^invalid-type: /),
              path: ["generation_config", "response_schema", "properties", "a/b~c", "type"],
            },
          ],
        },
      },
    ],
  ];
  it.each(ROWS)("%s", (_name, { given, want }) => {
    const result = standard.validate(given);
    expect(result).toEqual(want);
    expect(result instanceof Promise).toBe(false);
  });

  it("uses the resource's default mode (lenient for responses)", () => {
    expect(validateGenerateContentResponse["~standard"].validate({ modelVersion: "m", later: 1 })).toEqual({
      value: { modelVersion: "m", later: 1 },
    });
    expect(validateCountTokensRequest["~standard"].validate({ contents: [], later: 1 })).toEqual({
      issues: [{ message: "unknown-field: `later` is not a field of CountTokensRequest", path: ["later"] }],
    });
  });
});

// ---------------------------------------------------------------- normalize

describe("normalize", () => {
  it("never mutates its input (deep-frozen) and returns a new value only where something changed", () => {
    const input = deepFreeze({
      candidates: [
        {
          index: 0,
          finish_reason: 1,
          content: {
            role: "model",
            parts: [{ text: "a" }, { function_call: { name: "f", args: { finish_reason: 1 } } }],
          },
        },
        { index: 1, content: { role: "model", parts: [{ text: "b" }] } },
      ],
      model_version: "m",
      usageMetadata: { totalTokenCount: 3 },
    });
    const before = JSON.stringify(input);
    const out = normalizeGenerateContentResponse(input) as {
      candidates: { content: { parts: unknown[] } }[];
      usageMetadata: unknown;
    };
    expect(JSON.stringify(input)).toBe(before);
    expect(out).toEqual({
      candidates: [
        {
          index: 0,
          finishReason: "STOP",
          content: {
            role: "model",
            parts: [{ text: "a" }, { functionCall: { name: "f", args: { finish_reason: 1 } } }],
          },
        },
        { index: 1, content: { role: "model", parts: [{ text: "b" }] } },
      ],
      modelVersion: "m",
      usageMetadata: { totalTokenCount: 3 },
    });
    // Copy on write: untouched subtrees are shared, changed ones are new.
    expect(out).not.toBe(input);
    expect(out.candidates[1]).toBe(input.candidates[1]);
    expect(out.usageMetadata).toBe(input.usageMetadata);
    expect(out.candidates[0]!.content.parts[0]).toBe(input.candidates[0]!.content.parts[0]);
    expect(out.candidates[0]).not.toBe(input.candidates[0]);
  });

  it.each([
    ["a camelCase response", { candidates: [{ finishReason: "STOP", content: { parts: [{ text: "x" }] } }] }],
    ["one with unknown fields", { candidates: [{ novel: { finish_reason: 1 } }], extra: [1, 2] }],
    ["one with unknown enum numbers", { candidates: [{ finishReason: 999 }] }],
    ["one with values of the wrong type", { candidates: [7], usageMetadata: 3, promptFeedback: [null] }],
  ])("returns the same object when nothing changes: %s", (_name, value) => {
    expect(normalizeGenerateContentResponse(deepFreeze(value))).toBe(value);
  });

  it.each([null, 1, "s", true, [], [{ finish_reason: 1 }]])(
    "returns non-objects and arrays at the root unchanged: %j",
    (value) => {
      expect(normalizeGenerateContentResponse(value)).toBe(value);
    },
  );

  it("keeps key order: a renamed key stays where it was, unknown keys too", () => {
    const out = normalizeGenerateContentRequest(
      deepFreeze({
        z_unknown: 1,
        system_instruction: { parts: [] },
        contents: [],
        a_unknown: 2,
        generation_config: { top_p: 1, temperature: 0, stop_sequences: [] },
        tools: [],
      }),
    ) as Record<string, Record<string, unknown>>;
    expect(Object.keys(out)).toEqual([
      "z_unknown",
      "systemInstruction",
      "contents",
      "a_unknown",
      "generationConfig",
      "tools",
    ]);
    expect(Object.keys(out["generationConfig"]!)).toEqual(["topP", "temperature", "stopSequences"]);
  });

  it("reads a single value given for a repeated field as a list of one", () => {
    expect(normalizeGenerateContentRequest(deepFreeze({ contents: { parts: { text: "hi" } } }))).toEqual({
      contents: [{ parts: [{ text: "hi" }] }],
    });
  });

  it("keeps a duplicate pair as given (validation reports it)", () => {
    const value = deepFreeze({ contents: [], generation_config: { topK: 1 }, generationConfig: { topK: 2 } });
    expect(normalizeGenerateContentRequest(value)).toEqual({
      contents: [],
      generation_config: { topK: 1 },
      generationConfig: { topK: 2 },
    });
  });

  it("a `__proto__` key is kept as an own property and never becomes the prototype", () => {
    const value = JSON.parse('{"candidates":[{"finish_reason":1,"__proto__":{"polluted":true}}]}') as unknown;
    const out = normalizeGenerateContentResponse(value) as { candidates: Record<string, unknown>[] };
    expect(Object.getPrototypeOf(out.candidates[0])).toBe(Object.prototype);
    expect(Object.keys(out.candidates[0]!)).toEqual(["finishReason", "__proto__"]);
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
  });
});
