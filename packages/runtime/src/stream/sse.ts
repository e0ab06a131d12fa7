// Server-sent events (`alt=sse`), as the WHATWG event-stream format defines them: an event is the run of lines up
// to a blank line; its `data:` lines are joined with "\n"; one space after the colon is dropped; comments (`:`)
// and the other fields (event, id, retry, unknown names) do not change the payload.
import { FrameFault } from "./errors.ts";
import type { Framer, RawFrame } from "./framer.ts";
import { LineSplitter, type Line } from "./lines.ts";

export class SseFramer implements Framer {
  private readonly lines = new LineSplitter("sse");
  /** The current event's data so far; undefined until it has a data line. */
  private data: string | undefined;
  private dataOffset = 0;

  get pendingSince(): number | undefined {
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
    // No blank line after the last event. Recorders often drop it, so the event still counts; `complete: false`
    // lets the caller call it truncated if its JSON is cut short as well.
    if (this.data !== undefined) yield { offset: this.dataOffset, text: this.data, complete: false };
    this.data = undefined;
  }

  private line({ text, start }: Line): RawFrame | undefined {
    if (text === "") {
      if (this.data === undefined) return undefined; // an event without data (a keep-alive comment) is no frame
      const frame = { offset: this.dataOffset, text: this.data, complete: true };
      this.data = undefined;
      return frame;
    }
    if (text.startsWith(":")) return undefined;
    const colon = text.indexOf(":");
    const field = colon < 0 ? text : text.slice(0, colon);
    if (field === "data") {
      const valueAt = colon < 0 ? text.length : text[colon + 1] === " " ? colon + 2 : colon + 1;
      const value = text.slice(valueAt);
      if (this.data === undefined) {
        this.data = value;
        this.dataOffset = start + valueAt; // "data: " is ASCII: characters are bytes
      } else this.data += `\n${value}`;
      return undefined;
    }
    // The spec ignores unknown fields, but a line opening a JSON value is a body written outside any event (an
    // error object the server sent mid-stream, or a non-SSE response): ignoring it would hide the failure.
    if (field.startsWith("{") || field.startsWith("[")) {
      throw new FrameFault("stream-framing", start, "a JSON value outside any `data:` field (an error body inside the event stream?)");
    }
    return undefined;
  }
}
