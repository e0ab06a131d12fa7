// Live session rules (issue 13, item 3): one table per rule, each row a short session and the rule findings it must
// give (index, pointer, severity) — failing rows and passing rows; the rules' evidence checked against ../shared.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  createLiveSession,
  LIVE_RULES,
  LIVE_UNSUPPORTED_CONFIG_FIELDS,
  type LiveDirection,
} from "@gemini-typekit/runtime";
import { SHARED_DIR, UPSTREAM, hasShared } from "../support/shared.ts";

type Step = [LiveDirection, unknown];
interface Want {
  index: number;
  pointer: string;
}
type Row = [name: string, { given: Step[]; want: Want[] }];

const SETUP: Step = ["client", { setup: { model: "models/gemini-live-2.5-flash-preview" } }];
const SETUP_COMPLETE: Step = ["server", { setupComplete: {} }];
const TEXT: Step = [
  "client",
  { clientContent: { turns: [{ role: "user", parts: [{ text: "hi" }] }], turnComplete: true } },
];
const toolCall = (...ids: string[]): Step => [
  "server",
  { toolCall: { functionCalls: ids.map((id) => ({ id, name: "f", args: {} })) } },
];
const toolResponse = (id: string, response: unknown = { result: "ok" }): Step => [
  "client",
  { toolResponse: { functionResponses: [{ id, name: "f", response }] } },
];

/** The findings of one rule over a session, as index + pointer. */
function findings(rule: string, steps: Step[]) {
  const session = createLiveSession();
  for (const [direction, message] of steps) session.push(direction, message);
  return session.issues
    .filter((i) => i.rule === rule)
    .map((i) => ({ index: i.index, pointer: i.pointer, severity: i.severity, direction: i.direction }));
}

const TABLES: Record<string, Row[]> = {
  "live.setup-first": [
    ["setup first", { given: [SETUP, SETUP_COMPLETE, TEXT], want: [] }],
    ["clientContent first", { given: [TEXT, SETUP], want: [{ index: 0, pointer: "" }] }],
    ["server messages before the first client message do not count", { given: [SETUP_COMPLETE, SETUP], want: [] }],
    // The test proxy logs client frames before setupComplete (recorded sessions): tolerated.
    ["client message logged before setupComplete", { given: [SETUP, TEXT, SETUP_COMPLETE], want: [] }],
    [
      "snake_case setup",
      {
        given: [
          ["client", { setup: { model: "m" } }],
          ["client", { realtime_input: { text: "hi" } }],
        ],
        want: [],
      },
    ],
  ],
  "live.setup-once": [
    ["one setup", { given: [SETUP, SETUP_COMPLETE, TEXT], want: [] }],
    ["second setup", { given: [SETUP, SETUP_COMPLETE, SETUP], want: [{ index: 2, pointer: "/setup" }] }],
    ["setup after another first message", { given: [TEXT, SETUP], want: [{ index: 1, pointer: "/setup" }] }],
    [
      "setup: null is no setup",
      { given: [SETUP, ["client", { setup: null, clientContent: { turnComplete: true } }]], want: [] },
    ],
  ],
  "live.client-message-empty": [
    ["empty object", { given: [SETUP, ["client", {}]], want: [{ index: 1, pointer: "" }] }],
    ["a member", { given: [SETUP, TEXT], want: [] }],
  ],
  "live.tool-response-unknown-id": [
    ["answers the call", { given: [SETUP, SETUP_COMPLETE, toolCall("c1"), toolResponse("c1")], want: [] }],
    [
      "answers a call never made",
      {
        given: [SETUP, SETUP_COMPLETE, toolCall("c1"), toolResponse("c2")],
        want: [{ index: 3, pointer: "/toolResponse/functionResponses/0/id" }],
      },
    ],
    [
      "no toolCall at all",
      {
        given: [SETUP, toolResponse("function-call-1")],
        want: [{ index: 1, pointer: "/toolResponse/functionResponses/0/id" }],
      },
    ],
    [
      "no id (Vertex recordings answer without one)",
      { given: [SETUP, ["client", { toolResponse: { functionResponses: [{ name: "f", response: {} }] } }]], want: [] },
    ],
    [
      "snake_case call and response",
      {
        given: [
          SETUP,
          ["server", { tool_call: { function_calls: [{ id: "c1", name: "f" }] } }],
          [
            "client",
            {
              tool_response: {
                function_responses: [
                  { id: "c1", response: {} },
                  { id: "zz", response: {} },
                ],
              },
            },
          ],
        ],
        want: [{ index: 2, pointer: "/tool_response/function_responses/1/id" }],
      },
    ],
  ],
  "live.tool-response-cancelled-id": [
    [
      "answers a cancelled call",
      {
        given: [SETUP, toolCall("c1", "c2"), ["server", { toolCallCancellation: { ids: ["c1"] } }], toolResponse("c1")],
        want: [{ index: 3, pointer: "/toolResponse/functionResponses/0/id" }],
      },
    ],
    [
      "answers the call not cancelled",
      {
        given: [SETUP, toolCall("c1", "c2"), ["server", { toolCallCancellation: { ids: ["c1"] } }], toolResponse("c2")],
        want: [],
      },
    ],
  ],
  "live.function-response-not-object": [
    ["object", { given: [SETUP, toolCall("c1"), toolResponse("c1", { result: 1 })], want: [] }],
    [
      "string",
      {
        given: [SETUP, toolCall("c1"), toolResponse("c1", "SEARCH_UNAVAILABLE")],
        want: [{ index: 2, pointer: "/toolResponse/functionResponses/0/response" }],
      },
    ],
    [
      "array",
      {
        given: [SETUP, toolCall("c1"), toolResponse("c1", [1, 2])],
        want: [{ index: 2, pointer: "/toolResponse/functionResponses/0/response" }],
      },
    ],
    [
      "number",
      {
        given: [SETUP, toolCall("c1"), toolResponse("c1", 3)],
        want: [{ index: 2, pointer: "/toolResponse/functionResponses/0/response" }],
      },
    ],
    ["null is unset", { given: [SETUP, toolCall("c1"), toolResponse("c1", null)], want: [] }],
    [
      "in a clientContent turn (where the quoted 1007 points)",
      {
        given: [
          SETUP,
          [
            "client",
            {
              client_content: {
                turns: [{ role: "user", parts: [{ text: "x" }, { function_response: { name: "f", response: true } }] }],
              },
            },
          ],
        ],
        want: [{ index: 1, pointer: "/client_content/turns/0/parts/1/function_response/response" }],
      },
    ],
  ],
  "live.setup-unsupported-config": [
    [
      "supported fields",
      {
        given: [
          ["client", { setup: { model: "m", generationConfig: { responseModalities: ["AUDIO"], temperature: 0.2 } } }],
        ],
        want: [],
      },
    ],
    [
      "responseMimeType",
      {
        given: [["client", { setup: { model: "m", generationConfig: { responseMimeType: "application/json" } } }]],
        want: [{ index: 0, pointer: "/setup/generationConfig/responseMimeType" }],
      },
    ],
    [
      "proto names, several at once",
      {
        given: [
          [
            "client",
            {
              setup: {
                model: "m",
                generation_config: {
                  response_schema: { type: "OBJECT" },
                  stop_sequences: ["x"],
                  audio_timestamp: true,
                },
              },
            },
          ],
        ],
        want: [
          { index: 0, pointer: "/setup/generation_config/response_schema" },
          { index: 0, pointer: "/setup/generation_config/stop_sequences" },
          { index: 0, pointer: "/setup/generation_config/audio_timestamp" },
        ],
      },
    ],
    [
      "null is unset",
      { given: [["client", { setup: { model: "m", generationConfig: { responseLogprobs: null } } }]], want: [] },
    ],
  ],
};

