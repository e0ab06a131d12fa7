// The session rules of the Live API: what the server enforces across messages (or by closing the socket), which no
// single message's schema can say. Each rule is data — id, severity, summary in our own words, the evidence — so
// that docs can list them; the checks themselves are in checks.ts.
import type { LiveSeverity } from "./types.ts";

export type LiveEvidence =
  /** The server closed the socket: the close code and reason as published, and where. */
  | { kind: "closed"; code: number; reason: string; source: string }
  /** A published account of the server's behaviour (not a verbatim close frame), quoted, and where. */
  | { kind: "report"; quote: string; source: string }
  /** A sentence of Google's reference (proto comment, Discovery description, docs), quoted, and where. */
  | { kind: "reference"; quote: string; source: string }
  /** Recorded sessions (paths relative to ../shared/fixtures/real) showing the server going on. */
  | { kind: "accepted"; files: string[]; what: string };

export interface LiveRule {
  id: string;
  severity: LiveSeverity;
  /** One sentence: what the rule finds. */
  summary: string;
  evidence: readonly LiveEvidence[];
  /** When the evidence disagrees or is missing: how (the severity is then "warning"). */
  conflict?: string;
}

const PROTO = "../shared/upstream/protos/v1beta/generative_service.proto";
const DISCOVERY = "../shared/upstream/discovery/generativelanguage.v1beta.20260325.json";

/** The generationConfig fields Discovery's BidiGenerateContentSetup says Live does not support, under both names. */
export const LIVE_UNSUPPORTED_CONFIG_FIELDS: readonly string[] = [
  "responseLogprobs",
  "responseMimeType",
  "logprobs",
  "responseSchema",
  "responseJsonSchema",
  "_responseJsonSchema", // Discovery's alias of responseJsonSchema
  "stopSequences", // the description names `stop_sequence`; GenerationConfig's field is stop_sequences
  "stopSequence",
  "skipResponseCache",
  "routingConfig",
  "audioTimestamp",
];

