// Benchmark (not a test), issue 4: memory while a long streamGenerateContent body goes through the stream parser.
// A body of 10,000 chunks, in both framings (SSE and JSON array), arrives in 16 KiB pieces from an async iterable
// (so the body itself is never held) and goes through parseStream (readFrames → JSON.parse → lenient
// GenerateContentResponse validation), the consumer dropping each chunk; then again with an Aggregator folding the
// chunks into one response. The chunks are a real recorded stream (thoughts, answer text, usage), its middle chunks
// repeated and its last chunk (finishReason) last. Each scenario runs in a fresh process; RSS is sampled every
// SAMPLE_EVERY chunks and compared after 1k and after 10k chunks. Target: flat (growth ≤ 10 %) for the parser;
// the aggregate necessarily grows with the text it keeps, so that figure is reported against the text's size.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { validateGenerateContentResponse } from "../../packages/runtime/generated/validate.ts";
import { Aggregator, parseStream } from "../../packages/runtime/src/stream/index.ts";
import { CORPUS_DIR, ROOT } from "./support/corpus.ts";
import { envNumber, fullGc, verdict } from "./support/measure.ts";

const CHUNKS = envNumber("STREAM_CHUNKS", 10_000);
const SAMPLE_EVERY = envNumber("SAMPLE_EVERY", 100);
const CHECKPOINT = 1000;
const PIECE = 16 * 1024;
const FLAT = 1.1;
const SOURCE = "stream/pydantic-ai-test_google_model_thinking_part_iter.sse";
const MiB = 1024 * 1024;

type Framing = "sse" | "json-array";
type Consumer = "parse" | "aggregate";

interface Report {
  framing: Framing;
  consumer: Consumer;
  chunks: number;
  bodyBytes: number;
  seconds: number;
  samples: { chunk: number; rss: number }[];
  /** RSS and heap after a full GC, with everything loaded and no chunk read yet. */
  before: { rss: number; heap: number };
  /** RSS and heap after a full GC, after CHECKPOINT chunks and at the end. */
  at1k: { rss: number; heap: number };
  atEnd: { rss: number; heap: number };
  peakSampled: number;
  maxRss: number;
  aggregateBytes: number;
}

/** The real stream's chunks as JSON text (one line each). */
function recordedChunks(): string[] {
  return readFileSync(join(CORPUS_DIR, SOURCE), "utf8")
    .split(/\r?\n\r?\n/)
    .map((e) => e.replace(/^data: ?/, "").trim())
    .filter((d) => d && d !== "[DONE]")
    .map((d) => JSON.stringify(JSON.parse(d)));
}

/** The body, generated piece by piece: chunk i is a middle chunk of the recording (cycled), the last one its last. */
async function* body(
  framing: Framing,
  chunks: string[],
  count: number,
  bytes: { n: number },
): AsyncGenerator<Uint8Array> {
  const encoder = new TextEncoder();
  const middle = chunks.slice(0, -1);
  let buf = framing === "json-array" ? "[" : "";
  for (let i = 0; i < count; i++) {
    const text = i === count - 1 ? chunks.at(-1)! : middle[i % middle.length]!;
    buf += framing === "sse" ? `data: ${text}\r\n\r\n` : `${i === 0 ? "" : ","}\r\n${text}`;
    if (buf.length >= PIECE) {
      const piece = encoder.encode(buf);
      bytes.n += piece.length;
      buf = "";
      yield piece;
    }
  }
  if (framing === "json-array") buf += "\r\n]";
  const piece = encoder.encode(buf);
  bytes.n += piece.length;
  yield piece;
}

