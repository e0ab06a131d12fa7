// lintRequest on whole request bodies (what it lints where, with pointers absolute in the linted value) and the
// `lint-request` command in-process through main(): exit codes 0/1/2, --json shape, located read and syntax errors.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../packages/tools/src/cli/main.ts";
import type { CliIo } from "../../packages/tools/src/cli/command.ts";
import { lintRequest } from "../../packages/tools/src/index.ts";
import type { Json } from "../../packages/tools/src/response-schema/json-schema-types.ts";

interface Case {
  given: Json;
  model?: string;
  /** `code pointer` of every finding, in order. */
  want: string[];
}

const user = { role: "user", parts: [{ text: "What is the weather?" }] };
const unsignedCall = { role: "model", parts: [{ functionCall: { name: "get_weather", args: { city: "Paris" } } }] };
const answer = { role: "user", parts: [{ functionResponse: { name: "get_weather", response: { temp: 21 } } }] };
const weatherTool = {
  functionDeclarations: [
    {
      name: "get_weather",
      description: "Weather",
      parametersJsonSchema: { type: "object", properties: { city: { type: "string" } }, required: ["city"] },
    },
  ],
};

const CASES: [string, Case][] = [
  [
    "a clean request has no findings",
    { given: { contents: [user], tools: [weatherTool], generationConfig: { temperature: 0.2 } }, want: [] },
  ],
  [
    "the GenerationConfig is linted as lintSchema lints one, under the request's key",
    {
      given: {
        contents: [user],
        generationConfig: {
          responseMimeType: "text/plain",
          responseSchema: { type: "OBJECT", properties: { a: { type: "STRING" } } },
        },
      },
      want: ["config.mime-type /generationConfig/responseMimeType"],
    },
  ],
  [
    "a snake_case GenerationConfig is linted too, its schema inside checked",
    {
      given: {
        contents: [user],
        generation_config: {
          response_mime_type: "application/json",
          response_schema: { type: "object", properties: { a: { type: "string", enum: [""] } } },
        },
      },
      want: ["legacy.enum-empty-value /generation_config/response_schema/properties/a/enum/0"],
    },
  ],
  [
    "each declaration schema is linted for its own target, with its pointer in the request",
    {
      given: {
        contents: [user],
        tools: [
          {
            function_declarations: [
              { name: "f", parameters: { type: "OBJECT", properties: { tags: { type: "ARRAY" } } } },
              { name: "g", parametersJsonSchema: { type: "array" } },
            ],
          },
        ],
      },
      want: [
        "legacy.array-items-missing /tools/0/function_declarations/0/parameters/properties/tags",
        "function.parameters-object /tools/0/function_declarations/1/parametersJsonSchema",
      ],
    },
  ],
  [
    "a batch line's request is linted under /request",
    {
      given: {
        key: "line-1",
        request: { model: "models/gemini-3-flash-preview", contents: [user, unsignedCall, answer] },
      },
      want: ["request.thought-signature-missing /request/contents/1/parts/0"],
    },
  ],
  [
    "a CachedContent is linted like a request",
    {
      given: { model: "models/gemini-2.5-flash", contents: [answer], ttl: "300s" },
      want: ["request.function-response-without-call /contents/0/parts/0/functionResponse"],
    },
  ],
  [
    "the caller's model decides the thought-signature rule",
    {
      given: { contents: [user, unsignedCall, answer] },
      model: "gemini-3-pro-preview",
      want: ["request.thought-signature-missing /contents/1/parts/0"],
    },
  ],
  [
    "with no model known, a missing thought signature is a warning",
    {
      given: { contents: [user, unsignedCall, answer] },
      want: ["request.thought-signature-unknown-model /contents/1/parts/0"],
    },
  ],
  ["a body that is no object is one error at the root", { given: [user], want: ["request.not-object "] }],
];

describe("lintRequest", () => {
  it.each(CASES)("%s", (_name, c) => {
    const found = lintRequest(c.given, { file: "body.json", ...(c.model ? { model: c.model } : {}) });
    expect(found.map((d) => `${d.code} ${d.location.pointer}`)).toEqual(c.want);
    for (const d of found) expect(d.location.file).toBe("body.json");
  });
});

function io(stdin = ""): CliIo & { out: string; err: string } {
  const o = {
    out: "",
    err: "",
    cwd: mkdtempSync(join(tmpdir(), "gtk-req-")),
    stdout: (t: string) => void (o.out += t),
    stderr: (t: string) => void (o.err += t),
    stdin: async () => stdin,
  };
  return o;
}

interface CliCase {
  args: string[];
  /** Written to body.json in the working directory, or given on stdin for "-". */
  body?: string;
  exit: number;
  /** Other files written to the working directory. */
  files?: Record<string, string | Uint8Array>;
  /** Substrings of stdout and stderr. */
  out?: string[];
  err?: string[];
}

