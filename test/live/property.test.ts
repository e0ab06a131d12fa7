// Property tests for the Live session check: whatever arrives on a socket — text frames, binary frames (bytes, valid
// UTF-8 or not), parsed JSON values of any shape, fragments of real messages — push() never throws, gives every
// message its own index in order, and its verdict agrees with its issues (ok exactly when no issue is an error);
// the session's issue list is the concatenation of the messages'. Few runs, small inputs, fixed seed
// (test/support/fast-check-seed.ts).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createLiveSession, type LiveDirection } from "@gemini-typekit/runtime";
import { hasLiveCorpus, liveSessions } from "./corpus-sessions.ts";

const RUNS = { numRuns: 200 };

/** Real messages (a few per kind) so that draws reach deep into the validators, not only their first check. */
const REAL = hasLiveCorpus
  ? liveSessions()
      .filter((s) => s.provenance === "recorded")
      .flatMap((s) => s.records)
      .filter((r) => JSON.stringify(r.message).length < 4000)
      .slice(0, 40)
  : [];

const MEMBERS = [
  "setup",
  "clientContent",
  "realtimeInput",
  "toolResponse",
  "setupComplete",
  "serverContent",
  "toolCall",
  "toolCallCancellation",
  "goAway",
  "sessionResumptionUpdate",
  "usageMetadata",
  "client_content",
  "tool_response",
  "__proto__",
  "constructor",
];

/** A JSON value with Live's keys among the random ones. */
const jsonish = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: "small" },
    fc.constant(null),
    fc.boolean(),
    fc.double(),
    fc.integer(),
    fc.string(),
    fc.array(tie("value"), { maxLength: 4 }),
    fc.dictionary(fc.oneof(fc.constantFrom(...MEMBERS), fc.string({ maxLength: 6 })), tie("value"), { maxKeys: 4 }),
  ),
})).value;

/** A real message with one value somewhere replaced by a random one. */
const mutatedReal =
  REAL.length === 0
    ? jsonish
    : fc.tuple(fc.constantFrom(...REAL), fc.nat(), jsonish).map(([record, at, replacement]) => {
        const copy = structuredClone(record.message) as unknown;
        const slots: { parent: Record<string, unknown> | unknown[]; key: string | number }[] = [];
        const walk = (node: unknown) => {
          if (typeof node !== "object" || node === null) return;
          for (const [key, child] of Object.entries(node)) {
            slots.push({ parent: node as Record<string, unknown>, key: Array.isArray(node) ? Number(key) : key });
            walk(child);
          }
        };
        walk(copy);
        if (slots.length === 0) return replacement;
        const slot = slots[at % slots.length]!;
        (slot.parent as Record<string | number, unknown>)[slot.key] = replacement;
        return copy;
      });

const encode = (text: string) => new TextEncoder().encode(text);
/** What a socket hands over: a parsed value, its text, its bytes (binary frame), text cut short, or random bytes. */
const frame = fc.oneof(
  jsonish,
  mutatedReal,
  mutatedReal.map((v) => JSON.stringify(v) ?? ""),
  mutatedReal.map((v) => encode(JSON.stringify(v) ?? "")),
  fc.tuple(mutatedReal, fc.nat()).map(([v, cut]) => {
    const text = JSON.stringify(v) ?? "";
    return text.slice(0, cut % (text.length + 1));
  }),
  fc.uint8Array({ maxLength: 64 }),
  fc.uint8Array({ maxLength: 64 }).map((bytes) => bytes.buffer),
  fc.constantFrom<unknown>(undefined, "", " ", "{}", "[]", "null", '{"setup":{}}', new Uint8Array([0x7b, 0xff, 0x7d])),
);
const direction = fc.constantFrom<LiveDirection>("client", "server");

describe("createLiveSession on arbitrary frames", () => {
  it("never throws, indexes messages in order, and its verdicts agree with its issues", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(direction, frame), { maxLength: 8 }), (frames) => {
        const session = createLiveSession();
        const all: unknown[] = [];
        frames.forEach(([dir, message], index) => {
          const result = session.push(dir, message);
          expect(result.index).toBe(index);
          expect(result.direction).toBe(dir);
          expect(result.ok).toBe(!result.issues.some((i) => i.severity === "error"));
          for (const issue of result.issues) {
            expect(issue.index).toBe(index);
            expect(typeof issue.pointer).toBe("string");
            expect(issue.message).not.toBe("");
          }
          all.push(...result.issues);
        });
        expect(session.issues).toEqual(all);
      }),
      RUNS,
    );
  });

  it("strict server messages never throw either", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(direction, frame), { maxLength: 6 }), (frames) => {
        const session = createLiveSession({ client: { mode: "lenient" }, server: { mode: "strict" } });
        for (const [dir, message] of frames) session.push(dir, message);
      }),
      RUNS,
    );
  });
});
