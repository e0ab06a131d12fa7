// parseStream: frames → JSON values → the caller's validator, one chunk at a time. The first bad chunk ends the
// iteration with a StreamError; the chunks before it have been delivered. A chunk that is the API's error envelope
// ends it with an ApiStreamError, before any validator could take the envelope for a response with an unknown field.
import type { ErrorResponse } from "../../generated/types.ts";
import type { Drift, ValidationResult } from "../result.ts";
import { errorEnvelopeError, isErrorEnvelope, validateErrorEnvelope } from "./api-error.ts";
import { endsInside, StreamError, streamIssue } from "./errors.ts";
import { readFrames, type Frame, type ReadFramesOptions } from "./frames.ts";
import type { StreamInput } from "./input.ts";
import { looksLike } from "./looks-like.ts";
import { jsonErrorIndex } from "../json-syntax.ts";

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
  /**
   * Checks a chunk that is an error envelope (an object whose only key is `error`), which then ends the stream with
   * an ApiStreamError. Default: the ErrorResponse validator. `false` hands such chunks to `validate` like any other
   * (for a resource that has a field named `error` itself).
   */
  errorResponse?: ((value: unknown) => ValidationResult<ErrorResponse>) | false;
}

export async function* parseStream<T>(
  input: StreamInput,
  options: ParseStreamOptions<T>,
): AsyncGenerator<StreamChunk<T>> {
  const errorResponse = options.errorResponse ?? validateErrorEnvelope;
  for await (const frame of readFrames(input, options)) {
    const json = parseFrame(frame);
    if (errorResponse && isErrorEnvelope(json))
      throw errorEnvelopeError(json, frame.index, frame.offset, errorResponse);
    const result = options.validate(json);
    if (!result.ok) throw new StreamError(frame.index, frame.offset, result.issues);
    yield { index: frame.index, offset: frame.offset, value: result.value, drift: result.drift };
  }
}

/** A frame's JSON value, or the StreamError that says why it has none. */
function parseFrame(frame: Frame): unknown {
  try {
    return JSON.parse(frame.text);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    // Bad JSON that ends early in a frame the input cut off is a symptom of the cut, not of what was sent.
    if (!frame.complete && endsEarly(why, frame.text))
      throw new StreamError(frame.index, frame.offset, [
        streamIssue("truncated", endsInside(frame.index, frame.offset, why)),
      ]);
    throw new StreamError(frame.index, frame.offset, [
      streamIssue("invalid-json", `the chunk is not JSON: ${why}${hintFor(frame.text)}`),
    ]);
  }
}

/** Whether JSON.parse failed at the end of the text (it wanted more), rather than at a wrong character before it. */
function endsEarly(why: string, text: string): boolean {
  if (/end of JSON input|Unterminated string/.test(why)) return true;
  return jsonErrorIndex(text, why) >= text.trimEnd().length;
}

/** What a payload that is not JSON looks like, when it looks like something in particular. */
function hintFor(text: string): string {
  if (text.trim() === "") return " — the payload is empty";
  const phrase = looksLike(text);
  return phrase.startsWith("this is plain text") ? "" : ` — ${phrase}`;
}
