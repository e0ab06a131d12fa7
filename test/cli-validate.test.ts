// `gemini-typekit validate` in-process: framings, modes, located output, --json, stdin and exit codes.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../packages/tools/src/cli/main.ts";
import type { CliIo } from "../packages/tools/src/cli/command.ts";
import { tempDir, writeTree } from "./support/tmp.ts";

async function run(args: string[], cwd: string, stdin: string | Uint8Array = "") {
  let stdout = "";
  let stderr = "";
  const io: CliIo = {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    cwd,
    stdin: async () => stdin,
  };
  const code = await main(args, io);
  return { code, stdout, stderr };
}

const chunk = (text: string, extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    candidates: [{ content: { role: "model", parts: [{ text }] }, ...extra }],
    responseId: "r1",
    modelVersion: "gemini-x",
  });

const dir = tempDir("gtk-validate-");
writeTree(dir, {
  "ok.json": { candidates: [{ content: { role: "model", parts: [{ text: "hi" }] }, finishReason: "STOP" }] },
  "drift.json": { candidates: [{ finishReason: "BRAND_NEW_REASON", newField: 1 }] },
  "bad.json": { candidates: [{ finishReason: "STOP", tokenCount: "many" }], usageMetadata: { promptTokenCount: -1.5 } },
  "broken.json": '{\n  "candidates": [\n    {"finishReason": "STOP",}\n  ]\n}\n',
  "ok.sse": `data: ${chunk("a")}\r\n\r\ndata: ${chunk("b", { finishReason: "STOP" })}\r\n\r\n`,
  "bad-middle.sse": `data: ${chunk("a")}\n\ndata: {"candidates": "x"}\n\ndata: ${chunk("c")}\n\n`,
  "ok-array.json": `[${chunk("a")},\n${chunk("b")}]`,
  "ok.ndjson": `${chunk("a")}\n${chunk("b")}\n`,
  "empty.json": "",
  "blank.json": "  \n\t\n",
  "page.html": "<!DOCTYPE html>\n<html><body><h1>502 Bad Gateway</h1></body></html>\n",
  "text.txt": "upstream connect error\n",
  "string.json": '"x"',
  "number.json": "42",
  "null.json": "null",
  "empty-array.json": "[]",
  "no-data.sse": ": keep-alive\n\n",
  "lone-bracket.json": "[",
  "cut.json": '{\n  "candidates": [\n    {"finishReason": "ST',
  "cut-array.json": `[${chunk("a")},\r\n${chunk("b").slice(0, 20)}`,
  "cut.ndjson": `${chunk("a")}\n${chunk("b").slice(0, 20)}`,
  "cut.sse": `data: ${chunk("a")}\n\ndata: ${chunk("b").slice(0, 20)}`,
  "done.sse": `data: ${chunk("a")}\n\ndata: ${chunk("b")}\n\ndata: [DONE]\n\n`,
  "after-done.sse": `data: ${chunk("a")}\n\ndata: [DONE]\n\ndata: ${chunk("b")}\n\n`,
  "error-mid.sse": `data: ${chunk("a")}\r\n\r\ndata: {"error": {"code": 503, "message": "The model is overloaded. Please try again later.", "status": "UNAVAILABLE"}}\r\n\r\n`,
  "error-mid-array.json": `[${chunk("a")},\r\n{"error": {"code": 500, "message": "An internal error has occurred.", "status": "INTERNAL"}}\r\n]`,
  "error-raw.sse": `data: ${chunk("a")}\n\n{\n  "error": {\n    "code": 499,\n    "message": "The operation was cancelled.",\n    "status": "CANCELLED"\n  }\n}\n`,
  "error.json":
    '{\n  "error": {\n    "code": 400,\n    "message": "Request contains an invalid argument.",\n    "status": "INVALID_ARGUMENT"\n  }\n}\n',
  "bad-error.json": '{"error": "Not Found"}',
  "array.json": '["a"]',
  "request-snake.json": {
    contents: [{ role: "user", parts: [{ inline_data: { mime_type: "image/png", data: "iVBORw0KGgo=" } }] }],
    generation_config: { response_mime_type: "application/json" },
  },
});

