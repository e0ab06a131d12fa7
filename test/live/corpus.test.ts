// The Live corpus (../shared/fixtures/real/live) through createLiveSession, file by file, messages in order as
// logged: every recorded session validates, messages and session rules (warnings allowed: they mark what the server
// has been seen to tolerate); so do the notebook outputs and the mocks, except the ones listed below, each with what
// is found and why it is no fault of the checks. The CLI reads the same files.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createLiveSession, type LiveIssue } from "@gemini-typekit/runtime";
import { main } from "../../packages/tools/src/cli/main.ts";
import type { CliIo } from "../../packages/tools/src/cli/command.ts";
import { hasLiveCorpus, LIVE_DIR, LIVE_SKIP, liveSessions, type LiveCorpusSession } from "./corpus-sessions.ts";

if (!hasLiveCorpus) console.warn(`[gemini-typekit tests] ${LIVE_SKIP}.`);

const sessions = liveSessions();

/** What a session check reports: its errors, as `index pointer code/rule`, in order. */
function errorsOf(session: LiveCorpusSession): string[] {
  const live = createLiveSession();
  for (const { direction, message } of session.records) live.push(direction, message);
  return live.issues
    .filter((i: LiveIssue) => i.severity === "error")
    .map((i) => `${i.index} ${i.pointer || "/"} ${i.rule ?? i.code}`);
}

/**
 * Files the checks rightly find fault with, each with why it is no fault of the checks. `exact`: the errors are
 * exactly these (a change either way fails). `pending`: a field or message newer than the spec that the overlay may
 * yet add with this file as evidence; the errors are then at most these, so that adding it needs no edit here.
 */
type Exception = { errors: string[]; why: string; pending?: true };

const FRAGMENT =
  "an SDK unit test's single client message, cut out of a session: no setup before it, as on a socket that began so";
const GO_TABLE_ROWS =
  "go-genai's TestLiveConnect table: several test rows' connections in one file (source order), so setup comes again";
const NO_MODEL =
  "python-genai's converter test leaves out the model the SDK adds when it connects; the proto marks setup.model REQUIRED";
const fragments = [
  ["str", "clientContent"],
  ["blob", "realtimeInput"],
  ["blob_dict", "realtimeInput"],
  ["client_content", "clientContent"],
  ["client_content_blob", "clientContent"],
  ["client_content_dict", "clientContent"],
  ["realtime_input", "realtimeInput"],
  ["realtime_input_dict", "realtimeInput"],
  ["tool_response", "toolResponse"],
  ["function_response", "toolResponse"],
  ["tool_response_dict_with_only_response", "toolResponse"],
  ["realtime_tool_response", "toolResponse"],
] as const;

