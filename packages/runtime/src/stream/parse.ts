// parseStream: frames → JSON values → the caller's validator, one chunk at a time. The first bad chunk ends the
// iteration with a StreamError; the chunks before it have been delivered.
import type { Drift, ValidationResult } from "../result.ts";
import { StreamError, streamIssue } from "./errors.ts";
import { readFrames, type ReadFramesOptions } from "./frames.ts";
import type { StreamInput } from "./input.ts";

export interface StreamChunk<T> {
  /** Position in the stream, from 0. */
  index: number;
  /** Byte offset of the chunk's payload in the input. */
  offset: number;
  value: T;
  /** What the validator accepted without knowing it (lenient mode); pointers are relative to `value`. */
  drift: Drift[];
}

export interface ParseStreamOptions<T> extends ReadFramesOptions {
  /** Checks one chunk's JSON value, e.g. a generated GenerateContentResponse validator. */
  validate: (value: unknown) => ValidationResult<T>;
}

export async function* parseStream<T>(input: StreamInput, options: ParseStreamOptions<T>): AsyncGenerator<StreamChunk<T>> {
  for await (const frame of readFrames(input, options)) {
    let json: unknown;
    try {
      json = JSON.parse(frame.text);
    } catch (error) {
      // Bad JSON in a frame the input cut off is a symptom of the cut, not of what was sent.
      const code = frame.complete ? "invalid-json" : "truncated";
      const why = error instanceof Error ? error.message : String(error);
      const message = frame.complete ? `the chunk is not JSON: ${why}` : `the input ends inside this chunk: ${why}`;
      throw new StreamError(frame.index, frame.offset, [streamIssue(code, message)]);
    }
    const result = options.validate(json);
    if (!result.ok) throw new StreamError(frame.index, frame.offset, result.issues);
    yield { index: frame.index, offset: frame.offset, value: result.value, drift: result.drift };
  }
}
