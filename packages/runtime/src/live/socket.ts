// watchLiveSocket: checks every frame of a live WebSocket in both directions — what the app sends (client) and what
// arrives (server) — and reports issues through a callback. Traffic is never altered or delayed: the original send
// runs first and the check after it; the message listener only reads the event. A Blob frame is read
// asynchronously, and the frames after it wait for it, so the session sees every message in order.
import type { Drift } from "../result.ts";
import { createLiveSession, isBlob } from "./session.ts";
import type { LiveDirection, LiveIssue, LiveSession } from "./types.ts";

/** What is read from a socket: the browser's WebSocket and the `ws` package's both fit. */
export interface WebSocketLike {
  send(data: never, ...rest: never[]): unknown;
  addEventListener(type: "message", listener: (event: { data: unknown }) => void): void;
  removeEventListener(type: "message", listener: (event: { data: unknown }) => void): void;
}

export interface WatchLiveSocketOptions {
  onIssue: (issue: LiveIssue) => void;
  onDrift?: (drift: Drift & { index: number }) => void;
  /** The session to feed (default: a new createLiveSession()). */
  session?: LiveSession;
}

export interface LiveSocketWatch {
  session: LiveSession;
  /** Restores the socket's own `send` and removes the listener; frames already queued are still checked. */
  detach(): void;
  /** Resolves once every frame seen so far has been checked (Blob frames are read asynchronously). */
  idle(): Promise<void>;
}

export function watchLiveSocket(socket: WebSocketLike, options: WatchLiveSocketOptions): LiveSocketWatch {
  const session = options.session ?? createLiveSession();
  const queue = new OrderedChecks(session, options);
  const target = socket as unknown as { send: (...args: unknown[]) => unknown };
  const hadOwnSend = Object.prototype.hasOwnProperty.call(socket, "send");
  const originalSend = target.send;
  const send = function (this: unknown, ...args: unknown[]) {
    const returned = originalSend.apply(this ?? socket, args); // a send that throws was no message: nothing to check
    queue.add("client", args[0]);
    return returned;
  };
  target.send = send;
  const listener = (event: { data: unknown }) => queue.add("server", event?.data);
  socket.addEventListener("message", listener);
  return {
    session,
    detach() {
      socket.removeEventListener("message", listener);
      if (target.send !== send) return; // someone wrapped it after us: leave their wrapper in place
      if (hadOwnSend) target.send = originalSend;
      else delete (target as { send?: unknown }).send;
    },
    idle: () => queue.idle(),
  };
}

/** Frames checked one after another in arrival order; synchronously while no Blob is being read. */
class OrderedChecks {
  private pending: Promise<void> | undefined;
  private waiting = 0;

  constructor(
    private readonly session: LiveSession,
    private readonly options: WatchLiveSocketOptions,
  ) {}

  add(direction: LiveDirection, data: unknown): void {
    if (this.waiting === 0 && !isBlob(data)) return this.check(direction, data);
    this.waiting++;
    const previous = this.pending ?? Promise.resolve();
    this.pending = previous.then(async () => {
      try {
        this.check(direction, isBlob(data) ? new Uint8Array(await data.arrayBuffer()) : data);
      } catch (error) {
        this.check(direction, undefined, error);
      } finally {
        if (--this.waiting === 0) this.pending = undefined;
      }
    });
  }

  idle(): Promise<void> {
    return this.pending ?? Promise.resolve();
  }

  /** Checks one frame and reports; a failure of the checker itself (or of reading a Blob) is an issue too. */
  private check(direction: LiveDirection, data: unknown, readError?: unknown): void {
    let issues: LiveIssue[];
    let drift: (Drift & { index: number })[] = [];
    try {
      if (readError !== undefined) throw readError;
      const result = this.session.push(direction, data);
      issues = result.issues;
      drift = result.drift;
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      issues = [
        {
          pointer: "",
          code: "invalid-value",
          message: `the frame could not be checked: ${why}`,
          index: -1,
          direction,
          severity: "error",
        },
      ];
    }
    for (const issue of issues) deliver(() => this.options.onIssue(issue));
    if (this.options.onDrift) for (const d of drift) deliver(() => this.options.onDrift!(d));
  }
}

/** Calls the app's callback; what it throws is rethrown on its own task, as an event listener's error would be. */
function deliver(callback: () => void): void {
  try {
    callback();
  } catch (error) {
    setTimeout(() => {
      throw error;
    }, 0);
  }
}
