// Streamed responses: read the frames of an SSE, JSON-array or NDJSON stream, parse and validate each chunk with
// byte-exact locations, and fold the chunks of a generateContent stream into one response.
export { readFrames, type Frame, type Framing, type ReadFramesOptions } from "./frames.ts";
export { parseStream, type ParseStreamOptions, type StreamChunk } from "./parse.ts";
export { Aggregator, aggregateResponses, type Aggregate, type ChunkPlace } from "./aggregate.ts";
export { StreamError } from "./errors.ts";
export { ApiStreamError, apiErrorIssue } from "./api-error.ts";
export { looksLike } from "./looks-like.ts";
export type { ReadableStreamLike, StreamInput } from "./input.ts";
