import { describe, expect, it } from "vitest";
import { parseStructuredOutput } from "../../packages/runtime/src/structured-output.ts";

const recipeSchema = {
  type: "object",
  properties: {
    name: { type: "string" },
    minutes: { type: "integer", minimum: 1 },
    tags: { type: "array", items: { type: "string", enum: ["quick", "vegan"] } },
  },
  required: ["name", "minutes"],
  propertyOrdering: ["name", "minutes", "tags"],
};

const responseWith = (texts: string[], extra: Record<string, unknown> = {}) => ({
  candidates: [{ content: { role: "model", parts: texts.map((text) => ({ text })) }, ...extra }],
});

type Want = { ok: true; value: unknown } | { ok: false; codes: string[]; pointers?: string[]; message?: RegExp };

const rows: [string, { given: unknown; want: Want }][] = [
  [
    "a valid value",
    {
      given: responseWith(['{"name":"Soup","minutes":20,"tags":["vegan"]}']),
      want: { ok: true, value: { name: "Soup", minutes: 20, tags: ["vegan"] } },
    },
  ],
  [
    "JSON split across parts",
    {
      given: responseWith(['{"name":"So', 'up","minutes":5}']),
      want: { ok: true, value: { name: "Soup", minutes: 5 } },
    },
  ],
  [
    "thought parts are skipped",
    {
      given: {
        candidates: [
          { content: { parts: [{ text: "thinking…", thought: true }, { text: '{"name":"A","minutes":1}' }] } },
        ],
      },
      want: { ok: true, value: { name: "A", minutes: 1 } },
    },
  ],
  [
    "schema violations are located",
    {
      given: responseWith(['{"name":3,"minutes":0,"tags":["slow"]}']),
      want: {
        ok: false,
        codes: ["invalid-type", "out-of-range", "invalid-value"],
        pointers: ["/name", "/minutes", "/tags/0"],
      },
    },
  ],
  [
    "a missing required property",
    { given: responseWith(['{"name":"x"}']), want: { ok: false, codes: ["missing-required"], pointers: ["/minutes"] } },
  ],
  [
    "text that is not JSON, located",
    {
      given: responseWith(['{"name": "x",\n  minutes: 3}']),
      want: { ok: false, codes: ["invalid-json"], message: /line 2, column 3/ },
    },
  ],
  [
    "a Markdown fence is called out",
    {
      given: responseWith(['```json\n{"name":"x","minutes":1}\n```']),
      want: { ok: false, codes: ["invalid-json"], message: /code fence/ },
    },
  ],
  [
    "cut off by MAX_TOKENS",
    {
      given: responseWith(['{"name":"Soup","minu'], { finishReason: "MAX_TOKENS" }),
      want: { ok: false, codes: ["truncated"], message: /MAX_TOKENS/ },
    },
  ],
  [
    "cut off by MAX_TOKENS, integer-encoded",
    { given: responseWith(['{"name":"Soup"'], { finishReason: 2 }), want: { ok: false, codes: ["truncated"] } },
  ],
  [
    "no candidate: blocked prompt",
    {
      given: { promptFeedback: { blockReason: "SAFETY" } },
      want: { ok: false, codes: ["missing-required"], message: /blocked \(SAFETY\)/ },
    },
  ],
  [
    "a candidate without text",
    {
      given: { candidates: [{ finishReason: "SAFETY" }] },
      want: { ok: false, codes: ["missing-required"], message: /no text \(finishReason SAFETY\)/ },
    },
  ],
];

describe("parseStructuredOutput", () => {
  it.each(rows)("%s", async (_name, { given, want }) => {
    const result = await parseStructuredOutput(given, recipeSchema);
    if (want.ok) {
      expect(result).toMatchObject({ ok: true, value: want.value });
      return;
    }
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((i) => i.code).sort()).toEqual([...want.codes].sort());
    if (want.pointers) expect(result.issues.map((i) => i.pointer).sort()).toEqual([...want.pointers].sort());
    if (want.message) expect(result.issues.map((i) => i.message).join("\n")).toMatch(want.message);
  });

  it("reads the candidate it is asked for, and caches the compiled schema", async () => {
    const response = {
      candidates: [{ content: { parts: [{ text: "1" }] } }, { content: { parts: [{ text: '"two"' }] } }],
    };
    const schema = { type: "string" };
    expect(await parseStructuredOutput(response, schema, { candidate: 1 })).toMatchObject({ ok: true, value: "two" });
    expect(await parseStructuredOutput(response, schema, { candidate: 0 })).toMatchObject({ ok: false });
    expect(await parseStructuredOutput(response, schema, { candidate: 2 })).toMatchObject({
      ok: false,
      issues: [{ pointer: "/candidates/2" }],
    });
  });
});

