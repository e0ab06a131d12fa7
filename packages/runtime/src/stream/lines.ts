// Line splitting for the line-based framings, across piece boundaries, with the byte offset of each line.
// SSE ends lines with CRLF, LF or a lone CR; NDJSON only with LF (a CR there is JSON whitespace, not a break).
import { utf8Length } from "./utf8.ts";

export interface Line {
  text: string;
  /** Byte offset of the line's first character. */
  start: number;
}

const HEAD_LENGTH = 8;
const SSE_BREAK = /[\r\n]/g;
const LF_BREAK = /\n/g;

export class LineSplitter {
  /** The current line so far (it may span pieces). */
  private partial = "";
  /** The first HEAD_LENGTH characters of `partial`. */
  private head = "";
  private partialStart = 0;
  private started = false;
  /** The last piece ended with CR: a LF starting the next piece belongs to the same line break. */
  private afterCR = false;
  private readonly breaks: RegExp;

  constructor(readonly mode: "sse" | "lf") {
    this.breaks = new RegExp(mode === "sse" ? SSE_BREAK : LF_BREAK);
  }

  /**
   * Where the unfinished line starts and its first few characters, if any of it is buffered. Only a short head is
   * kept apart: reading the long partial line itself would flatten it on every piece, which is quadratic.
   */
  get pending(): { start: number; head: string } | undefined {
    return this.partial ? { start: this.partialStart, head: this.head } : undefined;
  }

  *push(text: string, offset: number): Generator<Line> {
    let i = 0;
    if (!this.started) {
      this.started = true;
      this.partialStart = offset;
    }
    if (this.afterCR) {
      this.afterCR = false;
      if (text.startsWith("\n")) {
        i = 1;
        this.partialStart += 1;
      }
    }
    const breaks = this.breaks;
    for (;;) {
      breaks.lastIndex = i;
      const found = breaks.exec(text);
      if (!found) {
        if (this.head.length < HEAD_LENGTH)
          this.head = (this.head + text.slice(i, i + HEAD_LENGTH)).slice(0, HEAD_LENGTH);
        this.partial += text.slice(i);
        return;
      }
      const at = found.index;
      const line = this.partial + text.slice(i, at);
      const start = this.partialStart;
      let next = at + 1;
      if (text[at] === "\r") {
        if (next < text.length) {
          if (text[next] === "\n") next++;
        } else this.afterCR = true;
      }
      this.partial = "";
      this.head = "";
      this.partialStart = start + utf8Length(line) + (next - at);
      i = next;
      yield { text: line, start };
    }
  }

  /** The unterminated last line, if the input did not end with a line break. */
  end(): Line | undefined {
    const line = this.partial;
    this.partial = "";
    this.head = "";
    return line ? { text: line, start: this.partialStart } : undefined;
  }
}
