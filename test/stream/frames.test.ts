// readFrames: each framing, line endings, byte offsets, UTF-8 split anywhere, every input kind, framing errors
// and truncation. Every row runs through every feed (string, bytes, byte by byte, web stream, Node stream) and,
// unless it says otherwise, with `framing: "auto"` too: the frames and the error must not depend on either.
import { describe, expect, it } from "vitest";
import { readFrames, type Framing } from "../../packages/runtime/src/stream/index.ts";
import { bytesOf, drain, FEEDS, rowOf, type Failure, type FrameRow } from "./support.ts";

interface Row {
  given: { body: string | Uint8Array; framing: Exclude<Framing, "auto">; auto?: false; maxFrameBytes?: number };
  want: { frames: FrameRow[]; error?: Failure };
}

const bytes = (...parts: (string | number[])[]) =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === "string" ? [...new TextEncoder().encode(p)] : p)));

const rows: [string, Row][] = [
  // SSE
  [
    "SSE with LF",
    {
      given: { body: 'data: {"a":1}\n\ndata: {"b":2}\n\n', framing: "sse" },
      want: {
        frames: [
          [6, '{"a":1}'],
          [21, '{"b":2}'],
        ],
      },
    },
  ],
  [
    "SSE with CRLF",
    {
      given: { body: 'data: {"a":1}\r\n\r\ndata: {"b":2}\r\n\r\n', framing: "sse" },
      want: {
        frames: [
          [6, '{"a":1}'],
          [23, '{"b":2}'],
        ],
      },
    },
  ],
  [
    "SSE with lone CR",
    {
      given: { body: "data: 1\r\rdata: 2\r\r", framing: "sse" },
      want: {
        frames: [
          [6, "1"],
          [15, "2"],
        ],
      },
    },
  ],
  [
    "SSE with CRLF then LF (curl output in notebooks)",
    {
      given: { body: "data: 1\r\n\ndata: 2\r\n\n", framing: "sse" },
      want: {
        frames: [
          [6, "1"],
          [16, "2"],
        ],
      },
    },
  ],
  [
    "SSE multi-line data joined with LF",
    { given: { body: 'data: {"a":\r\ndata: 1}\r\n\r\n', framing: "sse" }, want: { frames: [[6, '{"a":\n1}']] } },
  ],
  [
    "SSE comments, event/id/retry and unknown fields ignored",
    {
      given: { body: ": keep-alive\nevent: message\nid: 7\nretry: 100\nfoo: bar\ndata: 1\n\n", framing: "sse" },
      want: { frames: [[60, "1"]] },
    },
  ],
  [
    "SSE: no space after the colon, and only one space dropped",
    {
      given: { body: "data:1\n\ndata:  2\n\n", framing: "sse" },
      want: {
        frames: [
          [5, "1"],
          [14, " 2"],
        ],
      },
    },
  ],
  [
    "SSE events without data are no frames",
    { given: { body: ": ping\n\nevent: x\n\ndata: 1\n\n", framing: "sse" }, want: { frames: [[24, "1"]] } },
  ],
  [
    "SSE `data` without a colon is an empty data line",
    { given: { body: "data\ndata: x\n\n", framing: "sse" }, want: { frames: [[4, "\nx"]] } },
  ],
  [
    "SSE leading blank lines",
    { given: { body: "\n\r\n\ndata: 1\n\n", framing: "sse" }, want: { frames: [[10, "1"]] } },
  ],
  ["SSE byte-order mark", { given: { body: "\uFEFFdata: 1\n\n", framing: "sse" }, want: { frames: [[9, "1"]] } }],
  [
    "SSE offsets count UTF-8 bytes (2, 3 and 4-byte characters)",
    {
      given: { body: 'data: "é"\n\ndata: "日本"\n\ndata: "😀"\n\ndata: 1\n\n', framing: "sse" },
      want: {
        frames: [
          [6, '"é"'],
          [18, '"日本"'],
          [34, '"😀"'],
          [48, "1"],
        ],
      },
    },
  ],
  [
    "SSE last event without its blank line still counts, marked incomplete",
    {
      given: { body: "data: 1\n\ndata: 2\n", framing: "sse" },
      want: {
        frames: [
          [6, "1"],
          [15, "2", false],
        ],
      },
    },
  ],
  [
    "SSE last line without any line break",
    {
      given: { body: "data: 1\r\n\r\ndata: 2", framing: "sse" },
      want: {
        frames: [
          [6, "1"],
          [17, "2", false],
        ],
      },
    },
  ],
  [
    "SSE empty body: no chunk",
    {
      given: { body: "", framing: "sse" },
      want: { frames: [], error: { chunk: 0, offset: 0, codes: ["stream-framing"] } },
    },
  ],
  [
    "SSE `data: [DONE]` ends the stream and is no frame",
    { given: { body: "data: 1\n\ndata: [DONE]\n\n", framing: "sse" }, want: { frames: [[6, "1"]] } },
  ],
  [
    "SSE `data: [DONE]` without its blank line",
    { given: { body: "data: 1\r\n\r\ndata: [DONE]", framing: "sse" }, want: { frames: [[6, "1"]] } },
  ],
  [
    "SSE comments after `data: [DONE]`",
    { given: { body: "data: 1\n\ndata: [DONE]\n\n: bye\n\n", framing: "sse" }, want: { frames: [[6, "1"]] } },
  ],
  [
    "SSE: an event after `data: [DONE]`",
    {
      given: { body: "data: 1\n\ndata: [DONE]\n\ndata: 2\n\n", framing: "sse" },
      want: { frames: [[6, "1"]], error: { chunk: 1, offset: 29, codes: ["stream-framing"] } },
    },
  ],
  [
    "SSE: only `data: [DONE]`: no chunk",
    {
      given: { body: "data: [DONE]\n\n", framing: "sse" },
      want: { frames: [], error: { chunk: 0, offset: 0, codes: ["stream-framing"] } },
    },
  ],
  [
    "SSE: `[DONE]` inside JSON text is data",
    { given: { body: 'data: "[DONE]"\n\n', framing: "sse" }, want: { frames: [[6, '"[DONE]"']] } },
  ],
  // JSON array
  [
    "JSON array",
    {
      given: { body: '[{"a":1},\n{"b":[2,"]}"]}]', framing: "json-array" },
      want: {
        frames: [
          [1, '{"a":1}'],
          [10, '{"b":[2,"]}"]}'],
        ],
      },
    },
  ],
  [
    "JSON array as the API sends it (CRLF, spaces around commas)",
    {
      given: { body: '[{\n  "a": 1\n}\r\n,\r\n{\n  "b": 2\n}\r\n]', framing: "json-array" },
      want: {
        frames: [
          [1, '{\n  "a": 1\n}'],
          [18, '{\n  "b": 2\n}'],
        ],
      },
    },
  ],
  [
    "JSON array: escaped quotes, backslashes and brackets inside strings",
    {
      given: { body: String.raw`[{"t":"a\"}{[\\"},{"u":"\\\"]"}]`, framing: "json-array" },
      want: {
        frames: [
          [1, String.raw`{"t":"a\"}{[\\"}`],
          [18, String.raw`{"u":"\\\"]"}`],
        ],
      },
    },
  ],
  [
    "JSON array of scalars and strings",
    {
      given: { body: '[1, "x,]\\"", true,null ]', framing: "json-array" },
      want: {
        frames: [
          [1, "1"],
          [4, '"x,]\\""'],
          [13, "true"],
          [18, "null"],
        ],
      },
    },
  ],
  [
    "JSON array offsets count UTF-8 bytes",
    {
      given: { body: '[{"t":"é"},{"t":"😀"}]', framing: "json-array" },
      want: {
        frames: [
          [1, '{"t":"é"}'],
          [12, '{"t":"😀"}'],
        ],
      },
    },
  ],
  [
    "empty JSON array: no chunk",
    {
      given: { body: " [ ]\n", framing: "json-array" },
      want: { frames: [], error: { chunk: 0, offset: 0, codes: ["stream-framing"] } },
    },
  ],
  [
    "a lone `[`",
    {
      given: { body: "[", framing: "json-array" },
      want: { frames: [], error: { chunk: 0, offset: 1, codes: ["truncated"] } },
    },
  ],
  [
    "JSON array with a byte-order mark",
    { given: { body: "\uFEFF[{}]", framing: "json-array" }, want: { frames: [[4, "{}"]] } },
  ],
  // NDJSON
  [
    "NDJSON: LF, CRLF, blank lines, spaces around",
    {
      given: { body: '{"a":1}\n{"b":2}\r\n\n  {"c":3}  \n', framing: "ndjson" },
      want: {
        frames: [
          [0, '{"a":1}'],
          [8, '{"b":2}'],
          [20, '{"c":3}'],
        ],
      },
    },
  ],
  [
    "NDJSON last line without a newline is marked incomplete",
    {
      given: { body: '{"a":1}\n{"b":2}', framing: "ndjson" },
      want: {
        frames: [
          [0, '{"a":1}'],
          [8, '{"b":2}', false],
        ],
      },
    },
  ],
  [
    "NDJSON: a lone CR is whitespace, not a line break",
    { given: { body: '{"a":\r1}\n', framing: "ndjson" }, want: { frames: [[0, '{"a":\r1}']] } },
  ],
  [
    "NDJSON whose first line is no whole value: one pretty-printed value, one frame",
    {
      given: { body: '{\r\n  "error": {"code": 400}\n}\n', framing: "ndjson" },
      want: { frames: [[0, '{\n  "error": {"code": 400}\n}', false]] },
    },
  ],
  [
    "NDJSON cut inside its first line",
    { given: { body: '{"a":', framing: "ndjson" }, want: { frames: [[0, '{"a":', false]] } },
  ],
  // framing errors
  [
    "SSE: an error body outside any data field (an error sent mid-stream) is the API's error",
    {
      given: { body: 'data: 1\n\n{\n  "error": {"code": 499}\n}\n', framing: "sse" },
      want: { frames: [[6, "1"]], error: { chunk: 1, offset: 9, codes: ["api-error"] } },
    },
  ],
  [
    "SSE: another JSON body outside any data field",
    {
      given: { body: 'data: 1\n\n{\n  "candidates": []\n}\n', framing: "sse" },
      want: { frames: [[6, "1"]], error: { chunk: 1, offset: 9, codes: ["stream-framing"] } },
    },
  ],
  [
    "SSE: an HTML page after an event",
    {
      given: { body: "data: 1\n\n<html><body>502 Bad Gateway</body></html>\n", framing: "sse" },
      want: { frames: [[6, "1"]], error: { chunk: 1, offset: 9, codes: ["stream-framing"] } },
    },
  ],
  [
    "JSON array: text after `]`",
    {
      given: { body: '[{"a":1}] x', framing: "json-array" },
      want: { frames: [[1, '{"a":1}']], error: { chunk: 1, offset: 10, codes: ["stream-framing"] } },
    },
  ],
  [
    "JSON array: missing comma",
    {
      given: { body: '[{"a":1} {"b":2}]', framing: "json-array" },
      want: { frames: [[1, '{"a":1}']], error: { chunk: 1, offset: 9, codes: ["stream-framing"] } },
    },
  ],
  [
    "JSON array: trailing comma",
    {
      given: { body: '[{"a":1},]', framing: "json-array" },
      want: { frames: [[1, '{"a":1}']], error: { chunk: 1, offset: 9, codes: ["stream-framing"] } },
    },
  ],
  [
    "JSON array: leading comma",
    {
      given: { body: "[,{}]", framing: "json-array" },
      want: { frames: [], error: { chunk: 0, offset: 1, codes: ["stream-framing"] } },
    },
  ],
  [
    "JSON-array framing on an SSE body",
    {
      given: { body: "data: 1\n\n", framing: "json-array", auto: false },
      want: { frames: [], error: { chunk: 0, offset: 0, codes: ["stream-framing"] } },
    },
  ],
  [
    "bytes that are not UTF-8",
    {
      given: { body: bytes("data: 1\n\ndata: ", [0x22, 0xff, 0x22], "\n\n"), framing: "sse" },
      want: { frames: [[6, "1"]], error: { chunk: 1, offset: 16, codes: ["stream-framing"] } },
    },
  ],
  [
    "an overlong UTF-8 encoding",
    {
      given: { body: bytes('[{"a":"é', [0xc0, 0xaf], '"}]'), framing: "json-array" },
      want: { frames: [], error: { chunk: 0, offset: 9, codes: ["stream-framing"] } },
    },
  ],
  [
    "a UTF-8-encoded surrogate",
    {
      given: { body: bytes("data: 1\n\n", [0xed, 0xa0, 0x80], "\n\n"), framing: "sse" },
      want: { frames: [[6, "1"]], error: { chunk: 1, offset: 9, codes: ["stream-framing"] } },
    },
  ],
  [
    "a frame longer than maxFrameBytes",
    {
      given: { body: `data: 1\n\ndata: "${"x".repeat(100)}"\n\n`, framing: "sse", maxFrameBytes: 50 },
      want: { frames: [[6, "1"]], error: { chunk: 1, offset: 15, codes: ["stream-framing"] } },
    },
  ],
  // truncation
  [
    "JSON array without its `]`",
    {
      given: { body: '[{"a":1},{"b":2}\n', framing: "json-array" },
      want: {
        frames: [
          [1, '{"a":1}'],
          [9, '{"b":2}'],
        ],
        error: { chunk: 2, offset: 17, codes: ["truncated"] },
      },
    },
  ],
  [
    "JSON array cut inside an element",
    {
      given: { body: '[{"a":1},{"b":', framing: "json-array" },
      want: { frames: [[1, '{"a":1}']], error: { chunk: 1, offset: 9, codes: ["truncated"] } },
    },
  ],
  [
    "JSON array cut after a backslash in a string",
    {
      given: { body: '[{"a":"x\\', framing: "json-array" },
      want: { frames: [], error: { chunk: 0, offset: 1, codes: ["truncated"] } },
    },
  ],
  [
    "JSON array cut inside a scalar",
    {
      given: { body: "[1,2", framing: "json-array" },
      want: { frames: [[1, "1"]], error: { chunk: 1, offset: 3, codes: ["truncated"] } },
    },
  ],
  [
    "empty body with JSON-array framing",
    {
      given: { body: "", framing: "json-array", auto: false },
      want: { frames: [], error: { chunk: 0, offset: 0, codes: ["truncated"] } },
    },
  ],
  [
    "input cut inside a UTF-8 character",
    {
      given: { body: bytes('data: "', [0xe6, 0x97]), framing: "sse" },
      want: { frames: [], error: { chunk: 0, offset: 7, codes: ["truncated"] } },
    },
  ],
];