const valueOf = (json: unknown) => ({ candidates: [{ content: { parts: [{ text: JSON.stringify(json) }] } }] });

describe("parseStructuredOutput: the schema's issues", () => {
  const issueRows: [string, { given: { schema: object | boolean; value: unknown }; want: unknown[] }][] = [
    [
      "a type error: pointer, code, message with the schema path, expected, received",
      {
        given: { schema: recipeSchema, value: { name: 3, minutes: 1 } },
        want: [
          {
            pointer: "/name",
            code: "invalid-type",
            message: "must be string (schema #/properties/name/type)",
            expected: "string",
            received: "number 3",
          },
        ],
      },
    ],
    [
      "a missing property points at it",
      {
        given: { schema: recipeSchema, value: { name: "x" } },
        want: [
          {
            pointer: "/minutes",
            code: "missing-required",
            message: "must have required property 'minutes' (schema #/required)",
          },
        ],
      },
    ],
    [
      "an extra property points at it",
      {
        given: { schema: { type: "object", additionalProperties: false }, value: { "a/b": 1 } },
        want: [
          {
            pointer: "/a~1b",
            code: "unknown-field",
            message: "must NOT have additional properties (schema #/additionalProperties)",
          },
        ],
      },
    ],
    [
      "an enum names its values",
      {
        given: { schema: recipeSchema, value: { name: "x", minutes: 1, tags: ["slow"] } },
        want: [
          {
            pointer: "/tags/0",
            code: "invalid-value",
            message: "must be equal to one of the allowed values (schema #/properties/tags/items/enum)",
            expected: 'one of ["quick","vegan"]',
            received: 'string "slow"',
          },
        ],
      },
    ],
    [
      "a format",
      {
        given: { schema: { type: "string", format: "date" }, value: "2023-02-29" },
        want: [
          {
            pointer: "",
            code: "invalid-format",
            message: 'must match format "date" (schema #/format)',
            received: 'string "2023-02-29"',
          },
        ],
      },
    ],
    [
      "a recursive schema through # (ajv, set up not to keep schemas, could not resolve it)",
      {
        given: { schema: { type: "object", properties: { next: { $ref: "#" } } }, value: { next: { next: [] } } },
        want: [
          {
            pointer: "/next/next",
            code: "invalid-type",
            message: "must be object (schema #/type)",
            expected: "object",
            received: "array (0 items)",
          },
        ],
      },
    ],
    [
      "a keyword the checker does not enforce is an issue, not a pass",
      {
        given: { schema: { type: "object", unevaluatedProperties: false }, value: { a: 1 } },
        want: [
          {
            pointer: "",
            code: "invalid-value",
            message:
              'is not checked: the schema uses "unevaluatedProperties", which this checker does not enforce (schema #/unevaluatedProperties)',
            received: "object",
          },
        ],
      },
    ],
    [
      "the schema false",
      {
        given: { schema: false, value: 1 },
        want: [{ pointer: "", code: "invalid-value", message: "the schema `false` accepts no value" }],
      },
    ],
    ["the schema true", { given: { schema: true, value: 1 }, want: [] }],
  ];

  it.each(issueRows)("%s", async (_name, { given, want }) => {
    const result = await parseStructuredOutput(valueOf(given.value), given.schema);
    expect(result.ok ? [] : result.issues).toEqual(want);
  });

  it("rejects with a TypeError for a schema JSON Schema does not allow", async () => {
    await expect(parseStructuredOutput(valueOf(1), { type: "strnig" })).rejects.toThrow(TypeError);
    await expect(parseStructuredOutput(valueOf(1), { $ref: "#/$defs/Missing" })).rejects.toThrow(/does not resolve/);
  });
});
