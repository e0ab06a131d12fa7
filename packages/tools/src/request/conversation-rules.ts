// Rules across the conversation of a request (scope "request"): function responses must answer a function call turn
// right before them, one response per call, each named; a function call turn must follow a user or function response
// turn; and on Gemini 3 models the first function call of each step of the current turn carries its thought signature.
import type { LintDocument } from "../response-schema/rules/context.ts";
import { TARGETS, type Evidence, type RuleDefinition } from "../response-schema/rules/rule.ts";
import { answersItself, isStandardUserContent, nameOf, turnsOf, type Turn } from "./conversation.ts";
import { requestOf } from "./document.ts";
import type { RequestView } from "./view.ts";

const BOTH = ["responseJsonSchema", "responseSchema"] as const;

function withTurns(doc: LintDocument, visit: (turns: Turn[], request: RequestView) => void): void {
  const request = requestOf(doc);
  if (request) visit(turnsOf(request.contents), request);
}

const ACCEPTED_CALL_AND_RESPONSE: Evidence = {
  kind: "accepted",
  files: [
    "request/pydantic-ai-test_google_model_retry-i1.json",
    "request/js-genai-MCP_related_client_Tests_generateContent_ML_Dev_one_CallableTool_with_MCPClients_and_conduct_automated_functio-i1-2.json",
  ],
  what: "user text, a model turn of function calls, then a user turn with one functionResponse per call, answered 200",
};

const ACCEPTED_SERVER_SIDE: Evidence = {
  kind: "accepted",
  files: ["request/js-genai-Chats_Tests_sendMessage_multiple_messages_with_server_side_MCP_tools-i1.json"],
  what: "a model turn holding a functionCall and its own functionResponse (server-side MCP tools), then a user turn of text, answered 200",
};

const ACCEPTED_CONTINUED_TURN: Evidence = {
  kind: "accepted",
  files: [
    "request/pydantic-ai-test_multimodal_tool_return_matrix_tool_return_content-binary-document-google_2_5-i1.json",
  ],
  what: "a user content of function responses followed by a second user content (inlineData), answered 200: consecutive contents of one role are read as one turn",
};

export const responseAfterCall: RuleDefinition = {
  id: "request.function-response-without-call",
  severity: "error",
  scope: "request",
  dialects: BOTH,
  targets: TARGETS,
  summary: "A turn of function responses whose previous turn holds no function call.",
  evidence: [
    {
      kind: "error-message",
      message: "Please ensure that function response turn comes immediately after a function call turn.",
      source: "https://github.com/lobehub/lobehub/issues/7298",
      model: "Google AI Studio, via a proxy",
    },
    {
      kind: "error-message",
      message: "Please ensure that function response turn comes immediately after a function call turn",
      source: "https://github.com/langchain-ai/langchain/issues/27799",
    },
    ACCEPTED_CALL_AND_RESPONSE,
    ACCEPTED_SERVER_SIDE,
  ],
  check(doc, report) {
    withTurns(doc, (turns) =>
      turns.forEach((t, i) => {
        const first = t.responses[0];
        if (!first || answersItself(t) || (turns[i - 1]?.calls.length ?? 0) > 0) return;
        report(
          first.call.pointer,
          `this ${first.call.key} answers no function call: the turn before it has no functionCall part`,
          "put the model turn with the matching functionCall right before this turn, or drop the response",
        );
      }),
    );
  },
};

export const responseCount: RuleDefinition = {
  id: "request.function-response-count",
  severity: "error",
  scope: "request",
  dialects: BOTH,
  targets: TARGETS,
  summary: "A turn of function responses with more or fewer responses than the function calls of the turn before it.",
  evidence: [
    {
      kind: "error-message",
      message:
        "Please ensure that the number of function response parts is equal to the number of function call parts of the function call turn.",
      source: "https://github.com/google-gemini/gemini-cli/issues/7410",
      model: "gemini-2.5-pro",
    },
    ACCEPTED_CALL_AND_RESPONSE,
    ACCEPTED_SERVER_SIDE,
    ACCEPTED_CONTINUED_TURN,
  ],
  check(doc, report) {
    withTurns(doc, (turns) =>
      turns.forEach((t, i) => {
        const next = turns[i + 1];
        if (t.calls.length === 0 || answersItself(t) || !next || next.responses.length === 0 || answersItself(next))
          return;
        if (next.responses.length !== t.calls.length)
          report(
            next.contents[0]!.pointer,
            `${next.responses.length} function response(s) answer a turn of ${t.calls.length} function call(s)`,
            "send exactly one functionResponse for each functionCall of the turn before",
          );
      }),
    );
  },
};

