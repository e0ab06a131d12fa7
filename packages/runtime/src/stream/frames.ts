// readFrames: input → decoded text → frames of the chosen framing, numbered, with byte offsets. Framing faults
// become StreamErrors here, where the index of the chunk they spoil is known. A body that is no stream (an HTML
// page, plain text, a JSON scalar) and a stream with no frame at all end in a StreamError too: neither carries a
// response, and an empty iteration would pass for one.
import { errorEnvelopeError, isErrorEnvelope } from "./api-error.ts";
import { FrameFault, StreamError, streamIssue } from "./errors.ts";
import type { Framer, RawFrame } from "./framer.ts";
import { decodeInput, type StreamInput } from "./input.ts";
import { JsonArrayFramer } from "./json-array.ts";
import { NdjsonFramer } from "./ndjson.ts";
import { looksLike } from "./looks-like.ts";
import { SseFramer } from "./sse.ts";
import { utf8Length } from "./utf8.ts";

/**
 * `auto` looks at the first byte that is not whitespace: `[` → json-array, `{` → ndjson; a first line that is an SSE
 * field (`data`, `event`, `id`, `retry`) or comment (`:`) → sse; anything else is no stream.
 */
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
  const sniffer = framing === "auto" ? new Sniffer() : undefined;
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
        const sniffed = sniffer!.push(text, offset, false);
        if (!sniffed) continue;
        ({ framer, text, offset } = sniffed);
      }
      for (const frame of framer.push(text, offset)) {
        checkSize(frame, maxFrameBytes);
        yield { index: index++, ...frame };
      }
      const since = maxFrameBytes === Infinity ? undefined : framer.pendingSince;
      if (since !== undefined && end - since > maxFrameBytes) throw tooLong(since, maxFrameBytes);
    }
    if (!framer) {
      const sniffed = sniffer!.push("", end, true);
      if (sniffed) {
        framer = sniffed.framer;
        for (const frame of framer.push(sniffed.text, sniffed.offset)) {
          checkSize(frame, maxFrameBytes);
          yield { index: index++, ...frame };
        }
      }
    }
    if (framer) {
      for (const frame of framer.end(end)) {
        checkSize(frame, maxFrameBytes);
        yield { index: index++, ...frame };
      }
    }
    if (index === 0)
      throw new FrameFault("stream-framing", 0, `the stream holds no chunk: ${emptyReason(framer, end)}`);
  } catch (error) {
    if (error instanceof FrameFault) throw streamErrorOf(error, index);
    throw error;
  }
}

/** A fault as the StreamError of chunk `index`; a JSON body found outside the framing may be the API's error. */
function streamErrorOf(fault: FrameFault, index: number): StreamError {
  if (fault.stray !== undefined) {
    const value = parseOrUndefined(fault.stray);
    if (isErrorEnvelope(value)) return errorEnvelopeError(value, index, fault.offset);
  }
  return new StreamError(index, fault.offset, [streamIssue(fault.code, fault.sentence(index))]);
}

function parseOrUndefined(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Why a stream that ended without error had no frame. */
function emptyReason(framer: Framer | undefined, bytes: number): string {
  if (framer instanceof SseFramer)
    return framer.done
      ? "it ends with `data: [DONE]` before any event with data"
      : "the event stream has no event with data";
  if (framer instanceof JsonArrayFramer) return "the JSON array is empty";
  if (framer) return "it has no line";
  return bytes === 0 ? "the input is empty" : "the input holds only white space";
}

/** A frame that arrived whole in one piece is held to the same limit as one still being buffered. */
function checkSize(frame: RawFrame, maxFrameBytes: number): void {
  // Characters never outnumber bytes, and a character is at most 3 bytes per UTF-16 unit: count only when needed.
  if (frame.text.length * 3 > maxFrameBytes && utf8Length(frame.text) > maxFrameBytes)
    throw tooLong(frame.offset, maxFrameBytes);
}

function tooLong(offset: number, maxFrameBytes: number): FrameFault {
  return new FrameFault("stream-framing", offset, `the frame is longer than maxFrameBytes (${maxFrameBytes})`);
}

/** Characters of a first line kept to decide: "retry:" is the longest SSE start; the rest only names what it is. */
const HEAD_CHARS = 64;
const SSE_NAMES = ["data", "event", "id", "retry"];

/**
 * The `auto` choice. `[` and `{` decide at once; anything else waits for the first line (or HEAD_CHARS of it, or the
 * end) to tell an SSE field from what is no stream. Until then it holds that text, to hand it to the framer.
 */
class Sniffer {
  /** The text from the first non-whitespace character on, while undecided. */
  private head = "";
  private headOffset = 0;

  push(text: string, offset: number, final: boolean): { framer: Framer; text: string; offset: number } | undefined {
    if (this.head === "") {
      const first = text.search(/[^ \t\r\n]/);
      if (first < 0) return undefined; // only whitespace so far: nothing to sniff, nothing to keep
      text = text.slice(first);
      offset += first; // whitespace is ASCII
      this.headOffset = offset;
      if (text[0] === "[" || text[0] === "{")
        return { framer: FRAMERS[text[0] === "[" ? "json-array" : "ndjson"](), text, offset };
    }
    this.head += text;
    const lineEnd = this.head.search(/[\r\n]/);
    const line = lineEnd < 0 ? this.head : this.head.slice(0, lineEnd);
    const decided = lineEnd >= 0 || final || this.head.length >= HEAD_CHARS;
    if (sseStart(line, decided)) return { framer: new SseFramer(), text: this.head, offset: this.headOffset };
    if (!decided) return undefined; // it may still be an SSE field; if not, the rest of the line says what it is
    throw new FrameFault(
      "stream-framing",
      this.headOffset,
      `not a stream (SSE, JSON array or NDJSON): ${looksLike(this.head)}`,
    );
  }
}

/** Whether a first line opens an event stream: a comment, or a known field (`data:`, or `data` alone on its line). */
function sseStart(line: string, whole: boolean): boolean {
  if (line.startsWith(":")) return true;
  return SSE_NAMES.some(
    (name) => line.startsWith(name) && (line.length === name.length ? whole : line[name.length] === ":"),
  );
}
