// parseStream: JSON per frame, the caller's validator, and the error that ends the iteration after every good
// chunk before it has been delivered. Rows run through every feed, byte by byte included.
import { describe, expect, it } from "vitest";
import { parseStream, StreamError, type Framing } from "../../packages/runtime/src/stream/index.ts";
import { ValidationError, type Drift, type Issue, type ValidationResult } from "../../packages/runtime/src/result.ts";
import { chunkRow, drain, FEEDS, passThrough, type Failure } from "./support.ts";

interface Row {
  given: { body: string; framing?: Framing; validate?: (value: unknown) => ValidationResult<unknown> };
  want: { chunks: [number, number, unknown][]; error?: Failure };
}

/** Accepts objects whose `n` is a number; reports `n` otherwise, like a generated validator would. */
function numbered(value: unknown): ValidationResult<unknown> {
  const n = (value as { n?: unknown }).n;
  if (typeof n === "number") return { ok: true, value, drift: [] };
  return {
    ok: false,
    issues: [
      { pointer: "/n", code: "invalid-type", message: "n must be a number", expected: "number", received: typeof n },
    ],
  };
}

const rows: [string, Row][] = [
  [
    "SSE stream",
    {
      given: { body: 'data: {"n":1}\r\n\r\ndata: {"n":2}\r\n\r\n' },
      want: {
        chunks: [
          [0, 6, { n: 1 }],
          [1, 23, { n: 2 }],
        ],
      },
    },
  ],
  [
    "JSON-array stream",
    {
      given: { body: '[{"n":1}\n,\r\n{"n":"é"}]' },
      want: {
        chunks: [
          [0, 1, { n: 1 }],
          [1, 12, { n: "é" }],
        ],
      },
    },
  ],
  [
    "NDJSON stream",
    {
      given: { body: '{"n":1}\n{"n":2}\n' },
      want: {
        chunks: [
          [0, 0, { n: 1 }],
          [1, 8, { n: 2 }],
        ],
      },
    },
  ],
  [
    "malformed middle chunk (SSE): earlier chunks delivered, then invalid-json at its index and offset",
    {
      given: { body: 'data: {"n":1}\n\ndata: {"n":\n\ndata: {"n":3}\n\n' },
      want: { chunks: [[0, 6, { n: 1 }]], error: { chunk: 1, offset: 21, codes: ["invalid-json"] } },
    },
  ],
  [
    "malformed middle chunk (JSON array)",
    {
      given: { body: '[{"n":1},{"n":x},{"n":3}]' },
      want: { chunks: [[0, 1, { n: 1 }]], error: { chunk: 1, offset: 9, codes: ["invalid-json"] } },
    },
  ],
  [
    "malformed middle chunk (NDJSON)",
    {
      given: { body: '{"n":1}\n{"n":1,}\n{"n":3}\n' },
      want: { chunks: [[0, 0, { n: 1 }]], error: { chunk: 1, offset: 8, codes: ["invalid-json"] } },
    },
  ],
  [
    "a chunk the validator rejects: its issues, located",
    {
      given: { body: 'data: {"n":1}\n\ndata: {"n":"two"}\n\ndata: {"n":3}\n\n', validate: numbered },
      want: { chunks: [[0, 6, { n: 1 }]], error: { chunk: 1, offset: 21, codes: ["invalid-type"] } },
    },
  ],
  [
    "SSE cut inside the last event: truncated, not invalid-json",
    {
      given: { body: 'data: {"n":1}\n\ndata: {"n":' },
      want: { chunks: [[0, 6, { n: 1 }]], error: { chunk: 1, offset: 21, codes: ["truncated"] } },
    },
  ],
  [
    "SSE whose last event lacks only its blank line: the chunk is whole",
    {
      given: { body: 'data: {"n":1}\n\ndata: {"n":2}\n' },
      want: {
        chunks: [
          [0, 6, { n: 1 }],
          [1, 21, { n: 2 }],
        ],
      },
    },
  ],
  [
    "NDJSON cut inside the last line",
    {
      given: { body: '{"n":1}\n{"n":' },
      want: { chunks: [[0, 0, { n: 1 }]], error: { chunk: 1, offset: 8, codes: ["truncated"] } },
    },
  ],
  [
    "JSON array cut after its last element",
    {
      given: { body: '[{"n":1},{"n":2}' },
      want: {
        chunks: [
          [0, 1, { n: 1 }],
          [1, 9, { n: 2 }],
        ],
        error: { chunk: 2, offset: 16, codes: ["truncated"] },
      },
    },
  ],
  [
    "framing error after good chunks",
    {
      given: { body: '[{"n":1}]{"n":2}' },
      want: { chunks: [[0, 1, { n: 1 }]], error: { chunk: 1, offset: 9, codes: ["stream-framing"] } },
    },
  ],
  [
    "empty SSE event data is not JSON",
    {
      given: { body: "data:\n\n", framing: "sse" },
      want: { chunks: [], error: { chunk: 0, offset: 5, codes: ["invalid-json"] } },
    },
  ],
];

async function thrownBy(iteration: AsyncIterable<unknown>): Promise<unknown> {
  try {
    for await (const _ of iteration);
  } catch (error) {
    return error;
  }
  throw new Error("the iteration did not throw");
}

describe("parseStream", () => {
  for (const [name, { given, want }] of rows) {
    describe(name, () => {
      for (const [feedName, feed] of FEEDS) {
        it(feedName, async () => {
          const chunks = parseStream(feed(given.body)!, {
            framing: given.framing,
            validate: given.validate ?? passThrough,
          });
          const { items, error } = await drain(chunks);
          expect({ chunks: items.map(chunkRow), error }).toEqual({ chunks: want.chunks, error: want.error });
        });
      }
    });
  }

  it("a StreamError is a ValidationError whose issues keep the validator's pointer and fields", async () => {
    const caught = await thrownBy(parseStream('data: {"n":1}\n\ndata: {"n":"two"}\n\n', { validate: numbered }));
    expect(caught).toBeInstanceOf(StreamError);
    expect(caught).toBeInstanceOf(ValidationError);
    const streamError = caught as StreamError;
    expect([streamError.name, streamError.chunk, streamError.offset]).toEqual(["StreamError", 1, 21]);
    expect(streamError.issues).toEqual<Issue[]>([
      {
        pointer: "/n",
        code: "invalid-type",
        message: "n must be a number",
        expected: "number",
        received: "string",
        chunk: 1,
        offset: 21,
      },
    ]);
    expect(streamError.message).toContain("chunk 1 @21 /n: invalid-type");
  });

  it("passes the validator's value and drift through", async () => {
    const drift: Drift[] = [{ path: "/extra", kind: "unknown-field", value: 1, spec: "Thing" }];
    const validate = (value: unknown): ValidationResult<{ n: number }> => ({
      ok: true,
      value: { n: (value as { n: number }).n * 10 },
      drift,
    });
    const chunks = [];
    for await (const chunk of parseStream('{"n":1,"extra":1}\n', { validate })) chunks.push(chunk);
    expect(chunks).toEqual([{ index: 0, offset: 0, value: { n: 10 }, drift }]);
  });

  it("an invalid-json issue says what JSON.parse said", async () => {
    const { error } = await drain(parseStream("data: {nope}\n\n", { validate: passThrough }));
    expect(error).toEqual({ chunk: 0, offset: 6, codes: ["invalid-json"] });
    const caught = (await thrownBy(parseStream("data: {nope}\n\n", { validate: passThrough }))) as StreamError;
    expect(caught.issues[0]?.message).toMatch(/^the chunk is not JSON: .+/);
  });
});