describe("session rules", () => {
  it("every rule has a table, and every table a rule", () => {
    expect(Object.keys(TABLES).sort()).toEqual(LIVE_RULES.map((r) => r.id).sort());
  });
  for (const rule of LIVE_RULES) {
    describe(rule.id, () => {
      it.each(TABLES[rule.id] ?? [])("%s", (_name, { given, want }) => {
        expect(findings(rule.id, given)).toEqual(
          want.map((w) => ({ ...w, severity: rule.severity, direction: "client" })),
        );
      });
    });
  }
});

describe("rule definitions", () => {
  it.each(LIVE_RULES.map((r) => [r.id, r] as const))("%s: summary, evidence, severity agrees with it", (_id, rule) => {
    expect(rule.summary.length).toBeGreaterThan(20);
    expect(rule.evidence.length).toBeGreaterThan(0);
    // error = a rejection on record (a close, or a sentence saying so); warning = the evidence conflicts or is missing.
    if (rule.severity === "warning") expect(rule.conflict).toBeTruthy();
    else expect(rule.conflict).toBeUndefined();
  });

  it.skipIf(!hasShared)("cited recordings exist, and quoted proto and Discovery sentences are there", () => {
    const proto = readFileSync(join(UPSTREAM.protos, "generative_service.proto"), "utf8")
      .replace(/\s*\/\/\s*/g, " ")
      .replace(/\s+/g, " ");
    for (const rule of LIVE_RULES)
      for (const e of rule.evidence) {
        if (e.kind === "accepted")
          for (const f of e.files) expect(existsSync(join(SHARED_DIR, "fixtures", "real", f)), f).toBe(true);
        if (e.kind === "reference" && e.source.includes("generative_service.proto"))
          expect(proto, rule.id).toContain(e.quote);
      }
    const discovery = JSON.parse(readFileSync(UPSTREAM.discovery, "utf8")) as {
      schemas: Record<string, { properties: Record<string, { description: string }> }>;
    };
    const description = discovery.schemas.BidiGenerateContentSetup!.properties.generationConfig!.description;
    const quoted = LIVE_RULES.find((r) => r.id === "live.setup-unsupported-config")!.evidence.find(
      (e) => e.kind === "reference",
    );
    expect(quoted && "quote" in quoted ? quoted.quote : "").toBe(description);
    // Every field the description names is checked, under its JSON name (stop_sequence is GenerationConfig's stop_sequences).
    for (const [, name] of description.matchAll(/`([a-z_]+)`/g)) {
      const camel = name!.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());
      expect(LIVE_UNSUPPORTED_CONFIG_FIELDS, name).toContain(camel);
    }
  });
});

