// Errors are data with locations: every stream problem is an Issue carrying the chunk index and the byte offset,
// and StreamError (a ValidationError, so one catch handles both) carries them as fields too.
import { ValidationError, type Issue, type IssueCode } from "../result.ts";

/**
 * A problem below the JSON level (bytes that are not UTF-8, broken framing, a cut-off input), located by byte
 * offset. Decoders and framers throw it without knowing which chunk they are in; readFrames turns it into a
 * StreamError with the index the next chunk would have had.
 */
export class FrameFault extends Error {
  override name = "FrameFault";
  constructor(
    readonly code: IssueCode,
    readonly offset: number,
    message: string,
    /** The input ends inside the chunk that starts at `offset`: the sentence then names that chunk. */
    readonly cutChunk = false,
    /** Text the framing could not place (a JSON body written into an SSE stream): it may be the API's error. */
    readonly stray?: string,
  ) {
    super(message);
  }

  /** The issue's sentence, once the index of the chunk the fault spoils is known. */
  sentence(chunk: number): string {
    return this.cutChunk ? endsInside(chunk, this.offset, this.message) : this.message;
  }
}

/** "the stream ends inside chunk 2, which starts at byte 120 (…)": what a cut-off input says. */
export function endsInside(chunk: number, offset: number, why?: string): string {
  return `the stream ends inside chunk ${chunk}, which starts at byte ${offset}${why ? ` (${why})` : ""}`;
}

/**
 * Ends a stream iteration: chunk `chunk` (from 0), whose payload starts at byte `offset`, is malformed or invalid.
 * Every chunk before it has been delivered. Each issue carries the same `chunk` and `offset`.
 */
export class StreamError extends ValidationError {
  override name = "StreamError";
  constructor(
    readonly chunk: number,
    readonly offset: number,
    issues: readonly Issue[],
  ) {
    super(
      issues.map((issue) => ({ ...issue, chunk, offset })),
      `stream chunk ${chunk} (byte ${offset})`,
    );
  }
}

/** A stream-level issue: it is about the chunk as a whole, so its pointer is the root. */
export function streamIssue(code: IssueCode, message: string): Issue {
  return { pointer: "", code, message };
}
