// The conversation rules (request/conversation-rules.ts): a failing and a passing case per rule, each row naming the
// evidence it rests on (a source or recorded file the rule itself cites). Rows are whole requests; findings are
// compared by pointer into the request.
import { describe, expect, it } from "vitest";
import { conversationRules, signaturePolicy } from "../../packages/tools/src/request/conversation-rules.ts";
import { requestDocument } from "../../packages/tools/src/request/document.ts";
import { viewRequest } from "../../packages/tools/src/request/view.ts";
import type { Json, JsonObject } from "../../packages/tools/src/response-schema/json-schema-types.ts";
import { RULE_DEFINITIONS } from "../../packages/tools/src/response-schema/rules/index.ts";
import { runRule, type RuleDefinition } from "../../packages/tools/src/response-schema/rules/rule.ts";

const rule = (id: string) => conversationRules.find((r) => r.id === id)!;

interface Row {
  rule: string;
  given: JsonObject;
  /** The model the caller names (like --model); the body's own `model` is used otherwise. */
  model?: string;
  /** Pointers of the findings, in order; [] for the passing case. */
  want: string[];
  /** A source URL or recorded file the rule's evidence names. */
  evidence: string;
}

const user = (text = "hi"): Json => ({ role: "user", parts: [{ text }] });
const call = (name: string, signature?: string): Json => ({
  functionCall: { name, args: {} },
  ...(signature ? { thoughtSignature: signature } : {}),
});
const answer = (name: string): Json => ({ functionResponse: { name, response: { ok: true } } });
const model = (...parts: Json[]): Json => ({ role: "model", parts });
const responses = (...parts: Json[]): Json => ({ role: "user", parts });
const chat = (...contents: Json[]): JsonObject => ({ contents });

const SIG_DOC = "https://ai.google.dev/gemini-api/docs/thought-signatures";
const SIG_400 = "https://github.com/nanbingxyz/5ire/issues/405";

