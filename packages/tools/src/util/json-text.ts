// Parsing JSON text with located errors: JSON.parse only gives a character offset, which we turn into line:col.
// Also the byte side of locations: UTF-8 decoding that says where the first bad byte is, and line:col of byte
// offsets (what the stream parser reports) in a file or buffer.
import { jsonErrorIndex } from "@gemini-typekit/runtime";
import { error, type Diagnostic } from "../diagnostics.ts";

export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/** On failure, `index` is the character index in the text where parsing failed. */
export type ParseResult = { ok: true; value: unknown } | { ok: false; diagnostic: Diagnostic; index: number };

export function parseJsonText(text: string, file: string): ParseResult {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const index = jsonErrorIndex(text, message);
    const { line, column } = lineColumn(text, index);
    return { ok: false, diagnostic: error("json.syntax", `not valid JSON: ${message}`, { file, line, column }), index };
  }
}

export type Utf8Result = { ok: true; text: string } | { ok: false; offset: number; byte: number };

/**
 * The text of UTF-8 bytes, or the offset of the first byte that is not UTF-8. A lenient decoder puts U+FFFD where
 * bytes are bad; the first U+FFFD not spelled EF BF BD in the input is where they start.
 */
export function decodeUtf8(bytes: Uint8Array): Utf8Result {
  try {
    return { ok: true, text: new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes) };
  } catch {
    let at = 0;
    for (const char of new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes)) {
      if (char === "\uFFFD" && !(bytes[at] === 0xef && bytes[at + 1] === 0xbf && bytes[at + 2] === 0xbd))
        return { ok: false, offset: at, byte: bytes[at] ?? 0 };
      at += utf8Size(char.codePointAt(0)!);
    }
    return { ok: false, offset: bytes.length, byte: 0 };
  }
}

function utf8Size(codePoint: number): number {
  return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
}

/** Bytes that `text.slice(0, index)` takes in UTF-8. */
export function byteOffset(text: string, index: number): number {
  return new TextEncoder().encode(text.slice(0, index)).length;
}

export interface LineColumn {
  line: number;
  column: number;
}

/**
 * 1-based line and column of each byte offset in UTF-8 input (a buffer, or a file read again chunk by chunk):
 * lines end at LF, columns count characters. Reads only as far as the largest offset.
 */
export async function lineColumnsAt(
  source: Uint8Array | AsyncIterable<Uint8Array>,
  offsets: readonly number[],
): Promise<Map<number, LineColumn>> {
  const wanted = [...new Set(offsets)].sort((a, b) => a - b);
  const found = new Map<number, LineColumn>();
  let line = 1;
  let column = 1;
  let at = 0;
  let next = 0;
  for await (const chunk of source instanceof Uint8Array ? [source] : source) {
    for (const byte of chunk) {
      while (next < wanted.length && wanted[next] === at) found.set(wanted[next++]!, { line, column });
      if (next === wanted.length) return found;
      if (byte === 0x0a) {
        line++;
        column = 1;
      } else if ((byte & 0xc0) !== 0x80) column++; // a continuation byte is part of the character before it
      at++;
    }
  }
  // Offsets at (or past) the end of the input: where the input ends.
  while (next < wanted.length) found.set(wanted[next++]!, { line, column });
  return found;
}