export const LIVE_RULES: readonly LiveRule[] = [
  {
    id: "live.setup-first",
    severity: "error",
    summary:
      "The first message the client sends must carry `setup`; the server tolerates further client messages logged before `setupComplete`.",
    evidence: [
      {
        kind: "reference",
        quote: "Message to be sent in the first (and only in the first) `BidiGenerateContentClientMessage`.",
        source: `${PROTO} (message BidiGenerateContentSetup)`,
      },
      {
        kind: "accepted",
        files: [
          "live/js-genai-live_ML_Dev_should_send_text_in_async_session@e37ef187.jsonl",
          "live/js-genai-live_Vertex_should_send_tool_response@e37ef187.jsonl",
          "live/js-genai-live_ML_Dev_handle_activity_start_and_end@e37ef187.jsonl",
        ],
        what: "client messages sent (or logged) after setup and before setupComplete, answered normally: waiting for setupComplete is advice, not a rule",
      },
    ],
  },
  {
    id: "live.setup-once",
    severity: "error",
    summary: "`setup` appears in the first client message and in no other one: a second setup ends the session.",
    evidence: [
      {
        kind: "report",
        quote: "a second setup closes the socket with 1007 Request contains an invalid argument.",
        source: "https://github.com/BerriAI/litellm/pull/31494",
      },
      {
        kind: "reference",
        quote: "Optional. Session configuration sent only in the first client message.",
        source: `${PROTO} (BidiGenerateContentClientMessage.setup)`,
      },
    ],
  },
  {
    id: "live.client-message-empty",
    severity: "warning",
    summary:
      "A client message carries one of `setup`, `clientContent`, `realtimeInput`, `toolResponse`; one with none of them asks nothing.",
    evidence: [
      {
        kind: "reference",
        quote: "The type of the message.",
        source: `${PROTO} (BidiGenerateContentClientMessage, oneof message_type)`,
      },
    ],
    conflict:
      "The proto makes the members a oneof, which may be left unset; no rejection of an empty client message is on record.",
  },
  {
    id: "live.tool-response-unknown-id",
    severity: "warning",
    summary: "A function response's `id` names a call that no earlier `toolCall` of the session asked for.",
    evidence: [
      {
        kind: "reference",
        quote:
          "Individual `FunctionResponse` objects are matched to the respective `FunctionCall` objects by the `id` field.",
        source: `${PROTO} (message BidiGenerateContentToolResponse)`,
      },
      {
        kind: "report",
        quote:
          'When sending tool responses via `sendToolResponse()`, the Gemini Live API WebSocket closes with either code 1011 ("Internal error occurred") or code 1008 ("Requested entity was not found").',
        source: "https://github.com/google-gemini/deprecated-generative-ai-js/issues/487",
      },
      {
        kind: "accepted",
        files: ["live/js-genai-live_ML_Dev_should_send_tool_response_with_function_responses.jsonl"],
        what: "a response with id function-call-1, which no toolCall asked for, and no close recorded after it",
      },
    ],
    conflict:
      "The reference matches responses to calls by id, but no close on record names an unknown id: the recorded session answering an id never asked for shows no close, and the reporter of the 1008/1011 closes had checked the ids.",
  },
  {
    id: "live.tool-response-cancelled-id",
    severity: "warning",
    summary: "A function response answers a call the server has since cancelled with `toolCallCancellation`.",
    evidence: [
      {
        kind: "reference",
        quote:
          "Notification for the client that a previously issued `ToolCallMessage` with the specified `id`s should not have been executed and should be cancelled.",
        source: `${PROTO} (message BidiGenerateContentToolCallCancellation)`,
      },
    ],
    conflict: "The reference says the call is cancelled, not that an answer to it is rejected; no close on record.",
  },
  {
    id: "live.function-response-not-object",
    severity: "error",
    summary:
      "A function response's `response` is a JSON object (google.protobuf.Struct); a string, number, boolean or array ends the session.",
    evidence: [
      {
        kind: "closed",
        code: 1007,
        reason:
          "Invalid value at 'client_content.turns[N].parts[0].function_response.response' (type.googleapis.com/google.protobuf.Struct)",
        source: "https://github.com/randombet/bodhi_realtime_agent/issues/10",
      },
      {
        kind: "report",
        quote:
          "Gemini types that field as `google.protobuf.Struct`, which accepts an object and nothing else, so any other JSON value is a protocol violation and the socket is closed with `1007`.",
        source: "https://github.com/vercel/ai/issues/20696",
      },
      {
        kind: "accepted",
        files: [
          "live/js-genai-live_Vertex_should_send_tool_response_with_function_responses.jsonl",
          "live/js-genai-live_Vertex_should_return_error_for_invalid_input_in_async_session.jsonl",
        ],
        what: "object responses answered with audio",
      },
    ],
  },
  {
    id: "live.setup-unsupported-config",
    severity: "error",
    summary:
      "`setup.generationConfig` sets a field Live does not support (log probabilities, response MIME type or schema, stop sequences, response cache, routing, audio timestamps).",
    evidence: [
      {
        kind: "reference",
        quote:
          "Optional. Generation config. The following fields are not supported: - `response_logprobs` - `response_mime_type` - `logprobs` - `response_schema` - `response_json_schema` - `stop_sequence` - `skip_response_cache` - `routing_config` - `audio_timestamp`",
        source: `${DISCOVERY} (schemas.BidiGenerateContentSetup.properties.generationConfig.description)`,
      },
      {
        kind: "report",
        quote:
          "However, I have tried to use it and an error is launched because it says the argument is not valid or supported.",
        source: "https://github.com/googleapis/python-genai/issues/1572",
      },
    ],
  },
];

/** A rule by id (every id the checks use is in LIVE_RULES). */
export function liveRule(id: string): LiveRule {
  const rule = LIVE_RULES.find((r) => r.id === id);
  if (!rule) throw new Error(`gemini-typekit: no Live rule ${id}`);
  return rule;
}