const ROWS: [string, Row][] = [
  // request.function-response-without-call
  [
    "a function response after a user turn fails",
    {
      rule: "request.function-response-without-call",
      given: chat(user(), responses(answer("f"))),
      want: ["/contents/1/parts/0/functionResponse"],
      evidence: "https://github.com/lobehub/lobehub/issues/7298",
    },
  ],
  [
    "a function response opening the conversation fails (snake_case spelling kept)",
    {
      rule: "request.function-response-without-call",
      given: chat({ role: "user", parts: [{ function_response: { name: "f", response: {} } }] }),
      want: ["/contents/0/parts/0/function_response"],
      evidence: "https://github.com/langchain-ai/langchain/issues/27799",
    },
  ],
  [
    "a function response right after the call passes",
    {
      rule: "request.function-response-without-call",
      given: chat(user(), model(call("f")), responses(answer("f"))),
      want: [],
      evidence: "request/pydantic-ai-test_google_model_retry-i1.json",
    },
  ],
  [
    "a model turn answering its own server-side call passes",
    {
      rule: "request.function-response-without-call",
      given: chat(user(), model(call("mcp"), answer("mcp"), { text: "done" }), user("next")),
      want: [],
      evidence: "request/js-genai-Chats_Tests_sendMessage_multiple_messages_with_server_side_MCP_tools-i1.json",
    },
  ],
  // request.function-response-count
  [
    "one response to two calls fails",
    {
      rule: "request.function-response-count",
      given: chat(user(), model(call("f"), call("g")), responses(answer("f"))),
      want: ["/contents/2"],
      evidence: "https://github.com/google-gemini/gemini-cli/issues/7410",
    },
  ],
  [
    "two responses to one call fails",
    {
      rule: "request.function-response-count",
      given: chat(user(), model(call("f")), responses(answer("f"), answer("f"))),
      want: ["/contents/2"],
      evidence: "https://github.com/google-gemini/gemini-cli/issues/7410",
    },
  ],
  [
    "two responses to two calls pass",
    {
      rule: "request.function-response-count",
      given: chat(user(), model(call("f"), call("g")), responses(answer("f"), answer("g"))),
      want: [],
      evidence:
        "request/js-genai-MCP_related_client_Tests_generateContent_ML_Dev_one_CallableTool_with_MCPClients_and_conduct_automated_functio-i1-2.json",
    },
  ],
  [
    "responses split over two user contents are counted together",
    {
      rule: "request.function-response-count",
      given: chat(user(), model(call("f"), call("g")), responses(answer("f")), responses(answer("g"))),
      want: [],
      evidence:
        "request/pydantic-ai-test_multimodal_tool_return_matrix_tool_return_content-binary-document-google_2_5-i1.json",
    },
  ],
  // request.function-call-turn-position
  [
    "a conversation opening with a function call fails",
    {
      rule: "request.function-call-turn-position",
      given: chat(model(call("f")), responses(answer("f"))),
      want: ["/contents/0/parts/0/functionCall"],
      evidence: "https://github.com/google-gemini/gemini-cli/issues/11814",
    },
  ],
  [
    "a function call after a user turn passes",
    {
      rule: "request.function-call-turn-position",
      given: chat(user(), model(call("f")), responses(answer("f"))),
      want: [],
      evidence: "request/pydantic-ai-test_google_model_retry-i1.json",
    },
  ],
  // request.function-response-name-empty
  [
    "a function response with an empty name fails",
    {
      rule: "request.function-response-name-empty",
      given: chat(user(), model(call("f")), responses({ functionResponse: { name: "", response: {} } })),
      want: ["/contents/2/parts/0/functionResponse"],
      evidence: "https://github.com/nextlevelbuilder/goclaw/issues/843",
    },
  ],
  [
    "a function response without a name fails",
    {
      rule: "request.function-response-name-empty",
      given: chat(user(), model(call("f")), responses({ functionResponse: { response: {} } })),
      want: ["/contents/2/parts/0/functionResponse"],
      evidence: "https://github.com/router-for-me/CLIProxyAPI/issues/2104",
    },
  ],
  [
    "a named function response passes",
    {
      rule: "request.function-response-name-empty",
      given: chat(user(), model(call("f")), responses(answer("f"))),
      want: [],
      evidence: "https://github.com/nextlevelbuilder/goclaw/issues/843",
    },
  ],
  // request.function-response-name-unmatched (warning)
  [
    "a response named after no call of its turn warns",
    {
      rule: "request.function-response-name-unmatched",
      given: chat(user(), model(call("lookup")), responses(answer("tool_result"))),
      want: ["/contents/2/parts/0/functionResponse"],
      evidence: "https://github.com/archestra-ai/archestra/pull/7583",
    },
  ],
  [
    "a response named after its call passes",
    {
      rule: "request.function-response-name-unmatched",
      given: chat(user(), model(call("lookup")), responses(answer("lookup"))),
      want: [],
      evidence: "request/pydantic-ai-test_google_model_retry-i1.json",
    },
  ],
  // request.thought-signature-missing (Gemini 3)
  [
    "gemini-3: an unsigned call in the current turn fails",
    {
      rule: "request.thought-signature-missing",
      given: { model: "models/gemini-3-flash-preview", ...chat(user(), model(call("f")), responses(answer("f"))) },
      want: ["/contents/1/parts/0"],
      evidence: SIG_400,
    },
  ],
  [
    "gemini-3: each step's first call is checked, the parallel second is not",
    {
      rule: "request.thought-signature-missing",
      model: "gemini-3-pro-preview",
      given: chat(
        user(),
        model(call("f", "sig"), call("g")),
        responses(answer("f"), answer("g")),
        model({ text: "more" }, call("h")),
        responses(answer("h")),
      ),
      want: ["/contents/3/parts/1"],
      evidence: SIG_DOC,
    },
  ],
  [
    "gemini-3: an unsigned call in an earlier turn passes",
    {
      rule: "request.thought-signature-missing",
      model: "gemini-3-pro-preview",
      given: chat(user(), model(call("f")), responses(answer("f")), model({ text: "done" }), user("again")),
      want: [],
      evidence: "https://ai.google.dev/gemini-api/docs/thought-signatures?hl=zh-CN",
    },
  ],
  [
    "gemini-3: signed calls pass (snake_case signature)",
    {
      rule: "request.thought-signature-missing",
      model: "gemini-3-flash-preview",
      given: chat(
        user(),
        {
          role: "model",
          parts: [{ text: "thinking" }, { function_call: { name: "f", args: {} }, thought_signature: "c2ln" }],
        },
        responses(answer("f")),
      ),
      want: [],
      evidence: "request/llm-gemini-test_tools_with_gemini_3_thought_signatures-i1.json",
    },
  ],
  [
    "gemini-3 pro image: an unsigned call passes",
    {
      rule: "request.thought-signature-missing",
      model: "gemini-3-pro-image-preview",
      given: chat(user(), model(call("f")), responses(answer("f"))),
      want: [],
      evidence: "https://docs.cloud.google.com/vertex-ai/generative-ai/docs/thought-signatures",
    },
  ],
  [
    "gemini-2.0: an unsigned call passes",
    {
      rule: "request.thought-signature-missing",
      model: "gemini-2.0-flash",
      given: chat(user(), model(call("f")), responses(answer("f"))),
      want: [],
      evidence: "request/pydantic-ai-test_google_tool_config_any_with_tool_without_args-i1.json",
    },
  ],
  // request.thought-signature-unknown-model (warning)
  [
    "no model named: an unsigned call in the current turn warns",
    {
      rule: "request.thought-signature-unknown-model",
      given: chat(user(), model(call("f")), responses(answer("f"))),
      want: ["/contents/1/parts/0"],
      evidence: SIG_DOC,
    },
  ],
  [
    "an alias model: an unsigned call warns",
    {
      rule: "request.thought-signature-unknown-model",
      model: "gemini-flash-latest",
      given: chat(user(), model(call("f")), responses(answer("f"))),
      want: ["/contents/1/parts/0"],
      evidence: SIG_400,
    },
  ],
  [
    "no model named: a signed call passes",
    {
      rule: "request.thought-signature-unknown-model",
      given: chat(user(), model(call("f", "skip_thought_signature_validator")), responses(answer("f"))),
      want: [],
      evidence: "request/pydantic-ai-test_image_as_binary_content_tool_response-i2.json",
    },
  ],
  [
    "a known Gemini 3 model is the error's, not the warning's",
    {
      rule: "request.thought-signature-unknown-model",
      model: "gemini-3-flash-preview",
      given: chat(user(), model(call("f")), responses(answer("f"))),
      want: [],
      evidence: SIG_400,
    },
  ],
];