async function child(framing: Framing, consumer: Consumer): Promise<Report> {
  const chunks = recordedChunks();
  const bytes = { n: 0 };
  const aggregator = consumer === "aggregate" ? new Aggregator() : undefined;
  const samples: Report["samples"] = [];
  const settled = () => {
    fullGc();
    return { rss: process.memoryUsage.rss(), heap: process.memoryUsage().heapUsed };
  };
  let at1k = { rss: 0, heap: 0 };
  let n = 0;
  const before = settled();
  const t0 = performance.now();
  const stream = parseStream(body(framing, chunks, CHUNKS, bytes), {
    framing,
    validate: (v) => validateGenerateContentResponse(v, { mode: "lenient" }),
  });
  for await (const chunk of stream) {
    aggregator?.add(chunk.value, chunk);
    n++;
    if (n % SAMPLE_EVERY === 0) samples.push({ chunk: n, rss: process.memoryUsage.rss() });
    if (n === CHECKPOINT) at1k = settled();
  }
  const seconds = (performance.now() - t0) / 1000;
  if (n !== CHUNKS) throw new Error(`parsed ${n} chunks of ${CHUNKS}`);
  const result = aggregator?.result();
  if (result && result.issues.length > 0)
    throw new Error(`aggregation issues: ${JSON.stringify(result.issues.slice(0, 3))}`);
  const atEnd = settled();
  return {
    framing,
    consumer,
    chunks: n,
    bodyBytes: bytes.n,
    seconds,
    samples,
    before,
    at1k,
    atEnd,
    peakSampled: Math.max(...samples.map((s) => s.rss)),
    maxRss: process.resourceUsage().maxRSS * 1024,
    aggregateBytes: result ? Buffer.byteLength(JSON.stringify(result.response)) : 0,
  };
}

const [, , framingArg, consumerArg] = process.argv;
if (framingArg) {
  console.log(JSON.stringify(await child(framingArg as Framing, consumerArg as Consumer)));
} else {
  const self = fileURLToPath(import.meta.url);
  const mib = (b: number) => `${(b / MiB).toFixed(1)} MiB`;
  console.log(
    `${CHUNKS} chunks from ${SOURCE} (middle chunks repeated), ${PIECE / 1024} KiB input pieces, RSS sampled every ${SAMPLE_EVERY} chunks`,
  );
  for (const consumer of ["parse", "aggregate"] as const) {
    for (const framing of ["sse", "json-array"] as const) {
      const out = execFileSync(process.execPath, ["--import", "tsx", self, framing, consumer], {
        cwd: ROOT,
        encoding: "utf8",
      });
      const r = JSON.parse(out.trim().split("\n").pop()!) as Report;
      const rssAt = (c: number) => r.samples.find((s) => s.chunk === c)?.rss ?? NaN;
      const growth = rssAt(CHUNKS) / rssAt(CHECKPOINT);
      const settledGrowth = r.atEnd.rss / r.at1k.rss;
      const heapGrowth = r.atEnd.heap - r.at1k.heap;
      const label = `${consumer === "parse" ? "parseStream" : "parseStream + Aggregator"}, ${framing}`;
      console.log(
        `${label}: ${mib(r.bodyBytes)} body in ${r.seconds.toFixed(1)} s (${(r.chunks / r.seconds).toFixed(0)} chunks/s)`,
      );
      console.log(
        `  RSS sampled: before ${mib(r.before.rss)}, after 1k ${mib(rssAt(CHECKPOINT))}, after 10k ${mib(rssAt(CHUNKS))} ` +
          `(${rssAt(CHUNKS) >= rssAt(CHECKPOINT) ? "+" : ""}${mib(rssAt(CHUNKS) - rssAt(CHECKPOINT))}), peak ${mib(r.peakSampled)} ` +
          `(process max ${mib(r.maxRss)}); growth 10k/1k ${growth.toFixed(3)}×`,
      );
      console.log(
        `  after a full GC: RSS ${mib(r.at1k.rss)} → ${mib(r.atEnd.rss)} (${settledGrowth.toFixed(3)}×), ` +
          `heap ${mib(r.at1k.heap)} → ${mib(r.atEnd.heap)} (${heapGrowth >= 0 ? "+" : ""}${mib(heapGrowth)})`,
      );
      const curve = r.samples.filter((s) => s.chunk % (CHUNKS / 10) === 0).map((s) => (s.rss / MiB).toFixed(0));
      console.log(`  RSS every ${CHUNKS / 10} chunks (MiB): ${curve.join(" ")}`);
      if (consumer === "parse")
        console.log(`  flat (growth ≤ ${FLAT}×): ${verdict(growth <= FLAT && settledGrowth <= FLAT)}`);
      else
        console.log(
          `  the aggregate keeps ${mib(r.aggregateBytes)} of JSON (text and parts), which the heap growth includes`,
        );
    }
  }
}
