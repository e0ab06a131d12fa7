// The shapes a Live API (BidiGenerateContent) session check returns: each message's verdict, and its issues tagged
// with the message's place in the session, its direction and, for a session rule, the rule's id.
import type { Drift, Issue, Mode } from "../result.ts";

/** Who sent a message: the client (setup, clientContent, realtimeInput, toolResponse) or the server. */
export type LiveDirection = "client" | "server";

/**
 * error = the server rejects it (it closes the socket, observed or stated); warning = Google's reference says
 * otherwise but the server has been seen accepting it, or no rejection is on record.
 */
export type LiveSeverity = "error" | "warning";

export interface LiveIssue extends Issue {
  /** The message's position in the session, from 0, counting both directions. */
  index: number;
  direction: LiveDirection;
  severity: LiveSeverity;
  /** The session rule that found it (LIVE_RULES); absent for what the message's validator found. */
  rule?: string;
}

export interface LiveMessageResult {
  index: number;
  direction: LiveDirection;
  /** False when an issue of severity "error" was found; warnings leave it true. */
  ok: boolean;
  issues: LiveIssue[];
  /** What lenient mode accepted without knowing it (server messages, by default). */
  drift: (Drift & { index: number })[];
  /** The message as parsed (and normalized when it validated). */
  value?: unknown;
}

export interface LiveSessionOptions {
  /** Default "strict": what users send, every enum closed and every field known. */
  client?: { mode?: Mode };
  /** Default "lenient": a field or enum value newer than the spec is drift, never a rejection. */
  server?: { mode?: Mode };
}

export interface LiveSession {
  /**
   * Checks the next message in order: a parsed JSON value, or a frame's text or bytes (JSON in UTF-8; a string is
   * always read as frame text). Never throws.
   */
  push(direction: LiveDirection, message: unknown): LiveMessageResult;
  /** Every issue so far, in order. */
  readonly issues: readonly LiveIssue[];
}
