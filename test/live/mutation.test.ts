// Mutations of the recorded Live sessions (../shared/fixtures/real/live, provenance "recorded"): each mutation breaks
// one message the way clients and servers get it wrong, and the session check must reject exactly that message, at
// the pointer of the broken value, while the rest of the session stays valid. What is newer than the spec on the
// server side is drift, never an error. Every mutation must apply to at least one recorded session.
import { describe, expect, it } from "vitest";
import { createLiveSession, type LiveIssue } from "@gemini-typekit/runtime";
import { copyRecords, hasLiveCorpus, LIVE_SKIP, liveSessions, memberOf, type LiveRecord } from "./corpus-sessions.ts";

if (!hasLiveCorpus) console.warn(`[gemini-typekit tests] ${LIVE_SKIP}.`);

const recorded = liveSessions().filter((s) => s.provenance === "recorded");

/** A mutated session and the message it broke; undefined when the session has nothing the mutation needs. */
type Mutated = { records: LiveRecord[]; index: number } | undefined;
type Want = { code?: string; rule?: string; pointer: string } | { drift: string };

type Obj = Record<string, unknown>;
const asObj = (v: unknown) => v as Obj;
/** The first message sent `direction` whose member is one of `members`, with its index. */
function find(
  records: LiveRecord[],
  direction: LiveRecord["direction"],
  members: string[],
): { index: number; message: Obj } | undefined {
  const index = records.findIndex((r) => r.direction === direction && members.includes(memberOf(r.message) ?? ""));
  return index < 0 ? undefined : { index, message: asObj(records[index]!.message) };
}

/** `gap`: what the checks get wrong today (the row runs as an expected failure, and fails once that is fixed). */
const mutations: [string, { given: (records: LiveRecord[]) => Mutated; want: Want; gap?: string }][] = [
  [
    "a second setup, after the first server message",
    {
      given: (records) => {
        const setup = find(records, "client", ["setup"]);
        const firstServer = records.findIndex((r) => r.direction === "server");
        if (!setup || firstServer < 0) return undefined;
        records.splice(firstServer + 1, 0, { direction: "client", message: structuredClone(setup.message) });
        return { records, index: firstServer + 1 };
      },
      want: { rule: "live.setup-once", pointer: "/setup" },
    },
  ],
  [
    "two members in one client message (realtimeInput added beside clientContent)",
    {
      given: (records) => {
        const found = find(records, "client", ["clientContent"]);
        if (!found) return undefined;
        found.message["realtimeInput"] = { text: "hello" };
        return { records, index: found.index };
      },
      want: { code: "oneof-conflict", pointer: "/realtimeInput" },
    },
  ],
  [
    "a function response that is no JSON object",
    {
      given: (records) => {
        const found = find(records, "client", ["toolResponse"]);
        const responses = found && (asObj(found.message["toolResponse"])["functionResponses"] as Obj[] | undefined);
        if (!found || !responses?.[0]) return undefined;
        responses[0]["response"] = "happy";
        return { records, index: found.index };
      },
      want: { pointer: "/toolResponse/functionResponses/0/response" },
    },
  ],
  [
    "a bogus enum value in a client message (setup.generationConfig.responseModalities)",
    {
      given: (records) => {
        const found = find(records, "client", ["setup"]);
        if (!found) return undefined;
        const setup = asObj(found.message["setup"]);
        setup["generationConfig"] = { ...asObj(setup["generationConfig"] ?? {}), responseModalities: ["SMELL"] };
        return { records, index: found.index };
      },
      want: { code: "unknown-enum-value", pointer: "/setup/generationConfig/responseModalities/0" },
    },
  ],
  [
    "a bogus enum value in a client message (setup.realtimeInputConfig.activityHandling, a Live enum)",
    {
      given: (records) => {
        const found = find(records, "client", ["setup"]);
        if (!found) return undefined;
        asObj(found.message["setup"])["realtimeInputConfig"] = { activityHandling: "SOMETIMES" };
        return { records, index: found.index };
      },
      want: { code: "unknown-enum-value", pointer: "/setup/realtimeInputConfig/activityHandling" },
    },
  ],
  [
    "a wrong type in a client message (a turn's role as a number)",
    {
      given: (records) => {
        const found = find(records, "client", ["clientContent"]);
        const turns = found && (asObj(found.message["clientContent"])["turns"] as Obj[] | undefined);
        if (!found || !turns?.[0]) return undefined;
        turns[0]["role"] = 7;
        return { records, index: found.index };
      },
      want: { code: "invalid-type", pointer: "/clientContent/turns/0/role" },
    },
  ],
  [
    "a wrong type in a server message (serverContent.turnComplete as a string)",
    {
      given: (records) => {
        const found = find(records, "server", ["serverContent"]);
        if (!found) return undefined;
        asObj(found.message["serverContent"])["turnComplete"] = "yes";
        return { records, index: found.index };
      },
      want: { code: "invalid-type", pointer: "/serverContent/turnComplete" },
    },
  ],
  [
    "a wrong type in a server message (usageMetadata.totalTokenCount as an object)",
    {
      given: (records) => {
        const found = find(records, "server", ["serverContent", "setupComplete"]);
        if (!found) return undefined;
        found.message["usageMetadata"] = { totalTokenCount: { n: 1 } };
        return { records, index: found.index };
      },
      want: { code: "invalid-type", pointer: "/usageMetadata/totalTokenCount" },
    },
  ],
  [
    "an unknown server member beside a known one is drift",
    {
      given: (records) => {
        const found = find(records, "server", ["serverContent", "setupComplete"]);
        if (!found) return undefined;
        found.message["brandNewMember"] = { x: 1 };
        return { records, index: found.index };
      },
      want: { drift: "/brandNewMember" },
    },
  ],
  [
    "a server message of a kind newer than the spec is drift (what crashed closed-world clients on goAway)",
    {
      given: (records) => {
        const firstServer = records.findIndex((r) => r.direction === "server");
        if (firstServer < 0) return undefined;
        records.splice(firstServer + 1, 0, { direction: "server", message: { brandNewMessage: { timeLeft: "5s" } } });
        return { records, index: firstServer + 1 };
      },
      want: { drift: "/brandNewMessage" },
    },
  ],
];