const EXCEPTIONS: Record<string, Exception> = {
  ...Object.fromEntries(
    fragments.map(([test]) => [
      `python-genai-mock-test_live-test_parse_client_message_${test}.jsonl`,
      { errors: ["0 / live.setup-first"], why: FRAGMENT },
    ]),
  ),
  "python-genai-mock-test_live-test_bidi_setup_to_api_no_config.jsonl": {
    errors: ["0 /setup/model missing-required"],
    why: NO_MODEL,
  },
  "python-genai-mock-test_live-test_bidi_setup_to_api_with_config_tools_google_search.jsonl": {
    errors: ["0 /setup/model missing-required"],
    why: NO_MODEL,
  },
  "python-genai-mock-test_live-test_bidi_setup_to_api_with_config_tools_with_no_mcp.jsonl": {
    errors: ["0 /setup/model missing-required"],
    why: NO_MODEL,
  },
  "python-genai-mock-test_live-test_bidi_setup_to_api_with_session_resumption.jsonl": {
    errors: ["0 /setup/model missing-required"],
    why: NO_MODEL,
  },
  "python-genai-mock-test_live-test_bidi_setup_to_api_with_context_window_compression.jsonl": {
    errors: [
      "0 /setup/model missing-required",
      "0 /setup/contextWindowCompression/sliding_window/target_tokens invalid-type",
      "0 /setup/contextWindowCompression/trigger_tokens invalid-type",
    ],
    why: `${NO_MODEL}; its int64 token counts are JSON numbers where the client validators want the mapping's decimal strings`,
  },
  "python-genai-mock-test_live-test_bidi_setup_to_api_with_transparent_session_resumption.jsonl": {
    errors: ["0 /setup/model missing-required", "0 /setup/sessionResumption/transparent unknown-field"],
    why: `${NO_MODEL}; sessionResumption.transparent is newer than the spec (Vertex only)`,
    pending: true,
  },
  "python-genai-mock-test_live-test_bidi_setup_to_api_with_translation_config.jsonl": {
    errors: ["0 /setup/generationConfig/translationConfig unknown-field"],
    why: "generationConfig.translationConfig is newer than the spec",
    pending: true,
  },
  "python-genai-mock-test_live-test_bidi_setup_to_api_with_config_mcp_tools.jsonl": {
    errors: ["1 /setup live.setup-once"],
    why: "the test's two expected setups (Gemini API and Vertex) in one file, not one session",
  },
  "python-genai-mock-test_live-test_bidi_setup_to_api_with_config_mcp_session.jsonl": {
    errors: ["1 /setup live.setup-once"],
    why: "the test's two expected setups (Gemini API and Vertex) in one file, not one session",
  },
  "python-genai-mock-test_live-test_async_session_resumption_update.jsonl": {
    errors: ["0 /sessionResumptionUpdate/resumable invalid-type"],
    why: 'the mock writes resumable as the string "true", a value the test invented (the proto field is a bool)',
  },
  "go-genai-mock-TestLiveConnect-successful_connection_when_set_transparent_using_vertex_client.jsonl": {
    errors: ["1 /setup/sessionResumption/transparent unknown-field"],
    why: "sessionResumption.transparent is newer than the spec (Vertex only)",
    pending: true,
  },
  "go-genai-mock-TestLiveConnect-send_realtimeInput_to_Google_AI.jsonl": {
    errors: ["4 /setup live.setup-once", "5 /toolResponse/functionResponses/0/response missing-required"],
    why: `${GO_TABLE_ROWS}; a function response with only a name, which the proto's REQUIRED response forbids`,
  },
  "go-genai-mock-TestLiveConnect-send_realtimeInput_to_Vertex_AI.jsonl": {
    errors: ["4 /setup live.setup-once", "5 /toolResponse/functionResponses/0/response missing-required"],
    why: `${GO_TABLE_ROWS}; a function response with only a name, which the proto's REQUIRED response forbids`,
  },
  "go-genai-mock-TestLiveConnect-received_error_in_response.jsonl": {
    errors: [
      "3 / no-known-field",
      "4 /setup live.setup-once",
      "7 / no-known-field",
      "8 /setup live.setup-once",
      "9 /toolResponse/functionResponses/0/response missing-required",
      "11 / no-known-field",
    ],
    why: `${GO_TABLE_ROWS}; the mock server answers {"error": …}, a message no Live envelope has (the real server closes the socket with a reason instead)`,
  },
};

describe.skipIf(!hasLiveCorpus)("Live corpus", () => {
  it("the manifest's message counts match the files", () => {
    expect(sessions.length).toBeGreaterThan(100);
    for (const s of sessions) expect([s.file, s.records.length]).toEqual([s.file, s.messages]);
  });

  const recorded = sessions.filter((s) => s.provenance === "recorded");
  it.each(recorded.map((s) => [s.file, s] as const))("recorded session %s validates", (_file, session) => {
    expect(errorsOf(session)).toEqual([]);
  });

  const others = sessions.filter((s) => s.provenance !== "recorded");
  it.each(others.map((s) => [s.file, s] as const))("%s validates or is a listed exception", (file, session) => {
    const exception = EXCEPTIONS[file];
    const errors = errorsOf(session);
    if (exception?.pending) {
      expect(exception.errors).toEqual(expect.arrayContaining(errors));
      expect(errors, "a pending exception the spec now explains: remove it").not.toEqual([]);
    } else expect(errors).toEqual(exception?.errors ?? []);
  });

  it("every exception names a file of the corpus", () => {
    const files = new Set(sessions.map((s) => s.file));
    expect(Object.keys(EXCEPTIONS).filter((f) => !files.has(f))).toEqual([]);
    expect(Object.keys(EXCEPTIONS).every((f) => sessions.find((s) => s.file === f)?.provenance !== "recorded")).toBe(
      true,
    );
  });

  it("validate --live passes every recorded session file (large audio frames included)", async () => {
    const files = recorded.map((s) => s.file);
    let stdout = "";
    const io: CliIo = { stdout: (t) => void (stdout += t), stderr: (t) => void (stdout += t), cwd: LIVE_DIR };
    const code = await main(["validate", "--live", ...files.map((f) => join(LIVE_DIR, f))], io);
    // Only summary lines saying "valid", and drift (what is newer than the spec is listed, and passes).
    const shown = stdout
      .split("\n")
      .filter(
        (l) =>
          l &&
          !/, valid(, \d+ warnings?)?(, \d+ drift)?$/.test(l) &&
          !/: drift unknown-/.test(l) &&
          !/\(warning; live\./.test(l),
      );
    expect(shown).toEqual([]);
    expect(code).toBe(0);
  });
});
