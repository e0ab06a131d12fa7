// The contract between readFrames and the three framings. A framer is a synchronous state machine: it is pushed
// decoded text piece by piece and yields each frame as soon as its end is seen, holding only the unfinished frame.

/** One frame's payload as the framing delimits it, before any JSON parsing. */
export interface RawFrame {
  /** Byte offset in the input where the payload starts (after `data: `, at the `{` of an array element, …). */
  offset: number;
  /** The payload text (for SSE, the event's data lines joined with "\n"). */
  text: string;
  /**
   * False when the input ended inside this frame, before the framing's terminator (the blank line after an SSE
   * event, the newline after an NDJSON line; a body read whole has none): the text may be cut short. JSON-array
   * frames are always complete.
   */
  complete: boolean;
}

export interface Framer {
  /** Takes the next piece of text, starting at byte `offset`; yields the frames it completes. */
  push(text: string, offset: number): Generator<RawFrame>;
  /** The input ended at byte `offset`: yields a last unterminated frame, or throws a FrameFault if cut short. */
  end(offset: number): Iterable<RawFrame>;
  /** Byte offset where the buffered, unfinished frame starts; undefined when nothing is buffered. */
  readonly pendingSince: number | undefined;
}
