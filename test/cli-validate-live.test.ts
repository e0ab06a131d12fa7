// `gemini-typekit validate --live` in-process: session files (records) and bare message streams, located output
// (file, message index, direction, line, JSON Pointer), session rules, drift, --strict, --json, stdin and exit codes.
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

// Messages as the recorded sessions have them (../shared/fixtures/real/live/js-genai-live_ML_Dev_*).
const setup = { setup: { model: "models/gemini-live-2.5-flash-preview", outputAudioTranscription: {} } };
const setupComplete = { setupComplete: {} };
const clientContent = {
  clientContent: {
    turns: [{ parts: [{ text: "Hello what should we talk about?" }], role: "user" }],
    turnComplete: true,
  },
};
const transcription = { serverContent: { outputTranscription: { text: "We" } } };
const turnComplete = { serverContent: { turnComplete: true } };
const toolCall = {
  toolCall: {
    functionCalls: [{ name: "get_current_weather", args: { location: "Redmond, WA" }, id: "function-call-1" }],
  },
};
const toolResponse = (response: unknown) => ({
  toolResponse: { functionResponses: [{ id: "function-call-1", name: "get_current_weather", response }] },
});

const rec = (direction: "client" | "server", message: unknown) => JSON.stringify({ direction, message });
const lines = (...items: string[]) => `${items.join("\n")}\n`;
const ndjson = (...messages: unknown[]) => lines(...messages.map((m) => JSON.stringify(m)));

const dir = tempDir("gtk-validate-live-");
writeTree(dir, {
  "ok.jsonl": lines(
    rec("client", setup),
    rec("server", setupComplete),
    rec("client", clientContent),
    rec("server", transcription),
    rec("server", turnComplete),
  ),
  // The test proxy logs a client frame before the server frame that preceded it: tolerated, as the server does.
  "early.jsonl": lines(
    rec("client", setup),
    rec("client", clientContent),
    rec("server", setupComplete),
    rec("server", turnComplete),
  ),
  "tools.jsonl": lines(
    rec("client", setup),
    rec("server", setupComplete),
    rec("server", toolCall),
    rec("client", toolResponse({ temperature: 21 })),
  ),
  "second-setup.jsonl": lines(rec("client", setup), rec("server", setupComplete), rec("client", setup)),
  "not-setup-first.jsonl": lines(rec("client", clientContent), rec("server", setupComplete)),
  "two-members.jsonl": lines(
    rec("client", setup),
    rec("server", setupComplete),
    rec("client", { ...clientContent, realtimeInput: { text: "hi" } }),
  ),
  "bad-response.jsonl": lines(
    rec("client", setup),
    rec("server", setupComplete),
    rec("server", toolCall),
    rec("client", toolResponse("happy")),
  ),
  "bad-enum.jsonl": lines(
    rec("client", { setup: { ...setup.setup, generationConfig: { responseModalities: ["SMELL"] } } }),
    rec("server", setupComplete),
  ),
  "server-type.jsonl": lines(
    rec("client", setup),
    rec("server", setupComplete),
    rec("server", { serverContent: { turnComplete: "yes" } }),
  ),
  "drift.jsonl": lines(rec("client", setup), rec("server", { setupComplete: {}, brandNewMember: { x: 1 } })),
  "snake.jsonl": lines(
    rec("client", { setup: { model: "models/x", generation_config: { response_modalities: ["AUDIO"] } } }),
    rec("client", { realtime_input: { audio: { mimeType: "audio/pcm;rate=16000", data: "AAAA" } } }),
  ),
  "records.json": `[\n${rec("client", setup)},\n${rec("server", setupComplete)}\n]\n`,
  "client.ndjson": ndjson(setup, clientContent),
  "client-array.json": JSON.stringify([setup, clientContent], null, 2),
  "server.ndjson": ndjson(setupComplete, transcription, turnComplete),
  "broken-line.jsonl": lines(
    rec("client", setup),
    '{"direction": "server", "message": {"setupComplete": {},}}',
    rec("server", turnComplete),
  ),
  "bad-direction.jsonl": lines(rec("client", setup), JSON.stringify({ direction: "model", message: setupComplete })),
  "extra-key.jsonl": lines(
    rec("client", setup),
    JSON.stringify({ direction: "server", message: setupComplete, at: 3 }),
  ),
  "no-message.jsonl": lines(rec("client", setup), JSON.stringify({ direction: "server" })),
  "scalar-line.jsonl": lines(rec("client", setup), "42"),
  "empty.jsonl": "",
  "page.html": "<!DOCTYPE html>\n<html><body>502</body></html>\n",
  "events.sse": `data: ${JSON.stringify(setupComplete)}\n\n`,
  "cut.jsonl": `${rec("client", setup)}\n${rec("server", setupComplete).slice(0, 20)}`,
});
writeFileSync(
  join(dir, "bad-utf8.jsonl"),
  Uint8Array.from([
    ...new TextEncoder().encode(`${rec("client", setup)}\n{"direction": "server", "message": {"x": "`),
    0xff,
    ...new TextEncoder().encode('"}}\n'),
  ]),
);

