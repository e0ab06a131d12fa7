// Newline-delimited JSON: one JSON text per LF-terminated line (a CR before the LF is dropped); blank lines are
// skipped. Each line is one frame.
import type { Framer, RawFrame } from "./framer.ts";
import { LineSplitter, type Line } from "./lines.ts";

/** JSON's own whitespace only: String.prototype.trim would also drop characters JSON rejects (NBSP, BOM). */
const isSpace = (c: string | undefined) => c === " " || c === "\t" || c === "\r";

export class NdjsonFramer implements Framer {
  private readonly lines = new LineSplitter("lf");

  get pendingSince(): number | undefined {
    return this.lines.pending?.start;
  }

  *push(text: string, offset: number): Generator<RawFrame> {
    for (const line of this.lines.push(text, offset)) {
      const frame = frameOf(line, true);
      if (frame) yield frame;
    }
  }

  *end(_offset: number): Generator<RawFrame> {
    const last = this.lines.end();
    const frame = last && frameOf(last, false);
    if (frame) yield frame;
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