export const callTurnPosition: RuleDefinition = {
  id: "request.function-call-turn-position",
  severity: "error",
  scope: "request",
  dialects: BOTH,
  targets: TARGETS,
  summary:
    "A conversation that opens with a model turn of function calls (a function call turn must follow a user turn or a function response turn).",
  evidence: [
    {
      kind: "error-message",
      message:
        "Please ensure that function call turn comes immediately after a user turn or after a function response turn.",
      source: "https://github.com/google-gemini/gemini-cli/issues/11814",
    },
    ACCEPTED_CALL_AND_RESPONSE,
  ],
  check(doc, report) {
    withTurns(doc, (turns) => {
      const first = turns[0];
      if (first && first.role === "model" && first.calls.length > 0)
        report(
          first.calls[0]!.call.pointer,
          "the conversation opens with a function call; a function call turn must follow a user turn",
          "start contents with the user turn that led to this call",
        );
    });
  },
};

export const responseNameEmpty: RuleDefinition = {
  id: "request.function-response-name-empty",
  severity: "error",
  scope: "request",
  dialects: BOTH,
  targets: TARGETS,
  summary: "A function response with no name, or an empty one.",
  evidence: [
    {
      kind: "error-message",
      message: "GenerateContentRequest.contents[3].parts[0].function_response.name: Name cannot be empty.",
      source: "https://github.com/nextlevelbuilder/goclaw/issues/843",
    },
    {
      kind: "error-message",
      message: "GenerateContentRequest.contents[2].parts[0].function_response.name: Name cannot be empty.",
      source: "https://github.com/router-for-me/CLIProxyAPI/issues/2104",
    },
    {
      kind: "reference",
      quote: "Required. The name of the function to call.",
      source: "Discovery generativelanguage v1beta 20260325: FunctionResponse.name",
    },
  ],
  check(doc, report) {
    withTurns(doc, (turns) => {
      for (const { call } of turns.flatMap((t) => t.responses))
        if (!nameOf(call))
          report(call.pointer, `this ${call.key} has no name`, "give it the name of the functionCall it answers");
    });
  },
};

export const responseNameUnmatched: RuleDefinition = {
  id: "request.function-response-name-unmatched",
  severity: "warning",
  scope: "request",
  dialects: BOTH,
  targets: TARGETS,
  summary: "A function response whose name is not the name of any function call in the turn it answers.",
  conflict:
    "One report only: Vertex AI gemini-3.7-flash answered a bare INVALID_ARGUMENT (no message) to a response named differently from its call, and 200 once the names matched. Nothing shows what the Gemini API or earlier models do.",
  evidence: [
    {
      kind: "error-message",
      message: "INVALID_ARGUMENT",
      source: "https://github.com/archestra-ai/archestra/pull/7583",
      model: "gemini-3.7-flash (Vertex AI)",
    },
    ACCEPTED_CALL_AND_RESPONSE,
  ],
  check(doc, report) {
    withTurns(doc, (turns) =>
      turns.forEach((t, i) => {
        const callTurn = turns[i - 1];
        if (!callTurn || callTurn.calls.length === 0 || answersItself(t)) return;
        const called = new Set(callTurn.calls.map((c) => nameOf(c.call)));
        for (const { call } of t.responses) {
          const name = nameOf(call);
          if (name && !called.has(name))
            report(
              call.pointer,
              `no function call named ${JSON.stringify(name)} in the turn this response answers (called: ${[...called].map((n) => JSON.stringify(n)).join(", ")})`,
              "use the name of the functionCall it answers",
            );
        }
      }),
    );
  },
};

// --- thought signatures ------------------------------------------------------------------------------------------

/** Whether the model validates thought signatures on function calls: Gemini 3 models do, except Gemini 3 Pro Image;
 * Gemini 1.x and 2.x do not; an alias (`gemini-flash-latest`), a tuned or an unnamed model is unknown. */
export function signaturePolicy(model: string | undefined): "required" | "not-required" | "unknown" {
  if (!model) return "unknown";
  const m = model.toLowerCase();
  if (/^gemini-3(\.\d+)?-/.test(m)) return m.includes("image") ? "not-required" : "required";
  if (/^gemini-(1|2)(\.\d+)?-/.test(m) || /^gemini-(pro|ultra)(-vision)?$/.test(m)) return "not-required";
  return "unknown";
}

