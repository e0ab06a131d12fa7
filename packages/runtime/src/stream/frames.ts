// readFrames: input → decoded text → frames of the chosen framing, numbered, with byte offsets. Framing faults
// become StreamErrors here, where the index of the chunk they spoil is known.
import { FrameFault, StreamError, streamIssue } from "./errors.ts";
import type { Framer, RawFrame } from "./framer.ts";
import { decodeInput, type StreamInput } from "./input.ts";
import { JsonArrayFramer } from "./json-array.ts";
import { NdjsonFramer } from "./ndjson.ts";
import { SseFramer } from "./sse.ts";
import { utf8Length } from "./utf8.ts";

/** `auto` looks at the first byte that is not whitespace: `[` → json-array, `{` → ndjson, anything else → sse. */
export type Framing = "sse" | "json-array" | "ndjson" | "auto";

export interface Frame extends RawFrame {
  /** Position in the stream, from 0. */
  index: number;
}

export interface ReadFramesOptions {
  /** Default `auto`. */
  framing?: Framing;
  /**
   * Largest frame, in bytes, that may be buffered before its end is seen; a longer one is a `stream-framing`
   * error. Default: no limit (memory then grows with the largest frame, never with the stream).
   */
  maxFrameBytes?: number;
}

const FRAMERS: Record<Exclude<Framing, "auto">, () => Framer> = {
  sse: () => new SseFramer(),
  "json-array": () => new JsonArrayFramer(),
  ndjson: () => new NdjsonFramer(),
};

const BOM = "\uFEFF";

/**
 * The frames of a stream, one at a time, buffering only the frame being read. Throws a StreamError (code
 * `stream-framing` or `truncated`) at the first framing problem, after every frame before it has been yielded.
 */
export async function* readFrames(input: StreamInput, options: ReadFramesOptions = {}): AsyncGenerator<Frame> {
  const framing = options.framing ?? "auto";
  const maxFrameBytes = options.maxFrameBytes ?? Infinity;
  let framer = framing === "auto" ? undefined : FRAMERS[framing]();
  let index = 0;
  let end = 0;
  try {
    for await (const piece of decodeInput(input)) {
      let { text, offset } = piece;
      end = piece.end;
      // A byte-order mark may open any of the framings; it is never part of a payload.
      if (offset === 0 && text.startsWith(BOM)) {
        text = text.slice(1);
        offset = 3;
      }
      if (!framer) {
        const first = text.search(/[^ \t\r\n]/);
        if (first < 0) continue; // only whitespace so far: nothing to sniff, nothing to keep
        framer = FRAMERS[sniff(text[first]!)]();
        text = text.slice(first);
        offset += first; // whitespace is ASCII
      }
      for (const frame of framer.push(text, offset)) {
        checkSize(frame, maxFrameBytes);
        yield { index: index++, ...frame };
      }
      const since = maxFrameBytes === Infinity ? undefined : framer.pendingSince;
      if (since !== undefined && end - since > maxFrameBytes) throw tooLong(since, maxFrameBytes);
    }
    if (framer) {
      for (const frame of framer.end(end)) {
        checkSize(frame, maxFrameBytes);
        yield { index: index++, ...frame };
      }
    }
  } catch (error) {
    if (error instanceof FrameFault) throw new StreamError(index, error.offset, [streamIssue(error.code, error.message)]);
    throw error;
  }
}

/** A frame that arrived whole in one piece is held to the same limit as one still being buffered. */
function checkSize(frame: RawFrame, maxFrameBytes: number): void {
  // Characters never outnumber bytes, and a character is at most 3 bytes per UTF-16 unit: count only when needed.
  if (frame.text.length * 3 > maxFrameBytes && utf8Length(frame.text) > maxFrameBytes) throw tooLong(frame.offset, maxFrameBytes);
}

function tooLong(offset: number, maxFrameBytes: number): FrameFault {
  return new FrameFault("stream-framing", offset, `the frame is longer than maxFrameBytes (${maxFrameBytes})`);
}

function sniff(first: string): Exclude<Framing, "auto"> {
  if (first === "[") return "json-array";
  if (first === "{") return "ndjson";
  return "sse";
}
