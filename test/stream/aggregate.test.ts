// aggregateResponses and Aggregator: the chunks of one generateContent stream folded into one response.
import { describe, expect, it } from "vitest";
import {
  Aggregator,
  aggregateResponses,
  parseStream,
  type Aggregate,
} from "../../packages/runtime/src/stream/index.ts";
import type { GenerateContentResponse } from "../../packages/runtime/generated/types.ts";
import { asyncChunks, passThrough } from "./support.ts";

type R = GenerateContentResponse;

/** A chunk with one candidate holding `parts`. */
const parts = (list: unknown[], extra: Record<string, unknown> = {}): R =>
  ({ candidates: [{ content: { parts: list, role: "model" }, index: 0, ...extra }] }) as R;

interface Row {
  given: R[];
  want: Partial<Aggregate>;
}

const ratings = (p: string) => [{ category: "HARM_CATEGORY_HARASSMENT", probability: p }];

const rows: [string, Row][] = [
  [
    "text parts concatenated; finishReason and usageMetadata from the last chunk that has them",
    {
      given: [
        { ...parts([{ text: "Hel" }]), usageMetadata: { promptTokenCount: 3 }, modelVersion: "m", responseId: "r" },
        {
          ...parts([{ text: "lo" }, { text: ", " }]),
          usageMetadata: { promptTokenCount: 3, totalTokenCount: 5 },
          modelVersion: "m",
          responseId: "r",
        },
        {
          ...parts([{ text: "world" }], { finishReason: "STOP" }),
          usageMetadata: { promptTokenCount: 3, candidatesTokenCount: 4, totalTokenCount: 7 },
          modelVersion: "m",
          responseId: "r",
        },
      ],
      want: {
        response: {
          ...parts([{ text: "Hello, world" }], { finishReason: "STOP" }),
          usageMetadata: { promptTokenCount: 3, candidatesTokenCount: 4, totalTokenCount: 7 },
          modelVersion: "m",
          responseId: "r",
        },
        issues: [],
      },
    },
  ],
  [
    "thoughts and answer text are separate runs, each concatenated",
    {
      given: [
        parts([{ text: "Think", thought: true }]),
        parts([{ text: "ing.", thought: true }, { text: "An" }]),
        parts([{ text: "swer" }]),
      ],
      want: { response: parts([{ text: "Thinking.", thought: true }, { text: "Answer" }]), issues: [] },
    },
  ],
  [
    "a thought after answer text starts a new part",
    {
      given: [
        parts([
          { text: "a", thought: true },
          { text: "b" },
          { text: "c", thought: true },
          { text: "d", thought: true },
        ]),
      ],
      want: { response: parts([{ text: "a", thought: true }, { text: "b" }, { text: "cd", thought: true }]) },
    },
  ],
  [
    "a signature on a trailing empty text part stays with its run",
    {
      given: [
        parts([{ text: "Hello" }]),
        parts([{ text: " there" }]),
        parts([{ text: "", thoughtSignature: "SIG" }], { finishReason: "STOP" }),
      ],
      want: { response: parts([{ text: "Hello there", thoughtSignature: "SIG" }], { finishReason: "STOP" }) },
    },
  ],
  [
    "a second, different signature starts a new part",
    {
      given: [parts([{ text: "a", thoughtSignature: "S1" }, { text: "b" }, { text: "c", thoughtSignature: "S2" }])],
      want: {
        response: parts([
          { text: "ab", thoughtSignature: "S1" },
          { text: "c", thoughtSignature: "S2" },
        ]),
      },
    },
  ],
  [
    "function calls are kept in order and end text runs",
    {
      given: [
        parts([{ text: "Let me " }, { text: "check." }]),
        parts([{ functionCall: { name: "a", args: { x: 1 } }, thoughtSignature: "S" }]),
        parts([{ functionCall: { name: "b", args: {} } }, { text: "Done" }]),
      ],
      want: {
        response: parts([
          { text: "Let me check." },
          { functionCall: { name: "a", args: { x: 1 } }, thoughtSignature: "S" },
          { functionCall: { name: "b", args: {} } },
          { text: "Done" },
        ]),
      },
    },
  ],
  [
    "other parts, and text parts with other fields, are kept as they are",
    {
      given: [
        parts([
          { text: "x" },
          { executableCode: { language: "PYTHON", code: "1" } },
          { codeExecutionResult: { outcome: "OUTCOME_OK" } },
        ]),
        parts([
          { text: "y", partMetadata: { k: 1 } },
          { text: "z" },
          { inlineData: { mimeType: "image/png", data: "AA==" } },
        ]),
      ],
      want: {
        response: parts([
          { text: "x" },
          { executableCode: { language: "PYTHON", code: "1" } },
          { codeExecutionResult: { outcome: "OUTCOME_OK" } },
          { text: "y", partMetadata: { k: 1 } },
          { text: "z" },
          { inlineData: { mimeType: "image/png", data: "AA==" } },
        ]),
      },
    },
  ],
  [
    "finishReason, finishMessage and safetyRatings: the last value sent wins; absent ones do not erase",
    {
      given: [
        parts([{ text: "a" }], { finishReason: "STOP", safetyRatings: ratings("NEGLIGIBLE") }),
        parts([{ text: "b" }], { safetyRatings: ratings("LOW") }),
        parts([], { finishReason: "SAFETY", finishMessage: "blocked" }),
      ],
      want: {
        response: parts([{ text: "ab" }], {
          finishReason: "SAFETY",
          safetyRatings: ratings("LOW"),
          finishMessage: "blocked",
        }),
      },
    },
  ],
  [
    "citation sources: the union, repeated sources kept once",
    {
      given: [
        parts([{ text: "a" }], { citationMetadata: { citationSources: [{ startIndex: 1, endIndex: 5, uri: "u1" }] } }),
        parts([{ text: "b" }], {
          citationMetadata: {
            citationSources: [
              { startIndex: 1, endIndex: 5, uri: "u1" },
              { startIndex: 9, endIndex: 12, uri: "u2" },
            ],
          },
        }),
      ],
      want: {
        response: parts([{ text: "ab" }], {
          citationMetadata: {
            citationSources: [
              { startIndex: 1, endIndex: 5, uri: "u1" },
              { startIndex: 9, endIndex: 12, uri: "u2" },
            ],
          },
        }),
      },
    },
  ],
  [
    "grounding and URL-context metadata: the last one wins",
    {
      given: [
        parts([{ text: "a" }], { groundingMetadata: { webSearchQueries: ["q0"] } }),
        parts([{ text: "b" }], {
          groundingMetadata: { webSearchQueries: ["q1"], groundingChunks: [{ web: { uri: "u" } }] },
          urlContextMetadata: { urlMetadata: [] },
        }),
      ],
      want: {
        response: parts([{ text: "ab" }], {
          groundingMetadata: { webSearchQueries: ["q1"], groundingChunks: [{ web: { uri: "u" } }] },
          urlContextMetadata: { urlMetadata: [] },
        }),
      },
    },
  ],
  [
    "logprobs: token lists concatenated, sums added",
    {
      given: [
        parts([{ text: "a" }], {
          logprobsResult: { chosenCandidates: [{ token: "a", logProbability: -1 }], logProbabilitySum: -1 },
        }),
        parts([{ text: "b" }], {
          logprobsResult: { chosenCandidates: [{ token: "b", logProbability: -2 }], logProbabilitySum: -2 },
        }),
      ],
      want: {
        response: parts([{ text: "ab" }], {
          logprobsResult: {
            chosenCandidates: [
              { token: "a", logProbability: -1 },
              { token: "b", logProbability: -2 },
            ],
            logProbabilitySum: -3,
          },
        }),
      },
    },
  ],
  [
    "candidates merged by index (or by position when the index is missing)",
    {
      given: [
        { candidates: [{ content: { parts: [{ text: "a" }] } }, { index: 1, content: { parts: [{ text: "x" }] } }] },
        {
          candidates: [
            { index: 1, content: { parts: [{ text: "y" }] }, finishReason: "STOP" },
            { index: 0, content: { parts: [{ text: "b" }] }, finishReason: "STOP" },
          ],
        },
      ],
      want: {
        response: {
          candidates: [
            { content: { parts: [{ text: "ab" }] }, index: 0, finishReason: "STOP" },
            { index: 1, content: { parts: [{ text: "xy" }] }, finishReason: "STOP" },
          ],
        },
      },
    },
  ],
  [
    "promptFeedback (first chunk only) is kept, as are fields newer than the spec (last wins)",
    {
      given: [
        { promptFeedback: { safetyRatings: ratings("NEGLIGIBLE") }, ...parts([{ text: "a" }]), createTime: "t1" } as R,
        { ...parts([{ text: "b" }]), createTime: "t2" } as R,
      ],
      want: {
        response: {
          promptFeedback: { safetyRatings: ratings("NEGLIGIBLE") },
          ...parts([{ text: "ab" }]),
          createTime: "t2",
        } as R,
        issues: [],
      },
    },
  ],
  [
    "a prompt blocked before any candidate",
    {
      given: [
        {
          promptFeedback: { blockReason: "SAFETY", safetyRatings: ratings("HIGH") },
          usageMetadata: { promptTokenCount: 9 },
        },
      ],
      want: {
        response: {
          promptFeedback: { blockReason: "SAFETY", safetyRatings: ratings("HIGH") },
          usageMetadata: { promptTokenCount: 9 },
        },
        issues: [],
      },
    },
  ],
  [
    "responseId mismatch: a stream-consistency issue naming the chunk",
    {
      given: [
        { ...parts([{ text: "a" }]), responseId: "r1", modelVersion: "m" },
        { ...parts([{ text: "b" }]), modelVersion: "m" },
        { ...parts([{ text: "c" }]), responseId: "r2", modelVersion: "m" },
      ],
      want: {
        response: { ...parts([{ text: "abc" }]), responseId: "r1", modelVersion: "m" },
        issues: [
          {
            pointer: "/responseId",
            code: "stream-consistency",
            message: 'responseId "r2" differs from "r1" of chunk 0: the chunks are not from one response',
            expected: '"r1"',
            received: '"r2"',
            spec: "GenerateContentResponse.responseId",
            chunk: 2,
          },
        ],
      },
    },
  ],
  [
    "modelVersion mismatch",
    {
      given: [
        { ...parts([{ text: "a" }]), modelVersion: "gemini-2.5-flash" },
        { ...parts([{ text: "b" }]), modelVersion: "gemini-2.5-pro" },
      ],
      want: {
        issues: [
          {
            pointer: "/modelVersion",
            code: "stream-consistency",
            message:
              'modelVersion "gemini-2.5-pro" differs from "gemini-2.5-flash" of chunk 0: the chunks are not from one response',
            expected: '"gemini-2.5-flash"',
            received: '"gemini-2.5-pro"',
            spec: "GenerateContentResponse.modelVersion",
            chunk: 1,
          },
        ],
      },
    },
  ],
  [
    "values that are not the shapes it folds are issues, not crashes",
    {
      given: [
        null as unknown as R,
        { candidates: "x" } as unknown as R,
        { candidates: [{ content: { parts: {} } }] } as unknown as R,
      ],
      want: {
        issues: [
          {
            pointer: "",
            code: "invalid-type",
            message: "a stream chunk must be a GenerateContentResponse object",
            expected: "object",
            received: "null",
            chunk: 0,
          },
          {
            pointer: "/candidates",
            code: "invalid-type",
            message: "candidates must be an array",
            expected: "array",
            received: "string",
            chunk: 1,
          },
          {
            pointer: "/candidates/0/content/parts",
            code: "invalid-type",
            message: "parts must be an array",
            expected: "array",
            received: "object",
            chunk: 2,
          },
        ],
      },
    },
  ],
];

