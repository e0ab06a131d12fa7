// Mutation tests: every real payload of the corpus (../shared/fixtures/real), changed once at each site the model
// finds in it (see mutations.ts), must be rejected with exactly one new issue, of the right code, at the right
// pointer: a wrong type, a bogus enum value (strict mode; lenient mode takes it as drift), a second member of a
// oneof, a malformed int64, timestamp, duration or base64 string, one value for a list in a response. Sites that repeat along an array are mutated once
// per payload. The counts per kind are printed once.
import { describe, expect, it } from "vitest";
import { validateResource } from "../../packages/runtime/src/validator.ts";
import type { Issue, ValidationResult } from "../../packages/runtime/src/result.ts";
import { hasCorpus, hasResource, loadCorpus, type CorpusPayload } from "./corpus-map.ts";
import { MUTATION_KINDS, mutationsOf, setAt, type MutationKind } from "./mutations.ts";

const key = (i: Issue) => `${i.pointer} ${i.code} ${i.message}`;
const issuesOf = (r: ValidationResult<unknown>) => (r.ok ? [] : r.issues);

describe("mutations.ts itself", () => {
  it("setAt copies the path it changes and shares the rest", () => {
    const root = { a: { b: [1, { c: 2 }] }, d: { e: 3 } };
    const out = setAt(root, ["a", "b", 1, "c"], (old) => (old as number) + 1) as typeof root;
    expect(out).toEqual({ a: { b: [1, { c: 3 }] }, d: { e: 3 } });
    expect(root.a.b[1]).toEqual({ c: 2 });
    expect(out.d).toBe(root.d);
  });

  it("finds every kind of site in a hand-made payload, with the pointers spelled as given", () => {
    const file = {
      name: "files/x",
      sizeBytes: "12",
      createTime: "2024-01-01T00:00:00Z",
      sha256Hash: "AA==",
      state: "ACTIVE",
      videoMetadata: { videoDuration: "3s" },
    };
    const part = { text: "x", thought: true };
    const byKind = (resource: string, value: unknown) => {
      const out: Record<string, string[]> = {};
      for (const m of mutationsOf(resource, value)) (out[m.kind] ??= []).push(`${m.pointer} ${m.code} ${m.mode}`);
      return out;
    };
    expect(byKind("File", file)).toEqual({
      "wrong-type": [
        "/name invalid-type lenient",
        "/sizeBytes invalid-type lenient",
        "/createTime invalid-type lenient",
        "/sha256Hash invalid-type lenient",
        "/state invalid-type lenient",
        "/videoMetadata invalid-type lenient",
        "/videoMetadata/videoDuration invalid-type lenient",
      ],
      "bad-int64": ["/sizeBytes invalid-format lenient"],
      "bad-timestamp": ["/createTime invalid-format lenient"],
      "bad-base64": ["/sha256Hash invalid-format lenient"],
      "bogus-enum": ["/state unknown-enum-value strict"],
      "bad-duration": ["/videoMetadata/videoDuration invalid-format lenient"],
    });
    expect(byKind("Part", part)["oneof-second-member"]).toEqual([
      expect.stringMatching(/^\/\w+ oneof-conflict lenient$/),
    ]);
    expect(byKind("Content", { parts: [{ inline_data: { mime_type: "a/b", data: "AA==" } }] })["bad-base64"]).toEqual([
      "/parts/0/inline_data/data invalid-format lenient",
    ]);
    // One value for a list is wrong only in a response-side root (Content is on both sides, read as sent by users).
    expect(
      byKind("GenerateContentResponse", {
        candidates: [{ safety_ratings: [{ category: "HARM_CATEGORY_HATE_SPEECH" }] }],
      })["single-for-list"],
    ).toEqual(["/candidates/0/safety_ratings invalid-type lenient", "/candidates invalid-type lenient"]);
    expect(byKind("Content", { parts: [{ text: "x" }] })["single-for-list"]).toBeUndefined();
  });
});

describe.skipIf(!hasCorpus)("every single mutation of every real payload is rejected at its pointer", () => {
  const corpus: CorpusPayload[] = hasCorpus ? loadCorpus() : [];

  it("one new issue per mutation, of the mutation's code, where it was made", () => {
    const counts = Object.fromEntries(MUTATION_KINDS.map((k) => [k, 0])) as Record<MutationKind, number>;
    const sites = Object.fromEntries(MUTATION_KINDS.map((k) => [k, new Set<string>()])) as Record<
      MutationKind,
      Set<string>
    >;
    const wrong: string[] = [];
    let payloads = 0;
    for (const payload of corpus) {
      for (const body of payload.bodies) {
        if (!hasResource(body.resource)) continue;
        payloads++;
        const baseline = {
          strict: validateResource(body.resource, body.value, "strict"),
          lenient: validateResource(body.resource, body.value, "lenient"),
        };
        for (const m of mutationsOf(body.resource, body.value)) {
          counts[m.kind]++;
          sites[m.kind].add(m.site);
          const before = new Set(issuesOf(baseline[m.mode]).map(key));
          const fresh = issuesOf(validateResource(body.resource, m.value, m.mode)).filter((i) => !before.has(key(i)));
          const got = fresh.map((i) => `${i.pointer} ${i.code}`);
          if (got.length !== 1 || got[0] !== `${m.pointer} ${m.code}`)
            wrong.push(
              `${payload.file}#${body.chunk} ${m.kind} at ${m.pointer} (${m.site}): got ${JSON.stringify(got)}`,
            );
          if (m.kind === "bogus-enum") {
            // Lenient mode takes the same value as drift, and nothing else changes.
            const lenient = validateResource(body.resource, m.value, "lenient");
            const drifted = lenient.ok
              ? lenient.drift.some((d) => d.path === m.pointer && d.kind === "unknown-enum-value")
              : issuesOf(lenient).map(key).join() === issuesOf(baseline.lenient).map(key).join();
            if (lenient.ok !== baseline.lenient.ok || !drifted)
              wrong.push(
                `${payload.file}#${body.chunk} bogus-enum at ${m.pointer}: lenient mode did not take it as drift`,
              );
          }
        }
      }
    }
    console.info(
      `[mutation] ${payloads} payloads; mutations by kind (distinct Resource.field sites): ${MUTATION_KINDS.map((k) => `${k} ${counts[k]} (${sites[k].size})`).join(", ")}`,
    );
    expect(wrong).toEqual([]);
    // Every kind is exercised by the real data, so a regression in any of them shows here.
    for (const kind of MUTATION_KINDS) expect([kind, counts[kind] > 0]).toEqual([kind, true]);
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBeGreaterThan(10_000);
  });
});
