// watchLiveSocket end to end (issue 13, item 4): a WebSocket server on loopback replays each recorded session of
// ../shared/fixtures/real/live — its server messages as binary frames, each sent once the client messages before
// it have arrived — to a `ws` client watched by watchLiveSocket. The issues reported through the callback must be
// what createLiveSession gives offline for the same messages, and the traffic byte for byte what was sent.
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { WebSocket, WebSocketServer } from "ws";
import { createLiveSession, watchLiveSocket, type LiveIssue, type WebSocketLike } from "@gemini-typekit/runtime";
import { LIVE_SKIP, hasLiveCorpus, liveSessions, type LiveRecord } from "./corpus-sessions.ts";

const recorded = liveSessions().filter((s) => s.provenance === "recorded");
const summary = (i: LiveIssue) => ({
  index: i.index,
  direction: i.direction,
  code: i.code,
  pointer: i.pointer,
  rule: i.rule,
  severity: i.severity,
});
const toBuffer = (data: unknown): Buffer =>
  Array.isArray(data)
    ? Buffer.concat(data as Buffer[])
    : data instanceof ArrayBuffer
      ? Buffer.from(data)
      : Buffer.isBuffer(data)
        ? data
        : Buffer.from(String(data));

interface Replay {
  issues: LiveIssue[];
  sentByClient: string[];
  receivedByServer: Buffer[];
  sentByServer: Buffer[];
  receivedByClient: Buffer[];
  serverFramesBinary: boolean[];
}

/** Runs one session over loopback: the client sends its messages (text), the server answers in the recorded order. */
async function replay(records: LiveRecord[], binaryType: "nodebuffer" | "arraybuffer" | "fragments"): Promise<Replay> {
  const texts = records.map((r) => JSON.stringify(r.message));
  const out: Replay = {
    issues: [],
    sentByClient: [],
    receivedByServer: [],
    sentByServer: [],
    receivedByClient: [],
    serverFramesBinary: [],
  };
  const server = new WebSocketServer({ host: "127.0.0.1", port: 0 });
  await new Promise<void>((resolve) => server.once("listening", resolve));
  server.on("connection", (socket) => {
    let next = 0;
    const pump = () => {
      for (; next < records.length && records[next]!.direction === "server"; next++) {
        const frame = Buffer.from(texts[next]!, "utf8");
        out.sentByServer.push(frame);
        socket.send(frame, { binary: true });
      }
    };
    socket.on("message", (data) => {
      out.receivedByServer.push(toBuffer(data));
      next++;
      pump();
    });
    pump();
  });
  const client = new WebSocket(`ws://127.0.0.1:${(server.address() as AddressInfo).port}`);
  client.binaryType = binaryType;
  const watch = watchLiveSocket(client as unknown as WebSocketLike, { onIssue: (issue) => out.issues.push(issue) });
  await new Promise<void>((resolve, reject) => {
    let next = 0;
    const drive = () => {
      for (; next < records.length && records[next]!.direction === "client"; next++) {
        out.sentByClient.push(texts[next]!);
        client.send(texts[next]!);
      }
      if (next === records.length) resolve();
    };
    client.on("message", (data, isBinary) => {
      out.receivedByClient.push(toBuffer(data));
      out.serverFramesBinary.push(isBinary);
      next++;
      drive();
    });
    client.once("open", drive);
    client.once("error", reject);
  });
  // The last client frames must reach the server before it closes.
  while (out.receivedByServer.length < out.sentByClient.length) await new Promise((r) => setImmediate(r));
  await watch.idle();
  watch.detach();
  client.close();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return out;
}

function offline(records: LiveRecord[]): LiveIssue[] {
  const session = createLiveSession();
  for (const r of records) session.push(r.direction, r.message);
  return [...session.issues];
}

