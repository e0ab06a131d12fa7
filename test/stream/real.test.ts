// Every real recorded stream in ../shared/fixtures/real: role "stream" in manifest.jsonl, plus the streamed
// generateContent responses filed under stream/ and vertex/stream/ (role "response" there). Each is parsed with a
// pass-through validator, whole and in 61-byte chunks, cross-checked against the corpus helper's own splitting,
// and (for generateContent streams) aggregated without issues, with no text or part lost.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { aggregateResponses, parseStream, readFrames } from "../../packages/runtime/src/stream/index.ts";
import type { GenerateContentResponse } from "../../packages/runtime/generated/types.ts";
import { bodiesOf, CORPUS_DIR, corpusEntries, type CorpusEntry } from "../support/corpus.ts";
import { asyncChunks, drain, passThrough, rowOf, split, type Failure } from "./support.ts";

const hasCorpus = existsSync(join(CORPUS_DIR, "manifest.jsonl"));
if (!hasCorpus) console.warn(`[gemini-typekit tests] ${CORPUS_DIR} is absent: the real-stream test is skipped.`);

/** Streams that must fail, and how: these are SDK negative tests. */
const EXPECTED_FAILURES: Record<string, Failure & { at: string }> = {
  // Two events, then a pretty-printed error object written into the event stream without `data:`: the API's error.
  "vertex/stream/firebase-sdk-test-data-streaming-failure-error-mid-stream.sse": {
    chunk: 2,
    offset: 1159,
    codes: ["api-error"],
    at: "{",
  },
  // A call that failed (HTTP 404) with its error sent as the stream's one event.
  "stream/js-genai-Chats_Tests_sendMessage_Send_message_stream_with_error-i0.sse": {
    chunk: 0,
    offset: 6,
    codes: ["api-error"],
    at: "{",
  },
};

function isStream(entry: CorpusEntry): boolean {
  return entry.role === "stream" || (entry.role === "response" && /^(vertex\/)?stream\//.test(entry.file));
}

/** The Interactions API streams events of its own, not GenerateContentResponses: parsed, not aggregated. */
const isGenerateContent = (entry: CorpusEntry) => !entry.file.startsWith("other/interactions/");

/** Per candidate: the answer text, the thought text, and the parts that are not plain text, in order. */
function summary(
  chunks: GenerateContentResponse[],
): Record<number, { text: string; thoughts: string; others: string[] }> {
  const out: Record<number, { text: string; thoughts: string; others: string[] }> = {};
  for (const chunk of chunks) {
    (chunk.candidates ?? []).forEach((candidate, position) => {
      const at = (out[candidate.index ?? position] ??= { text: "", thoughts: "", others: [] });
      for (const part of candidate.content?.parts ?? []) {
        const plain =
          typeof part.text === "string" &&
          Object.keys(part).every((k) => ["text", "thought", "thoughtSignature"].includes(k));
        if (!plain) at.others.push(JSON.stringify(part));
        else if (part.thought) at.thoughts += part.text;
        else at.text += part.text;
      }
    });
  }
  return out;
}

describe.skipIf(!hasCorpus)("real recorded streams", () => {
  it("parse, match the corpus's own split, and aggregate without issues", async () => {
    const streams = corpusEntries().filter(isStream);
    const problems: string[] = [];
    const counts = {
      streams: streams.length,
      parsed: 0,
      chunks: 0,
      aggregated: 0,
      failedAsExpected: 0,
      framings: {} as Record<string, number>,
    };

    for (const entry of streams) {
      const bytes = new Uint8Array(readFileSync(join(CORPUS_DIR, entry.file)));
      const framing = String.fromCharCode(bytes.find((b) => b > 0x20) ?? 0x20);
      const kind = framing === "[" ? "json-array" : framing === "{" ? "ndjson" : "sse";
      counts.framings[kind] = (counts.framings[kind] ?? 0) + 1;

      const whole = await drain(parseStream<GenerateContentResponse>(bytes, { validate: passThrough }));
      const values = whole.items.map((c) => c.value);
      const expected = EXPECTED_FAILURES[entry.file];
      if (expected) {
        const { at, ...failure } = expected;
        if (JSON.stringify(whole.error) !== JSON.stringify(failure))
          problems.push(`${entry.file}: expected ${JSON.stringify(failure)}, got ${JSON.stringify(whole.error)}`);
        else if (String.fromCharCode(bytes[failure.offset]!) !== at)
          problems.push(`${entry.file}: the error offset does not point at ${at}`);
        else counts.failedAsExpected++;
      } else if (whole.error) {
        problems.push(`${entry.file}: ${JSON.stringify(whole.error)} after ${values.length} chunks`);
        continue;
      } else counts.parsed++;
      counts.chunks += values.length;

      // Chunk boundaries must not matter.
      const wholeFrames = await drain(readFrames(bytes));
      const chunked = await drain(readFrames(asyncChunks(split(bytes, 61))));
      if (JSON.stringify(chunked) !== JSON.stringify(wholeFrames))
        problems.push(`${entry.file}: 61-byte chunks give other frames than the whole body`);

      // Offsets: the first line of every payload is in the input, byte for byte, at its offset.
      for (const [offset, text] of wholeFrames.items.map(rowOf)) {
        const first = new TextEncoder().encode(text.split("\n")[0]!);
        if (Buffer.compare(bytes.subarray(offset, offset + first.length), first) !== 0)
          problems.push(`${entry.file}: frame at byte ${offset} is not where its offset says`);
      }

      // The corpus helper splits the same files its own (simpler) way: the values must agree.
      if (
        JSON.stringify(values) !==
        JSON.stringify(bodiesOf(new TextDecoder().decode(bytes), entry.file).slice(0, values.length))
      ) {
        problems.push(`${entry.file}: values differ from the corpus helper's`);
      }

      if (expected || !isGenerateContent(entry)) continue;
      const { response, issues } = aggregateResponses(values);
      if (issues.length) problems.push(`${entry.file}: aggregation issues ${JSON.stringify(issues)}`);
      if (JSON.stringify(summary([response])) !== JSON.stringify(summary(values)))
        problems.push(`${entry.file}: the aggregate lost or reordered text or parts`);
      else counts.aggregated++;
    }

    console.info(`[real streams] ${JSON.stringify(counts)}`);
    expect(problems).toEqual([]);
    expect(counts.parsed + counts.failedAsExpected).toBe(counts.streams);
  });
});
