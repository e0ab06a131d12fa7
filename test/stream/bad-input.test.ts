// Bad input never passes the library. Every body below that carries no (whole) response ends
// parseGenerateContentStream and aggregateGenerateContentStream with a located StreamError that says what the body
// looks like, after every good chunk before it was delivered; each row runs through every feed (string, bytes, byte
// by byte, web and Node streams), so no split of the input changes the answer. Given as values instead, what is no
// object gets a root issue from validate<Name> and validateApiResponse saying what it is.
import { describe, expect, it } from "vitest";
import {
  aggregateGenerateContentStream,
  ApiStreamError,
  parseGenerateContentStream,
  StreamError,
  validateApiResponse,
  validateGenerateContentResponse,
  type Framing,
} from "../../packages/runtime/src/index.ts";
import { drain, FEEDS } from "./support.ts";

const chunk = (text: string) =>
  JSON.stringify({ candidates: [{ index: 0, content: { role: "model", parts: [{ text }] } }] });
const A = chunk("a");
const B = chunk("b");
/** Google's pretty-printed error body, as the API sends it for a failed call (../shared/fixtures/real/error/*.json). */
const ERROR_BODY =
  '{\n  "error": {\n    "code": 429,\n    "message": "Resource has been exhausted (e.g. check quota).",\n    "status": "RESOURCE_EXHAUSTED"\n  }\n}\n';
const ERROR_EVENT = JSON.stringify({
  error: {
    code: 500,
    message: "An internal error has occurred.",
    status: "INTERNAL",
    details: [{ "@type": "type.googleapis.com/google.rpc.DebugInfo", detail: "x" }],
  },
});
const bytes = (...parts: (string | number[])[]) =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === "string" ? [...new TextEncoder().encode(p)] : p)));

interface Want {
  /** Chunks delivered before the error. */
  chunks: number;
  error?: { chunk: number; offset: number; codes: string[]; message: RegExp };
  /** For an API error: the `error` object the ApiStreamError carries. */
  apiError?: Record<string, unknown>;
}

