// Newline-delimited JSON: one JSON text per LF-terminated line (a CR before the LF is dropped); blank lines are
// skipped. Each line is one frame. A body whose first line is not a whole JSON value is no NDJSON: it is one JSON
// value written over several lines (Google's error bodies are pretty-printed: ../shared/fixtures/real/error/*.json),
// or broken. It is then read whole, as one frame, so that JSON.parse reports the value or its fault.
import type { Framer, RawFrame } from "./framer.ts";
import { LineSplitter, type Line } from "./lines.ts";

/** JSON's own whitespace only: String.prototype.trim would also drop characters JSON rejects (NBSP, BOM). */
const isSpace = (c: string | undefined) => c === " " || c === "\t" || c === "\r";

export class NdjsonFramer implements Framer {
  private readonly lines = new LineSplitter("lf");
  /** Lines so far; only the first one is ever tested for being whole. */
  private seen = 0;
  /** The whole body, once the first line showed it is one multi-line value; it starts at `wholeOffset`. */
  private whole: string[] | undefined;
  private wholeOffset = 0;

  get pendingSince(): number | undefined {
    return this.whole ? this.wholeOffset : this.lines.pending?.start;
  }

  *push(text: string, offset: number): Generator<RawFrame> {
    for (const line of this.lines.push(text, offset)) {
      const frame = this.line(line, true);
      if (frame) yield frame;
    }
  }

  *end(_offset: number): Generator<RawFrame> {
    const last = this.lines.end();
    const frame = last && this.line(last, false);
    if (frame) yield frame;
    // Nothing terminates a whole body but the end of the input: if its JSON ends early, the input was cut.
    if (this.whole) yield { offset: this.wholeOffset, text: this.whole.join("\n"), complete: false };
    this.whole = undefined;
  }

  private line(line: Line, complete: boolean): RawFrame | undefined {
    if (this.whole) {
      this.whole.push(line.text);
      return undefined;
    }
    const frame = frameOf(line, complete);
    if (!frame || this.seen++ > 0 || !complete || isWholeJson(frame.text)) return frame;
    this.whole = [frame.text];
    this.wholeOffset = frame.offset;
    return undefined;
  }
}

function frameOf({ text, start }: Line, complete: boolean): RawFrame | undefined {
  let from = 0;
  while (isSpace(text[from])) from++;
  if (from === text.length) return undefined;
  let to = text.length;
  while (isSpace(text[to - 1])) to--;
  // JSON whitespace is ASCII: its length in characters is its length in bytes.
  return { offset: start + from, text: text.slice(from, to), complete };
}

function isWholeJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
