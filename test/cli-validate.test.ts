// `gemini-typekit validate` in-process: framings, modes, located output, --json, stdin and exit codes.
import { describe, expect, it } from "vitest";
import { main } from "../packages/tools/src/cli/main.ts";
import type { CliIo } from "../packages/tools/src/cli/command.ts";
import { tempDir, writeTree } from "./support/tmp.ts";

async function run(args: string[], cwd: string, stdin = "") {
  let stdout = "";
  let stderr = "";
  const io: CliIo = { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), cwd, stdin: async () => stdin };
  const code = await main(args, io);
  return { code, stdout, stderr };
}

const chunk = (text: string, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ candidates: [{ content: { role: "model", parts: [{ text }] }, ...extra }], responseId: "r1", modelVersion: "gemini-x" });

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
  "request-snake.json": { contents: [{ role: "user", parts: [{ inline_data: { mime_type: "image/png", data: "iVBORw0KGgo=" } }] }], generation_config: { response_mime_type: "application/json" } },
});

type Want = { code: number; out?: RegExp[]; notOut?: RegExp[] };

const rows: [string, { given: string[]; stdin?: string; want: Want }][] = [
  ["a valid JSON file", { given: ["GenerateContentResponse", "ok.json"], want: { code: 0, out: [/^ok\.json: valid$/m] } }],
  ["drift passes in lenient mode and is listed", { given: ["GenerateContentResponse", "drift.json"], want: { code: 0, out: [/drift unknown-enum-value: "BRAND_NEW_REASON"/, /\/candidates\/0\/newField: drift unknown-field/, /valid, 2 drift/] } }],
  ["drift fails in strict mode", { given: ["GenerateContentResponse", "drift.json", "--strict"], want: { code: 1, out: [/\/candidates\/0\/finishReason: unknown-enum-value/, /\/candidates\/0\/newField: unknown-field/] } }],
  [
    "every issue, with pointer and spec field",
    { given: ["GenerateContentResponse", "bad.json"], want: { code: 1, out: [/\/candidates\/0\/tokenCount: invalid-type: .*Candidate\.tokenCount/, /\/usageMetadata\/promptTokenCount: invalid-type/, /bad\.json: 2 issues/] } },
  ],
  ["broken JSON is located by line and column", { given: ["GenerateContentResponse", "broken.json"], want: { code: 1, out: [/invalid-json: .*line 3, column \d+/] } }],
  ["an SSE stream, chunk by chunk", { given: ["GenerateContentResponse", "ok.sse"], want: { code: 0, out: [/ok\.sse: 2 chunks \(sse\), valid/] } }],
  ["--stream reads the file as a stream", { given: ["GenerateContentResponse", "ok.sse", "--stream"], want: { code: 0, out: [/2 chunks \(sse\), valid/] } }],
  [
    "a bad middle chunk is located and does not hide the next",
    { given: ["GenerateContentResponse", "bad-middle.sse"], want: { code: 1, out: [/bad-middle\.sse: chunk 1 \(byte \d+\) \/candidates: invalid-type/, /3 chunks \(sse\), 1 issue$/m] } },
  ],
  ["a JSON-array stream", { given: ["GenerateContentResponse", "ok-array.json"], want: { code: 0, out: [/2 chunks \(json-array\), valid/] } }],
  ["NDJSON", { given: ["GenerateContentResponse", "ok.ndjson"], want: { code: 0, out: [/2 chunks \(ndjson\), valid/] } }],
  ["snake_case request keys are accepted", { given: ["GenerateContentRequest", "request-snake.json", "--strict"], want: { code: 0, out: [/valid/] } }],
  ["stdin with -", { given: ["GenerateContentResponse", "-"], stdin: chunk("x"), want: { code: 0, out: [/<stdin>: valid/] } }],
  ["stdin when no file is named", { given: ["GenerateContentResponse"], stdin: `data: ${chunk("x")}\n\n`, want: { code: 0, out: [/<stdin>: 1 chunk \(sse\), valid/] } }],
  ["several files: one invalid fails the run", { given: ["GenerateContentResponse", "ok.json", "bad.json"], want: { code: 1, out: [/ok\.json: valid/, /bad\.json: 2 issues/] } }],
  ["an empty file is no response", { given: ["GenerateContentResponse", "empty.json"], want: { code: 1, out: [/empty\.json: \/: invalid-json: the input is empty.*\(byte 0, line 1, column 1\)/] } }],
  ["a blank file is no response", { given: ["GenerateContentResponse", "blank.json"], want: { code: 1, out: [/blank\.json: \/: invalid-json: the input holds only white space/] } }],
  ["an HTML page says what it likely is", { given: ["GenerateContentResponse", "page.html"], want: { code: 1, out: [/page\.html: \/: invalid-json: this is an HTML page, not JSON \(a proxy or gateway error\?\)/] } }],
  ["plain text is located where it starts", { given: ["GenerateContentResponse", "text.txt"], want: { code: 1, out: [/text\.txt: \/: invalid-json: .*\(line 1, column 1\)/] } }],
  ["a JSON string is not an object", { given: ["GenerateContentResponse", "string.json"], want: { code: 1, out: [/string\.json: \/: invalid-type/] } }],
  ["a JSON number is not an object", { given: ["GenerateContentResponse", "number.json"], want: { code: 1, out: [/number\.json: \/: invalid-type/] } }],
  ["null is not an object", { given: ["GenerateContentResponse", "null.json"], want: { code: 1, out: [/null\.json: \/: invalid-type/] } }],
  ["an empty JSON array holds no response", { given: ["GenerateContentResponse", "empty-array.json"], want: { code: 1, out: [/stream-framing: the json-array stream holds no chunk/, /0 chunks \(json-array\), 1 issue/] } }],
  ["an SSE stream without a data event holds no response", { given: ["GenerateContentResponse", "no-data.sse"], want: { code: 1, out: [/stream-framing: the sse stream holds no chunk/] } }],
  ["--stream: an HTML page is not a stream", { given: ["GenerateContentResponse", "page.html", "--stream"], want: { code: 1, out: [/stream-framing: not a stream .*HTML page/] } }],
  ["--stream: an empty file is not a stream", { given: ["GenerateContentResponse", "empty.json", "--stream"], want: { code: 1, out: [/stream-framing: not a stream .*empty/] } }],
  ["--stream: an SSE stream without a data event", { given: ["GenerateContentResponse", "no-data.sse", "--stream"], want: { code: 1, out: [/holds no chunk/] } }],
  ["--strict does not make an empty file pass", { given: ["GenerateContentResponse", "empty.json", "--strict"], want: { code: 1, out: [/invalid-json/] } }],
  ["empty stdin is no response", { given: ["GenerateContentResponse", "-"], stdin: "", want: { code: 1, out: [/<stdin>: \/: invalid-json: the input is empty/] } }],
  ["a missing file", { given: ["GenerateContentResponse", "nope.json"], want: { code: 1, out: [/cannot read nope\.json/] } }],
];

