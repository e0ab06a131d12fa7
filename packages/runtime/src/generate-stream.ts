// streamGenerateContent bodies end to end: the stream parser (packages/runtime/src/stream/) with each chunk validated as a
// GenerateContentResponse, and the chunks folded into one response while they arrive. Memory stays constant apart
// from the aggregate itself: no chunk is kept after it has been folded in.
import type { GenerateContentResponse } from "../generated/types.ts";
import { validateGenerateContentResponse } from "../generated/validate.ts";
import type { Drift, Issue, Mode } from "./result.ts";
import { Aggregator, parseStream, type Framing, type StreamChunk, type StreamInput } from "./stream/index.ts";

export interface GenerateStreamOptions {
  /** Default `auto`: `[` → JSON array, `{` → NDJSON, otherwise SSE. */
  framing?: Framing;
  /** Default lenient, as for every response. */
  mode?: Mode;
}

/**
 * The validated chunks of a streamGenerateContent body. A bad chunk ends it with a StreamError (chunk + byte offset),
 * and so do a body with no chunk at all (empty, or SSE without a data event: it carried no response) and a body that
 * is no stream (an HTML page, text: the StreamError says what it looks like). An error the API sent in place of a
 * chunk ends it with an ApiStreamError (a StreamError carrying the validated `error`: code, status, message, details).
 */
export async function* parseGenerateContentStream(
  input: StreamInput,
  options: GenerateStreamOptions = {},
): AsyncGenerator<StreamChunk<GenerateContentResponse>> {
  const mode = options.mode ?? "lenient";
  yield* parseStream(input, {
    framing: options.framing ?? "auto",
    validate: (value) => validateGenerateContentResponse(value, { mode }),
  });
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

/** Parses, validates and aggregates a whole stream. Throws the StreamError (or ApiStreamError) of the first bad chunk. */
export async function aggregateGenerateContentStream(
  input: StreamInput,
  options: GenerateStreamOptions = {},
): Promise<AggregatedStream> {
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
