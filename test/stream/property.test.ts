// Property tests over everything that reads a body: the UTF-8 decoder, readFrames in every framing, parseStream,
// the generateContent stream functions and the aggregator, and the CLI's validate. Arbitrary bytes, strings drawn
// from the framings' own alphabet, and mutations of real recorded streams (../shared/fixtures/real/stream) must:
// never pass with zero chunks, never throw anything but a located StreamError (errors are data), give the same answer
// however the input is split, and finish (bounded input, bounded steps: at most one frame per byte). Runs are few
// and inputs small, so the file takes seconds; the seed is fixed (test/support/fast-check-seed.ts).
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  aggregateGenerateContentStream,
  parseGenerateContentStream,
} from "../../packages/runtime/src/generate-stream.ts";
import {
  Aggregator,
  parseStream,
  readFrames,
  StreamError,
  type Framing,
} from "../../packages/runtime/src/stream/index.ts";
import { decodeInput } from "../../packages/runtime/src/stream/input.ts";
import { FrameFault } from "../../packages/runtime/src/stream/errors.ts";
import { invalidUtf8At } from "../../packages/runtime/src/stream/utf8.ts";
import { main } from "../../packages/tools/src/cli/main.ts";
import type { CliIo } from "../../packages/tools/src/cli/command.ts";
import { SHARED_DIR } from "../support/shared.ts";
import { tempDir } from "../support/tmp.ts";
import { asyncChunks, drain, passThrough } from "./support.ts";

const FRAMINGS: Framing[] = ["auto", "sse", "json-array", "ndjson"];
const RUNS = { numRuns: 150 };

/** Pieces of the three framings and of what is mistaken for them, so that draws reach deep into every parser. */
const TOKENS = [
  "data:",
  "data: ",
  "event: x",
  ": ping",
  "id: 1",
  "retry: 9",
  "\n",
  "\r\n",
  "\r",
  "\n\n",
  " ",
  "\t",
  "[",
  "]",
  "{",
  "}",
  ",",
  ":",
  '"',
  "\\",
  '"a"',
  '"\\u00e9"',
  "1",
  "-2.5e3",
  "true",
  "null",
  '{"candidates":[]}',
  '{"candidates":[{"content":{"parts":[{"text":"hi"}]}}]}',
  '{"error":{"code":500,"status":"INTERNAL"}}',
  '{"error":"x"}',
  "[DONE]",
  "<html>",
  "<!DOCTYPE html>",
  "upstream error",
  "é",
  "😀",
  "\uFEFF",
  "\u00a0",
];
const streamText = fc.array(fc.constantFrom(...TOKENS), { maxLength: 24 }).map((parts) => parts.join(""));
const encode = (text: string) => new TextEncoder().encode(text);
/** Bytes: uniform, or the alphabet's text with a few bytes changed (so UTF-8 breaks where it matters). */
const streamBytes = fc.oneof(
  fc.uint8Array({ maxLength: 96 }),
  fc
    .tuple(streamText, fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 3 }))
    .map(([text, edits]) => {
      const bytes = encode(text);
      for (const [at, value] of edits) if (bytes.length > 0) bytes[at % bytes.length] = value;
      return bytes;
    }),
);

/** The bytes cut at the given points (sorted, deduplicated): a feed of uneven pieces. */
function cut(bytes: Uint8Array, points: number[]): Uint8Array[] {
  const at = [...new Set(points.map((p) => p % (bytes.length + 1)))].sort((a, b) => a - b);
  const pieces: Uint8Array[] = [];
  let from = 0;
  for (const to of [...at, bytes.length]) {
    pieces.push(bytes.slice(from, to));
    from = to;
  }
  return pieces;
}

/** What an iteration ends with, as data; anything thrown but a StreamError fails the property (failureOf rethrows). */
async function outcome(iteration: AsyncIterable<unknown>) {
  const { items, error } = await drain(iteration);
  return { items: items.length, error };
}