// Bytes that are not UTF-8: a lone 0xFF inside a string of a JSON value, and a broken two-byte sequence in an SSE event.
const utf8 = (text: string) => [...new TextEncoder().encode(text)];
writeFileSync(
  join(dir, "bad-utf8.json"),
  Uint8Array.from([...utf8('{\n  "candidates": [{"finishReason": "'), 0xff, ...utf8('"}]\n}\n')]),
);
writeFileSync(
  join(dir, "bad-utf8.sse"),
  Uint8Array.from([...utf8(`data: ${chunk("a")}\n\ndata: {"x": "`), 0xc3, 0x28, ...utf8('"}\n\n')]),
);

type Want = { code: number; out?: RegExp[]; notOut?: RegExp[] };

const rows: [string, { given: string[]; stdin?: string | Uint8Array; want: Want }][] = [
  [
    "a valid JSON file",
    { given: ["GenerateContentResponse", "ok.json"], want: { code: 0, out: [/^ok\.json: valid$/m] } },
  ],
  [
    "drift passes in lenient mode and is listed",
    {
      given: ["GenerateContentResponse", "drift.json"],
      want: {
        code: 0,
        out: [
          /drift unknown-enum-value: "BRAND_NEW_REASON"/,
          /\/candidates\/0\/newField: drift unknown-field/,
          /valid, 2 drift/,
        ],
      },
    },
  ],
  [
    "drift fails in strict mode",
    {
      given: ["GenerateContentResponse", "drift.json", "--strict"],
      want: {
        code: 1,
        out: [/\/candidates\/0\/finishReason: unknown-enum-value/, /\/candidates\/0\/newField: unknown-field/],
      },
    },
  ],
  [
    "every issue, with pointer and spec field",
    {
      given: ["GenerateContentResponse", "bad.json"],
      want: {
        code: 1,
        out: [
          /\/candidates\/0\/tokenCount: invalid-type: .*Candidate\.tokenCount/,
          /\/usageMetadata\/promptTokenCount: invalid-type/,
          /bad\.json: 2 issues/,
        ],
      },
    },
  ],
  [
    "broken JSON is located by byte, line and column",
    {
      given: ["GenerateContentResponse", "broken.json"],
      want: { code: 1, out: [/^broken\.json: byte \d+, line 3, column \d+ \/: invalid-json: not valid JSON/m] },
    },
  ],
  [
    "an SSE stream, chunk by chunk",
    { given: ["GenerateContentResponse", "ok.sse"], want: { code: 0, out: [/ok\.sse: 2 chunks \(sse\), valid/] } },
  ],
  [
    "--stream reads the file as a stream",
    { given: ["GenerateContentResponse", "ok.sse", "--stream"], want: { code: 0, out: [/2 chunks \(sse\), valid/] } },
  ],
  [
    "a bad middle chunk is located and does not hide the next",
    {
      given: ["GenerateContentResponse", "bad-middle.sse"],
      want: {
        code: 1,
        out: [
          /bad-middle\.sse: chunk 1 \(byte \d+, line 3, column 7\) \/candidates: invalid-type/,
          /3 chunks \(sse\), 1 issue$/m,
        ],
      },
    },
  ],
  [
    "a JSON-array stream",
    { given: ["GenerateContentResponse", "ok-array.json"], want: { code: 0, out: [/2 chunks \(json-array\), valid/] } },
  ],
  [
    "NDJSON",
    { given: ["GenerateContentResponse", "ok.ndjson"], want: { code: 0, out: [/2 chunks \(ndjson\), valid/] } },
  ],
  [
    "snake_case request keys are accepted",
    { given: ["GenerateContentRequest", "request-snake.json", "--strict"], want: { code: 0, out: [/valid/] } },
  ],
  [
    "stdin with -",
    { given: ["GenerateContentResponse", "-"], stdin: chunk("x"), want: { code: 0, out: [/<stdin>: valid/] } },
  ],
  [
    "stdin when no file is named",
    {
      given: ["GenerateContentResponse"],
      stdin: `data: ${chunk("x")}\n\n`,
      want: { code: 0, out: [/<stdin>: 1 chunk \(sse\), valid/] },
    },
  ],
  [
    "several files: one invalid fails the run",
    {
      given: ["GenerateContentResponse", "ok.json", "bad.json"],
      want: { code: 1, out: [/ok\.json: valid/, /bad\.json: 2 issues/] },
    },
  ],
  [
    "an empty file is no response",
    {
      given: ["GenerateContentResponse", "empty.json"],
      want: { code: 1, out: [/^empty\.json: byte 0, line 1, column 1 \/: invalid-json: the input is empty$/m] },
    },
  ],
  [
    "a blank file is no response",
    {
      given: ["GenerateContentResponse", "blank.json"],
      want: {
        code: 1,
        out: [/^blank\.json: byte \d+, line \d+, column 1 \/: invalid-json: the input holds only white space$/m],
      },
    },
  ],
  [
    "an HTML page says what it likely is",
    {
      given: ["GenerateContentResponse", "page.html"],
      want: {
        code: 1,
        out: [
          /^page\.html: byte 0, line 1, column 1 \/: invalid-json: this is an HTML page, not JSON \(a proxy or gateway error\?\)$/m,
        ],
      },
    },
  ],
  [
    "plain text is located where it starts",
    {
      given: ["GenerateContentResponse", "text.txt"],
      want: {
        code: 1,
        out: [
          /^text\.txt: byte 0, line 1, column 1 \/: invalid-json: this is plain text, not JSON: it starts with "upstream connect error"$/m,
        ],
      },
    },
  ],
  [
    "a JSON string is not an object",
    { given: ["GenerateContentResponse", "string.json"], want: { code: 1, out: [/string\.json: \/: invalid-type/] } },
  ],
  [
    "a JSON number is not an object",
    { given: ["GenerateContentResponse", "number.json"], want: { code: 1, out: [/number\.json: \/: invalid-type/] } },
  ],
  [
    "null is not an object",
    { given: ["GenerateContentResponse", "null.json"], want: { code: 1, out: [/null\.json: \/: invalid-type/] } },
  ],
  [
    "an array of a scalar is a stream of a chunk that is no object",
    {
      given: ["GenerateContentResponse", "array.json"],
      want: { code: 1, out: [/array\.json: chunk 0 \(byte 1, line 1, column 2\) \/: invalid-type/] },
    },
  ],
  [
    "an empty JSON array holds no response",
    {
      given: ["GenerateContentResponse", "empty-array.json"],
      want: {
        code: 1,
        out: [/stream-framing: the stream holds no chunk: the JSON array is empty/, /0 chunks \(json-array\), 1 issue/],
      },
    },
  ],
  [
    "a lone `[` ends before any chunk",
    {
      given: ["GenerateContentResponse", "lone-bracket.json"],
      want: {
        code: 1,
        out: [/chunk 0 \(byte 1, line 1, column 2\) \/: truncated: .*closing `\]`, with no chunk in it/],
      },
    },
  ],
  [
    "an SSE stream without a data event holds no response",
    {
      given: ["GenerateContentResponse", "no-data.sse"],
      want: { code: 1, out: [/stream-framing: the stream holds no chunk: the event stream has no event with data/] },
    },
  ],
  // truncated, in each framing
  [
    "plain JSON cut short",
    {
      given: ["GenerateContentResponse", "cut.json"],
      want: {
        code: 1,
        out: [/^cut\.json: byte 44, line 3, column 25 \/: truncated: the input ends inside the JSON value/m],
      },
    },
  ],
  [
    "a JSON-array stream cut inside a chunk",
    {
      given: ["GenerateContentResponse", "cut-array.json"],
      want: {
        code: 1,
        out: [
          /chunk 1 \(byte \d+, line 2, column 1\) \/: truncated: the stream ends inside chunk 1, which starts at byte \d+/,
          /1 chunk \(json-array\), 1 issue/,
        ],
      },
    },
  ],
  [
    "NDJSON cut inside a line",
    {
      given: ["GenerateContentResponse", "cut.ndjson"],
      want: { code: 1, out: [/chunk 1 \(byte \d+, line 2, column 1\) \/: truncated: the stream ends inside chunk 1/] },
    },
  ],
  [
    "SSE cut inside an event",
    {
      given: ["GenerateContentResponse", "cut.sse"],
      want: { code: 1, out: [/chunk 1 \(byte \d+, line 3, column 7\) \/: truncated: the stream ends inside chunk 1/] },
    },
  ],
  [
    "--stream: SSE cut inside an event",
    {
      given: ["GenerateContentResponse", "cut.sse", "--stream"],
      want: { code: 1, out: [/chunk 1 \(byte \d+, line 3, column 7\) \/: truncated/] },
    },
  ],
  // [DONE] and the API's errors
  [
    "`data: [DONE]` ends an SSE stream",
    {
      given: ["GenerateContentResponse", "done.sse", "--strict"],
      want: { code: 0, out: [/done\.sse: 2 chunks \(sse\), valid/] },
    },
  ],
  [
    "an event after `data: [DONE]`",
    {
      given: ["GenerateContentResponse", "after-done.sse"],
      want: {
        code: 1,
        out: [/chunk 1 \(byte \d+, line 5, column 7\) \/: stream-framing: an event after `data: \[DONE\]`/],
      },
    },
  ],
  [
    "an error event mid-stream is the API error it is",
    {
      given: ["GenerateContentResponse", "error-mid.sse"],
      want: {
        code: 1,
        out: [
          /chunk 1 \(byte \d+, line 3, column 7\) \/error: api-error: the API sent an error instead of a response: 503 UNAVAILABLE: The model is overloaded/,
          /2 chunks \(sse\), 1 issue/,
        ],
      },
    },
  ],
  [
    "--stream: an error event mid-stream",
    {
      given: ["GenerateContentResponse", "error-mid.sse", "--stream"],
      want: { code: 1, out: [/\/error: api-error: .*503 UNAVAILABLE/] },
    },
  ],
  [
    "an error element in a JSON-array stream",
    {
      given: ["GenerateContentResponse", "error-mid-array.json"],
      want: { code: 1, out: [/chunk 1 \(byte \d+, line 2, column 1\) \/error: api-error: .*500 INTERNAL/] },
    },
  ],
  [
    "a pretty-printed error body inside an SSE stream",
    {
      given: ["GenerateContentResponse", "error-raw.sse"],
      want: {
        code: 1,
        out: [
          /chunk 1 \(byte \d+, line 3, column 1\) \/error: api-error: .*499 CANCELLED: The operation was cancelled\./,
        ],
      },
    },
  ],
  [
    "an error body where a response belongs",
    {
      given: ["GenerateContentResponse", "error.json"],
      want: {
        code: 1,
        out: [/error\.json: \/error: api-error: .*400 INVALID_ARGUMENT: Request contains an invalid argument\./],
      },
    },
  ],
  [
    "--strict: an error body is still the error",
    {
      given: ["GenerateContentResponse", "error.json", "--strict"],
      want: { code: 1, out: [/api-error: .*400 INVALID_ARGUMENT/] },
    },
  ],
  [
    "an error body is a valid ErrorResponse",
    { given: ["ErrorResponse", "error.json", "--strict"], want: { code: 0, out: [/error\.json: valid/] } },
  ],
  [
    "an error envelope that is no ErrorResponse",
    {
      given: ["GenerateContentResponse", "bad-error.json"],
      want: { code: 1, out: [/\/error: api-error: .*not a valid ErrorResponse/, /\/error: invalid-type/] },
    },
  ],
  // bytes that are not UTF-8: located at the first bad byte
  [
    "invalid UTF-8 in a JSON file",
    {
      given: ["GenerateContentResponse", "bad-utf8.json"],
      want: {
        code: 1,
        out: [
          /^bad-utf8\.json: byte 37, line 2, column 36 \/: invalid-json: the input is not valid UTF-8 here \(byte 0xFF\)$/m,
        ],
      },
    },
  ],
  [
    "invalid UTF-8 in an SSE file",
    {
      given: ["GenerateContentResponse", "bad-utf8.sse"],
      want: {
        code: 1,
        out: [
          /bad-utf8\.sse: byte \d+, line 3, column 14 \/: invalid-json: the input is not valid UTF-8 here \(byte 0xC3\)/,
        ],
      },
    },
  ],
  [
    "--stream: invalid UTF-8, after the chunk before it",
    {
      given: ["GenerateContentResponse", "bad-utf8.sse", "--stream"],
      want: {
        code: 1,
        out: [
          /chunk 1 \(byte \d+, line 3, column 14\) \/: stream-framing: the input is not valid UTF-8 here \(byte 0xC3\)/,
          /1 chunk \(sse\), 1 issue/,
        ],
      },
    },
  ],
  // --stream refuses what is no stream
  [
    "--stream: an HTML page is not a stream",
    {
      given: ["GenerateContentResponse", "page.html", "--stream"],
      want: { code: 1, out: [/byte 0, line 1, column 1\) \/: stream-framing: not a stream .*HTML page/] },
    },
  ],
  [
    "--stream: an empty file is not a stream",
    {
      given: ["GenerateContentResponse", "empty.json", "--stream"],
      want: { code: 1, out: [/stream-framing: the stream holds no chunk: the input is empty/] },
    },
  ],
  [
    "--stream: plain text",
    {
      given: ["GenerateContentResponse", "text.txt", "--stream"],
      want: { code: 1, out: [/not a stream .*plain text/] },
    },
  ],
  [
    "--stream: JSON null",
    {
      given: ["GenerateContentResponse", "null.json", "--stream"],
      want: { code: 1, out: [/not a stream .*JSON null/] },
    },
  ],
  [
    "--stream: a lone `[`",
    { given: ["GenerateContentResponse", "lone-bracket.json", "--stream"], want: { code: 1, out: [/truncated/] } },
  ],
  [
    "--stream: an SSE stream without a data event",
    { given: ["GenerateContentResponse", "no-data.sse", "--stream"], want: { code: 1, out: [/holds no chunk/] } },
  ],
  [
    "--strict does not make an empty file pass",
    { given: ["GenerateContentResponse", "empty.json", "--strict"], want: { code: 1, out: [/invalid-json/] } },
  ],
  [
    "--strict --stream does not make an HTML page pass",
    { given: ["GenerateContentResponse", "page.html", "--strict", "--stream"], want: { code: 1, out: [/HTML page/] } },
  ],
  [
    "empty stdin is no response",
    {
      given: ["GenerateContentResponse", "-"],
      stdin: "",
      want: { code: 1, out: [/<stdin>: byte 0, line 1, column 1 \/: invalid-json: the input is empty/] },
    },
  ],
  [
    "HTML on stdin",
    {
      given: ["GenerateContentResponse", "-"],
      stdin: "<html><body>Service Unavailable</body></html>",
      want: { code: 1, out: [/<stdin>: .*HTML page/] },
    },
  ],
  [
    "an SSE error event on stdin",
    {
      given: ["GenerateContentResponse"],
      stdin: 'data: {"error": {"code": 404, "status": "NOT_FOUND", "message": "models/x is not found"}}\n\n',
      want: { code: 1, out: [/<stdin>: chunk 0 \(byte 6, line 1, column 7\) \/error: api-error: .*404 NOT_FOUND/] },
    },
  ],
  // main.ts hands standard input over as bytes, so invalid UTF-8 there is located like in a file
  [
    "invalid UTF-8 on stdin",
    {
      given: ["GenerateContentResponse", "-"],
      stdin: new Uint8Array([0x7b, 0x22, 0xff, 0x22, 0x3a, 0x31, 0x7d]),
      want: {
        code: 1,
        out: [/<stdin>: byte 2, line 1, column 3 \/: invalid-json: the input is not valid UTF-8 here \(byte 0xFF\)/],
      },
    },
  ],
  [
    "a missing file",
    { given: ["GenerateContentResponse", "nope.json"], want: { code: 1, out: [/cannot read nope\.json/] } },
  ],
];

