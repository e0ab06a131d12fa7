// The JSON-array stream (streamGenerateContent without alt=sse): `[{…},\r\n{…}]`, sent as the elements are
// produced. A small scanner tracks string, escape and nesting state, so each top-level element is cut out as soon
// as it closes and only that element is ever buffered. The elements' own JSON is checked later, by JSON.parse.
import { FrameFault } from "./errors.ts";
import type { Framer, RawFrame } from "./framer.ts";
import { utf8Length } from "./utf8.ts";

/** open: before `[`; next: an element (or `]` right after `[`) must follow; element: inside one; after: `,` or `]` must follow. */
type Phase = "open" | "next" | "element" | "after" | "closed";

/** Inside a string only `"` and `\` matter; outside, only quotes and brackets. */
const STRING_SPECIAL = /["\\]/g;
const STRUCTURAL = /["[\]{}]/g;

const isSpace = (c: string | undefined) => c === " " || c === "\n" || c === "\r" || c === "\t";

export class JsonArrayFramer implements Framer {
  private phase: Phase = "open";
  /** No element yet: `]` may close the array at once. */
  private empty = true;
  /** The current element: its kind, where it starts, its text from earlier pieces, and the scanner state. */
  private kind: "nested" | "string" | "scalar" = "nested";
  private elementStart = 0;
  private buffer = "";
  private depth = 0;
  private inString = false;
  private escaped = false;
  private readonly stringSpecial = new RegExp(STRING_SPECIAL);
  private readonly structural = new RegExp(STRUCTURAL);

  get pendingSince(): number | undefined {
    return this.phase === "element" ? this.elementStart : undefined;
  }

  *push(text: string, offset: number): Generator<RawFrame> {
    const bytes = new ByteCursor(text, offset);
    let i = 0;
    let segment = 0; // where the current element's text starts in this piece
    while (i < text.length) {
      if (this.phase === "element") {
        const end = this.scan(text, i);
        if (end < 0) {
          this.buffer += text.slice(segment);
          return;
        }
        const payload = this.buffer + text.slice(segment, end);
        this.buffer = "";
        this.phase = "after";
        i = end;
        yield { offset: this.elementStart, text: payload, complete: true };
        continue;
      }
      while (isSpace(text[i])) i++;
      if (i >= text.length) return;
      const c = text[i]!;
      switch (this.phase) {
        case "open":
          if (c !== "[")
            throw new FrameFault(
              "stream-framing",
              bytes.at(i),
              `expected \`[\` to open the JSON-array stream, found ${show(c)}`,
            );
          this.phase = "next";
          i++;
          break;
        case "next":
          if (c === "]") {
            if (!this.empty)
              throw new FrameFault("stream-framing", bytes.at(i), "expected an array element after `,`, found `]`");
            this.phase = "closed";
            i++;
            break;
          }
          if (c === ",") throw new FrameFault("stream-framing", bytes.at(i), "expected an array element, found `,`");
          this.startElement(c, bytes.at(i));
          segment = i;
          if (this.kind !== "scalar") i++;
          break;
        case "after":
          if (c === ",") this.phase = "next";
          else if (c === "]") this.phase = "closed";
          else
            throw new FrameFault(
              "stream-framing",
              bytes.at(i),
              `expected \`,\` or \`]\` after an array element, found ${show(c)}`,
            );
          i++;
          break;
        case "closed":
          throw new FrameFault("stream-framing", bytes.at(i), `unexpected ${show(c)} after the array's closing \`]\``);
      }
    }
    // The piece ended right after an element's first character.
    if (this.phase === "element") this.buffer += text.slice(segment);
  }

  end(offset: number): RawFrame[] {
    switch (this.phase) {
      case "closed":
        return [];
      case "element":
        throw new FrameFault("truncated", this.elementStart, "", true);
      case "open":
        throw new FrameFault("truncated", offset, "the input ends before the JSON array starts");
      default:
        throw new FrameFault(
          "truncated",
          offset,
          `the input ends before the array's closing \`]\`${this.empty ? ", with no chunk in it" : ""}`,
        );
    }
  }

  private startElement(first: string, at: number): void {
    this.phase = "element";
    this.empty = false;
    this.elementStart = at;
    this.kind = first === "{" || first === "[" ? "nested" : first === '"' ? "string" : "scalar";
    this.depth = this.kind === "nested" ? 1 : 0;
    this.inString = this.kind === "string";
    this.escaped = false;
  }

  /** Index just past the current element's end in `text` (scanning from `i`), or -1 if it goes on. */
  private scan(text: string, i: number): number {
    if (this.kind === "scalar") {
      // A number or literal ends at whitespace or the next delimiter; whatever it is, JSON.parse judges it.
      while (i < text.length && !isSpace(text[i]) && text[i] !== "," && text[i] !== "]") i++;
      return i < text.length ? i : -1;
    }
    for (;;) {
      if (this.inString) {
        if (this.escaped) {
          if (i >= text.length) return -1;
          this.escaped = false;
          i++;
        }
        this.stringSpecial.lastIndex = i;
        const found = this.stringSpecial.exec(text);
        if (!found) return -1;
        i = found.index + 1;
        if (text[found.index] === "\\") {
          this.escaped = true;
          continue;
        }
        this.inString = false;
        if (this.depth === 0) return i; // the element was a string
        continue;
      }
      this.structural.lastIndex = i;
      const found = this.structural.exec(text);
      if (!found) return -1;
      i = found.index + 1;
      const c = text[found.index];
      if (c === '"') this.inString = true;
      else if (c === "{" || c === "[") this.depth++;
      else if (--this.depth === 0) return i;
    }
  }
}

/** Byte offsets of increasing character indexes in one piece, counting each character once. */
class ByteCursor {
  private index = 0;
  constructor(
    private readonly text: string,
    private offset: number,
  ) {}

  at(index: number): number {
    this.offset += utf8Length(this.text, this.index, index);
    this.index = index;
    return this.offset;
  }
}

function show(c: string): string {
  return c === "`" ? "a backtick" : `\`${c}\``;
}