describe("readFrames", () => {
  for (const [name, { given, want }] of rows) {
    const framings: Framing[] = given.auto === false ? [given.framing] : [given.framing, "auto"];
    describe(name, () => {
      for (const [feedName, feed] of FEEDS) {
        for (const framing of framings) {
          const input = feed(given.body);
          if (input === undefined) continue;
          it(`${feedName}, framing ${framing}`, async () => {
            const { items, error } = await drain(readFrames(input, { framing, maxFrameBytes: given.maxFrameBytes }));
            expect({ frames: items.map(rowOf), error }).toEqual({ frames: want.frames, error: want.error });
            expect(items.map((f) => f.index)).toEqual(items.map((_, i) => i));
          });
        }
      }
      it("offsets point at the payload's bytes", () => {
        const all = bytesOf(given.body);
        for (const [offset, text] of want.frames) {
          // SSE joins data lines with LF and NDJSON keeps inner CRs: only the first line is verbatim in the input.
          const first = text.split("\n")[0]!;
          expect(new TextDecoder().decode(all.subarray(offset, offset + new TextEncoder().encode(first).length))).toBe(
            first,
          );
        }
      });
    });
  }
});

describe("framing: auto", () => {
  it.each([
    ["json-array", '  \r\n[{"a":1}]', [[5, '{"a":1}']]],
    ["ndjson", '\n{"a":1}\n', [[1, '{"a":1}']]],
    ["sse", "\n: hi\ndata: 1\n\n", [[12, "1"]]],
  ] as const)("sniffs %s", async (_name, body, frames) => {
    const { items } = await drain(readFrames(body));
    expect(items.map(rowOf)).toEqual(frames);
  });

  // What is no stream ends at once, saying what it looks like, wherever the feed splits its first line.
  it.each([
    ["nothing at all", "", 0, /no chunk: the input is empty/],
    ["nothing but whitespace", " \n\t ", 0, /no chunk: the input holds only white space/],
    [
      "an HTML page",
      "\n<!DOCTYPE html>\n<html><body>502</body></html>",
      1,
      /not a stream .*HTML page.*proxy or gateway/,
    ],
    [
      "plain text",
      "upstream connect error or disconnect/reset before headers",
      0,
      /not a stream .*plain text.*"upstream connect error or disc…"/,
    ],
    ["a JSON null", "null", 0, /not a stream .*JSON null/],
    ["a JSON number", " 42\n", 1, /not a stream .*JSON number/],
    ["a JSON string", '"data: x"', 0, /not a stream .*JSON string/],
    ["a field name that is no SSE field", "dat\n\n", 0, /not a stream .*plain text/],
  ])("%s", async (_name, body, offset, message) => {
    for (const [, feed] of FEEDS) {
      const input = feed(body);
      if (input === undefined) continue;
      const { items, error } = await drain(readFrames(input));
      expect({ items, error }).toEqual({ items: [], error: { chunk: 0, offset, codes: ["stream-framing"] } });
    }
    await expect(readFrames(body).next()).rejects.toThrow(message);
  });
});

describe("input kinds", () => {
  it("rejects something that is not a stream input", async () => {
    await expect(drain(readFrames(42 as never))).rejects.toThrow(TypeError);
  });

  it("stops reading a web stream and cancels it when the caller stops early", async () => {
    let cancelled = false;
    let pulled = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(new TextEncoder().encode(`data: ${pulled}\n\n`));
      },
      cancel() {
        cancelled = true;
      },
    });
    for await (const frame of readFrames(stream)) if (frame.index === 2) break;
    expect(cancelled).toBe(true);
    expect(pulled).toBeLessThan(10);
  });

  it("reads lazily: a 10,000-chunk stream is never held whole", async () => {
    let produced = 0;
    async function* source() {
      for (let i = 0; i < 10_000; i++) {
        produced++;
        yield `data: {"i":${i}}\n\n`;
      }
    }
    let frames = 0;
    for await (const frame of readFrames(source())) {
      // each frame arrives before the input chunk after the one that ends it has been produced
      expect(produced).toBeLessThanOrEqual(frame.index + 2);
      frames++;
    }
    expect(frames).toBe(10_000);
  });
});