describe.skipIf(!hasLiveCorpus)("watchLiveSocket on loopback, recorded sessions", () => {
  if (!hasLiveCorpus) console.warn(LIVE_SKIP);
  const binaryTypes = ["nodebuffer", "arraybuffer", "fragments"] as const;
  it.each(recorded.map((s, i) => [s.file, s, binaryTypes[i % binaryTypes.length]!] as const))(
    "%s",
    async (_file, session, binaryType) => {
      const run = await replay(session.records, binaryType);
      expect(run.issues.map(summary)).toEqual(offline(session.records).map(summary));
      expect(run.receivedByServer.map((b) => b.toString("utf8"))).toEqual(run.sentByClient);
      expect(run.receivedByClient).toEqual(run.sentByServer);
      expect(run.serverFramesBinary.every(Boolean)).toBe(true);
    },
  );

  it("a mutated session reports through the callback what the session gives offline (second setup, non-object response)", async () => {
    const base = recorded.find((s) => s.file === "js-genai-live_ML_Dev_should_send_tool_response.jsonl");
    expect(base, "the recorded tool-call session").toBeDefined();
    const records: LiveRecord[] = [
      ...structuredClone(base!.records),
      {
        direction: "client",
        message: { toolResponse: { functionResponses: [{ id: "x", name: "f", response: "not an object" }] } },
      },
      { direction: "client", message: base!.records[0]!.message },
    ];
    const run = await replay(records, "nodebuffer");
    const rules = run.issues.filter((i) => i.rule).map((i) => [i.index, i.rule, i.pointer]);
    expect(rules).toEqual([
      [5, "live.tool-response-unknown-id", "/toolResponse/functionResponses/0/id"],
      [5, "live.function-response-not-object", "/toolResponse/functionResponses/0/response"],
      [6, "live.setup-once", "/setup"],
    ]);
    expect(run.issues.map(summary)).toEqual(offline(records).map(summary));
  });
});

/** A socket as a browser has it: send on the prototype, message events whose data may be a Blob. */
class FakeBrowserSocket extends EventTarget {
  sent: unknown[] = [];
  send(data: unknown) {
    this.sent.push(data);
  }
  receive(data: unknown) {
    const event = new Event("message") as Event & { data: unknown };
    event.data = data;
    this.dispatchEvent(event);
  }
}

describe("watchLiveSocket on a browser-like socket", () => {
  const asSocket = (s: FakeBrowserSocket) => s as unknown as WebSocketLike;

  it("Blob frames are read asynchronously and the frames after them wait: the session sees arrival order", async () => {
    const socket = new FakeBrowserSocket();
    const issues: LiveIssue[] = [];
    const watch = watchLiveSocket(asSocket(socket), { onIssue: (i) => issues.push(i) });
    socket.send(JSON.stringify({ setup: { model: "m" } }));
    socket.receive(new Blob([JSON.stringify({ setupComplete: {} })]));
    socket.receive(new Blob([JSON.stringify({ toolCall: { functionCalls: [{ id: "c1", name: "f" }] } })]));
    socket.send(JSON.stringify({ toolResponse: { functionResponses: [{ id: "c1", name: "f", response: {} }] } })); // answers c1: only in order
    socket.receive(JSON.stringify({ setupComplete: { bogus: 1 } }));
    await watch.idle();
    expect(issues).toEqual([]);
    expect(socket.sent).toHaveLength(2);
    expect(watch.session.issues).toEqual([]);
  });

  it("detach restores the prototype's send and stops listening", async () => {
    const socket = new FakeBrowserSocket();
    const issues: LiveIssue[] = [];
    const watch = watchLiveSocket(asSocket(socket), { onIssue: (i) => issues.push(i) });
    expect(Object.prototype.hasOwnProperty.call(socket, "send")).toBe(true);
    watch.detach();
    expect(Object.prototype.hasOwnProperty.call(socket, "send")).toBe(false);
    socket.send("{");
    socket.receive("{");
    await watch.idle();
    expect(issues).toEqual([]);
  });

  it("a send that throws is the app's error, and no message is checked", () => {
    const socket = new FakeBrowserSocket();
    socket.send = () => {
      throw new Error("InvalidStateError");
    };
    const watch = watchLiveSocket(asSocket(socket), { onIssue: () => {} });
    expect(() => socket.send("{}")).toThrow("InvalidStateError");
    expect(watch.session.issues).toEqual([]);
    watch.detach();
    expect(() => socket.send("{}")).toThrow("InvalidStateError"); // the own send was put back
  });

  it("a Blob that cannot be read is an issue, not an exception", async () => {
    const socket = new FakeBrowserSocket();
    const issues: LiveIssue[] = [];
    const watch = watchLiveSocket(asSocket(socket), { onIssue: (i) => issues.push(i) });
    socket.receive({ size: 3, arrayBuffer: () => Promise.reject(new Error("read failed")) });
    await watch.idle();
    expect(issues).toEqual([
      expect.objectContaining({
        direction: "server",
        code: "invalid-value",
        severity: "error",
        message: expect.stringMatching(/read failed/),
      }),
    ]);
  });

  it("drift goes to onDrift with the message index", () => {
    const socket = new FakeBrowserSocket();
    const drift: unknown[] = [];
    watchLiveSocket(asSocket(socket), { onIssue: () => {}, onDrift: (d) => drift.push(d) });
    socket.receive(JSON.stringify({ setupComplete: {}, somethingNew: true }));
    expect(drift).toEqual([expect.objectContaining({ index: 0, path: "/somethingNew", kind: "unknown-field" })]);
  });
});