function check(records: readonly LiveRecord[]) {
  const session = createLiveSession();
  return records.map((r) => session.push(r.direction, r.message));
}

const where = (i: LiveIssue) => ({
  index: i.index,
  pointer: i.pointer,
  code: i.code,
  rule: i.rule,
  severity: i.severity,
});

function runMutation(given: (records: LiveRecord[]) => Mutated, want: Want): void {
  let applied = 0;
  for (const session of recorded) {
    const mutated = given(copyRecords(session.records));
    if (!mutated) continue;
    applied++;
    const results = check(mutated.records);
    const label = `${session.file}, message ${mutated.index}`;
    // Every other message keeps its verdict: valid, as recorded.
    const elsewhere = results
      .flatMap((r) => r.issues)
      .filter((i) => i.index !== mutated.index && i.severity === "error");
    expect(elsewhere.map(where), label).toEqual([]);
    const at = results[mutated.index]!;
    if ("drift" in want) {
      expect(at.ok, label).toBe(true);
      expect(
        at.drift.map((d) => d.path),
        label,
      ).toContain(want.drift);
      continue;
    }
    expect(at.ok, label).toBe(false);
    const errors = at.issues.filter((i) => i.severity === "error");
    expect(errors.map(where), label).toContainEqual(
      expect.objectContaining({
        index: mutated.index,
        pointer: want.pointer,
        ...(want.code ? { code: want.code } : {}),
        ...(want.rule ? { rule: want.rule } : {}),
      }),
    );
  }
  expect(applied).toBeGreaterThan(0);
}

describe.skipIf(!hasLiveCorpus)("mutations of recorded Live sessions", () => {
  it.each(mutations.filter(([, row]) => !row.gap))("%s", (_name, { given, want }) => runMutation(given, want));
  for (const [name, { given, want, gap }] of mutations.filter(([, row]) => row.gap))
    it.fails(`${name} (known gap: ${gap})`, () => runMutation(given, want));
});