describe("frames", () => {
  const first = (message: unknown, direction: LiveDirection = "server") => createLiveSession().push(direction, message);
  const rows: [string, { given: unknown; want: { code: string; offset?: number; message: RegExp } }][] = [
    [
      "text that is not JSON",
      { given: '{"setupComplete": {},}', want: { code: "invalid-json", offset: 21, message: /at 1:22 \(byte 21\)/ } },
    ],
    // V8 names no position for "Unexpected token ','": the frame is scanned again for where it stops being JSON
    [
      "a token where a value belongs",
      {
        given: '{"toolResponse": {"functionResponses": [,]}}',
        want: { code: "invalid-json", offset: 40, message: /at 1:41 \(byte 40\)/ },
      },
    ],
    [
      "bytes that are not UTF-8",
      {
        given: new Uint8Array([0x7b, 0x22, 0xc3, 0x28]),
        want: { code: "invalid-json", offset: 2, message: /byte 0xc3 at offset 2/ },
      },
    ],
    [
      "offset counts bytes, not characters",
      { given: new TextEncoder().encode('{"é": 1,}'), want: { code: "invalid-json", offset: 9, message: /byte 9/ } },
    ],
    ["empty frame", { given: "", want: { code: "invalid-json", offset: 0, message: /empty/ } }],
    ["a Blob is read first", { given: new Blob(["{}"]), want: { code: "invalid-value", message: /Blob/ } }],
  ];
  it.each(rows)("%s", (_name, { given, want }) => {
    const result = first(given);
    expect(result.ok).toBe(false);
    expect(result.issues).toHaveLength(1);
    const [issue] = result.issues;
    expect(issue).toMatchObject({
      index: 0,
      direction: "server",
      severity: "error",
      pointer: "",
      code: want.code,
      ...(want.offset !== undefined ? { offset: want.offset } : {}),
    });
    expect(issue!.message).toMatch(want.message);
  });

  it("a frame read from text, bytes, ArrayBuffer and ws's Buffer[] is the same message", () => {
    const text = '{"setup": {"model": "m"}}';
    const bytes = new TextEncoder().encode(text);
    const forms = [text, bytes, bytes.buffer, [bytes.slice(0, 5), bytes.slice(5)], new DataView(bytes.buffer)];
    for (const form of forms) expect(first(form, "client").value).toEqual({ setup: { model: "m" } });
  });

  it("an unreadable client frame still counts as the client's message", () => {
    const session = createLiveSession();
    session.push("client", "{");
    session.push("client", { setup: { model: "m" } });
    expect(session.issues.map((i) => [i.index, i.rule ?? i.code])).toEqual([
      [0, "invalid-json"],
      [1, "live.setup-once"],
    ]);
  });
});

// Messages validated by the generated envelopes (issue 13, item 1).
describe("messages validated by their direction's validator", () => {
  it("two members in one client message is a oneof conflict", () => {
    const result = createLiveSession().push("client", { setup: { model: "m" }, clientContent: { turnComplete: true } });
    expect(result.ok).toBe(false);
    expect(result.issues.map((i) => i.code)).toContain("oneof-conflict");
  });
  it("a typo in a client message is an error (strict)", () => {
    const result = createLiveSession().push("client", { setup: { model: "m", generationConfg: {} } });
    expect(result.issues).toEqual([
      expect.objectContaining({
        code: "unknown-field",
        pointer: "/setup/generationConfg",
        index: 0,
        direction: "client",
      }),
    ]);
  });
  it("an unknown server member is drift (lenient), not an issue", () => {
    const result = createLiveSession().push("server", { setupComplete: {}, somethingNew: { x: 1 } });
    expect(result.ok).toBe(true);
    expect(result.drift).toEqual([expect.objectContaining({ path: "/somethingNew", kind: "unknown-field", index: 0 })]);
  });
  it("a rule's finding replaces the schema's issue at the same pointer", () => {
    const session = createLiveSession();
    session.push("client", { setup: { model: "m" } });
    const result = session.push("client", { toolResponse: { functionResponses: [{ name: "f", response: "text" }] } });
    expect(result.issues.filter((i) => i.pointer === "/toolResponse/functionResponses/0/response")).toEqual([
      expect.objectContaining({ rule: "live.function-response-not-object", code: "invalid-type" }),
    ]);
  });
});