const citedBy = (r: RuleDefinition): string[] =>
  r.evidence.flatMap((e) =>
    e.kind === "accepted" ? [...(e.files ?? []), ...(e.source ? [e.source] : [])] : [e.source],
  );

describe("conversation rules, each on a failing and a passing case", () => {
  it.each(ROWS)("%s", (_name, row) => {
    const r = rule(row.rule);
    expect(
      citedBy(r).some((c) => c.startsWith(row.evidence)),
      `${r.id} cites ${row.evidence}`,
    ).toBe(true);
    const found = runRule(r, requestDocument(viewRequest(row.given, row.model), "given.json"));
    expect(found.map((d) => d.location.pointer)).toEqual(row.want);
    for (const d of found) {
      expect(d).toMatchObject({ code: r.id, severity: r.severity, location: { file: "given.json" } });
      expect(d.hint, `${r.id} says how to fix it`).toBeTruthy();
    }
  });

  it("every conversation rule has a failing and a passing row, is registered, and a warning says how its evidence conflicts", () => {
    for (const r of conversationRules) {
      const rows = ROWS.filter(([, row]) => row.rule === r.id);
      expect(
        rows.some(([, row]) => row.want.length > 0),
        `${r.id} fails somewhere`,
      ).toBe(true);
      expect(
        rows.some(([, row]) => row.want.length === 0),
        `${r.id} passes somewhere`,
      ).toBe(true);
      expect(RULE_DEFINITIONS, `${r.id} is in the registry`).toContain(r);
      if (r.severity === "warning") expect(r.conflict, `${r.id} explains its conflict`).toBeTruthy();
    }
  });

  it.each([
    ["gemini-3-flash-preview", "required"],
    ["gemini-3.1-pro-preview", "required"],
    ["gemini-3-pro-image-preview", "not-required"],
    ["gemini-2.5-flash", "not-required"],
    ["gemini-1.5-pro-002", "not-required"],
    ["gemini-pro", "not-required"],
    ["gemini-flash-latest", "unknown"],
    ["tunedModels/my-model", "unknown"],
    [undefined, "unknown"],
  ] as const)("the thought-signature policy of %s is %s", (model, want) => {
    expect(signaturePolicy(model)).toBe(want);
  });

  it("the caller's model wins over the body's, and a models/ prefix is dropped", () => {
    expect(viewRequest({ model: "models/gemini-2.5-flash" }).model).toBe("gemini-2.5-flash");
    expect(
      viewRequest({ model: "models/gemini-2.5-flash" }, "publishers/google/models/gemini-3-flash-preview").model,
    ).toBe("gemini-3-flash-preview");
  });
});
