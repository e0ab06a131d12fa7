// Parsing JSON text with located errors: JSON.parse only gives a character offset, which we turn into line:col.
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

/**
 * Where JSON.parse failed when its message gives no position: V8 leaves it out for a text whose first character
 * cannot start a JSON value (`hello`, `<html>`); otherwise the text ended too early.
 */
function offsetWithoutPosition(text: string): number {
  const first = /\S/.exec(text);
  return first && !/[[{"\-0-9tfn]/.test(first[0]) ? first.index : text.length;
}

export type ParseResult = { ok: true; value: unknown } | { ok: false; diagnostic: Diagnostic };

export function parseJsonText(text: string, file: string): ParseResult {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const match = /position (\d+)/.exec(message);
    const offset = match ? Number(match[1]) : offsetWithoutPosition(text);
    const { line, column } = lineColumn(text, offset);
    return { ok: false, diagnostic: error("json.syntax", `not valid JSON: ${message}`, { file, line, column }) };
  }
}