describe("gemini-typekit validate", () => {
  it.each(rows)("%s", async (_name, { given, stdin, want }) => {
    const { code, stdout } = await run(["validate", ...given], dir, stdin);
    for (const pattern of want.out ?? []) expect(stdout).toMatch(pattern);
    expect(code).toBe(want.code);
  });

  it("--json prints the results as data", async () => {
    const { code, stdout } = await run(
      ["validate", "GenerateContentResponse", "bad-middle.sse", "drift.json", "--json"],
      dir,
    );
    expect(code).toBe(1);
    const data = JSON.parse(stdout) as {
      ok: boolean;
      mode: string;
      results: {
        file: string;
        framing: string;
        chunks: number;
        ok: boolean;
        issues: { chunk?: number; offset?: number; pointer: string; code: string }[];
        drift: unknown[];
      }[];
    };
    expect(data).toMatchObject({ ok: false, mode: "lenient" });
    expect(data.results[0]).toMatchObject({ file: "bad-middle.sse", framing: "sse", chunks: 3, ok: false });
    expect(data.results[0]!.issues).toEqual([
      expect.objectContaining({ chunk: 1, pointer: "/candidates", code: "invalid-type" }),
    ]);
    expect(data.results[0]!.issues[0]!.offset).toBe(`data: ${chunk("a")}\n\ndata: `.length);
    expect(data.results[1]).toMatchObject({ file: "drift.json", ok: true });
    expect(data.results[1]!.drift).toHaveLength(2);
  });

  it("--json gives each located issue its byte offset, line and column", async () => {
    const { code, stdout } = await run(
      ["validate", "GenerateContentResponse", "error-mid.sse", "cut.json", "--json"],
      dir,
    );
    expect(code).toBe(1);
    const data = JSON.parse(stdout) as { results: { issues: Record<string, unknown>[] }[] };
    expect(data.results[0]!.issues).toEqual([
      {
        pointer: "/error",
        code: "api-error",
        message: expect.stringMatching(/503 UNAVAILABLE/),
        spec: "ErrorResponse",
        chunk: 1,
        offset: `data: ${chunk("a")}\r\n\r\ndata: `.length,
        line: 3,
        column: 7,
      },
    ]);
    expect(data.results[1]!.issues).toEqual([
      { pointer: "", code: "truncated", message: expect.any(String), offset: 44, line: 3, column: 25 },
    ]);
  });

  it.each([
    [
      "an unknown resource, with suggestions",
      ["validate", "GenerateContentRespons", "ok.json"],
      /Did you mean: .*GenerateContentResponse/,
    ],
    ["no resource", ["validate"], /Not enough non-option arguments/],
  ])("usage error: %s exits 2", async (_name, args, pattern) => {
    const { code, stderr } = await run(args, dir);
    expect(code).toBe(2);
    expect(stderr).toMatch(pattern);
  });
});