const signed = JSON.stringify({
  contents: [
    user,
    { role: "model", parts: [{ functionCall: { name: "get_weather", args: {} }, thoughtSignature: "c2ln" }] },
    answer,
  ],
  tools: [weatherTool],
});
const unsigned = JSON.stringify({ contents: [user, unsignedCall, answer] });

const CLI: [string, CliCase][] = [
  [
    "exits 0 on a clean request",
    {
      args: ["lint-request", "body.json", "--model", "gemini-3-flash-preview"],
      body: signed,
      exit: 0,
      out: ["body.json: 0 error(s), 0 warning(s)"],
    },
  ],
  [
    "exits 1 with located findings on an error",
    {
      args: ["lint-request", "body.json", "--model", "gemini-3-flash-preview"],
      body: unsigned,
      exit: 1,
      err: ["body.json #/contents/1/parts/0: error request.thought-signature-missing"],
      out: ["1 error(s), 0 warning(s)"],
    },
  ],
  [
    "exits 0 when there are only warnings",
    {
      args: ["lint-request", "body.json"],
      body: unsigned,
      exit: 0,
      err: ["warning request.thought-signature-unknown-model"],
    },
  ],
  [
    "reads stdin",
    {
      args: ["lint-request", "-", "--model", "gemini-2.5-flash"],
      body: unsigned,
      exit: 0,
      out: ["<stdin>: 0 error(s), 0 warning(s)"],
    },
  ],
  [
    "locates a JSON syntax error by line and column",
    {
      args: ["lint-request", "body.json"],
      body: '{\n  "contents": []\n  "tools": []\n}',
      exit: 1,
      err: ["body.json:3:3: error json.syntax"],
    },
  ],
  [
    "locates bytes that are not UTF-8",
    {
      args: ["lint-request", "bad.json"],
      files: { "bad.json": new Uint8Array([0x7b, 0x0a, 0x20, 0x22, 0xff, 0x22, 0x7d]) },
      exit: 1,
      err: ["bad.json:2:3: error io.utf8: not valid UTF-8: byte 0xFF at offset 4"],
    },
  ],
  [
    "says a missing file cannot be read",
    { args: ["lint-request", "nope.json"], exit: 1, err: ["error io.read: cannot read nope.json"] },
  ],
  ["exits 2 without a file", { args: ["lint-request"], exit: 2 }],
  [
    "lints a .jsonl batch file line by line, each finding at its line",
    {
      args: ["lint-request", "batch.jsonl", "--model", "gemini-3-flash-preview"],
      files: {
        "batch.jsonl": `${JSON.stringify({ key: "a", request: JSON.parse(signed) })}\n\n${JSON.stringify({ key: "b", request: JSON.parse(unsigned) })}\n{"key": "c" "request": {}}\n`,
      },
      exit: 1,
      err: [
        "batch.jsonl:3 #/request/contents/1/parts/0: error request.thought-signature-missing",
        "batch.jsonl:4:13: error json.syntax",
      ],
      out: ["batch.jsonl: 2 error(s), 0 warning(s)"],
    },
  ],
  [
    "reads stdin as JSON Lines with --jsonl",
    {
      args: ["lint-request", "-", "--jsonl", "--model", "gemini-2.5-flash"],
      body: `${unsigned}\n${unsigned}\n`,
      exit: 0,
      out: ["<stdin>: 0 error(s), 0 warning(s)"],
    },
  ],
];

describe("lint-request command", () => {
  it.each(CLI)("%s", async (_name, c) => {
    const x = io(c.args.includes("-") ? c.body : "");
    if (c.body !== undefined && !c.args.includes("-")) writeFileSync(join(x.cwd, "body.json"), c.body);
    for (const [name, content] of Object.entries(c.files ?? {})) writeFileSync(join(x.cwd, name), content);
    expect(await main(c.args, x)).toBe(c.exit);
    for (const s of c.out ?? []) expect(x.out).toContain(s);
    for (const s of c.err ?? []) expect(x.err).toContain(s);
  });

  it("--json prints lint-schema's shape, also for a read error", async () => {
    const x = io(unsigned);
    expect(await main(["lint-request", "-", "--json", "--model", "gemini-3-flash-preview"], x)).toBe(1);
    expect(JSON.parse(x.out)).toEqual({
      ok: false,
      findings: [
        {
          code: "request.thought-signature-missing",
          severity: "error",
          message: expect.stringContaining("get_weather"),
          location: { file: "<stdin>", pointer: "/contents/1/parts/0" },
          hint: expect.any(String),
        },
      ],
    });
    const y = io("{");
    expect(await main(["lint-request", "-", "--json"], y)).toBe(1);
    expect(JSON.parse(y.out)).toMatchObject({
      ok: false,
      findings: [{ code: "json.syntax", severity: "error", location: { file: "<stdin>", line: 1, column: 2 } }],
    });
  });
});
