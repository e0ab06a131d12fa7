// streamGenerateContent bodies end to end: the stream parser (packages/runtime/src/stream/) with each chunk validated as a
// GenerateContentResponse, and the chunks folded into one response while they arrive. Memory stays constant apart
// from the aggregate itself: no chunk is kept after it has been folded in.
import type { GenerateContentResponse } from "../generated/types.ts";
import { validateGenerateContentResponse } from "../generated/validate.ts";
import type { Drift, Issue, Mode } from "./result.ts";
import { Aggregator, parseStream, StreamError, type Framing, type StreamChunk, type StreamInput } from "./stream/index.ts";
import { streamIssue } from "./stream/errors.ts";

export interface GenerateStreamOptions {
  /** Default `auto`: `[` → JSON array, `{` → NDJSON, otherwise SSE. */
  framing?: Framing;
  /** Default lenient, as for every response. */
  mode?: Mode;
}

/**
 * The validated chunks of a streamGenerateContent body. A bad chunk ends it with a StreamError (chunk + byte offset),
 * and so does a body with no chunk at all (empty, or SSE without a data event): it carried no response.
 */
export async function* parseGenerateContentStream(input: StreamInput, options: GenerateStreamOptions = {}): AsyncGenerator<StreamChunk<GenerateContentResponse>> {
  const mode = options.mode ?? "lenient";
  let chunks = 0;
  for await (const chunk of parseStream(input, { framing: options.framing ?? "auto", validate: (value) => validateGenerateContentResponse(value, { mode }) })) {
    chunks++;
    yield chunk;
  }
  if (chunks === 0) throw new StreamError(0, 0, [streamIssue("stream-framing", "the stream holds no chunk: no response in it")]);
}

export interface AggregatedStream {
  /** The chunks folded into the response a unary generateContent call would have returned. */
  response: GenerateContentResponse;
  chunks: number;
  /** Drift of every chunk, each with its chunk index. */
  drift: (Drift & { chunk: number })[];
  /** Consistency problems across chunks (responseId or modelVersion changing). */
  issues: Issue[];
}

/** Parses, validates and aggregates a whole stream. Throws the StreamError of the first bad chunk. */
export async function aggregateGenerateContentStream(input: StreamInput, options: GenerateStreamOptions = {}): Promise<AggregatedStream> {
  const aggregator = new Aggregator();
  const drift: AggregatedStream["drift"] = [];
  let chunks = 0;
  for await (const chunk of parseGenerateContentStream(input, options)) {
    chunks++;
    aggregator.add(chunk.value, chunk);
    for (const d of chunk.drift) drift.push({ ...d, chunk: chunk.index });
  }
  const { response, issues } = aggregator.result();
  return { response, chunks, drift, issues };
}