type Want = { code: number; out?: RegExp[]; notOut?: RegExp[] };

const rows: [string, { given: string[]; stdin?: string | Uint8Array; want: Want }][] = [
  [
    "a valid session",
    {
      given: ["--live", "ok.jsonl"],
      want: { code: 0, out: [/^ok\.jsonl: 5 messages \(2 client, 3 server\), valid$/m] },
    },
  ],
  [
    "a client message logged before setupComplete is tolerated",
    { given: ["--live", "early.jsonl"], want: { code: 0, out: [/early\.jsonl: 4 messages .*valid/] } },
  ],
  [
    "a tool response that answers the tool call",
    { given: ["--live", "tools.jsonl"], want: { code: 0, out: [/tools\.jsonl: 4 messages .*valid/] } },
  ],
  [
    "a second setup",
    {
      given: ["--live", "second-setup.jsonl"],
      want: {
        code: 1,
        out: [
          /^second-setup\.jsonl: message 2 \(client, line 3\) \/message\/setup: .*live\.setup-once/m,
          /3 messages \(2 client, 1 server\), 1 issue$/m,
        ],
      },
    },
  ],
  [
    "the first client message is no setup",
    {
      given: ["--live", "not-setup-first.jsonl"],
      want: { code: 1, out: [/^not-setup-first\.jsonl: message 0 \(client, line 1\) \/message.*live\.setup-first/m] },
    },
  ],
  [
    "two members in one client message",
    {
      given: ["--live", "two-members.jsonl"],
      want: { code: 1, out: [/^two-members\.jsonl: message 2 \(client, line 3\) \/message\S*: oneof-conflict/m] },
    },
  ],
  [
    "a function response that is no object",
    {
      given: ["--live", "bad-response.jsonl"],
      want: {
        code: 1,
        out: [
          /^bad-response\.jsonl: message 3 \(client, line 4\) \/message\/toolResponse\/functionResponses\/0\/response: /m,
        ],
      },
    },
  ],
  [
    "a bogus enum value in setup",
    {
      given: ["--live", "bad-enum.jsonl"],
      want: {
        code: 1,
        out: [
          /^bad-enum\.jsonl: message 0 \(client, line 1\) \/message\/setup\/generationConfig\/responseModalities\/0: unknown-enum-value/m,
        ],
      },
    },
  ],
  [
    "a wrong type in a server message",
    {
      given: ["--live", "server-type.jsonl"],
      want: {
        code: 1,
        out: [
          /^server-type\.jsonl: message 2 \(server, line 3\) \/message\/serverContent\/turnComplete: invalid-type/m,
        ],
      },
    },
  ],
  [
    "an unknown server member is drift",
    {
      given: ["--live", "drift.jsonl"],
      want: {
        code: 0,
        out: [
          /^drift\.jsonl: message 1 \(server, line 2\) \/message\/brandNewMember: drift unknown-field/m,
          /2 messages \(1 client, 1 server\), valid, 1 drift$/m,
        ],
      },
    },
  ],
  [
    "--strict: an unknown server member is an error",
    {
      given: ["--live", "drift.jsonl", "--strict"],
      want: { code: 1, out: [/message 1 \(server, line 2\) \/message\/brandNewMember: unknown-field/] },
    },
  ],
  [
    "snake_case and camelCase keys in one client message",
    {
      given: ["--live", "snake.jsonl"],
      want: { code: 0, out: [/snake\.jsonl: 2 messages \(2 client, 0 server\), valid/] },
    },
  ],
  [
    "records in a JSON array",
    {
      given: ["--live", "records.json"],
      want: { code: 0, out: [/records\.json: 2 messages \(1 client, 1 server\), valid/] },
    },
  ],
  [
    "bare client messages, one a line",
    {
      given: ["--live", "client", "client.ndjson"],
      want: { code: 0, out: [/client\.ndjson: 2 messages \(2 client, 0 server\), valid/] },
    },
  ],
  [
    "bare client messages in a JSON array",
    {
      given: ["--live", "client", "client-array.json"],
      want: { code: 0, out: [/client-array\.json: 2 messages \(2 client, 0 server\), valid/] },
    },
  ],
  [
    "bare server messages",
    {
      given: ["--live", "server", "server.ndjson"],
      want: { code: 0, out: [/server\.ndjson: 3 messages \(0 client, 3 server\), valid/] },
    },
  ],
  [
    "--live=client",
    { given: ["--live=client", "client.ndjson"], want: { code: 0, out: [/2 messages \(2 client, 0 server\), valid/] } },
  ],
  [
    "bare client messages read as server messages",
    {
      given: ["--live", "server", "client.ndjson"],
      want: { code: 1, out: [/client\.ndjson: message 0 \(server, line 1\) \//] },
    },
  ],
  [
    "bare messages without a direction: a hint",
    {
      given: ["--live", "client.ndjson"],
      want: {
        code: 1,
        out: [/client\.ndjson: message 0 \(line 1\) \/: invalid-value: .*give --live client or --live server/],
      },
    },
  ],
  [
    "several files: one invalid fails the run",
    {
      given: ["--live", "ok.jsonl", "second-setup.jsonl"],
      want: { code: 1, out: [/ok\.jsonl: .*valid/, /second-setup\.jsonl: .*1 issue/] },
    },
  ],
  // what is no session, located
  [
    "a line that is no JSON, and the lines after it",
    {
      given: ["--live", "broken-line.jsonl"],
      want: {
        code: 1,
        out: [
          /^broken-line\.jsonl: message 1 \(line 2, column \d+\) \/: invalid-json: not valid JSON/m,
          /3 messages \(1 client, 1 server\), 1 issue/,
        ],
      },
    },
  ],
  [
    "a record whose direction is neither",
    {
      given: ["--live", "bad-direction.jsonl"],
      want: { code: 1, out: [/message 1 \(line 2\) \/direction: invalid-value: .*"client" or "server"/] },
    },
  ],
  [
    "a record with another key",
    { given: ["--live", "extra-key.jsonl"], want: { code: 1, out: [/message 1 \(line 2\) \/at: unknown-field/] } },
  ],
  [
    "a record without a message",
    {
      given: ["--live", "no-message.jsonl"],
      want: { code: 1, out: [/message 1 \(line 2\) \/message: missing-required/] },
    },
  ],
  [
    "a line that is a JSON scalar",
    { given: ["--live", "scalar-line.jsonl"], want: { code: 1, out: [/message 1 \(line 2\) \/: invalid-type/] } },
  ],
  [
    "an empty file holds no session",
    { given: ["--live", "empty.jsonl"], want: { code: 1, out: [/empty\.jsonl: .*the input is empty/, /0 messages/] } },
  ],
  [
    "an HTML page",
    {
      given: ["--live", "page.html"],
      want: { code: 1, out: [/^page\.html: line 1 \/: stream-framing: no Live message here: this is an HTML page/m] },
    },
  ],
  [
    "an SSE stream is no Live session",
    {
      given: ["--live", "events.sse"],
      want: {
        code: 1,
        out: [/^events\.sse: line 1 \/: stream-framing: no Live message here: this is a server-sent event stream/m],
      },
    },
  ],
  [
    "a file cut inside a line",
    {
      given: ["--live", "cut.jsonl"],
      want: {
        code: 1,
        out: [/cut\.jsonl: message 1 \(line 2, column 21\) \/: truncated: the input ends inside message 1/],
      },
    },
  ],
  [
    "bytes that are not UTF-8",
    {
      given: ["--live", "bad-utf8.jsonl"],
      want: {
        code: 1,
        out: [/bad-utf8\.jsonl: line 2, column \d+ \/: invalid-json: the input is not valid UTF-8 here \(byte 0xFF\)/],
      },
    },
  ],
  ["a missing file", { given: ["--live", "nope.jsonl"], want: { code: 1, out: [/cannot read nope\.jsonl/] } }],
  [
    "stdin with -",
    {
      given: ["--live", "client", "-"],
      stdin: ndjson(setup, clientContent),
      want: { code: 0, out: [/<stdin>: 2 messages \(2 client, 0 server\), valid/] },
    },
  ],
  [
    "stdin when no file is named",
    {
      given: ["--live"],
      stdin: lines(rec("client", setup), rec("server", setupComplete)),
      want: { code: 0, out: [/<stdin>: 2 messages \(1 client, 1 server\), valid/] },
    },
  ],
];

describe("gemini-typekit validate --live", () => {
  it.each(rows)("%s", async (_name, { given, stdin, want }) => {
    const { code, stdout } = await run(["validate", ...given], dir, stdin);
    for (const pattern of want.out ?? []) expect(stdout).toMatch(pattern);
    for (const pattern of want.notOut ?? []) expect(stdout).not.toMatch(pattern);
    expect(code).toBe(want.code);
  });

  it("--json prints the results as data, each issue with its message index, direction, line and pointer", async () => {
    const { code, stdout } = await run(["validate", "--live", "second-setup.jsonl", "drift.jsonl", "--json"], dir);
    expect(code).toBe(1);
    const data = JSON.parse(stdout) as {
      ok: boolean;
      live: string;
      mode: unknown;
      results: {
        file: string;
        messages: number;
        ok: boolean;
        issues: Record<string, unknown>[];
        drift: Record<string, unknown>[];
      }[];
    };
    expect(data).toMatchObject({ ok: false, live: "records", mode: { client: "strict", server: "lenient" } });
    expect(data.results[0]).toMatchObject({ file: "second-setup.jsonl", messages: 3, ok: false });
    expect(data.results[0]!.issues).toEqual([
      expect.objectContaining({
        index: 2,
        direction: "client",
        line: 3,
        column: 1,
        pointer: "/message/setup",
        rule: "live.setup-once",
        severity: "error",
        offset: lines(rec("client", setup), rec("server", setupComplete)).length,
      }),
    ]);
    expect(data.results[1]).toMatchObject({ file: "drift.jsonl", ok: true, issues: [] });
    expect(data.results[1]!.drift).toEqual([
      expect.objectContaining({
        index: 1,
        direction: "server",
        line: 2,
        path: "/message/brandNewMember",
        kind: "unknown-field",
      }),
    ]);
  });

  it.each([
    ["no resource and no --live", ["validate"], /name a resource .* or give --live/],
    [
      "a resource that does not exist",
      ["validate", "NoSuchResource", "ok.jsonl"],
      /No resource named "NoSuchResource"/,
    ],
  ])("usage error: %s exits 2", async (_name, args, pattern) => {
    const { code, stderr } = await run(args, dir);
    expect(code).toBe(2);
    expect(stderr).toMatch(pattern);
  });
});
