// Server-sent events (`alt=sse`), as the WHATWG event-stream format defines them: an event is the run of lines up
// to a blank line; its `data:` lines are joined with "\n"; one space after the colon is dropped; comments (`:`)
// and the other fields (event, id, retry, unknown names) do not change the payload. Two departures, both so that
// a failure is not read as an empty stream: `data: [DONE]` (OpenAI's end marker, which OpenAI-compatible gateways
// in front of Gemini send) ends the stream and is no chunk; a line that cannot be a field (a JSON body, an HTML page,
// plain text) is a framing fault instead of an ignored unknown field.
import { FrameFault } from "./errors.ts";
import type { Framer, RawFrame } from "./framer.ts";
import { LineSplitter, type Line } from "./lines.ts";
import { DONE_MARKER, looksLike } from "./looks-like.ts";

/** A field name as servers write them; anything else (spaces, `<`, quotes, braces) is no field. */
const FIELD_NAME = /^[A-Za-z][\w-]*$/;

export class SseFramer implements Framer {
  private readonly lines = new LineSplitter("sse");
  /** The current event's data so far; undefined until it has a data line. */
  private data: string | undefined;
  private dataOffset = 0;
  /** Where `data: [DONE]` ended the stream; after it only comments and blank lines may follow. */
  private doneAt: number | undefined;
  /** A JSON body written outside any event: from its first line to the end of the input. */
  private stray: string | undefined;
  private strayOffset = 0;

  /** True once `data: [DONE]` was read. */
  get done(): boolean {
    return this.doneAt !== undefined;
  }

  get pendingSince(): number | undefined {
    if (this.stray !== undefined) return this.strayOffset;
    if (this.data !== undefined) return this.dataOffset;
    const line = this.lines.pending;
    if (!line) return undefined;
    // A long first data line still arriving: measure its payload, as a completed frame would be measured.
    return line.head.startsWith("data:") ? line.start + (line.head[5] === " " ? 6 : 5) : line.start;
  }

  *push(text: string, offset: number): Generator<RawFrame> {
    for (const line of this.lines.push(text, offset)) {
      const frame = this.line(line);
      if (frame) yield frame;
    }
  }

  *end(_offset: number): Generator<RawFrame> {
    const last = this.lines.end();
    if (last) this.line(last);
    if (this.stray !== undefined) throw strayBody(this.strayOffset, this.stray);
    const data = this.data;
    this.data = undefined;
    if (data === undefined) return;
    if (data === DONE_MARKER) {
      this.doneAt = this.dataOffset;
      return;
    }
    // No blank line after the last event. Recorders often drop it, so the event still counts; `complete: false`
    // lets the caller call it truncated if its JSON is cut short as well.
    yield { offset: this.dataOffset, text: data, complete: false };
  }

  private line({ text, start }: Line): RawFrame | undefined {
    if (this.stray !== undefined) {
      // Line breaks are JSON white space: which of CR, LF or CRLF they were does not change the value.
      this.stray += `\n${text}`;
      return undefined;
    }
    if (text === "") {
      if (this.data === undefined) return undefined; // an event without data (a keep-alive comment) is no frame
      const frame = { offset: this.dataOffset, text: this.data, complete: true };
      this.data = undefined;
      if (frame.text !== DONE_MARKER) return frame;
      this.doneAt = frame.offset;
      return undefined;
    }
    if (text.startsWith(":")) return undefined;
    const colon = text.indexOf(":");
    const field = colon < 0 ? text : text.slice(0, colon);
    if (field === "data") {
      const valueAt = colon < 0 ? text.length : text[colon + 1] === " " ? colon + 2 : colon + 1;
      const value = text.slice(valueAt);
      if (this.doneAt !== undefined) {
        throw new FrameFault(
          "stream-framing",
          start + valueAt,
          `an event after \`data: [DONE]\` (byte ${this.doneAt}), which ended the stream`,
        );
      }
      if (this.data === undefined) {
        this.data = value;
        this.dataOffset = start + valueAt; // "data: " is ASCII: characters are bytes
      } else this.data += `\n${value}`;
      return undefined;
    }
    // The spec ignores unknown fields, but a line opening a JSON value is a body written outside any event (the
    // API's error, or a non-SSE response read as SSE): it and all after it are kept, to be read as one JSON value.
    if (field.startsWith("{") || field.startsWith("[")) {
      this.stray = text;
      this.strayOffset = start;
      return undefined;
    }
    if (!FIELD_NAME.test(field))
      throw new FrameFault("stream-framing", start, `a line that is no event-stream field: ${looksLike(text)}`);
    return undefined;
  }
}

function strayBody(offset: number, text: string): FrameFault {
  return new FrameFault(
    "stream-framing",
    offset,
    "a JSON value outside any `data:` field (an error body inside the event stream?)",
    false,
    text,
  );
}