describe("the UTF-8 decoder", () => {
  it("gives exactly TextDecoder's text for valid bytes, and the first bad byte's offset otherwise, however split", async () => {
    await fc.assert(
      fc.asyncProperty(streamBytes, fc.array(fc.nat(), { maxLength: 6 }), async (bytes, points) => {
        let text = "";
        let fault: FrameFault | undefined;
        try {
          for await (const piece of decodeInput(asyncChunks(cut(bytes, points)))) text += piece.text;
        } catch (error) {
          if (!(error instanceof FrameFault)) throw error;
          fault = error;
        }
        let expected: string | undefined;
        try {
          expected = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
        } catch {
          expected = undefined;
        }
        if (expected !== undefined) {
          expect(fault).toBeUndefined();
          expect(text).toBe(expected);
        } else {
          expect(fault).toBeDefined();
          const bad = invalidUtf8At(bytes);
          // A bad sequence, or (bad === -1) a character the input ends inside.
          expect(fault!.offset).toBe(bad >= 0 ? bad : encode(text).length);
          expect(fault!.code).toBe(bad >= 0 ? "stream-framing" : "truncated");
        }
      }),
      RUNS,
    );
  });
});

describe("readFrames and parseStream", () => {
  it("never pass with zero frames, fail only with a located StreamError, at most one frame per byte, in every framing", async () => {
    await fc.assert(
      fc.asyncProperty(streamBytes, fc.constantFrom(...FRAMINGS), async (bytes, framing) => {
        const frames = await outcome(readFrames(bytes, { framing }));
        if (!frames.error) expect(frames.items).toBeGreaterThan(0);
        expect(frames.items).toBeLessThanOrEqual(bytes.length);
        const chunks = await outcome(parseStream(bytes, { framing, validate: passThrough }));
        if (!chunks.error) expect(chunks.items).toBeGreaterThan(0);
        expect(chunks.items).toBeLessThanOrEqual(frames.items);
      }),
      RUNS,
    );
  });

  it("give the same frames and the same error however the input is split", async () => {
    await fc.assert(
      fc.asyncProperty(
        streamBytes,
        fc.array(fc.nat(), { maxLength: 8 }),
        fc.constantFrom(...FRAMINGS),
        async (bytes, points, framing) => {
          const whole = await drain(readFrames(bytes, { framing }));
          const pieces = await drain(readFrames(asyncChunks(cut(bytes, points)), { framing }));
          expect(pieces).toEqual(whole);
        },
      ),
      RUNS,
    );
  });
});

describe("the generateContent stream functions and the aggregator", () => {
  it("parse and aggregate agree: a response from at least one chunk, or the same located StreamError", async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(streamBytes, streamText), async (body) => {
        const parsed = await outcome(parseGenerateContentStream(body));
        const aggregated = await aggregateGenerateContentStream(body).then(
          (result) => ({ chunks: result.chunks, error: undefined }),
          (error: unknown) => {
            if (!(error instanceof StreamError)) throw error;
            return {
              chunks: undefined,
              error: { chunk: error.chunk, offset: error.offset, codes: error.issues.map((i) => i.code) },
            };
          },
        );
        expect(aggregated.error).toEqual(parsed.error);
        if (!parsed.error) expect(aggregated.chunks).toBe(parsed.items);
        if (!parsed.error) expect(parsed.items).toBeGreaterThan(0);
      }),
      RUNS,
    );
  });

  it("an error envelope among the chunks ends the stream there, as an api-error, after every chunk before it", async () => {
    const response = fc.constantFrom(
      '{"candidates":[{"content":{"parts":[{"text":"a"}]}}]}',
      '{"usageMetadata":{"totalTokenCount":3}}',
      "{}",
    );
    const error = fc.constantFrom(
      '{"error":{"code":429,"status":"RESOURCE_EXHAUSTED","message":"quota"}}',
      '{"error":{}}',
      '{"error":{"code":503,"details":[{"@type":"type.googleapis.com/google.rpc.RetryInfo","retryDelay":"1s"}]}}',
    );
    const body = fc.array(fc.oneof({ arbitrary: response, weight: 3 }, { arbitrary: error, weight: 1 }), {
      minLength: 1,
      maxLength: 5,
    });
    const frame = fc.constantFrom(
      (chunks: string[]) => chunks.map((c) => `data: ${c}\r\n\r\n`).join(""),
      (chunks: string[]) => `[${chunks.join(",\r\n")}]`,
      (chunks: string[]) => chunks.map((c) => `${c}\n`).join(""),
    );
    await fc.assert(
      fc.asyncProperty(body, frame, async (chunks, write) => {
        const firstError = chunks.findIndex((c) => c.startsWith('{"error"'));
        const parsed = await outcome(parseGenerateContentStream(write(chunks)));
        if (firstError < 0) expect(parsed).toEqual({ items: chunks.length, error: undefined });
        else expect(parsed).toMatchObject({ items: firstError, error: { chunk: firstError, codes: ["api-error"] } });
      }),
      RUNS,
    );
  });

  it("the aggregator takes any JSON values without throwing, and says which chunks were no objects", () => {
    fc.assert(
      fc.property(fc.array(fc.jsonValue({ maxDepth: 4 }), { maxLength: 6 }), (values) => {
        const aggregator = new Aggregator();
        values.forEach((value, index) => aggregator.add(value as never, { index, offset: index }));
        const { issues } = aggregator.result();
        const notObjects = values.flatMap((v, i) =>
          typeof v === "object" && v !== null && !Array.isArray(v) ? [] : [i],
        );
        for (const chunk of notObjects)
          expect(issues).toContainEqual(expect.objectContaining({ chunk, pointer: "", code: "invalid-type" }));
      }),
      RUNS,
    );
  });
});