const SIGNATURE_EVIDENCE: Evidence[] = [
  {
    kind: "error-message",
    message:
      "Function call is missing a thought_signature in functionCall parts. This is required for tools to work correctly, and missing thought_signature may lead to degraded model performance.",
    source: "https://github.com/nanbingxyz/5ire/issues/405",
    model: "gemini-3-pro-preview (the issue notes gemini-2.5 does not answer so)",
  },
  {
    kind: "reference",
    quote:
      "When using Gemini 3 models, you must pass back thought signatures during function calling, otherwise you will get a validation error (4xx status code).",
    source: "https://ai.google.dev/gemini-api/docs/thought-signatures",
  },
  {
    kind: "reference",
    quote: "验证:系统会对当前轮次中的所有函数调用强制执行严格验证。(仅需要当前轮次;我们不会验证之前的轮次)",
    source: "https://ai.google.dev/gemini-api/docs/thought-signatures?hl=zh-CN",
  },
  {
    kind: "reference",
    quote: "Gemini 3 Pro Image doesn't return a 400 error if a thought signature isn't returned.",
    source: "https://docs.cloud.google.com/vertex-ai/generative-ai/docs/thought-signatures",
  },
  {
    kind: "accepted",
    files: [
      "request/pydantic-ai-test_image_as_binary_content_tool_response-i2.json",
      "request/llm-gemini-test_tools_with_gemini_3_thought_signatures-i1.json",
    ],
    what: "gemini-3 requests whose first functionCall part of each model step carries thoughtSignature / thought_signature, answered 200",
  },
  {
    kind: "accepted",
    files: [
      "request/pydantic-ai-test_google_tool_config_any_with_tool_without_args-i1.json",
      "request/pydantic-ai-test_gemini_prompted_output_with_tools-i1.json",
    ],
    what: "gemini-2.0-flash and gemini-2.5-pro-preview-05-06 requests with unsigned functionCall parts, answered 200",
  },
];

/** The first function call part of each model step of the current turn that carries no thought signature. */
function unsignedSteps(request: RequestView): { pointer: string; key: string; name?: string }[] {
  const contents = request.contents;
  let start = -1;
  contents.forEach((c, i) => {
    if (isStandardUserContent(c)) start = i;
  });
  const out: { pointer: string; key: string; name?: string }[] = [];
  for (const content of contents.slice(start + 1)) {
    if (content.role !== "model") continue;
    const firstCall = content.parts.find((p) => p.get("functionCall") !== undefined);
    const signature = firstCall?.get("thoughtSignature")?.value;
    if (firstCall && !(typeof signature === "string" && signature !== "")) {
      const call = firstCall.get("functionCall")!;
      const name = nameOf(call);
      out.push({ pointer: firstCall.pointer, key: call.key, ...(name ? { name } : {}) });
    }
  }
  return out;
}

const SIGNATURE_HINT =
  "send the model's parts back exactly as received, thoughtSignature included (the first functionCall part of each step carries it)";

export const thoughtSignatureMissing: RuleDefinition = {
  id: "request.thought-signature-missing",
  severity: "error",
  scope: "request",
  dialects: BOTH,
  targets: TARGETS,
  summary:
    "On a Gemini 3 model (not Gemini 3 Pro Image): a model step of the current turn whose first functionCall part has no thoughtSignature.",
  evidence: SIGNATURE_EVIDENCE,
  check(doc, report) {
    const request = requestOf(doc);
    if (!request || signaturePolicy(request.model) !== "required") return;
    for (const s of unsignedSteps(request))
      report(
        s.pointer,
        `${s.key}${s.name ? ` ${JSON.stringify(s.name)}` : ""} is the first function call of a step in the current turn and has no thoughtSignature; ${request.model} answers 400`,
        SIGNATURE_HINT,
      );
  },
};

export const thoughtSignatureUnknownModel: RuleDefinition = {
  id: "request.thought-signature-unknown-model",
  severity: "warning",
  scope: "request",
  dialects: BOTH,
  targets: TARGETS,
  summary:
    "When the model is not known (or is an alias): a model step of the current turn whose first functionCall part has no thoughtSignature, which Gemini 3 models reject.",
  conflict:
    "Whether this is a 400 depends on the model, which the request does not name: Gemini 3 models reject it, Gemini 2.x accept it.",
  evidence: SIGNATURE_EVIDENCE,
  check(doc, report) {
    const request = requestOf(doc);
    if (!request || signaturePolicy(request.model) !== "unknown") return;
    const which = request.model
      ? `model ${request.model} is not known to this linter`
      : "the request names no model (pass --model)";
    for (const s of unsignedSteps(request))
      report(
        s.pointer,
        `${s.key}${s.name ? ` ${JSON.stringify(s.name)}` : ""} has no thoughtSignature; Gemini 3 models answer 400 to that, and ${which}`,
        SIGNATURE_HINT,
      );
  },
};

export const conversationRules: readonly RuleDefinition[] = [
  responseAfterCall,
  responseCount,
  callTurnPosition,
  responseNameEmpty,
  responseNameUnmatched,
  thoughtSignatureMissing,
  thoughtSignatureUnknownModel,
];
