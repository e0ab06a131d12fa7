// createLiveSession: a Live API session checked message by message, in order. Each message is validated by the
// generated validator of its direction, then the session rules (rules.ts, checks.ts) look at it with what came before.
import type { Issue, Mode } from "../result.ts";
import { checkClientMessage, observeServerMessage, type RuleFinding, type SessionState } from "./checks.ts";
import { asBytes, readFrame } from "./frame.ts";
import { liveRule } from "./rules.ts";
import type { LiveDirection, LiveIssue, LiveMessageResult, LiveSession, LiveSessionOptions } from "./types.ts";
import { DEFAULT_MODE, validateMessage } from "./validators.ts";

export function createLiveSession(options: LiveSessionOptions = {}): LiveSession {
  const modes: Record<LiveDirection, Mode> = {
    client: options.client?.mode ?? DEFAULT_MODE.client,
    server: options.server?.mode ?? DEFAULT_MODE.server,
  };
  const state: SessionState = { clientMessages: 0, asked: new Set(), cancelled: new Set() };
  const issues: LiveIssue[] = [];
  let index = 0;

  function push(direction: LiveDirection, message: unknown): LiveMessageResult {
    const result = checkMessage(index++, direction, message, modes[direction], state);
    issues.push(...result.issues);
    return result;
  }
  return { push, issues };
}

function checkMessage(
  index: number,
  direction: LiveDirection,
  message: unknown,
  mode: Mode,
  state: SessionState,
): LiveMessageResult {
  const tag = (issue: Issue, severity: LiveIssue["severity"] = "error", rule?: string): LiveIssue => ({
    ...issue,
    index,
    direction,
    severity,
    ...(rule ? { rule } : {}),
  });
  let value = message;
  if (typeof message === "string" || asBytes(message)) {
    const read = readFrame(typeof message === "string" ? message : asBytes(message)!);
    if (!read.ok) {
      // The message is lost to the session, but it still counts: a client frame was the client's message.
      if (direction === "client") state.clientMessages++;
      return { index, direction, ok: false, issues: [tag(read.issue)], drift: [] };
    }
    value = read.value;
  } else if (isBlob(message)) {
    return {
      index,
      direction,
      ok: false,
      issues: [
        tag({
          pointer: "",
          code: "invalid-value",
          message: "a Blob frame must be read before it is checked (watchLiveSocket reads it)",
        }),
      ],
      drift: [],
    };
  }
  let checked;
  try {
    checked = validateMessage(direction, value, mode);
  } catch (error) {
    checked = {
      ok: false as const,
      issues: [
        {
          pointer: "",
          code: "invalid-value" as const,
          message: `the check failed: ${error instanceof Error ? error.message : String(error)}`,
        },
      ],
    };
  }
  let findings: RuleFinding[] = [];
  if (direction === "client") findings = checkClientMessage(value, state);
  else observeServerMessage(value, state);
  const ruleIssues = findings.map((f) => {
    const rule = liveRule(f.rule);
    return tag({ pointer: f.pointer, code: f.code ?? "invalid-value", message: f.message }, rule.severity, rule.id);
  });
  // A rule's finding says more than the schema's at the same place (it names what the server does about it).
  const taken = new Set(ruleIssues.map((i) => i.pointer));
  const schemaIssues = checked.ok ? [] : checked.issues.filter((i) => !taken.has(i.pointer)).map((i) => tag(i));
  const all = [...schemaIssues, ...ruleIssues];
  return {
    index,
    direction,
    ok: !all.some((i) => i.severity === "error"),
    issues: all,
    drift: checked.ok ? checked.drift.map((d) => ({ ...d, index })) : [],
    value: checked.ok ? checked.value : value,
  };
}

/** A Blob (browser WebSocket's default binaryType), told apart structurally: the runtime names no DOM types. */
export const isBlob = (v: unknown): v is BlobLike =>
  v !== null &&
  typeof v === "object" &&
  typeof (v as BlobLike).arrayBuffer === "function" &&
  typeof (v as BlobLike).size === "number";

export interface BlobLike {
  readonly size: number;
  arrayBuffer(): Promise<ArrayBuffer>;
}