describe("aggregateResponses", () => {
  it.each(rows)("%s", (_name, { given, want }) => {
    const got = aggregateResponses(given);
    if (want.response) expect(got.response).toEqual(want.response);
    expect(got.issues).toEqual(want.issues ?? []);
  });

  it("returns a promise for an async iterable", async () => {
    const got = await aggregateResponses(asyncChunks([parts([{ text: "a" }]), parts([{ text: "b" }])]));
    expect(got).toEqual({ response: parts([{ text: "ab" }]), issues: [] });
  });

  it("does not change the chunks it was given", () => {
    const first = parts([{ text: "a", thoughtSignature: "S" }]);
    const copy = structuredClone(first);
    aggregateResponses([first, parts([{ text: "b" }])]);
    expect(first).toEqual(copy);
  });
});

describe("Aggregator", () => {
  it("aggregates while parseStream iterates, locating issues by chunk and offset", async () => {
    const body =
      'data: {"responseId":"a","candidates":[{"content":{"parts":[{"text":"x"}]}}]}\n\ndata: {"responseId":"b","candidates":[{"content":{"parts":[{"text":"y"}]}}]}\n\n';
    const aggregator = new Aggregator();
    for await (const chunk of parseStream(body, { validate: passThrough<R> })) aggregator.add(chunk.value, chunk);
    const { response, issues } = aggregator.result();
    expect(response).toEqual({ responseId: "a", candidates: [{ content: { parts: [{ text: "xy" }] } }] });
    expect(issues.map((i) => [i.code, i.chunk, i.offset])).toEqual([
      ["stream-consistency", 1, body.indexOf('{"responseId":"b"')],
    ]);
  });

  it("result() is a snapshot: later chunks do not change it", () => {
    const aggregator = new Aggregator().add(parts([{ text: "a" }]));
    const early = aggregator.result();
    aggregator.add(parts([{ text: "b" }], { finishReason: "STOP" }));
    expect(early.response).toEqual(parts([{ text: "a" }]));
    expect(aggregator.result().response).toEqual(parts([{ text: "ab" }], { finishReason: "STOP" }));
  });

  it("holds one part per run however many chunks there are", () => {
    const aggregator = new Aggregator();
    for (let i = 0; i < 10_000; i++) aggregator.add(parts([{ text: "x" }]));
    const content = aggregator.result().response.candidates?.[0]?.content;
    expect(content?.parts).toEqual([{ text: "x".repeat(10_000) }]);
  });
});