const rows: [string, { given: { body: string | Uint8Array; framing?: Framing }; want: Want }][] = [
  // bodies that are no stream
  [
    "an empty body",
    {
      given: { body: "" },
      want: {
        chunks: 0,
        error: { chunk: 0, offset: 0, codes: ["stream-framing"], message: /no chunk: the input is empty/ },
      },
    },
  ],
  [
    "a blank body",
    {
      given: { body: " \r\n\t\n" },
      want: { chunks: 0, error: { chunk: 0, offset: 0, codes: ["stream-framing"], message: /only white space/ } },
    },
  ],
  [
    "an HTML page",
    {
      given: { body: "<!DOCTYPE html>\n<html><head><title>502 Bad Gateway</title></head></html>\n" },
      want: {
        chunks: 0,
        error: {
          chunk: 0,
          offset: 0,
          codes: ["stream-framing"],
          message: /not a stream .*HTML page, not JSON \(a proxy or gateway error\?\)/,
        },
      },
    },
  ],
  [
    "an HTML page read as SSE",
    {
      given: { body: "<html><body>502</body></html>\n", framing: "sse" },
      want: {
        chunks: 0,
        error: { chunk: 0, offset: 0, codes: ["stream-framing"], message: /no event-stream field: .*HTML page/ },
      },
    },
  ],
  [
    "plain text",
    {
      given: { body: "upstream request timeout" },
      want: {
        chunks: 0,
        error: { chunk: 0, offset: 0, codes: ["stream-framing"], message: /plain text.*"upstream request timeout"/ },
      },
    },
  ],
  [
    "JSON null",
    {
      given: { body: "null" },
      want: {
        chunks: 0,
        error: { chunk: 0, offset: 0, codes: ["stream-framing"], message: /JSON null, not an object/ },
      },
    },
  ],
  [
    "a JSON number",
    {
      given: { body: "\n404\n" },
      want: { chunks: 0, error: { chunk: 0, offset: 1, codes: ["stream-framing"], message: /JSON number/ } },
    },
  ],
  [
    "a JSON string",
    {
      given: { body: '"Not Found"' },
      want: { chunks: 0, error: { chunk: 0, offset: 0, codes: ["stream-framing"], message: /JSON string/ } },
    },
  ],
  [
    "a lone `[`",
    {
      given: { body: "[" },
      want: {
        chunks: 0,
        error: {
          chunk: 0,
          offset: 1,
          codes: ["truncated"],
          message: /before the array's closing `\]`, with no chunk in it/,
        },
      },
    },
  ],
  [
    "an empty JSON array",
    {
      given: { body: "[]" },
      want: {
        chunks: 0,
        error: { chunk: 0, offset: 0, codes: ["stream-framing"], message: /no chunk: the JSON array is empty/ },
      },
    },
  ],
  [
    "SSE with no data event",
    {
      given: { body: ": keep-alive\n\nevent: ping\n\n" },
      want: {
        chunks: 0,
        error: {
          chunk: 0,
          offset: 0,
          codes: ["stream-framing"],
          message: /no chunk: the event stream has no event with data/,
        },
      },
    },
  ],
  [
    "SSE with only `data: [DONE]`",
    {
      given: { body: "data: [DONE]\n\n" },
      want: {
        chunks: 0,
        error: { chunk: 0, offset: 0, codes: ["stream-framing"], message: /`data: \[DONE\]` before any event/ },
      },
    },
  ],
  [
    "a JSON scalar chunk",
    {
      given: { body: "[1]" },
      want: {
        chunks: 0,
        error: {
          chunk: 0,
          offset: 1,
          codes: ["invalid-type"],
          message: /number 1 where GenerateContentResponse object/,
        },
      },
    },
  ],
  // truncated, in each framing
  [
    "plain JSON cut short",
    {
      given: { body: A.slice(0, 30) },
      want: {
        chunks: 0,
        error: {
          chunk: 0,
          offset: 0,
          codes: ["truncated"],
          message: /the stream ends inside chunk 0, which starts at byte 0/,
        },
      },
    },
  ],
  [
    "pretty-printed JSON cut short",
    {
      given: { body: '{\n  "candidates": [\n    {"index": 0' },
      want: {
        chunks: 0,
        error: { chunk: 0, offset: 0, codes: ["truncated"], message: /ends inside chunk 0, which starts at byte 0/ },
      },
    },
  ],
  [
    "pretty-printed JSON broken before its end",
    {
      given: { body: '{\n  "candidates": [],\n}\n' },
      want: { chunks: 0, error: { chunk: 0, offset: 0, codes: ["invalid-json"], message: /the chunk is not JSON/ } },
    },
  ],
  [
    "a JSON-array stream cut inside its second chunk",
    {
      given: { body: `[${A},\r\n${B.slice(0, 20)}` },
      want: {
        chunks: 1,
        error: {
          chunk: 1,
          offset: A.length + 4,
          codes: ["truncated"],
          message: new RegExp(`ends inside chunk 1, which starts at byte ${A.length + 4}`),
        },
      },
    },
  ],
  [
    "a JSON-array stream without its `]`",
    {
      given: { body: `[${A}` },
      want: {
        chunks: 1,
        error: { chunk: 1, offset: A.length + 1, codes: ["truncated"], message: /before the array's closing/ },
      },
    },
  ],
  [
    "NDJSON cut inside its second line",
    {
      given: { body: `${A}\n${B.slice(0, 20)}` },
      want: {
        chunks: 1,
        error: {
          chunk: 1,
          offset: A.length + 1,
          codes: ["truncated"],
          message: new RegExp(`ends inside chunk 1, which starts at byte ${A.length + 1}`),
        },
      },
    },
  ],
  [
    "SSE cut inside its second event",
    {
      given: { body: `data: ${A}\r\n\r\ndata: ${B.slice(0, 20)}` },
      want: {
        chunks: 1,
        error: {
          chunk: 1,
          offset: A.length + 16,
          codes: ["truncated"],
          message: new RegExp(`ends inside chunk 1, which starts at byte ${A.length + 16}`),
        },
      },
    },
  ],
  // invalid UTF-8: located at the bad byte
  [
    "invalid UTF-8 in the second chunk",
    {
      given: { body: bytes(`data: ${A}\n\ndata: {"x": "`, [0xc3, 0x28], '"}\n\n') },
      want: {
        chunks: 1,
        error: {
          chunk: 1,
          offset: A.length + 21,
          codes: ["stream-framing"],
          message: /not valid UTF-8 here \(byte 0xC3\)/,
        },
      },
    },
  ],
  [
    "a stray continuation byte",
    {
      given: { body: bytes("[", [0x80], "]") },
      want: { chunks: 0, error: { chunk: 0, offset: 1, codes: ["stream-framing"], message: /byte 0x80/ } },
    },
  ],
  // [DONE]
  [
    "`data: [DONE]` ends an SSE stream and is no chunk",
    { given: { body: `data: ${A}\n\ndata: ${B}\n\ndata: [DONE]\n\n` }, want: { chunks: 2 } },
  ],
  [
    "an event after `data: [DONE]`",
    {
      given: { body: `data: ${A}\n\ndata: [DONE]\n\ndata: ${B}\n\n` },
      want: {
        chunks: 1,
        error: { chunk: 1, offset: A.length + 28, codes: ["stream-framing"], message: /after `data: \[DONE\]`/ },
      },
    },
  ],
  // the API's error where a chunk should be
  [
    "an error event after a chunk (SSE)",
    {
      given: { body: `data: ${A}\r\n\r\ndata: ${ERROR_EVENT}\r\n\r\n` },
      want: {
        chunks: 1,
        error: {
          chunk: 1,
          offset: A.length + 16,
          codes: ["api-error"],
          message:
            /the API sent an error instead of a response: 500 INTERNAL: An internal error has occurred\. \(details: google\.rpc\.DebugInfo\)/,
        },
        apiError: { code: 500, status: "INTERNAL", message: "An internal error has occurred." },
      },
    },
  ],
  [
    "an error element after a chunk (JSON array)",
    {
      given: { body: `[${A},\r\n${ERROR_EVENT}]` },
      want: {
        chunks: 1,
        error: { chunk: 1, offset: A.length + 4, codes: ["api-error"], message: /500 INTERNAL/ },
        apiError: { code: 500 },
      },
    },
  ],
  [
    "an error line after a chunk (NDJSON)",
    {
      given: { body: `${A}\n${ERROR_EVENT}\n` },
      want: {
        chunks: 1,
        error: { chunk: 1, offset: A.length + 1, codes: ["api-error"], message: /500 INTERNAL/ },
        apiError: { status: "INTERNAL" },
      },
    },
  ],
  [
    "a pretty-printed error body written into an SSE stream",
    {
      given: { body: `data: ${A}\n\n${ERROR_BODY}` },
      want: {
        chunks: 1,
        error: { chunk: 1, offset: A.length + 8, codes: ["api-error"], message: /429 RESOURCE_EXHAUSTED/ },
        apiError: { code: 429 },
      },
    },
  ],
  [
    "a failed call's whole body read as a stream",
    {
      given: { body: ERROR_BODY },
      want: {
        chunks: 0,
        error: {
          chunk: 0,
          offset: 0,
          codes: ["api-error"],
          message: /429 RESOURCE_EXHAUSTED: Resource has been exhausted/,
        },
        apiError: { code: 429, status: "RESOURCE_EXHAUSTED" },
      },
    },
  ],
  [
    "an error envelope that is no ErrorResponse",
    {
      given: { body: `data: ${A}\n\ndata: {"error": "Not Found"}\n\n` },
      want: {
        chunks: 1,
        error: {
          chunk: 1,
          offset: A.length + 14,
          codes: ["api-error", "invalid-type"],
          message: /not a valid ErrorResponse/,
        },
      },
    },
  ],
  [
    "an HTML page after an SSE event",
    {
      given: { body: `data: ${A}\n\n<html><body>502 Bad Gateway</body></html>\n` },
      want: { chunks: 1, error: { chunk: 1, offset: A.length + 8, codes: ["stream-framing"], message: /HTML page/ } },
    },
  ],
];

describe("bad input never passes the stream functions", () => {
  for (const [name, { given, want }] of rows) {
    describe(name, () => {
      for (const [feedName, feed] of FEEDS) {
        if (feed(given.body) === undefined) continue;
        it(`${feedName}: parseGenerateContentStream`, async () => {
          const chunks = parseGenerateContentStream(feed(given.body)!, { framing: given.framing });
          const { items, error } = await drain(chunks);
          expect({ chunks: items.length, codes: error?.codes, chunk: error?.chunk, offset: error?.offset }).toEqual({
            chunks: want.chunks,
            codes: want.error?.codes,
            chunk: want.error?.chunk,
            offset: want.error?.offset,
          });
        });
      }
      it("aggregateGenerateContentStream: the same error, its message and data", async () => {
        const caught = await aggregateGenerateContentStream(given.body, { framing: given.framing }).then(
          (result) => result,
          (error: unknown) => error,
        );
        if (!want.error) {
          expect(caught).toMatchObject({ chunks: want.chunks, issues: [] });
          return;
        }
        expect(caught).toBeInstanceOf(StreamError);
        const error = caught as StreamError;
        expect(error.issues[0]?.message).toMatch(want.error.message);
        expect(error.issues.map((i) => [i.code, i.chunk, i.offset])).toEqual(
          want.error.codes.map((code) => [code, want.error!.chunk, want.error!.offset]),
        );
        if (want.apiError) {
          expect(error).toBeInstanceOf(ApiStreamError);
          expect((error as ApiStreamError).error).toMatchObject(want.apiError);
        } else expect(error).not.toBeInstanceOf(ApiStreamError);
      });
    });
  }
});

// The same bodies handed to the unary functions as values: a located issue at the root, saying what the value is.
const valueRows: [string, { given: unknown; want: RegExp }][] = [
  [
    "a string holding an HTML page",
    {
      given: "<!DOCTYPE html><html><body>502</body></html>",
      want: /^string "<!DOCTYPE html>.*" where GenerateContentResponse object is expected — the string holds an HTML page \(a proxy or gateway error\?\)$/,
    },
  ],
  [
    "a string holding the body's JSON text",
    { given: '{"candidates": []}', want: /JSON text: parse it \(JSON\.parse\) before validating$/ },
  ],
  [
    "a string holding an event stream",
    {
      given: 'data: {"candidates": []}\n\n',
      want: /server-sent event stream: read it with parseGenerateContentStream$/,
    },
  ],
  ["another string", { given: "x", want: /^string "x" where GenerateContentResponse object is expected$/ }],
  ["a number", { given: 404, want: /^number 404 where GenerateContentResponse object is expected$/ }],
  ["null", { given: null, want: /^null where GenerateContentResponse object is expected$/ }],
  [
    "an array (a stream's chunks, not yet aggregated)",
    { given: [{ candidates: [] }], want: /^array \(1 item\) where GenerateContentResponse object is expected$/ },
  ],
];

describe("validateGenerateContentResponse and validateApiResponse given what is no object", () => {
  it.each(valueRows)("%s", (_name, { given, want }) => {
    for (const result of [
      validateGenerateContentResponse(given),
      validateApiResponse("GenerateContentResponse", given),
    ]) {
      expect(result.ok).toBe(false);
      if (result.ok) continue;
      expect(result.issues).toEqual([
        expect.objectContaining({
          pointer: "",
          code: "invalid-type",
          message: expect.stringMatching(want),
          expected: "GenerateContentResponse object",
        }),
      ]);
    }
  });
});
