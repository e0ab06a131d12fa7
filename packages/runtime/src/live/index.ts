// The Live API (BidiGenerateContent over WebSocket): sessions checked message by message, and a socket watcher.
export { createLiveSession } from "./session.ts";
export { watchLiveSocket, type LiveSocketWatch, type WatchLiveSocketOptions, type WebSocketLike } from "./socket.ts";
export { LIVE_RULES, LIVE_UNSUPPORTED_CONFIG_FIELDS, type LiveEvidence, type LiveRule } from "./rules.ts";
export type {
  LiveDirection,
  LiveIssue,
  LiveMessageResult,
  LiveSession,
  LiveSessionOptions,
  LiveSeverity,
} from "./types.ts";