describe("gemini-typekit validate", () => {
  it.each(rows)("%s", async (_name, { given, stdin, want }) => {
    const { code, stdout } = await run(["validate", ...given], dir, stdin);
    for (const pattern of want.out ?? []) expect(stdout).toMatch(pattern);
    expect(code).toBe(want.code);
  });

  it("--json prints the results as data", async () => {
    const { code, stdout } = await run(["validate", "GenerateContentResponse", "bad-middle.sse", "drift.json", "--json"], dir);
    expect(code).toBe(1);
    const data = JSON.parse(stdout) as { ok: boolean; mode: string; results: { file: string; framing: string; chunks: number; ok: boolean; issues: { chunk?: number; offset?: number; pointer: string; code: string }[]; drift: unknown[] }[] };
    expect(data).toMatchObject({ ok: false, mode: "lenient" });
    expect(data.results[0]).toMatchObject({ file: "bad-middle.sse", framing: "sse", chunks: 3, ok: false });
    expect(data.results[0]!.issues).toEqual([expect.objectContaining({ chunk: 1, pointer: "/candidates", code: "invalid-type" })]);
    expect(data.results[0]!.issues[0]!.offset).toBe(`data: ${chunk("a")}\n\ndata: `.length);
    expect(data.results[1]).toMatchObject({ file: "drift.json", ok: true });
    expect(data.results[1]!.drift).toHaveLength(2);
  });

  it.each([
    ["an unknown resource, with suggestions", ["validate", "GenerateContentRespons", "ok.json"], /Did you mean: .*GenerateContentResponse/],
    ["no resource", ["validate"], /Not enough non-option arguments/],
  ])("usage error: %s exits 2", async (_name, args, pattern) => {
    const { code, stderr } = await run(args, dir);
    expect(code).toBe(2);
    expect(stderr).toMatch(pattern);
  });
});