describe("the CLI's framing sniffer (validate)", () => {
  const dir = tempDir("gtk-validate-property-");
  async function validate(text: string, flags: readonly string[]): Promise<{ code: number; stdout: string }> {
    let stdout = "";
    const io: CliIo = { stdout: (t) => void (stdout += t), stderr: () => undefined, cwd: dir, stdin: async () => text };
    const code = await main(["validate", "GenerateContentResponse", "-", "--json", ...flags], io);
    return { code, stdout };
  }

  it("passes only with at least one chunk; a failure lists its issues and exits 1", async () => {
    await fc.assert(
      fc.asyncProperty(streamText, fc.constantFrom([], ["--strict"]), async (text, flags) => {
        const { code, stdout } = await validate(text, flags);
        const report = JSON.parse(stdout) as { ok: boolean; results: { chunks: number; issues: { code: string }[] }[] };
        expect(code).toBe(report.ok ? 0 : 1);
        const [result] = report.results;
        if (report.ok) expect(result!.chunks).toBeGreaterThan(0);
        else expect(result!.issues.length).toBeGreaterThan(0);
      }),
      { numRuns: 60 },
    );
  });
});

const STREAM_DIR = join(SHARED_DIR, "fixtures/real/stream");
const hasStreams = existsSync(STREAM_DIR);
if (!hasStreams)
  console.warn(
    `[gemini-typekit tests] ${STREAM_DIR} is absent: the property tests on mutated real streams are skipped.`,
  );

describe.skipIf(!hasStreams)("mutations of real recorded streams", () => {
  const files = hasStreams
    ? readdirSync(STREAM_DIR)
        .filter((f) => /\.(sse|json)$/.test(f))
        .sort()
    : [];
  const real = fc
    .constantFrom(...files.slice(0, 40))
    .map((file) => new Uint8Array(readFileSync(join(STREAM_DIR, file))));

  it("a cut, a dropped, an inserted or a changed byte: a response from at least one chunk, or a located StreamError", async () => {
    const mutation = fc.tuple(
      fc.constantFrom("cut", "drop", "insert", "change"),
      fc.nat(),
      fc.integer({ min: 0, max: 255 }),
    );
    await fc.assert(
      fc.asyncProperty(real, mutation, async (bytes, [kind, position, value]) => {
        const at = position % (bytes.length + 1);
        const mutated =
          kind === "cut"
            ? bytes.slice(0, at)
            : kind === "drop"
              ? Uint8Array.from([...bytes.subarray(0, at), ...bytes.subarray(at + 1)])
              : kind === "insert"
                ? Uint8Array.from([...bytes.subarray(0, at), value, ...bytes.subarray(at)])
                : Uint8Array.from(bytes, (b, i) => (i === at ? value : b));
        const parsed = await outcome(parseGenerateContentStream(mutated));
        if (!parsed.error) expect(parsed.items).toBeGreaterThan(0);
      }),
      { numRuns: 80 },
    );
  });

  it("a stream cut strictly inside a chunk's payload never passes", async () => {
    await fc.assert(
      fc.asyncProperty(real, fc.nat(), fc.nat(), async (bytes, pick, inside) => {
        const { items } = await drain(readFrames(bytes));
        fc.pre(items.length > 0);
        const frame = items[pick % items.length]!;
        const length = encode(frame.text.trimEnd()).length;
        fc.pre(length > 1);
        const at = frame.offset + 1 + (inside % (length - 1)); // keeps at least the first byte, drops at least the last
        const parsed = await outcome(parseGenerateContentStream(bytes.slice(0, at)));
        expect(parsed.error).toBeDefined();
      }),
      { numRuns: 80 },
    );
  });
});
